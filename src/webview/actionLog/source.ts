// Where the action log's actions come from (no vscode, tested against the simulator over HTTP).
//
// Every list is one or more "streams" of actions, newest first (`sort=started:desc`), filtered by
// status on the API's side, fetched a page (25) at a time:
// - a project:   GET /actions                      (one stream)
// - a resource:  GET /servers|floating_ips|images/{id}/actions (one stream)
// - a project whose API refuses the unfiltered GET /actions (today's live API): one stream per
//   server, Floating IP and own image (snapshot, backup), merged and de-duplicated ("fallback").
// Streams are merged so that what is shown is complete: an action is shown only when no stream
// that has more pages could still hold a newer one; "Load older" fetches the next page of the
// stream that holds the others back, until one more page of 25 can be shown.
//
// Requests (demo project: 8 servers, 4 Floating IPs, 6 snapshots/backups):
// - first load: 1 (GET /actions); fallback: 1 refused + 3 lists + 1 per resource.
// - refresh: 1 (page 1 again); fallback: 3 lists + 1 per resource (`refreshCost`).
// - running actions: 1 GET per poll for all of them (ActionsResource.getMany).
// - names of the resources shown (resolveNames), when the tree has not loaded them: at most one
//   list per kind (3), once; again only for a resource never seen before.

import type { HcloudClient } from '../../api/client';
import { isRefusal } from '../../api/resources/actions';
import type { Action, ActionListParams, FloatingIp, Image, Server } from '../../api/types';
import type { ActionLogScope, StatusFilter } from '../../shared/actionLogProtocol';

export const PAGE_SIZE = 25;
/** Poll of running actions nobody else follows (ms): starts at `min`, ×1.5 each time, up to `max`. */
export const RUNNING_POLL = { min: 2000, max: 10_000 };

interface Stream {
  /** e.g. `all`, `server/42` */
  key: string;
  fetch(params: ActionListParams): Promise<{ items: Action[]; hasNext: boolean }>;
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
  /** The API refused the list of all actions; these are the actions of the project's resources. */
  fallback: boolean;
}

export interface ActionQuery {
  filter: StatusFilter;
  scope?: ActionLogScope;
}

/** Newest first; equal times by id (newer id first). */
export function newestFirst(a: Action, b: Action): number {
  return b.started.getTime() - a.started.getTime() || b.id - a.id;
}

/** The API's resource type of a scope kind. */
export function apiType(kind: ActionLogScope['kind']): string {
  return kind === 'floatingIp' ? 'floating_ip' : kind;
}

/** Resource names learned from lists (`server/42` → `web-1`) and the ids a list did not have. */
export class NameBook {
  readonly names = new Map<string, string>();
  /** `type/id` looked up in a list and not found (deleted): not asked for again. */
  readonly unnamed = new Set<string>();
}

export class ActionSource {
  private streams: Stream[] = [];
  private readonly fetched = new Map<number, Action>();
  private limit: number;
  private isFallback = false;
  private readonly names: Map<string, string>;
  private readonly unnamed: Set<string>;

  constructor(
    /** Replaceable: the panel passes the pool's current client before each call. */
    public client: HcloudClient,
    readonly query: ActionQuery,
    private readonly pageSize = PAGE_SIZE,
    /** Shared by the sources of one panel (a new one per filter), so names are looked up once. */
    book: NameBook = new NameBook(),
  ) {
    this.limit = pageSize;
    this.names = book.names;
    this.unnamed = book.unnamed;
  }

  get fallback(): boolean {
    return this.isFallback;
  }

  /**
   * Requests one refresh costs: 1, or in fallback 3 lists + 1 per resource. The panel spaces its
   * automatic refreshes by this factor, so an idle log costs the same requests an hour either way.
   */
  get refreshCost(): number {
    return this.isFallback ? 3 + this.streams.length : this.streams.length;
  }

  /** A name the source learned from the resource lists of the fallback (`server/42` → `web-1`). */
  nameOf(type: string, id: number): string | undefined {
    return this.names.get(`${type}/${id}`);
  }

  /**
   * Learns the names of the resources of `actions` that neither the source nor `known` (the tree)
   * has: one list request per kind that has such a resource (servers, Floating IPs, own images),
   * so at most 3, and none again for ids once looked up. True when a name was learned.
   */
  async resolveNames(actions: Action[], known: (type: string, id: number) => boolean = () => false): Promise<boolean> {
    const wanted = new Set<string>();
    for (const a of actions) {
      for (const r of a.resources) {
        const k = `${r.type}/${r.id}`;
        if (NAMED_TYPES.includes(r.type) && !this.names.has(k) && !this.unnamed.has(k) && !known(r.type, r.id)) wanted.add(k);
      }
    }
    if (!wanted.size) return false;
    const types = new Set([...wanted].map((k) => k.slice(0, k.indexOf('/'))));
    const before = this.names.size;
    const [servers, floatingIps, images] = await Promise.all([
      types.has('server') ? this.client.servers.listAll() : [],
      types.has('floating_ip') ? this.client.floatingIps.listAll() : [],
      types.has('image') ? this.client.images.listAll({ type: ['snapshot', 'backup'] }) : [],
    ]);
    this.learnNames(servers, floatingIps, images);
    for (const k of wanted) if (!this.names.has(k)) this.unnamed.add(k);
    return this.names.size > before;
  }

  /** The first page (or pages, when merged streams need more to fill one). */
  async load(): Promise<ActionSnapshot> {
    this.fetched.clear();
    this.limit = this.pageSize;
    const scope = this.query.scope;
    if (scope) {
      this.streams = [this.resourceStream(scope.kind, scope.id)];
      await this.fetchFirstPages(this.streams);
    } else {
      this.isFallback = false;
      this.streams = [this.projectStream()];
      try {
        await this.fetchFirstPages(this.streams);
      } catch (e) {
        if (!isRefusal(e)) throw e;
        this.isFallback = true;
        this.streams = await this.resourceStreams();
        await this.fetchFirstPages(this.streams);
      }
    }
    await this.fill();
    return this.snapshot();
  }

  /** One more page of older actions. */
  async loadOlder(): Promise<ActionSnapshot> {
    this.limit = Math.max(this.limit, this.shown().length) + this.pageSize;
    await this.fill();
    return this.snapshot();
  }

  /**
   * Page 1 of every stream again (new actions, changed states); in fallback the resource lists
   * too, so new resources join and deleted ones stop being asked.
   */
  async refresh(): Promise<ActionSnapshot> {
    if (this.isFallback) {
      const fresh = await this.resourceStreams();
      const old = new Map(this.streams.map((s) => [s.key, s]));
      this.streams = fresh.map((s) => old.get(s.key) ?? s);
    }
    await Promise.all(this.streams.map((s) => this.fetchPage(s, 1)));
    await this.fill();
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
      fallback: this.isFallback,
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
  private async fill(): Promise<void> {
    for (;;) {
      if (this.visible().length >= this.limit) return;
      const open = this.streams.filter((s) => s.nextPage !== null);
      if (!open.length) return;
      const next = open.reduce((a, b) => (b.oldest > a.oldest ? b : a));
      await this.fetchPage(next, next.nextPage as number);
    }
  }

  private async fetchFirstPages(streams: Stream[]): Promise<void> {
    await Promise.all(streams.map((s) => this.fetchPage(s, 1)));
  }

  private async fetchPage(stream: Stream, page: number): Promise<void> {
    const status = this.query.filter === 'all' ? undefined : this.query.filter;
    const { items, hasNext } = await stream.fetch({ page, perPage: this.pageSize, status, sort: ['started:desc', 'id:desc'] });
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
      fetch: async (params) => {
        const r = await this.client.actions.list(params);
        return { items: r.items, hasNext: hasNext(r.pagination, params.page ?? 1) };
      },
    };
  }

  private resourceStream(kind: ActionLogScope['kind'], id: number): Stream {
    const resource = kind === 'server' ? this.client.servers : kind === 'floatingIp' ? this.client.floatingIps : this.client.images;
    return {
      key: `${apiType(kind)}/${id}`,
      nextPage: 1,
      oldest: Infinity,
      fetch: async (params) => {
        const r = await resource.listActions(id, params);
        return { items: r.items, hasNext: hasNext(r.pagination, params.page ?? 1) };
      },
    };
  }

  /** One stream per server, Floating IP and own image of the project (3 list requests). */
  private async resourceStreams(): Promise<Stream[]> {
    const [servers, floatingIps, images] = await Promise.all([
      this.client.servers.listAll(),
      this.client.floatingIps.listAll(),
      this.client.images.listAll({ type: ['snapshot', 'backup'] }),
    ]);
    this.learnNames(servers, floatingIps, images);
    return [
      ...servers.map((s) => this.resourceStream('server', s.id)),
      ...floatingIps.map((f) => this.resourceStream('floatingIp', f.id)),
      ...images.map((i) => this.resourceStream('image', i.id)),
    ];
  }

  private learnNames(servers: Server[], floatingIps: FloatingIp[], images: Image[]): void {
    for (const s of servers) this.names.set(`server/${s.id}`, s.name);
    for (const f of floatingIps) this.names.set(`floating_ip/${f.id}`, f.description ? `${f.ip} (${f.description})` : f.ip);
    for (const i of images) this.names.set(`image/${i.id}`, i.description || i.name || `#${i.id}`);
  }
}

/** Resource types whose names the source can look up. */
const NAMED_TYPES = ['server', 'floating_ip', 'image'];

function hasNext(p: { nextPage: number | null; lastPage: number | null } | undefined, page: number): boolean {
  if (!p) return false;
  if (p.nextPage !== null) return p.nextPage > page;
  return p.lastPage !== null && p.lastPage > page;
}
