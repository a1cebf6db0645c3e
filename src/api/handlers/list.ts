// Pagination above the chain: every item of a list. Page 1, then every remaining page at once
// (at most `pageConcurrency` in flight, 20 by default: 1,000 items cost two round trips); results
// in page order. Each page is one call through the chain, so a failing page is retried alone (GET
// retries) while the pages already fetched are kept; a page that fails for good aborts the others.
// Each page's items go to `onPage` as soon as the page is read (the resource clients convert them
// there, while the other pages are on their way).
// Items are de-duplicated by `id` (a list that changes while it is read can shift an item across
// a page boundary; the tree must not show it twice).
// At most `maxPages` pages (and maxPages x perPage items) are read of one list: a first page that
// claims more (`last_page`, `total_entries`) is refused with `list_too_long` before any other page
// is fetched, unless the caller passed `onListCut`: then the first maxPages pages are read, and
// onListCut says what was left out. A list of unknown length is cut the same way at the cap.

import { setMaxListeners } from 'node:events';
import { ClientErrorCode, HcloudError } from '../errors';
import { knownLastPage, runPool } from '../pagination';
import type { Page, PageInfo, RequestOptions } from '../transport';

export interface ListDeps {
  getPage(path: string, page: number, perPage: number, options: RequestOptions): Promise<Page<unknown>>;
  perPage: number;
  pageConcurrency: number;
  maxPages: number;
}

export async function listAll<T>(deps: ListDeps, path: string, key: string, options: RequestOptions): Promise<T[]> {
  const { perPage, maxPages } = deps;
  const first = await deps.getPage(path, 1, perPage, options);
  const items: T[] = [...itemsOf<T>(first.body, key, path, options)]; // a copy: onPage keeps page 1 as it came
  const info = first.pagination;
  if (!info) return capped(items, 1, info, deps, path, options);

  let last: PageInfo | undefined = info;
  const lastPage = knownLastPage(info);
  if (lastPage !== null && lastPage > maxPages && !options.onListCut) throw tooLong(path, info, deps);
  if (lastPage !== null && lastPage > 1) {
    const pages = await fetchPages<T>(deps, path, key, Math.min(lastPage, maxPages) - 1, options);
    for (const page of pages) items.push(...page.items);
    last = pages.length ? pages[pages.length - 1].pagination : undefined;
  }
  // Unknown length (or a list that grew while it was read): follow next_page one by one.
  let pagesRead = lastPage !== null ? Math.min(Math.max(lastPage, 1), maxPages) : 1;
  let current = last?.page ?? 1;
  let next = last?.nextPage ?? null;
  while (next !== null && next > current) {
    if (pagesRead >= maxPages) {
      if (!options.onListCut) throw tooLong(path, info, deps);
      break;
    }
    const page = await deps.getPage(path, next, perPage, options);
    items.push(...itemsOf<T>(page.body, key, path, options));
    pagesRead++;
    current = next;
    next = page.pagination?.nextPage ?? null;
  }
  const cut = (next !== null && next > current) || (lastPage !== null && lastPage > maxPages);
  return capped(dedupeById(items), pagesRead, cut ? info : undefined, deps, path, options);
}

/** The items, at most maxPages x perPage of them; calls onListCut (or throws) when some were left out. */
function capped<T>(items: T[], pages: number, cutInfo: PageInfo | undefined, deps: ListDeps, path: string, options: RequestOptions): T[] {
  const maxItems = deps.maxPages * deps.perPage;
  if (!cutInfo && items.length <= maxItems) return items;
  if (!options.onListCut) throw tooLong(path, cutInfo, deps);
  const kept = items.slice(0, maxItems);
  options.onListCut({ pages, items: kept.length, claimedPages: cutInfo ? knownLastPage(cutInfo) : null, claimedItems: cutInfo?.totalEntries ?? null });
  return kept;
}

function tooLong(path: string, info: PageInfo | undefined, deps: ListDeps): HcloudError {
  const claimed = info ? knownLastPage(info) : null;
  const size = claimed !== null ? ` claims ${claimed} pages;` : ' is longer than that;';
  return new HcloudError({
    code: ClientErrorCode.ListTooLong,
    message: `The list GET ${path}${size} at most ${deps.maxPages} pages (${deps.maxPages * deps.perPage} items) are read.`,
    status: 200,
    method: 'GET',
    path,
    details: { maxPages: deps.maxPages, claimedPages: claimed, claimedItems: info?.totalEntries ?? null },
  });
}

/** Pages 2..count+1, at most pageConcurrency at once; the first failure aborts the rest. */
async function fetchPages<T>(deps: ListDeps, path: string, key: string, count: number, options: RequestOptions) {
  const group = new AbortController();
  setMaxListeners(0, group.signal); // one listener per page in flight
  const caller = options.signal;
  const forward = () => group.abort();
  if (caller?.aborted) group.abort();
  caller?.addEventListener('abort', forward, { once: true });
  try {
    return await runPool(
      count,
      deps.pageConcurrency,
      async (i) => {
        const page = await deps.getPage(path, i + 2, deps.perPage, { ...options, signal: group.signal });
        return { items: itemsOf<T>(page.body, key, path, options), pagination: page.pagination };
      },
      () => group.abort(),
    );
  } finally {
    caller?.removeEventListener('abort', forward);
  }
}

/** The page's list under `key`, handed to `onPage` before it is returned. */
function itemsOf<T>(body: unknown, key: string, path: string, options: RequestOptions): T[] {
  const list = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) {
    throw new HcloudError({
      code: ClientErrorCode.InvalidResponse,
      message: `The API's answer to GET ${path} has no "${key}" list.`,
      status: 200,
      method: 'GET',
      path,
    });
  }
  try {
    options.onPage?.(list);
  } catch {
    // only a head start for the caller: the list does not depend on it
  }
  return list as T[];
}

/** Keeps the first of items sharing an `id`; items without one are all kept. */
function dedupeById<T>(items: T[]): T[] {
  const idOf = (item: T): unknown => (item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined);
  const seen = new Set<unknown>();
  return items.filter((item) => {
    const id = idOf(item);
    if (id === undefined || id === null) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
