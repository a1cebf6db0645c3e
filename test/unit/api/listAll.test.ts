// listAll against the simulator (1,000 servers, each answer held LATENCY_MS):
// - page concurrency: page 1 alone, then every other page at once up to the cap
//   (DEFAULT_PAGE_CONCURRENCY, or the pageConcurrency option), each page exactly once. The
//   requests in flight are counted where they leave: node-fetch, called by the transport's exchange;
// - onPage: each page's items are handed over as soon as that page is read.
import * as assert from 'node:assert/strict';
import nodeFetch from 'node-fetch';
import { HcloudClient } from '../../../src/api/client';
import { DEFAULT_PAGE_CONCURRENCY, HttpTransport } from '../../../src/api/http';
import type { FetchLike, HttpTransportOptions } from '../../../src/api/transport';
import type { RecordedRequest } from '../../../src/sim/types';
import { useSimulator } from './helpers';

const SERVERS = 1000;
const LATENCY_MS = 30;

describe('listAll against the simulator', function () {
  this.timeout(20_000);
  const spans: Array<{ request: RecordedRequest; from: number; to: number }> = [];
  const env = useSimulator({ seed: 'empty', extraServers: SERVERS, rateLimit: 1_000_000, onRequest: (r) => spans.push({ request: r, from: r.at, to: Date.now() }) });
  const clients: HcloudClient[] = [];

  /** Lists every server; the pages the simulator received, and the most requests in flight at once after page 1. */
  async function listWith(options: Partial<HttpTransportOptions>): Promise<{ ids: number[]; pages: number[]; atOnce: number }> {
    let inFlight = 0;
    let atOnce = 0;
    const fetch: FetchLike = (url, init) => {
      atOnce = Math.max(atOnce, ++inFlight);
      return nodeFetch(url, init as Parameters<typeof nodeFetch>[1]).finally(() => inFlight--);
    };
    const client = new HcloudClient({ token: env.sim.token, endpoint: env.sim.url, fetch, ...options });
    clients.push(client);
    env.sim.setFaults({ latencyMs: LATENCY_MS });
    spans.length = 0;
    const servers = await client.servers.listAll();
    env.sim.setFaults({});
    const [first, ...later] = spans;
    assert.equal(first.request.query.page?.[0], '1');
    assert.ok(later.every((s) => s.from >= first.to), 'page 1 answered before any other page was asked for');
    return { ids: servers.map((s) => s.id), pages: spans.map((s) => Number(s.request.query.page?.[0])), atOnce };
  }

  after(() => clients.forEach((c) => c.dispose()));

  it('1,000 servers: page 1, then the other 19 pages at once (two round trips), 20 GETs', async () => {
    const { ids, pages, atOnce } = await listWith({});
    assert.equal(ids.length, SERVERS);
    assert.equal(new Set(ids).size, SERVERS);
    assert.deepEqual(pages.slice(0, 1), [1], 'page 1 first, alone');
    assert.deepEqual([...pages].sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1), 'each page exactly once');
    assert.ok(spans.every((s) => s.request.method === 'GET' && s.request.query.per_page?.[0] === '50'));
    assert.equal(atOnce, 19, 'every page after the first in flight together');
  });

  it(`a longer list: at most ${DEFAULT_PAGE_CONCURRENCY} pages at once by default, or pageConcurrency; each page once, items in order`, async () => {
    const byDefault = await listWith({ perPage: 20 }); // 50 pages
    assert.equal(byDefault.ids.length, SERVERS);
    assert.deepEqual([...byDefault.pages].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i + 1));
    assert.equal(byDefault.atOnce, DEFAULT_PAGE_CONCURRENCY);

    const narrow = await listWith({ perPage: 50, pageConcurrency: 3 }); // 20 pages
    assert.deepEqual(narrow.ids, byDefault.ids, 'the same servers in the same order');
    assert.equal(narrow.pages.length, 20);
    assert.equal(narrow.atOnce, 3);
  });

  describe('onPage', () => {
    let transport: HttpTransport;
    before(() => (transport = new HttpTransport({ token: env.sim.token, endpoint: env.sim.url })));
    after(() => transport.dispose());
    beforeEach(() => env.sim.setFaults({ latencyMs: LATENCY_MS }));
    afterEach(() => env.sim.setFaults({}));

    it('gets each page\'s items as soon as that page is read: page 1 before any other page is asked for', async () => {
      const handed: Array<{ items: readonly unknown[]; requested: number }> = [];
      env.sim.clearRequests();
      const items = await transport.listAll<{ id: number }>('/servers', 'servers', {
        onPage: (page) => handed.push({ items: page, requested: env.sim.requests.length }),
      });
      assert.equal(items.length, SERVERS);
      assert.equal(handed.length, 20, 'once per page');
      assert.deepEqual(handed.map((h) => h.items.length), new Array(20).fill(50));
      assert.equal(handed[0].requested, 1, 'page 1 was handed over before pages 2-20 were asked for');
      const seen = new Set(handed.flatMap((h) => h.items));
      assert.ok(items.every((item) => seen.has(item)), 'the very objects of the result');
    });

    it('a throwing onPage does not fail the list', async () => {
      const items = await transport.listAll<{ id: number }>('/servers', 'servers', {
        onPage: () => {
          throw new Error('observer failed');
        },
      });
      assert.equal(items.length, SERVERS);
    });
  });
});
