// The HTTP transport of the Hetzner Cloud client (the contract: ./transport.ts).
//
// Policies, in one place:
// - Only GETs are ever retried. POST, PUT and DELETE fail at once with the first error: a retried
//   power-off or create must never happen twice.
// - A GET is retried after a 5xx, a network fault (refused, reset, DNS; not a TLS certificate
//   problem) or an invalid body (not JSON, truncated), with exponential backoff and full jitter
//   (random 0..min(8 s, retryBaseMs * 2^(n-1))), at most `maxTries` tries in all.
// - Timeouts are per HTTP exchange (`timeoutMs`, default 30 s, covering headers and body). A GET
//   that timed out is tried ONCE more (a half-open keep-alive socket after sleep or a network
//   change hangs, a fresh connection answers), within `maxTries`; a second timeout is final.
//   So a dead endpoint costs at most about 2 x timeoutMs, not maxTries x timeoutMs.
//   The caller's AbortSignal is never retried: it rejects at once with code `aborted`, also
//   while waiting between tries.
// - 429 on a GET: wait min(reset - now, ceil(3600 / limit) s) (see ./rateLimit.ts: the budget
//   refills continuously, so one request is possible long before the full reset) and try again.
//   These waits do not count as tries; their sum per call is capped by `maxRateLimitWaitMs`
//   (default 60 s). When the next wait would pass the cap, the 429 is thrown at once, its
//   message saying when requests are possible again. Writes get the 429 at once.
// - listAll: page 1, then every remaining page at once (at most `pageConcurrency` in flight),
//   so a long list costs about two round trips; results in page order; one failing page aborts
//   the others. Items are de-duplicated by `id` (a list that changes while it is read can shift
//   an item across a page boundary; the tree must not show it twice).
// - The token never appears in a message, log entry or error cause; request init objects are
//   never attached to errors, and foreign text (fetch errors, bodies) is scrubbed of it.

import { setMaxListeners } from 'node:events';
import * as http from 'node:http';
import * as https from 'node:https';
import fetch from 'node-fetch';
import { httpEndpointProblem } from './endpointRule';
import { ClientErrorCode, HcloudError } from './errors';
import { knownLastPage, pageInfoFromBody, pageInfoFromLink, runPool } from './pagination';
import { formatClock, formatDuration, rateLimitWaitMs, readRateLimit, retryAfterMs } from './rateLimit';
import type {
  ApiTransport,
  FetchLike,
  FetchResponseLike,
  HttpMethod,
  HttpTransportOptions,
  Page,
  PageInfo,
  Query,
  RateLimitInfo,
  RequestLogEntry,
  RequestOptions,
} from './transport';
import { DEFAULT_USER_AGENT } from './version';

export const DEFAULT_ENDPOINT = 'https://api.hetzner.cloud/v1';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_PER_PAGE = 50;
export const DEFAULT_PAGE_CONCURRENCY = 16;
export const DEFAULT_MAX_TRIES = 5;
export const DEFAULT_RETRY_BASE_MS = 250;
export const MAX_RETRY_DELAY_MS = 8_000;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000;
/** How many times a GET that timed out is tried again. */
export const TIMEOUT_RETRIES = 1;
/** Guard for lists followed by `next_page` (unknown length). */
const MAX_SEQUENTIAL_PAGES = 10_000;

type HeadersLike = FetchResponseLike['headers'];

/** What to do after a failed try of a GET. */
type Retry = 'none' | 'backoff' | 'timeout' | 'rateLimit';

type Outcome =
  | { ok: true; status: number; headers: HeadersLike; body: unknown }
  | { ok: false; error: HcloudError; retry: Retry; waitMs?: number };

interface Target {
  url: string;
  /** Path without query, for errors and messages. */
  path: string;
  /** Path with query, for the request log. */
  logPath: string;
}

/**
 * Why a token cannot be sent, or undefined when it can. The message never contains the token.
 * Exported for input validation in the UI.
 */
export function tokenProblem(token: unknown): string | undefined {
  if (typeof token !== 'string' || token.length === 0) return 'The API token is empty.';
  if (token.trim() !== token) return 'The API token has leading or trailing whitespace (copied with a line break?).';
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return `The API token contains a control character (at position ${i + 1}).`;
    if (c === 0x20) return `The API token contains a space (at position ${i + 1}).`;
    if (c > 0x7e) return `The API token contains a character that is not plain ASCII (at position ${i + 1}); tokens are letters and digits.`;
  }
  return undefined;
}

/** `status=running&status=off&label_selector=env%3Dprod`: arrays repeat the key, null/undefined are left out. */
export function encodeQuery(query: Query | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  const add = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  };
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((v) => add(key, v));
    else add(key, value);
  }
  return parts.join('&');
}

const STATUS_CODES: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  /** Today's API answers 410 for endpoints it removed (`/datacenters` since 2026-10-01). */
  410: 'deprecated_api_endpoint',
  423: 'locked',
  429: 'rate_limit_exceeded',
};

/** Error code for an error status whose body is not the API's error JSON. */
export function codeForStatus(status: number): string {
  if (status >= 500) return 'service_error';
  return STATUS_CODES[status] ?? ClientErrorCode.InvalidResponse;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENETDOWN: 'network down',
  EADDRNOTAVAIL: 'address not available',
  ERR_STREAM_PREMATURE_CLOSE: 'connection closed early',
};

function errorCodeOf(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(e: unknown): string {
  if (e instanceof Error) {
    // node-fetch: "request to http://host/v1/servers failed, reason: connect ECONNREFUSED ..."
    const m = /reason: (.*)$/s.exec(e.message);
    return (m ? m[1] : e.message).trim();
  }
  return String(e);
}

function isTlsCode(code: string): boolean {
  return /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_(GET|VERIFY)|^EPROTO$/.test(code);
}

/**
 * node-fetch v2 pipes the response into its body stream without forwarding errors, so a body
 * cut short (the connection closed before Content-Length bytes came) would hang until the
 * timeout. This makes the agent report such a close as an error of the request, which node-fetch
 * passes on to the body: `text()` then rejects at once and the transport says `invalid_response`.
 */
function detectTruncatedBodies<A extends http.Agent>(agent: A): A {
  const patched = agent as unknown as { addRequest(req: http.ClientRequest, options: unknown): void };
  const addRequest = patched.addRequest;
  patched.addRequest = function (this: unknown, req: http.ClientRequest, options: unknown) {
    req.once('response', (res: http.IncomingMessage) => {
      res.once('close', () => {
        if (res.complete || req.listenerCount('error') === 0) return;
        const error = new Error('the connection closed before the whole body came') as Error & { code: string };
        error.code = 'ERR_BODY_TRUNCATED';
        req.emit('error', error);
      });
    });
    return addRequest.call(this, req, options);
  };
  return agent;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}...` : flat;
}

function sleep(ms: number, signal: AbortSignal | undefined, onAbort: () => HcloudError): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(onAbort());
    const abort = () => {
      clearTimeout(timer);
      reject(onAbort());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Settles like `promise`, or rejects as soon as `signal` aborts (for fetch implementations that ignore it). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new Error('aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', abort);
        reject(e);
      },
    );
  });
}

export class HttpTransport implements ApiTransport {
  private readonly token: string;
  private readonly base: string;
  private readonly endpointUrl: URL | undefined;
  private readonly fetchImpl: FetchLike;
  private readonly agent: http.Agent | undefined;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly perPage: number;
  private readonly pageConcurrency: number;
  private readonly maxTries: number;
  private readonly retryBaseMs: number;
  private readonly maxRateLimitWaitMs: number;
  private readonly onRequest?: (entry: RequestLogEntry) => void;
  private latestRateLimit: RateLimitInfo | undefined;

  constructor(options: HttpTransportOptions) {
    this.token = options.token;
    this.base = (options.endpoint ?? DEFAULT_ENDPOINT).trim().replace(/\/+$/, '');
    try {
      const url = new URL(this.base);
      this.endpointUrl = url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
    } catch {
      this.endpointUrl = undefined;
    }
    // The one endpoint rule (./endpointRule.ts): never the token in cleartext to another computer.
    const refused = this.endpointUrl && httpEndpointProblem(this.endpointUrl);
    if (refused) throw new HcloudError({ code: refused.code, message: refused.message });
    if (options.fetch) {
      this.fetchImpl = options.fetch;
    } else {
      this.agent = detectTruncatedBodies(
        this.endpointUrl?.protocol === 'http:' ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true }),
      );
      // redirect 'manual': the API never redirects, and a redirect must not carry the token elsewhere.
      this.fetchImpl = (url, init) => fetch(url, { ...init, redirect: 'manual' } as Parameters<typeof fetch>[1]);
    }
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.perPage = Math.floor(positive(options.perPage, DEFAULT_PER_PAGE));
    this.pageConcurrency = Math.floor(positive(options.pageConcurrency, DEFAULT_PAGE_CONCURRENCY));
    this.maxTries = Math.floor(positive(options.maxTries, DEFAULT_MAX_TRIES));
    this.retryBaseMs = options.retryBaseMs !== undefined && options.retryBaseMs >= 0 ? options.retryBaseMs : DEFAULT_RETRY_BASE_MS;
    this.maxRateLimitWaitMs =
      options.maxRateLimitWaitMs !== undefined && options.maxRateLimitWaitMs >= 0 ? options.maxRateLimitWaitMs : DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
    this.onRequest = options.onRequest;
  }

  get rateLimit(): RateLimitInfo | undefined {
    return this.latestRateLimit;
  }

  /** Closes idle keep-alive connections (call when the transport is replaced). */
  dispose(): void {
    this.agent?.destroy();
  }

  async request<W>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<W> {
    const answer = await this.send(method, path, options.query, options);
    return answer.body as W;
  }

  async getPage<W>(path: string, page: number, perPage: number, options: RequestOptions = {}): Promise<Page<W>> {
    const answer = await this.send('GET', path, { ...options.query, page, per_page: perPage }, options);
    const pagination = pageInfoFromBody(answer.body, page, perPage) ?? pageInfoFromLink(answer.headers.get('link'), page, perPage);
    return pagination ? { body: answer.body as W, pagination } : { body: answer.body as W };
  }

  async listAll<T>(path: string, key: string, options: RequestOptions = {}): Promise<T[]> {
    const perPage = this.perPage;
    const first = await this.getPage<unknown>(path, 1, perPage, options);
    const items: T[] = this.itemsOf<T>(first.body, key, path);
    const info = first.pagination;
    if (!info) return items;

    let last: PageInfo | undefined = info;
    const lastPage = knownLastPage(info);
    if (lastPage !== null && lastPage > 1) {
      const pages = await this.fetchPages<T>(path, key, lastPage - 1, perPage, options);
      for (const page of pages) items.push(...page.items);
      last = pages.length ? pages[pages.length - 1].pagination : undefined;
    }
    // Unknown length (or a list that grew while it was read): follow next_page one by one.
    let current = last?.page ?? 1;
    let next = last?.nextPage ?? null;
    for (let n = 0; next !== null && next > current && n < MAX_SEQUENTIAL_PAGES; n++) {
      const page = await this.getPage<unknown>(path, next, perPage, options);
      items.push(...this.itemsOf<T>(page.body, key, path));
      current = next;
      next = page.pagination?.nextPage ?? null;
    }
    return dedupeById(items);
  }

  /** Pages 2..count+1, at most pageConcurrency at once; the first failure aborts the rest. */
  private async fetchPages<T>(
    path: string,
    key: string,
    count: number,
    perPage: number,
    options: RequestOptions,
  ): Promise<Array<{ items: T[]; pagination?: PageInfo }>> {
    const group = new AbortController();
    setMaxListeners(0, group.signal); // one listener per page in flight
    const caller = options.signal;
    const forward = () => group.abort();
    if (caller?.aborted) group.abort();
    caller?.addEventListener('abort', forward, { once: true });
    try {
      return await runPool(
        count,
        this.pageConcurrency,
        async (i) => {
          const page = await this.getPage<unknown>(path, i + 2, perPage, { ...options, signal: group.signal });
          return { items: this.itemsOf<T>(page.body, key, path), pagination: page.pagination };
        },
        () => group.abort(),
      );
    } finally {
      caller?.removeEventListener('abort', forward);
    }
  }

  private itemsOf<T>(body: unknown, key: string, path: string): T[] {
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
    return list as T[];
  }

  /** One call: token check, then tries until an answer, a final error, or the caller's abort. */
  private async send(
    method: HttpMethod,
    rawPath: string,
    query: Query | undefined,
    options: RequestOptions,
  ): Promise<{ body: unknown; headers: HeadersLike }> {
    const target = this.target(rawPath, query);
    const problem = tokenProblem(this.token);
    if (problem) throw new HcloudError({ code: ClientErrorCode.InvalidToken, message: problem, method, path: target.path });
    if (!this.endpointUrl) {
      throw new HcloudError({
        code: ClientErrorCode.NetworkError,
        message: `The API endpoint "${this.scrub(this.base)}" is not an http(s) URL.`,
        method,
        path: target.path,
      });
    }
    let body: string | undefined;
    try {
      body = options.body === undefined ? undefined : JSON.stringify(options.body);
    } catch (e) {
      throw new HcloudError({ code: 'json_error', message: `The request body cannot be written as JSON (${method} ${target.path}).`, method, path: target.path, cause: e });
    }
    const aborted = () => this.abortedError(method, target.path);

    let attempt = 0;
    let tries = 0; // tries that count against maxTries (429 waits do not)
    let timeouts = 0;
    let rateLimitWaited = 0;
    for (;;) {
      if (options.signal?.aborted) throw aborted();
      attempt++;
      const outcome = await this.exchange(method, target, body, options, attempt);
      if (outcome.ok) return outcome;
      const { error, retry } = outcome;
      if (method !== 'GET' || retry === 'none') throw error;

      if (retry === 'rateLimit') {
        const wait = outcome.waitMs ?? 1000;
        if (rateLimitWaited + wait > this.maxRateLimitWaitMs) throw error;
        rateLimitWaited += wait;
        await sleep(wait, options.signal, aborted);
        continue;
      }
      tries++;
      if (retry === 'timeout' && ++timeouts > TIMEOUT_RETRIES) throw error;
      if (tries >= this.maxTries) throw error;
      const cap = Math.min(MAX_RETRY_DELAY_MS, this.retryBaseMs * 2 ** (tries - 1));
      await sleep(Math.random() * cap, options.signal, aborted);
    }
  }

  /** One HTTP exchange, never throws: the outcome says whether and how it may be retried. */
  private async exchange(method: HttpMethod, target: Target, body: string | undefined, options: RequestOptions, attempt: number): Promise<Outcome> {
    const controller = new AbortController();
    let why: 'caller' | 'timeout' | undefined;
    const onCallerAbort = () => {
      why ??= 'caller';
      controller.abort();
    };
    const caller = options.signal;
    caller?.addEventListener('abort', onCallerAbort, { once: true });
    const timeoutMs = positive(options.timeoutMs, this.timeoutMs);
    const timer = setTimeout(() => {
      why ??= 'timeout';
      controller.abort();
    }, timeoutMs);

    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.token}`,
      'User-Agent': this.userAgent,
      Accept: 'application/json',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    const started = performance.now();
    let status = 0;
    let outcome: Outcome | undefined;
    try {
      const interrupted = (cause: unknown): Outcome =>
        why === 'timeout'
          ? {
              ok: false,
              retry: 'timeout',
              error: new HcloudError({
                code: ClientErrorCode.Timeout,
                message: `No answer from ${this.endpointUrl?.host} within ${formatDuration(timeoutMs)} (${method} ${target.path}).`,
                method,
                path: target.path,
              }),
            }
          : { ok: false, retry: 'none', error: this.abortedError(method, target.path, cause) };

      let res: FetchResponseLike;
      try {
        res = await untilAborted(
          Promise.resolve().then(() => this.fetchImpl(target.url, { method, headers, body, signal: controller.signal, agent: this.agent })),
          controller.signal,
        );
      } catch (e) {
        outcome = why ? interrupted(undefined) : this.networkFailure(e, method, target);
        return outcome;
      }
      status = res.status;
      const rateLimit = readRateLimit(res.headers);
      if (rateLimit) this.latestRateLimit = rateLimit;

      let text: string;
      try {
        text = await untilAborted(Promise.resolve().then(() => res.text()), controller.signal);
      } catch (e) {
        outcome = why
          ? interrupted(undefined)
          : {
              ok: false,
              retry: 'backoff',
              error: new HcloudError({
                code: ClientErrorCode.InvalidResponse,
                message: `The API answered ${status} with a body that was cut short (truncated: the connection closed early) (${method} ${target.path}).`,
                status,
                method,
                path: target.path,
                cause: this.scrubbedCause(e),
              }),
            };
        return outcome;
      }
      outcome = this.interpret(res, status, text, rateLimit, method, target);
      return outcome;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
      this.log({
        method,
        path: target.logPath,
        status,
        durationMs: Math.round(performance.now() - started),
        attempt,
        errorCode: outcome && !outcome.ok ? outcome.error.code : undefined,
      });
    }
  }

  /** An answer with status and body in hand -> body, or an error and its retry class. */
  private interpret(
    res: FetchResponseLike,
    status: number,
    text: string,
    rateLimit: RateLimitInfo | undefined,
    method: HttpMethod,
    target: Target,
  ): Outcome {
    const where = `(${method} ${target.path})`;
    const invalid = (message: string, retry: Retry): Outcome => ({
      ok: false,
      retry,
      error: new HcloudError({ code: ClientErrorCode.InvalidResponse, message, status, method, path: target.path }),
    });

    if (status >= 200 && status < 300) {
      if (status === 204 || status === 205) return { ok: true, status, headers: res.headers, body: undefined };
      if (text.trim() === '') return invalid(`The API answered ${status} with an empty body ${where}.`, 'backoff');
      try {
        return { ok: true, status, headers: res.headers, body: JSON.parse(text) };
      } catch {
        return invalid(`The API answered ${status} with a body that is not JSON (truncated?) ${where}: "${this.scrub(snippet(text))}"`, 'backoff');
      }
    }
    if (status < 400) {
      const location = res.headers.get('location');
      return invalid(
        `The API answered ${status}${location ? ` (redirect to ${this.scrub(location)})` : ''} ${where}; check the endpoint setting.`,
        'none',
      );
    }

    let apiError: { code: string; message?: unknown; details?: unknown } | undefined;
    try {
      const parsed = JSON.parse(text) as { error?: { code?: unknown } };
      if (parsed && typeof parsed.error === 'object' && parsed.error && typeof parsed.error.code === 'string') {
        apiError = parsed.error as typeof apiError;
      }
    } catch {
      // not the API's error JSON: the status speaks
    }
    const statusText = (res as { statusText?: string }).statusText || http.STATUS_CODES[status] || '';
    let message = apiError
      ? this.scrub(typeof apiError.message === 'string' && apiError.message ? apiError.message : `${apiError.code} ${where}`)
      : `The API answered ${status}${statusText ? ` ${statusText}` : ''} ${where}.`;
    const details =
      apiError && apiError.details && typeof apiError.details === 'object' && !Array.isArray(apiError.details)
        ? (apiError.details as Record<string, unknown>)
        : undefined;

    let retry: Retry = status >= 500 ? 'backoff' : 'none';
    let waitMs: number | undefined;
    if (status === 429) {
      retry = 'rateLimit';
      const now = Date.now();
      waitMs = rateLimitWaitMs(rateLimit ?? this.latestRateLimit, retryAfterMs(res.headers, now), now);
      message += `${/[.!?]$/.test(message) ? '' : '.'} Requests are possible again in about ${formatDuration(waitMs)} (at ${formatClock(new Date(now + waitMs))}).`;
    }
    const error = new HcloudError({ code: apiError ? apiError.code : codeForStatus(status), message, details, status, method, path: target.path });
    return { ok: false, retry, waitMs, error };
  }

  private networkFailure(e: unknown, method: HttpMethod, target: Target): Outcome {
    const host = this.endpointUrl?.host ?? '';
    const code = errorCodeOf(e);
    let message: string;
    let retry: Retry = 'backoff';
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
      message = `Cannot resolve ${this.endpointUrl?.hostname} (DNS lookup failed).`;
    } else if (code && isTlsCode(code)) {
      message = `Cannot connect securely to ${host} (TLS: ${code}).`;
      retry = 'none';
    } else if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
      message = `The connection to ${host} broke before an answer came (${NETWORK_REASONS[code]}).`;
    } else if (code && NETWORK_REASONS[code]) {
      message = `Cannot connect to ${host} (${NETWORK_REASONS[code]}).`;
    } else {
      message = `Cannot connect to ${host} (${this.scrub(messageOf(e))}).`;
    }
    return {
      ok: false,
      retry,
      error: new HcloudError({
        code: ClientErrorCode.NetworkError,
        message,
        method,
        path: target.path,
        cause: this.scrubbedCause(e),
      }),
    };
  }

  private abortedError(method: HttpMethod, path: string, cause?: unknown): HcloudError {
    return new HcloudError({ code: ClientErrorCode.Aborted, message: `Cancelled: ${method} ${path}.`, method, path, cause });
  }

  private target(rawPath: string, query: Query | undefined): Target {
    const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
    const qs = encodeQuery(query);
    const logPath = qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
    const q = path.indexOf('?');
    return { url: `${this.base}${logPath}`, path: q >= 0 ? path.slice(0, q) : path, logPath };
  }

  /** Removes the token from foreign text (fetch messages, bodies), should it ever be echoed. */
  private scrub(text: string): string {
    return this.token && this.token.length >= 8 ? text.split(this.token).join('***') : text;
  }

  /** The underlying error as a plain Error carrying only its name, scrubbed message and code. */
  private scrubbedCause(e: unknown): Error {
    const cause = new Error(this.scrub(e instanceof Error ? e.message : String(e)));
    cause.name = e instanceof Error ? e.name : 'Error';
    const code = errorCodeOf(e);
    if (code) (cause as Error & { code?: string }).code = code;
    return cause;
  }

  private log(entry: RequestLogEntry): void {
    if (!this.onRequest) return;
    try {
      this.onRequest(entry);
    } catch {
      // a failing logger must not fail the call
    }
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Keeps the first of items sharing an `id`; items without one are all kept. */
function dedupeById<T>(items: T[]): T[] {
  const seen = new Set<unknown>();
  let duplicates = false;
  for (const item of items) {
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (id === undefined || id === null) continue;
    if (seen.has(id)) {
      duplicates = true;
      break;
    }
    seen.add(id);
  }
  if (!duplicates) return items;
  seen.clear();
  return items.filter((item) => {
    const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    if (id === undefined || id === null) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
