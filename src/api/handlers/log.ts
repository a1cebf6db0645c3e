// Handler: one request-log entry per HTTP exchange (retries included), for the output channel
// and benchmarks. The entry holds method, path with query, status, duration, try number and the
// error code: never the token (the errors handler below has scrubbed the error already).

import type { RequestLogEntry } from '../transport';
import type { Handler } from './chain';

export function logHandler(next: Handler, onRequest: ((entry: RequestLogEntry) => void) | undefined): Handler {
  if (!onRequest) {
    return (call) => {
      call.exchanges++;
      return next(call);
    };
  }
  return async (call) => {
    const attempt = ++call.exchanges;
    const started = performance.now();
    const outcome = await next(call);
    try {
      onRequest({
        method: call.method,
        path: call.target.logPath,
        status: outcome.status,
        durationMs: Math.round(performance.now() - started),
        attempt,
        errorCode: outcome.ok ? undefined : outcome.error.code,
        source: call.source,
      });
    } catch {
      // a failing logger must not fail the call
    }
    return outcome;
  };
}
