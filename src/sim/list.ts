// Lists: `page` / `per_page` (default 25, at most 50), `sort` (repeatable, `field`,
// `field:asc`, `field:desc`, only the fields the list allows), `meta.pagination` and the
// RFC 5988 `Link` header. Only the page that is answered gets rendered.

import { matchesLabelSelector } from '../api/labels';
import type { PaginationSchema } from '../api/schema';
import type { Reply } from './http';
import type { RouteContext } from './router';
import type { QueryInput } from './validate';

export type SortValue<T> = (item: T) => string | number | null;

export interface ListSpec<T> {
  /** Key of the array in the body, e.g. `servers`. */
  key: string;
  /** Sortable fields; a `sort` value outside them is invalid_input. */
  sort?: Record<string, SortValue<T>>;
  render?: (item: T) => unknown;
  /** More top-level keys (e.g. `recommendation`). */
  extra?: Record<string, unknown>;
}

export const MAX_PER_PAGE = 50;

interface SortBy<T> {
  value: SortValue<T>;
  desc: boolean;
}

export function listReply<T>(ctx: RouteContext, q: QueryInput, items: T[], spec: ListSpec<T>): Reply {
  const page = q.integer('page') ?? 1;
  const perPage = q.integer('per_page', { max: MAX_PER_PAGE }) ?? 25;
  const sorts = readSorts(q, spec.sort ?? {});
  q.done();
  const sorted = sorts.length ? [...items].sort(comparator(sorts)) : items;
  const total = sorted.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const slice = sorted.slice((page - 1) * perPage, page * perPage);
  const pagination: PaginationSchema = {
    page,
    per_page: perPage,
    previous_page: page > 1 ? Math.min(page - 1, lastPage) : null,
    next_page: page < lastPage ? page + 1 : null,
    last_page: lastPage,
    total_entries: total,
  };
  const render = spec.render ?? ((item: T) => item);
  return {
    status: 200,
    body: { [spec.key]: slice.map(render), ...spec.extra, meta: { pagination } },
    headers: { Link: linkHeader(ctx, pagination) },
  };
}

function readSorts<T>(q: QueryInput, fields: Record<string, SortValue<T>>): SortBy<T>[] {
  const allowed = Object.keys(fields).flatMap((f) => [f, `${f}:asc`, `${f}:desc`]);
  return q.all('sort', { oneOf: allowed }).map((s) => {
    const [field, direction] = s.split(':');
    return { value: fields[field], desc: direction === 'desc' };
  });
}

function comparator<T>(sorts: SortBy<T>[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const { value, desc } of sorts) {
      const order = compareValues(value(a), value(b));
      if (order) return desc ? -order : order;
    }
    return 0;
  };
}

/** Nulls sort after every value ascending (and so before them descending). */
function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function linkHeader(ctx: RouteContext, p: PaginationSchema): string {
  const url = (page: number) => {
    const params = new URLSearchParams();
    for (const [k, values] of Object.entries(ctx.query)) {
      if (k !== 'page' && k !== 'per_page') for (const v of values) params.append(k, v);
    }
    params.set('page', String(page));
    params.set('per_page', String(p.per_page));
    return `<${ctx.world.baseUrl}${ctx.path}?${params}>`;
  };
  const links: string[] = [];
  if (p.previous_page !== null) links.push(`${url(p.previous_page)}; rel="prev"`);
  if (p.next_page !== null) links.push(`${url(p.next_page)}; rel="next"`);
  links.push(`${url(p.last_page ?? 1)}; rel="last"`);
  return links.join(', ');
}

/** Keeps items whose field equals the query value, when one is given. */
export function whereEquals<T>(items: T[], value: string | undefined, field: (item: T) => unknown): T[] {
  return value === undefined ? items : items.filter((item) => field(item) === value);
}

/**
 * Keeps items whose labels match the `label_selector` (today's API; a bad selector is invalid_input on
 * `label_selector`). The 2018 contract has no selector: there the parameter is ignored, as an unknown one.
 */
export function whereLabels<T extends { labels?: Record<string, string> }>(ctx: RouteContext, q: QueryInput, items: T[]): T[] {
  if (ctx.world.api === '2018') return items;
  const expressions = q.labelSelector();
  return expressions.length ? items.filter((item) => matchesLabelSelector(item.labels ?? {}, expressions)) : items;
}
