// Names of resources the extension has seen, by project, API resource type and id
// (`server/50` → `web-3`), so that the action log can name a resource after it was deleted:
// `Server "web-3" (deleted)` instead of `Server #50`, also on the row of its own creation.
// Learned from the actions the commands start (the tree's names of the resources they touch, and
// what a create answered) and from every name the action log finds. Kept for the session only.
// Plain TypeScript (no vscode).

/** At most this many names per project; the oldest go first. */
export const SEEN_NAMES_LIMIT = 5000;

export class SeenNames {
  private readonly byProject = new Map<string, Map<string, string>>();

  remember(projectId: string, type: string, id: number, name: string | undefined): void {
    if (!name) return;
    let names = this.byProject.get(projectId);
    if (!names) this.byProject.set(projectId, (names = new Map()));
    const key = `${type}/${id}`;
    names.delete(key); // the newest goes to the end
    names.set(key, name);
    if (names.size > SEEN_NAMES_LIMIT) names.delete(names.keys().next().value as string);
  }

  get(projectId: string, type: string, id: number): string | undefined {
    return this.byProject.get(projectId)?.get(`${type}/${id}`);
  }

  forgetProject(projectId: string): void {
    this.byProject.delete(projectId);
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
