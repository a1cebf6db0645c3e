// Finding 4 (issue 10), the 429 storm: one request budget per transport (so per project), fed by
// the RateLimit headers, with a queue in front of it. Against the simulator over HTTP; the
// simulator and the transport share one fake clock, so the budget refills in virtual time and no
// test waits real seconds.

import assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { HttpTransport } from '../../../src/api/http';
import { possibleAgain } from '../../../src/api/rateLimit';
import type { HttpTransportOptions } from '../../../src/api/transport';
import { startSimulator } from '../../../src/sim/simulator';
import type { RecordedRequest, Simulator } from '../../../src/sim/types';
import { FakeClock } from './fakeClock';
import { rejectsWith } from './helpers';

const TOKEN = 'budget-token-0123456789abcdef';

const statuses = (requests: RecordedRequest[]) => requests.map((r) => r.status);
const count = (requests: RecordedRequest[], status: number) => requests.filter((r) => r.status === status).length;

describe('request budget (finding 4: no 429 storm)', function () {
  this.timeout(20_000);
  let sim: Simulator;
  let clock: FakeClock;
  const transports: HttpTransport[] = [];

  /** A simulator with `servers` servers at `limit` requests an hour, on a fresh fake clock. */
  async function start(limit: number, servers = 1000): Promise<void> {
    // 10 real ms a tick: answers on their way mostly land before virtual time moves on.
    clock = new FakeClock(undefined, Date.now(), 10);
    sim = await startSimulator({ port: 0, token: TOKEN, seed: 'empty', extraServers: servers, rateLimit: limit, now: () => clock.now() });
  }

  function transport(options: Partial<HttpTransportOptions> = {}): HttpTransport {
    const t = new HttpTransport({ token: TOKEN, endpoint: sim.url, clock, retryBaseMs: 1, ...options });
    transports.push(t);
    return t;
  }

  /** Spends one request so the transport knows the budget: `left` remain after it. */
  async function known(t: HttpTransport, left: number): Promise<void> {
    sim.setRateLimitRemaining(left + 1);
    await t.request('GET', '/locations');
    sim.clearRequests();
  }

  afterEach(async () => {
    while (transports.length) transports.pop()?.dispose();
    await sim?.close();
  });

  it('with 3 requests left, listing 1,000 servers sends no request beyond the budget and succeeds', async () => {
    await start(3600);
    sim.setRateLimitRemaining(3);
    const began = clock.now();
    const servers = await transport().listAll<{ id: number }>('/servers', 'servers');
    assert.equal(servers.length, 1000);
    assert.ok(count(sim.requests, 429) <= 1, `429s: ${statuses(sim.requests).join(',')}`);
    assert.equal(count(sim.requests, 200), 20, 'one request a page');
    // 3 at once, then one a second as the budget refills (3600/h): 17 s of virtual time (a second
    // or two more when an answer lands late and its request is counted twice, to be safe).
    const took = clock.now() - began;
    assert.ok(took >= 17_000 && took <= 20_000, `took ${took} ms`);
  });

  it('concurrent calls do not storm: they go one by one as the budget refills', async () => {
    await start(3600);
    sim.setRateLimitRemaining(0);
    const t = transport();
    const pages = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((p) => t.getPage<{ servers: unknown[] }>('/servers', p, 50)));
    assert.ok(pages.every((p) => p.body.servers.length === 50));
    // The first call learns that the budget is spent (one 429); the others never ask before their turn.
    assert.deepEqual(statuses(sim.requests), [429, 200, 200, 200, 200, 200, 200, 200, 200]);
  });

  it('a budget spent elsewhere costs one wave of 429s, not a storm', async () => {
    await start(3600);
    const t = transport();
    await known(t, 100);
    sim.setRateLimitRemaining(0); // another client of the project spent it
    const pages = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((p) => t.getPage<{ servers: unknown[] }>('/servers', p, 50)));
    assert.ok(pages.every((p) => p.body.servers.length === 50));
    assert.ok(count(sim.requests, 429) <= 8, `429s: ${statuses(sim.requests).join(',')}`);
    assert.equal(count(sim.requests, 200), 8);
    assert.deepEqual(statuses(sim.requests).slice(-8), [200, 200, 200, 200, 200, 200, 200, 200], 'after the first wave, no 429');
  });

  it('user calls go before queued background calls (priority passes through the resource clients)', async () => {
    await start(3600);
    const t = transport();
    const client = new HcloudClient({ transport: t });
    await known(t, 0);
    const background = [1, 2, 3, 4].map((p) => client.servers.list({ page: p, perPage: 50 }, { priority: 'background' }));
    const listAll = client.floatingIps.listAll({}, { priority: 'background' });
    await Promise.resolve();
    const user = client.locations.list();
    await Promise.all([...background, listAll, user]);
    assert.deepEqual(
      sim.requests.map((r) => r.path),
      ['/locations', '/servers', '/servers', '/servers', '/servers', '/floating_ips'],
    );
    assert.equal(count(sim.requests, 429), 0);
  });

  it('exposes the budget: limit, remaining estimated now, reset, calls queued', async () => {
    await start(3600);
    const t = transport();
    const budget = () => t.budget; // read afresh each time
    assert.equal(budget(), undefined, 'unknown before the first answer');
    await known(t, 10);
    const now = clock.now();
    assert.deepEqual(budget(), { limit: 3600, remaining: 10, resetAt: new Date(now + 3590 * 1000), queued: 0 });
    await clock.sleep(5000);
    assert.equal(budget()?.remaining, 15, 'refilled one a second since the answer');
    const client = new HcloudClient({ transport: t });
    assert.equal(client.budget?.remaining, 15, 'the client shows it too');
    const calls = Array.from({ length: 20 }, () => t.request('GET', '/locations', { priority: 'background' }));
    assert.equal(budget()?.remaining, 0);
    assert.equal(budget()?.queued, 5);
    await Promise.all(calls);
    assert.equal(budget()?.queued, 0);
    assert.equal(t.rateLimit?.limit, 3600, 'the latest headers stay readable');
  });

  it('a call that would wait longer than maxRateLimitWaitMs fails at once, with one correct time', async () => {
    await start(360);
    sim.setRateLimitRemaining(3);
    const began = clock.now();
    const err = await rejectsWith(() => transport().listAll('/servers', 'servers'), 'rate_limit_exceeded');
    assert.equal(clock.now(), began, 'no waiting first');
    // Pages 1-3 took the budget; pages 4-9 could go within 60 s (one every 10 s at 360/h), page 10
    // only in 70 s: the list fails at once, and its other pages with it. The next request is possible in 10 s.
    assert.equal(err.message, `The project's API rate limit (360 requests per hour) is used up: GET /servers was not sent. ${possibleAgain(10_000, began)}`);
    assert.equal(err.message.match(/in about|\(at /g)?.length, 2, 'one duration, one clock time');
    // Pages 2 and 3, on their way when page 10 failed, are cancelled; they may have reached the API.
    assert.ok(sim.requests.length <= 3 && count(sim.requests, 429) === 0, `no request beyond the budget: ${statuses(sim.requests).join(',')}`);
  });

  it('a write waits its turn before it is sent, and is never sent again after a 429', async () => {
    await start(3600);
    const t = transport();
    const [server] = (await t.request<{ servers: Array<{ id: number }> }>('GET', '/servers', { query: { per_page: 1 } })).servers;
    await known(t, 0);
    const began = clock.now();
    await t.request('POST', `/servers/${server.id}/actions/poweroff`);
    assert.deepEqual(statuses(sim.requests), [201], 'held until the budget refilled, then sent once');
    assert.ok(clock.now() - began >= 1000);

    sim.clearRequests();
    await clock.sleep(1000);
    sim.setRateLimitRemaining(0); // spent elsewhere: the transport does not know
    const err = await rejectsWith(() => t.request('POST', `/servers/${server.id}/actions/poweron`), 'rate_limit_exceeded');
    assert.equal(err.status, 429);
    assert.equal(err.message, `limit of 3600 requests per hour reached. ${possibleAgain(1000, clock.now())}`);
    assert.deepEqual(statuses(sim.requests), [429], 'not retried');
  });
});
