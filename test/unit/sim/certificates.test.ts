// The simulator's certificate rules on the clock: issuance pending -> completed (or failed) when the
// action ends, the lock meanwhile, what the state keeps of an upload (never the key), the demo seed,
// and a state file from before certificates.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCertificateId } from '../../../src/sim/certificateSeed';
import { selfSigned } from '../../../src/sim/selfSigned';
import { FakeClock, fieldNames, startApi, withSim } from './helpers';

const ACTION_MS = 1000;
const DAY = 86_400_000;

describe('sim: certificates', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: ACTION_MS, seed: 'empty' });
  const settle = () => clock.advance(ACTION_MS);

  it('managed: pending and locked until create_certificate ends, then completed with dates from the clock', async () => {
    const res = await api.post('/certificates', { name: 'site', type: 'managed', domain_names: ['site.example.com', 'www.site.example.com'] });
    assert.equal(res.status, 201);
    const c = res.body.certificate;
    assert.deepEqual([c.status, c.certificate, c.not_valid_after, c.used_by], [{ issuance: 'pending', renewal: 'unavailable', error: null }, null, null, []]);
    assert.equal(res.body.action.command, 'create_certificate');
    const busy = await api.del(`/certificates/${c.id}`);
    assert.deepEqual([busy.status, busy.body.error.code], [423, 'locked']);
    settle();
    const done = (await api.get(`/certificates/${c.id}`)).body.certificate;
    assert.equal(done.status.issuance, 'completed');
    assert.equal(Date.parse(done.not_valid_after) - Date.parse(done.not_valid_before), 90 * DAY);
    assert.equal(Date.parse(done.not_valid_before), clock.ms, 'issued when the action ended');
    assert.deepEqual(done.domain_names, ['site.example.com', 'www.site.example.com']);
  });

  it('a caa-deny domain fails the issuance (the action and the status carry the code); retry only when failed', async () => {
    const res = await api.post('/certificates', { name: 'denied', type: 'managed', domain_names: ['caa-deny.example.com'] });
    settle();
    const action = (await api.get(`/actions/${res.body.action.id}`)).body.action;
    assert.deepEqual([action.status, action.error.code], ['error', 'caa_record_does_not_allow_ca']);
    const c = (await api.get(`/certificates/${res.body.certificate.id}`)).body.certificate;
    assert.deepEqual([c.status.issuance, c.status.error.code, c.certificate], ['failed', 'caa_record_does_not_allow_ca', null]);
    const retry = await api.post(`/certificates/${c.id}/actions/retry`);
    assert.deepEqual([retry.status, retry.body.action.command], [201, 'issue_certificate']);
    const twice = await api.post(`/certificates/${c.id}/actions/retry`);
    assert.deepEqual([twice.status, twice.body.error.code], [423, 'locked']);
    settle();
    const ok = await api.post('/certificates', { name: 'fine', type: 'managed', domain_names: ['fine.example.com'] });
    settle();
    const notFailed = await api.post(`/certificates/${ok.body.certificate.id}/actions/retry`);
    assert.deepEqual([notFailed.status, notFailed.body.error.code], [400, 'invalid_input']);
  });

  it('upload: an expired certificate is accepted as the API does (its dates say so); the state keeps no key', async () => {
    const old = selfSigned({ commonName: 'old.example.com', notBefore: new Date(clock.ms - 400 * DAY), notAfter: new Date(clock.ms - 35 * DAY) });
    const res = await api.post('/certificates', { name: 'old', certificate: old.certificate, private_key: old.privateKey });
    assert.equal(res.status, 201);
    assert.equal(res.body.action, null);
    assert.equal(res.body.certificate.type, 'uploaded', 'type defaults to uploaded');
    assert.equal(Date.parse(res.body.certificate.not_valid_after), Math.floor((clock.ms - 35 * DAY) / 1000) * 1000);
    const stored = api.sim.state.certificates.get(res.body.certificate.id) as unknown as Record<string, unknown>;
    assert.ok(!('private_key' in stored) && !JSON.stringify(stored).includes(old.privateKey.split('\n')[1]));
    const missing = await api.post('/certificates', { name: 'nothing' });
    assert.deepEqual(fieldNames(missing), ['certificate', 'private_key']);
    const broken = await api.call('POST', '/certificates', undefined, { raw: `{"name":"x","private_key":"${old.privateKey.split('\n')[1]} PRIVATE KEY` });
    assert.equal(broken.body.error.code, 'json_error');
    const recorded = api.sim.requests.filter((r) => r.path === '/certificates').map((r) => r.body);
    assert.deepEqual(recorded.slice(-1), ['[a body that is not JSON, holding a private key: not kept]']);
    assert.ok(!JSON.stringify(recorded).includes(old.privateKey.split('\n')[1]), 'the record of the requests keeps no key');
  });
});

describe('sim: certificates in the demo and in a state file', () => {
  it('the 2026 demo seeds demo-upload (for the Load Balancer seed), www-managed and caa-denied; 2018 none', async () => {
    const today = await startApi({ seed: 'demo', api: '2026' });
    try {
      const id = demoCertificateId(today.sim.state);
      assert.ok(id !== undefined);
      const c = (await today.get(`/certificates/${id}`)).body.certificate;
      assert.deepEqual([c.name, c.domain_names, c.type], ['demo-upload', ['demo.example.com'], 'uploaded']);
      const names = (await today.get('/certificates?sort=id')).body.certificates.map((x: { name: string }) => x.name);
      assert.deepEqual(names, ['demo-upload', 'www-managed', 'caa-denied']);
    } finally {
      await today.sim.close();
    }
    const old = await startApi({ seed: 'demo', api: '2018' });
    try {
      assert.equal(old.sim.state.certificates.size, 0);
      const res = await old.get('/certificates');
      assert.deepEqual([res.status, res.body.error.code], [404, 'not_found']);
    } finally {
      await old.sim.close();
    }
  });

  it('a state file saves certificates; one from before certificates loads with none, and new ids start at 201', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-certs-'));
    const statePath = join(dir, 'state.json');
    try {
      const first = await startApi({ seed: 'empty', statePath, api: '2026' });
      await first.post('/certificates', { name: 'kept', type: 'managed', domain_names: ['kept.example.com'] });
      await first.sim.close();
      const saved = JSON.parse(readFileSync(statePath, 'utf8'));
      assert.deepEqual(saved.certificates.map((c: { name: string }) => c.name), ['kept']);
      delete saved.certificates;
      delete saved.counters.certificate;
      writeFileSync(statePath, JSON.stringify(saved));
      const second = await startApi({ seed: 'empty', statePath, api: '2026' });
      try {
        assert.equal(second.sim.state.certificates.size, 0);
        const made = await second.post('/certificates', { name: 'new', type: 'managed', domain_names: ['new.example.com'] });
        assert.equal(made.body.certificate.id, 201);
      } finally {
        await second.sim.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
