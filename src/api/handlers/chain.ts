// The HTTP client as a chain of small handlers (after hcloud-go's client_handler_*.go). Each
// handler takes one call, may pass it on to the next one (more than once: retries), and returns
// an Outcome; none throws. HttpTransport (../http.ts) assembles the chain, top to bottom:
//
//   retry        GETs again after 5xx / network faults / a timeout, with backoff   (./retry.ts)
//   budget       one request budget per project, fed by RateLimit-*: every try waits its turn
//                in a queue (user calls first); a 429 sends a GET back to the queue, fails a
//                write; a wait past the cap fails at once, saying when          (./budget.ts)
//   apiClock     the API's clock minus ours, from each answer's Date header      (./apiClock.ts)
//   log          one request-log entry per exchange, never the token                (./log.ts)
//   errors       an answer or a fault -> body or HcloudError (scrubbed) + retry class (./errors.ts)
//   exchange     one HTTP exchange: headers, timeout, the body read under a size cap  (./exchange.ts)
//
// Pagination (./list.ts) sits above the chain: listAll calls it once per page. The budget sits
// below retry, so it sees every try (retries included), and a backoff wait holds no place in its
// queue.

import type { HcloudError } from '../errors';
import type { Clock, FetchResponseLike, HttpMethod, Priority } from '../transport';

export type { Clock };

export type HeadersLike = FetchResponseLike['headers'];

/** What the retry handler may do after a failed try of a GET. */
export type Retry = 'none' | 'backoff' | 'timeout' | 'rateLimit';

export interface Target {
  url: string;
  /** Path without query, for errors and messages. */
  path: string;
  /** Path with query, for the request log. */
  logPath: string;
}

export interface Call {
  method: HttpMethod;
  target: Target;
  /** The JSON body, already written. */
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
  /** Its place in the request budget's queue. */
  priority: Priority;
  /** Who sent it (CallOptions.source), for the request log. */
  source?: string;
  /** Shared by every try of this call: the log numbers the exchanges with it. */
  exchanges: number;
}

export type Outcome =
  | { ok: true; status: number; headers: HeadersLike; body: unknown }
  | { ok: false; error: HcloudError; retry: Retry; status: number; headers?: HeadersLike };

export type Handler = (call: Call) => Promise<Outcome>;

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};
