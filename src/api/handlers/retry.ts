// Handler: only GETs are ever retried. POST, PUT and DELETE return the first failure, whatever it
// is (also a refused connection, though nothing was sent: one simple rule): a retried power-off
// or create must never happen twice.
// A GET is tried again after a 5xx, a network fault (refused, reset, DNS; not a TLS certificate
// problem) or an invalid body (not JSON, truncated) until `windowMs` after its first try
// (default 15 s, so an outage of 10 s is ridden out), with exponential backoff and full jitter:
// a random wait in [0, min(maxDelayMs, baseMs * 2^(n-1))] before try n+1 (500 ms, 4 s by
// default), the last wait cut to end at the window's end. `maxTries` may cap the tries as well.
// A GET that timed out is tried ONCE more (a half-open keep-alive socket after sleep or a network
// change hangs, a fresh connection answers), even when the timeout outlasted the window; a second
// timeout is final. So a dead endpoint costs at most about 2 x timeoutMs. The caller's abort is
// never retried, also while waiting.

import type { Clock, Handler } from './chain';
import { abortedError } from './errors';

/** How many times a GET that timed out is tried again. */
export const TIMEOUT_RETRIES = 1;

export interface RetryDeps {
  clock: Clock;
  random: () => number;
  windowMs: number;
  maxTries: number;
  baseMs: number;
  maxDelayMs: number;
}

export function retryHandler(next: Handler, deps: RetryDeps): Handler {
  return async (call) => {
    const deadline = deps.clock.now() + deps.windowMs;
    let tries = 0;
    let timeouts = 0;
    for (;;) {
      if (call.signal?.aborted) return { ok: false, retry: 'none', status: 0, error: abortedError(call.method, call.target.path) };
      const outcome = await next(call);
      if (outcome.ok || call.method !== 'GET' || outcome.retry === 'none' || outcome.retry === 'rateLimit') return outcome;
      tries++;
      if (outcome.retry === 'timeout' && ++timeouts > TIMEOUT_RETRIES) return outcome;
      const left = deadline - deps.clock.now();
      // The one try after a timeout happens even past the window (a 30 s timeout outlasts it).
      if (tries >= deps.maxTries || (left <= 0 && outcome.retry !== 'timeout')) return outcome;
      await deps.clock.sleep(Math.max(0, Math.min(left, backoffMs(tries, deps))), call.signal);
    }
  };
}

/** Full jitter: a random wait in [0, min(maxDelayMs, baseMs * 2^(n-1))] before try n+1. */
export function backoffMs(n: number, deps: Pick<RetryDeps, 'random' | 'baseMs' | 'maxDelayMs'>): number {
  return deps.random() * Math.min(deps.maxDelayMs, deps.baseMs * 2 ** (n - 1));
}
