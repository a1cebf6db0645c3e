// Finding 7 (issue 10): caps with clear errors. An answer body is read up to `maxBodyBytes`
// (32 MiB by default; 64 KiB here) and dropped as soon as it passes, while it streams; one list
// is read up to `maxListPages` pages (200 by default): a first page claiming more is refused
// before any other page, or, with onListCut, the first pages are returned and the cut reported.

import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HcloudError } from '../../../src/api/errors';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_LIST_PAGES, HttpTransport } from '../../../src/api/http';
import type { HttpTransportOptions, ListCut } from '../../../src/api/transport';
import { startSimulator } from '../../../src/sim/simulator';
import type { Simulator } from '../../../src/sim/types';

const TOKEN = 'limits-token-0123456789abcdef';
const CAP = 64 * 1024;

interface Raw {
  url: string;
  requests: string[];
  /** Bytes written by the server per request, when its socket closed. */
  closedAfter: number[];
  close(): Promise<void>;
}

async function startRaw(handler: (req: http.IncomingMessage, res: http.ServerResponse, raw: Raw) => void): Promise<Raw> {
  const raw = { requests: [] as string[], closedAfter: [] as number[] } as unknown as Raw;
  const server = http.createServer((req, res) => {
    raw.requests.push(req.url ?? '');
    handler(req, res, raw);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  raw.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  raw.close = () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  return raw;
}

async function rejection(promise: Promise<unknown>): Promise<HcloudError> {
  const e = await promise.then(
    () => assert.fail('expected a rejection'),
    (err: unknown) => err,
  );
  assert.ok(e instanceof HcloudError, String(e));
  return e;
}

describe('HttpTransport limits (finding 7)', function () {
  this.timeout(20_000);
  const transports: HttpTransport[] = [];
  const transport = (options: Partial<HttpTransportOptions>) => {
    const t = new HttpTransport({ token: TOKEN, retryBaseMs: 1, ...options });
    transports.push(t);
    return t;
  };
  afterEach(() => {
    while (transports.length) transports.pop()?.dispose();
  });

  it('defaults: 32 MiB a body, 200 pages a list', () => {
    assert.equal(DEFAULT_MAX_BODY_BYTES, 32 * 1024 * 1024);
    assert.equal(DEFAULT_MAX_LIST_PAGES, 200);
  });

  it('drops a streamed body as soon as it passes the cap, closes the connection, and does not retry', async () => {
    // An endless JSON-looking body in 4 KiB chunks, written as fast as the client reads.
    const raw = await startRaw((_req, res, r) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const chunk = Buffer.alloc(4096, 'a');
      let written = 0;
      res.write('{"servers":"');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) written += chunk.length;
        written += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', () => r.closedAfter.push(written));
      pump();
    });
    try {
      const started = Date.now();
      const err = await rejection(transport({ endpoint: raw.url, maxBodyBytes: CAP, timeoutMs: 5_000 }).request('GET', '/servers'));
      assert.equal(err.code, 'response_too_large');
      assert.equal(err.message, "The API's answer to GET /servers is larger than 64 KiB; it was not read further.");
      assert.ok(Date.now() - started < 2_000, 'refused while streaming, not at the timeout');
      assert.equal(raw.requests.length, 1, 'not retried');
      // The server sees the close a moment later (later still on a busy machine); a connection left
      // open would stay until the 5 s timeout.
      for (const until = Date.now() + 1_000; raw.closedAfter.length === 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 10));
      assert.equal(raw.closedAfter.length, 1, 'the connection was closed');
    } finally {
      await raw.close();
    }
  });

  it('refuses a Content-Length above the cap unread; a body under the cap is read', async () => {
    const raw = await startRaw((req, res) => {
      if (req.url?.includes('small')) {
        const body = JSON.stringify({ servers: [{ id: 1, name: 'x'.repeat(CAP - 100) }] });
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        return res.end(body);
      }
      res.writeHead(503, { 'Content-Type': 'application/json', 'Content-Length': String(1024 * 1024 * 1024) });
      res.write('{"error":');
    });
    try {
      const t = transport({ endpoint: raw.url, maxBodyBytes: CAP });
      const err = await rejection(t.request('GET', '/servers'));
      assert.equal(err.code, 'response_too_large');
      assert.equal(err.status, 503);
      assert.equal(raw.requests.length, 1);
      const small = await t.request<{ servers: unknown[] }>('GET', '/small');
      assert.equal(small.servers.length, 1);
    } finally {
      await raw.close();
    }
  });

  describe('one list', () => {
    let sim: Simulator;
    before(async () => {
      sim = await startSimulator({ port: 0, token: TOKEN, seed: 'empty', extraServers: 480, rateLimit: 1_000_000 });
    });
    after(() => sim.close());
    beforeEach(() => sim.clearRequests());

    it('a claimed last_page beyond the cap is refused after page 1, before any other page', async () => {
      const err = await rejection(transport({ endpoint: sim.url, maxListPages: 3 }).listAll('/servers', 'servers'));
      assert.equal(err.code, 'list_too_long');
      assert.match(err.message, /^The list GET \/servers claims 10 pages; at most 3 pages \(150 items\) are read\.$/);
      assert.equal(sim.requests.length, 1);
    });

    it('with onListCut: the first pages, and what was left out', async () => {
      const cuts: ListCut[] = [];
      const onListCut = (c: ListCut) => cuts.push(c);
      const items = await transport({ endpoint: sim.url, maxListPages: 3 }).listAll<{ id: number }>('/servers', 'servers', { onListCut });
      assert.equal(items.length, 150);
      assert.deepEqual(cuts, [{ pages: 3, items: 150, claimedPages: 10, claimedItems: 480 }]);
      assert.deepEqual(sim.requests.map((r) => r.query.page[0]).sort(), ['1', '2', '3']);
      // Under the cap nothing is cut.
      const all = await transport({ endpoint: sim.url, maxListPages: 10 }).listAll('/servers', 'servers', { onListCut });
      assert.equal(all.length, 480);
      assert.equal(cuts.length, 1);
    });
  });

  it('an endpoint claiming last_page=1000000 costs one request; an endless next_page stops at the cap', async () => {
    const raw = await startRaw((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const page = Number(url.searchParams.get('page'));
      const endless = url.pathname.endsWith('/endless');
      const pagination = { page, per_page: 50, previous_page: null, next_page: page + 1, last_page: endless ? null : 1_000_000, total_entries: endless ? null : 50_000_000 };
      const body = JSON.stringify({ servers: Array.from({ length: 50 }, (_, i) => ({ id: page * 100 + i })), meta: { pagination } });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    });
    try {
      const err = await rejection(transport({ endpoint: raw.url }).listAll('/servers', 'servers'));
      assert.equal(err.code, 'list_too_long');
      assert.equal(err.message, 'The list GET /servers claims 1000000 pages; at most 200 pages (10000 items) are read.');
      assert.equal(raw.requests.length, 1);

      raw.requests.length = 0;
      const t = transport({ endpoint: raw.url, maxListPages: 4 });
      assert.equal((await rejection(t.listAll('/endless', 'servers'))).code, 'list_too_long');
      assert.equal(raw.requests.length, 4);
      const cuts: ListCut[] = [];
      const items = await t.listAll('/endless', 'servers', { onListCut: (c) => cuts.push(c) });
      assert.equal(items.length, 200);
      assert.deepEqual(cuts, [{ pages: 4, items: 200, claimedPages: null, claimedItems: null }]);
      assert.equal(raw.requests.length, 8);
    } finally {
      await raw.close();
    }
  });
});
