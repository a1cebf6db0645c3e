// Certificates (today's API): every endpoint through the client against the simulator over HTTP, the
// upload's checks, the fake issuance of a managed certificate and its retry, and that the private key
// is kept nowhere (the simulator's state, the client's request log, an error). The 2018 contract has
// no certificates: its paths answer as unknown ones.
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import type { RequestLogEntry } from '../../../src/api/transport';
import { formatRequest } from '../../../src/projects/requestLog';
import { serializeState } from '../../../src/sim/persistence';
import { redactedKey } from '../../../src/sim/certificates';
import { selfSigned } from '../../../src/sim/selfSigned';
import { lastReceived, raw, rejectsWith, settle, uniqueName, useSimulator } from './helpers';

const DAY = 86_400_000;
const pair = (cn: string, alt: string[] = [], days = 365) => selfSigned({ commonName: cn, altNames: alt, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + days * DAY) });

describe('certificates [api 2026]', () => {
  const env = useSimulator({ api: '2026', seed: 'demo' });

  it('the demo has an uploaded, a completed managed and a failed managed certificate; list filters and sorts', async () => {
    const all = await env.client.certificates.listAll();
    const byName = new Map(all.map((c) => [c.name, c]));
    const upload = byName.get('demo-upload');
    const webLb = (await env.client.loadBalancers.list({ name: 'web-lb' })).items[0];
    assert.deepEqual([upload?.type, upload?.domainNames, upload?.status, upload?.usedBy], ['uploaded', ['demo.example.com'], undefined, [{ id: webLb.id, type: 'load_balancer' }]], "the demo's web-lb uses it");
    assert.match(upload?.fingerprint ?? '', /^([0-9a-f]{2}:){31}[0-9a-f]{2}$/);
    assert.ok((upload?.notValidAfter?.getTime() ?? 0) > Date.now());
    assert.deepEqual(byName.get('www-managed')?.status, { issuance: 'completed', renewal: 'unavailable' });
    assert.equal(byName.get('caa-denied')?.status?.error?.code, 'caa_record_does_not_allow_ca');

    assert.deepEqual((await env.client.certificates.listAll({ type: 'managed' })).map((c) => c.type).sort(), ['managed', 'managed']);
    assert.deepEqual(lastReceived(env.sim, 'GET', '/certificates').query.type, ['managed']);
    assert.deepEqual((await env.client.certificates.list({ name: 'demo-upload' })).items.map((c) => c.name), ['demo-upload']);
    assert.ok((await env.client.certificates.listAll({ labelSelector: 'env=production' })).every((c) => c.labels.env === 'production'));
    const sorted = (await env.client.certificates.listAll({ sort: 'name:desc' })).map((c) => c.name);
    assert.deepEqual(sorted, [...sorted].sort().reverse());
    await rejectsWith(() => env.client.certificates.list({ type: 'other' as 'managed' }), 'invalid_input');
    assert.equal(await env.client.certificates.get(999_999), undefined);
  });

  it('upload: the API reads domains, dates and fingerprint from the PEM; no action; the key is kept nowhere', async () => {
    const logged: RequestLogEntry[] = [];
    const client = new HcloudClient({ token: env.sim.token, endpoint: env.sim.url, onRequest: (e) => logged.push(e) });
    const name = uniqueName('upload');
    const { certificate, privateKey } = pair('shop.example.com', ['www.shop.example.com']);
    const made = await client.certificates.create({ type: 'uploaded', name, certificate, privateKey, labels: { env: 'test' } });
    // The recorder of what the simulator received keeps the key's length only.
    assert.deepEqual(lastReceived(env.sim, 'POST', '/certificates').body, { name, type: 'uploaded', certificate, private_key: redactedKey(privateKey), labels: { env: 'test' } });
    assert.equal(made.action, undefined);
    assert.deepEqual(made.certificate.domainNames, ['shop.example.com', 'www.shop.example.com']);
    assert.equal(made.certificate.certificate, certificate);
    const wire = await raw<{ certificate: Record<string, unknown> }>(env.sim, `/certificates/${made.certificate.id}`);
    assert.ok(!('private_key' in wire.certificate));
    assert.equal(made.certificate.notValidAfter?.toISOString(), new Date(wire.certificate.not_valid_after as string).toISOString());
    const keyBody = privateKey.split('\n')[1];
    assert.ok(!JSON.stringify(wire).includes(keyBody), 'the answer holds no part of the key');
    assert.ok(!serializeState(env.sim.state).includes(keyBody), 'the simulator state (and its file) holds no part of the key');
    assert.ok(!JSON.stringify(env.sim.requests).includes(keyBody), 'nor its record of the requests');
    assert.ok(logged.length > 0 && !JSON.stringify(logged).includes(keyBody), 'the request log holds no part of the key');
    const lines = logged.map((e) => formatRequest('p', e));
    assert.ok(lines.includes(`[p] POST /certificates → 201 in ${Math.round(logged[0].durationMs)} ms`) && !lines.join('\n').includes(keyBody), 'the output channel line: method, path, status, no body');

    const wrongKey = pair('shop.example.com').privateKey;
    const e = await rejectsWith(() => client.certificates.create({ type: 'uploaded', name: uniqueName('bad'), certificate, privateKey: wrongKey }), 'invalid_input');
    assert.deepEqual(e.fields.map((f) => f.name), ['private_key']);
    const errorText = JSON.stringify({ message: e.message, details: e.details });
    assert.ok(!errorText.includes(wrongKey.split('\n')[1]) && !JSON.stringify(logged).includes(wrongKey.split('\n')[1]), 'neither the error nor the log quote the key');
    client.dispose();
  });

  it('upload refuses a bad PEM, a missing key, a taken name, and fields of the other type', async () => {
    const { certificate, privateKey } = pair('x.example.com');
    const bad = await rejectsWith(() => env.client.certificates.create({ type: 'uploaded', name: uniqueName('bad'), certificate: 'hello', privateKey }), 'invalid_input');
    assert.deepEqual(bad.fields.map((f) => f.name), ['certificate']);
    const noKey = await rejectsWith(() => env.client.certificates.create({ type: 'uploaded', name: uniqueName('bad'), certificate, privateKey: '' }), 'invalid_input');
    assert.deepEqual(noKey.fields.map((f) => f.name), ['private_key']);
    const garbage = await rejectsWith(() => env.client.certificates.create({ type: 'uploaded', name: uniqueName('bad'), certificate, privateKey: 'not a key' }), 'invalid_input');
    assert.deepEqual(garbage.fields.map((f) => f.name), ['private_key']);
    await rejectsWith(() => env.client.certificates.create({ type: 'uploaded', name: 'demo-upload', certificate, privateKey }), 'uniqueness_error');
    const mixed = await rejectsWith(() => env.client.transport.request('POST', '/certificates', { body: { name: uniqueName('mix'), type: 'managed', domain_names: ['a.example.com'], certificate } }), 'invalid_input');
    assert.deepEqual(mixed.fields.map((f) => f.name), ['certificate']);
  });

  it('managed: pending, then completed through create_certificate with a certificate valid 90 days', async () => {
    const name = uniqueName('managed');
    const made = await env.client.certificates.create({ type: 'managed', name, domainNames: ['example.com', '*.example.com'] });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/certificates').body, { name, type: 'managed', domain_names: ['example.com', '*.example.com'] });
    assert.equal(made.action?.command, 'create_certificate');
    assert.deepEqual([made.certificate.status?.issuance, made.certificate.certificate, made.certificate.fingerprint], ['pending', undefined, undefined]);
    await rejectsWith(() => env.client.certificates.delete(made.certificate.id), 'locked');
    await settle(env, made.action!);
    const got = await env.client.certificates.get(made.certificate.id);
    assert.deepEqual([got?.status?.issuance, got?.domainNames], ['completed', ['example.com', '*.example.com']]);
    assert.match(got?.certificate ?? '', /^-----BEGIN CERTIFICATE-----/);
    const days = ((got?.notValidAfter?.getTime() ?? 0) - (got?.notValidBefore?.getTime() ?? 0)) / DAY;
    assert.equal(Math.round(days), 90);
    await rejectsWith(() => env.client.certificates.retry(made.certificate.id), 'invalid_input');

    const wrong = await rejectsWith(() => env.client.certificates.create({ type: 'managed', name: uniqueName('m'), domainNames: ['not a domain'] }), 'invalid_input');
    assert.deepEqual(wrong.fields.map((f) => f.name), ['domain_names']);
    const none = await rejectsWith(() => env.client.certificates.create({ type: 'managed', name: uniqueName('m'), domainNames: [] }), 'invalid_input');
    assert.deepEqual(none.fields.map((f) => f.name), ['domain_names']);
  });

  it('managed under .invalid / caa-deny: the issuance fails with caa_record_does_not_allow_ca; retry runs issue_certificate', async () => {
    const made = await env.client.certificates.create({ type: 'managed', name: uniqueName('denied'), domainNames: ['shop.example.invalid'] });
    const [ended] = await settle(env, made.action!).catch(() => [undefined]);
    assert.equal(ended, undefined, 'the waiter reports the failed action');
    const failed = await env.client.certificates.get(made.certificate.id);
    assert.deepEqual([failed?.status?.issuance, failed?.status?.error?.code], ['failed', 'caa_record_does_not_allow_ca']);
    assert.equal((await env.client.actions.get(made.action!.id))?.error?.code, 'caa_record_does_not_allow_ca');

    const again = await env.client.certificates.retry(made.certificate.id);
    assert.equal(again.command, 'issue_certificate');
    assert.equal(lastReceived(env.sim, 'POST', `/certificates/${made.certificate.id}/actions/retry`).body, undefined);
    // Pending while the retry runs: on a fake clock in test/unit/sim/certificates.test.ts (here the action lasts 60 ms of real time).
    await settle(env, again).catch(() => undefined);
    assert.equal((await env.client.certificates.get(made.certificate.id))?.status?.issuance, 'failed', 'the same domains fail again');

    const upload = (await env.client.certificates.listAll({ name: 'demo-upload' }))[0];
    await rejectsWith(() => env.client.certificates.retry(upload.id), 'invalid_input');
    await rejectsWith(() => env.client.certificates.retry(999_999), 'not_found');
  });

  it('a failure of the fault config can be retried with success', async () => {
    env.sim.setFaults({ failActions: [{ command: 'create_certificate', code: 'ca_dns_validation_failed', message: 'Certificate Authority: DNS validation failed' }] });
    let made;
    try {
      made = await env.client.certificates.create({ type: 'managed', name: uniqueName('flaky'), domainNames: ['flaky.example.com'] });
      await settle(env, made.action!).catch(() => undefined);
    } finally {
      env.sim.setFaults({});
    }
    assert.equal((await env.client.certificates.get(made.certificate.id))?.status?.error?.code, 'ca_dns_validation_failed');
    const retry = await env.client.certificates.retry(made.certificate.id);
    await settle(env, retry);
    const got = await env.client.certificates.get(made.certificate.id);
    assert.deepEqual([got?.status?.issuance, got?.status?.error], ['completed', undefined]);
  });

  it('update renames and replaces labels (a taken name is refused); delete; the action lists', async () => {
    const made = await env.client.certificates.create({ type: 'managed', name: uniqueName('lists'), domainNames: ['lists.example.com'] });
    await settle(env, made.action!);
    const id = made.certificate.id;
    const renamed = await env.client.certificates.update(id, { name: `${made.certificate.name}-2`, labels: { a: 'b' } });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/certificates/${id}`).body, { name: `${made.certificate.name}-2`, labels: { a: 'b' } });
    assert.deepEqual([renamed.name, renamed.labels], [`${made.certificate.name}-2`, { a: 'b' }]);
    await rejectsWith(() => env.client.certificates.update(id, { name: 'demo-upload' }), 'uniqueness_error');

    assert.deepEqual((await env.client.certificates.listActions(id)).items.map((a) => a.command), ['create_certificate']);
    assert.equal((await env.client.certificates.getAction(id, made.action!.id))?.command, 'create_certificate');
    assert.equal(await env.client.certificates.getAction(id, 1), undefined);
    assert.ok((await env.client.certificates.listKindActions({ id: [made.action!.id] })).items.some((a) => a.id === made.action!.id));
    assert.equal((await env.client.certificates.getKindAction(made.action!.id))?.command, 'create_certificate');
    assert.equal(await env.client.certificates.getKindAction(999_999), undefined);

    await env.client.certificates.delete(id);
    assert.equal(lastReceived(env.sim, 'DELETE', `/certificates/${id}`).status, 204);
    assert.equal(await env.client.certificates.get(id), undefined);
    await rejectsWith(() => env.client.certificates.delete(id), 'not_found');
  });
});

describe('certificates [api 2018]', () => {
  const env = useSimulator({ api: '2018', seed: 'demo' });

  it('every certificate path answers as an unknown path', async () => {
    await rejectsWith(() => env.client.certificates.list(), 'not_found');
    await rejectsWith(() => env.client.certificates.create({ type: 'managed', name: 'x', domainNames: ['a.example.com'] }), 'not_found');
    await rejectsWith(() => env.client.certificates.retry(1), 'not_found');
    await rejectsWith(() => env.client.certificates.listKindActions(), 'not_found');
    assert.equal(env.sim.state.certificates.size, 0);
  });
});
