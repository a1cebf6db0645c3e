// The action waiter against the simulator: progress, success, failure, abort, several at once,
// timeouts, already-finished actions and the polling backoff.
import * as assert from 'node:assert/strict';
import { ClientErrorCode } from '../../../src/api/errors';
import type { Action, Server } from '../../../src/api/types';
import { nextPause, pollPolicy, waitForActions, type WaitProgress } from '../../../src/api/waiter';
import { forEachApi, projectActions, received, rejectsWith, useSimulator } from './helpers';

forEachApi('waitForActions', (api) => {
  const env = useSimulator({ api, seed: 'demo', actionMs: 300 });
  let servers: Server[];

  before(async () => {
    servers = (await env.client.servers.listAll()).filter((s) => s.status === 'running' && !s.locked);
    assert.ok(servers.length >= 3, 'three running servers');
  });

  afterEach(async () => {
    env.sim.setFaults({});
    // Let whatever a test left running finish, so the next one finds the servers unlocked.
    const running = await projectActions(env, api, { status: 'running' });
    if (running.length) await env.client.waitForActions(running, { pollMs: 20, timeoutMs: 5000 }).catch(() => undefined);
  });

  it('reports rising progress up to 100 and resolves with the finished action', async () => {
    const action = await env.client.servers.reboot(servers[0].id);
    const updates: WaitProgress[] = [];
    const [done] = await waitForActions(env.client, action, { pollMs: 25, onUpdate: (u) => updates.push(u) });
    assert.equal(done.id, action.id);
    assert.equal(done.status, 'success');
    assert.equal(done.progress, 100);
    const overall = updates.map((u) => u.overall);
    assert.ok(overall.length >= 4, `several updates (${overall.join(',')})`);
    for (let i = 1; i < overall.length; i++) assert.ok(overall[i] >= overall[i - 1], `never goes back (${overall.join(',')})`);
    assert.ok(overall[0] < 50);
    assert.equal(overall[overall.length - 1], 100);
    assert.ok(new Set(overall).size >= 3, `progress moves (${overall.join(',')})`);
    assert.equal(updates[updates.length - 1].actions[0].status, 'success');
  });

  it('waits for several actions at once with one GET /actions?id=..&id=.. per poll', async () => {
    const actions = await Promise.all(servers.slice(0, 3).map((s) => env.client.servers.reset(s.id)));
    env.sim.clearRequests();
    const done = await env.client.waitForActions(actions, { pollMs: 30 });
    assert.deepEqual(done.map((a) => a.id), actions.map((a) => a.id));
    assert.ok(done.every((a) => a.status === 'success'));
    const polls = received(env.sim, 'GET', '/actions');
    assert.ok(polls.length >= 2);
    assert.deepEqual(polls[0].query.id, actions.map((a) => String(a.id)));
    // Once only one action still runs, a poll may ask for it alone (GET /actions/{id}): the three end a
    // few ms apart, so whether a poll falls between their ends depends on the machine's load.
    const single = received(env.sim, 'GET', /^\/actions\/\d+$/).map((r) => r.path.split('/').pop());
    assert.ok(new Set(single).size <= 1, `single GETs ask for one last action only: ${single.join(', ')}`);
    if (single.length) assert.ok(polls[polls.length - 1].query.id?.includes(single[0] as string), 'the last batched poll still had it running');
  });

  it('an action ending in error rejects with action_failed and the action\'s own code and message', async () => {
    env.sim.setFaults({ failActions: [{ command: 'reboot_server', code: 'reboot_failed', message: 'The server did not react to ACPI' }] });
    const action = await env.client.servers.reboot(servers[1].id);
    const e = await rejectsWith(() => env.client.waitForActions(action, { pollMs: 20 }), ClientErrorCode.ActionFailed);
    assert.equal(e.message, 'The server did not react to ACPI');
    assert.equal(e.details.actionErrorCode, 'reboot_failed');
    const failed = e.details.action as Action;
    assert.equal(failed.id, action.id);
    assert.equal(failed.status, 'error');
    assert.deepEqual(failed.error, { code: 'reboot_failed', message: 'The server did not react to ACPI' });
  });

  it('abort stops waiting at once; the action still completes', async () => {
    const action = await env.client.servers.shutdown(servers[2].id);
    const controller = new AbortController();
    const started = Date.now();
    const waiting = env.client.waitForActions(action, {
      signal: controller.signal,
      pollMs: 20,
      onUpdate: (u) => {
        if (u.overall > 0) controller.abort();
      },
    });
    const e = await rejectsWith(() => waiting, ClientErrorCode.Aborted);
    assert.ok(Date.now() - started < 250, 'stopped before the action ended');
    assert.equal(e.code, 'aborted');
    const pollsAtAbort = received(env.sim, 'GET', /^\/actions/).length;
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(received(env.sim, 'GET', /^\/actions/).length, pollsAtAbort, 'no polls after the abort');
    const later = await env.client.actions.get(action.id);
    assert.equal(later?.status, 'success');
    assert.equal((await env.client.servers.get(servers[2].id))?.status, 'off');
    await env.client.waitForActions(await env.client.servers.powerOn(servers[2].id), { pollMs: 20 });
  });

  it('an already aborted signal rejects before any request', async () => {
    const action = await env.client.servers.reboot(servers[0].id);
    env.sim.clearRequests();
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(() => env.client.waitForActions(action, { signal: controller.signal, pollMs: 5 }), 'aborted');
    assert.equal(env.sim.requests.length, 0);
  });

  it('finished actions resolve (or reject) at once without a request', async () => {
    const [finished] = await projectActions(env, api, { status: 'success' });
    assert.ok(finished);
    env.sim.clearRequests();
    const updates: number[] = [];
    const done = await env.client.waitForActions([finished], { onUpdate: (u) => updates.push(u.overall) });
    assert.deepEqual(done, [finished]);
    const failed: Action = { ...finished, status: 'error', error: { code: 'boom', message: 'Boom' } };
    const e = await rejectsWith(() => env.client.waitForActions(failed), 'action_failed');
    assert.equal(e.details.actionErrorCode, 'boom');
    assert.equal(env.sim.requests.length, 0);
  });

  it('gives up with timeout after timeoutMs', async () => {
    const action = await env.client.servers.reboot(servers[1].id);
    const started = Date.now();
    const e = await rejectsWith(() => env.client.waitForActions(action, { pollMs: 20, timeoutMs: 80 }), 'timeout');
    assert.ok(Date.now() - started < 250);
    assert.equal((e.details.actions as Action[])[0].id, action.id);
  });

  it('backs off between polls from min towards max', async () => {
    const policy = pollPolicy({ min: 15, max: 120, factor: 2 });
    const pauses = [policy.min];
    while (pauses.length < 6) pauses.push(nextPause(pauses[pauses.length - 1], policy));
    assert.deepEqual(pauses, [15, 30, 60, 120, 120, 120], 'doubles from min, capped at max');

    const action = await env.client.servers.reboot(servers[0].id);
    env.sim.clearRequests();
    await env.client.waitForActions(action, { pollMs: policy });
    const at = received(env.sim, 'GET', /^\/actions\/\d+$/).map((r) => r.at);
    assert.ok(at.length >= 3, `${at.length} polls`);
    // A sleep never ends early, so each gap is at least its pause (a busy machine only makes gaps longer).
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    gaps.forEach((g, i) => assert.ok(g >= pauses[i + 1] - 2, `gap ${i + 1} is ${g} ms, the pause is ${pauses[i + 1]} ms (gaps ${gaps.join(',')})`));
  });
});
