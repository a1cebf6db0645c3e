// Handler: one HTTP exchange. Sends the request with the token, waits at most `timeoutMs` for
// headers and body together, reads the body under a size cap (a Content-Length above it is refused
// unread; a streamed body is dropped, and its connection closed, as soon as it passes the cap),
// and reports what happened without judging it (./errors.ts does). The caller's abort and the
// timeout are told apart.

import * as http from 'node:http';
import type { FetchLike, FetchResponseLike } from '../transport';
import type { Call, HeadersLike } from './chain';

export type Exchanged =
  | { kind: 'answer'; status: number; statusText: string; headers: HeadersLike; text: string }
  /** No answer: the connection failed, or the caller aborted, or the timeout struck. */
  | { kind: 'failed'; why: 'network' | 'aborted' | 'timeout'; cause?: unknown }
  /** Status and headers came, the body did not come whole. */
  | { kind: 'bodyFailed'; why: 'broken' | 'aborted' | 'timeout' | 'tooLarge'; status: number; headers: HeadersLike; cause?: unknown };

export interface ExchangeDeps {
  token: string;
  userAgent: string;
  fetch: FetchLike;
  /** node-fetch's keep-alive agent, when the default fetch is used. */
  agent?: http.Agent;
  /** The largest body read, in bytes. */
  maxBodyBytes: number;
}

export type Exchange = (call: Call) => Promise<Exchanged>;

export function exchangeHandler(deps: ExchangeDeps): Exchange {
  return async (call) => {
    const controller = new AbortController();
    let why: 'aborted' | 'timeout' | undefined;
    const onCallerAbort = () => {
      why ??= 'aborted';
      controller.abort();
    };
    call.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => {
      why ??= 'timeout';
      controller.abort();
    }, call.timeoutMs);
    const headers: Record<string, string> = {
      Authorization: `Bearer ${deps.token}`,
      'User-Agent': deps.userAgent,
      Accept: 'application/json',
    };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      let res: FetchResponseLike;
      try {
        const init = { method: call.method, headers, body: call.body, signal: controller.signal, agent: deps.agent };
        res = await untilAborted(Promise.resolve().then(() => deps.fetch(call.target.url, init)), controller.signal);
      } catch (cause) {
        return { kind: 'failed', why: why ?? 'network', cause: why ? undefined : cause };
      }
      const status = res.status;
      try {
        const text = await untilAborted(Promise.resolve().then(() => readText(res, deps.maxBodyBytes)), controller.signal);
        const statusText = (res as { statusText?: string }).statusText || http.STATUS_CODES[status] || '';
        return { kind: 'answer', status, statusText, headers: res.headers, text };
      } catch (cause) {
        if (cause instanceof BodyTooLarge) {
          controller.abort(); // closes the connection: the rest of the body is never read
          return { kind: 'bodyFailed', why: 'tooLarge', status, headers: res.headers };
        }
        return { kind: 'bodyFailed', why: why ?? 'broken', status, headers: res.headers, cause: why ? undefined : cause };
      }
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onCallerAbort);
    }
  };
}

class BodyTooLarge extends Error {}

/** The body as text, refused as soon as it passes `maxBytes` (before reading, when Content-Length says so). */
async function readText(res: FetchResponseLike, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyTooLarge();
  if (!res.body || typeof res.body[Symbol.asyncIterator] !== 'function') {
    const text = await res.text(); // a fetch without a stream: checked once it is read
    if (Buffer.byteLength(text) > maxBytes) throw new BodyTooLarge();
    return text;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += bytes.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Settles like `promise`, or rejects as soon as `signal` aborts (for fetch implementations that ignore it). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(new Error('aborted'));
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', abort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', abort);
        reject(e);
      },
    );
  });
}

/**
 * node-fetch v2 pipes the response into its body stream without forwarding errors, so a body
 * cut short (the connection closed before Content-Length bytes came) would hang until the
 * timeout. This makes the agent report such a close as an error of the request, which node-fetch
 * passes on to the body: reading it then rejects at once and the transport says `invalid_response`.
 */
export function detectTruncatedBodies<A extends http.Agent>(agent: A): A {
  const patched = agent as unknown as { addRequest(req: http.ClientRequest, options: unknown): void };
  const addRequest = patched.addRequest;
  patched.addRequest = function (this: unknown, req: http.ClientRequest, options: unknown) {
    req.once('response', (res: http.IncomingMessage) => {
      res.once('close', () => {
        if (res.complete || req.listenerCount('error') === 0) return;
        const error = new Error('the connection closed before the whole body came') as Error & { code: string };
        error.code = 'ERR_BODY_TRUNCATED';
        req.emit('error', error);
      });
    });
    return addRequest.call(this, req, options);
  };
  return agent;
}
