// The token never leaves the client in an error, a message or a log entry: every foreign text
// (fetch messages, bodies, the API's own error fields) is scrubbed of it here.

import { HcloudError } from '../errors';

/** Tokens shorter than this are not scrubbed (the text would be shredded by a common word). */
const MIN_SCRUB_LENGTH = 8;

/** `text` with every occurrence of `token` replaced by `***`. */
export function scrubText(text: string, token: string): string {
  return token && token.length >= MIN_SCRUB_LENGTH ? text.split(token).join('***') : text;
}

/** The first string `code` along an error's cause chain (node-fetch: `ECONNREFUSED`, ...). */
export function errorCodeOf(e: unknown): string | undefined {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The underlying error as a plain Error carrying only its name, scrubbed message and code. */
export function scrubbedCause(e: unknown, token: string): Error {
  const cause = new Error(scrubText(e instanceof Error ? e.message : String(e), token));
  cause.name = e instanceof Error ? e.name : 'Error';
  const code = errorCodeOf(e);
  if (code) (cause as Error & { code?: string }).code = scrubText(code, token);
  return cause;
}

/** `value` with the token scrubbed from every string in it (object keys too), at any depth. */
export function scrubDeep(value: unknown, token: string, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value, token);
  if (!value || typeof value !== 'object') return value;
  if (depth > 16) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, token, depth + 1));
  // Object.fromEntries defines own properties: a `__proto__` key stays a key.
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrubText(k, token), scrubDeep(v, token, depth + 1)]));
}

/** The error with the token scrubbed from every field: code, message, details (any nested string), path, cause. */
export function scrubError(e: HcloudError, token: string): HcloudError {
  if (!token || token.length < MIN_SCRUB_LENGTH) return e;
  return new HcloudError({
    code: scrubText(e.code, token),
    message: scrubText(e.message, token),
    status: e.status,
    details: scrubDeep(e.details, token) as Record<string, unknown>,
    method: e.method,
    path: e.path === undefined ? undefined : scrubText(e.path, token),
    cause: e.cause === undefined ? undefined : scrubbedCause(e.cause, token),
  });
}
