// The contract between the resource clients (src/api/resources/*) and the HTTP layer (src/api/http.ts and its handlers in src/api/handlers/).
// Resource clients build paths and bodies; the transport adds the endpoint, auth, timeouts,
// retries, the request budget, error mapping and pagination.

export type QueryValue = string | number | boolean | undefined | null | Array<string | number>;
export type Query = Record<string, QueryValue>;

/** Which calls go first when the request budget makes calls wait: `user` before `background`. */
export type Priority = 'user' | 'background';

export interface CallOptions {
  /** Cancels the call; the promise rejects with HcloudError code `aborted`. */
  signal?: AbortSignal;
  /**
   * `user` (default): started by the user, waiting for it. `background`: polls and refreshes
   * nobody waits for; when the project's request budget makes calls wait, every `user` call
   * goes before them.
   */
  priority?: Priority;
  /** Per-call timeout in ms (default: the transport's, 30 s). Rejects with code `timeout`. */
  timeoutMs?: number;
  /**
   * Who sent the call (the extension's request sources: tree, action log, panels, commands). Only
   * passed on to the request log's entries (RequestLogEntry.source); the transport does nothing else with it.
   */
  source?: string;
  /**
   * listAll only: a list longer than the transport's page cap (200 pages, 10,000 items) then
   * resolves to its first pages' items and this is called once, instead of rejecting with
   * `list_too_long` before any page after the first is fetched.
   */
  onListCut?: (cut: ListCut) => void;
}

/** What listAll left out of a list longer than its cap. */
export interface ListCut {
  /** Pages read, and items returned. */
  pages: number;
  items: number;
  /** What the API claimed (`last_page`, `total_entries`), when it did. */
  claimedPages: number | null;
  claimedItems: number | null;
}

export interface RequestOptions extends CallOptions {
  query?: Query;
  /** JSON body for POST and PUT. */
  body?: unknown;
  /**
   * listAll only: each page's items (wire format) as soon as that page is read, pages in any order,
   * so the caller can convert them while other pages are on their way. The result still decides:
   * items seen here may be left out of it (duplicates, a cut list), and another transport may never call this.
   */
  onPage?: (items: readonly unknown[]) => void;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RateLimitInfo {
  /** Requests per hour (RateLimit-Limit). */
  limit: number;
  /** Requests left now (RateLimit-Remaining). */
  remaining: number;
  /** When the budget is full again (RateLimit-Reset, a UNIX timestamp), as a Date. */
  reset: Date;
  /** When these headers were read. */
  observedAt: Date;
}

/**
 * A project's request budget as the transport models it between answers (HttpTransport.budget).
 * A snapshot: read it again for a later moment. `remaining / limit` is the share left.
 */
export interface BudgetState {
  /** Requests per hour (RateLimit-Limit). */
  limit: number;
  /**
   * Requests that can be sent now, estimated: the latest answer's RateLimit-Remaining, refilled
   * since at limit/3600 per second, minus the requests sent since. Whole, never below 0.
   */
  remaining: number;
  /** When the budget is full again, estimated the same way. */
  resetAt: Date;
  /** Calls waiting for their turn. */
  queued: number;
}

export interface PageInfo {
  page: number;
  perPage: number;
  lastPage: number | null;
  totalEntries: number | null;
  nextPage: number | null;
}

export interface Page<W> {
  /** The JSON body, unchanged (wire format). */
  body: W;
  pagination?: PageInfo;
}

/** One finished HTTP exchange, for the output channel and benchmarks. Never carries the token. */
export interface RequestLogEntry {
  method: HttpMethod;
  /** Path and query without the endpoint's base, e.g. `/servers?page=2&per_page=50`. */
  path: string;
  /** HTTP status, 0 when no answer came. */
  status: number;
  durationMs: number;
  /** 1 for the first try. */
  attempt: number;
  errorCode?: string;
  /** The call's `source` (CallOptions), when it had one. */
  source?: string;
}

export interface ApiTransport {
  /** The JSON body of one request. 204 answers resolve to `undefined`. */
  request<W>(method: HttpMethod, path: string, options?: RequestOptions): Promise<W>;
  /** One page of a list (GET), with the pagination meta. */
  getPage<W>(path: string, page: number, perPage: number, options?: RequestOptions): Promise<Page<W>>;
  /**
   * Every item of a paginated list: `key` is the JSON key holding the array (`servers`, ...).
   * Fetches page 1, then the remaining pages concurrently (bounded), in page order in the result.
   */
  listAll<T>(path: string, key: string, options?: RequestOptions): Promise<T[]>;
  /** Rate-limit headers of the latest answer, if any came. */
  readonly rateLimit: RateLimitInfo | undefined;
  /** The request budget now, once an answer carried RateLimit headers (see BudgetState). */
  readonly budget?: BudgetState;
  /**
   * The API's clock minus ours (ms), from the `Date` header of the latest answer that had one;
   * undefined before. Good to about a second (the header has whole seconds).
   */
  readonly apiClockOffsetMs?: number;
}

/** The subset of a fetch Response the transport reads (node-fetch v2's Response satisfies it). */
export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** The body as a stream (node-fetch: a Node Readable); read chunk by chunk under the size cap when present. */
  body?: AsyncIterable<Uint8Array | string> | null;
}

export interface FetchInitLike {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** node-fetch's http(s).Agent (keep-alive). */
  agent?: unknown;
}

export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

/** Time as the transport's waits see it (retry backoff, the request budget). */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early (without rejecting) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface HttpTransportOptions {
  token: string;
  /** Default https://api.hetzner.cloud/v1 (no trailing slash needed). */
  endpoint?: string;
  /** Default node-fetch with a keep-alive agent. Injected only where the simulator cannot serve a test. */
  fetch?: FetchLike;
  /** Default `hetzner-cloud-vscode/<version>`. */
  userAgent?: string;
  /** Per-request timeout, default 30 000 ms. */
  timeoutMs?: number;
  /** Page size of listAll, default 50 (the API's maximum). */
  perPage?: number;
  /** Pages fetched at once after page 1, default 20 (so 1,000 items, 20 pages, cost two round trips). */
  pageConcurrency?: number;
  /**
   * A GET that met a 5xx, a network fault or a bad body is tried again until this long after its
   * first try, default 15 000 ms (so an outage of 10 s is ridden out). Writes are never retried.
   */
  retryWindowMs?: number;
  /** At most this many tries of a GET in all, whatever the window; default no limit but the window. */
  maxTries?: number;
  /** Backoff: a random wait in [0, min(retryMaxDelayMs, retryBaseMs * 2^(n-1))] before try n+1. Default 500 ms. */
  retryBaseMs?: number;
  /** The cap of one backoff wait, default 4 000 ms. */
  retryMaxDelayMs?: number;
  /** Time for the retry backoff and the request budget; tests inject a fake one. Default the real clock. */
  clock?: Clock;
  /** Random numbers in [0, 1) for the backoff jitter, default Math.random. */
  random?: () => number;
  /** Largest answer body read, default 32 MiB (33 554 432 bytes); checked while the body streams. */
  maxBodyBytes?: number;
  /** Most pages listAll reads of one list, default 200 (10,000 items at 50 a page). */
  maxListPages?: number;
  /**
   * The longest a call waits for the request budget, its waits added up, default 60 000 ms. A call
   * whose turn would come later fails at once (code `rate_limit_exceeded`) saying when.
   */
  maxRateLimitWaitMs?: number;
  /** Called after every HTTP exchange (including retried ones). Never receives the token. */
  onRequest?: (entry: RequestLogEntry) => void;
}
