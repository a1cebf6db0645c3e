// Servers: get, list, listAll, create, update, delete, metrics, and their error paths.
import * as assert from 'node:assert/strict';
import type { ServerSchema } from '../../../src/api/schema';
import type { Server } from '../../../src/api/types';
import { forEachApi, lastReceived, raw, received, rejectsWith, serverSpec, settle, uniqueName, useSimulator } from './helpers';

forEachApi('servers', (api) => {
  const env = useSimulator({ api, seed: 'demo', extraServers: 60 });

  async function anyServer(): Promise<Server> {
    const { items } = await env.client.servers.list();
    assert.ok(items.length > 0, 'the demo project has servers');
    return items[0];
  }

  /** A fresh server of the cheapest kind, created and settled. */
  async function freshServer(prefix: string): Promise<Server> {
    const { type, location, image } = await serverSpec(env);
    const created = await env.client.servers.create({ name: uniqueName(prefix), serverType: type.name, image: image.name ?? image.id, location: location.name });
    await settle(env, created.action);
    return created.server;
  }

  it('list: one page with pagination, converted like the wire says', async () => {
    const page = await env.client.servers.list({ page: 2, perPage: 5 });
    const req = lastReceived(env.sim, 'GET', '/servers');
    assert.deepEqual(req.query.page, ['2']);
    assert.deepEqual(req.query.per_page, ['5']);
    assert.equal(page.items.length, 5);
    assert.equal(page.pagination?.page, 2);
    assert.equal(page.pagination?.perPage, 5);
    assert.ok((page.pagination?.totalEntries ?? 0) >= 60);

    const wire = await raw<{ servers: ServerSchema[] }>(env.sim, '/servers?page=2&per_page=5');
    assert.deepEqual(
      page.items.map((s) => [s.id, s.name, s.status, s.created.getTime(), s.publicNet.ipv4?.ip, s.serverType.name, s.location?.name]),
      wire.servers.map((w) => [w.id, w.name, w.status, Date.parse(w.created), w.public_net.ipv4?.ip, w.server_type.name, (w.datacenter?.location ?? w.location)?.name]),
    );
  });

  it('listAll: every page, in order, without duplicates', async () => {
    env.sim.clearRequests();
    const all = await env.client.servers.listAll();
    const wire = await raw<{ meta: { pagination: { total_entries: number } } }>(env.sim, '/servers?per_page=1');
    assert.equal(all.length, wire.meta.pagination.total_entries);
    assert.equal(new Set(all.map((s) => s.id)).size, all.length);
    assert.ok(received(env.sim, 'GET', '/servers').length >= 2, 'more than one page was fetched');
    assert.ok(all.some((s) => s.name === 'scale-0001'));
  });

  it('list and listAll filter by name', async () => {
    const target = await anyServer();
    const page = await env.client.servers.list({ name: target.name });
    assert.deepEqual(lastReceived(env.sim, 'GET', '/servers').query.name, [target.name]);
    assert.deepEqual(page.items.map((s) => s.id), [target.id]);
    const all = await env.client.servers.listAll({ name: 'no-such-server' });
    assert.deepEqual(all, []);
  });

  it('get: the converted server; a missing id resolves undefined', async () => {
    const target = await anyServer();
    const s = await env.client.servers.get(target.id);
    assert.ok(s);
    const { server: w } = await raw<{ server: ServerSchema }>(env.sim, `/servers/${target.id}`);
    assert.equal(s.name, w.name);
    assert.equal(s.created.toISOString(), new Date(w.created).toISOString());
    assert.equal(s.publicNet.ipv6?.ip, w.public_net.ipv6.ip);
    assert.equal(s.serverType.cores, w.server_type.cores);
    assert.equal(s.serverType.prices[0].monthly?.net, Number(w.server_type.prices[0].price_monthly.net));
    assert.equal(s.protection.delete, w.protection.delete);
    assert.ok(s.location, 'a location');

    assert.equal(await env.client.servers.get(987654321), undefined);
    assert.equal(lastReceived(env.sim, 'GET', '/servers/987654321').status, 404);
  });

  it('create: sends the body, returns server, action and root password; the server runs after the action', async () => {
    const { type, location, image } = await serverSpec(env);
    const name = uniqueName('web');
    const result = await env.client.servers.create({
      name,
      serverType: type.name,
      image: image.id,
      location: location.name,
      startAfterCreate: true,
      userData: '#cloud-config\n',
    });
    const req = lastReceived(env.sim, 'POST', '/servers');
    assert.deepEqual(req.body, {
      name,
      server_type: type.name,
      image: String(image.id),
      location: location.name,
      start_after_create: true,
      user_data: '#cloud-config\n',
    });
    assert.equal(req.status, 201);
    assert.equal(result.server.name, name);
    assert.equal(result.server.serverType.name, type.name);
    assert.equal(result.server.location?.name, location.name);
    assert.equal(result.action.command, 'create_server');
    assert.equal(result.action.status, 'running');
    assert.deepEqual(result.action.resources, [{ id: result.server.id, type: 'server' }]);
    assert.equal(typeof result.rootPassword, 'string', 'no SSH keys: a root password');
    assert.ok(result.rootPassword);

    await settle(env, result.action);
    const after = await env.client.servers.get(result.server.id);
    assert.equal(after?.status, 'running');
  });

  it('create with SSH keys: no root password', async () => {
    const { items: keys } = await env.client.sshKeys.list();
    assert.ok(keys.length > 0, 'the demo project has SSH keys');
    const { type, location, image } = await serverSpec(env);
    assert.ok(image.name, 'a system image has a name');
    const result = await env.client.servers.create({ name: uniqueName('keyed'), serverType: type.id, image: image.name, location: location.id, sshKeys: [keys[0].id] });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/servers').body, {
      name: result.server.name,
      server_type: String(type.id),
      image: image.name,
      location: String(location.id),
      ssh_keys: [keys[0].id],
    });
    assert.equal(result.rootPassword, undefined);
    await settle(env, result.action);
  });

  it('create errors: invalid name and oversized user_data carry field details; a taken name is uniqueness_error', async () => {
    const taken = await anyServer();
    const base = { serverType: taken.serverType.name, image: 'ubuntu-22.04' };
    const bad = await rejectsWith(() => env.client.servers.create({ ...base, name: 'not a hostname!' }), 'invalid_input');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.fields.map((f) => f.name), ['name']);
    assert.ok(bad.fields[0].messages.length > 0);
    assert.match(bad.fullMessage, /name/);

    const big = await rejectsWith(() => env.client.servers.create({ ...base, name: uniqueName('big'), userData: 'x'.repeat(32 * 1024 + 1) }), 'invalid_input');
    assert.deepEqual(big.fields.map((f) => f.name), ['user_data']);

    const dup = await rejectsWith(() => env.client.servers.create({ ...base, name: taken.name }), 'uniqueness_error');
    assert.equal(dup.status, 409);
    assert.deepEqual(dup.fields.map((f) => f.name), ['name']);
    assert.equal(dup.method, 'POST');
    assert.equal(dup.path, '/servers');
  });

  // The 2018 contract only: today's API has no datacenters (api2026.test.ts: the create is refused).
  if (api === '2018') {
    it('create in a datacenter that cannot take the type: placement_error', async () => {
      const { items: datacenters } = await env.client.datacenters.list();
      const types = await env.client.serverTypes.listAll();
      const dc = datacenters.find((d) => types.some((t) => !d.serverTypes.available.includes(t.id)));
      assert.ok(dc, 'a datacenter lacks some server type');
      const type = types.find((t) => !dc.serverTypes.available.includes(t.id));
      assert.ok(type);
      const e = await rejectsWith(
        () => env.client.servers.create({ name: uniqueName('nowhere'), serverType: type.name, image: 'ubuntu-22.04', datacenter: dc.name }),
        'placement_error',
      );
      assert.equal(e.status, 412);
      assert.ok(e.message.length > 0);
      assert.equal((lastReceived(env.sim, 'POST', '/servers').body as { datacenter?: string }).datacenter, dc.name);
    });
  }

  it('update: renames via PUT; a bad name is invalid_input', async () => {
    const s = await freshServer('rename');
    const name = uniqueName('renamed');
    const updated = await env.client.servers.update(s.id, { name });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/servers/${s.id}`).body, { name });
    assert.equal(updated.name, name);
    assert.equal((await env.client.servers.get(s.id))?.name, name);
    const e = await rejectsWith(() => env.client.servers.update(s.id, { name: '-bad_' }), 'invalid_input');
    assert.deepEqual(e.fields.map((f) => f.name), ['name']);
  });

  if (api === '2026') {
    it('labels: create with labels, list by label_selector, update replaces them, a rename keeps them; a bad selector is invalid_input', async () => {
      const { type, location, image } = await serverSpec(env);
      const run = uniqueName('run');
      const created = await env.client.servers.create({ name: uniqueName('labelled'), serverType: type.name, image: image.id, location: location.name, labels: { run, tier: 'web' } });
      assert.deepEqual((lastReceived(env.sim, 'POST', '/servers').body as { labels?: unknown }).labels, { run, tier: 'web' });
      assert.deepEqual(created.server.labels, { run, tier: 'web' });
      await settle(env, created.action);
      const id = created.server.id;

      const page = await env.client.servers.list({ labelSelector: `run=${run},tier!=db` });
      assert.deepEqual(lastReceived(env.sim, 'GET', '/servers').query.label_selector, [`run=${run},tier!=db`]);
      assert.deepEqual(page.items.map((s) => s.id), [id]);
      assert.deepEqual(await env.client.servers.listAll({ labelSelector: `run=${run},tier=db` }), []);

      const updated = await env.client.servers.update(id, { labels: { run, tier: 'db', backup: '' } });
      assert.deepEqual(lastReceived(env.sim, 'PUT', `/servers/${id}`).body, { labels: { run, tier: 'db', backup: '' } });
      assert.deepEqual(updated.labels, { run, tier: 'db', backup: '' });
      assert.deepEqual((await env.client.servers.listAll({ labelSelector: `run=${run},tier in (db,cache),backup` })).map((s) => s.id), [id]);
      assert.deepEqual(await env.client.servers.listAll({ labelSelector: `run=${run},!backup` }), []);

      const renamed = await env.client.servers.update(id, { name: uniqueName('relabelled') });
      assert.deepEqual(renamed.labels, { run, tier: 'db', backup: '' });

      const bad = await rejectsWith(() => env.client.servers.list({ labelSelector: 'tier in (web' }), 'invalid_input');
      assert.equal(bad.status, 400);
    });

    it('every server carries labels, {} where it has none', async () => {
      const { items } = await env.client.servers.list({ perPage: 50 });
      assert.ok(items.length > 0);
      for (const s of items) assert.equal(typeof s.labels, 'object', `labels of ${s.name}`);
      const { servers: wire } = await raw<{ servers: ServerSchema[] }>(env.sim, '/servers?per_page=50');
      assert.deepEqual(items.map((s) => s.labels), wire.map((w) => w.labels));
    });
  } else {
    it('the 2018 contract has no labels: servers carry none', async () => {
      const { items } = await env.client.servers.list({ perPage: 50 });
      assert.ok(items.length > 0);
      assert.ok(items.every((s) => s.labels === undefined));
    });
  }

  it('delete: returns the delete_server action; protected servers refuse', async () => {
    const s = await freshServer('doomed');
    await settle(env, await env.client.servers.changeProtection(s.id, { delete: true, rebuild: true }));
    const p = await rejectsWith(() => env.client.servers.delete(s.id), 'protected');
    assert.equal(p.status, 403);
    await settle(env, await env.client.servers.changeProtection(s.id, { delete: false, rebuild: false }));

    const action = await env.client.servers.delete(s.id);
    assert.equal(lastReceived(env.sim, 'DELETE', `/servers/${s.id}`).status, 200);
    assert.equal(action.command, 'delete_server');
    await settle(env, action);
    assert.equal(await env.client.servers.get(s.id), undefined);
    await rejectsWith(() => env.client.servers.delete(s.id), 'not_found');
  });

  it('call options reach the transport: an aborted signal rejects (not undefined), timeoutMs times out', async () => {
    const target = await anyServer();
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(() => env.client.servers.get(target.id, { signal: controller.signal }), 'aborted');
    await rejectsWith(() => env.client.servers.list({}, { signal: controller.signal }), 'aborted');
    env.sim.setFaults({ kind: 'hang', failNext: 5, match: { method: 'GET', path: /^\/servers\/\d+$/ } });
    try {
      await rejectsWith(() => env.client.servers.get(target.id, { timeoutMs: 50 }), 'timeout');
    } finally {
      env.sim.setFaults({});
    }
  });

  it('metrics: sends type, start, end, step; series as parallel arrays of numbers', async () => {
    const target = await anyServer();
    const end = new Date(Date.now() - 60_000);
    const start = new Date(end.getTime() - 3600_000);
    const m = await env.client.servers.metrics(target.id, { type: ['cpu', 'network'], start, end, step: 60 });
    const req = lastReceived(env.sim, 'GET', `/servers/${target.id}/metrics`);
    assert.deepEqual(req.query.type, ['cpu,network']);
    assert.deepEqual(req.query.start, [start.toISOString()]);
    assert.deepEqual(req.query.end, [end.toISOString()]);
    assert.deepEqual(req.query.step, ['60']);
    assert.equal(m.step, 60);
    assert.ok(m.series.cpu, 'a cpu series');
    assert.ok(m.series['network.0.bandwidth.in'], 'a network series');
    assert.equal(m.series['disk.0.iops.read'], undefined);
    const cpu = m.series.cpu;
    assert.ok(cpu.timestamps.length > 10);
    assert.equal(cpu.timestamps.length, cpu.values.length);
    for (let i = 1; i < cpu.timestamps.length; i++) assert.ok(cpu.timestamps[i] > cpu.timestamps[i - 1]);
    assert.ok(cpu.timestamps[0] >= start.getTime() / 1000 - 60 && cpu.timestamps[cpu.timestamps.length - 1] <= end.getTime() / 1000 + 60);
    assert.ok(cpu.values.every((v) => typeof v === 'number' && v >= 0));

    const e = await rejectsWith(() => env.client.servers.metrics(target.id, { type: 'cpu', start: end, end: start }), 'invalid_input');
    assert.equal(e.status, 400);
  });
});
