// Pagination helpers of the HTTP transport: PageInfo from `meta.pagination` or, when the body
// has none, from the `Link` header; and a bounded worker pool for fetching pages concurrently.
// No I/O here.

import type { PaginationSchema } from './schema';
import type { PageInfo } from './transport';

function intOrNull(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

/**
 * PageInfo from `meta.pagination` of a list body. Undefined when the body carries no pagination
 * (a list that is not paginated, or drift). Missing or malformed fields become null, and
 * `page` / `perPage` fall back to what was asked for.
 */
export function pageInfoFromBody(body: unknown, requestedPage: number, requestedPerPage: number): PageInfo | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const meta = (body as { meta?: unknown }).meta;
  if (!meta || typeof meta !== 'object') return undefined;
  const p = (meta as { pagination?: Partial<PaginationSchema> }).pagination;
  if (!p || typeof p !== 'object') return undefined;
  return {
    page: intOrNull(p.page) ?? requestedPage,
    perPage: intOrNull(p.per_page) ?? requestedPerPage,
    lastPage: intOrNull(p.last_page),
    totalEntries: intOrNull(p.total_entries),
    nextPage: intOrNull(p.next_page),
  };
}

/** `<https://...?page=2&per_page=5>; rel="next", <...>; rel="last"` -> { next: url, last: url }. */
export function parseLinkHeader(value: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (!value) return links;
  const re = /<([^>]*)>\s*((?:;\s*[^;,]*)*)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const rel = /;\s*rel\s*=\s*"?([^";,]+)"?/i.exec(m[2]);
    if (!rel) continue;
    for (const name of rel[1].trim().split(/\s+/)) links[name.toLowerCase()] = m[1];
  }
  return links;
}

function pageOf(url: string | undefined): number | null {
  if (!url) return null;
  const m = /[?&]page=(\d+)/.exec(url);
  return m ? Number(m[1]) : null;
}

/**
 * PageInfo from the `Link` header, for answers without `meta.pagination`. Undefined when the
 * header is missing or carries neither `next` nor `last` nor `prev` (then it is a single page).
 */
export function pageInfoFromLink(value: string | null, requestedPage: number, requestedPerPage: number): PageInfo | undefined {
  const links = parseLinkHeader(value);
  if (!links.next && !links.last && !links.prev) return undefined;
  const nextPage = pageOf(links.next);
  return {
    page: requestedPage,
    perPage: requestedPerPage,
    // rel="last" is missing on the last page itself.
    lastPage: pageOf(links.last) ?? (links.next ? null : requestedPage),
    totalEntries: null,
    nextPage,
  };
}

/**
 * The last page number a list has, when the first page tells it: `last_page`, or else
 * `total_entries` / `per_page`. Null when unknown (then pages are followed one by one).
 */
export function knownLastPage(info: PageInfo): number | null {
  if (info.lastPage !== null) return info.lastPage;
  if (info.totalEntries !== null && info.perPage > 0) return Math.max(1, Math.ceil(info.totalEntries / info.perPage));
  return null;
}

/**
 * Runs `task(i)` for i = 0..count-1 with at most `concurrency` at once; results in index order.
 * On the first failure no further task starts, `onFirstError` is called (to abort those in
 * flight), the pool waits for the running ones to settle, and rejects with that first error.
 */
export async function runPool<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
  onFirstError?: (error: unknown) => void,
): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  let failed = false;
  let firstError: unknown;
  const worker = async (): Promise<void> => {
    while (!failed && next < count) {
      const index = next++;
      try {
        results[index] = await task(index);
      } catch (e) {
        if (!failed) {
          failed = true;
          firstError = e;
          onFirstError?.(e);
        }
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, () => worker());
  await Promise.all(workers);
  if (failed) throw firstError;
  return results;
}
