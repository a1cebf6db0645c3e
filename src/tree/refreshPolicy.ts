// When the tree fetches what, as a pure class (no vscode, injectable clock) so it can be unit-tested
// and benchmarked (test/bench/idleRequests.bench.ts drives this same class).
//
// - Periodic refresh only while the view is visible, only for folders that are loaded and expanded,
//   and by class: `fast` folders (servers) every interval, `slow` ones (Floating IPs, snapshots,
//   backups, SSH keys) every `slowEvery` intervals, `static` ones (catalog, system images, ISOs) never.
//   A refresh made for any other reason (manual, after an action) counts: the clock restarts.
// - A resource in a transitional state is polled (GET one) with a backoff until it settles, then
//   polling stops; it gives up after `pollGiveUpMs`.

export type FolderClass = 'fast' | 'slow' | 'static';

export interface RefreshPolicyOptions {
  /** `hcloud.autoRefreshSeconds`; 0 turns periodic refresh off. */
  intervalSeconds: number;
  /** Slow folders refresh every this many intervals. Default 10. */
  slowEvery?: number;
  /** First poll of a transitional resource after this long. Default 1000 ms (the first one on watch() is at once). */
  pollFirstMs?: number;
  /** Backoff factor between polls. Default 1.5. */
  pollFactor?: number;
  /** Longest gap between polls. Default 15 s. */
  pollMaxMs?: number;
  /** Stop polling a resource that has not settled after this long. Default 30 min. */
  pollGiveUpMs?: number;
}

/** Smallest interval accepted for `hcloud.autoRefreshSeconds` (other than 0). */
export const MIN_INTERVAL_SECONDS = 15;

export interface DueItem {
  key: string;
  reason: 'periodic' | 'poll';
}

interface FolderState {
  cls: FolderClass;
  lastLoaded: number;
}

interface PollState {
  nextAt: number;
  delay: number;
  since: number;
  inFlight: boolean;
}

export class RefreshPolicy {
  private readonly folders = new Map<string, FolderState>();
  private readonly polls = new Map<string, PollState>();
  private readonly collapsed = new Set<string>();
  private visible = false;
  private intervalMs: number;
  private readonly opts: Required<Omit<RefreshPolicyOptions, 'intervalSeconds'>>;

  constructor(
    private readonly now: () => number,
    options: RefreshPolicyOptions,
  ) {
    this.intervalMs = normalizeInterval(options.intervalSeconds) * 1000;
    this.opts = {
      slowEvery: options.slowEvery ?? 10,
      pollFirstMs: options.pollFirstMs ?? 1000,
      pollFactor: options.pollFactor ?? 1.5,
      pollMaxMs: options.pollMaxMs ?? 15_000,
      pollGiveUpMs: options.pollGiveUpMs ?? 30 * 60_000,
    };
  }

  setIntervalSeconds(seconds: number): void {
    this.intervalMs = normalizeInterval(seconds) * 1000;
  }

  get intervalSeconds(): number {
    return this.intervalMs / 1000;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
  }

  /** The folder's children were just fetched. */
  folderLoaded(key: string, cls: FolderClass): void {
    this.folders.set(key, { cls, lastLoaded: this.now() });
  }

  /** A node was collapsed: no periodic refresh for the folders under it (or itself) until it is expanded again. */
  nodeCollapsed(key: string): void {
    this.collapsed.add(key);
  }

  /** A node was expanded: the loaded folders it shows again (itself included) that are older than their period; refresh those now. */
  nodeExpanded(key: string): string[] {
    this.collapsed.delete(key);
    const now = this.now();
    const stale: string[] = [];
    for (const [k, f] of this.folders) {
      if (k !== key && !k.startsWith(`${key}/`)) continue;
      const period = this.period(f.cls);
      if (this.shown(k) && period !== undefined && now - f.lastLoaded >= period) stale.push(k);
    }
    return stale;
  }

  /** Shown unless it or a node above it is collapsed. */
  private shown(key: string): boolean {
    for (const c of this.collapsed) if (key === c || key.startsWith(`${c}/`)) return false;
    return true;
  }

  /** Forgets every folder and poll whose key starts with the prefix (a removed project). */
  forget(prefix: string): void {
    for (const k of [...this.folders.keys()]) if (k.startsWith(prefix)) this.folders.delete(k);
    for (const k of [...this.polls.keys()]) if (k.startsWith(prefix)) this.polls.delete(k);
    for (const k of [...this.collapsed]) if (k.startsWith(prefix)) this.collapsed.delete(k);
  }

  /** Polls the resource now, then with a backoff, until pollResult(key, true). Restarts the backoff when already watched. */
  watch(key: string, at: 'now' | 'later' = 'now'): void {
    const existing = this.polls.get(key);
    const now = this.now();
    if (existing && at === 'later') return;
    this.polls.set(key, {
      nextAt: at === 'now' ? now : now + this.opts.pollFirstMs,
      delay: this.opts.pollFirstMs,
      since: existing?.since ?? now,
      inFlight: false,
    });
  }

  isWatched(key: string): boolean {
    return this.polls.has(key);
  }

  /** After a poll: settled stops polling; otherwise the next poll comes after a longer gap. */
  pollResult(key: string, settled: boolean): void {
    const p = this.polls.get(key);
    if (!p) return;
    const now = this.now();
    if (settled || now - p.since >= this.opts.pollGiveUpMs) {
      this.polls.delete(key);
      return;
    }
    p.inFlight = false;
    p.nextAt = now + p.delay;
    p.delay = Math.min(p.delay * this.opts.pollFactor, this.opts.pollMaxMs);
  }

  /** What to fetch now. Marks each returned item as started (it is not returned again until it is due again). */
  due(): DueItem[] {
    const now = this.now();
    const out: DueItem[] = [];
    for (const [key, p] of this.polls) {
      if (!p.inFlight && p.nextAt <= now) {
        p.inFlight = true;
        out.push({ key, reason: 'poll' });
      }
    }
    if (this.visible) {
      for (const [key, f] of this.folders) {
        const period = this.period(f.cls);
        if (period === undefined || !this.shown(key)) continue;
        if (now - f.lastLoaded >= period) {
          f.lastLoaded = now;
          out.push({ key, reason: 'periodic' });
        }
      }
    }
    return out;
  }

  /** When due() will next return something (ms since epoch), or undefined when nothing is scheduled. */
  nextDue(): number | undefined {
    let next = Infinity;
    for (const p of this.polls.values()) if (!p.inFlight) next = Math.min(next, p.nextAt);
    if (this.visible) {
      for (const [key, f] of this.folders) {
        const period = this.period(f.cls);
        if (period !== undefined && this.shown(key)) next = Math.min(next, f.lastLoaded + period);
      }
    }
    return next === Infinity ? undefined : next;
  }

  private period(cls: FolderClass): number | undefined {
    if (this.intervalMs === 0 || cls === 'static') return undefined;
    return cls === 'fast' ? this.intervalMs : this.intervalMs * this.opts.slowEvery;
  }
}

/** 0 stays 0 (off); anything else is at least MIN_INTERVAL_SECONDS; nonsense means the default 60. */
export function normalizeInterval(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) return 60;
  if (seconds === 0) return 0;
  return Math.max(MIN_INTERVAL_SECONDS, Math.round(seconds));
}
