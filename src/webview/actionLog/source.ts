// Where the action log's actions come from (no vscode, tested against the simulator over HTTP).
//
// Every list is one or more "streams" of actions, newest first (`sort=started:desc`), filtered by
// status on the API's side, fetched a page (25) at a time:
// - a project, 2018 API:  GET /actions (one stream)
// - a project, today's API (it refuses the unfiltered GET /actions with `deprecated_api_endpoint`):
//   the per-kind lists GET /servers/actions, /floating_ips/actions, /images/actions, /volumes/actions,
//   /networks/actions, /primary_ips/actions, /certificates/actions, /load_balancers/actions (one stream per scope kind, merged and de-duplicated:
//   `create_image` is in the servers' and the images' list).
//   Which one: the client's era when it knows it; otherwise GET /actions is tried, and a refusal
//   switches to the per-kind lists, remembered for the panel (SourceMemory).
// - a resource:  GET /servers|floating_ips|images|volumes|networks|primary_ips/{id}/actions (one stream)
// Streams are merged so that what is shown is complete: an action is shown only when no stream
// that has more pages could still hold a newer one; "Load older" fetches the next page of the
// stream that holds the others back, until one more page of 25 can be shown.
//
// Requests (measured by npm run bench, test/bench/actionLogRequests.bench.ts):
// - first load: 1 (2018) or one per scope kind (today's API; + 1 refused GET /actions while the era is unknown).
// - refresh: page 1 of every stream again: 1 (2018) or one per scope kind (today's API).
// - running actions: 1 GET per poll for all of them (ActionsResource.getMany, `GET /actions?id=`).
// - names of the resources shown (resolveNames), when the tree has not loaded them: at most one
//   list per kind shown (at most one per scope kind), once; again only for a resource never seen before.

import type { HcloudClient } from '../../api/client';
import { isHcloudError } from '../../api/errors';
import { isRefusal } from '../../api/resources/actions';
import type { Action, ActionListParams } from '../../api/types';
import { SCOPE_KINDS, type ActionLogScope, type ScopeKind, type StatusFilter } from '../../shared/actionLogProtocol';

export const PAGE_SIZE = 25;
/** Poll of running actions nobody else follows (ms): starts at `min`, ×1.5 each time, up to `max`. */
export const RUNNING_POLL = { min: 2000, max: 10_000 };

interface Stream {
  /** e.g. `all`, `server/42` */
  key: string;
  fetch(params: ActionListParams, signal: AbortSignal | undefined): Promise<{ items: Action[]; hasNext: boolean }>;
  /** Page to fetch next; null when the stream has no more. */
  nextPage: number | null;
  /** `started` (ms) of the oldest action fetched from it; +Infinity before the first page. */
  oldest: number;
}

export interface ActionSnapshot {
  /** Newest first, at most the pages asked for. */
  actions: Action[];
  /** An older page can be shown. */
  hasMore: boolean;
}

export interface ActionQuery {
  filter: StatusFilter;
  scope?: ActionLogScope;
}

/** Newest first; equal times by id (newer id first). */
export function newestFirst(a: Action, b: Action): number {
  return b.started.getTime() - a.started.getTime() || b.id - a.id;
}

/** The API's resource type of a scope kind: `floatingIp` → `floating_ip`. */
export function apiType(kind: ScopeKind): string {
  return kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The scope kind of an API resource type (`primary_ip` → `primaryIp`), undefined for one without a log of its own. */
export function scopeKindOf(type: string): ScopeKind | undefined {
  return SCOPE_KINDS.find((k) => apiType(k) === type);
}

/** Each named resource type's list, as `[id, name]` (one request per kind, paged by listAll). */
type NameList = (client: HcloudClient) => Promise<Array<[number, string]>>;
const NAME_LISTS = new Map<string, NameList>([
  ['server', async (c) => (await c.servers.listAll()).map((s) => [s.id, s.name])],
  ['floating_ip', async (c) => (await c.floatingIps.listAll()).map((f) => [f.id, f.description ? `${f.ip} (${f.description})` : f.ip])],
  ['image', async (c) => (await c.images.listAll({ type: ['snapshot', 'backup'] })).map((i) => [i.id, i.description || i.name || `#${i.id}`])],
  ['volume', async (c) => (await c.volumes.listAll()).map((v) => [v.id, v.name])],
  ['network', async (c) => (await c.networks.listAll()).map((n) => [n.id, n.name])],
  ['primary_ip', async (c) => (await c.primaryIps.listAll()).map((p) => [p.id, p.name])],
  ['certificate', async (c) => (await c.certificates.listAll()).map((x) => [x.id, x.name])],
  ['load_balancer', async (c) => (await c.loadBalancers.listAll()).map((x) => [x.id, x.name])],
  ['firewall', async (c) => (await c.firewalls.listAll()).map((f) => [f.id, f.name])],
]);

/**
 * What the sources of one panel share (a new source per filter): resource names learned from lists
 * (`server/42` → `web-1`), the ids a list did not have, and whether the API refused GET /actions.
 */
export class SourceMemory {
  readonly names = new Map<string, string>();
  /** `type/id` looked up in a list and not found (deleted): not asked for again. */
  readonly unnamed = new Set<string>();
  /** The API refused the unfiltered GET /actions: a project's actions come from the per-kind lists. */
  perKind = false;
}

export class ActionSource {
  private streams: Stream[] = [];
  private readonly fetched = new Map<number, Action>();
  private limit: number;
  private readonly names: Map<string, string>;
  private readonly unnamed: Set<string>;

  constructor(
    /** Replaceable: the panel passes the pool's current client before each call. */
    public client: HcloudClient,
    readonly query: ActionQuery,
    private readonly pageSize = PAGE_SIZE,
    /** Shared by the sources of one panel (a new one per filter): names and the refusal are learned once. */
    private readonly memory: SourceMemory = new SourceMemory(),
  ) {
    this.limit = pageSize;
    this.names = memory.names;
    this.unnamed = memory.unnamed;
  }

  /** Where the actions come from: the project's list, the per-kind lists, or one resource's list. */
  get lists(): 'all' | 'perKind' | 'resource' {
    if (this.query.scope) return 'resource';
    return this.streams.length > 1 ? 'perKind' : 'all';
  }

  /** True when the resource was looked up in its list and not found: it was deleted. */
  notFound(type: string, id: number): boolean {
    return this.unnamed.has(`${type}/${id}`);
  }

  /** A name the source learned from the resource lists (`server/42` → `web-1`). */
  nameOf(type: string, id: number): string | undefined {
    return this.names.get(`${type}/${id}`);
  }

  /**
   * Learns the names of the resources of `actions` that neither the source nor `known` (the tree)
   * has: one list request per kind that has such a resource (servers, Floating IPs, own images,
   * volumes, networks, Primary IPs), and none again for ids once looked up. A name once learned
   * stays when its resource is deleted. True when a name was learned.
   */
  async resolveNames(actions: Action[], known: (type: string, id: number) => boolean = () => false): Promise<boolean> {
    const wanted = new Set<string>();
    for (const a of actions) {
      for (const r of a.resources) {
        const k = `${r.type}/${r.id}`;
        if (NAME_LISTS.has(r.type) && !this.names.has(k) && !this.unnamed.has(k) && !known(r.type, r.id)) wanted.add(k);
      }
    }
    if (!wanted.size) return false;
    const types = new Set([...wanted].map((k) => k.slice(0, k.indexOf('/'))));
    const before = this.names.size;
    const lists = await Promise.all([...types].map(async (type) => ({ type, named: await (NAME_LISTS.get(type) as NameList)(this.client) })));
    for (const { type, named } of lists) for (const [id, name] of named) this.names.set(`${type}/${id}`, name);
    for (const k of wanted) if (!this.names.has(k)) this.unnamed.add(k);
    return this.names.size > before;
  }

  /**
   * The first page (or pages, when merged streams need more to fill one). `signal` (here and in
   * loadOlder and refresh) stops the requests on their way and those not sent yet: a newer load
   * replaced this one.
   */
  async load(signal?: AbortSignal): Promise<ActionSnapshot> {
    this.fetched.clear();
    this.limit = this.pageSize;
    const scope = this.query.scope;
    if (scope) {
      this.streams = [this.resourceStream(scope.kind, scope.id)];
      await this.fetchFirstPages(this.streams, signal);
    } else {
      const era = this.client.era;
      const perKind = era === '2026' || (era === undefined && this.memory.perKind);
      this.streams = perKind ? this.kindStreams() : [this.projectStream()];
      try {
        await this.fetchFirstPages(this.streams, signal);
      } catch (e) {
        // Not known to be today's API, and it refused the unfiltered list: it is (remembered).
        if (perKind || era === '2018' || !(isHcloudError(e, 'deprecated_api_endpoint') || isRefusal(e))) throw e;
        this.memory.perKind = true;
        this.streams = this.kindStreams();
        await this.fetchFirstPages(this.streams, signal);
      }
    }
    await this.fill(signal);
    return this.snapshot();
  }

  /** One more page of older actions. */
  async loadOlder(signal?: AbortSignal): Promise<ActionSnapshot> {
    this.limit = Math.max(this.limit, this.shown().length) + this.pageSize;
    await this.fill(signal);
    return this.snapshot();
  }

  /** Page 1 of every stream again (new actions, changed states). */
  async refresh(signal?: AbortSignal): Promise<ActionSnapshot> {
    await Promise.all(this.streams.map((s) => this.fetchPage(s, 1, signal)));
    await this.fill(signal);
    return this.snapshot();
  }

  /**
   * Newer states of actions (from a poll or from the extension itself). An action not yet in the
   * list joins it when it belongs here (status filter, scope); one that no longer matches the
   * filter leaves it.
   */
  update(actions: Action[]): ActionSnapshot {
    for (const a of actions) {
      const known = this.fetched.has(a.id);
      if (!this.matches(a)) {
        if (known) this.fetched.delete(a.id);
        continue;
      }
      if (known || this.belongs(a)) this.fetched.set(a.id, a);
    }
    return this.snapshot();
  }

  /** Ids of the shown actions that are still running. */
  runningIds(): number[] {
    return this.shown()
      .filter((a) => a.status === 'running')
      .map((a) => a.id);
  }

  snapshot(): ActionSnapshot {
    const visible = this.visible();
    return {
      actions: visible.slice(0, this.limit),
      hasMore: visible.length > this.limit || this.streams.some((s) => s.nextPage !== null),
    };
  }

  // ---------------------------------------------------------------------------------------------

  private shown(): Action[] {
    return this.visible().slice(0, this.limit);
  }

  /** Fetched actions no stream could still have a newer one than, newest first. */
  private visible(): Action[] {
    const open = this.streams.filter((s) => s.nextPage !== null);
    const frontier = open.length ? Math.max(...open.map((s) => s.oldest)) : -Infinity;
    return [...this.fetched.values()].filter((a) => a.started.getTime() >= frontier).sort(newestFirst);
  }

  /** Fetches the page of the stream that holds the others back until `limit` can be shown. */
  private async fill(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      if (this.visible().length >= this.limit) return;
      const open = this.streams.filter((s) => s.nextPage !== null);
      if (!open.length) return;
      const next = open.reduce((a, b) => (b.oldest > a.oldest ? b : a));
      await this.fetchPage(next, next.nextPage as number, signal);
    }
  }

  private async fetchFirstPages(streams: Stream[], signal: AbortSignal | undefined): Promise<void> {
    await Promise.all(streams.map((s) => this.fetchPage(s, 1, signal)));
  }

  private async fetchPage(stream: Stream, page: number, signal: AbortSignal | undefined): Promise<void> {
    const status = this.query.filter === 'all' ? undefined : this.query.filter;
    const { items, hasNext } = await stream.fetch({ page, perPage: this.pageSize, status, sort: ['started:desc', 'id:desc'] }, signal);
    for (const a of items) this.fetched.set(a.id, a);
    const oldest = items.length ? Math.min(...items.map((a) => a.started.getTime())) : -Infinity;
    // A refresh (page 1 again): the stream's paging stays where it was.
    if (page === 1 && stream.oldest !== Infinity) return;
    stream.oldest = Math.min(stream.oldest, oldest);
    stream.nextPage = hasNext && items.length > 0 ? page + 1 : null;
  }

  private matches(a: Action): boolean {
    return this.query.filter === 'all' || a.status === this.query.filter;
  }

  /** Whether a new action belongs to this log (its scope; a project log takes any). */
  private belongs(a: Action): boolean {
    const scope = this.query.scope;
    if (!scope) return true;
    return a.resources.some((r) => r.type === apiType(scope.kind) && r.id === scope.id);
  }

  private projectStream(): Stream {
    return {
      key: 'all',
      nextPage: 1,
      oldest: Infinity,
      fetch: async (params, signal) => {
        const r = await this.client.actions.list(params, { signal });
        return { items: r.items, hasNext: hasNext(r.pagination, params.page ?? 1) };
      },
    };
  }

  /** The client's resource of a kind, at each call (the panel may swap the client). */
  private resourceOf(kind: ScopeKind) {
    const c = this.client;
    const resources = { server: c.servers, floatingIp: c.floatingIps, image: c.images, volume: c.volumes, network: c.networks, primaryIp: c.primaryIps,
      certificate: c.certificates,
      loadBalancer: c.loadBalancers, firewall: c.firewalls };
    return resources[kind];
  }

  private resourceStream(kind: ActionLogScope['kind'], id: number): Stream {
    return {
      key: `${apiType(kind)}/${id}`,
      nextPage: 1,
      oldest: Infinity,
      fetch: async (params, signal) => {
        const r = await this.resourceOf(kind).listActions(id, params, { signal });
        return { items: r.items, hasNext: hasNext(r.pagination, params.page ?? 1) };
      },
    };
  }

  /** Today's API: the actions of each scope kind (all servers, all Floating IPs, ...), one list each. */
  private kindStreams(): Stream[] {
    return SCOPE_KINDS.map((kind) => ({
      key: apiType(kind),
      nextPage: 1,
      oldest: Infinity,
      fetch: async (params: ActionListParams, signal: AbortSignal | undefined) => {
        const r = await this.resourceOf(kind).listKindActions(params, { signal });
        return { items: r.items, hasNext: hasNext(r.pagination, params.page ?? 1) };
      },
    }));
  }
}

function hasNext(p: { nextPage: number | null; lastPage: number | null } | undefined, page: number): boolean {
  if (!p) return false;
  if (p.nextPage !== null) return p.nextPage > page;
  return p.lastPage !== null && p.lastPage > page;
}
