import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../src/sim';
import { FakeClock, startApi } from './helpers';

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
    const saved = JSON.parse(readFileSync(statePath, 'utf8'));
    assert.deepEqual([saved.version, saved.api], [2, '2026']);

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
      assert.deepEqual((await second.get('/servers/42')).body.server.labels, { env: 'production', tier: 'web', team: 'frontend' });
    } finally {
      await second.sim.close();
    }
  });

  /** Runs fn with console.error captured (the simulator's notes go there). */
  async function withNotes<T>(fn: () => Promise<T>): Promise<{ result: T; notes: string[] }> {
    const notes: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => notes.push(args.join(' '));
    try {
      return { result: await fn(), notes };
    } finally {
      console.error = original;
    }
  }

  it('an older state file (version 1) is not misread: the seed again, with a note', async () => {
    const statePath = join(dir, 'old.json');
    const first = await startApi({ statePath, api: '2018', seed: 'empty' });
    await first.sim.close();
    const old = JSON.parse(readFileSync(statePath, 'utf8'));
    delete old.api;
    writeFileSync(statePath, JSON.stringify({ ...old, version: 1 }));
    const { result: again, notes } = await withNotes(() => startApi({ statePath }));
    try {
      assert.equal(notes.length, 1);
      assert.match(notes[0], /older format \(version 1\); starting from the seed again/);
      assert.equal((await again.get('/servers')).body.servers.length, 9, 'the 2026 demo seed');
    } finally {
      await again.sim.close();
    }
    assert.equal(JSON.parse(readFileSync(statePath, 'utf8')).version, 2, 'saved in the new format');
  });

  it('a state of the other API mode is not reused: the seed of this mode, with a note', async () => {
    const statePath = join(dir, 'mode.json');
    const first = await startApi({ statePath, api: '2026' });
    assert.equal((await first.get('/servers?name=arm-builder')).body.servers.length, 1);
    await first.sim.close();
    const { result: second, notes } = await withNotes(() => startApi({ statePath, api: '2018' }));
    try {
      assert.match(notes.join('\n'), /made by the 2026 API mode, not 2018/);
      const names = (await second.get('/servers')).body.servers.map((s: { name: string }) => s.name);
      assert.equal(names.length, 8);
      assert.ok(!names.includes('arm-builder'));
    } finally {
      await second.sim.close();
    }
    assert.equal(JSON.parse(readFileSync(statePath, 'utf8')).api, '2018');
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
