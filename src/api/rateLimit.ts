// Rate-limit bookkeeping of the HTTP transport: reading the RateLimit-* headers and deciding
// how long a 429 should wait. No I/O here.
//
// The API refills the budget continuously (limit / 3600 requests per second), so after a 429
// one request is possible again after about 3600 / limit seconds, long before RateLimit-Reset
// (the moment the budget is FULL again). We therefore wait
//     min(reset - now, ceil(3 600 000 / limit) ms)      (Retry-After wins when the API sends it)
// and never less than MIN_RATE_LIMIT_WAIT_MS.

import type { RateLimitInfo } from './transport';

/** The window the API's limit is expressed in: requests per hour. */
export const RATE_LIMIT_WINDOW_MS = 3_600_000;
/** The limit the API documents as default, used when no RateLimit-Limit header came. */
export const DEFAULT_RATE_LIMIT = 3600;
/** Floor of a 429 wait, so a reset in the past (clock skew) cannot turn into a busy loop. */
export const MIN_RATE_LIMIT_WAIT_MS = 50;

interface HeadersLike {
  get(name: string): string | null;
}

function toInt(value: string | null): number | undefined {
  if (value === null) return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

/**
 * The RateLimit-* headers of one answer, or undefined when they are missing or unreadable
 * (a proxy's error page, drift). `reset` may be missing on its own: then it is estimated
 * from the refill rate.
 */
export function readRateLimit(headers: HeadersLike, now: number = Date.now()): RateLimitInfo | undefined {
  const limit = toInt(headers.get('ratelimit-limit'));
  const remaining = toInt(headers.get('ratelimit-remaining'));
  if (limit === undefined || remaining === undefined) return undefined;
  const resetSeconds = toInt(headers.get('ratelimit-reset'));
  const resetMs =
    resetSeconds !== undefined
      ? resetSeconds * 1000
      : now + (limit > 0 ? Math.ceil(((limit - Math.min(remaining, limit)) * RATE_LIMIT_WINDOW_MS) / limit) : 0);
  return { limit, remaining, reset: new Date(resetMs), observedAt: new Date(now) };
}

/** `Retry-After` as ms from now (delta seconds or an HTTP date), undefined when absent or unreadable. */
export function retryAfterMs(headers: HeadersLike, now: number = Date.now()): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null || raw.trim() === '') return undefined;
  const seconds = Number(raw.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait after a 429 before one more request can succeed: see the header comment.
 * `info` is the rate limit read from the 429 itself (or the latest known one).
 */
export function rateLimitWaitMs(info: RateLimitInfo | undefined, retryAfter: number | undefined, now: number = Date.now()): number {
  if (retryAfter !== undefined) return Math.max(MIN_RATE_LIMIT_WAIT_MS, retryAfter);
  const limit = info && info.limit > 0 ? info.limit : DEFAULT_RATE_LIMIT;
  const oneRequest = Math.ceil(RATE_LIMIT_WINDOW_MS / limit);
  const untilReset = info ? info.reset.getTime() - now : Infinity;
  const wait = untilReset > 0 ? Math.min(untilReset, oneRequest) : oneRequest;
  return Math.max(MIN_RATE_LIMIT_WAIT_MS, wait);
}

/** "1.5 s", "250 ms", "6 min", "2 h 5 min": durations in messages users read. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) {
    const s = ms / 1000;
    return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
  }
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "14:03:12" in local time, for "possible again at ...". */
export function formatClock(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
