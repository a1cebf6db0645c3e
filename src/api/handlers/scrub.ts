// The token never leaves the client in an error, a message or a log entry: every foreign text
// (fetch messages, bodies, the API's own error fields) is scrubbed of it here.

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
