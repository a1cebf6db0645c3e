import * as assert from 'node:assert/strict';
import { startApi, withSim } from './helpers';

describe('sim: fault injection', () => {
  const api = withSim();
  afterEach(() => api.sim.setFaults({}));

  const raw = (path: string, init: RequestInit = {}) =>
    fetch(`${api.sim.url}${path}`, { ...init, headers: { Authorization: 'Bearer demo', 'Content-Type': 'application/json' } });

  it('adds latency', async () => {
    api.sim.setFaults({ latencyMs: 150 });
    const started = Date.now();
    assert.equal((await api.get('/locations')).status, 200);
    assert.ok(Date.now() - started >= 140, `${Date.now() - started} ms`);
  });

  it('answers the given statuses in turn with a service_error body, then switches off', async () => {
    api.sim.setFaults({ failNext: 3, kind: 'status', statuses: [500, 502, 503] });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await api.get('/locations'));
    assert.deepEqual(
      answers.map((a) => a.status),
      [500, 502, 503, 200],
    );
    assert.equal(answers[0].body.error.code, 'service_error');
    assert.equal(answers[1].headers.get('ratelimit-limit'), '3600');
    assert.deepEqual(
      api.sim.requests.slice(-4).map((r) => r.status),
      [500, 502, 503, 200],
    );
  });

  it('limits faults to the matching method and path; a faulted request changes nothing', async () => {
    api.sim.setFaults({ failNext: 1, match: { method: 'POST', path: /^\/servers\/\d+\/actions/ } });
    const actionsBefore = api.sim.state.actions.size;
    assert.equal((await api.get('/servers/42')).status, 200);
    assert.equal((await api.post('/ssh_keys', {})).status, 400, 'other paths are not faulted');
    assert.equal((await api.post('/servers/42/actions/reboot')).status, 503);
    assert.equal(api.sim.state.actions.size, actionsBefore);
    assert.equal((await api.post('/servers/42/actions/reboot')).status, 201, 'failNext is used up');
  });

  it('malformed: 200 with an HTML body', async () => {
    api.sim.setFaults({ failNext: 1, kind: 'malformed' });
    const res = await raw('/servers');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const text = await res.text();
    assert.match(text, /^<html>/);
    assert.throws(() => JSON.parse(text));
  });

  it('truncated: valid headers, half a JSON body, then the connection ends (the request was handled)', async () => {
    api.sim.setFaults({ failNext: 1, kind: 'truncated' });
    const res = await raw('/floating_ips', { method: 'POST', body: JSON.stringify({ type: 'ipv4', home_location: 'fsn1', description: 'cut' }) });
    assert.equal(res.status, 201);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.ok(Number(res.headers.get('content-length')) > 100);
    await assert.rejects(res.text());
    assert.equal(api.sim.requests.at(-1)?.status, 201);
    assert.ok([...api.sim.state.floatingIps.values()].some((f) => f.description === 'cut'));
  });

  it('drop: the socket is destroyed without an answer (recorded with status 0)', async () => {
    api.sim.setFaults({ failNext: 1, kind: 'drop' });
    await assert.rejects(raw('/servers'));
    assert.equal(api.sim.requests.at(-1)?.status, 0);
    assert.equal((await api.get('/servers')).status, 200);
  });

  it('drop on a write: the write is carried out, then the socket is destroyed without an answer', async () => {
    api.sim.setFaults({ failNext: 1, kind: 'drop', match: { method: 'POST' } });
    await assert.rejects(raw('/floating_ips', { method: 'POST', body: JSON.stringify({ type: 'ipv4', home_location: 'fsn1', description: 'dropped' }) }));
    assert.equal(api.sim.requests.at(-1)?.status, 0);
    assert.ok([...api.sim.state.floatingIps.values()].some((f) => f.description === 'dropped'), 'the Floating IP exists');
  });

  it('hang: no answer until the client gives up', async () => {
    api.sim.setFaults({ failNext: 1, kind: 'hang' });
    await assert.rejects(fetch(`${api.sim.url}/servers`, { headers: { Authorization: 'Bearer demo' }, signal: AbortSignal.timeout(200) }), {
      name: 'TimeoutError',
    });
    assert.equal((await api.get('/servers')).status, 200);
  });

  it('hang: close() ends the held request', async () => {
    const other = await startApi();
    other.sim.setFaults({ kind: 'hang', rate: 1 });
    const pending = fetch(`${other.sim.url}/servers`, { headers: { Authorization: 'Bearer demo' } });
    await new Promise((r) => setTimeout(r, 50));
    await other.sim.close();
    await assert.rejects(pending);
  });

  it('rate: a seeded share of requests, the same ones on every run', async () => {
    const run = async () => {
      api.sim.setFaults({ rate: 0.3, seed: 7, statuses: [502] });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await api.get('/locations')).status);
      return statuses;
    };
    const first = await run();
    const second = await run();
    assert.deepEqual(first, second);
    const faulted = first.filter((s) => s === 502).length;
    assert.ok(faulted >= 4 && faulted <= 16, `${faulted} of 30`);
    assert.ok(first.every((s) => s === 200 || s === 502));
  });
});
