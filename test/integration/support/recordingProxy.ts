// A pass-through HTTP proxy in front of the simulator that keeps every JSON answer, so a test can
// compare what the user was shown (a root or VNC password) with what the API really returned.
// The simulator records requests only; this records the answers. `answerInstead` lets a test answer a
// request itself, for answers the simulator cannot produce (an API refusing input its documented rules allow).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedAnswer {
  method: string;
  /** Path after /v1. */
  path: string;
  status: number;
  body: unknown;
}

export interface RecordingProxy {
  /** The proxy's base URL, e.g. http://127.0.0.1:40123/v1 */
  readonly url: string;
  readonly answers: RecordedAnswer[];
  /** The latest answer to `method path`. */
  last(method: string, path: string): RecordedAnswer | undefined;
  close(): Promise<void>;
}

/** An answer the proxy gives itself instead of asking the simulator. */
export interface OwnAnswer {
  status: number;
  body: unknown;
}

export async function startRecordingProxy(target: string, answerInstead?: (method: string, path: string) => OwnAnswer | undefined): Promise<RecordingProxy> {
  const base = new URL(target);
  const prefix = base.pathname.replace(/\/$/, '');
  const answers: RecordedAnswer[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const own = answerInstead?.(req.method ?? '', (req.url ?? '').split('?')[0].slice(prefix.length));
      if (own) {
        res.writeHead(own.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(own.body));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers[k] = v;
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      fetch(`${base.origin}${req.url ?? '/'}`, { method: req.method, headers, body })
        .then(async (answer) => {
          const text = await answer.text();
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // not JSON: keep the text
          }
          const path = (req.url ?? '').split('?')[0].slice(prefix.length);
          answers.push({ method: req.method ?? '', path, status: answer.status, body: parsed });
          const out: Record<string, string> = {};
          answer.headers.forEach((v, k) => {
            if (k !== 'content-length' && k !== 'content-encoding' && k !== 'transfer-encoding' && k !== 'connection') out[k] = v;
          });
          res.writeHead(answer.status, out);
          res.end(text);
        })
        .catch((e: Error) => {
          res.writeHead(502);
          res.end(e.message);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    answers,
    last: (method, path) => [...answers].reverse().find((a) => a.method === method && a.path === path),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
