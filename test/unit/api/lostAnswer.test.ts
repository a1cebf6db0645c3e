// A lost answer to a write (issue 10, finding 3): the simulator carries the write out and then drops
// the connection or cuts the body; the client never sends the write again, finds what it did and
// marks the result `answerLost`. Against the simulator in both API modes.
import * as assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { HcloudClient } from '../../../src/api/client';
import { ClientErrorCode, HcloudError } from '../../../src/api/errors';
import { isLostAnswer, type AnswerLost } from '../../../src/api/lostAnswer';
import { startSimulator } from '../../../src/sim/simulator';
import { forEachApi, received, rejectsWith, serverSpec, settle, uniqueName, useSimulator } from './helpers';

function newPublicKey(comment: string): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw32 = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw32)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

describe('isLostAnswer: a lost answer is told from a refusal by the transport\'s code', () => {
  const withCause = (code: string) => Object.assign(new Error('x'), { code });
  const cases: Array<[string, HcloudError, boolean]> = [
    ['timeout', new HcloudError({ code: ClientErrorCode.Timeout, message: 'no answer' }), true],
    ['a cut 201 body', new HcloudError({ code: ClientErrorCode.InvalidResponse, message: 'cut', status: 201 }), true],
    ['a reset connection', new HcloudError({ code: ClientErrorCode.NetworkError, message: 'reset', cause: withCause('ECONNRESET') }), true],
    ['a refused connection (nothing sent)', new HcloudError({ code: ClientErrorCode.NetworkError, message: 'refused', cause: withCause('ECONNREFUSED') }), false],
    ['a DNS failure (nothing sent)', new HcloudError({ code: ClientErrorCode.NetworkError, message: 'dns', cause: withCause('ENOTFOUND') }), false],
    ['a gateway\'s 502 (the API\'s answer lost behind it)', new HcloudError({ code: ClientErrorCode.InvalidResponse, message: 'html', status: 502 }), true],
    ['a gateway\'s 504', new HcloudError({ code: 'service_error', message: 'gateway timeout', status: 504 }), true],
    ['the API\'s 503', new HcloudError({ code: 'unavailable', message: 'maintenance', status: 503 }), false],
    ['the API\'s 500', new HcloudError({ code: 'service_error', message: 'oops', status: 500 }), false],
    ['a 4xx answer', new HcloudError({ code: 'uniqueness_error', message: 'taken', status: 409 }), false],
    ['a cancel', new HcloudError({ code: ClientErrorCode.Aborted, message: 'cancelled' }), false],
  ];
  for (const [what, error, lost] of cases) it(`${what}: ${lost ? 'lost' : 'not lost'}`, () => assert.equal(isLostAnswer(error), lost));
});

forEachApi('a lost answer to a write', (api) => {
  const env = useSimulator({ api, seed: 'demo' });
  afterEach(() => env.sim.setFaults({}));

  for (const kind of ['drop', 'truncated'] as const) {
    it(`create server (${kind}): found by name, one POST, no root password, answerLost set`, async () => {
      const { type, location, image } = await serverSpec(env);
      const name = uniqueName('lost');
      env.sim.clearRequests();
      env.sim.setFaults({ failNext: 1, kind, match: { method: 'POST', path: /^\/servers$/ } });
      const r = await env.client.servers.create({ name, serverType: type.name, image: image.id, location: location.name, sshKeys: [] });
      assert.equal(received(env.sim, 'POST', '/servers').length, 1, 'exactly one POST /servers');
      assert.ok(r.answerLost, 'marked as found after a lost answer');
      assert.equal(r.rootPassword, undefined);
      assert.equal(r.server.name, name);
      assert.equal(r.action.command, 'create_server');
      assert.ok([...env.sim.state.servers.values()].some((s) => s.id === r.server.id));
      await settle(env, r.action);
    });
  }

  it('create server whose POST was refused and whose answer was lost: says it was not created, sends nothing again', async () => {
    const { type, location, image } = await serverSpec(env);
    env.sim.clearRequests();
    env.sim.setFaults({ failNext: 1, kind: 'drop', match: { method: 'POST', path: /^\/servers$/ } });
    const e = await rejectsWith(() => env.client.servers.create({ name: 'web-1', serverType: type.name, image: image.id, location: location.name }), 'network_error');
    assert.match(e.message, /no server named "web-1" was created: it was not done, so it is safe to try again/);
    assert.equal(received(env.sim, 'POST', '/servers').length, 1);
  });

  it('add SSH key (drop): found by name with the same key', async () => {
    const name = uniqueName('lost-key');
    const publicKey = newPublicKey('me@host');
    env.sim.clearRequests();
    env.sim.setFaults({ failNext: 1, kind: 'drop', match: { method: 'POST', path: /^\/ssh_keys$/ } });
    const key = await env.client.sshKeys.create({ name, publicKey });
    assert.ok(key.answerLost);
    assert.equal(key.name, name);
    assert.equal(received(env.sim, 'POST', '/ssh_keys').length, 1);
  });

  it('create Floating IP without a name (drop): the newest new IP of that type, one POST', async () => {
    env.sim.clearRequests();
    env.sim.setFaults({ failNext: 1, kind: 'drop', match: { method: 'POST', path: /^\/floating_ips$/ } });
    const r = await env.client.floatingIps.create({ type: 'ipv4', homeLocation: 'fsn1', description: 'lost and found' });
    assert.ok(r.answerLost);
    assert.equal(r.floatingIp.description, 'lost and found');
    assert.equal(r.floatingIp.id, Math.max(...env.sim.state.floatingIps.keys()));
    assert.equal(received(env.sim, 'POST', '/floating_ips').length, 1);
    assert.equal(received(env.sim, 'GET', '/floating_ips').length, 2, 'the newest id before, the newest IPs after');
  });

  if (api === '2026') {
    it('create Floating IP with a name (truncated): found by name, nothing asked before the POST', async () => {
      const name = uniqueName('lost-fip');
      env.sim.clearRequests();
      env.sim.setFaults({ failNext: 1, kind: 'truncated', match: { method: 'POST', path: /^\/floating_ips$/ } });
      const r = await env.client.floatingIps.create({ type: 'ipv6', homeLocation: 'nbg1', name });
      assert.ok(r.answerLost);
      assert.equal(r.floatingIp.name, name);
      assert.deepEqual(
        env.sim.requests.map((q) => `${q.method} ${q.path}`),
        ['POST /floating_ips', 'GET /floating_ips'],
      );
    });
  }

  it('power off (drop): the server\'s newest stop_server action is found and followed; one POST', async () => {
    const { type, location, image } = await serverSpec(env);
    const created = await env.client.servers.create({ name: uniqueName('lost-power'), serverType: type.name, image: image.id, location: location.name });
    await settle(env, created.action);
    env.sim.clearRequests();
    env.sim.setFaults({ failNext: 1, kind: 'drop', match: { method: 'POST', path: /\/actions\/poweroff$/ } });
    const action = await env.client.servers.powerOff(created.server.id);
    assert.ok((action as AnswerLost).answerLost);
    assert.equal(action.command, 'stop_server');
    assert.equal(JSON.stringify(action).includes('answerLost'), false, 'the mark does not travel with the action');
    await settle(env, action);
    assert.equal(env.sim.state.servers.get(created.server.id)?.status, 'off');
    assert.equal(received(env.sim, 'POST', `/servers/${created.server.id}/actions/poweroff`).length, 1);
  });

  it('an action that was refused and whose answer was lost: says it did not start', async () => {
    const [server] = await env.client.servers.listAll({ name: 'web-1' });
    env.sim.setFaults({ failNext: 1, kind: 'drop', match: { method: 'POST', path: /\/actions\/attach_iso$/ } });
    const e = await rejectsWith(() => env.client.servers.attachIso(server.id, 'no-such-iso'), 'network_error');
    assert.match(e.message, /no attach_iso action of server \d+ started since: it was not done/);
  });

  it('a lost action that never ran is not taken for the same action started seconds before (matched on the API\'s clock)', async () => {
    // The simulator's clock jumps 20 s ahead of ours between the two reboots: the API's Date header
    // tells the client, so only reboots from 2 s before the lost request count. Before, anything from
    // the last minute of our clock did, and the earlier reboot was reported as this one.
    let skew = 0;
    const sim = await startSimulator({ port: 0, token: 'clock-token', seed: 'demo', api, now: () => Date.now() + skew });
    const client = new HcloudClient({ token: 'clock-token', endpoint: sim.url, retryBaseMs: 5 });
    try {
      const [server] = await client.servers.listAll({ name: 'web-1' });
      const first = await client.servers.reboot(server.id);
      skew = 20_000;
      await client.servers.get(server.id); // an answer with the API's new time
      sim.setFaults({ failNext: 1, statuses: [502], match: { method: 'POST', path: /\/actions\/reboot$/ } });
      const e = await rejectsWith(() => client.servers.reboot(server.id), 'service_error');
      assert.match(e.message, /no reboot_server action of server \d+ started since: it was not done/);
      assert.ok([...sim.state.actions.values()].filter((a) => a.action.command === 'reboot_server').length === 1, `only the first reboot ran (#${first.id})`);
    } finally {
      client.dispose();
      await sim.close();
    }
  });

  it('a lost action right after the same one answered is not taken for it: the client knows that action\'s id', async () => {
    const [server] = await env.client.servers.listAll({ name: 'web-2' });
    const first = await env.client.servers.reboot(server.id);
    env.sim.setFaults({ failNext: 1, statuses: [502], match: { method: 'POST', path: /\/actions\/reboot$/ } });
    const e = await rejectsWith(() => env.client.servers.reboot(server.id), 'service_error');
    assert.match(e.message, /no reboot_server action of server \d+ started since: it was not done/);
    await settle(env, first);
  });

  it('create image (truncated): the server\'s create_image action leads to the image', async () => {
    const [server] = await env.client.servers.listAll({ name: 'web-2' });
    env.sim.clearRequests();
    env.sim.setFaults({ failNext: 1, kind: 'truncated', match: { method: 'POST', path: /\/actions\/create_image$/ } });
    const r = await env.client.servers.createImage(server.id, { description: 'lost snapshot' });
    assert.ok(r.answerLost);
    assert.equal(r.image.description, 'lost snapshot');
    assert.equal(r.action.command, 'create_image');
    assert.equal(received(env.sim, 'POST', `/servers/${server.id}/actions/create_image`).length, 1);
    await settle(env, r.action);
  });
});
