// Handler: the RateLimit-* headers of every answer are kept (HttpTransport.rateLimit), and a 429
// gets one message saying when requests are possible again. A GET answered 429 waits that long
// and is sent again: these waits are not tries, and their sum per call is capped by `maxWaitMs`
// (past the cap the 429 is returned at once). Writes get the 429 at once.
// (See ../rateLimit.ts: the budget refills continuously, so one request is possible long before
// the full reset.) A per-project budget handler will take this handler's place in the chain.

import { HcloudError } from '../errors';
import { formatClock, formatDuration, rateLimitWaitMs, readRateLimit, retryAfterMs } from '../rateLimit';
import type { RateLimitInfo } from '../transport';
import type { Clock, Handler, Outcome } from './chain';
import { abortedError } from './errors';

export interface RateLimitDeps {
  clock: Clock;
  maxWaitMs: number;
  /** Called with the headers of every answer that carried them. */
  onRateLimit(info: RateLimitInfo): void;
  latest(): RateLimitInfo | undefined;
}

export function rateLimitHandler(next: Handler, deps: RateLimitDeps): Handler {
  return async (call) => {
    let waited = 0;
    for (;;) {
      const outcome = await next(call);
      const info = outcome.headers ? readRateLimit(outcome.headers) : undefined;
      if (info) deps.onRateLimit(info);
      if (outcome.ok || outcome.retry !== 'rateLimit') return outcome;
      const now = deps.clock.now();
      const waitMs = rateLimitWaitMs(info ?? deps.latest(), outcome.headers ? retryAfterMs(outcome.headers, now) : undefined, now);
      if (call.method !== 'GET' || waited + waitMs > deps.maxWaitMs) return withWhen(outcome, waitMs, now);
      waited += waitMs;
      await deps.clock.sleep(waitMs, call.signal);
      if (call.signal?.aborted) return { ok: false, retry: 'none', status: 0, error: abortedError(call.method, call.target.path) };
    }
  };
}

/** The 429 with "Requests are possible again in about 1 s (at 14:03:12)." added to its message. */
function withWhen(outcome: Outcome & { ok: false }, waitMs: number, now: number): Outcome {
  const e = outcome.error;
  const message = `${e.message}${/[.!?]$/.test(e.message) ? '' : '.'} Requests are possible again in about ${formatDuration(waitMs)} (at ${formatClock(new Date(now + waitMs))}).`;
  const error = new HcloudError({ code: e.code, message, status: e.status, details: e.details, method: e.method, path: e.path });
  return { ...outcome, retry: 'none', error };
}
