// The change check that stands for a full listing of a large folder between two listings (issue 10,
// finding 13): one request for the newest actions, against the simulator over HTTP.
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import type { Action } from '../../../src/api/types';
import { CHECK_PAGE, ChangeCheck, checkWork, compareActions } from '../../../src/tree/changeCheck';
import { forEachApi, settle, useSimulator } from '../api/helpers';

forEachApi('tree change check', (api) => {
  // The simulator's clock stands still unless a test moves it: an action runs until then.
  let clock = Date.UTC(2026, 0, 1);
  const env = useSimulator({ api, seed: 'empty', extraServers: 60, now: () => clock });
  /** The lists of actions the check asked (not the waiter's polls by id). */
  const checksSince = (from: number) =>
    env.sim.requests
      .slice(from)
      .filter((r) => r.method === 'GET' && r.path.endsWith('/actions') && !r.query.id)
      .map((r) => `${r.path}?${Object.entries(r.query).map(([k, v]) => `${k}=${v.join(',')}`).sort().join('&')}`);

  it("names the server whose action started or ended, with one request each time; a rename is left to the full listing", async () => {
    const [a, b] = await env.client.servers.listAll();
    const check = new ChangeCheck();
    const from = env.sim.requests.length;
    assert.deepEqual(await check.run(env.client), { changed: [], overflow: false }, 'the first check learns the newest actions');
    const action = await env.client.servers.powerOff(a.id);
    await env.client.servers.update(b.id, { name: 'renamed-by-someone' });
    const started = await check.run(env.client);
    assert.deepEqual(started && checkWork(started), { poll: [{ kind: 'server', id: a.id }], stale: [] });
    clock += 60_000;
    await settle(env, action);
    assert.deepEqual((await check.run(env.client))?.changed, [{ type: 'server', id: a.id }], 'it ended: its status changed');
    assert.deepEqual(await check.run(env.client), { changed: [], overflow: false });
    const list = api === '2026' ? '/servers/actions' : '/actions';
    assert.deepEqual(checksSince(from), Array(4).fill(`${list}?page=1&per_page=${CHECK_PAGE}&sort=id:desc`));
  });

  it("asks today's per-kind list first while the API is not known, and keeps to the one that answered", async () => {
    const client = new HcloudClient({ token: env.sim.token, endpoint: env.sim.url, retryBaseMs: 5 });
    try {
      const check = new ChangeCheck();
      const from = env.sim.requests.length;
      await check.run(client);
      await check.run(client);
      const paths = checksSince(from).map((p) => p.slice(0, p.indexOf('?')));
      assert.deepEqual(paths, api === '2026' ? ['/servers/actions', '/servers/actions'] : ['/servers/actions', '/actions', '/actions']);
    } finally {
      client.dispose();
    }
  });

  it('marks the folders only a listing updates: a new snapshot (create_image) lists the images', async () => {
    const [, , c] = await env.client.servers.listAll();
    const check = new ChangeCheck();
    await check.run(env.client);
    const made = await env.client.servers.createImage(c.id, { description: 'by someone else' });
    const outcome = await check.run(env.client);
    assert.ok(outcome);
    const work = checkWork(outcome);
    assert.deepEqual(work.poll, [{ kind: 'server', id: c.id }]);
    assert.deepEqual(work.stale.sort(), ['backups', 'snapshots']);
    clock += 3_600_000;
    await settle(env, made.action);
  });
});

describe('tree change check: comparing pages', () => {
  const action = (id: number, status: Action['status'], server = id): Action => ({
    id,
    command: 'poweron',
    status,
    progress: status === 'running' ? 50 : 100,
    started: new Date(id * 1000),
    resources: [{ type: 'server', id: server }],
  });
  const page = (ids: number[], status: Action['status'] = 'success') => ids.map((id) => action(id, status)).reverse();

  it('says a page of new actions only may hide more (the folder is then listed), and notices a running action pushed off the page', () => {
    const first = compareActions(undefined, [action(10, 'running', 900), ...page([5, 6, 7])], 4);
    assert.deepEqual(first.outcome, { changed: [{ type: 'server', id: 900 }], overflow: false }, 'at first: the running ones');
    const full = compareActions(first.memory, page([11, 12, 13, 14]), 4);
    assert.equal(full.outcome.overflow, true);
    assert.deepEqual(checkWork(full.outcome).stale, ['servers']);
    assert.deepEqual(
      full.outcome.changed.map((r) => r.id).sort((x, y) => x - y),
      [11, 12, 13, 14, 900],
      'the new ones, and the server of the running action no longer on the page',
    );
    const partial = compareActions(full.memory, page([12, 13, 14, 15]), 4);
    assert.deepEqual(partial.outcome, { changed: [{ type: 'server', id: 15 }], overflow: false });
  });
});
