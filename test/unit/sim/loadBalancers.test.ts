// The simulator's Load Balancer rules on the clock: target health (unknown while add_target runs,
// healthy while the server runs, unhealthy when it is off), the lock while an action runs, a failed
// action putting back what it changed, https services and port 80, the 2018 mode and old state files.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, fieldNames, startApi, withSim, type Json } from './helpers';

const ACTION_MS = 1000;

describe('sim: load balancers', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: ACTION_MS, seed: 'empty' });
  const settle = () => clock.advance(ACTION_MS);
  const lbOf = async (id: number): Promise<Json> => (await api.get(`/load_balancers/${id}`)).body.load_balancer;

  let server: Json;
  before(async () => {
    server = (await api.post('/servers', { name: 'backend-1', server_type: 'cx21', image: 'debian-12', location: 'fsn1', labels: { role: 'app' } })).body.server;
    settle();
  });

  it('a target is unknown while add_target runs, healthy while its server runs, unhealthy when it is off', async () => {
    const made = await api.post('/load_balancers', { name: 'health', load_balancer_type: 'lb11', location: 'fsn1', services: [{ protocol: 'tcp', listen_port: 80, destination_port: 80 }] });
    assert.equal(made.status, 201);
    const id = made.body.load_balancer.id;
    settle();
    await api.post(`/load_balancers/${id}/actions/add_target`, { type: 'server', server: { id: server.id } });
    assert.deepEqual((await lbOf(id)).targets[0].health_status, [{ listen_port: 80, status: 'unknown' }]);
    const busy = await api.post(`/load_balancers/${id}/actions/change_algorithm`, { type: 'least_connections' });
    assert.deepEqual([busy.status, busy.body.error.code], [423, 'locked']);
    settle();
    assert.deepEqual((await lbOf(id)).targets[0].health_status, [{ listen_port: 80, status: 'healthy' }]);
    assert.deepEqual((await api.get(`/servers/${server.id}`)).body.server.load_balancers, [id]);
    await api.post(`/servers/${server.id}/actions/poweroff`);
    settle();
    assert.deepEqual((await lbOf(id)).targets[0].health_status, [{ listen_port: 80, status: 'unhealthy' }]);
    await api.post(`/servers/${server.id}/actions/poweron`);
    settle();
    assert.equal((await lbOf(id)).targets[0].health_status[0].status, 'healthy');
  });

  it('a label selector lists the servers it matches, each with its health', async () => {
    const made = await api.post('/load_balancers', {
      name: 'selector',
      load_balancer_type: 'lb11',
      location: 'fsn1',
      services: [{ protocol: 'http' }],
      targets: [{ type: 'label_selector', label_selector: { selector: 'role=app' } }],
    });
    settle();
    const [target] = (await lbOf(made.body.load_balancer.id)).targets;
    assert.deepEqual(target.targets, [{ type: 'server', server: { id: server.id }, use_private_ip: false, health_status: [{ listen_port: 80, status: 'healthy' }] }]);
  });

  it('a failed action puts back what it changed', async () => {
    const id = (await api.post('/load_balancers', { name: 'fails', load_balancer_type: 'lb11', location: 'fsn1' })).body.load_balancer.id;
    settle();
    api.sim.setFaults({ failActions: [{ command: 'add_service' }] });
    try {
      await api.post(`/load_balancers/${id}/actions/add_service`, { protocol: 'tcp', listen_port: 22, destination_port: 22 });
      assert.equal((await lbOf(id)).services.length, 1, 'made at once');
      settle();
      assert.deepEqual((await lbOf(id)).services, [], 'taken back when the action failed');
    } finally {
      api.sim.setFaults({});
    }
  });

  it('http settings only for http and https services; a tcp service names both ports', async () => {
    const id = (await api.post('/load_balancers', { name: 'ports', load_balancer_type: 'lb11', location: 'fsn1' })).body.load_balancer.id;
    settle();
    await api.post(`/load_balancers/${id}/actions/add_service`, { protocol: 'http', listen_port: 80, destination_port: 80 });
    settle();
    const tcpHttp = await api.post(`/load_balancers/${id}/actions/add_service`, { protocol: 'tcp', listen_port: 81, destination_port: 81, http: { sticky_sessions: true } });
    assert.deepEqual([tcpHttp.status, fieldNames(tcpHttp)], [400, ['http']]);
    const tcpNoPorts = await api.post(`/load_balancers/${id}/actions/add_service`, { protocol: 'tcp' });
    assert.deepEqual(fieldNames(tcpNoPorts), ['listen_port', 'destination_port']);
  });
});

describe('sim: load balancers in the 2018 mode and in old state files', () => {
  it('2018: the Load Balancer paths are unknown paths; a server has no load_balancers field', async () => {
    const api = await startApi({ api: '2018' });
    try {
      const unknown = await api.get('/nothing_here');
      const paths = [['GET', '/load_balancers'], ['POST', '/load_balancers'], ['GET', '/load_balancers/1'], ['GET', '/load_balancers/actions'], ['POST', '/load_balancers/1/actions/add_target'], ['GET', '/load_balancers/1/metrics'], ['GET', '/load_balancer_types'], ['GET', '/load_balancer_types/1']];
      for (const [method, path] of paths) {
        const res = await api.call(method, path, method === 'POST' ? {} : undefined);
        assert.deepEqual([res.status, res.body], [unknown.status, unknown.body], `${method} ${path}`);
      }
      assert.equal((await api.get('/servers/42')).body.server.load_balancers, undefined);
    } finally {
      await api.sim.close();
    }
  });

  it('a state file without Load Balancers loads with none; new ones are saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcloud-sim-lb-'));
    try {
      const statePath = join(dir, 'state.json');
      const first = await startApi({ statePath, seed: 'empty' });
      await first.sim.close();
      const file = JSON.parse(readFileSync(statePath, 'utf8'));
      delete file.loadBalancers;
      delete file.counters.load_balancer;
      writeFileSync(statePath, JSON.stringify(file));
      const second = await startApi({ statePath });
      try {
        assert.deepEqual((await second.get('/load_balancers')).body.load_balancers, []);
        assert.equal((await second.post('/load_balancers', { name: 'fresh', load_balancer_type: 'lb11', location: 'fsn1' })).status, 201);
      } finally {
        await second.sim.close();
      }
      assert.equal(JSON.parse(readFileSync(statePath, 'utf8')).loadBalancers.length, 1, 'saved with the new Load Balancer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
