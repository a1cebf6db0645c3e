// The simulator's Networks beyond the client suite: the demo Networks, the saved state (a file
// from before Networks loads with none), error bodies, and the 2018 mode's render of servers.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, fieldNames, startApi, withSim, type Json } from './helpers';

const ACTION_MS = 1000;

describe('sim: Networks', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: ACTION_MS });

  it('the demo has backend (a cloud and a vSwitch subnet, a route, two servers) and a deprecated server subnet', async () => {
    const { networks } = (await api.get('/networks')).body;
    const backend = networks.find((n: Json) => n.name === 'backend');
    assert.deepEqual(
      backend.subnets.map((s: Json) => [s.type, s.ip_range, s.gateway, s.vswitch_id]),
      [
        ['cloud', '10.0.1.0/24', '10.0.0.1', null],
        ['vswitch', '10.0.2.0/24', '10.0.2.1', 1000],
      ],
    );
    assert.deepEqual(backend.servers, [42, 44]);
    assert.equal(backend.protection.delete, true);
    assert.deepEqual(networks.find((n: Json) => n.name === 'legacy-net').subnets.map((s: Json) => s.type), ['server']);
  });

  it('error bodies: invalid_input names the fields; the attach conflicts are 422 with the API code', async () => {
    const bad = await api.post('/networks', { name: 'x', ip_range: '10.0.0.0/33', subnets: [{ type: 'server-x', network_zone: 'mars' }] });
    assert.equal(bad.status, 400);
    assert.deepEqual(fieldNames(bad), ['ip_range']);
    const nested = await api.post('/networks', { name: 'x', ip_range: '10.9.0.0/16', subnets: [{ type: 'server-x', network_zone: 'mars' }] });
    assert.deepEqual(fieldNames(nested), ['subnets[0].type', 'subnets[0].network_zone']);
    const again = await api.post('/servers/42/actions/attach_to_network', { network: 4711 });
    assert.deepEqual([again.status, again.body.error.code], [422, 'server_already_attached']);
    const protectedDelete = await api.del('/networks/4711');
    assert.deepEqual([protectedDelete.status, protectedDelete.body.error.code], [403, 'protected']);
  });

  it('an attachment shows when its action succeeds, not before', async () => {
    const net = (await api.post('/networks', { name: 'timed', ip_range: '10.60.0.0/16', subnets: [{ type: 'cloud', network_zone: 'eu-central' }] })).body.network;
    const started = await api.post('/servers/43/actions/attach_to_network', { network: net.id, ip: '10.60.0.9' });
    assert.deepEqual(started.body.action.resources, [{ id: 43, type: 'server' }, { id: net.id, type: 'network' }]);
    assert.deepEqual((await api.get(`/networks/${net.id}`)).body.network.servers, []);
    clock.advance(ACTION_MS);
    assert.deepEqual((await api.get(`/networks/${net.id}`)).body.network.servers, [43]);
    assert.deepEqual((await api.get('/servers/43')).body.server.private_net.map((p: Json) => p.ip), ['10.60.0.9']);
  });

  it('deleting a server leaves its Networks', async () => {
    const created = (await api.post('/servers', { name: 'leaves', server_type: 'cx21', image: 'debian-12', location: 'fsn1', networks: [4711] })).body;
    assert.deepEqual(created.server.private_net.map((p: Json) => p.network), [4711]);
    clock.advance(ACTION_MS);
    await api.del(`/servers/${created.server.id}`);
    clock.advance(ACTION_MS);
    assert.equal((await api.get('/networks/4711')).body.network.servers.includes(created.server.id), false);
  });
});

describe('sim: Networks in the saved state', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hcloud-sim-net-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('saves and loads Networks and their attachments; ids continue; a file without networks loads with none', async () => {
    const statePath = join(dir, 'state.json');
    const first = await startApi({ statePath });
    const made = (await first.post('/networks', { name: 'kept', ip_range: '10.70.0.0/16' })).body.network;
    await first.sim.close();
    const second = await startApi({ statePath, seed: 'empty' });
    try {
      assert.equal((await second.get(`/networks/${made.id}`)).body.network.name, 'kept');
      assert.deepEqual((await second.get('/servers/42')).body.server.private_net.map((p: Json) => p.network), [4711]);
      assert.equal((await second.post('/networks', { name: 'next', ip_range: '10.71.0.0/16' })).body.network.id, made.id + 1);
    } finally {
      await second.sim.close();
    }
    const file = JSON.parse(readFileSync(statePath, 'utf8'));
    delete file.networks;
    delete file.counters.network;
    writeFileSync(statePath, JSON.stringify(file));
    const third = await startApi({ statePath, seed: 'empty' });
    try {
      assert.deepEqual((await third.get('/networks')).body.networks, []);
      assert.deepEqual((await third.get('/servers/42')).body.server.private_net, []);
    } finally {
      await third.sim.close();
    }
  });
});

describe('sim: Networks in the 2018 mode', () => {
  const api = withSim({ api: '2018' });

  it('no Network paths (404 as an unknown path) and no private_net on servers', async () => {
    const unknown = await api.get('/no_such_things');
    for (const [method, path] of [['GET', '/networks'], ['GET', '/networks/4711'], ['GET', '/networks/actions'], ['POST', '/networks'], ['POST', '/servers/42/actions/attach_to_network']]) {
      const answer = await api.call(method, path, method === 'POST' ? {} : undefined);
      assert.deepEqual([answer.status, answer.body], [unknown.status, unknown.body], `${method} ${path}`);
    }
    assert.equal('private_net' in (await api.get('/servers/42')).body.server, false);
  });
});
