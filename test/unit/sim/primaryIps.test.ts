// The simulator's Primary IPs in its state file: saved and loaded with their counter; a state file
// saved before them (no `primaryIps`, no counter) loads with none, and new ones get ids again.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeClock, startApi } from './helpers';

describe('sim: Primary IPs in the state file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hcloud-sim-pip-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('saves and loads them; an older file without them loads with none', async () => {
    const statePath = join(dir, 'state.json');
    const clock = new FakeClock();
    const first = await startApi({ statePath, now: clock.now });
    const made = (await first.post('/primary_ips', { name: 'kept-ip', type: 'ipv4', assignee_type: 'server', location: 'nbg1' })).body.primary_ip;
    const count = (await first.get('/primary_ips?per_page=50')).body.meta.pagination.total_entries;
    await first.sim.close();
    const saved = JSON.parse(readFileSync(statePath, 'utf8'));
    assert.equal(saved.primaryIps.length, count);

    const second = await startApi({ statePath, now: clock.now, seed: 'empty' });
    assert.equal((await second.get(`/primary_ips/${made.id}`)).body.primary_ip.name, 'kept-ip');
    const next = (await second.post('/primary_ips', { name: 'next-ip', type: 'ipv6', assignee_type: 'server', location: 'nbg1' })).body.primary_ip;
    assert.equal(next.id, made.id + 1);
    await second.sim.close();

    const older = JSON.parse(readFileSync(statePath, 'utf8'));
    delete older.primaryIps;
    delete older.counters.primary_ip;
    writeFileSync(statePath, JSON.stringify(older));
    const third = await startApi({ statePath, now: clock.now, seed: 'empty' });
    try {
      assert.equal((await third.get('/primary_ips')).body.meta.pagination.total_entries, 0);
      const fresh = (await third.post('/primary_ips', { name: 'fresh-ip', type: 'ipv4', assignee_type: 'server', location: 'fsn1' }));
      assert.equal(fresh.status, 201);
    } finally {
      await third.sim.close();
    }
  });
});
