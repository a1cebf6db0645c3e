// HttpTransport over real loopback HTTP: against the simulator, and against a tiny raw server
// only where the simulator cannot produce the case (exact headers, a 429 with a far reset,
// HTML error pages, Link-only pagination, redirects).

import assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import nodeFetch from 'node-fetch';
import { HcloudError } from '../../../src/api/errors';
import { DEFAULT_PAGE_CONCURRENCY, HttpTransport, encodeQuery, tokenProblem } from '../../../src/api/http';
import type { FetchLike, HttpTransportOptions, RequestLogEntry } from '../../../src/api/transport';
import { DEFAULT_USER_AGENT } from '../../../src/api/version';
import { startSimulator } from '../../../src/sim/simulator';
import type { Simulator } from '../../../src/sim/types';

const TOKEN = 'tok3nSecretValue0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL';
const EXTRA_SERVERS = 1200;
/** 36 000/h = 10 per second: one request is possible again 100 ms after a 429. */
const SIM_RATE_LIMIT = 36_000;

interface ServerLike {
  id: number;
  name: string;
}

async function rejection(promise: Promise<unknown>): Promise<HcloudError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof HcloudError, `expected an HcloudError, got ${inspect(e)}`);
    return e;
  }
  assert.fail('expected the call to reject');
}

function assertNoToken(value: unknown, token = TOKEN): void {
  const text = typeof value === 'string' ? value : inspect(value, { depth: 8, showHidden: true });
  assert.ok(!text.includes(token), 'the token leaked');
}

/** A raw HTTP server for the cases the simulator cannot produce. */
interface RawServer {
  url: string;
  requests: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

async function startRaw(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): Promise<RawServer> {
  const requests: RawServer['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** node-fetch, counting the requests in flight (used to see that pages overlap). */
function countingFetch(delayFor?: (url: string) => number): { fetch: FetchLike; maxInFlight: () => number } {
  let inFlight = 0;
  let max = 0;
  const fetch: FetchLike = async (url, init) => {
    inFlight++;
    max = Math.max(max, inFlight);
    try {
      const delay = delayFor?.(url) ?? 0;
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (init.signal?.aborted) throw Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
      return await nodeFetch(url, init as Parameters<typeof nodeFetch>[1]);
    } finally {
      inFlight--;
    }
  };
  return { fetch, maxInFlight: () => max };
}

describe('HttpTransport', function () {
  this.timeout(20_000);
  let sim: Simulator;
  const transports: HttpTransport[] = [];
  let log: RequestLogEntry[];

  function transport(options: Partial<HttpTransportOptions> = {}): HttpTransport {
    const t = new HttpTransport({
      token: TOKEN,
      endpoint: sim.url,
      retryBaseMs: 1,
      onRequest: (entry) => log.push(entry),
      ...options,
    });
    transports.push(t);
    return t;
  }

  async function firstServerId(): Promise<number> {
    const body = await transport().request<{ servers: ServerLike[] }>('GET', '/servers', { query: { per_page: 1 } });
    sim.clearRequests();
    log = [];
    return body.servers[0].id;
  }

  before(async () => {
    sim = await startSimulator({ port: 0, token: TOKEN, extraServers: EXTRA_SERVERS, actionMs: 50, rateLimit: SIM_RATE_LIMIT });
  });

  after(async () => {
    for (const t of transports) t.dispose();
    await sim.close();
  });

  beforeEach(() => {
    sim.setFaults({});
    sim.setRateLimitRemaining(SIM_RATE_LIMIT);
    sim.clearRequests();
    log = [];
  });

  afterEach(() => {
    while (transports.length) transports.pop()?.dispose();
  });

  describe('headers and token', () => {
    it('sends the bearer token, User-Agent and Accept, and Content-Type only with a body', async () => {
      const raw = await startRaw((_req, res) => json(res, 200, { ok: true }));
      try {
        const t = transport({ endpoint: raw.url });
        await t.request('GET', '/servers');
        await t.request('POST', '/servers', { body: { name: 'web' } });
        const [get, post] = raw.requests;
        assert.equal(get.url, '/v1/servers');
        assert.equal(get.headers.authorization, `Bearer ${TOKEN}`);
        assert.equal(get.headers['user-agent'], DEFAULT_USER_AGENT);
        assert.match(DEFAULT_USER_AGENT, /^hetzner-cloud-vscode\/\d/);
        assert.equal(get.headers.accept, 'application/json');
        assert.equal(get.headers['content-type'], undefined);
        assert.equal(post.headers['content-type'], 'application/json');
        assert.deepEqual(JSON.parse(post.body), { name: 'web' });
        await transport({ endpoint: raw.url, userAgent: 'custom/1' }).request('GET', '/x');
        assert.equal(raw.requests[2].headers['user-agent'], 'custom/1');
      } finally {
        await raw.close();
      }
    });

    it('is authorized by the simulator, with or without a trailing slash on the endpoint', async () => {
      const body = await transport().request<{ servers: ServerLike[] }>('GET', '/servers');
      assert.ok(Array.isArray(body.servers) && body.servers.length > 0);
      await transport({ endpoint: `${sim.url}/` }).request('GET', 'servers');
      assert.equal(sim.requests.length, 2);
      assert.ok(sim.requests.every((r) => r.authorized && r.path === '/servers' && r.status === 200));
    });

    it('refuses unusable tokens before any request, without repeating them', async () => {
      const bad = ['', ' tokenvalue123', 'tokenvalue123\n', 'token\u0000value123', 'token\u007fvalue', 'tökenvalue123', 'token value123', 'token\tvalue'];
      for (const token of bad) {
        const err = await rejection(transport({ token }).request('GET', '/servers'));
        assert.equal(err.code, 'invalid_token', JSON.stringify(token));
        if (token) assertNoToken(err, token);
        assert.ok(tokenProblem(token));
      }
      assert.equal(tokenProblem(TOKEN), undefined);
      assert.equal(sim.requests.length, 0);
      assert.equal(log.length, 0);
    });

    it('maps a wrong token to 401 unauthorized, and the token appears nowhere', async () => {
      const wrong = 'wrongTokenValue0123456789';
      const err = await rejection(transport({ token: wrong }).request('GET', '/servers'));
      assert.equal(err.code, 'unauthorized');
      assert.equal(err.status, 401);
      assert.equal(err.method, 'GET');
      assert.equal(err.path, '/servers');
      assert.equal(sim.requests.length, 1, 'a 401 is not retried');
      assert.equal(sim.requests[0].authorized, false);
      assertNoToken(err, wrong);
      assertNoToken(log, wrong);
    });
  });

  describe('errors', () => {
    it('maps an API error body to code, message, details and status', async () => {
      const err = await rejection(transport().request('GET', '/servers/987654321'));
      assert.equal(err.code, 'not_found');
      assert.equal(err.status, 404);
      assert.ok(err.message.length > 0);
      assert.equal(err.path, '/servers/987654321');
    });

    it('keeps the field details of invalid_input', async () => {
      const err = await rejection(transport().request('POST', '/servers', { body: { name: 'not a valid name!', server_type: 'cx11', image: 'ubuntu-22.04' } }));
      assert.equal(err.code, 'invalid_input');
      assert.equal(err.status, 400);
      assert.equal(err.method, 'POST');
      assert.ok(err.fields.some((f) => f.name === 'name'), inspect(err.details));
      assert.equal(sim.requests.length, 1);
    });

    it('resolves a 204 answer to undefined', async () => {
      const raw = await startRaw((_req, res) => {
        res.writeHead(204);
        res.end();
      });
      try {
        assert.equal(await transport({ endpoint: raw.url }).request('DELETE', '/ssh_keys/1'), undefined);
      } finally {
        await raw.close();
      }
    });

    it('reports a body that is not JSON as invalid_response, retried for GET', async () => {
      sim.setFaults({ kind: 'malformed', failNext: 10 });
      const err = await rejection(transport({ maxTries: 3 }).request('GET', '/servers'));
      assert.equal(err.code, 'invalid_response');
      assert.equal(err.status, 200);
      assert.match(err.message, /^The API answered 200 with a body that is not JSON \(truncated\?\) \(GET \/servers\)/);
      assert.equal(sim.requests.length, 3);
      assert.equal(err.isTransport, true);
    });

    it('reports a truncated body as invalid_response; a GET recovers on the next try', async () => {
      sim.setFaults({ kind: 'truncated', failNext: 1 });
      const body = await transport().request<{ servers: ServerLike[] }>('GET', '/servers');
      assert.ok(Array.isArray(body.servers));
      assert.deepEqual(
        log.map((e) => [e.attempt, e.errorCode]),
        [
          [1, 'invalid_response'],
          [2, undefined],
        ],
      );
      assert.equal(sim.requests.length, 2);
    });

    it('fails at once with invalid_response when the connection closes in the middle of the body', async () => {
      const raw = await startRaw((req, res) => {
        const chunked = req.url?.includes('chunked');
        res.writeHead(200, chunked ? { 'Content-Type': 'application/json' } : { 'Content-Type': 'application/json', 'Content-Length': '400' });
        res.write('{"servers":[{"id":1,');
        setTimeout(() => res.destroy(), 5);
      });
      try {
        const t = transport({ endpoint: raw.url, timeoutMs: 10_000, maxTries: 2 });
        for (const path of ['/servers', '/servers/chunked']) {
          const err = await rejection(t.request('GET', path));
          assert.equal(err.code, 'invalid_response', path);
          assert.equal(err.status, 200);
          assert.match(err.message, /cut short/);
        }
        assert.equal(raw.requests.length, 4, 'each GET tried twice');
      } finally {
        await raw.close();
      }
    });

    it('never retries a write that got a truncated or malformed body', async () => {
      const id = await firstServerId();
      for (const kind of ['truncated', 'malformed'] as const) {
        sim.clearRequests();
        sim.setFaults({ kind, failNext: 5, match: { method: 'POST' } });
        const err = await rejection(transport().request('POST', `/servers/${id}/actions/poweron`));
        assert.equal(err.code, 'invalid_response', kind);
        assert.equal(sim.requests.filter((r) => r.method === 'POST').length, 1, kind);
      }
    });

    it('maps an error status with an HTML body to a code from the status', async () => {
      const raw = await startRaw((req, res) => {
        const status = req.url?.includes('missing') ? 404 : 502;
        res.writeHead(status, { 'Content-Type': 'text/html' });
        res.end('<html><body><h1>Bad Gateway</h1></body></html>');
      });
      try {
        const t = transport({ endpoint: raw.url, maxTries: 2 });
        const gateway = await rejection(t.request('GET', '/servers'));
        assert.equal(gateway.code, 'service_error');
        assert.equal(gateway.status, 502);
        assert.equal(gateway.message, 'The API answered 502 Bad Gateway (GET /servers).');
        assert.equal(raw.requests.length, 2, 'a 5xx GET is retried');
        const missing = await rejection(t.request('GET', '/missing'));
        assert.equal(missing.code, 'not_found');
        assert.equal(missing.status, 404);
        assert.equal(raw.requests.length, 3, 'a 404 is not retried');
      } finally {
        await raw.close();
      }
    });

    it('a 410 is deprecated_api_endpoint, from the API\'s body or (bare 410 Gone) from the status; never retried', async () => {
      const raw = await startRaw((req, res) => {
        if (req.url?.includes('bare')) {
          res.writeHead(410, { 'Content-Type': 'text/html' });
          res.end('<html><body><h1>Gone</h1></body></html>');
        } else {
          json(res, 410, { error: { code: 'deprecated_api_endpoint', message: 'This endpoint was removed', details: {} } });
        }
      });
      try {
        const t = transport({ endpoint: raw.url, maxTries: 3 });
        const api = await rejection(t.request('GET', '/datacenters'));
        assert.deepEqual([api.code, api.status, api.message], ['deprecated_api_endpoint', 410, 'This endpoint was removed']);
        const bare = await rejection(t.request('GET', '/bare'));
        assert.deepEqual([bare.code, bare.status, bare.message], ['deprecated_api_endpoint', 410, 'The API answered 410 Gone (GET /bare).']);
        assert.equal(raw.requests.length, 2, 'one request each');
      } finally {
        await raw.close();
      }
    });

    it('does not follow redirects (the token must not travel elsewhere)', async () => {
      const raw = await startRaw((_req, res) => {
        res.writeHead(301, { Location: 'http://127.0.0.1:9/elsewhere' });
        res.end();
      });
      try {
        const err = await rejection(transport({ endpoint: raw.url }).request('GET', '/servers'));
        assert.equal(err.code, 'invalid_response');
        assert.equal(err.status, 301);
        assert.match(err.message, /redirect to http:\/\/127\.0\.0\.1:9\/elsewhere/);
        assert.equal(raw.requests.length, 1);
      } finally {
        await raw.close();
      }
    });

    it('reports a refused connection as network_error naming the host; GETs are retried, writes are not', async () => {
      const port = await closedPort();
      const t = transport({ endpoint: `http://127.0.0.1:${port}/v1`, maxTries: 3, token: 'abcdefgh12345678' });
      const err = await rejection(t.request('GET', '/servers'));
      assert.equal(err.code, 'network_error');
      assert.equal(err.status, 0);
      assert.equal(err.message, `Cannot connect to 127.0.0.1:${port} (connection refused).`);
      assert.deepEqual(
        log.map((e) => [e.status, e.attempt, e.errorCode]),
        [
          [0, 1, 'network_error'],
          [0, 2, 'network_error'],
          [0, 3, 'network_error'],
        ],
      );
      assertNoToken(err, 'abcdefgh12345678');
      log = [];
      await rejection(t.request('POST', '/servers', { body: {} }));
      assert.equal(log.length, 1);
    });

    it('reports a dropped connection as network_error and retries it for GET', async () => {
      sim.setFaults({ kind: 'drop', failNext: 1 });
      await transport().request('GET', '/servers');
      assert.deepEqual(
        log.map((e) => [e.status, e.errorCode]),
        [
          [0, 'network_error'],
          [200, undefined],
        ],
      );
    });
  });

  describe('timeouts and cancellation', () => {
    it('times out with a message naming host, limit and call; a GET is tried once more, then fails', async () => {
      sim.setFaults({ kind: 'hang', failNext: 10 });
      const t = transport({ timeoutMs: 5_000 });
      const err = await rejection(t.request('GET', '/servers', { timeoutMs: 80 }));
      assert.equal(err.code, 'timeout');
      assert.equal(err.status, 0);
      assert.match(err.message, /^No answer from 127\.0\.0\.1:\d+ within 80 ms \(GET \/servers\)\.$/);
      assert.deepEqual(
        log.map((e) => [e.attempt, e.status, e.errorCode]),
        [
          [1, 0, 'timeout'],
          [2, 0, 'timeout'],
        ],
      );
    });

    it('recovers when only the first GET hangs', async () => {
      sim.setFaults({ kind: 'hang', failNext: 1 });
      const body = await transport({ timeoutMs: 80 }).request<{ servers: unknown[] }>('GET', '/servers');
      assert.ok(Array.isArray(body.servers));
      assert.deepEqual(
        log.map((e) => e.errorCode),
        ['timeout', undefined],
      );
    });

    it('never retries a write that timed out', async () => {
      const id = await firstServerId();
      sim.setFaults({ kind: 'hang', failNext: 10, match: { method: 'POST' } });
      const err = await rejection(transport({ timeoutMs: 80 }).request('POST', `/servers/${id}/actions/poweroff`));
      assert.equal(err.code, 'timeout');
      assert.equal(log.length, 1);
    });

    it("tells the caller's abort (aborted) apart from the timeout", async () => {
      sim.setFaults({ kind: 'hang', failNext: 10 });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const err = await rejection(transport({ timeoutMs: 10_000 }).request('GET', '/servers', { signal: controller.signal }));
      assert.equal(err.code, 'aborted');
      assert.equal(log.length, 1, 'an abort is never retried');
      assert.equal(log[0].errorCode, 'aborted');
    });

    it('sends nothing when the signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const err = await rejection(transport().request('GET', '/servers', { signal: controller.signal }));
      assert.equal(err.code, 'aborted');
      assert.equal(sim.requests.length, 0);
    });

    it('stops waiting between tries when the caller aborts', async () => {
      sim.setFaults({ kind: 'status', statuses: [503], failNext: 10 });
      const controller = new AbortController();
      const t = transport({
        retryBaseMs: 60_000,
        onRequest: (entry) => {
          log.push(entry);
          setImmediate(() => controller.abort());
        },
      });
      const err = await rejection(t.request('GET', '/servers', { signal: controller.signal }));
      assert.equal(err.code, 'aborted');
      assert.equal(sim.requests.length, 1);
    });
  });

  describe('retries', () => {
    it('retries a GET answered 5xx and succeeds', async () => {
      sim.setFaults({ kind: 'status', statuses: [503, 500], failNext: 2 });
      const body = await transport().request<{ servers: unknown[] }>('GET', '/servers');
      assert.ok(Array.isArray(body.servers));
      assert.deepEqual(
        sim.requests.map((r) => r.status),
        [503, 500, 200],
      );
      assert.deepEqual(
        log.map((e) => [e.attempt, e.status]),
        [
          [1, 503],
          [2, 500],
          [3, 200],
        ],
      );
    });

    it('gives up after maxTries, or at the end of the retry window, with the last error', async () => {
      sim.setFaults({ kind: 'status', statuses: [503], failNext: 50 });
      const err = await rejection(transport({ maxTries: 4 }).request('GET', '/servers'));
      assert.equal(err.status, 503);
      assert.equal(err.isTransport, false);
      assert.equal(sim.requests.length, 4);
      // Without maxTries the retry window alone ends the tries (finding 5; retryWindow.test.ts has the 15 s default).
      sim.clearRequests();
      const started = Date.now();
      const windowed = await rejection(transport({ retryWindowMs: 150, retryMaxDelayMs: 20 }).request('GET', '/servers'));
      assert.equal(windowed.status, 503);
      assert.ok(Date.now() - started >= 150, 'tried until the window was over');
      assert.ok(sim.requests.length > 4, `${sim.requests.length} tries in the window`);
    });

    it('sends a POST, PUT or DELETE answered 503 exactly once', async () => {
      const id = await firstServerId();
      sim.setFaults({ kind: 'status', statuses: [503], failNext: 50, match: { method: 'POST' } });
      const err = await rejection(transport({ maxTries: 5 }).request('POST', `/servers/${id}/actions/poweroff`));
      assert.equal(err.status, 503);
      assert.deepEqual(
        sim.requests.map((r) => [r.method, r.path]),
        [['POST', `/servers/${id}/actions/poweroff`]],
      );
      for (const method of ['PUT', 'DELETE'] as const) {
        sim.clearRequests();
        sim.setFaults({ kind: 'status', statuses: [503], failNext: 50, match: { method } });
        await rejection(transport().request(method, `/servers/${id}`, method === 'PUT' ? { body: { name: 'renamed' } } : {}));
        assert.equal(sim.requests.length, 1, method);
      }
    });
  });

  describe('rate limit', () => {
    it('exposes the latest RateLimit headers', async () => {
      const t = transport();
      const latest = () => t.rateLimit;
      assert.equal(latest(), undefined);
      const before = Date.now();
      await t.request('GET', '/servers');
      const rl = latest();
      assert.ok(rl);
      assert.equal(rl.limit, SIM_RATE_LIMIT);
      assert.ok(rl.remaining > 0 && rl.remaining < SIM_RATE_LIMIT);
      assert.ok(rl.reset instanceof Date && rl.reset.getTime() >= before - 1000);
      assert.ok(rl.observedAt.getTime() >= before);
    });

    it('waits after a 429 and retries a GET', async () => {
      sim.setRateLimitRemaining(0);
      const t = transport();
      const body = await t.request<{ servers: unknown[] }>('GET', '/servers');
      assert.ok(Array.isArray(body.servers));
      // Normally [429, 200]; a clock tick short of the refill may add one more 429 and wait.
      assert.match(sim.requests.map((r) => r.status).join(','), /^429,(429,)?200$/);
      assert.deepEqual(
        log.map((e) => [e.attempt, e.errorCode]),
        log.map((_e, i) => [i + 1, i < log.length - 1 ? 'rate_limit_exceeded' : undefined]),
      );
    });

    it('never retries a write answered 429, and says when requests are possible again', async () => {
      const id = await firstServerId();
      sim.setRateLimitRemaining(0);
      const t = transport();
      const err = await rejection(t.request('POST', `/servers/${id}/actions/poweron`));
      assert.equal(err.code, 'rate_limit_exceeded');
      assert.equal(err.status, 429);
      assert.match(err.message, /Requests are possible again in about \d+ ms \(at \d\d:\d\d:\d\d\)\.$/);
      assert.equal(sim.requests.length, 1);
      assert.equal(t.rateLimit?.remaining, 0, 'the 429 headers are read too');
    });

    it('throws a 429 at once when the next request is further away than maxRateLimitWaitMs', async () => {
      const raw = await startRaw((_req, res) =>
        json(
          res,
          429,
          { error: { code: 'rate_limit_exceeded', message: 'limit of 10 requests per hour reached', details: {} } },
          { 'RateLimit-Limit': '10', 'RateLimit-Remaining': '0', 'RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 3600) },
        ),
      );
      try {
        const err = await rejection(transport({ endpoint: raw.url }).request('GET', '/servers'));
        assert.equal(err.code, 'rate_limit_exceeded');
        assert.match(err.message, /^limit of 10 requests per hour reached\. Requests are possible again in about 6 min \(at /);
        assert.equal(raw.requests.length, 1);
        // A short cap gives up just as fast, even with a 100 ms refill. This simulator's clock stands
        // still, so a slow machine cannot refill the budget before the request arrives.
        const frozen = await startSimulator({ port: 0, token: TOKEN, seed: 'empty', rateLimit: SIM_RATE_LIMIT, now: () => 1_800_000_000_000 });
        try {
          frozen.setRateLimitRemaining(0);
          await rejection(transport({ endpoint: frozen.url, maxRateLimitWaitMs: 10 }).request('GET', '/servers'));
          assert.deepEqual(frozen.requests.map((r) => r.status), [429]);
        } finally {
          await frozen.close();
        }
      } finally {
        await raw.close();
      }
    });
  });

  describe('pagination', () => {
    it('getPage sends page and per_page and returns the meta as PageInfo', async () => {
      const page = await transport().getPage<{ servers: ServerLike[] }>('/servers', 2, 50, { query: { sort: 'id:asc' } });
      assert.equal(page.body.servers.length, 50);
      assert.ok(page.pagination);
      assert.equal(page.pagination.page, 2);
      assert.equal(page.pagination.perPage, 50);
      assert.equal(page.pagination.nextPage, 3);
      assert.ok((page.pagination.totalEntries ?? 0) > EXTRA_SERVERS);
      assert.equal(page.pagination.lastPage, Math.ceil((page.pagination.totalEntries ?? 0) / 50));
      assert.deepEqual(sim.requests[0].query, { sort: ['id:asc'], page: ['2'], per_page: ['50'] });
      assert.equal(log[0].path, '/servers?sort=id%3Aasc&page=2&per_page=50');
    });

    it('listAll returns 1,000+ items in order, one request per page, the pages after the first overlapping', async () => {
      const expected: ServerLike[] = [];
      const t0 = transport();
      for (let page = 1; ; page++) {
        const p = await t0.getPage<{ servers: ServerLike[] }>('/servers', page, 50);
        expected.push(...p.body.servers);
        if (!p.pagination?.nextPage) break;
      }
      assert.ok(expected.length > EXTRA_SERVERS);
      sim.clearRequests();

      sim.setFaults({ latencyMs: 20 });
      const counting = countingFetch();
      const started = Date.now();
      const servers = await transport({ fetch: counting.fetch }).listAll<ServerLike>('/servers', 'servers');
      const ms = Date.now() - started;

      assert.equal(servers.length, expected.length);
      assert.deepEqual(
        servers.map((s) => s.id),
        expected.map((s) => s.id),
      );
      assert.equal(new Set(servers.map((s) => s.id)).size, servers.length, 'no duplicates');
      const pages = Math.ceil(expected.length / 50);
      assert.equal(sim.requests.length, pages);
      assert.deepEqual(
        sim.requests.map((r) => Number(r.query.page[0])).sort((a, b) => a - b),
        Array.from({ length: pages }, (_, i) => i + 1),
      );
      assert.ok(sim.requests.every((r) => r.query.per_page[0] === '50'));
      assert.equal(counting.maxInFlight(), DEFAULT_PAGE_CONCURRENCY, `pageConcurrency defaults to ${DEFAULT_PAGE_CONCURRENCY}`);
      console.log(`      listAll: ${servers.length} servers, ${pages} pages in ${ms} ms at 20 ms latency (max ${DEFAULT_PAGE_CONCURRENCY} in flight)`);

      sim.clearRequests();
      const wide = countingFetch();
      const again = await transport({ fetch: wide.fetch, pageConcurrency: 64 }).listAll<ServerLike>('/servers', 'servers');
      assert.equal(again.length, expected.length);
      assert.equal(wide.maxInFlight(), pages - 1, 'every page after the first at once: two round trips');
    });

    it('listAll honours perPage and a query', async () => {
      const servers = await transport({ perPage: 25 }).listAll<ServerLike>('/servers', 'servers', { query: { name: 'scale-0007' } });
      assert.deepEqual(
        servers.map((s) => s.name),
        ['scale-0007'],
      );
      assert.deepEqual(sim.requests[0].query, { name: ['scale-0007'], page: ['1'], per_page: ['25'] });
    });

    it('listAll rejects with the first failing page and aborts the pages in flight', async () => {
      const lastPage = (await transport().getPage('/servers', 1, 50)).pagination?.lastPage ?? 0;
      sim.clearRequests();
      log.length = 0;
      let armed = false;
      const counting = countingFetch((url) => (url.includes('page=1&') || url.includes('page=2&') ? 0 : 300));
      const t = transport({
        fetch: counting.fetch,
        maxTries: 1,
        onRequest: (entry) => {
          log.push(entry);
          if (!armed) {
            armed = true;
            sim.setFaults({ kind: 'status', statuses: [500], failNext: 1 });
          }
        },
      });
      const err = await rejection(t.listAll('/servers', 'servers'));
      assert.equal(err.code, 'service_error');
      assert.equal(err.status, 500);
      assert.deepEqual(
        sim.requests.map((r) => [r.query.page[0], r.status]),
        [
          ['1', 200],
          ['2', 500],
        ],
      );
      const aborted = log.filter((e) => e.errorCode === 'aborted');
      const inFlight = Math.min(DEFAULT_PAGE_CONCURRENCY, lastPage - 1) - 1;
      assert.equal(aborted.length, inFlight, 'the other pages in flight were aborted');
      assert.equal(log.length, 2 + inFlight, 'no page started after the failure');
    });

    it('listAll follows the Link header when there is no meta, and next_page when the length is unknown', async () => {
      const all = Array.from({ length: 23 }, (_, i) => ({ id: i + 1 }));
      const raw = await startRaw((req, res) => {
        const url = new URL(req.url ?? '/', 'http://x');
        const page = Number(url.searchParams.get('page') ?? '1');
        const perPage = Number(url.searchParams.get('per_page') ?? '25');
        const last = Math.ceil(all.length / perPage);
        const things = all.slice((page - 1) * perPage, page * perPage);
        const pageUrl = (p: number) => `<http://127.0.0.1/v1/things?page=${p}&per_page=${perPage}>`;
        if (url.pathname.endsWith('/linked')) {
          const rels = [page > 1 ? `${pageUrl(page - 1)}; rel="prev"` : '', page < last ? `${pageUrl(page + 1)}; rel="next"` : '', page < last ? `${pageUrl(last)}; rel="last"` : ''];
          json(res, 200, { things }, { Link: rels.filter(Boolean).join(', ') });
        } else if (url.pathname.endsWith('/unknown')) {
          const pagination = { page, per_page: perPage, previous_page: null, next_page: page < last ? page + 1 : null, last_page: null, total_entries: null };
          json(res, 200, { things, meta: { pagination } });
        } else {
          json(res, 200, { things: all.slice(0, 3), extra_unknown_field: { a: 1 } });
        }
      });
      try {
        const t = transport({ endpoint: raw.url, perPage: 5 });
        assert.deepEqual(await t.listAll('/linked', 'things'), all);
        assert.equal(raw.requests.length, 5);
        const linked = await t.getPage('/linked', 2, 5);
        assert.deepEqual(linked.pagination, { page: 2, perPage: 5, lastPage: 5, totalEntries: null, nextPage: 3 });

        raw.requests.length = 0;
        assert.deepEqual(await t.listAll('/unknown', 'things'), all);
        assert.deepEqual(
          raw.requests.map((r) => new URL(r.url, 'http://x').searchParams.get('page')),
          ['1', '2', '3', '4', '5'],
        );

        raw.requests.length = 0;
        assert.deepEqual(await t.listAll('/plain', 'things'), all.slice(0, 3));
        assert.equal(raw.requests.length, 1);
        assert.equal((await t.getPage('/plain', 1, 5)).pagination, undefined);

        const err = await rejection(t.listAll('/plain', 'servers'));
        assert.equal(err.code, 'invalid_response');
      } finally {
        await raw.close();
      }
    });

    it('listAll stops when the caller aborts', async () => {
      sim.setFaults({ latencyMs: 30 });
      const controller = new AbortController();
      const t = transport({
        onRequest: (entry) => {
          log.push(entry);
          if (entry.path.includes('page=1&')) controller.abort();
        },
      });
      const err = await rejection(t.listAll('/servers', 'servers', { signal: controller.signal }));
      assert.equal(err.code, 'aborted');
      assert.equal(sim.requests.length, 1);
    });
  });

  describe('query strings and the request log', () => {
    it('repeats array keys, skips undefined and null, writes booleans, encodes values', async () => {
      await transport().request('GET', '/servers', {
        query: { status: ['running', 'off'], name: 'a b&c', label_selector: 'env=prod,tier!=db', skipped: undefined, nothing: null, flag: true, n: 3 },
      });
      assert.deepEqual(sim.requests[0].query, {
        status: ['running', 'off'],
        name: ['a b&c'],
        label_selector: ['env=prod,tier!=db'],
        flag: ['true'],
        n: ['3'],
      });
      assert.equal(log[0].path, '/servers?status=running&status=off&name=a%20b%26c&label_selector=env%3Dprod%2Ctier!%3Ddb&flag=true&n=3');
      assert.equal(encodeQuery({ a: false, b: [] }), 'a=false');
    });

    it('logs every exchange with method, path, status, duration, attempt and source, never the token', async () => {
      sim.setFaults({ kind: 'status', statuses: [502], failNext: 1 });
      await transport().request('GET', '/servers', { query: { per_page: 2 }, source: 'tree' });
      assert.equal(log.length, 2);
      assert.deepEqual(
        log.map(({ method, path, status, attempt, errorCode, source }) => ({ method, path, status, attempt, errorCode, source })),
        [
          { method: 'GET', path: '/servers?per_page=2', status: 502, attempt: 1, errorCode: 'service_error', source: 'tree' },
          { method: 'GET', path: '/servers?per_page=2', status: 200, attempt: 2, errorCode: undefined, source: 'tree' },
        ],
      );
      assert.ok(log.every((e) => typeof e.durationMs === 'number' && e.durationMs >= 0));
      assertNoToken(JSON.stringify(log));
    });
  });
});
