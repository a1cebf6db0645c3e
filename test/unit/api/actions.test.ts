// /actions: list (status, sort, id), listAll, get, and getMany (the waiter's poll), in both modes:
// today's API refuses the list without an id filter (api2026.test.ts), so there the unfiltered
// tests are the 2018 contract's only.
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import type { ActionSchema } from '../../../src/api/schema';
import type { ApiTransport, HttpMethod, RequestOptions } from '../../../src/api/transport';
import { forEachApi, lastReceived, projectActions, raw, received, settle, useSimulator } from './helpers';

forEachApi('actions', (api) => {
  const env = useSimulator({ api, seed: 'demo' });

  before(async () => {
    // Some finished and some running actions of our own.
    const servers = await env.client.servers.listAll();
    const done = await Promise.all(servers.slice(0, 2).map((s) => env.client.servers.changeProtection(s.id, { delete: false, rebuild: false })));
    await settle(env, done);
  });

  if (api === '2018') {
    it('listAll: every action over all pages, sorted', async () => {
      const all = await env.client.actions.listAll({ sort: 'id' });
      const wire = await raw<{ meta: { pagination: { total_entries: number } } }>(env.sim, '/actions?per_page=1');
      assert.equal(all.length, wire.meta.pagination.total_entries);
      assert.deepEqual(all.map((a) => a.id), [...all.map((a) => a.id)].sort((a, b) => a - b));
    });

    it('list filters by status and sorts', async () => {
      const page = await env.client.actions.list({ status: ['success', 'error'], sort: ['command', 'id:desc'], perPage: 50 });
      const req = lastReceived(env.sim, 'GET', '/actions');
      assert.deepEqual(req.query.status, ['success', 'error']);
      assert.deepEqual(req.query.sort, ['command', 'id:desc']);
      assert.ok(page.items.length > 0);
      assert.ok(page.items.every((a) => a.status === 'success' || a.status === 'error'));
      const commands = page.items.map((a) => a.command);
      assert.deepEqual(commands, [...commands].sort());
      const wire = await raw<{ actions: ActionSchema[] }>(env.sim, '/actions?status=success&status=error&sort=command&sort=id:desc&per_page=50');
      assert.deepEqual(
        page.items.map((a) => [a.id, a.command, a.status, a.progress, a.started.getTime(), a.finished?.getTime() ?? null]),
        wire.actions.map((w) => [w.id, w.command, w.status, w.progress, Date.parse(w.started), w.finished ? Date.parse(w.finished) : null]),
      );
    });
  }

  it('list by id (the live API filter), get; a missing id resolves undefined', async () => {
    const all = await projectActions(env, api, { sort: 'id' });
    assert.ok(all.length >= 2);
    const ids = [all[0].id, all[all.length - 1].id];
    const byId = await env.client.actions.list({ id: ids });
    assert.deepEqual(lastReceived(env.sim, 'GET', '/actions').query.id, ids.map(String));
    assert.deepEqual(byId.items.map((a) => a.id).sort((a, b) => a - b), ids);

    const one = await env.client.actions.get(ids[1]);
    assert.deepEqual(one, all[all.length - 1]);
    assert.equal(await env.client.actions.get(77777777), undefined);
  });

  it('getMany asks once with repeated id and keeps the order asked for', async () => {
    const all = await projectActions(env, api);
    const ids = [all[2].id, all[0].id, all[1].id];
    env.sim.clearRequests();
    const got = await env.client.actions.getMany(ids);
    assert.deepEqual(got.map((a) => a.id), ids);
    assert.equal(received(env.sim, 'GET', '/actions').length, 1);
    assert.deepEqual(received(env.sim, 'GET', '/actions')[0].query.id, ids.map(String));
    assert.equal(received(env.sim, 'GET', /^\/actions\/\d+$/).length, 0);
  });

});

describe('actions.getMany', () => {
  it('fetches one by one what a list answer leaves out (a fake transport: the simulator honours the filter)', async () => {
    const wire = (id: number): ActionSchema => ({
      id,
      command: 'start_server',
      status: 'success',
      progress: 100,
      started: '2024-01-01T00:00:00Z',
      finished: '2024-01-01T00:00:05Z',
      resources: [],
      error: null,
    });
    const calls: string[] = [];
    const transport: ApiTransport = {
      rateLimit: undefined,
      async request<W>(method: HttpMethod, path: string, options?: RequestOptions): Promise<W> {
        calls.push(`${method} ${path} ${JSON.stringify(options?.query ?? {})}`);
        // The list ignores the id filter and answers a page of other actions plus one asked for.
        if (path === '/actions') return { actions: [wire(1), wire(2), wire(5)] } as W;
        return { action: wire(Number(path.split('/').pop())) } as W;
      },
      getPage: () => Promise.reject(new Error('unused')),
      listAll: () => Promise.reject(new Error('unused')),
    };
    const client = new HcloudClient({ transport });
    const got = await client.actions.getMany([5, 9]);
    assert.deepEqual(got.map((a) => a.id), [5, 9]);
    assert.deepEqual(calls, ['GET /actions {"id":[5,9],"per_page":50}', 'GET /actions/9 {}']);
  });
});
