// A write whose answer was lost (issue 10, finding 3): the request went out, but the connection
// broke before the answer came, the body was cut short, or no answer came in time. The write may
// have run, so it is never sent again: the resource clients look for what it did instead (by name,
// by the newest id, or through the resource's newest actions) and say what they found.
//
// Told apart by what the transport gives: an HTTP answer with an error status (4xx, most 5xx) is a
// refusal, and a connection that never opened (refused, DNS, TLS) sent nothing. Only these are lost:
//   - `timeout`: the request may have been handled after it went out;
//   - `invalid_response` with a 2xx status: the API said yes, the body did not arrive whole;
//   - `network_error` whose cause is a broken connection (reset, closed early, pipe, body cut);
//   - 502 and 504: a gateway between us and the API lost the API's answer (or gave up waiting for
//     it); the API may have carried the request out. A 500 or 503 is the API's own refusal.

import { ClientErrorCode, HcloudError } from './errors';

/** Causes of a `network_error` after which the request may have reached the API. */
const BROKEN_AFTER_SENDING = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_BODY_TRUNCATED', 'UND_ERR_SOCKET', 'ECONNABORTED']);

function causeCode(e: HcloudError): string | undefined {
  for (let cur: unknown = e.cause, depth = 0; cur && typeof cur === 'object' && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when `e` says the answer to a sent request was lost (so a write may have run). */
export function isLostAnswer(e: unknown): e is HcloudError {
  if (!(e instanceof HcloudError)) return false;
  if (e.status === 502 || e.status === 504) return true;
  switch (e.code) {
    case ClientErrorCode.Timeout:
      return true;
    case ClientErrorCode.InvalidResponse:
      return e.status >= 200 && e.status < 300;
    case ClientErrorCode.NetworkError: {
      const code = causeCode(e);
      return code !== undefined && BROKEN_AFTER_SENDING.has(code);
    }
    default:
      return false;
  }
}

/** What a result found after a lost answer carries: the lost answer's error (for the message). */
export interface AnswerLost {
  /** Set when the answer was lost and the result was found by looking (not read from the answer). */
  answerLost?: HcloudError;
}

/**
 * `value` marked as found after a lost answer. Not enumerable, so that an Action marked so can still
 * go anywhere an Action goes (the action log, a webview message) unchanged.
 */
export function markLost<T extends object>(value: T, lost: HcloudError): T & AnswerLost {
  Object.defineProperty(value, 'answerLost', { value: lost, enumerable: false, configurable: true });
  return value as T & AnswerLost;
}

/**
 * The error to throw when the lost write turned out not to have run (`found: false`) or could not
 * be checked (`found: undefined`): the original code and status, a message that says which.
 */
export function lostAnswerError(lost: HcloudError, outcome: { found: false; what: string } | { found: undefined; why: unknown }): HcloudError {
  const message =
    outcome.found === false
      ? `${lost.message} The answer was lost, and ${outcome.what}: it was not done, so it is safe to try again.`
      : `${lost.message} The answer was lost, and whether the request was carried out could not be checked (${
          outcome.why instanceof Error ? outcome.why.message : String(outcome.why)
        }). Look at the project before trying again.`;
  return new HcloudError({
    code: lost.code,
    message,
    status: lost.status,
    details: { ...lost.details, answerLost: true, found: outcome.found ?? null },
    method: lost.method,
    path: lost.path,
    cause: lost,
  });
}

/** Clock tolerance when matching an action to a lost request by its start time, our clock against the API's. */
export const ACTION_MATCH_SLACK_MS = 60_000;
/** The same when the API's clock is known (its Date header, whole seconds): the rounding and the way there. */
export const ACTION_MATCH_SLACK_API_CLOCK_MS = 2_000;
