import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../src/sim';
import { FakeClock, fieldNames, startApi, withSim } from './helpers';

describe('sim: drift options', () => {
  const api = withSim({ drift: { serversWithoutDatacenter: true, refuseUnfilteredActions: true, extraFields: true } });

  it('serversWithoutDatacenter: servers carry location and no datacenter', async () => {
    const { server } = (await api.get('/servers/42')).body;
    assert.equal('datacenter' in server, false);
    assert.equal(server.location.name, 'fsn1');
    const created = (await api.post('/servers', { name: 'drifted', server_type: 'cx11', image: 'ubuntu-22.04', location: 'hel1' })).body.server;
    assert.equal('datacenter' in created, false);
    assert.equal(created.location.name, 'hel1');
    assert.ok((await api.get('/servers')).body.servers.every((s: { datacenter?: unknown }) => s.datacenter === undefined));
  });

  it('refuseUnfilteredActions: GET /actions needs an id filter', async () => {
    const refused = await api.get('/actions');
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'invalid_input');
    assert.deepEqual(fieldNames(refused), ['id']);
    const ok = await api.get('/actions?id=1300');
    assert.equal(ok.status, 200);
    assert.equal(ok.body.actions[0].id, 1300);
    assert.equal((await api.get('/servers/42/actions')).status, 200, 'resource action lists are not affected');
  });

  it('extraFields: objects carry fields the spec does not know; errors stay as they are', async () => {
    const { server } = (await api.get('/servers/42')).body;
    assert.deepEqual(server.labels, {});
    assert.ok('x_sim_future_field' in server);
    assert.equal(server.primary_disk_size, 40);
    assert.ok('x_sim_future_field' in server.server_type);
    assert.ok('x_sim_future_field' in (await api.get('/actions?id=1300')).body.actions[0]);
    const error = (await api.get('/servers/1')).body;
    assert.deepEqual(Object.keys(error.error).sort(), ['code', 'details', 'message']);
  });

  it('without drift the spec shape is kept', async () => {
    const plain = await startApi();
    try {
      const { server } = (await plain.get('/servers/42')).body;
      assert.equal(server.datacenter.name, 'fsn1-dc14');
      assert.equal('location' in server, false);
      assert.equal('primary_disk_size' in server, false);
      assert.equal('labels' in server, false);
    } finally {
      await plain.sim.close();
    }
  });
});

describe('sim: state persistence', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hcloud-sim-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('saves on close and loads the same state again; ids continue; running actions finish after reload', async () => {
    const statePath = join(dir, 'state.json');
    const clock = new FakeClock();
    const first = await startApi({ statePath, now: clock.now, actionMs: 5000 });
    const created = (await first.post('/servers', { name: 'kept', server_type: 'cx21', image: 'debian-12', location: 'nbg1' })).body;
    await first.put('/servers/42', { name: 'web-one' });
    await first.sim.close();
    assert.ok(existsSync(statePath));
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('tmp')),
      [],
      'no temp file left behind',
    );
    assert.equal(JSON.parse(readFileSync(statePath, 'utf8')).version, 1);

    const second = await startApi({ statePath, now: clock.now, actionMs: 5000, seed: 'empty' });
    try {
      assert.equal((await second.get('/servers/42')).body.server.name, 'web-one');
      assert.equal((await second.get(`/servers/${created.server.id}`)).body.server.status, 'initializing');
      clock.advance(5000);
      assert.equal((await second.get(`/servers/${created.server.id}`)).body.server.status, 'running');
      assert.equal((await second.get(`/actions/${created.action.id}`)).body.action.status, 'success');
      const next = (await second.post('/servers', { name: 'next', server_type: 'cx11', image: 'ubuntu-22.04' })).body;
      assert.equal(next.server.id, created.server.id + 1);
      assert.ok(next.action.id > created.action.id);
      assert.notEqual(next.server.public_net.ipv4.ip, created.server.public_net.ipv4.ip);
      assert.equal((await second.get('/ssh_keys')).body.ssh_keys.length, 3);
    } finally {
      await second.sim.close();
    }
  });

  it('saves soon after a change, before close', async () => {
    const statePath = join(dir, 'debounced.json');
    const api = await startApi({ statePath });
    try {
      const created = await api.post('/ssh_keys', { name: 'quick', public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL0LUNqpZ91KRyNMZCq2QjGzhM7ILzUWAvXxfCb2ZXNv q@h' });
      assert.equal(created.status, 201);
      const deadline = Date.now() + 3000;
      const saved = () => existsSync(statePath) && readFileSync(statePath, 'utf8').includes('"quick"');
      while (!saved() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      assert.ok(saved(), 'saved while the simulator still runs');
    } finally {
      await api.sim.close();
    }
  });

  it('refuses a corrupt or foreign state file with a clear error', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"version": 1, "servers": [');
    await assert.rejects(startSimulator({ statePath: broken }), (e: Error) => e.message.includes(broken) && /not valid/.test(e.message));
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ version: 7 }));
    await assert.rejects(startSimulator({ statePath: foreign }), /unsupported version 7/);
    const noIds = join(dir, 'noids.json');
    const valid = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8'));
    writeFileSync(noIds, JSON.stringify({ ...valid, servers: [{ name: 'x' }] }));
    await assert.rejects(startSimulator({ statePath: noIds }), /numeric id/);
  });
});
