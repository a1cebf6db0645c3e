// The HTTP transport of the Hetzner Cloud client (the contract: ./transport.ts). It checks the
// token and the endpoint, then sends every call through a chain of small handlers, one policy
// each (see ./handlers/chain.ts for the order):
//
//   retry      ./handlers/retry.ts      which GETs are tried again, backoff, timeouts
//   budget     ./handlers/budget.ts     the project's request budget and its queue (RateLimit-*, 429)
//   apiClock   ./handlers/apiClock.ts   the API's clock from each answer's Date header
//   log        ./handlers/log.ts        the request log (never the token)
//   errors     ./handlers/errors.ts     answers and faults -> HcloudError, token scrubbed
//   exchange   ./handlers/exchange.ts   one HTTP exchange and its timeout
//
// listAll (./handlers/list.ts) calls the chain once per page. One transport serves one project, so
// its budget is the project's.

import * as http from 'node:http';
import * as https from 'node:https';
import { httpEndpointProblem } from './endpointRule';
import { ClientErrorCode, HcloudError } from './errors';
import { apiClockHandler } from './handlers/apiClock';
import { budgetHandler, RequestBudget } from './handlers/budget';
import { realClock, type Call, type Clock, type Handler, type Target } from './handlers/chain';
import { errorsHandler } from './handlers/errors';
import { detectTruncatedBodies, exchangeHandler } from './handlers/exchange';
import { listAll } from './handlers/list';
import { logHandler } from './handlers/log';
import { retryHandler } from './handlers/retry';
import { scrubText } from './handlers/scrub';
import { pageInfoFromBody, pageInfoFromLink } from './pagination';
import type { ApiTransport, BudgetState, FetchLike, HttpMethod, HttpTransportOptions, Page, Query, RateLimitInfo, RequestOptions } from './transport';
import { DEFAULT_USER_AGENT } from './version';

export { codeForStatus } from './handlers/errors';
export { TIMEOUT_RETRIES } from './handlers/retry';

export const DEFAULT_ENDPOINT = 'https://api.hetzner.cloud/v1';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_PER_PAGE = 50;
/**
 * Pages listAll fetches at once after page 1: the 19 other pages of 1,000 items (50 a page) all at
 * once, so such a list costs two round trips; a longer list goes 20 pages at a time. It changes
 * when pages are asked for, never how many (one request per page).
 */
export const DEFAULT_PAGE_CONCURRENCY = 20;
/** GETs are retried until this long after their first try. */
export const DEFAULT_RETRY_WINDOW_MS = 15_000;
export const DEFAULT_RETRY_BASE_MS = 500;
export const DEFAULT_RETRY_MAX_DELAY_MS = 4_000;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 60_000;
/** The largest answer body read (32 MiB). */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
/** The most pages listAll reads of one list (10,000 items at 50 a page). */
export const DEFAULT_MAX_LIST_PAGES = 200;

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

export class HttpTransport implements ApiTransport {
  private readonly token: string;
  private readonly base: string;
  private readonly endpointUrl: URL | undefined;
  private readonly agent: http.Agent | undefined;
  private readonly timeoutMs: number;
  private readonly perPage: number;
  private readonly pageConcurrency: number;
  private readonly maxListPages: number;
  private readonly chain: Handler;
  private clockOffset: number | undefined;
  private readonly requestBudget: RequestBudget;

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
    let fetchImpl: FetchLike;
    if (options.fetch) {
      fetchImpl = options.fetch;
    } else {
      this.agent = detectTruncatedBodies(
        this.endpointUrl?.protocol === 'http:' ? new http.Agent({ keepAlive: true }) : new https.Agent({ keepAlive: true }),
      );
      // redirect 'manual': the API never redirects, and a redirect must not carry the token elsewhere.
      // node-fetch is loaded by the first request, not with the extension.
      fetchImpl = async (url, init) => {
        const { default: fetch } = await import('node-fetch');
        return fetch(url, { ...init, redirect: 'manual' } as Parameters<typeof fetch>[1]);
      };
    }
    this.timeoutMs = positive(options.timeoutMs, DEFAULT_TIMEOUT_MS);
    this.perPage = Math.floor(positive(options.perPage, DEFAULT_PER_PAGE));
    this.pageConcurrency = Math.floor(positive(options.pageConcurrency, DEFAULT_PAGE_CONCURRENCY));
    this.maxListPages = Math.floor(positive(options.maxListPages, DEFAULT_MAX_LIST_PAGES));
    this.requestBudget = new RequestBudget({
      clock: options.clock ?? realClock,
      maxWaitMs: nonNegative(options.maxRateLimitWaitMs, DEFAULT_MAX_RATE_LIMIT_WAIT_MS),
    });
    this.chain = this.assemble(options, fetchImpl);
  }

  /** The handler chain, bottom up (./handlers/chain.ts). */
  private assemble(options: HttpTransportOptions, fetchImpl: FetchLike): Handler {
    const clock: Clock = options.clock ?? realClock;
    const token = this.token;
    const maxBodyBytes = Math.floor(positive(options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES));
    const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    let h: Handler = errorsHandler(exchangeHandler({ token, userAgent, fetch: fetchImpl, agent: this.agent, maxBodyBytes }), {
      token,
      host: this.endpointUrl?.host ?? '',
      hostname: this.endpointUrl?.hostname ?? '',
      maxBodyBytes,
    });
    h = logHandler(h, options.onRequest);
    h = apiClockHandler(h, (offset) => (this.clockOffset = offset));
    h = budgetHandler(h, this.requestBudget);
    return retryHandler(h, {
      clock,
      random: options.random ?? Math.random,
      windowMs: nonNegative(options.retryWindowMs, DEFAULT_RETRY_WINDOW_MS),
      maxTries: Math.floor(positive(options.maxTries, Infinity)),
      baseMs: nonNegative(options.retryBaseMs, DEFAULT_RETRY_BASE_MS),
      maxDelayMs: nonNegative(options.retryMaxDelayMs, DEFAULT_RETRY_MAX_DELAY_MS),
    });
  }

  /** The RateLimit headers of the latest answer that carried them, as the API sent them. */
  get rateLimit(): RateLimitInfo | undefined {
    return this.requestBudget.rateLimit;
  }

  /**
   * The project's request budget now: `{ limit, remaining, resetAt, queued }`, `remaining`
   * estimated for this moment (see BudgetState); undefined until an answer carried RateLimit
   * headers. Read-only: a snapshot each time it is read.
   */
  get budget(): BudgetState | undefined {
    return this.requestBudget.state;
  }

  get apiClockOffsetMs(): number | undefined {
    return this.clockOffset;
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

  listAll<T>(path: string, key: string, options: RequestOptions = {}): Promise<T[]> {
    const deps = { getPage: this.getPage.bind(this), perPage: this.perPage, pageConcurrency: this.pageConcurrency, maxPages: this.maxListPages };
    return listAll<T>(deps, path, key, options);
  }

  /** One call: token and endpoint checks, then the chain; a failure is thrown. */
  private async send(method: HttpMethod, rawPath: string, query: Query | undefined, options: RequestOptions) {
    const target = this.target(rawPath, query);
    const problem = tokenProblem(this.token);
    if (problem) throw new HcloudError({ code: ClientErrorCode.InvalidToken, message: problem, method, path: target.path });
    if (!this.endpointUrl) {
      throw new HcloudError({
        code: ClientErrorCode.NetworkError,
        message: `The API endpoint "${scrubText(this.base, this.token)}" is not an http(s) URL.`,
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
    const call: Call = {
      method,
      target,
      body,
      signal: options.signal,
      timeoutMs: positive(options.timeoutMs, this.timeoutMs),
      priority: options.priority === 'background' ? 'background' : 'user',
      source: options.source,
      exchanges: 0,
    };
    const outcome = await this.chain(call);
    if (!outcome.ok) throw outcome.error;
    return outcome;
  }

  private target(rawPath: string, query: Query | undefined): Target {
    const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
    const qs = encodeQuery(query);
    const logPath = qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
    const q = path.indexOf('?');
    return { url: `${this.base}${logPath}`, path: q >= 0 ? path.slice(0, q) : path, logPath };
  }
}

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && value >= 0 ? value : fallback;
}
