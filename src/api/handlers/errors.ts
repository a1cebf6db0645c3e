// Handler: what an exchange means. A 2xx JSON body is the answer; everything else becomes an
// HcloudError with a code callers branch on, and a retry class for the handlers above. Foreign
// text (fetch messages, bodies, redirect targets) is scrubbed of the token (./scrub.ts).

import { ClientErrorCode, HcloudError } from '../errors';
import { formatDuration } from '../../shared/duration';
import type { HttpMethod } from '../transport';
import type { Call, Handler, Outcome, Retry } from './chain';
import type { Exchange, Exchanged } from './exchange';
import { networkFailure } from './network';
import { scrubbedCause, scrubError, scrubText } from './scrub';

export interface ErrorDeps {
  token: string;
  /** `host:port` of the endpoint, for messages. */
  host: string;
  hostname: string;
  /** The body cap, for the message of a body beyond it. */
  maxBodyBytes: number;
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

export function abortedError(method: HttpMethod, path: string): HcloudError {
  return new HcloudError({ code: ClientErrorCode.Aborted, message: `Cancelled: ${method} ${path}.`, method, path });
}

export function errorsHandler(exchange: Exchange, deps: ErrorDeps): Handler {
  return async (call) => {
    const outcome = judge(await exchange(call), call, deps);
    // Every field of the error, not only the message: an endpoint may echo the token anywhere.
    return outcome.ok ? outcome : { ...outcome, error: scrubError(outcome.error, deps.token) };
  };
}

function judge(x: Exchanged, call: Call, deps: ErrorDeps): Outcome {
  const { method } = call;
  const path = call.target.path;
  const fail = (retry: Retry, status: number, init: { code: string; message: string; cause?: unknown; details?: Record<string, unknown> }): Outcome => ({
    ok: false,
    retry,
    status,
    headers: x.kind === 'failed' ? undefined : x.headers,
    error: new HcloudError({ ...init, status, method, path }),
  });
  const why = x.kind === 'answer' ? undefined : x.why;
  if (why === 'aborted') return { ok: false, retry: 'none', status: 0, error: abortedError(method, path) };
  if (why === 'timeout') {
    const message = `No answer from ${deps.host} within ${formatDuration(call.timeoutMs, { milliseconds: true })} (${method} ${path}).`;
    return fail('timeout', 0, { code: ClientErrorCode.Timeout, message });
  }
  if (x.kind === 'failed') return networkFailure(x.cause, call, deps);
  if (why === 'tooLarge') {
    const message = `The API's answer to ${method} ${path} is larger than ${formatBytes(deps.maxBodyBytes)}; it was not read further.`;
    return fail('none', x.kind === 'bodyFailed' ? x.status : 0, { code: ClientErrorCode.ResponseTooLarge, message });
  }
  if (x.kind === 'bodyFailed') {
    const message = `The API answered ${x.status} with a body that was cut short (truncated: the connection closed early) (${method} ${path}).`;
    return fail('backoff', x.status, { code: ClientErrorCode.InvalidResponse, message, cause: scrubbedCause(x.cause, deps.token) });
  }
  const { status, text } = x;
  const where = `(${method} ${path})`;
  const invalid = (message: string, retry: Retry) => fail(retry, status, { code: ClientErrorCode.InvalidResponse, message });
  if (status >= 200 && status < 300) {
    if (status === 204 || status === 205) return { ok: true, status, headers: x.headers, body: undefined };
    if (text.trim() === '') return invalid(`The API answered ${status} with an empty body ${where}.`, 'backoff');
    try {
      return { ok: true, status, headers: x.headers, body: JSON.parse(text) };
    } catch {
      return invalid(`The API answered ${status} with a body that is not JSON (truncated?) ${where}: "${scrubText(snippet(text), deps.token)}"`, 'backoff');
    }
  }
  if (status < 400) {
    const location = x.headers.get('location');
    return invalid(`The API answered ${status}${location ? ` (redirect to ${scrubText(location, deps.token)})` : ''} ${where}; check the endpoint setting.`, 'none');
  }
  const apiError = apiErrorOf(text);
  const message = apiError
    ? scrubText(typeof apiError.message === 'string' && apiError.message ? apiError.message : `${apiError.code} ${where}`, deps.token)
    : `The API answered ${status}${x.statusText ? ` ${x.statusText}` : ''} ${where}.`;
  const details =
    apiError?.details && typeof apiError.details === 'object' && !Array.isArray(apiError.details) ? (apiError.details as Record<string, unknown>) : undefined;
  const retry: Retry = status === 429 ? 'rateLimit' : status >= 500 ? 'backoff' : 'none';
  return fail(retry, status, { code: apiError ? apiError.code : codeForStatus(status), message, details });
}

function apiErrorOf(text: string): { code: string; message?: unknown; details?: unknown } | undefined {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown } };
    if (parsed && typeof parsed.error === 'object' && parsed.error && typeof parsed.error.code === 'string') {
      return parsed.error as { code: string };
    }
  } catch {
    // not the API's error JSON: the status speaks
  }
  return undefined;
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}...` : flat;
}
