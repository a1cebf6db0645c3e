// What every resource client shares: paths, "get returns undefined on not_found", one page vs.
// every page of a list, and "POST /<res>/{id}/actions/<name> -> Action". The resource files only
// add their query mapping, bodies and extra verbs.

import { convertAction } from '../convert';
import { ClientErrorCode, HcloudError, isHcloudError } from '../errors';
import { ACTION_MATCH_SLACK_API_CLOCK_MS, ACTION_MATCH_SLACK_MS, isLostAnswer, lostAnswerError, markLost, type AnswerLost } from '../lostAnswer';
import type { ActionResponseSchema, ActionSchema } from '../schema';
import type { ApiTransport, CallOptions, Query, RequestOptions } from '../transport';
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

/** One item of an answer that could not be read: left out of its list (or refused by `get`). */
export interface BadItem {
  /** The list or item path, e.g. `/servers`. */
  path: string;
  /** The item's id, when it has a readable one. */
  id?: number;
  /** What is wrong, e.g. `server_type is null` (never the item's text, never a token). */
  problem: string;
}

/**
 * Reports each bad item once (per path, id and problem) to `hook`: a refresh every minute must not
 * log the same broken server every minute. The client shares one between its resources.
 */
export class BadItems {
  private readonly seen = new Set<string>();
  constructor(private readonly hook?: (item: BadItem) => void) {}

  report(path: string, wire: unknown, error: unknown): BadItem {
    const raw = wire && typeof wire === 'object' ? (wire as { id?: unknown }).id : undefined;
    const id = typeof raw === 'number' && Number.isFinite(raw) ? raw : undefined;
    const problem = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    const item: BadItem = id === undefined ? { path, problem } : { path, id, problem };
    const key = `${path}\u0000${id}\u0000${problem}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      try {
        this.hook?.(item);
      } catch {
        // a failing logger must not fail the list
      }
    }
    return item;
  }
}

/** The log line for a bad item: `Left out item 42 of /servers: server_type is null.` */
export function describeBadItem(item: BadItem): string {
  return `Left out ${item.id === undefined ? 'an item' : `item ${item.id}`} of ${item.path}: ${item.problem}. The API's answer holds it in a shape the extension cannot read; the rest is shown.`;
}

/** How many items of this list were left out because they could not be read (0 for any other value). */
export function skippedItems(list: unknown): number {
  return list && typeof list === 'object' ? (skipped.get(list) ?? 0) : 0;
}

const skipped = new WeakMap<object, number>();

/** Converts each item on its own: one that throws is left out and reported, the rest are kept. */
export function convertEach<W, T>(wires: readonly W[], convert: (w: W) => T, path: string, bad: BadItems): T[] {
  const items: T[] = [];
  let left = 0;
  for (const w of wires) {
    try {
      items.push(convert(w));
    } catch (e) {
      left++;
      bad.report(path, w, e);
    }
  }
  if (left) skipped.set(items, left);
  return items;
}

/** Body keys of a list answer (`servers`) and of a single-item answer (`server`). */
export interface ResourceKeys {
  one: string;
  many: string;
}

/** get / list / listAll of one kind of resource. */
export class ReadResource<W, T, P extends ListOptions = ListOptions> {
  /** Where unreadable items are reported; the client gives all its resources one (with its hook). */
  badItems = new BadItems();

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
    return this.listAllConverted(this.path, this.keys.many, this.convert, { ...opts, query: this.query((params ?? {}) as P) });
  }

  /**
   * Every item of the list at `path`, converted. Each page is converted as soon as it is read, while
   * the other pages are on their way (a list's last page then costs no conversion after it); the
   * transport's result decides which items are returned, in which order.
   */
  protected async listAllConverted<X, Y>(path: string, key: string, convert: (wire: X) => Y, options: RequestOptions): Promise<Y[]> {
    const early = new Map<X, Y>();
    const onPage = (page: readonly unknown[]) => {
      for (const wire of page as readonly X[]) {
        try {
          early.set(wire, convert(wire));
        } catch {
          // converted again below, where it is reported once
        }
      }
    };
    const wires = await this.transport.listAll<X>(path, key, { ...options, onPage });
    return convertEach(wires, (wire) => early.get(wire) ?? convert(wire), path, this.badItems);
  }

  /** Filters and sort of `params` as query parameters; nothing by default. */
  protected query(_params: P): Query {
    return {};
  }

  protected async fetchOne(path: string, opts?: CallOptions): Promise<T> {
    const body = await this.transport.request<Record<string, W>>('GET', path, opts);
    return this.convertOne(body?.[this.keys.one], 'GET', path);
  }

  /** One item of a single-item answer; unreadable -> an `invalid_response` error that says why, never a raw TypeError. */
  protected convertOne(wire: W | undefined, method: string, path: string): T {
    try {
      return this.convert(wire as W);
    } catch (e) {
      const bad = this.badItems.report(path, wire, e);
      throw new HcloudError({
        code: ClientErrorCode.InvalidResponse,
        message: `The API's answer to ${method} ${path} holds a ${this.keys.one.replace(/_/g, ' ')} that cannot be read (${bad.problem}).`,
        status: 200,
        method,
        path,
      });
    }
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
    return { body, result: { items: convertEach(wire, this.convert, this.path, this.badItems), pagination: page.pagination } };
  }

  /** PUT /<res>/{id} with `body`; the updated item. */
  protected async put(id: number, body: unknown, opts?: CallOptions): Promise<T> {
    const path = itemPath(this.path, id);
    const answer = await this.transport.request<Record<string, W>>('PUT', path, { ...opts, body });
    return this.convertOne(answer?.[this.keys.one], 'PUT', path);
  }

  /** DELETE /<res>/{id} for resources the API deletes at once (204). */
  protected async remove(id: number, opts?: CallOptions): Promise<void> {
    await this.transport.request<void>('DELETE', itemPath(this.path, id), opts);
  }
}

/** The command of the action `POST .../actions/<name>` starts, where the two differ. */
const ACTION_COMMANDS: Record<string, string> = {
  poweron: 'start_server',
  poweroff: 'stop_server',
  shutdown: 'shutdown_server',
  reboot: 'reboot_server',
  reset: 'reset_server',
  rebuild: 'rebuild_server',
  change_type: 'change_server_type',
  assign: 'assign_floating_ip',
  unassign: 'unassign_floating_ip',
  attach: 'attach_volume',
  detach: 'detach_volume',
  resize: 'resize_volume',
  retry: 'issue_certificate',
};

/** How many of an item's newest actions are read to find the one a lost request started. */
const NEWEST_ACTIONS = 10;
/** How many items' newest action ids a client remembers (see ActionResource.newestActionSeen). */
const MAX_ITEMS_SEEN = 1000;

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
    return this.listAllConverted(this.actionsPath(id), 'actions', convertAction, { ...opts, query: actionQuery(params) });
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
    const wire = Array.isArray(answer.body?.actions) ? answer.body.actions : [];
    return { items: convertEach(wire, convertAction, path, this.badItems), pagination: answer.pagination };
  }

  /**
   * After a lost answer: this item's newest action with `command` that started at `since` (local
   * ms) or later; undefined when there is none. One request (the newest actions first). `since` is
   * moved to the API's clock when an answer told it (Date header), give or take 2 s; else the
   * tolerance is a minute, and an identical action started less than a minute before could be
   * taken for it.
   */
  async findStartedAction(id: number, command: string, since: number, opts?: CallOptions): Promise<Action | undefined> {
    const { items } = await this.listActions(id, { sort: 'id:desc', perPage: NEWEST_ACTIONS }, opts);
    const offset = this.transport.apiClockOffsetMs;
    const from = offset === undefined ? since - ACTION_MATCH_SLACK_MS : since + offset - ACTION_MATCH_SLACK_API_CLOCK_MS;
    const known = this.newestActionSeen.get(id) ?? 0;
    return items.find((a) => a.command === command && a.id > known && !(a.started.getTime() < from));
  }

  /**
   * The newest action id this client got for each item (from its own actions' answers): a lost
   * request's action is newer, whatever the clocks say. The oldest entries go past MAX_ITEMS_SEEN.
   */
  private readonly newestActionSeen = new Map<number, number>();

  private sawAction(id: number, action: Action): void {
    if ((this.newestActionSeen.get(id) ?? 0) >= action.id) return;
    this.newestActionSeen.delete(id);
    this.newestActionSeen.set(id, action.id);
    if (this.newestActionSeen.size > MAX_ITEMS_SEEN) this.newestActionSeen.delete(this.newestActionSeen.keys().next().value as number);
  }

  /**
   * POST /<res>/{id}/actions/<name>, never sent twice. When its answer is lost, the item's newest
   * actions say whether it started: then the action (marked `answerLost`) without the answer's
   * other parts (`wire` undefined); else an error that says it did not start, or could not be checked.
   */
  protected async postActionOrFind<R extends { action: ActionSchema }>(
    id: number,
    name: string,
    body?: unknown,
    opts?: CallOptions,
  ): Promise<{ wire?: R; action: Action & AnswerLost }> {
    const since = Date.now();
    try {
      const wire = await this.postAction<R>(id, name, body, opts);
      const action = convertAction(wire.action);
      this.sawAction(id, action);
      return { wire, action };
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      const command = this.commandOf(name);
      let found: Action | undefined;
      try {
        found = await this.findStartedAction(id, command, since, opts);
      } catch (why) {
        throw lostAnswerError(e, { found: undefined, why });
      }
      if (!found) throw lostAnswerError(e, { found: false, what: `no ${command} action of ${this.keys.one.replace(/_/g, ' ')} ${id} started since` });
      this.sawAction(id, found);
      return { action: markLost(found, e) };
    }
  }

  /** The command of the action `POST .../actions/<name>` starts (a family whose names differ overrides it). */
  protected commandOf(name: string): string {
    return ACTION_COMMANDS[name] ?? name;
  }

  protected actionsPath(id: number): string {
    return `${itemPath(this.path, id)}/actions`;
  }

  /** POST /<res>/{id}/actions/<name>; the raw answer, for actions that return more than the action. */
  protected postAction<R extends { action: ActionSchema }>(id: number, name: string, body?: unknown, opts?: CallOptions): Promise<R> {
    return this.transport.request<R>('POST', `${this.actionsPath(id)}/${name}`, { ...opts, body });
  }

  /** POST /<res>/{id}/actions/<name>; the Action it started. */
  protected async runAction(id: number, name: string, body?: unknown, opts?: CallOptions): Promise<Action & AnswerLost> {
    return (await this.postActionOrFind(id, name, body, opts)).action;
  }
}

/** A read-only catalog list filtered by `name` (server types, locations, datacenters, ISOs). */
export class NamedResource<W, T> extends ReadResource<W, T, NameListParams> {
  protected override query(params: NameListParams): Query {
    return { name: params.name };
  }
}
