// A failed connection (no answer at all) as an HcloudError: which host, and why in plain words.
// TLS certificate problems are final; refused, reset, DNS and the like may be retried (GET).

import { ClientErrorCode, HcloudError } from '../errors';
import type { Call, Outcome, Retry } from './chain';
import type { ErrorDeps } from './errors';
import { errorCodeOf, scrubbedCause, scrubText } from './scrub';

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

function isTlsCode(code: string): boolean {
  return /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_(GET|VERIFY)|^EPROTO$/.test(code);
}

function messageOf(e: unknown): string {
  if (e instanceof Error) {
    // node-fetch: "request to http://host/v1/servers failed, reason: connect ECONNREFUSED ..."
    const m = /reason: (.*)$/s.exec(e.message);
    return (m ? m[1] : e.message).trim();
  }
  return String(e);
}

export function networkFailure(e: unknown, call: Call, deps: ErrorDeps): Outcome {
  const { host } = deps;
  const code = errorCodeOf(e);
  let message: string;
  let retry: Retry = 'backoff';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    message = `Cannot resolve ${deps.hostname} (DNS lookup failed).`;
  } else if (code && isTlsCode(code)) {
    message = `Cannot connect securely to ${host} (TLS: ${code}).`;
    retry = 'none';
  } else if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    message = `The connection to ${host} broke before an answer came (${NETWORK_REASONS[code]}).`;
  } else if (code && NETWORK_REASONS[code]) {
    message = `Cannot connect to ${host} (${NETWORK_REASONS[code]}).`;
  } else {
    message = `Cannot connect to ${host} (${scrubText(messageOf(e), deps.token)}).`;
  }
  const error = new HcloudError({
    code: ClientErrorCode.NetworkError,
    message,
    method: call.method,
    path: call.target.path,
    cause: scrubbedCause(e, deps.token),
  });
  return { ok: false, retry, status: 0, error };
}
