// What every resource client shares: paths, "get returns undefined on not_found", one page vs.
// every page of a list, and "POST /<res>/{id}/actions/<name> -> Action". The resource files only
// add their query mapping, bodies and extra verbs.

import { convertAction } from '../convert';
import { isHcloudError } from '../errors';
import type { ActionResponseSchema, ActionSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, ActionListParams, ActionsListParams, LabelListParams, ListOptions, ListResult, NameListParams } from '../types';

/** The API's default page size, used by `list` when no `perPage` is given. */
export const DEFAULT_PER_PAGE = 25;

/** `/servers`, 42 -> `/servers/42` (the id is encoded, so nothing can leave the path segment). */
export function itemPath(base: string, id: number | string): string {
  return `${base}/${encodeURIComponent(String(id))}`;
}

/** Resolves `undefined` when the API answers `not_found`; every other failure is rethrown. */
export async function orUndefined<T>(promise: Promise<T>): Promise<T | undefined> {
  try {
    return await promise;
  } catch (e) {
    if (isHcloudError(e, 'not_found')) return undefined;
    throw e;
  }
}

/** Query of the action lists (`status`, `sort`). */
export function actionQuery(params: ActionListParams): Query {
  return { status: params.status, sort: params.sort };
}

/** Today's `label_selector` of every list (`env=prod,tier!=db`), passed through as given. */
export function labelQuery(params: LabelListParams): Query {
  return { label_selector: params.labelSelector };
}

/** Body keys of a list answer (`servers`) and of a single-item answer (`server`). */
export interface ResourceKeys {
  one: string;
  many: string;
}

/** get / list / listAll of one kind of resource. */
export class ReadResource<W, T, P extends ListOptions = ListOptions> {
  constructor(
    protected readonly transport: ApiTransport,
    protected readonly path: string,
    protected readonly keys: ResourceKeys,
    protected readonly convert: (wire: W) => T,
  ) {}

  /** One item by id; `undefined` when it does not exist. */
  async get(id: number, opts?: CallOptions): Promise<T | undefined> {
    return orUndefined(this.fetchOne(itemPath(this.path, id), opts));
  }

  /** One page (default: page 1, 25 items) and its pagination meta. */
  async list(params?: P, opts?: CallOptions): Promise<ListResult<T>> {
    return (await this.fetchPage(params, opts)).result;
  }

  /** Every item over all pages. */
  async listAll(params?: Omit<P, keyof ListOptions>, opts?: CallOptions): Promise<T[]> {
    const query = this.query((params ?? {}) as P);
    const items = await this.transport.listAll<W>(this.path, this.keys.many, { ...opts, query });
    return items.map((w) => this.convert(w));
  }

  /** Filters and sort of `params` as query parameters; nothing by default. */
  protected query(_params: P): Query {
    return {};
  }

  protected async fetchOne(path: string, opts?: CallOptions): Promise<T> {
    const body = await this.transport.request<Record<string, W>>('GET', path, opts);
    return this.convert(body[this.keys.one]);
  }

  /** One page with its raw body, for lists that carry more than items (datacenters' recommendation). */
  protected async fetchPage(params: P | undefined, opts?: CallOptions): Promise<{ body: Record<string, unknown>; result: ListResult<T> }> {
    const p = params ?? ({} as P);
    const page = await this.transport.getPage<Record<string, unknown>>(this.path, p.page ?? 1, p.perPage ?? DEFAULT_PER_PAGE, {
      ...opts,
      query: this.query(p),
    });
    const body = page.body ?? {};
    const wire = Array.isArray(body[this.keys.many]) ? (body[this.keys.many] as W[]) : [];
    return { body, result: { items: wire.map((w) => this.convert(w)), pagination: page.pagination } };
  }

  /** PUT /<res>/{id} with `body`; the updated item. */
  protected async put(id: number, body: unknown, opts?: CallOptions): Promise<T> {
    const answer = await this.transport.request<Record<string, W>>('PUT', itemPath(this.path, id), { ...opts, body });
    return this.convert(answer[this.keys.one]);
  }

  /** DELETE /<res>/{id} for resources the API deletes at once (204). */
  protected async remove(id: number, opts?: CallOptions): Promise<void> {
    await this.transport.request<void>('DELETE', itemPath(this.path, id), opts);
  }
}

/** A resource with actions: its action list and `POST /<res>/{id}/actions/<name>`. */
export class ActionResource<W, T, P extends ListOptions = ListOptions> extends ReadResource<W, T, P> {
  /** One action of this item; `undefined` when either does not exist. */
  async getAction(id: number, actionId: number, opts?: CallOptions): Promise<Action | undefined> {
    return orUndefined(
      this.transport
        .request<ActionResponseSchema>('GET', itemPath(this.actionsPath(id), actionId), opts)
        .then((b) => convertAction(b.action)),
    );
  }

  /** One page of this item's actions (filter by status, sort). */
  listActions(id: number, params: ActionListParams = {}, opts?: CallOptions): Promise<ListResult<Action>> {
    return this.actionPage(this.actionsPath(id), params, actionQuery(params), opts);
  }

  /** Every action of this item. */
  async listAllActions(id: number, params: Omit<ActionListParams, keyof ListOptions> = {}, opts?: CallOptions): Promise<Action[]> {
    const items = await this.transport.listAll<ActionSchema>(this.actionsPath(id), 'actions', { ...opts, query: actionQuery(params) });
    return items.map(convertAction);
  }

  /**
   * One page of the actions of every resource of this kind (`GET /servers/actions`, ...: today's API;
   * the 2018 contract has only the per-resource lists). Filters: status, sort and `id`.
   */
  listKindActions(params: ActionsListParams = {}, opts?: CallOptions): Promise<ListResult<Action>> {
    return this.actionPage(`${this.path}/actions`, params, { ...actionQuery(params), id: params.id }, opts);
  }

  private async actionPage(path: string, page: ListOptions, query: Query, opts?: CallOptions): Promise<ListResult<Action>> {
    const answer = await this.transport.getPage<{ actions?: ActionSchema[] }>(path, page.page ?? 1, page.perPage ?? DEFAULT_PER_PAGE, { ...opts, query });
    return { items: (answer.body?.actions ?? []).map(convertAction), pagination: answer.pagination };
  }

  protected actionsPath(id: number): string {
    return `${itemPath(this.path, id)}/actions`;
  }

  /** POST /<res>/{id}/actions/<name>; the raw answer, for actions that return more than the action. */
  protected postAction<R extends { action: ActionSchema }>(id: number, name: string, body?: unknown, opts?: CallOptions): Promise<R> {
    return this.transport.request<R>('POST', `${this.actionsPath(id)}/${name}`, { ...opts, body });
  }

  /** POST /<res>/{id}/actions/<name>; the Action it started. */
  protected async runAction(id: number, name: string, body?: unknown, opts?: CallOptions): Promise<Action> {
    return convertAction((await this.postAction(id, name, body, opts)).action);
  }
}

/** A read-only catalog list filtered by `name` (server types, locations, datacenters, ISOs). */
export class NamedResource<W, T> extends ReadResource<W, T, NameListParams> {
  protected override query(params: NameListParams): Query {
    return { name: params.name };
  }
}
