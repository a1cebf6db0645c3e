// The pool's transport decorator: a removed project's calls stop and none is sent; a dropped client's
// connections are closed once no call of it is on its way.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { HcloudClient } from '../../../src/api/client';
import { isHcloudError } from '../../../src/api/errors';
import { HttpTransport } from '../../../src/api/http';
import type { ApiTransport, HttpMethod, Page, RequestOptions } from '../../../src/api/transport';
import { ClientCache } from '../../../src/projects/clientCache';
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

  // The pool's bookkeeping (ClientCache) with the real transport, behind a TCP pass-through that keeps
  // the client's side of a connection open until the client closes it.
  describe('ClientCache (the pool without vscode)', () => {
    const open = new Set<net.Socket>();
    let relay: net.Server;
    let url: string;
    const cache = () =>
      new ClientCache((_name, endpoint, token, removed) => new HcloudClient({ transport: new ScopedTransport(new HttpTransport({ token, endpoint, retryBaseMs: 1 }), removed) }));
    const closed = async (sockets: net.Socket[]) => {
      for (let i = 0; i < 100 && sockets.some((c) => open.has(c)); i++) await new Promise((r) => setTimeout(r, 10));
      return sockets.every((c) => !open.has(c));
    };

    before(async () => {
      relay = net.createServer((client) => {
        open.add(client);
        const upstream = net.connect(sim.port, '127.0.0.1');
        client.pipe(upstream);
        upstream.pipe(client, { end: false });
        upstream.on('error', () => undefined);
        client.on('error', () => undefined);
        client.on('close', () => {
          open.delete(client);
          upstream.destroy();
        });
      });
      await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(relay.address() as net.AddressInfo).port}/v1`;
    });
    after(async () => {
      for (const c of open) c.destroy();
      await new Promise((r) => relay.close(r));
    });

    it('a token update drops the client and closes its keep-alive connection; the new client works', async () => {
      const clients = cache();
      const project = { id: 'p1', name: 'one', endpoint: url };
      const first = clients.client(project, TOKEN);
      assert.equal(clients.client(project, TOKEN), first, 'cached while nothing changes');
      await first.servers.list();
      const held = [...open];
      assert.ok(held.length > 0, 'a keep-alive connection is held');
      clients.projectsChanged(new Set(['p1'])); // e.g. Update Token
      assert.ok(await closed(held), 'the dropped client closed its connection');
      const second = clients.client(project, TOKEN);
      assert.notEqual(second, first);
      await second.servers.list();
      clients.dispose();
    });

    it('a removed project: its signal fires, the wait stops, no request follows, the connection is closed', async () => {
      const clients = cache();
      const project = { id: 'p2', name: 'two', endpoint: url };
      const client = clients.client(project, TOKEN);
      const removed = clients.removedSignal('p2', true);
      const server = [...sim.state.servers.values()][1] as { id: number };
      const action = await client.servers.powerOff(server.id);
      const wait = client.waitForActions(action, { pollMs: 20 });
      await new Promise((r) => setTimeout(r, 60));
      const held = [...open];
      clients.projectsChanged(new Set()); // Remove Project
      assert.equal(removed.aborted, true);
      assert.equal(clients.removedSignal('p2', false).aborted, true, 'a project that is not there is removed');
      await assert.rejects(wait, (e: unknown) => isHcloudError(e, 'aborted'));
      await new Promise((r) => setTimeout(r, 30));
      const count = sim.requests.length;
      await new Promise((r) => setTimeout(r, 80));
      assert.equal(sim.requests.length, count, 'no request after the removal');
      assert.ok(await closed(held), 'the removed project\'s connection is closed');
      clients.dispose();
    });
  });
});
