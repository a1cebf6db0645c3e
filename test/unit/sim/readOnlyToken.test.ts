// The simulator's read-only API token (`readOnlyToken`, `--readonly-token`): every read works, every
// write is refused before it changes anything: 403 `token_readonly` against today's API, 403
// `forbidden` against the 2018 contract (which has no token_readonly). The token is never recorded.
import * as assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../../src/sim/cli';
import { withSim } from './helpers';

const READ_ONLY = 'sim-readonly-token-5e1';

describe('sim: a read-only API token', () => {
  const api = withSim({ readOnlyToken: READ_ONLY, actionMs: 60 });
  const asReader = (method: string, path: string, body?: unknown) => api.call(method, path, body, { token: READ_ONLY });

  it('reads work; POST, PUT and DELETE answer 403 token_readonly and change nothing', async () => {
    const list = await asReader('GET', '/servers');
    assert.equal(list.status, 200);
    const server = list.body.servers[0];
    assert.ok(server, 'the demo seed has servers');
    api.sim.clearRequests();
    const writes = [
      await asReader('POST', `/servers/${server.id}/actions/poweroff`),
      await asReader('PUT', `/servers/${server.id}`, { name: 'renamed' }),
      await asReader('DELETE', `/servers/${server.id}`),
      await asReader('POST', '/ssh_keys', { name: 'k', public_key: 'ssh-ed25519 AAAA' }),
    ];
    for (const w of writes) {
      assert.equal(w.status, 403);
      assert.equal(w.body.error.code, 'token_readonly');
      assert.deepEqual(w.body.error.details, {});
      assert.equal(typeof w.body.error.message, 'string');
    }
    const after = (await api.get(`/servers/${server.id}`)).body.server;
    assert.equal(after.name, server.name);
    assert.equal(after.status, server.status);
    assert.deepEqual(api.sim.requests.map((r) => [r.method, r.status, r.authorized]).slice(0, 4), [
      ['POST', 403, true], ['PUT', 403, true], ['DELETE', 403, true], ['POST', 403, true],
    ]);
    assert.ok(!JSON.stringify(api.sim.requests).includes(READ_ONLY), 'the token is never recorded');
  });

  it('the read-write token still writes; an unknown token is still 401', async () => {
    const [server] = (await api.get('/servers')).body.servers;
    const ok = await api.put(`/servers/${server.id}`, { labels: { by: 'writer' } });
    assert.equal(ok.status, 200);
    assert.equal((await api.call('POST', `/servers/${server.id}/actions/poweron`, undefined, { token: 'other' })).status, 401);
  });

  describe('against the 2018 contract', () => {
    const old = withSim({ readOnlyToken: READ_ONLY, api: '2018' });
    it('a write answers 403 forbidden; a read works', async () => {
      assert.equal((await old.call('GET', '/ssh_keys', undefined, { token: READ_ONLY })).status, 200);
      const w = await old.call('DELETE', '/ssh_keys/1', undefined, { token: READ_ONLY });
      assert.equal(w.status, 403);
      assert.equal(w.body.error.code, 'forbidden');
    });
  });

  it('--readonly-token in the CLI: printable ASCII, not the read-write token', () => {
    assert.equal(parseArgs(['--readonly-token', 'ro']).sim.readOnlyToken, 'ro');
    assert.equal(parseArgs([]).sim.readOnlyToken, undefined);
    assert.throws(() => parseArgs(['--readonly-token', 'demo']), UsageError);
    assert.throws(() => parseArgs(['--token', 'x', '--readonly-token=x']), UsageError);
    assert.throws(() => parseArgs(['--readonly-token', 'a b']), UsageError);
  });
});
