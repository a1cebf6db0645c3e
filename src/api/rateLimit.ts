// Rate-limit arithmetic of the HTTP transport: reading the RateLimit-* headers, the refill of the
// budget between answers, and the sentence that says when requests are possible again. No I/O.
//
// The API refills the budget continuously, limit / 3600 requests per second (3600/h: one request
// a second), up to `limit`; RateLimit-Reset is the moment the budget is FULL again, not when the
// next request is possible. So after a 429 at 3600/h, one request is possible again after about
// 1 s, although the reset may be an hour away. The request budget (./handlers/budget.ts) keeps
// the last known count and refills it with these functions.

import { formatDuration } from '../shared/duration';
import type { RateLimitInfo } from './transport';

/** The window the API's limit is expressed in: requests per hour. */
export const RATE_LIMIT_WINDOW_MS = 3_600_000;
/** The limit the API documents as default, used when a 429 came without RateLimit-Limit. */
export const DEFAULT_RATE_LIMIT = 3600;

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
  const resetMs = resetSeconds !== undefined ? resetSeconds * 1000 : now + msUntilRefilled(Math.min(remaining, limit), limit, limit);
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

/** The budget `count` (known `elapsedMs` ago) refilled until now at `limit` per hour; never above `limit`. */
export function refilled(count: number, elapsedMs: number, limit: number): number {
  return Math.min(limit, count + (Math.max(0, elapsedMs) * limit) / RATE_LIMIT_WINDOW_MS);
}

/**
 * How long, in whole ms, until the budget `count` has grown to `needed` at `limit` per hour (a
 * `needed` above the limit counts the requests that come in meanwhile, as if they were sent one by
 * one): 0 when it is there already, Infinity when the limit is 0.
 */
export function msUntilRefilled(count: number, needed: number, limit: number): number {
  if (count >= needed) return 0;
  if (limit <= 0) return Infinity;
  return Math.ceil(((needed - count) * RATE_LIMIT_WINDOW_MS) / limit);
}

/**
 * "Requests are possible again in about 9 s (at 14:03:12).": the one time a rate-limit message
 * states. Waits of a second or more are rounded up to whole seconds, and the clock time is the
 * same rounded moment, so the two parts never disagree.
 */
export function possibleAgain(waitMs: number, now: number): string {
  if (!Number.isFinite(waitMs)) return 'The API allows no requests for this project at the moment.';
  const ms = waitMs >= 1000 ? Math.ceil(waitMs / 1000) * 1000 : Math.max(0, Math.ceil(waitMs));
  return `Requests are possible again in about ${formatDuration(ms, { milliseconds: true })} (at ${formatClock(new Date(now + ms))}).`;
}

/** "14:03:12" in local time, for "possible again at ...". */
export function formatClock(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}
