// The simulator's Placement Groups beyond what the client tests reach: a failed action puts the server
// back, the state file keeps the groups (and a file saved before them loads with none), and the 2018
// mode answers their paths as unknown ones.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, startApi, withSim } from './helpers';

const ACTION_MS = 1000;

describe('sim: placement groups', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: ACTION_MS });

  it('a failed add_to_placement_group puts the server back out of the group', async () => {
    const group = (await api.post('/placement_groups', { name: 'failing', type: 'spread' })).body.placement_group;
    const server = (await api.post('/servers', { name: 'pg-fail', server_type: 'cx11', image: 'ubuntu-22.04', start_after_create: false })).body.server;
    clock.advance(ACTION_MS);
    api.sim.setFaults({ failActions: [{ command: 'add_to_placement_group' }] });
    try {
      const res = await api.post(`/servers/${server.id}/actions/add_to_placement_group`, { placement_group: group.id });
      assert.equal(res.status, 201);
      assert.deepEqual((await api.get(`/placement_groups/${group.id}`)).body.placement_group.servers, [server.id], 'a member while the action runs');
      const locked = await api.post(`/servers/${server.id}/actions/remove_from_placement_group`);
      assert.equal(locked.body.error.code, 'locked');
      clock.advance(ACTION_MS);
      assert.equal((await api.get(`/actions/${res.body.action.id}`)).body.action.status, 'error');
      assert.deepEqual((await api.get(`/placement_groups/${group.id}`)).body.placement_group.servers, []);
      assert.equal((await api.get(`/servers/${server.id}`)).body.server.placement_group, null);
    } finally {
      api.sim.setFaults({});
    }
  });

  it('the 2018 mode answers every placement group path with not_found', async () => {
    const old = await startApi({ api: '2018', now: clock.now, actionMs: ACTION_MS });
    try {
      for (const [method, path] of [
        ['GET', '/placement_groups'],
        ['GET', '/placement_groups/101'],
        ['POST', '/placement_groups'],
        ['PUT', '/placement_groups/101'],
        ['DELETE', '/placement_groups/101'],
        ['POST', '/servers/46/actions/add_to_placement_group'],
        ['POST', '/servers/46/actions/remove_from_placement_group'],
      ]) {
        const res = await old.call(method, path, method === 'POST' || method === 'PUT' ? { name: 'x', type: 'spread', placement_group: 101 } : undefined);
        assert.deepEqual([res.status, res.body.error.code], [404, 'not_found'], `${method} ${path}`);
        const unknown = await old.call(method, path.replace('placement_group', 'no_such_thing'));
        assert.equal(res.body.error.message, unknown.body.error.message, 'worded as an unknown path');
      }
    } finally {
      await old.sim.close();
    }
  });

  describe('persistence', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'hcloud-sim-pg-'));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps the groups and their members; ids continue; a file saved before placement groups loads with none', async () => {
      const statePath = join(dir, 'state.json');
      const first = await startApi({ statePath, seed: 'empty', now: clock.now, actionMs: ACTION_MS });
      const group = (await first.post('/placement_groups', { name: 'kept', type: 'spread', labels: { a: 'b' } })).body.placement_group;
      const server = (await first.post('/servers', { name: 'member', server_type: 'cx11', image: 'ubuntu-22.04', placement_group: group.id })).body.server;
      assert.equal(server.placement_group.id, group.id);
      await first.sim.close();

      const second = await startApi({ statePath, seed: 'empty', now: clock.now, actionMs: ACTION_MS });
      try {
        assert.deepEqual((await second.get(`/placement_groups/${group.id}`)).body.placement_group, { ...group, servers: [server.id] });
        const next = (await second.post('/placement_groups', { name: 'next', type: 'spread' })).body.placement_group;
        assert.equal(next.id, group.id + 1);
      } finally {
        await second.sim.close();
      }

      const saved = JSON.parse(readFileSync(statePath, 'utf8'));
      delete saved.placementGroups;
      delete saved.counters.placement_group;
      writeFileSync(statePath, JSON.stringify(saved));
      const third = await startApi({ statePath, seed: 'empty', now: clock.now, actionMs: ACTION_MS });
      try {
        assert.deepEqual((await third.get('/placement_groups')).body.placement_groups, []);
        assert.equal((await third.get(`/servers/${server.id}`)).body.server.placement_group, null);
        assert.equal((await third.post('/placement_groups', { name: 'fresh', type: 'spread' })).status, 201);
      } finally {
        await third.sim.close();
      }
    });
  });
});
