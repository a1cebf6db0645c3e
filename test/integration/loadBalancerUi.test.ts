// Load Balancers in the explorer inside VS Code, against a fresh simulator per test (today's API,
// demo seed): the folder, its rows (targets' health from the simulator's faked health), the
// Services and Targets under a row, Catalog → Load Balancer Types; Create Load Balancer (what the
// API received, the prompts with the price, Back, cancelling sends nothing); Show Metrics of a
// Load Balancer (one request for its four types, the webview draws four charts); and against a
// 2018 project: no folder, and the palette says the API has none.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LoadBalancer, Server } from '../../src/api/types';
import type { MetricsToWebview } from '../../src/shared/protocol';
import type { TreeNode } from '../../src/tree/node';
import { useNounFixture } from './support/nounFixture';
import { until } from './support/until';

const text = (value: unknown) => (typeof value === 'string' ? value : ((value as { value?: string; label?: string })?.value ?? (value as { label?: string })?.label ?? ''));
const item = (n: TreeNode) => n.getTreeItem();
const label = (n: TreeNode) => text(item(n).label);

describe('Load Balancers in the explorer', function () {
  this.timeout(60_000);
  const f = useNounFixture();
  let servers: Server[];
  const server = (name: string) => servers.find((s) => s.name === name)!;
  const named = async (parent: TreeNode | undefined, name: string) => {
    const found = (await f.api.tree.getChildren(parent)).find((n) => label(n) === name);
    assert.ok(found, `${parent?.id ?? 'the tree'} shows ${name}: ${(await f.api.tree.getChildren(parent)).map(label).join(', ')}`);
    return found;
  };
  const root = () => named(undefined, f.project.name);
  /** A Load Balancer in fsn1 with an http service and web-1 (running) and ci-runner (off) as targets, settled. */
  const makeLb = async (name = 'lb-shop'): Promise<LoadBalancer> => {
    const r = await f.client.loadBalancers.create({
      name,
      loadBalancerType: 'lb11',
      location: 'fsn1',
      services: [{ protocol: 'http', listenPort: 80, destinationPort: 8080 }],
      targets: [
        { type: 'server', serverId: server('web-1').id },
        { type: 'server', serverId: server('ci-runner').id },
        { type: 'label_selector', labelSelector: 'tier=db' },
      ],
      labels: { env: 'prod' },
    });
    if (r.action) await f.client.waitForActions([r.action]);
    const lb = (await f.client.loadBalancers.get(r.loadBalancer.id))!;
    f.sim.clearRequests();
    return lb;
  };

  beforeEach(async () => {
    servers = await f.client.servers.listAll();
    f.sim.clearRequests();
  });
  afterEach(async () => {
    f.api.metricsPanels.dispose();
    if (f.api.tree.catalogShown()) await vscode.commands.executeCommand('hcloud.view.hideCatalog');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("the folder lists each Load Balancer with type, location, IPs and its targets' health; Services and Targets under it", async () => {
    const lb = await makeLb();
    const folder = await named(await root(), 'Load Balancers');
    assert.equal(item(folder).contextValue, ';folder;loadBalancers;');
    const row = await named(folder, 'lb-shop');
    assert.equal(row.kind, 'loadBalancer');
    // web-1 and db-main (matched by tier=db) run; ci-runner is off: the simulator calls it unhealthy.
    assert.equal(item(row).description, `lb11 · fsn1 · ${lb.publicNet.ipv4!.ip}, ${lb.publicNet.ipv6!.ip} · 2/3 healthy · 1 unhealthy`);
    assert.equal((item(row).iconPath as vscode.ThemeIcon).id, 'warning', 'a warning icon while a target is unhealthy');
    assert.match(String(item(row).contextValue), /^;loadBalancer;deletable;publicInterface;detached;unhealthy;copyable;labels;$/);
    const tooltip = text(item(row).tooltip);
    assert.match(tooltip, /Algorithm: round robin/);
    assert.match(tooltip, /Price: €6\\\.41\\\/mo \\\(€5\\\.39\\\/mo net/);
    assert.match(tooltip, /Labels: env\\=prod/);

    const groupRows = await f.api.tree.getChildren(row);
    assert.deepEqual(groupRows.map((g) => [label(g), g.kind, item(g).contextValue]), [
      ['Services', 'loadBalancerServices', ';loadBalancerServices;'],
      ['Targets', 'loadBalancerTargets', ';loadBalancerTargets;'],
    ]);
    assert.equal((groupRows[1] as unknown as { resource: LoadBalancer }).resource.id, lb.id, 'Add Target from the Targets row knows its Load Balancer');
    const [service] = await f.api.tree.getChildren(await named(row, 'Services'));
    assert.equal(service.kind, 'loadBalancerService');
    assert.equal(label(service), 'http 80 → 8080');
    assert.equal(item(service).description, 'health: http / every 15s');
    assert.equal(item(service).contextValue, ';loadBalancerService;http;');

    const targets = await f.api.tree.getChildren(await named(row, 'Targets'));
    assert.deepEqual(targets.map((t) => [label(t), item(t).description, item(t).contextValue]), [
      ['web-1', 'healthy on 80', ';loadBalancerTarget;serverTarget;healthy;'],
      ['ci-runner', 'unhealthy on 80', ';loadBalancerTarget;serverTarget;unhealthy;'],
      ['label: tier=db', '1 server · 1/1 healthy', ';loadBalancerTarget;labelSelectorTarget;healthy;'],
    ]);
    assert.equal(targets[0].kind, 'loadBalancerTarget');
    assert.deepEqual((targets[0] as unknown as { resource: { loadBalancer: LoadBalancer } }).resource.loadBalancer.id, lb.id);
    const matched = await f.api.tree.getChildren(targets[2]);
    assert.deepEqual(matched.map((m) => [label(m), item(m).description]), [['db-main', 'healthy on 80']]);
    assert.deepEqual(f.sim.requests.filter((r) => r.path.startsWith('/load_balancers')).map((r) => `${r.method} ${r.path}`), ['GET /load_balancers'], 'one list, nothing per row');
  });

  it('Power On of a target server marks the Load Balancers folder stale (listed when the budget allows, no new polling); listed, the target is healthy', async () => {
    await makeLb();
    const folder = await named(await root(), 'Load Balancers');
    assert.match(String(item(await named(folder, 'lb-shop')).description), /1 unhealthy/);
    const ciRunner = await named(await named(await root(), 'Servers'), 'ci-runner');
    const policy = f.api.tree.policy;
    const marked: string[] = [];
    const original = policy.folderStale.bind(policy);
    policy.folderStale = (key: string) => {
      marked.push(key);
      original(key);
    };
    try {
      f.script();
      await vscode.commands.executeCommand('hcloud.server.powerOn', ciRunner);
      await until('the server row to show it running', () => (ciRunner as unknown as { server: Server }).server.status === 'running');
      assert.deepEqual(marked, [folder.id], 'the Load Balancers folder, once');
    } finally {
      policy.folderStale = original;
    }
    // Web-2 is no target: powering it off marks nothing.
    await f.client.waitForActions([await f.client.servers.powerOff(server('web-2').id)]);
    f.api.tree.refresh(folder);
    await until('the row to show every target healthy', async () => /3\/3 healthy$/.test(String(item(await named(folder, 'lb-shop')).description)));
    assert.equal((item(await named(folder, 'lb-shop')).iconPath as vscode.ThemeIcon).id, 'server-environment');
  });

  it('Catalog → Load Balancer Types: limits and the monthly price', async () => {
    await vscode.commands.executeCommand('hcloud.view.showCatalog');
    const types = await f.api.tree.getChildren(await named(await named(await root(), 'Catalog'), 'Load Balancer Types'));
    assert.deepEqual(types.map(label), ['lb11', 'lb21', 'lb31']);
    assert.equal(item(types[0]).description, '10000 connections · 5 services · 25 targets · 10 certificates · €6.41/mo');
    assert.match(text(item(types[0]).tooltip), /fsn1\\: €6\\\.41\\\/mo \\\(€5\\\.39\\\/mo net\\, €0\\\.0095\\\/h\\\)/);
  });

  it('Create Load Balancer: every step, the price in the type step and the summary, one POST; the action is followed', async () => {
    const web1 = server('web-1');
    const input = f.script(
      { stepInputBox: 'lb-new' },
      { stepQuickPick: 'fsn1' },
      { stepQuickPick: 'lb11' },
      { stepQuickPick: 'least connections' },
      { stepQuickPick: 'No network' },
      { stepQuickPick: 'Servers' },
      { stepQuickPickMany: ['web-1'] },
      { stepQuickPick: 'http 80 → 80' },
      { stepQuickPick: 'Create' },
    );
    const created = (await vscode.commands.executeCommand('hcloud.loadBalancer.create')) as LoadBalancer;
    assert.equal(input.remaining, 0);
    assert.deepEqual(f.changes(), [
      {
        method: 'POST',
        path: '/load_balancers',
        body: {
          name: 'lb-new',
          load_balancer_type: 'lb11',
          location: 'fsn1',
          algorithm: { type: 'least_connections' },
          targets: [{ type: 'server', server: { id: web1.id }, use_private_ip: false }],
          services: [{ protocol: 'http', listen_port: 80, destination_port: 80 }],
        },
      },
    ]);
    const typeStep = input.prompts.find((p) => p.title === 'Create Load Balancer (3/8)')!;
    assert.deepEqual(typeStep.items, ['lb11', 'lb21', 'lb31']);
    assert.match(typeStep.descriptions![0] ?? '', /^10000 connections · 5 services · 25 targets · €6\.41\/mo/);
    const targets = input.prompts.find((p) => p.kind === 'stepQuickPickMany')!;
    assert.ok(targets.items!.includes('web-1') && targets.items!.includes('ci-runner') && !targets.items!.includes('web-2'), `servers of fsn1 only: ${targets.items!.join(', ')}`);
    const summary = input.prompts[input.prompts.length - 1];
    assert.equal(summary.placeHolder, 'Create "lb-new" in fsn1 for €6.41/mo?');
    assert.ok(summary.items!.includes('Price: €6.41/mo (€5.39/mo net, €0.0095/h)'), summary.items!.join(' | '));
    assert.ok(summary.items!.includes('Targets: "web-1"'));
    const state = f.sim.state.loadBalancers.get(created.id)!;
    assert.deepEqual([state.name, state.load_balancer_type.name, state.algorithm.type, state.targets.length, state.services.length], ['lb-new', 'lb11', 'least_connections', 1, 1]);
    assert.match(f.messages('info')[0], /^Load Balancer "lb-new" created in fsn1 \(lb11, €6\.41\/mo\), IPv4 /);
  });

  it('Create Load Balancer: Back changes an answer, invalid input is refused with a reason, and cancelling sends nothing', async () => {
    await makeLb('taken');
    const input = f.script({ stepInputBox: 'taken' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.create');
    assert.equal(input.prompts[0].validation, 'A Load Balancer named "taken" exists already.');
    // https with no certificate ticked says why and asks again; tcp ports are checked.
    const second = f.script(
      { stepInputBox: 'lb-tcp' },
      { stepQuickPick: 'fsn1' },
      { stepQuickPick: 'lb21' },
      { back: true },
      { stepQuickPick: 'lb11' },
      { stepQuickPick: 'round robin' },
      { stepQuickPick: 'No network' },
      { stepQuickPick: 'Label selector' },
      { stepInputBox: 'env=production' },
      { stepQuickPick: 'https' },
      { stepQuickPickMany: [] },
      { stepQuickPick: 'tcp' },
      { stepInputBox: '99999' },
    );
    await vscode.commands.executeCommand('hcloud.loadBalancer.create');
    assert.equal(second.remaining, 0);
    assert.deepEqual(second.messages.map((m) => m.text), ['An https service needs at least one certificate.']);
    assert.equal(second.prompts[second.prompts.length - 1].validation, 'A port is a whole number from 1 to 65535.');
    assert.deepEqual(f.changes(), [], 'nothing sent');
    // Back on the summary, then cancel: nothing sent either.
    f.script(
      { stepInputBox: 'lb-tcp' },
      { stepQuickPick: 'nbg1' },
      { stepQuickPick: 'lb11' },
      { stepQuickPick: 'round robin' },
      { stepQuickPick: 'No network' },
      { stepQuickPick: 'No targets' },
      { stepQuickPick: 'tcp' },
      { stepInputBox: '5432:6432' },
      { stepQuickPick: 'Back' },
      { stepQuickPick: undefined },
    );
    await vscode.commands.executeCommand('hcloud.loadBalancer.create');
    assert.equal(f.input.remaining, 0);
    assert.deepEqual(f.changes(), []);
  });

  it('Create Load Balancer with an https service: its certificates by name, redirect, a Network of the zone and a label selector', async () => {
    const certs = await f.client.certificates.listAll();
    const upload = certs.find((c) => c.name === 'demo-upload')!;
    const backend = (await f.client.networks.listAll()).find((n) => n.name === 'backend')!;
    const input = f.script(
      { stepInputBox: 'lb-tls' },
      { stepQuickPick: 'nbg1' },
      { stepQuickPick: 'lb11' },
      { stepQuickPick: 'round robin' },
      { stepQuickPick: 'backend' },
      { stepQuickPick: 'Label selector' },
      { stepInputBox: 'tier=web' },
      { stepQuickPick: 'https' },
      { stepQuickPickMany: ['demo-upload'] },
      { stepQuickPick: 'Redirect http to https' },
      { stepQuickPick: 'Create' },
    );
    await vscode.commands.executeCommand('hcloud.loadBalancer.create');
    assert.equal(input.remaining, 0);
    const certStep = input.prompts.find((p) => p.kind === 'stepQuickPickMany')!;
    assert.deepEqual(certStep.items?.slice().sort(), certs.map((c) => c.name).sort());
    assert.deepEqual(f.changes(), [
      {
        method: 'POST',
        path: '/load_balancers',
        body: {
          name: 'lb-tls',
          load_balancer_type: 'lb11',
          location: 'nbg1',
          algorithm: { type: 'round_robin' },
          network: backend.id,
          targets: [{ type: 'label_selector', label_selector: { selector: 'tier=web' } }],
          services: [{ protocol: 'https', listen_port: 443, destination_port: 80, http: { certificates: [upload.id], redirect_http: true } }],
        },
      },
    ]);
    assert.ok(input.prompts[input.prompts.length - 1].items!.includes('Service: https 443 → 80 with "demo-upload", redirecting http'));
  });

  it("Show Metrics of a Load Balancer: one request for its four types; the webview draws four charts; a second run reveals the same panel", async () => {
    const lb = await makeLb();
    // A Load Balancer that has run for a day (the simulator has samples from its creation on).
    f.sim.state.loadBalancers.get(lb.id)!.created = new Date(Date.now() - 86_400_000).toISOString();
    f.script();
    await vscode.commands.executeCommand('hcloud.loadBalancer.showMetrics', f.node('loadBalancer', lb));
    const panel = f.api.metricsPanels.find(f.project.id, lb.id, 'loadBalancer');
    assert.ok(panel, 'a metrics panel for the Load Balancer');
    assert.equal(f.api.metricsPanels.find(f.project.id, lb.id), undefined, 'not the panel of a server with that id');
    await until('the webview to report `rendered`', () => panel.lastRendered);
    const requests = f.sim.requests.filter((r) => r.path === `/load_balancers/${lb.id}/metrics`);
    assert.equal(requests.length, 1);
    assert.deepEqual(requests[0].query.type, ['open_connections,connections_per_second,requests_per_second,bandwidth']);
    assert.deepEqual({ charts: panel.lastRendered!.charts, empty: panel.lastRendered!.empty }, { charts: 4, empty: false });
    assert.equal(panel.panel.title, 'Metrics: lb-shop');
    assert.deepEqual(panel.panelState.target, { kind: 'loadBalancer', id: lb.id, name: 'lb-shop' });
    // From the palette: the Load Balancer is picked; its panel is revealed, not opened twice.
    f.script({ quickPick: 'lb-shop' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.showMetrics');
    assert.equal(f.api.metricsPanels.find(f.project.id, lb.id, 'loadBalancer'), panel);
    assert.equal(f.api.metricsPanels.size, 1);
  });

  it('a Load Balancer gone since: the panel says so, without Retry', async () => {
    const lb = await makeLb();
    await f.client.loadBalancers.delete(lb.id);
    f.script();
    await vscode.commands.executeCommand('hcloud.loadBalancer.showMetrics', f.node('loadBalancer', lb));
    const panel = f.api.metricsPanels.find(f.project.id, lb.id, 'loadBalancer')!;
    const posted: MetricsToWebview[] = [];
    panel.onDidPost((m) => posted.push(m));
    // The webview gets the error when it says `ready`.
    const error = await until('the error state', () => posted.find((m) => m.type === 'error'));
    assert.deepEqual(error, { type: 'error', message: `Load Balancer "lb-shop" (ID ${lb.id}) no longer exists in project "${f.project.name}".`, canRetry: false });
    assert.equal(panel.autoRefreshScheduled, false, 'no polling for a Load Balancer that is gone');
  });
});

describe('Load Balancers against the 2018 API', function () {
  this.timeout(30_000);
  const f = useNounFixture('2018');

  it('no Load Balancers folder, and the palette says the API has none', async () => {
    const root = (await f.api.tree.getChildren()).find((n) => label(n) === f.project.name)!;
    assert.ok(!(await f.api.tree.getChildren(root)).some((n) => label(n) === 'Load Balancers'));
    await f.assertNoFamily(['hcloud.loadBalancer.create', 'hcloud.loadBalancer.showMetrics'], 'Load Balancers', (p) => p.startsWith('/load_balancer'));
  });
});
