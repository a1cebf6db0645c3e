import * as assert from 'node:assert/strict';
import { withSim } from './helpers';

describe('sim: auth, routing and errors', () => {
  const api = withSim({ api: '2018' });

  it('answers 401 unauthorized without a token', async () => {
    const res = await api.call('GET', '/servers', undefined, { token: null });
    assert.equal(res.status, 401);
    assert.deepEqual(res.body, { error: { code: 'unauthorized', message: 'unable to authenticate', details: {} } });
  });

  it('answers 401 with a wrong token and never records the token', async () => {
    api.sim.clearRequests();
    const res = await api.call('GET', '/servers', undefined, { token: 'not-the-token' });
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'unauthorized');
    const [recorded] = api.sim.requests;
    assert.equal(recorded.authorized, false);
    assert.equal(recorded.status, 401);
    assert.ok(!JSON.stringify(api.sim.requests).includes('not-the-token'));
  });

  it('accepts the right token', async () => {
    const res = await api.get('/servers');
    assert.equal(res.status, 200);
    assert.equal(api.sim.requests.at(-1)?.authorized, true);
  });

  it('answers 404 not_found for unknown paths, ids and non-numeric ids', async () => {
    for (const path of ['/nothing', '/servers/999999', '/servers/abc', '/floating_ips/1', '/images/99999', '/ssh_keys/5', '/actions/1']) {
      const res = await api.get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.error.code, 'not_found', path);
    }
  });

  it('answers 404 outside /v1 without rate-limit headers', async () => {
    const res = await fetch(api.sim.url.replace('/v1', '/v2/servers'));
    assert.equal(res.status, 404);
    assert.equal(res.headers.get('ratelimit-limit'), null);
  });

  it('answers json_error for a malformed JSON body', async () => {
    const res = await api.call('POST', '/ssh_keys', undefined, { raw: '{"name": "x",' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'json_error');
  });

  it('answers invalid_input when the body is JSON but not an object', async () => {
    const res = await api.post('/ssh_keys', [1, 2]);
    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_input');
  });

  it('carries rate-limit headers on errors too', async () => {
    const res = await api.get('/servers/999999');
    assert.equal(res.headers.get('ratelimit-limit'), '3600');
    assert.match(res.headers.get('ratelimit-remaining') ?? '', /^\d+$/);
    assert.match(res.headers.get('ratelimit-reset') ?? '', /^\d{10}$/);
  });

  it('exports startSimulator and a state with the demo project', () => {
    assert.equal(api.sim.state.servers.size, 8);
    assert.match(api.sim.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    assert.equal(api.sim.port, Number(new URL(api.sim.url).port));
    assert.equal(api.sim.token, 'demo');
  });
});
