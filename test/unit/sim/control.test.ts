import * as assert from 'node:assert/strict';
import { withSim, type Json } from './helpers';

describe('sim: recorded requests and control endpoints', () => {
  const api = withSim({ actionMs: 20 });

  const control = async (method: string, path: string, body?: unknown) => {
    const base = api.sim.url.replace(/\/v1$/, '');
    const res = await fetch(`${base}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : undefined };
  };

  it('records method, path, query (repeated keys), body, status, time and authorization', async () => {
    api.sim.clearRequests();
    await api.get('/images?type=snapshot&type=backup&sort=id');
    await api.post('/ssh_keys', { name: 'k' });
    await api.call('POST', '/ssh_keys', undefined, { raw: 'not json' });
    const [list, create, broken] = api.sim.requests;
    assert.deepEqual(
      { method: list.method, path: list.path, query: list.query, body: list.body, status: list.status, authorized: list.authorized },
      { method: 'GET', path: '/images', query: { type: ['snapshot', 'backup'], sort: ['id'] }, body: undefined, status: 200, authorized: true },
    );
    assert.ok(Math.abs(list.at - Date.now()) < 5000);
    assert.deepEqual(create.body, { name: 'k' });
    assert.equal(create.status, 400);
    assert.equal(broken.body, 'not json');
    assert.equal(broken.status, 400);
    assert.equal(api.sim.requests.length, 3);
  });

  it('GET /__sim/health', async () => {
    const res = await control('GET', 'health');
    assert.equal(res.status, 200);
    assert.equal(res.body.status, 'ok');
    assert.equal(res.body.url, api.sim.url);
  });

  it('GET and DELETE /__sim/requests (control calls are not recorded themselves)', async () => {
    api.sim.clearRequests();
    await api.get('/servers/42');
    const res = await control('GET', 'requests');
    assert.equal(res.status, 200);
    assert.deepEqual(
      res.body.map((r: Json) => `${r.method} ${r.path} ${r.status}`),
      ['GET /servers/42 200'],
    );
    assert.equal((await control('DELETE', 'requests')).status, 204);
    assert.deepEqual((await control('GET', 'requests')).body, []);
    assert.equal(api.sim.requests.length, 0);
  });

  it('PUT /__sim/faults with match.path as a regex string', async () => {
    assert.equal((await control('PUT', 'faults', { failNext: 1, statuses: [502], match: { path: '^/servers$' } })).status, 204);
    assert.equal((await api.get('/servers/42')).status, 200);
    assert.equal((await api.get('/servers')).status, 502);
    assert.equal((await api.get('/servers')).status, 200);
  });

  it('PUT /__sim/faults with failActions and {} to switch off', async () => {
    await control('PUT', 'faults', { failActions: [{ command: 'reboot_server' }] });
    const failing = (await api.post('/servers/47/actions/reboot')).body.action;
    await control('PUT', 'faults', {});
    const fine = (await api.post('/servers/42/actions/reboot')).body.action;
    await new Promise((r) => setTimeout(r, 40));
    const failed = (await api.get(`/actions/${failing.id}`)).body.action;
    assert.equal(failed.status, 'error');
    assert.deepEqual(failed.error, { code: 'action_failed', message: 'Action failed' });
    assert.equal((await api.get(`/actions/${fine.id}`)).body.action.status, 'success');
  });

  it('refuses malformed control bodies', async () => {
    assert.equal((await control('PUT', 'faults', { kind: 'explode' })).status, 400);
    assert.equal((await control('PUT', 'faults', { match: { path: '(' } })).status, 400);
    assert.equal((await control('PUT', 'ratelimit', { remaining: 'many' })).status, 400);
    assert.equal((await control('GET', 'nothing')).status, 404);
  });

  it('PUT /__sim/ratelimit', async () => {
    assert.equal((await control('PUT', 'ratelimit', { remaining: 0 })).status, 204);
    assert.equal((await api.get('/servers')).status, 429);
    await control('PUT', 'ratelimit', { remaining: 100 });
    const res = await api.get('/servers');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('ratelimit-remaining'), '99');
  });
});
