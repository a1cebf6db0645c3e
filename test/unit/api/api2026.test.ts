// Today's live API differs from the spec: servers without datacenter, unknown extra fields,
// GET /actions refused without an id filter. The client must convert and wait all the same.
import * as assert from 'node:assert/strict';
import type { ServerSchema } from '../../../src/api/schema';
import { lastReceived, raw, received, rejectsWith, useSimulator } from './helpers';

describe('drift of the live API', () => {
  const env = useSimulator({ seed: 'demo', actionMs: 120, drift: { serversWithoutDatacenter: true, refuseUnfilteredActions: true, extraFields: true } });

  it('a server without datacenter but with location converts, unknown fields ignored', async () => {
    const { servers: wire } = await raw<{ servers: Array<ServerSchema & Record<string, unknown>> }>(env.sim, '/servers');
    assert.equal(wire[0].datacenter, undefined, 'the drifted wire has no datacenter');
    assert.ok(wire[0].location, 'but a location');
    const known = new Set(['id', 'name', 'status', 'created', 'public_net', 'server_type', 'datacenter', 'location', 'image', 'iso', 'rescue_enabled', 'locked', 'backup_window', 'outgoing_traffic', 'ingoing_traffic', 'included_traffic', 'protection', 'primary_disk_size']);
    assert.ok(Object.keys(wire[0]).some((k) => !known.has(k)), 'the drifted wire has extra fields');

    const servers = await env.client.servers.listAll();
    const byId = new Map(servers.map((s) => [s.id, s]));
    for (const w of wire) {
      const s = byId.get(w.id);
      assert.ok(s);
      assert.equal(s.datacenter, undefined);
      assert.equal(s.location?.name, w.location?.name);
      assert.equal(s.location?.city, w.location?.city);
    }
    const domainKeys = ['id', 'name', 'status', 'created', 'publicNet', 'serverType', 'datacenter', 'location', 'image', 'iso', 'rescueEnabled', 'locked', 'backupWindow', 'outgoingTraffic', 'ingoingTraffic', 'includedTraffic', 'protection'];
    assert.deepEqual(Object.keys(servers[0]).sort(), [...domainKeys].sort());
  });

  it('GET /actions without a filter is refused; waiting for one and for several actions still works', async () => {
    const e = await rejectsWith(() => env.client.actions.list(), 'invalid_input');
    assert.equal(e.status, 400);

    const servers = (await env.client.servers.listAll()).filter((s) => s.status === 'running').slice(0, 2);
    const one = await env.client.servers.reboot(servers[0].id);
    const [done] = await env.client.waitForActions(one, { pollMs: 20 });
    assert.equal(done.status, 'success');

    const several = await Promise.all(servers.map((s) => env.client.servers.reset(s.id)));
    const all = await env.client.waitForActions(several, { pollMs: 20 });
    assert.ok(all.every((a) => a.status === 'success'));
  });

  it('when the id filter is refused too, the waiter falls back to GET /actions/{id}', async () => {
    const servers = (await env.client.servers.listAll()).filter((s) => s.status === 'running').slice(0, 2);
    env.sim.setFaults({ failNext: 1, kind: 'status', statuses: [400], match: { method: 'GET', path: /^\/actions$/ } });
    env.sim.clearRequests();
    const several = await Promise.all(servers.map((s) => env.client.servers.reboot(s.id)));
    const all = await env.client.waitForActions(several, { pollMs: 20 });
    assert.deepEqual(all.map((a) => a.status), ['success', 'success']);
    assert.equal(received(env.sim, 'GET', '/actions').length, 1, 'the list form was tried once');
    assert.equal(lastReceived(env.sim, 'GET', '/actions').status, 400);
    for (const a of several) assert.ok(received(env.sim, 'GET', `/actions/${a.id}`).length >= 1);
    env.sim.setFaults({});
  });
});
