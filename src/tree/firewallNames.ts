// Today's API: the names of the firewalls a server names in `public_net.firewalls`, for its tooltip
// and children. From the Firewalls folder when it is loaded; else learned with one GET of the
// firewalls (kept here, not in the folder: nothing is polled after it, the idle cost stays the same).

import type { Firewall } from '../api/types';

export class FirewallNames {
  private readonly names = new Map<number, string>();
  private loading: Promise<void> | undefined;

  constructor(
    /** The Firewalls folder's list, when loaded. */
    private readonly folder: () => readonly Firewall[] | undefined,
    /** One GET of every firewall. */
    private readonly fetch: () => Promise<readonly Firewall[]>,
  ) {}

  name(id: number): string | undefined {
    return this.folder()?.find((f) => f.id === id)?.name ?? this.names.get(id);
  }

  /** Learns the names once when any of `ids` is unknown; concurrent callers share the request. */
  async ensure(ids: readonly number[]): Promise<void> {
    if (ids.every((id) => this.name(id) !== undefined)) return;
    this.loading ??= this.fetch()
      .then((list) => {
        this.names.clear();
        for (const f of list) this.names.set(f.id, f.name);
      })
      .finally(() => (this.loading = undefined));
    await this.loading;
  }

  /** A firewall changed (or Refresh): names are asked again when next needed. */
  forget(): void {
    this.names.clear();
  }
}
