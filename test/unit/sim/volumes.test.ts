// The simulator's volume rules on the clock: status creating -> available through the action, the
// Linux device, the server's `volumes`, locks, server deletion, and a state file from before volumes.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VOLUME_CAPACITY_GB } from '../../../src/sim/volumes';
import { FakeClock, fieldNames, startApi, withSim, type Json } from './helpers';

const ACTION_MS = 1000;

describe('sim: volumes', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: ACTION_MS, seed: 'empty' });
  const settle = () => clock.advance(ACTION_MS);
  const volume = async (id: number): Promise<Json> => (await api.get(`/volumes/${id}`)).body.volume;

  let fsnServer: Json;
  let nbgServer: Json;
  before(async () => {
    fsnServer = (await api.post('/servers', { name: 'fsn-host', server_type: 'cx21', image: 'debian-12', location: 'fsn1' })).body.server;
    nbgServer = (await api.post('/servers', { name: 'nbg-host', server_type: 'cx21', image: 'debian-12', location: 'nbg1' })).body.server;
    settle();
  });

  it('a new volume is creating and locked until its action ends, then available; its device names its id', async () => {
    const res = await api.post('/volumes', { name: 'logs', size: 10, location: 'fsn1', format: 'xfs' });
    assert.equal(res.status, 201);
    const v = res.body.volume;
    assert.deepEqual([v.status, v.server, v.format, v.linux_device], ['creating', null, 'xfs', `/dev/disk/by-id/scsi-0HC_Volume_${v.id}`]);
    assert.deepEqual(res.body.next_actions, []);
    const busy = await api.post(`/volumes/${v.id}/actions/resize`, { size: 20 });
    assert.deepEqual([busy.status, busy.body.error.code], [423, 'locked']);
    const del = await api.del(`/volumes/${v.id}`);
    assert.deepEqual([del.status, del.body.error.code], [423, 'locked']);
    settle();
    assert.equal((await volume(v.id)).status, 'available');
    assert.equal((await api.get(`/actions/${res.body.action.id}`)).body.action.status, 'success');
  });

  it('attach: the server lists the volume once the action ends; detach empties it again', async () => {
    const v = (await api.post('/volumes', { name: 'attach-me', size: 10, location: 'fsn1' })).body.volume;
    settle();
    const far = await api.post(`/volumes/${v.id}/actions/attach`, { server: nbgServer.id });
    assert.deepEqual([far.status, far.body.error.code, fieldNames(far)], [400, 'invalid_input', ['server']]);
    const missing = await api.post(`/volumes/${v.id}/actions/attach`, { server: 999999 });
    assert.deepEqual(fieldNames(missing), ['server']);
    const attach = await api.post(`/volumes/${v.id}/actions/attach`, { server: fsnServer.id, automount: true });
    assert.equal(attach.status, 201);
    assert.equal((await volume(v.id)).server, null, 'attached when the action ends');
    settle();
    assert.equal((await volume(v.id)).server, fsnServer.id);
    assert.ok((await api.get(`/servers/${fsnServer.id}`)).body.server.volumes.includes(v.id));
    const twice = await api.post(`/volumes/${v.id}/actions/attach`, { server: fsnServer.id });
    assert.deepEqual([twice.status, twice.body.error.code], [412, 'volume_already_attached']);
    await api.post(`/volumes/${v.id}/actions/detach`);
    settle();
    assert.ok(!(await api.get(`/servers/${fsnServer.id}`)).body.server.volumes.includes(v.id));
  });

  it('a volume for a server in another location than `location` is invalid_input; `server` alone takes its location', async () => {
    const mixed = await api.post('/volumes', { name: 'mixed', size: 10, location: 'hel1', server: fsnServer.id });
    assert.deepEqual([mixed.status, fieldNames(mixed)], [400, ['server']]);
    const res = await api.post('/volumes', { name: 'follows', size: 10, server: nbgServer.id, automount: false });
    assert.equal(res.body.volume.location.name, 'nbg1');
    assert.deepEqual(res.body.next_actions.map((a: Json) => a.command), ['attach_volume']);
    settle();
    assert.equal((await volume(res.body.volume.id)).server, nbgServer.id);
  });

  it('deleting a server detaches its volumes; they stay', async () => {
    const host = (await api.post('/servers', { name: 'short-lived', server_type: 'cx11', image: 'debian-12', location: 'hel1' })).body.server;
    settle();
    const v = (await api.post('/volumes', { name: 'survivor', size: 10, server: host.id })).body.volume;
    settle();
    assert.equal((await volume(v.id)).server, host.id);
    await api.del(`/servers/${host.id}`);
    settle();
    assert.equal((await api.get(`/servers/${host.id}`)).status, 404);
    assert.equal((await volume(v.id)).server, null);
  });

  it('resize only grows; the location capacity bounds the total', async () => {
    const v = (await api.post('/volumes', { name: 'grow', size: 10, location: 'nbg1' })).body.volume;
    settle();
    const shrink = await api.post(`/volumes/${v.id}/actions/resize`, { size: 5 });
    assert.deepEqual([shrink.status, fieldNames(shrink)], [400, ['size']]);
    // Three of the largest volumes next to the small ones leave less than one more of them.
    for (const n of [1, 2, 3]) assert.equal((await api.post('/volumes', { name: `full-${n}`, size: 10240, location: 'nbg1' })).status, 201);
    const over = await api.post('/volumes', { name: 'over', size: 10240, location: 'nbg1' });
    assert.deepEqual([over.status, over.body.error.code], [412, 'no_space_left_in_location']);
    assert.equal(VOLUME_CAPACITY_GB, 4 * 10240);
    assert.equal((await api.post('/volumes', { name: 'elsewhere', size: 10240, location: 'hel1' })).status, 201, 'per location');
    await api.post(`/volumes/${v.id}/actions/resize`, { size: 30 });
    settle();
    assert.equal((await volume(v.id)).size, 30);
  });
});

describe('sim: volumes in the 2018 mode and in old state files', () => {
  it('2018: the volume paths are unknown paths; a server has no volumes field', async () => {
    const api = await startApi({ api: '2018' });
    try {
      const unknown = await api.get('/nothing_here');
      for (const [method, path] of [['GET', '/volumes'], ['GET', '/volumes/1'], ['POST', '/volumes'], ['GET', '/volumes/actions'], ['POST', '/volumes/1/actions/attach'], ['GET', '/volumes/1/actions']]) {
        const res = await api.call(method, path, method === 'POST' ? {} : undefined);
        assert.deepEqual([res.status, res.body], [unknown.status, unknown.body], `${method} ${path}`);
      }
      assert.equal((await api.get('/servers/42')).body.server.volumes, undefined);
    } finally {
      await api.sim.close();
    }
  });

  it('a state file without volumes loads with none, and new ids start after the counter default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcloud-sim-vol-'));
    try {
      const statePath = join(dir, 'state.json');
      const first = await startApi({ statePath, seed: 'empty' });
      await first.sim.close();
      const file = JSON.parse(readFileSync(statePath, 'utf8'));
      delete file.volumes;
      delete file.counters.volume;
      writeFileSync(statePath, JSON.stringify(file));
      const second = await startApi({ statePath });
      try {
        assert.deepEqual((await second.get('/volumes')).body.volumes, []);
        const made = await second.post('/volumes', { name: 'fresh', size: 10, location: 'fsn1' });
        assert.equal(made.status, 201);
        assert.ok(Number.isSafeInteger(made.body.volume.id));
      } finally {
        await second.sim.close();
      }
      assert.equal(JSON.parse(readFileSync(statePath, 'utf8')).volumes.length, 1, 'saved with the new volume');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
