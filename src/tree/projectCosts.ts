// A project's monthly total for its row: computed when the project is expanded (or its row is
// hovered), from every billed kind listed once, and kept 10 minutes. A kind whose folder is loaded
// is read from the folder (the tree keeps it current: no request); any other is listed once here,
// not as a folder, so nothing polls it afterwards. Idle, it costs nothing: only a user's expanding
// or hovering computes it again once it is older than 10 minutes. No vscode: the idle benchmark
// drives this same class.

import { projectCosts, type ProjectCosts } from '../api/costs';
import type { Pricing } from '../api/types';
import type { FolderData } from './fetch';

/** The folders whose resources are billed. */
export type CostWhat = 'servers' | 'volumes' | 'primaryIps' | 'floatingIps' | 'snapshots' | 'loadBalancers';

/** The billed kinds of each API: the 2018 contract has no Volumes, Primary IPs or Load Balancers. */
export function costFolders(today: boolean): CostWhat[] {
  return today ? ['servers', 'volumes', 'primaryIps', 'floatingIps', 'snapshots', 'loadBalancers'] : ['servers', 'floatingIps', 'snapshots'];
}

/** How long a computed total (and the lists listed for it) is kept. */
export const COSTS_MAX_AGE_MS = 10 * 60_000;

/**
 * A folder opened this soon after the total listed its kind takes that listing instead of listing
 * again (or waits for it while it is on its way): expanding a large project, then its Servers, lists
 * the servers once. Older lists are only good for the total.
 */
export const HANDOVER_MAX_AGE_MS = 30_000;

export function isCostWhat(what: string): what is CostWhat {
  return costFolders(true).includes(what as CostWhat);
}

export interface CostInputs {
  now(): number;
  /** Whether the project answers as today's API (Volumes, Primary IPs, Load Balancers exist). */
  today(): Promise<boolean>;
  /** The folder's data when it is loaded, else undefined. */
  loaded<W extends CostWhat>(what: W): FolderData[W] | undefined;
  /** One listing of the kind (all pages), outside the folders. */
  list<W extends CostWhat>(what: W): Promise<FolderData[W]>;
  /** The project's prices (loaded if they are not, or are older than 10 minutes). */
  pricing(): Promise<Pricing>;
}

export class ProjectCostCache {
  private readonly lists = new Map<CostWhat, { data: unknown; at: number }>();
  /** Listings on their way, by kind. */
  private readonly onTheirWay = new Map<CostWhat, Promise<unknown>>();
  private kinds: CostWhat[] = [];
  private pricing: Pricing | undefined;
  private computedAt: number | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly inputs: CostInputs) {}

  /** Whether a total was computed less than 10 minutes ago. */
  get fresh(): boolean {
    return this.computedAt !== undefined && this.inputs.now() - this.computedAt < COSTS_MAX_AGE_MS;
  }

  /**
   * The costs from the lists and prices last gathered, with each loaded folder's current data (no
   * request); undefined before the first ensure().
   */
  current(): ProjectCosts | undefined {
    if (this.computedAt === undefined) return undefined;
    const of = <W extends CostWhat>(w: W) => (this.kinds.includes(w) ? (this.inputs.loaded(w) ?? (this.lists.get(w)?.data as FolderData[W] | undefined)) : undefined);
    return projectCosts(
      { servers: of('servers') ?? [], volumes: of('volumes'), primaryIps: of('primaryIps'), floatingIps: of('floatingIps'), snapshots: of('snapshots'), loadBalancers: of('loadBalancers') },
      this.pricing,
    );
  }

  /** Gathers what the total needs unless it is fresh: one request per kind no folder has loaded, and the prices. Resolves when done. */
  async ensure(): Promise<void> {
    if (this.fresh) return;
    this.running ??= this.gather().finally(() => (this.running = undefined));
    await this.running;
  }

  /**
   * The kind's listing when it is on its way or was made less than `maxAgeMs` ago; else undefined.
   * A folder's first load takes it (./folderNode.ts) instead of listing the kind again.
   */
  handover<W extends CostWhat>(what: W, maxAgeMs = HANDOVER_MAX_AGE_MS): Promise<FolderData[W]> | undefined {
    const onItsWay = this.onTheirWay.get(what);
    if (onItsWay) return onItsWay as Promise<FolderData[W]>;
    const kept = this.lists.get(what);
    return kept && this.inputs.now() - kept.at <= maxAgeMs ? Promise.resolve(kept.data as FolderData[W]) : undefined;
  }

  /** Refresh: the next ensure() gathers again (current() keeps the last total meanwhile). */
  forget(): void {
    this.lists.clear();
    if (this.computedAt !== undefined) this.computedAt = -Infinity;
  }

  /** A command changed kind `what`: its list here is listed again at the next ensure() (current() keeps it meanwhile). */
  changed(what: string): void {
    if (!isCostWhat(what)) return; // not billed: the total does not depend on it
    const kept = this.lists.get(what);
    if (kept) kept.at = -Infinity;
    if (this.computedAt !== undefined) this.computedAt = -Infinity;
  }

  private async gather(): Promise<void> {
    const kinds = costFolders(await this.inputs.today());
    const now = this.inputs.now();
    const pricing = this.inputs.pricing();
    pricing.catch(() => undefined); // awaited below; a failed list must not leave it unhandled
    await Promise.all(
      kinds.map(async (w) => {
        if (this.inputs.loaded(w) !== undefined) return;
        const kept = this.lists.get(w);
        if (kept && now - kept.at < COSTS_MAX_AGE_MS) return;
        const listing = this.inputs.list(w);
        this.onTheirWay.set(w, listing);
        try {
          this.lists.set(w, { data: await listing, at: this.inputs.now() });
        } finally {
          this.onTheirWay.delete(w);
        }
      }),
    );
    this.pricing = await pricing;
    this.kinds = kinds;
    this.computedAt = this.inputs.now();
  }
}
