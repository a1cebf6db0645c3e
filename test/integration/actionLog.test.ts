// The action log inside VS Code against simulators this suite starts (today's API, and the 2018
// contract for one project): Show Action Log lists the project's actions newest first from the
// per-kind lists (GET /servers/actions, /floating_ips/actions, /images/actions, /volumes/actions, /networks/actions,
// /primary_ips/actions, /firewalls/actions; never the unfiltered
// GET /actions once the era is known), or from GET /actions on the 2018 API; an action started from
// the extension shows at once and then finishes, filter and paging ask the API what they should,
// Show Actions of one server, a Network and a Primary IP, reveal in the tree, and a restored panel of a removed project.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HcloudClient } from '../../src/api/client';
import type { Server } from '../../src/api/types';
import type { Project } from '../../src/projects/projectStore';
import { ACTION_LOG_VIEW_TYPE, type ActionLogScope, type ActionLogView } from '../../src/shared/actionLogProtocol';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import type { ResourceNode } from '../../src/tree/resourceNode';
import type { ActionLogPanel } from '../../src/webview/actionLogPanel';
import { testingApi } from './support/extensionApi';
import { until } from './support/until';
import { ScriptedInput, type Answer } from './support/scriptedInput';

type Api = Awaited<ReturnType<typeof testingApi>>;

const TOKEN = 'action-log-token-5d1e';
const PROJECT = 'action-log';
const OLD_PROJECT = 'action-log-2018';
/** The per-kind lists of today's API. */
const KIND_LISTS = ['/certificates/actions', '/firewalls/actions', '/floating_ips/actions', '/images/actions', '/load_balancers/actions', '/networks/actions', '/primary_ips/actions', '/servers/actions', '/volumes/actions'];
const isKindList = (r: { path: string }) => KIND_LISTS.includes(r.path);
/** The unfiltered list (refused by today's API); `GET /actions?id=` (the poll) is not it. */
const isUnfiltered = (r: { path: string; query: Record<string, string[]> }) => r.path === '/actions' && !r.query.id;
/** Actions the per-kind lists hold: those of a server, a Floating IP, an image, a volume, a Network or a Primary IP. */
const ofKinds = (r: { action: { resources: Array<{ type: string }> } }) =>
  r.action.resources.some((x) => ['server', 'floating_ip', 'image', 'volume', 'network', 'primary_ip', 'certificate', 'load_balancer', 'firewall'].includes(x.type));

describe('action log', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let old: Simulator;
  /**
   * While set, the simulator's clock stands still at this time, so an action started then stays
   * running: on a loaded machine a refresh of the log can take longer than the 600 ms action.
   */
  let heldAt: number | undefined;
  let api: Api;
  let project: Project;
  let oldProject: Project;
  let client: HcloudClient;

  const script = (...answers: Answer[]) => {
    const input = new ScriptedInput(answers);
    api.setUserInput(input);
    return input;
  };
  const projectAnswer = (name = PROJECT): Answer[] => (api.projects.list().length > 1 ? [{ quickPick: name }] : []);
  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args);
  /** The simulator's actions newest first (optionally only those `keep` accepts). */
  const newest = (s: Simulator, keep: (r: { action: { status: string; resources: Array<{ type: string; id: number }> } }) => boolean = () => true) =>
    [...s.state.actions.values()]
      .filter(keep)
      .sort((a, b) => b.startedMs - a.startedMs || b.action.id - a.action.id)
      .map((r) => r.action.id);
  const server = (name: string): Server => {
    const s = [...sim.state.servers.values()].find((x) => x.name === name);
    assert.ok(s, `server ${name}`);
    return { id: s.id, name: s.name, status: s.status } as unknown as Server;
  };
  const serverNode = async (name: string): Promise<ResourceNode<Server>> => {
    const [s] = await client.servers.listAll({ name });
    return { id: `project/${project.id}/server/${s.id}`, kind: 'server', project, resource: s, parent: undefined, invalidate: () => undefined, getTreeItem: () => new vscode.TreeItem(s.name), getChildren: async () => [] };
  };
  /** Every state the panel posts to its webview from now on. */
  const record = (panel: ActionLogPanel) => {
    const views: ActionLogView[] = [];
    const sub = panel.onDidPost((m) => views.push(m.view));
    return { views, dispose: () => sub.dispose() };
  };
  /** The panel once it shows a list (its webview said `ready` and got the state). */
  const readyPanel = async (projectId: string, scope?: ActionLogScope): Promise<ActionLogPanel> => {
    const panel = await until('the panel', () => api.actionLogs.get(projectId, scope));
    await until('the list', () => panel.current.phase === 'ready' && panel.ready && !panel.current.loadingMore);
    await panel.idle(); // resource names looked up
    return panel;
  };
  const closeAll = async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  };

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 600, now: () => heldAt ?? Date.now() });
    old = await startSimulator({ token: TOKEN, actionMs: 100, api: '2018' });
    api = await testingApi();
    project = await api.projects.add(PROJECT, sim.url, TOKEN);
    oldProject = await api.projects.add(OLD_PROJECT, old.url, TOKEN);
    client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
    // The tree's servers list tells the project's client which API it talks to (as when a user opened it).
    const [anyServer] = await client.servers.listAll();
    assert.ok(await api.tree.findResourceNode(project.id, 'server', anyServer.id));
  });

  beforeEach(() => {
    sim.clearRequests();
    old.clearRequests();
  });

  afterEach(async () => {
    api.setUserInput(undefined);
    await closeAll();
  });

  after(async () => {
    api.setUserInput(undefined);
    // The reveal showed the Hetzner Cloud view: hide it again, so its periodic refresh does not
    // send requests into the suites that follow (they count what the API receives).
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    if (project) await api.projects.remove(project.id);
    if (oldProject) await api.projects.remove(oldProject.id);
    client?.dispose();
    await sim?.close();
    await old?.close();
  });

  it('registers the four commands package.json contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const c of ['hcloud.project.showActionLog', 'hcloud.server.showActions', 'hcloud.floatingIp.showActions', 'hcloud.image.showActions']) assert.ok(registered.has(c), c);
  });

  it('the webview never gets the token or the API endpoint: not in its page, not in a message', async () => {
    script(...projectAnswer());
    await run('hcloud.project.showActionLog');
    const panel = await readyPanel(project.id);
    const posted: unknown[] = [];
    const sub = panel.onDidPost((m) => posted.push(m));
    try {
      sim.clearRequests();
      assert.ok(await panel.receiveForTesting({ type: 'refresh' }));
      await until('the list again', () => sim.requests.some(isKindList) && posted.length > 0);
      await panel.idle();
    } finally {
      sub.dispose();
    }
    const seen = panel.panel.webview.html + JSON.stringify(posted);
    assert.ok(!seen.includes(TOKEN), 'the token is not in the page or the messages');
    assert.ok(!seen.includes(sim.url), 'the endpoint is not in the page or the messages');
  });

  it('Show Action Log lists the project\'s actions newest first from the per-kind lists, never GET /actions; a second call reveals the same panel', async () => {
    script(...projectAnswer());
    await run('hcloud.project.showActionLog');
    const panel = await readyPanel(project.id);
    const view = panel.current;
    assert.equal(view.title, `Action log of project "${PROJECT}"`);
    assert.deepEqual(view.actions.map((a) => a.id), newest(sim, ofKinds).slice(0, 25));
    const web1 = server('web-1');
    assert.ok(view.actions.some((a) => a.resources.some((r) => r.type === 'server' && r.id === web1.id && r.label === 'Server "web-1"')), 'resources by name');
    assert.deepEqual(view.actions.flatMap((a) => a.resources).filter((r) => /#\d+$/.test(r.label)), [], 'no resource left as #id');
    const lists = sim.requests.filter(isKindList);
    assert.deepEqual(lists.map((r) => r.path).sort(), KIND_LISTS, 'one request per kind');
    assert.deepEqual(sim.requests.filter(isUnfiltered), [], 'no request to the unfiltered GET /actions: the era is known');
    assert.ok(sim.requests.length <= 2 * KIND_LISTS.length, `the lists and at most one list per kind for names (${sim.requests.map((r) => r.path).join(', ')})`);
    for (const r of lists) assert.deepEqual(r.query.sort, ['started:desc', 'id:desc']);

    script(...projectAnswer());
    await run('hcloud.project.showActionLog');
    assert.equal(api.actionLogs.get(project.id), panel, 'the same panel');
    assert.equal(sim.requests.filter(isKindList).length, KIND_LISTS.length, 'revealing costs no request');
  });

  it('Power Off from the extension shows the action at once (no list request) and then its success', async () => {
    script(...projectAnswer());
    await run('hcloud.project.showActionLog');
    const panel = await readyPanel(project.id);
    const rec = record(panel);
    sim.clearRequests();
    const web1 = server('web-1');
    script({ confirm: true });
    const done = run('hcloud.server.powerOff', await serverNode('web-1'));
    const running = await until('the running action in a posted state', () =>
      rec.views.find((v) => v.actions[0]?.command === 'stop_server' && v.actions[0].status === 'running'),
    );
    assert.deepEqual(running.actions[0].resources.map((r) => [r.type, r.id]), [['server', web1.id]]);
    assert.equal(sim.requests.filter((r) => r.method === 'GET' && (isUnfiltered(r) || isKindList(r))).length, 0, 'shown from the feed, not fetched');
    await done;
    const finished = await until('the success', () => rec.views.find((v) => v.actions[0]?.command === 'stop_server' && v.actions[0].status === 'success'));
    assert.equal(finished.actions[0].id, running.actions[0].id);
    assert.ok(finished.actions[0].finished, 'finished time');
    assert.equal(sim.state.servers.get(web1.id)?.status, 'off');
    rec.dispose();
    // Put it back for the other tests.
    await client.waitForActions(await client.servers.powerOn(web1.id));
  });

  it('an action started elsewhere shows on refresh and is polled (one request per poll) until it finishes', async () => {
    script(...projectAnswer());
    await run('hcloud.project.showActionLog');
    const panel = await readyPanel(project.id);
    const api2 = server('api-staging');
    heldAt = Date.now();
    let started;
    try {
      started = await client.servers.changeProtection(api2.id, { delete: false, rebuild: false });
      sim.clearRequests();
      await panel.receiveForTesting({ type: 'refresh' });
      await panel.idle();
      assert.equal(panel.current.actions[0].id, started.id);
      assert.equal(panel.current.actions[0].status, 'running');
    } finally {
      heldAt = undefined; // the action ends at the next request
    }
    await until('the success', () => panel.current.actions[0].status === 'success', 15_000);
    const polls = sim.requests.filter((r) => r.path === `/actions/${started.id}` || (r.path === '/actions' && r.query.id));
    assert.ok(polls.length >= 1, 'polled the running action');
    assert.deepEqual(sim.requests.filter(isKindList).length, KIND_LISTS.length, 'only the one refresh listed actions (one list per kind)');
    assert.deepEqual(sim.requests.filter(isUnfiltered), []);
  });

  it('a hidden log makes no request; shown again it polls what still runs', async () => {
    script(...projectAnswer());
    await run('hcloud.project.showActionLog');
    const panel = await readyPanel(project.id);
    const target = server('api-staging');
    heldAt = Date.now();
    let started;
    try {
      started = await client.servers.changeProtection(target.id, { delete: false, rebuild: false });
      await panel.receiveForTesting({ type: 'refresh' });
      await panel.idle();
      assert.equal(panel.current.actions[0].status, 'running');
      await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
      await until('the log is hidden', () => !panel.visible);
      // A poll the panel started just before it was hidden may still reach the simulator (seen on a
      // loaded machine): go on once nothing has arrived for half a second.
      for (let n = -1; n !== sim.requests.length;) {
        n = sim.requests.length;
        await new Promise((r) => setTimeout(r, 500));
      }
      sim.clearRequests();
      await new Promise((r) => setTimeout(r, 3000)); // longer than the first poll (2 s)
      assert.deepEqual(sim.requests.map((r) => r.path), [], 'nothing while hidden');
    } finally {
      heldAt = undefined; // the action ends at the next request
    }
    panel.reveal();
    await until('the success after showing it again', () => panel.ready && panel.current.actions[0].status === 'success', 10_000);
    assert.equal(panel.current.actions[0].id, started.id);
    assert.ok(sim.requests.some((r) => r.path === `/actions/${started.id}`), 'polled once shown');
  });

  it('filter and "Load older" send the matching API requests', async () => {
    script(...projectAnswer());
    await run('hcloud.project.showActionLog');
    const panel = await readyPanel(project.id);
    sim.clearRequests();
    assert.ok(await panel.receiveForTesting({ type: 'setFilter', filter: 'error' }));
    await until('the failed actions', () => panel.current.phase === 'ready' && panel.current.panel.filter === 'error');
    assert.deepEqual(sim.requests.map((r) => [r.path, r.query.status]).sort(), KIND_LISTS.map((p) => [p, ['error']]));
    assert.deepEqual(panel.current.actions.map((a) => a.id), newest(sim, (r) => ofKinds(r) && r.action.status === 'error'));
    // The demo's failed rebuild, and its managed certificate whose issuance failed.
    assert.deepEqual([...new Set(panel.current.actions.map((a) => a.error?.code))].sort(), ['action_failed', 'caa_record_does_not_allow_ca']);

    await panel.receiveForTesting({ type: 'setFilter', filter: 'all' });
    await until('all actions', () => panel.current.phase === 'ready' && panel.current.panel.filter === 'all');
    assert.equal(panel.current.actions.length, 25);
    assert.equal(panel.current.hasMore, true, 'the demo has more than 25 actions');
    sim.clearRequests();
    await panel.receiveForTesting({ type: 'loadOlder' });
    await panel.idle();
    assert.ok(sim.requests.length > 0, 'an older page was fetched');
    const seen = sim.requests.map((r) => `${r.path}?page=${r.query.page}`).join(', ');
    assert.ok(sim.requests.filter(isKindList).every((r) => Number(r.query.page?.[0]) >= 2), `older pages of the per-kind lists (${seen})`);
    // Besides them, at most one list for the names of a kind the older page shows first (e.g. the demo's firewalls).
    assert.ok(sim.requests.filter((r) => !isKindList(r)).every((r) => KIND_LISTS.includes(`${r.path}/actions`) && r.query.page?.[0] === '1'), `only name lists besides (${seen})`);
    assert.deepEqual(panel.current.actions.map((a) => a.id), newest(sim, ofKinds).slice(0, 50));
    assert.equal(await panel.receiveForTesting({ type: 'setFilter', filter: 'queued' }), false, 'an invalid message is dropped');
  });

  describe('a newer load replaces one on its way (issue 10, finding 6)', () => {
    afterEach(() => sim.setFaults({}));
    const FILTERS = ['error', 'success', 'running', 'all'] as const;
    /**
     * The project's log, ready; then every action list answers after `latencyMs` (requests counted from
     * here). 800 ms outlasts the steps between a load and the one that replaces it on a loaded machine.
     */
    const slowLog = async (latencyMs: number): Promise<ActionLogPanel> => {
      script(...projectAnswer());
      await run('hcloud.project.showActionLog');
      const panel = await readyPanel(project.id);
      sim.setFaults({ latencyMs, match: { path: new RegExp(`^(${KIND_LISTS.join('|')})$`) } });
      sim.clearRequests();
      return panel;
    };

    it('50 quick filter changes: each stops the lists of the one before, about one answered list per change, and the last filter shows', async () => {
      const panel = await slowLog(100);
      let last: (typeof FILTERS)[number] = 'all';
      for (let i = 0; i < 50; i++) {
        last = FILTERS[i % FILTERS.length];
        void panel.receiveForTesting({ type: 'setFilter', filter: last });
        await new Promise((r) => setTimeout(r, 20)); // long enough for its lists to be sent, far shorter than their latency
      }
      await until('the last filter\'s list', () => panel.current.phase === 'ready' && panel.current.panel.filter === last);
      await panel.idle();
      const lists = sim.requests.filter(isKindList);
      const answered = lists.filter((r) => r.status !== 0);
      const figures = `${lists.length} lists sent, ${answered.length} answered (${answered.filter((r) => r.query.status?.[0] !== last).length} of a replaced filter)`;
      console.log(`      50 filter changes: ${figures}`);
      assert.ok(answered.length <= 50, `at most one answered list per change: ${figures}`);
      assert.ok(answered.filter((r) => r.query.status?.[0] === last).length >= KIND_LISTS.length, `the last filter's lists: ${figures}`);
      assert.deepEqual(panel.current.actions.map((a) => a.id), newest(sim, (r) => ofKinds(r) && r.action.status === last).slice(0, 25));
    });

    it('a filter change while a refresh is on its way: its lists stop and their answers never show', async () => {
      const panel = await slowLog(800);
      void panel.receiveForTesting({ type: 'refresh' });
      await until('the refresh on its way', () => sim.requests.filter(isKindList).length === KIND_LISTS.length);
      await panel.receiveForTesting({ type: 'setFilter', filter: 'error' });
      await until('the failed actions', () => panel.current.phase === 'ready' && panel.current.panel.filter === 'error');
      await panel.idle();
      const refresh = sim.requests.filter((r) => isKindList(r) && !r.query.status);
      assert.deepEqual(refresh.map((r) => r.status), KIND_LISTS.map(() => 0), 'the refresh was stopped before its answers');
      assert.deepEqual(panel.current.actions.map((a) => a.id), newest(sim, (r) => ofKinds(r) && r.action.status === 'error'));
    });

    it('a filter change while "Load older" is on its way: the older pages stop and never show', async () => {
      // The servers' list needs a page 2 (more than 25 actions), whatever ran before.
      const target = server('api-staging');
      while ((await client.servers.listKindActions({ perPage: 25 })).pagination?.nextPage == null) {
        await client.waitForActions(await client.servers.changeProtection(target.id, { delete: false, rebuild: false }));
      }
      const panel = await slowLog(800);
      assert.equal(panel.current.hasMore, true);
      const rec = record(panel);
      try {
        void panel.receiveForTesting({ type: 'loadOlder' });
        await until('an older page on its way', () => sim.requests.some((r) => isKindList(r) && r.query.page?.[0] === '2'));
        await panel.receiveForTesting({ type: 'setFilter', filter: 'error' });
        await until('the failed actions', () => panel.current.phase === 'ready' && panel.current.panel.filter === 'error');
        await panel.idle();
        const older = sim.requests.filter((r) => isKindList(r) && r.query.page?.[0] === '2');
        assert.ok(older.length > 0 && older.every((r) => r.status === 0), `older pages stopped (${older.map((r) => r.status).join(', ')})`);
        assert.ok(rec.views.every((v) => v.actions.length <= 25), 'no view with the older page');
        assert.deepEqual(panel.current.actions.map((a) => a.id), newest(sim, (r) => ofKinds(r) && r.action.status === 'error'));
        assert.equal(panel.current.loadingMore, false);
      } finally {
        rec.dispose();
      }
    });
  });

  it('an API error shows its message; Retry loads the list', async () => {
    await closeAll();
    sim.setFaults({ failNext: 1, statuses: [401], match: { path: /^\/servers\/actions$/ } });
    try {
      script(...projectAnswer());
      await run('hcloud.project.showActionLog');
      const panel = await until('the panel', () => api.actionLogs.get(project.id));
      await until('the error', () => panel.current.phase === 'error');
      assert.match(panel.current.message ?? '', /token/i);
      assert.match(panel.current.message ?? '', /\(unauthorized\)|Update Token/);
      await panel.receiveForTesting({ type: 'refresh' });
      await until('the list', () => panel.current.phase === 'ready');
      assert.equal(panel.current.actions.length, 25);
      assert.equal(panel.current.message, undefined);
    } finally {
      sim.setFaults({});
    }
  });

  it('the 2018 API: the unfiltered GET /actions, one request, no per-kind list', async () => {
    script(...projectAnswer(OLD_PROJECT));
    await run('hcloud.project.showActionLog');
    const panel = await readyPanel(oldProject.id);
    const ids = panel.current.actions.map((a) => a.id);
    assert.deepEqual(ids, newest(old).slice(0, 25));
    const lists = old.requests.filter((r) => r.path.endsWith('/actions'));
    assert.deepEqual(lists.map((r) => [r.path, r.status]), [['/actions', 200]]);
    assert.deepEqual(old.requests.filter(isKindList), []);
    sim.clearRequests();
    old.clearRequests();
    await panel.receiveForTesting({ type: 'refresh' });
    await panel.idle();
    assert.deepEqual(old.requests.filter((r) => r.path.endsWith('/actions')).map((r) => r.path), ['/actions'], 'a refresh is one request');
  });

  it('Show Actions of a server lists only its actions (its own endpoint)', async () => {
    const node = await serverNode('db-main');
    await run('hcloud.server.showActions', node);
    const scope = { kind: 'server', id: node.resource.id } as const;
    const panel = await readyPanel(project.id, scope);
    const mine = newest(sim, (r) => r.action.resources.some((x) => x.type === 'server' && x.id === node.resource.id));
    assert.deepEqual(panel.current.actions.map((a) => a.id), mine.slice(0, 25));
    assert.match(panel.current.title, /^Actions of server "db-main" \(project "action-log"\)$/);
    assert.deepEqual(sim.requests.filter((r) => r.path.includes('/actions')).map((r) => r.path), [`/servers/${node.resource.id}/actions`]);
  });

  it('Show Actions from the palette asks for the project and the Floating IP; an image from its node', async () => {
    const fip = [...sim.state.floatingIps.values()].find((f) => f.description === 'Web Frontend')!;
    const input = script(...projectAnswer(), { quickPick: fip.ip });
    await run('hcloud.floatingIp.showActions');
    assert.equal(input.remaining, 0);
    const panel = await readyPanel(project.id, { kind: 'floatingIp', id: fip.id });
    assert.equal(panel.current.title, `Actions of Floating IP "${fip.ip} (Web Frontend)" (project "${PROJECT}")`);
    assert.deepEqual(panel.current.actions.map((a) => a.command).sort(), ['assign_floating_ip', 'change_protection']);

    const [golden] = await client.images.listAll({ type: 'snapshot' }).then((l) => l.filter((i) => i.description === 'web-1 golden image'));
    const node = { id: `project/${project.id}/image/${golden.id}`, kind: 'image', project, resource: golden, getTreeItem: () => new vscode.TreeItem('x') };
    await run('hcloud.image.showActions', node);
    const imagePanel = await readyPanel(project.id, { kind: 'image', id: golden.id });
    assert.deepEqual(imagePanel.current.actions.map((a) => a.command), ['change_protection', 'create_image']);
    assert.ok(imagePanel.current.actions[1].resources.some((r) => r.type === 'server'), 'Create image names its server too');
  });

  it('Show Actions of a Network (its node) and of a Primary IP (the palette): their own endpoints, plain words, names; their links reveal their nodes', async () => {
    const backend = [...sim.state.networks.values()].find((n) => n.name === 'backend')!;
    const pip = [...sim.state.primaryIps.values()].find((p) => p.name === 'spare-primary-ipv4')!;
    await client.waitForActions(await client.networks.addRoute(backend.id, { destination: '10.200.0.0/24', gateway: '10.0.1.11' }));
    await client.waitForActions(await client.primaryIps.changeDnsPtr(pip.id, pip.ip, 'spare.example.com'));
    sim.clearRequests();

    const [net] = await client.networks.listAll({ name: 'backend' });
    const node = { id: `project/${project.id}/networks/network/${net.id}`, kind: 'network', project, resource: net, getTreeItem: () => new vscode.TreeItem('x') };
    await run('hcloud.network.showActions', node);
    const netPanel = await readyPanel(project.id, { kind: 'network', id: net.id });
    assert.equal(netPanel.current.title, `Actions of network "backend" (project "${PROJECT}")`);
    assert.deepEqual(netPanel.current.actions.map((a) => a.command), ['add_route']);
    assert.deepEqual(netPanel.current.actions[0].resources.map((r) => r.label), ['Network "backend"']);

    const input = script(...projectAnswer(), { quickPick: pip.ip });
    await run('hcloud.primaryIp.showActions');
    assert.equal(input.remaining, 0);
    const pipPanel = await readyPanel(project.id, { kind: 'primaryIp', id: pip.id });
    assert.equal(pipPanel.current.title, `Actions of Primary IP "spare-primary-ipv4" (project "${PROJECT}")`);
    assert.deepEqual(pipPanel.current.actions.map((a) => a.command), ['change_dns_ptr']);
    const wanted = sim.requests.filter((r) => r.path.includes('/actions')).map((r) => r.path);
    assert.deepEqual(wanted, [`/networks/${net.id}/actions`, `/primary_ips/${pip.id}/actions`], 'each from its own list');

    await pipPanel.receiveForTesting({ type: 'reveal', resource: { type: 'primary_ip', id: pip.id } });
    assert.equal(pipPanel.current.notice, undefined);
    await until('the Primary IP selected', () => api.treeView.selection.some((n) => (n as { id?: string }).id === `project/${project.id}/primaryIps/primaryIp/${pip.id}`));
    await netPanel.receiveForTesting({ type: 'reveal', resource: { type: 'network', id: net.id } });
    assert.equal(netPanel.current.notice, undefined);
    await until('the Network selected', () => api.treeView.selection.some((n) => (n as { id?: string }).id === `project/${project.id}/networks/network/${net.id}`));
    await netPanel.receiveForTesting({ type: 'reveal', resource: { type: 'network', id: 987654 } });
    assert.equal(netPanel.current.notice, `Network #987654 no longer exists in project "${PROJECT}".`);
    await client.waitForActions(await client.networks.deleteRoute(backend.id, { destination: '10.200.0.0/24', gateway: '10.0.1.11' }));
  });

  it('a resource link reveals and selects its node in the tree; a deleted one says so', async () => {
    script(...projectAnswer());
    await run('hcloud.project.showActionLog');
    const panel = await readyPanel(project.id);
    const db = server('db-main');
    await panel.receiveForTesting({ type: 'reveal', resource: { type: 'server', id: db.id } });
    await until('the selection', () => api.treeView.selection.some((n) => (n as { id?: string }).id === `project/${project.id}/servers/server/${db.id}`));
    assert.equal(api.treeView.visible, true, 'the view is shown');
    assert.equal(panel.current.notice, undefined);
    await panel.receiveForTesting({ type: 'reveal', resource: { type: 'server', id: 987654 } });
    assert.equal(panel.current.notice, `Server #987654 no longer exists in project "${PROJECT}".`);
  });

  it('the tree finds a resource\'s node: loads its folder once, reloads it for a new resource, undefined for a missing one', async () => {
    const golden = [...sim.state.images.values()].find((i) => i.description === 'web-1 golden image')!;
    const node = await api.tree.findResourceNode(project.id, 'image', golden.id);
    assert.equal(node?.id, `project/${project.id}/images/snapshots/image/${golden.id}`);
    const fip = [...sim.state.floatingIps.values()].find((f) => f.description === 'Spare IPv4')!;
    assert.equal((await api.tree.findResourceNode(project.id, 'floatingIp', fip.id))?.id, `project/${project.id}/floatingIps/floatingIp/${fip.id}`);
    await api.tree.findResourceNode(project.id, 'server', server('web-1').id);
    sim.clearRequests();
    assert.ok(await api.tree.findResourceNode(project.id, 'server', server('web-2').id));
    assert.equal(sim.requests.length, 0, 'a loaded folder that has it: no request');
    const created = await client.servers.create({ name: 'log-new', serverType: 'cx11', image: 'ubuntu-22.04', location: 'fsn1', sshKeys: [] });
    sim.clearRequests();
    const fresh = await api.tree.findResourceNode(project.id, 'server', created.server.id);
    assert.equal(fresh?.id, `project/${project.id}/servers/server/${created.server.id}`);
    assert.deepEqual(sim.requests.map((r) => r.path), ['/servers'], 'the servers folder loaded again');
    assert.equal(await api.tree.findResourceNode(project.id, 'server', 424242), undefined);
    assert.equal(await api.tree.findResourceNode('no-such-project', 'server', created.server.id), undefined);
    await client.waitForActions(created.action);
    await client.waitForActions(await client.servers.delete(created.server.id));
  });

  it('a panel restored after a reload: its project\'s log, or a clear message when the project was removed', async () => {
    const restored = vscode.window.createWebviewPanel(ACTION_LOG_VIEW_TYPE, 'Action Log', vscode.ViewColumn.Active, {});
    api.actionLogs.restore(restored, { projectId: project.id, filter: 'success' });
    const panel = await readyPanel(project.id);
    assert.equal(panel.current.panel.filter, 'success');
    assert.ok(panel.current.actions.length > 0 && panel.current.actions.every((a) => a.status === 'success'));

    const orphan = vscode.window.createWebviewPanel(ACTION_LOG_VIEW_TYPE, 'Action Log', vscode.ViewColumn.Active, {});
    api.actionLogs.restore(orphan, { projectId: 'removed-project-id', filter: 'all' });
    const gone = await until('the gone panel', () => api.actionLogs.get('removed-project-id'));
    assert.equal(gone.current.phase, 'gone');
    assert.match(gone.current.message ?? '', /no longer in the Hetzner Cloud view/);
    api.actionLogs.restore(vscode.window.createWebviewPanel(ACTION_LOG_VIEW_TYPE, 'Action Log', vscode.ViewColumn.Active, {}), 'garbage');
    assert.equal(api.actionLogs.get('')?.current.phase, 'gone', 'an unreadable state is a gone panel, not a crash');
  });
});
