// /actions: every action of the project (list with status, sort and the live API's id filter; get),
// and `getMany`, the one poll the action waiter makes. Today's API refuses the list without an id
// filter (`deprecated_api_endpoint`): there, list per kind (`servers.listKindActions`, ...) or per
// resource; `getMany`'s `GET /actions?id=..` works in both.

import { convertAction } from '../convert';
import { HcloudError } from '../errors';
import type { ActionListResponseSchema, ActionSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, ActionsListParams } from '../types';
import { actionQuery, itemPath, ReadResource } from './base';

/** The API's largest page: how many ids one `GET /actions?id=..` asks for. */
const IDS_PER_REQUEST = 50;

/**
 * An answer that says "this list form is not offered here" rather than "something is wrong":
 * any 4xx except the ones that would fail a single GET just the same (auth, rate limit, not found
 * is kept for single gets).
 */
export function isRefusal(e: unknown): boolean {
  return e instanceof HcloudError && e.status >= 400 && e.status < 500 && e.status !== 401 && e.status !== 429;
}

export class ActionsResource extends ReadResource<ActionSchema, Action, ActionsListParams> {
  /** Set once `GET /actions?id=..` was refused: from then on actions are fetched one by one. */
  private listByIdRefused = false;

  constructor(transport: ApiTransport) {
    super(transport, '/actions', { one: 'action', many: 'actions' }, convertAction);
  }

  protected override query(params: ActionsListParams): Query {
    return { ...actionQuery(params), id: params.id };
  }

  /**
   * The current state of several actions, in the order of `ids`. Asks `GET /actions?id=1&id=2`
   * (50 ids a request); when the API refuses that form, or leaves an id out, falls back to
   * `GET /actions/{id}` for those. Rejects with `not_found` when an action does not exist.
   */
  async getMany(ids: number[], opts?: CallOptions): Promise<Action[]> {
    const unique = [...new Set(ids)];
    const found = new Map<number, Action>();
    if (unique.length > 1 && !this.listByIdRefused) {
      for (let i = 0; i < unique.length; i += IDS_PER_REQUEST) {
        for (const a of await this.listByIds(unique.slice(i, i + IDS_PER_REQUEST), opts)) found.set(a.id, a);
      }
    }
    const missing = unique.filter((id) => !found.has(id));
    const single = await Promise.all(missing.map((id) => this.fetchOne(itemPath(this.path, id), opts)));
    for (const a of single) found.set(a.id, a);
    return ids.map((id) => found.get(id) as Action);
  }

  private async listByIds(ids: number[], opts?: CallOptions): Promise<Action[]> {
    try {
      const body = await this.transport.request<ActionListResponseSchema>('GET', '/actions', {
        ...opts,
        query: { id: ids, per_page: IDS_PER_REQUEST },
      });
      return (body?.actions ?? []).filter((a) => ids.includes(a.id)).map(convertAction);
    } catch (e) {
      if (!isRefusal(e)) throw e;
      this.listByIdRefused = true;
      return [];
    }
  }
}
