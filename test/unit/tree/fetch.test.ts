// What a tree folder fetches (src/tree/fetch.ts), against the simulator over HTTP: a list longer
// than the transport's cap gives its first pages and says what was left out (issue 10, finding 7);
// a signal stops a folder's list on its way (finding 6); the call options reach the transport.

import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { HcloudError } from '../../../src/api/errors';
import { HttpTransport } from '../../../src/api/http';
import type { ApiTransport, ListCut, RequestOptions } from '../../../src/api/transport';
import { startSimulator } from '../../../src/sim/simulator';
import type { Simulator } from '../../../src/sim/types';
import { fetchFolder } from '../../../src/tree/fetch';

const TOKEN = 'tree-fetch-token-7c2a';
/** 480 servers: 10 pages of 50. */
const SERVERS = 480;

describe('tree fetchFolder', () => {
  let sim: Simulator;
  const client = (options: { maxListPages?: number } = {}) => new HcloudClient({ token: TOKEN, endpoint: sim.url, retryBaseMs: 5, ...options });
  const completed = () => sim.requests.filter((r) => r.status !== 0);

  before(async () => {
    sim = await startSimulator({ port: 0, token: TOKEN, seed: 'empty', extraServers: SERVERS, rateLimit: 1_000_000 });
  });
  after(() => sim.close());
  beforeEach(() => {
    sim.clearRequests();
    sim.setFaults({});
  });

  it('a list longer than the cap: the first pages, sorted by name, and onListCut says what the API claimed', async () => {
    const c = client({ maxListPages: 3 });
    try {
      const cuts: ListCut[] = [];
      const onListCut = (cut: ListCut) => cuts.push(cut);
      const servers = await fetchFolder(c, 'servers', { onListCut });
      assert.equal(servers.length, 150);
      assert.deepEqual(cuts, [{ pages: 3, items: 150, claimedPages: 10, claimedItems: SERVERS }]);
      const names = servers.map((s) => s.name);
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
      assert.deepEqual(sim.requests.map((r) => r.query.page[0]).sort(), ['1', '2', '3'], 'no page past the cap');

      // Under the cap nothing is cut.
      const wide = client({ maxListPages: 10 });
      const all = await fetchFolder(wide, 'servers', { onListCut }).finally(() => wide.dispose());
      assert.equal(all.length, SERVERS);
      assert.equal(cuts.length, 1);
    } finally {
      c.dispose();
    }
  });

  it('an aborted signal stops the list: it rejects with `aborted` and no page on its way is answered', async () => {
    const c = client();
    try {
      sim.setFaults({ latencyMs: 400, match: { path: /^\/servers$/ } });
      const abort = new AbortController();
      const list = fetchFolder(c, 'servers', { signal: abort.signal });
      const rejected = assert.rejects(list, (e: unknown) => e instanceof HcloudError && e.code === 'aborted');
      // Abort once page 1 has reached the simulator (it is logged on arrival, status 0 until answered).
      while (sim.requests.length === 0) await new Promise((r) => setTimeout(r, 2));
      abort.abort();
      await rejected;
      assert.equal(sim.requests.length, 1, 'page 1 only: the other pages were never sent');
      assert.deepEqual(completed(), [], 'page 1 was stopped before its answer');
    } finally {
      c.dispose();
    }
  });

  it("signal and priority reach the transport's call options, with the label selector as query", async () => {
    const http = new HttpTransport({ token: TOKEN, endpoint: sim.url });
    const seen: RequestOptions[] = [];
    const recording: ApiTransport = {
      request: (method, path, options) => http.request(method, path, options),
      getPage: (path, page, perPage, options) => http.getPage(path, page, perPage, options),
      listAll: (path, key, options) => (seen.push(options ?? {}), http.listAll(path, key, options)),
      get rateLimit() {
        return http.rateLimit;
      },
    };
    const c = new HcloudClient({ transport: recording });
    try {
      const abort = new AbortController();
      await fetchFolder(c, 'servers', { labelSelector: 'scale=yes', signal: abort.signal, priority: 'background' });
      assert.equal(seen.length, 1);
      assert.equal(seen[0].signal, abort.signal);
      assert.equal((seen[0] as { priority?: string }).priority, 'background');
      assert.equal(seen[0].query?.label_selector, 'scale=yes');
      assert.deepEqual(sim.requests[0].query.label_selector, ['scale=yes']);
    } finally {
      c.dispose();
      http.dispose();
    }
  });
});
