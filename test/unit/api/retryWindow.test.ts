// Finding 5 (issue 10): GET retries ride out an outage of 10 s (retry until 15 s after the first
// try, backoff base 500 ms, cap 4 s, full jitter), writes are never retried, and a failed page of
// listAll is retried alone while the pages already fetched are kept. Time is a fake clock: no
// test waits real seconds. Faults come from the simulator.

import assert from 'node:assert/strict';
import { HcloudError } from '../../../src/api/errors';
import { backoffMs } from '../../../src/api/handlers/retry';
import { HttpTransport } from '../../../src/api/http';
import type { HttpTransportOptions, RequestLogEntry } from '../../../src/api/transport';
import { startSimulator } from '../../../src/sim/simulator';
import type { Simulator } from '../../../src/sim/types';
import { FakeClock, seeded } from './fakeClock';

const TOKEN = 'retry-window-token-0123456789';
const OUTAGE = { kind: 'status' as const, statuses: [503, 502, 500], failNext: 100_000 };

describe('HttpTransport retry window (finding 5)', function () {
  this.timeout(20_000);
  let sim: Simulator;
  const transports: HttpTransport[] = [];

  function transport(options: Partial<HttpTransportOptions>): HttpTransport {
    const t = new HttpTransport({ token: TOKEN, endpoint: sim.url, ...options });
    transports.push(t);
    return t;
  }

  /** The pages of /servers as the simulator has them, read once without faults. */
  async function expectedIds(): Promise<number[]> {
    const ids = (await transport({}).listAll<{ id: number }>('/servers', 'servers')).map((s) => s.id);
    sim.clearRequests();
    return ids;
  }

  before(async () => {
    sim = await startSimulator({ port: 0, token: TOKEN, extraServers: 480, seed: 'empty', rateLimit: 1_000_000 });
  });
  after(async () => {
    for (const t of transports) t.dispose();
    await sim.close();
  });
  beforeEach(() => {
    sim.setFaults({});
    sim.clearRequests();
  });

  it('backs off with full jitter in [0, min(4 s, 500 ms * 2^(n-1))]', () => {
    const deps = { baseMs: 500, maxDelayMs: 4000 };
    assert.deepEqual(
      [1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, { ...deps, random: () => 0.999999 })).map(Math.round),
      [500, 1000, 2000, 4000, 4000, 4000],
    );
    assert.equal(backoffMs(3, { ...deps, random: () => 0 }), 0);
  });

  it('a GET rides out a 10 s outage and gives up 15 s after its first try', async () => {
    const clock = new FakeClock((now) => {
      if (now >= 10_000) sim.setFaults({});
    });
    sim.setFaults(OUTAGE);
    const body = await transport({ clock, random: seeded(7) }).request<{ servers: unknown[] }>('GET', '/servers');
    assert.ok(Array.isArray(body.servers));
    const statuses = sim.requests.map((r) => r.status);
    assert.equal(statuses.at(-1), 200);
    assert.ok(statuses.slice(0, -1).every((s) => s >= 500), statuses.join(','));
    assert.ok(clock.now() >= 10_000 && clock.now() <= 15_000, `answered at ${clock.now()} ms`);
    assert.ok(clock.waits.every((w) => w >= 0 && w <= 4000), clock.waits.join(','));

    // An outage that outlasts the window: the last try starts at 15 s, then the 5xx is final.
    sim.clearRequests();
    const endless = new FakeClock();
    sim.setFaults(OUTAGE);
    const err = await transport({ clock: endless, random: seeded(8) }).request('GET', '/servers').catch((e: unknown) => e);
    assert.ok(err instanceof HcloudError && err.status >= 500, String(err));
    assert.equal(endless.now(), 15_000, 'the last wait ends at the window');
    assert.ok(sim.requests.length >= 6, `${sim.requests.length} tries`);
  });

  it('never retries a write, whatever the window', async () => {
    sim.setFaults({ ...OUTAGE, match: { method: 'POST' } });
    const clock = new FakeClock();
    const err = await transport({ clock }).request('POST', '/ssh_keys', { body: { name: 'k', public_key: 'ssh-ed25519 AAAA' } }).catch((e: unknown) => e);
    assert.ok(err instanceof HcloudError && err.status === 503);
    assert.equal(sim.requests.length, 1);
    assert.deepEqual(clock.waits, []);
  });

  it('listAll: a 10 s outage after page 1 costs no page twice and loses no item', async () => {
    const expected = await expectedIds();
    const clock = new FakeClock((now) => {
      if (now >= 10_000) sim.setFaults({});
    });
    let armed = false;
    const log: RequestLogEntry[] = [];
    const t = transport({
      clock,
      random: seeded(3),
      pageConcurrency: 4,
      onRequest: (entry) => {
        log.push(entry);
        // page 1 and the first of the others come through; then the outage begins.
        if (!armed && log.filter((e) => e.status === 200).length === 2) {
          armed = true;
          sim.setFaults(OUTAGE);
        }
      },
    });
    const ids = (await t.listAll<{ id: number }>('/servers', 'servers')).map((s) => s.id);
    assert.deepEqual(ids, expected);
    const okPerPage = new Map<string, number>();
    for (const r of sim.requests.filter((r) => r.status === 200)) okPerPage.set(r.query.page[0], (okPerPage.get(r.query.page[0]) ?? 0) + 1);
    assert.equal(okPerPage.size, Math.ceil(expected.length / 50));
    assert.ok([...okPerPage.values()].every((n) => n === 1), 'every page answered once: the fetched pages were kept');
    assert.ok(sim.requests.some((r) => r.status >= 500), 'the outage happened');
    assert.ok(clock.now() >= 10_000, 'the pages waited it out');
  });

  it('listAll under 30 % mixed 500/502/503/drop faults returns every item', async () => {
    const expected = await expectedIds();
    const draw = seeded(42);
    // After each exchange, the next request gets a fault with a chance of 30 %: 500, 502, 503 or a drop.
    const arm = () => {
      if (draw() >= 0.3) return sim.setFaults({});
      const kind = Math.floor(draw() * 4);
      sim.setFaults(kind === 3 ? { kind: 'drop', failNext: 1 } : { kind: 'status', statuses: [[500, 502, 503][kind]], failNext: 1 });
    };
    arm();
    let lists = 0;
    for (let i = 0; i < 5; i++) {
      const t = transport({ clock: new FakeClock(), random: seeded(i), onRequest: arm });
      const ids = (await t.listAll<{ id: number }>('/servers', 'servers')).map((s) => s.id);
      assert.deepEqual(ids, expected, `listing ${i + 1}`);
      lists++;
    }
    const faults = sim.requests.filter((r) => r.status !== 200);
    assert.equal(lists, 5);
    assert.ok(faults.some((r) => r.status === 0) && faults.some((r) => r.status === 502), 'drops and 5xx both happened');
    assert.ok(faults.length / sim.requests.length > 0.15, `${faults.length} faults in ${sim.requests.length} requests`);
  });
});
