// The pool's transport decorator: a removed project's calls stop and none is sent; a dropped client's
// connections are closed once no call of it is on its way.
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { isHcloudError } from '../../../src/api/errors';
import { HttpTransport } from '../../../src/api/http';
import type { ApiTransport, HttpMethod, Page, RequestOptions } from '../../../src/api/transport';
import { ScopedTransport } from '../../../src/projects/scopedTransport';
import { startSimulator } from '../../../src/sim/simulator';
import type { Simulator } from '../../../src/sim/types';

const TOKEN = 'scoped-transport-token-91c7';

/** A transport whose calls end when the test says so, counting dispose(). */
class HeldTransport implements ApiTransport {
  disposed = 0;
  readonly release: Array<() => void> = [];
  readonly rateLimit = undefined;
  request<W>(_method: HttpMethod, _path: string, options: RequestOptions = {}): Promise<W> {
    return new Promise<W>((resolve, reject) => {
      this.release.push(() => resolve(undefined as W));
      options.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
  }
  getPage<W>(path: string, _page: number, _perPage: number, options?: RequestOptions): Promise<Page<W>> {
    return this.request<W>('GET', path, options).then((body) => ({ body }));
  }
  listAll<T>(path: string, _key: string, options?: RequestOptions): Promise<T[]> {
    return this.request<T[]>('GET', path, options);
  }
  dispose(): void {
    this.disposed++;
  }
}

describe('ScopedTransport (the client pool\'s transport)', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 60_000 });
  });
  after(async () => {
    await sim?.close();
  });

  it('a removed project: the wait on its way stops at once (aborted), and no request follows', async () => {
    const gone = new AbortController();
    const client = new HcloudClient({ transport: new ScopedTransport(new HttpTransport({ token: TOKEN, endpoint: sim.url, retryBaseMs: 1 }), gone.signal) });
    const server = [...sim.state.servers.values()][0] as { id: number };
    const action = await client.servers.reboot(server.id);
    sim.clearRequests();
    const wait = client.waitForActions(action, { pollMs: 20 }); // no signal of its own: the project's stops it
    await new Promise((r) => setTimeout(r, 70));
    assert.ok(sim.requests.length > 0, 'the wait polls while the project exists');
    gone.abort();
    await assert.rejects(wait, (e: unknown) => isHcloudError(e, 'aborted'));
    await new Promise((r) => setTimeout(r, 30)); // a poll sent before the removal is recorded when answered
    const count = sim.requests.length;
    await assert.rejects(client.servers.list(), (e: unknown) => isHcloudError(e, 'aborted') && /project was removed/.test((e as Error).message));
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(sim.requests.length, count, 'no request after the removal');
    client.dispose();
  });

  it('dispose closes the connections at once when idle, else when the last call ends, and again after a late call', async () => {
    const inner = new HeldTransport();
    const scoped = new ScopedTransport(inner, new AbortController().signal);
    const call = scoped.request('GET', '/servers');
    scoped.dispose();
    assert.equal(inner.disposed, 0, 'a call on its way is not cut');
    inner.release.shift()?.();
    await call;
    assert.equal(inner.disposed, 1, 'closed when the last call ended');
    const late = scoped.request('GET', '/servers');
    inner.release.shift()?.();
    await late;
    assert.equal(inner.disposed, 2, 'a late call\'s connection is closed too');
    const idle = new HeldTransport();
    new ScopedTransport(idle, new AbortController().signal).dispose();
    assert.equal(idle.disposed, 1, 'an idle client is closed at once');
  });

  it('the caller\'s own signal still works, and the project\'s signal aborts a call the caller did not', async () => {
    const gone = new AbortController();
    const inner = new HeldTransport();
    const scoped = new ScopedTransport(inner, gone.signal);
    const mine = new AbortController();
    const a = scoped.request('GET', '/a', { signal: mine.signal });
    const b = scoped.request('GET', '/b');
    mine.abort();
    await assert.rejects(a);
    assert.equal(scoped.pending, 1);
    gone.abort();
    await assert.rejects(b);
    assert.equal(scoped.pending, 0);
  });
});
