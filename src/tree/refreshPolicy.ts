// When the tree fetches what, as a pure class (no vscode, injectable clock) so it can be unit-tested
// and benchmarked (test/bench/idleRequests.bench.ts drives this same class).
//
// - Periodic work only while the view is visible, only for folders that are loaded and shown (no
//   collapsed node above them), per project:
//   - `static` folders (catalog, system images, ISOs): never.
//   - a `fast` folder (servers) of one page: listed every interval (that one request is the check).
//   - a `fast` folder of more pages: a change check every interval instead (one request: the newest
//     actions of its kind, ./changeCheck.ts), and a full listing now and then, as below.
//   - full listings (`slow` folders: Floating IPs, snapshots, backups, SSH keys; large fast ones):
//     each would like every `slowEvery` intervals, and must come at least every `fullListingMaxMs`
//     (30 min: action lists miss renames and labels), but together they cost at most
//     `listingPagesPerInterval` pages an interval (./listingPeriods.ts): with the check, idle work
//     stays at 1.9 requests an interval (114 an hour at 60 s) whatever the size. When even the
//     30-minute floor costs more than that (5,000 servers are 100 pages), the small folders keep it
//     and the large ones are listed less often, each in proportion to its pages.
//   A refresh made for any other reason (manual, after an action) counts: the clock restarts.
// - A resource in a transitional state is polled (GET one) with a backoff until it settles, then
//   polling stops; it gives up after `pollGiveUpMs`.
// - The project's rate-limit budget (`budgetFraction`): below 20 % remaining, every period and poll
//   gap of that project doubles; below 5 %, its background work stops (re-asked every interval)
//   until the budget has refilled. What a user does still goes: expanding a folder, Refresh, the
//   first poll after a command.

import { DEFAULT_PER_PAGE } from '../api/http';
import type { BudgetState } from '../api/transport';
import { listingPeriods } from './listingPeriods';

export type FolderClass = 'fast' | 'slow' | 'static';

export interface RefreshPolicyOptions {
  /** `hcloud.autoRefreshSeconds`; 0 turns periodic refresh off. */
  intervalSeconds: number;
  /** Full listings would like to come every this many intervals. Default 10. */
  slowEvery?: number;
  /** Every periodic folder is listed in full at least this often, while the budget below allows it. Default 30 min. */
  fullListingMaxMs?: number;
  /** Pages of full listings a project may cost per interval, on average (besides its one check). Default 0.9. */
  listingPagesPerInterval?: number;
  /** The project's remaining rate-limit budget (0..1), undefined when unknown. Keys are `project/<id>`. */
  budgetFraction?: (projectKey: string) => number | undefined;
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
/** Below this fraction of the rate-limit budget, background periods and poll gaps double. */
export const BUDGET_SLOW_BELOW = 0.2;
/** Below this fraction, background work stops until the budget has refilled. */
export const BUDGET_STOP_BELOW = 0.05;

export interface DueItem {
  key: string;
  /** `periodic`: list the folder in full; `check`: run its change check; `poll`: GET the resource. */
  reason: 'periodic' | 'check' | 'poll';
}

interface FolderState {
  cls: FolderClass;
  /** When the last full listing started (or ended). */
  lastLoaded: number;
  /** Requests its last listing cost. */
  pages: number;
  /** A fast folder of several pages: when its change check last ran; undefined before the first (due at once). */
  checkedAt?: number;
  /** The API offers no action list to check: the folder is only listed. */
  uncheckable?: boolean;
  /** A check saw a change that only a listing shows: listed as soon as its pages allow (see folderStale). */
  stale?: boolean;
}

interface PollState {
  /** The next poll is `gap` (times the budget factor) after this. */
  from: number;
  gap: number;
  delay: number;
  since: number;
  inFlight: boolean;
}

interface Scheduled {
  key: string;
  reason: DueItem['reason'];
  at: number;
}

export class RefreshPolicy {
  private readonly folders = new Map<string, FolderState>();
  private readonly polls = new Map<string, PollState>();
  private readonly collapsed = new Set<string>();
  private visible = false;
  private intervalMs: number;
  private readonly opts: Required<Omit<RefreshPolicyOptions, 'intervalSeconds' | 'budgetFraction'>>;
  private readonly budgetFraction: (projectKey: string) => number | undefined;

  constructor(
    private readonly now: () => number,
    options: RefreshPolicyOptions,
  ) {
    this.intervalMs = normalizeInterval(options.intervalSeconds) * 1000;
    this.opts = {
      slowEvery: options.slowEvery ?? 10,
      fullListingMaxMs: options.fullListingMaxMs ?? 30 * 60_000,
      listingPagesPerInterval: options.listingPagesPerInterval ?? 0.9,
      pollFirstMs: options.pollFirstMs ?? 1000,
      pollFactor: options.pollFactor ?? 1.5,
      pollMaxMs: options.pollMaxMs ?? 15_000,
      pollGiveUpMs: options.pollGiveUpMs ?? 30 * 60_000,
    };
    this.budgetFraction = options.budgetFraction ?? (() => undefined);
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

  /** The folder's children were just fetched, in `pages` requests. */
  folderLoaded(key: string, cls: FolderClass, pages = 1): void {
    const old = this.folders.get(key);
    const now = this.now();
    // A listing shows what a check would: the next check comes an interval later (the first one, at once).
    const checkedAt = old?.checkedAt === undefined ? undefined : now;
    this.folders.set(key, { cls, lastLoaded: now, pages: Math.max(1, pages), checkedAt, uncheckable: old?.uncheckable });
  }

  /** The folder's change check found what only a full listing shows (a new resource, too many changes). */
  folderStale(key: string): void {
    const f = this.folders.get(key);
    if (f) f.stale = true;
  }

  /** The API offers no action list for the folder's check: it is listed instead (within the same budget). */
  checkUnavailable(key: string): void {
    const f = this.folders.get(key);
    if (f) f.uncheckable = true;
  }

  /** A node was collapsed: no periodic refresh for the folders under it (or itself) until it is expanded again. */
  nodeCollapsed(key: string): void {
    this.collapsed.add(key);
  }

  /** A node was expanded: the loaded folders it shows again (itself included) that are older than their period; refresh those now. */
  nodeExpanded(key: string): string[] {
    this.collapsed.delete(key);
    const now = this.now();
    const periods = this.listingPeriods();
    const stale: string[] = [];
    for (const [k, f] of this.folders) {
      if (k !== key && !k.startsWith(`${key}/`)) continue;
      const period = this.mode(f) === 'every' ? this.intervalMs : periods.get(k);
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
      from: now,
      gap: at === 'now' ? 0 : this.opts.pollFirstMs,
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
    p.from = now;
    p.gap = p.delay;
    p.delay = Math.min(p.delay * this.opts.pollFactor, this.opts.pollMaxMs);
  }

  /** What to fetch now. Marks each returned item as started (it is not returned again until it is due again). */
  due(): DueItem[] {
    const now = this.now();
    const out: DueItem[] = [];
    for (const s of this.scheduled(now)) {
      if (s.at > now) continue;
      if (s.reason === 'poll') {
        const p = this.polls.get(s.key);
        if (p) p.inFlight = true;
      } else {
        const f = this.folders.get(s.key) as FolderState;
        if (s.reason === 'periodic') {
          f.lastLoaded = now;
          f.stale = false;
          if (f.checkedAt !== undefined) f.checkedAt = now;
        } else {
          f.checkedAt = now;
        }
      }
      out.push({ key: s.key, reason: s.reason });
    }
    return out;
  }

  /** When due() will next return something (ms since epoch), or undefined when nothing is scheduled. */
  nextDue(): number | undefined {
    let next = Infinity;
    for (const s of this.scheduled(this.now())) next = Math.min(next, s.at);
    return next === Infinity ? undefined : next;
  }

  /**
   * The full-listing period (ms) of each shown folder that is listed within the project's budget,
   * before the budget factor: what the bench prints and nodeExpanded compares with.
   */
  listingPeriods(): Map<string, number> {
    const out = new Map<string, number>();
    if (this.intervalMs === 0) return out;
    const maxMs = Math.max(this.opts.fullListingMaxMs, this.intervalMs);
    const desiredMs = Math.min(this.opts.slowEvery * this.intervalMs, maxMs);
    const byProject = new Map<string, Array<[string, FolderState]>>();
    for (const [key, f] of this.folders) {
      if (this.mode(f) !== 'budgeted' || !this.shown(key)) continue;
      const project = projectKeyOf(key);
      byProject.set(project, [...(byProject.get(project) ?? []), [key, f]]);
    }
    for (const folders of byProject.values()) {
      const demands = folders.map(([, f]) => ({
        pages: f.pages,
        // A large folder without a check can only be seen to change by listing it: it would like every interval.
        desiredMs: f.cls === 'fast' && f.uncheckable ? this.intervalMs : desiredMs,
      }));
      const periods = listingPeriods(demands, this.opts.listingPagesPerInterval / this.intervalMs, maxMs);
      folders.forEach(([key], i) => out.set(key, periods[i]));
    }
    return out;
  }

  /** What is scheduled, and when (`at` may be in the past: due now). */
  private scheduled(now: number): Scheduled[] {
    const out: Scheduled[] = [];
    const factors = new Map<string, number>();
    const factorOf = (key: string) => {
      const project = projectKeyOf(key);
      let f = factors.get(project);
      if (f === undefined) factors.set(project, (f = budgetFactor(this.budgetFraction(project))));
      return f;
    };
    // Background work of a project whose budget is spent is asked for again an interval later.
    const recheck = now + (this.intervalMs || this.opts.pollMaxMs);
    const at = (key: string, from: number, gap: number) => {
      const factor = factorOf(key);
      return factor === Infinity ? recheck : from + gap * factor;
    };
    for (const [key, p] of this.polls) {
      if (p.inFlight) continue;
      // The first poll after a command is the user's; the ones after it are background work.
      out.push({ key, reason: 'poll', at: p.gap === 0 ? p.from : at(key, p.from, p.gap) });
    }
    if (!this.visible || this.intervalMs === 0) return out;
    const periods = this.listingPeriods();
    for (const [key, f] of this.folders) {
      if (!this.shown(key)) continue;
      const mode = this.mode(f);
      if (mode === 'never') continue;
      if (mode === 'every') {
        out.push({ key, reason: 'periodic', at: at(key, f.lastLoaded, this.intervalMs) });
        continue;
      }
      let listAt = at(key, f.lastLoaded, periods.get(key) as number);
      // A stale folder costs at most a page an interval more.
      if (f.stale) listAt = Math.min(listAt, at(key, f.lastLoaded, f.pages * this.intervalMs));
      out.push({ key, reason: 'periodic', at: listAt });
      if (f.cls === 'fast' && !f.uncheckable) {
        const checkAt = f.checkedAt === undefined ? at(key, now, 0) : at(key, f.checkedAt, this.intervalMs);
        // A listing due as well makes the check needless.
        if (!(listAt <= now && checkAt <= now)) out.push({ key, reason: 'check', at: checkAt });
      }
    }
    return out;
  }

  /** `never` (static, or refresh off); `every` interval (a fast folder of one page); `budgeted` (listed within the project's budget). */
  private mode(f: FolderState): 'never' | 'every' | 'budgeted' {
    if (this.intervalMs === 0 || f.cls === 'static') return 'never';
    return f.cls === 'fast' && f.pages <= 1 ? 'every' : 'budgeted';
  }
}

/** What one listing of the data cost: one request per page of DEFAULT_PER_PAGE items, at least one. */
export function listingPages(data: unknown): number {
  return Array.isArray(data) ? Math.max(1, Math.ceil(data.length / DEFAULT_PER_PAGE)) : 1;
}

/** How much longer a project's background periods are: 1, 2 (below 20 % of the budget) or Infinity (below 5 %: stopped). */
export function budgetFactor(fraction: number | undefined): number {
  if (fraction === undefined || !Number.isFinite(fraction)) return 1;
  if (fraction < BUDGET_STOP_BELOW) return Infinity;
  return fraction < BUDGET_SLOW_BELOW ? 2 : 1;
}

/**
 * The share of a project's request budget left now (the transport models the refill since the last
 * answer and the requests sent after it: src/api/handlers/budget.ts). Undefined before any answer.
 */
export function remainingFraction(budget: BudgetState | undefined): number | undefined {
  if (!budget || budget.limit <= 0) return undefined;
  return Math.min(budget.limit, budget.remaining) / budget.limit;
}

/** The project part of a tree key: `project/<id>/servers` → `project/<id>` (empty when there is none). */
export function projectKeyOf(key: string): string {
  if (!key.startsWith('project/')) return '';
  const end = key.indexOf('/', 'project/'.length);
  return end === -1 ? key : key.slice(0, end);
}

/** 0 stays 0 (off); anything else is at least MIN_INTERVAL_SECONDS; nonsense means the default 60. */
export function normalizeInterval(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) return 60;
  if (seconds === 0) return 0;
  return Math.max(MIN_INTERVAL_SECONDS, Math.round(seconds));
}
