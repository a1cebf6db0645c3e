import * as assert from 'node:assert/strict';
import { FakeClock, fieldNames, withSim, type Json } from './helpers';

describe('sim: actions', () => {
  const clock = new FakeClock();
  const api = withSim({ api: '2018', now: clock.now, actionMs: 10_000 });

  it('keeps a history of past actions in the demo: successes and one error', async () => {
    const res = await api.get('/actions?per_page=50');
    assert.equal(res.status, 200);
    const actions: Json[] = res.body.actions;
    assert.ok(actions.length >= 20);
    assert.deepEqual(Object.keys(actions[0]).sort(), ['command', 'error', 'finished', 'id', 'progress', 'resources', 'started', 'status']);
    const failed = actions.filter((a) => a.status === 'error');
    assert.equal(failed.length, 1);
    assert.deepEqual(failed[0].error, { code: 'action_failed', message: 'Rebuilding the server failed' });
    assert.ok(actions.every((a) => Date.parse(a.finished) <= clock.ms && Date.parse(a.started) <= Date.parse(a.finished)));
    const ids = actions.map((a) => a.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'ordered by id by default');
  });

  it('filters by status (repeatable) and by id (repeatable)', async () => {
    const errors = (await api.get('/actions?status=error')).body.actions;
    assert.deepEqual(
      errors.map((a: Json) => a.command),
      ['rebuild_server'],
    );
    const both = (await api.get('/actions?status=error&status=success&per_page=50')).body.meta.pagination.total_entries;
    const all = (await api.get('/actions')).body.meta.pagination.total_entries;
    assert.equal(both, all);
    const picked = (await api.get('/actions?id=1301&id=1300&id=999999')).body.actions.map((a: Json) => a.id);
    assert.deepEqual(picked, [1300, 1301]);
  });

  it('sorts by several fields', async () => {
    const res = (await api.get('/actions?sort=status:desc&sort=id:desc&per_page=50')).body.actions;
    assert.equal(res[0].status, 'success');
    assert.equal(res.at(-1).status, 'error');
    const successIds = res.filter((a: Json) => a.status === 'success').map((a: Json) => a.id);
    assert.deepEqual(successIds, [...successIds].sort((a, b) => b - a));
    const byStarted = (await api.get('/actions?sort=started&per_page=50')).body.actions.map((a: Json) => Date.parse(a.started));
    assert.deepEqual(byStarted, [...byStarted].sort((a, b) => a - b));
  });

  it('refuses unknown sort fields and statuses', async () => {
    for (const query of ['sort=name', 'sort=id:sideways', 'status=done', 'id=abc']) {
      const res = await api.get(`/actions?${query}`);
      assert.equal(res.status, 400, query);
      assert.deepEqual(fieldNames(res), [query.split('=')[0]], query);
    }
  });

  it('moves progress with the clock and shows running actions in filters', async () => {
    const started = (await api.post('/servers/47/actions/reboot')).body.action;
    clock.advance(3_300);
    const running = (await api.get('/actions?status=running')).body.actions;
    assert.deepEqual(
      running.map((a: Json) => [a.id, a.progress, a.finished]),
      [[started.id, 33, null]],
    );
    clock.advance(6_700);
    const done = (await api.get(`/actions/${started.id}`)).body.action;
    assert.equal(done.status, 'success');
    assert.equal(done.progress, 100);
    assert.deepEqual((await api.get('/actions?status=running')).body.actions, []);
  });

  it('gets one action', async () => {
    const res = await api.get('/actions/1300');
    assert.equal(res.status, 200);
    assert.equal(res.body.action.id, 1300);
    assert.equal(res.body.action.command, 'create_server');
  });
});
