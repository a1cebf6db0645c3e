// ActionSource against the simulator over HTTP, in both API modes: the 2018 API's GET /actions and
// today's per-kind lists (GET /servers/actions, /floating_ips/actions, /images/actions, /volumes/actions,
// /networks/actions, /primary_ips/actions) merged newest
// first; status filter, paging, one resource's actions, names; with the requests each step costs.
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { isHcloudError } from '../../../src/api/errors';
import type { Action } from '../../../src/api/types';
import type { ActionRecord } from '../../../src/sim/state';
import type { Simulator } from '../../../src/sim/types';
import { ActionSource, SourceMemory } from '../../../src/webview/actionLog/source';
import { settle, useSimulator, type Env } from '../api/helpers';

/** The simulator's actions, newest first (started, then id), optionally only those `keep` accepts. */
function expected(sim: Simulator, keep: (r: ActionRecord) => boolean = () => true): number[] {
  return [...sim.state.actions.values()]
    .filter(keep)
    .sort((a, b) => b.startedMs - a.startedMs || b.action.id - a.action.id)
    .map((r) => r.action.id);
}

const ids = (actions: Action[]) => actions.map((a) => a.id);
const gets = (sim: Simulator) => sim.requests.filter((r) => r.method === 'GET');
const paths = (sim: Simulator) => gets(sim).map((r) => r.path);

/** Actions the per-kind lists hold: those of a server, a Floating IP, an image, a volume, a Network or a Primary IP. */
const ofKinds = (r: ActionRecord) => r.action.resources.some((x) => ['server', 'floating_ip', 'image', 'volume', 'network', 'primary_ip', 'firewall'].includes(x.type));

/** Gives one server `n` more (finished) actions. */
async function addActions(env: Env, serverId: number, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await settle(env, await env.client.servers.changeProtection(serverId, { delete: i % 2 === 0, rebuild: i % 2 === 0 }));
}

describe('ActionSource', () => {
  describe('2018 API: GET /actions', () => {
    const env = useSimulator({ seed: 'demo', api: '2018' });
    beforeEach(() => env.sim.clearRequests());

    it('loads the newest 25 first with one request (sort=started:desc)', async () => {
      const source = new ActionSource(env.client, { filter: 'all' });
      const snap = await source.load();
      assert.deepEqual(ids(snap.actions), expected(env.sim).slice(0, 25));
      assert.equal(source.lists, 'all');
      assert.equal(snap.hasMore, expected(env.sim).length > 25);
      const reqs = gets(env.sim);
      assert.equal(reqs.length, 1, 'a first load is one request');
      assert.equal(reqs[0].path, '/actions');
      assert.deepEqual(reqs[0].query.sort, ['started:desc', 'id:desc']);
      assert.deepEqual(reqs[0].query.per_page, ['25']);
      assert.equal(reqs[0].query.status, undefined);
    });

    it('filters by status on the API side', async () => {
      const source = new ActionSource(env.client, { filter: 'error' });
      const snap = await source.load();
      assert.ok(snap.actions.length > 0, 'the demo history has a failed rebuild');
      assert.deepEqual(ids(snap.actions), expected(env.sim, (r) => r.action.status === 'error'));
      assert.ok(snap.actions.every((a) => a.status === 'error' && a.error?.code === 'action_failed'));
      assert.deepEqual(gets(env.sim)[0].query.status, ['error']);
      assert.equal(snap.hasMore, false);
    });

    it('pages: "Load older" asks page 2, 3, ... and ends with every action once, newest first', async () => {
      const all = expected(env.sim);
      const source = new ActionSource(env.client, { filter: 'all' }, 7);
      let snap = await source.load();
      assert.deepEqual(ids(snap.actions), all.slice(0, 7));
      let pages = 1;
      while (snap.hasMore) {
        snap = await source.loadOlder();
        pages++;
        assert.deepEqual(ids(snap.actions), all.slice(0, Math.min(all.length, 7 * pages)), `after page ${pages}`);
      }
      assert.deepEqual(ids(snap.actions), all);
      assert.deepEqual(gets(env.sim).map((r) => r.query.page?.[0] ?? '1'), Array.from({ length: pages }, (_, i) => String(i + 1)));
    });

    it('refresh is one request; a new action shows on top', async () => {
      const source = new ActionSource(env.client, { filter: 'all' });
      await source.load();
      const web1 = [...env.sim.state.servers.values()].find((s) => s.name === 'web-1')!;
      await addActions(env, web1.id, 1);
      env.sim.clearRequests();
      const snap = await source.refresh();
      assert.equal(gets(env.sim).length, 1, 'a refresh is one request');
      assert.deepEqual(ids(snap.actions), expected(env.sim).slice(0, 25));
      assert.equal(snap.actions[0].command, 'change_protection');
    });

    it('one server: GET /servers/{id}/actions, only its actions', async () => {
      const db = [...env.sim.state.servers.values()].find((s) => s.name === 'db-main')!;
      const source = new ActionSource(env.client, { filter: 'all', scope: { kind: 'server', id: db.id } });
      const snap = await source.load();
      const mine = expected(env.sim, (r) => r.action.resources.some((x) => x.type === 'server' && x.id === db.id));
      assert.ok(mine.length >= 4);
      assert.deepEqual(ids(snap.actions), mine.slice(0, 25));
      assert.deepEqual(paths(env.sim), [`/servers/${db.id}/actions`]);
    });

    it('one Floating IP and one image: their own endpoints', async () => {
      const fip = [...env.sim.state.floatingIps.values()].find((f) => f.description === 'Web Frontend')!;
      const fsnap = await new ActionSource(env.client, { filter: 'all', scope: { kind: 'floatingIp', id: fip.id } }).load();
      assert.deepEqual(ids(fsnap.actions), expected(env.sim, (r) => r.action.resources.some((x) => x.type === 'floating_ip' && x.id === fip.id)));
      assert.deepEqual(fsnap.actions.map((a) => a.command).sort(), ['assign_floating_ip', 'change_protection']);
      const golden = [...env.sim.state.images.values()].find((i) => i.description === 'web-1 golden image')!;
      const isnap = await new ActionSource(env.client, { filter: 'all', scope: { kind: 'image', id: golden.id } }).load();
      assert.deepEqual(isnap.actions.map((a) => a.command), ['change_protection', 'create_image']);
      assert.deepEqual(paths(env.sim), [`/floating_ips/${fip.id}/actions`, `/images/${golden.id}/actions`]);
    });

    it('a missing resource rejects with not_found', async () => {
      await assert.rejects(new ActionSource(env.client, { filter: 'all', scope: { kind: 'server', id: 999_999 } }).load(), (e: { code?: string }) => e.code === 'not_found');
    });

    it('resolveNames: one list per kind shown, once; nothing for names the tree has; a deleted resource is not asked again', async () => {
      const source = new ActionSource(env.client, { filter: 'all' }, 50);
      const snap = await source.load();
      const types = new Set(snap.actions.flatMap((a) => a.resources.map((r) => r.type)));
      env.sim.clearRequests();
      assert.equal(await source.resolveNames(snap.actions, () => true), false, 'the tree knows them all');
      assert.equal(env.sim.requests.length, 0);
      assert.equal(await source.resolveNames(snap.actions), true);
      const want = { server: '/servers', floating_ip: '/floating_ips', image: '/images' } as Record<string, string>;
      assert.deepEqual(paths(env.sim).sort(), [...types].map((t) => want[t]).sort(), 'one list per kind of resource shown');
      const web1 = [...env.sim.state.servers.values()].find((s) => s.name === 'web-1')!;
      assert.equal(source.nameOf('server', web1.id), 'web-1');
      env.sim.clearRequests();
      assert.equal(await source.resolveNames(snap.actions), false);
      assert.equal(env.sim.requests.length, 0, 'known now: no request');
      // A resource that no longer exists: looked up once, then left as it is.
      const gone = { ...snap.actions[0], id: 999_001, resources: [{ type: 'server', id: 999_002 }] };
      assert.equal(await source.resolveNames([gone]), false);
      assert.deepEqual(paths(env.sim), ['/servers']);
      env.sim.clearRequests();
      await source.resolveNames([gone]);
      assert.equal(env.sim.requests.length, 0);
      // The panel's next source (another filter) shares what was learned.
      const book = new SourceMemory();
      const first = new ActionSource(env.client, { filter: 'all' }, 25, book);
      await first.resolveNames((await first.load()).actions);
      env.sim.clearRequests();
      const second = new ActionSource(env.client, { filter: 'success' }, 25, book);
      await second.resolveNames((await second.load()).actions);
      assert.deepEqual(paths(env.sim), ['/actions'], 'only the list: the names are known');
    });

    it('update(): an action started elsewhere joins at once; one that leaves the filter leaves the list', async () => {
      const running = new ActionSource(env.client, { filter: 'running' });
      const all = new ActionSource(env.client, { filter: 'all' });
      await running.load();
      await all.load();
      const web2 = [...env.sim.state.servers.values()].find((s) => s.name === 'web-2')!;
      const started = await env.client.servers.changeProtection(web2.id, { delete: false, rebuild: false });
      assert.equal(started.status, 'running');
      assert.equal(running.update([started]).actions[0].id, started.id);
      assert.equal(all.update([started]).actions[0].id, started.id);
      assert.deepEqual(running.runningIds(), [started.id]);
      const [done] = await settle(env, started);
      assert.deepEqual(ids(running.update([done]).actions).includes(done.id), false, 'finished: no longer running');
      assert.equal(all.update([done]).actions[0].status, 'success');
      assert.deepEqual(all.runningIds(), []);
    });
  });

  describe("today's API: the per-kind lists", () => {
    const env = useSimulator({ seed: 'demo' });
    const KIND_LISTS = ['/floating_ips/actions', '/images/actions', '/networks/actions', '/primary_ips/actions', '/servers/actions', '/volumes/actions', '/firewalls/actions'].sort();
    before(async () => {
      await env.client.servers.list({ perPage: 1 }); // the client learns the era from an answer it gets anyway
      assert.equal(env.client.era, '2026');
    });
    beforeEach(() => env.sim.clearRequests());

    it('the era known: one list per kind (servers, Floating IPs, images, volumes, Networks, Primary IPs), merged newest first, no action twice; never GET /actions', async () => {
      const source = new ActionSource(env.client, { filter: 'all' }, 50);
      const snap = await source.load();
      assert.equal(source.lists, 'perKind');
      const want = expected(env.sim, ofKinds);
      assert.ok(want.length > 25, 'the demo history is longer than a page');
      assert.deepEqual(ids(snap.actions), want.slice(0, 50));
      assert.equal(new Set(ids(snap.actions)).size, snap.actions.length, 'no action twice (create_image names a server and an image)');
      const reqs = gets(env.sim);
      assert.deepEqual(reqs.map((r) => r.path).sort(), KIND_LISTS, 'one request per kind');
      for (const r of reqs) {
        assert.equal(r.status, 200);
        assert.deepEqual(r.query.sort, ['started:desc', 'id:desc']);
        assert.deepEqual(r.query.per_page, ['50']);
      }
      console.log(`      requests: first load (per-kind lists) ${reqs.length}`);
      env.sim.clearRequests();
      await source.refresh();
      assert.deepEqual(paths(env.sim).sort(), KIND_LISTS, 'a refresh: page 1 of each list');
    });

    it('the era unknown: GET /actions is refused once (today\'s API), then the per-kind lists; the panel remembers', async () => {
      const fresh = new HcloudClient({ token: env.sim.token, endpoint: env.sim.url, retryBaseMs: 5 });
      try {
        assert.equal(fresh.era, undefined);
        const memory = new SourceMemory();
        const snap = await new ActionSource(fresh, { filter: 'all' }, 25, memory).load();
        assert.deepEqual(ids(snap.actions), expected(env.sim, ofKinds).slice(0, 25));
        const [refused, ...rest] = gets(env.sim);
        assert.equal(refused.path, '/actions');
        assert.ok(refused.status >= 400 && refused.status < 500, `refused (${refused.status})`);
        assert.deepEqual(rest.map((r) => r.path).sort(), KIND_LISTS);
        assert.equal(memory.perKind, true);
        env.sim.clearRequests();
        await new ActionSource(fresh, { filter: 'error' }, 25, memory).load();
        assert.deepEqual(paths(env.sim).sort(), KIND_LISTS, 'the next source of the panel goes straight to the per-kind lists');
      } finally {
        fresh.dispose();
      }
    });

    it('pages through merged lists: each page is the next part of the full order, nothing missed or doubled', async () => {
      const db = [...env.sim.state.servers.values()].find((s) => s.name === 'db-main')!;
      await addActions(env, db.id, 8); // a longer servers list than the others
      const want = expected(env.sim, ofKinds);
      const source = new ActionSource(env.client, { filter: 'all' }, 4);
      let snap = await source.load();
      let pages = 1;
      assert.deepEqual(ids(snap.actions), want.slice(0, 4));
      while (snap.hasMore) {
        snap = await source.loadOlder();
        pages++;
        assert.deepEqual(ids(snap.actions), want.slice(0, Math.min(want.length, 4 * pages)), `page ${pages}`);
      }
      assert.deepEqual(ids(snap.actions), want);
      const paged = gets(env.sim).filter((r) => r.query.page && r.query.page[0] !== '1');
      assert.ok(paged.length > 0 && paged.every((r) => KIND_LISTS.includes(r.path)), 'older pages from the per-kind lists');
    });

    it('a load whose signal aborts (a newer filter replaced it): its lists stop before their answers, and it rejects with `aborted`', async () => {
      env.sim.setFaults({ latencyMs: 40, match: { path: /\/actions$/ } });
      try {
        const abort = new AbortController();
        const load = new ActionSource(env.client, { filter: 'running' }).load(abort.signal);
        const rejected = assert.rejects(load, (e: unknown) => isHcloudError(e, 'aborted'));
        setTimeout(() => abort.abort(), 15);
        await rejected;
        assert.deepEqual(gets(env.sim).map((r) => [r.path, r.status]).sort(), KIND_LISTS.map((p) => [p, 0]), 'sent, and stopped before an answer');
      } finally {
        env.sim.setFaults({});
      }
    });

    it('Load older and refresh of a replaced load send nothing once its signal has aborted', async () => {
      const source = new ActionSource(env.client, { filter: 'all' }, 4);
      const first = await source.load();
      assert.equal(first.hasMore, true);
      env.sim.clearRequests();
      const abort = new AbortController();
      abort.abort();
      await assert.rejects(source.loadOlder(abort.signal), (e: unknown) => isHcloudError(e, 'aborted'));
      await assert.rejects(source.refresh(abort.signal), (e: unknown) => isHcloudError(e, 'aborted'));
      assert.deepEqual(gets(env.sim), []);
    });

    it('filters by status on the API side: each list with status=', async () => {
      const source = new ActionSource(env.client, { filter: 'error' });
      const snap = await source.load();
      assert.ok(snap.actions.length > 0, 'the demo history has a failed rebuild');
      assert.deepEqual(ids(snap.actions), expected(env.sim, (r) => ofKinds(r) && r.action.status === 'error'));
      const reqs = gets(env.sim);
      assert.equal(reqs.length, KIND_LISTS.length);
      assert.ok(reqs.every((r) => r.query.status?.[0] === 'error'));
    });

    it('a new action shows on top after a refresh; one resource still uses its own endpoint', async () => {
      const source = new ActionSource(env.client, { filter: 'all' });
      await source.load();
      const web1 = [...env.sim.state.servers.values()].find((s) => s.name === 'web-1')!;
      await addActions(env, web1.id, 1);
      env.sim.clearRequests();
      const snap = await source.refresh();
      assert.equal(gets(env.sim).length, KIND_LISTS.length);
      assert.equal(snap.actions[0].command, 'change_protection');
      assert.deepEqual(ids(snap.actions), expected(env.sim, ofKinds).slice(0, 25));
      env.sim.clearRequests();
      const mine = await new ActionSource(env.client, { filter: 'all', scope: { kind: 'server', id: web1.id } }).load();
      assert.deepEqual(paths(env.sim), [`/servers/${web1.id}/actions`]);
      assert.deepEqual(ids(mine.actions), expected(env.sim, (r) => r.action.resources.some((x) => x.type === 'server' && x.id === web1.id)).slice(0, 25));
    });

    it('Networks and Primary IPs: their per-kind lists in the project\'s log, their own endpoints, their names; a deleted Network keeps its name', async () => {
      const net = await env.client.networks.create({ name: 'log-net', ipRange: '10.77.0.0/16' });
      const pip = (await env.client.primaryIps.listAll()).find((p) => !p.autoDelete)!; // protection needs auto_delete off
      const started = [await env.client.networks.changeProtection(net.id, { delete: true }), await env.client.primaryIps.changeProtection(pip.id, { delete: true })];
      await settle(env, started);
      await settle(env, [await env.client.networks.changeProtection(net.id, { delete: false }), await env.client.primaryIps.changeProtection(pip.id, { delete: false })]);
      const memory = new SourceMemory();
      env.sim.clearRequests();
      const all = await new ActionSource(env.client, { filter: 'all' }, 25, memory).load();
      assert.deepEqual(ids(all.actions).slice(0, 4), expected(env.sim, ofKinds).slice(0, 4));
      assert.deepEqual(new Set(all.actions.slice(0, 4).map((a) => a.resources[0].type)), new Set(['network', 'primary_ip']), 'the newest four are theirs');
      for (const path of ['/networks/actions', '/primary_ips/actions']) assert.equal(gets(env.sim).find((r) => r.path === path)?.status, 200, path);

      env.sim.clearRequests();
      const netLog = new ActionSource(env.client, { filter: 'all', scope: { kind: 'network', id: net.id } }, 25, memory);
      const netSnap = await netLog.load();
      const pipSnap = await new ActionSource(env.client, { filter: 'all', scope: { kind: 'primaryIp', id: pip.id } }).load();
      assert.deepEqual(paths(env.sim), [`/networks/${net.id}/actions`, `/primary_ips/${pip.id}/actions`]);
      assert.deepEqual(netSnap.actions.map((a) => a.command), ['change_protection', 'change_protection']);
      assert.deepEqual(ids(pipSnap.actions), expected(env.sim, (r) => r.action.resources.some((x) => x.type === 'primary_ip' && x.id === pip.id)).slice(0, 25));

      env.sim.clearRequests();
      assert.equal(await netLog.resolveNames([...netSnap.actions, ...pipSnap.actions]), true);
      assert.deepEqual(paths(env.sim).sort(), ['/networks', '/primary_ips'], 'one list per kind shown');
      assert.equal(netLog.nameOf('network', net.id), 'log-net');
      assert.equal(netLog.nameOf('primary_ip', pip.id), pip.name);
      await env.client.networks.delete(net.id);
      const after = new ActionSource(env.client, { filter: 'all' }, 25, memory);
      await after.load();
      assert.equal(after.nameOf('network', net.id), 'log-net', 'the panel still names the deleted Network');
    });

    it('getMany (the poll of running actions) works: GET /actions?id= is allowed', async () => {
      const web1 = [...env.sim.state.servers.values()].find((s) => s.name === 'web-1')!;
      const a = await env.client.servers.changeProtection(web1.id, { delete: false, rebuild: false });
      env.sim.clearRequests();
      const fresh = await env.client.actions.getMany([a.id]);
      assert.deepEqual(ids(fresh), [a.id]);
      assert.equal(gets(env.sim).length, 1, 'one request for all running actions');
      await settle(env, a);
    });
  });
});
