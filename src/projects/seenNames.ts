// Names of resources the extension has seen, by project, API resource type and id
// (`server/50` → `web-3`), so that the action log can name a resource after it was deleted:
// `Server "web-3" (deleted)` instead of `Server #50`, also on the row of its own creation.
// Learned from the actions the commands start (the tree's names of the resources they touch, and
// what a create answered) and from every name the action log finds.
// With a store (the extension's global state), the newest SEEN_NAMES_KEPT names of each project
// outlive the window: a log opened after a reload still names a server deleted before it. They are
// saved a second after the last change, and dropped with their project (keepOnly).
// Plain TypeScript (no vscode).

/** At most this many names per project; the oldest go first. */
export const SEEN_NAMES_LIMIT = 5000;
/** At most this many of them (the newest) are kept in the store. */
export const SEEN_NAMES_KEPT = 1000;
export const SEEN_NAMES_KEY = 'hcloud.seenNames.v1';
const SAVE_DELAY_MS = 1000;

/** Where the names are kept between windows: a vscode.Memento fits. */
export interface NamesStore {
  get(key: string): unknown;
  update(key: string, value: unknown): PromiseLike<void>;
}

type Saved = Record<string, Array<[string, string]>>;

/** A `type/id` key and a name, as saved; anything else in the store (an older or damaged value) is dropped. */
function isSavedPair(v: unknown): v is [string, string] {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && /^[a-z_]{1,40}\/\d{1,20}$/.test(v[0]) && typeof v[1] === 'string' && v[1].length > 0 && v[1].length <= 256;
}

export class SeenNames {
  private readonly byProject = new Map<string, Map<string, string>>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store?: NamesStore) {
    const saved = store?.get(SEEN_NAMES_KEY);
    if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return;
    for (const [projectId, pairs] of Object.entries(saved as Record<string, unknown>)) {
      if (Array.isArray(pairs)) this.byProject.set(projectId, new Map(pairs.filter(isSavedPair).slice(-SEEN_NAMES_KEPT)));
    }
  }

  remember(projectId: string, type: string, id: number, name: string | undefined): void {
    if (!name) return;
    let names = this.byProject.get(projectId);
    if (!names) this.byProject.set(projectId, (names = new Map()));
    const key = `${type}/${id}`;
    if (names.get(key) === name && [...names.keys()].at(-1) === key) return; // nothing new
    names.delete(key); // the newest goes to the end
    names.set(key, name);
    if (names.size > SEEN_NAMES_LIMIT) names.delete(names.keys().next().value as string);
    this.scheduleSave();
  }

  get(projectId: string, type: string, id: number): string | undefined {
    return this.byProject.get(projectId)?.get(`${type}/${id}`);
  }

  forgetProject(projectId: string): void {
    if (this.byProject.delete(projectId)) this.scheduleSave();
  }

  /** Drops the names of every project not in `projectIds` (removed projects). */
  keepOnly(projectIds: ReadonlySet<string>): void {
    for (const id of [...this.byProject.keys()]) if (!projectIds.has(id)) this.forgetProject(id);
  }

  /** Saves now what is waiting to be saved (when the extension stops). */
  async flush(): Promise<void> {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const saved: Saved = {};
    for (const [projectId, names] of this.byProject) if (names.size) saved[projectId] = [...names].slice(-SEEN_NAMES_KEPT);
    await this.store?.update(SEEN_NAMES_KEY, saved);
  }

  private scheduleSave(): void {
    if (!this.store || this.timer) return;
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
    this.timer.unref?.();
  }
}

/**
 * The names a create's result carries for the resources of its actions: a property named after the
 * resource's type (`server` for `server`, `floatingIp` for `floating_ip`) holding `{ id, name }`
 * with the same id. Nothing else is guessed.
 */
export function namesInResult(result: unknown, resources: ReadonlyArray<{ type: string; id: number }>): Array<{ type: string; id: number; name: string }> {
  if (!result || typeof result !== 'object') return [];
  const out: Array<{ type: string; id: number; name: string }> = [];
  for (const r of resources) {
    const key = r.type.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const value = (result as Record<string, unknown>)[key] as { id?: unknown; name?: unknown } | undefined;
    if (value && typeof value === 'object' && value.id === r.id && typeof value.name === 'string' && value.name) out.push({ type: r.type, id: r.id, name: value.name });
  }
  return out;
}
