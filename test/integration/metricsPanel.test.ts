// The metrics panel inside VS Code against a simulator this suite starts: Show Metrics opens one
// panel per server whose webview (the real page, in code-server's browser) draws what the
// simulator answered; ranges, errors, Retry, CSV export, auto-refresh while hidden, and panels
// restored from a saved state. What the API received is read from sim.requests.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { HcloudClient } from '../../src/api/client';
import type { Server } from '../../src/api/types';
import type { Project } from '../../src/projects/projectStore';
import type { MetricsToWebview } from '../../src/shared/protocol';
import { startSimulator } from '../../src/sim/simulator';
import type { RecordedRequest, Simulator } from '../../src/sim/types';
import type { ResourceNode } from '../../src/tree/resourceNode';
import type { MetricsPanel } from '../../src/webview/metricsPanel';
import { testingApi } from './support/extensionApi';
import { until } from './support/until';
import { ScriptedInput, type Answer } from './support/scriptedInput';

type Api = Awaited<ReturnType<typeof testingApi>>;

const TOKEN = 'metrics-panel-token-5a0c';
const PROJECT = 'metrics-panel';
const SECONDS = { '1h': 3600, '6h': 6 * 3600, '24h': 86_400, '7d': 7 * 86_400, '30d': 30 * 86_400 } as const;

describe('metrics panel', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let api: Api;
  let project: Project;
  let client: HcloudClient;
  let input: ScriptedInput;
  let tmp: string;

  const script = (...answers: Answer[]) => {
    input = new ScriptedInput(answers);
    api.setUserInput(input);
  };
  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args);
  const server = async (name: string): Promise<Server> => {
    const [s] = await client.servers.listAll({ name });
    assert.ok(s, `server ${name} exists`);
    return s;
  };
  const nodeOf = (s: Server): ResourceNode<Server> => ({
    id: `project/${project.id}/server/${s.id}`,
    kind: 'server',
    project,
    resource: s,
    parent: undefined,
    invalidate: () => undefined,
    getTreeItem: () => new vscode.TreeItem(s.name),
    getChildren: async () => [],
  });
  const metricsRequests = (id: number): RecordedRequest[] => sim.requests.filter((r) => r.method === 'GET' && r.path === `/servers/${id}/metrics`);
  /** Seconds between the request's start and end, and its step. */
  const window = (r: RecordedRequest) => ({
    types: r.query.type,
    seconds: (Date.parse(r.query.end[0]) - Date.parse(r.query.start[0])) / 1000,
    step: Number(r.query.step[0]),
  });
  /** Opens the server's panel through the command and waits until its webview drew the data. */
  const open = async (s: Server): Promise<MetricsPanel> => {
    await run('hcloud.server.showMetrics', nodeOf(s));
    const panel = api.metricsPanels.find(project.id, s.id);
    assert.ok(panel, `a metrics panel for ${s.name} is open`);
    await until(`the webview of ${s.name} to report \`rendered\``, () => panel.lastRendered);
    return panel;
  };
  /** Every message the panel posts from now on. */
  const record = (panel: MetricsPanel): MetricsToWebview[] => {
    const posted: MetricsToWebview[] = [];
    panel.onDidPost((m) => posted.push(m));
    return posted;
  };
  const webviewTabs = () =>
    vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('hcloud.metrics'));

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 100 });
    api = await testingApi();
    project = await api.projects.add(PROJECT, sim.url, TOKEN);
    client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
    tmp = mkdtempSync(join(tmpdir(), 'hcloud-metrics-'));
  });

  beforeEach(() => {
    sim.clearRequests();
    sim.setFaults({});
    script();
  });

  afterEach(async () => {
    api.metricsPanels.dispose();
    api.setUserInput(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    api?.setUserInput(undefined);
    if (project) await api.projects.remove(project.id);
    client?.dispose();
    await sim?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('Show Metrics: one request for cpu, disk and network over the last hour (10 s step) and the webview draws five charts', async () => {
    const web1 = await server('web-1');
    const panel = await open(web1);
    const requests = metricsRequests(web1.id);
    assert.equal(requests.length, 1, 'one request for all five charts');
    assert.deepEqual(window(requests[0]), { types: ['cpu,disk,network'], seconds: 3600, step: 10 });
    assert.ok(requests[0].authorized);
    const rendered = panel.lastRendered!;
    assert.equal(rendered.charts, 5);
    assert.equal(rendered.empty, false);
    assert.ok(rendered.samples >= 9 * 300, `nine series of about 360 samples (${rendered.samples})`);
    assert.equal(panel.panel.title, 'Metrics: web-1');
    assert.deepEqual(panel.panelState, { projectId: project.id, target: { kind: 'server', id: web1.id, name: 'web-1' }, range: { kind: 'preset', id: '1h' }, autoRefresh: true });
  });

  it('the webview never gets the token or the API endpoint: not in its page, not in a message', async () => {
    const web1 = await server('web-1');
    const panel = await open(web1);
    const posted = record(panel);
    assert.ok(await panel.receiveForTesting({ type: 'refresh' }));
    await until('the data after Refresh', () => posted.some((m) => m.type === 'data'));
    const seen = panel.panel.webview.html + JSON.stringify(posted);
    assert.ok(!seen.includes(TOKEN), 'the token is not in the page or the messages');
    assert.ok(!seen.includes(sim.url), 'the endpoint is not in the page or the messages');
  });

  it('a new server without samples yet: the webview shows the empty state', async () => {
    const web2 = await server('web-2');
    // As if it was created this very moment: the simulator has no sample after its creation yet.
    const wire = sim.state.servers.get(web2.id);
    assert.ok(wire);
    const created = wire.created;
    wire.created = new Date(Date.now() + 60_000).toISOString();
    try {
      const panel = await open(web2);
      assert.deepEqual(panel.lastRendered, { type: 'rendered', charts: 0, samples: 0, ms: panel.lastRendered!.ms, empty: true });
      assert.equal(metricsRequests(web2.id).length, 1);
    } finally {
      wire.created = created;
    }
  });

  it('a second Show Metrics reveals the open panel instead of opening another', async () => {
    const web1 = await server('web-1');
    const panel = await open(web1);
    await run('workbench.action.files.newUntitledFile');
    await until('the panel to be hidden behind the new editor', () => !panel.visible);
    await run('hcloud.server.showMetrics', nodeOf(web1));
    assert.equal(api.metricsPanels.find(project.id, web1.id), panel, 'the same panel');
    assert.equal(api.metricsPanels.size, 1);
    await until('the panel to be revealed', () => panel.visible);
    assert.equal(webviewTabs().length, 1, 'one metrics tab');
  });

  it('from the palette it asks for the server', async () => {
    const answers: Answer[] = api.projects.list().length > 1 ? [{ quickPick: PROJECT }] : [];
    script(...answers, { quickPick: 'web-2' });
    await run('hcloud.server.showMetrics');
    const web2 = await server('web-2');
    const panel = api.metricsPanels.find(project.id, web2.id);
    assert.ok(panel, 'the panel of the picked server');
    await until('the webview to draw', () => panel.lastRendered);
    assert.equal(input.remaining, 0);
  });

  it('changing the range sends a new request with the matching start, end and step', async () => {
    const web1 = await server('web-1');
    const panel = await open(web1);
    sim.clearRequests();
    panel.lastRendered = undefined;
    assert.ok(await panel.receiveForTesting({ type: 'setRange', range: { kind: 'preset', id: '7d' } }));
    await until('the 7-day data to be drawn', () => panel.lastRendered);
    assert.deepEqual(metricsRequests(web1.id).map(window), [{ types: ['cpu,disk,network'], seconds: 7 * 86_400, step: 1800 }]);
    assert.equal(panel.panelState.autoRefresh, false, 'no auto-refresh by default beyond 24 hours');
    assert.equal(panel.autoRefreshScheduled, false);

    // A custom window: exactly the asked start and end, step 60 s for 6 hours.
    sim.clearRequests();
    panel.lastRendered = undefined;
    const end = Math.floor(Date.now() / 1000) - 2 * 86_400;
    const start = end - 6 * 3600;
    await panel.receiveForTesting({ type: 'setRange', range: { kind: 'custom', start, end } });
    await until('the custom range to be drawn', () => panel.lastRendered);
    const [r] = metricsRequests(web1.id);
    assert.equal(Date.parse(r.query.start[0]), start * 1000);
    assert.equal(Date.parse(r.query.end[0]), end * 1000);
    assert.equal(r.query.step[0], '60');
  });

  it('five quick range changes: each stops the request before it; only the last range is answered and drawn (issue 10, finding 6)', async () => {
    const web1 = await server('web-1');
    const panel = await open(web1);
    const posted = record(panel);
    // Far longer than the five changes take even on a loaded machine (at 100 ms the first was answered once in CI).
    sim.setFaults({ latencyMs: 1500, match: { path: /\/metrics$/ } });
    sim.clearRequests();
    panel.lastRendered = undefined;
    const ranges = ['6h', '24h', '7d', '30d', '6h'] as const;
    for (const id of ranges) {
      void panel.receiveForTesting({ type: 'setRange', range: { kind: 'preset', id } });
      await new Promise((r) => setTimeout(r, 40)); // its request is (usually) sent, and far from answered
    }
    await until('the last range drawn', () => panel.lastRendered);
    const requests = metricsRequests(web1.id);
    const answered = requests.filter((r) => r.status !== 0).map((r) => window(r).seconds);
    assert.deepEqual(answered, [SECONDS['6h']], `only the last range is answered (${requests.length - answered.length} replaced requests stopped on their way)`);
    assert.equal(window(requests[requests.length - 1]).seconds, SECONDS['6h']);
    const data = posted.filter((m) => m.type === 'data');
    assert.equal(data.length, 1, 'one data message: the last range');
    assert.equal(data[0].type === 'data' && data[0].end - data[0].start, 6 * 3600);
    assert.deepEqual(panel.panelState.range, { kind: 'preset', id: '6h' });
  });

  it('an API error shows the API\'s message and Retry loads again', async () => {
    const web1 = await server('web-1');
    const panel = await open(web1);
    const posted = record(panel);
    sim.setFaults({ failNext: 1, statuses: [403], match: { path: /\/metrics$/ } });
    await panel.receiveForTesting({ type: 'refresh' });
    const error = await until('an error message to the webview', () => posted.find((m) => m.type === 'error'));
    assert.deepEqual(error, { type: 'error', message: 'Loading the metrics of "web-1" failed: simulated fault: HTTP 403 (forbidden)', canRetry: true });
    panel.lastRendered = undefined;
    sim.clearRequests();
    await panel.receiveForTesting({ type: 'refresh' }); // the Retry button posts `refresh`
    await until('the data after Retry', () => panel.lastRendered);
    assert.equal(metricsRequests(web1.id).length, 1);
    assert.equal(posted.at(-1)?.type, 'data');
  });

  it('Export CSV writes the shown data through the save dialog: header and one row per sample', async () => {
    const web1 = await server('web-1');
    const panel = await open(web1);
    const file = join(tmp, 'web-1.csv');
    script({ pickSaveLocation: file }, { offer: 'Open' });
    await panel.receiveForTesting({ type: 'exportCsv' });
    const lines = readFileSync(file, 'utf8').split('\r\n');
    assert.equal(
      lines[0],
      'time,cpu,disk.0.iops.read,disk.0.iops.write,disk.0.bandwidth.read,disk.0.bandwidth.write,network.0.pps.in,network.0.pps.out,network.0.bandwidth.in,network.0.bandwidth.out',
    );
    const samples = panel.lastMetrics!.series.cpu.timestamps.length;
    assert.equal(lines.length, samples + 2, 'header, one line per sample, and the final CRLF');
    assert.match(lines[1], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ(,[\d.]+){9}$/);
    assert.deepEqual(input.prompts.map((p) => [p.kind, p.title]), [['pickSaveLocation', 'Export Metrics of "web-1" as CSV']]);
    assert.deepEqual(input.messages, [{ level: 'info', text: 'Exported the metrics of "web-1" to web-1.csv.', buttons: ['Open'] }]);
    // Open shows the file in an editor.
    const editor = await until('the CSV in an editor', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.fsPath === file));
    assert.equal(editor.document.lineAt(0).text, lines[0]);
    await run('workbench.action.closeActiveEditor');
  });

  it('a server the tree shows as not running: the data message names its status (the page notes it); a running one\'s does not', async () => {
    const statusOf = async (name: string) => {
      const s = await server(name);
      assert.ok(await api.tree.findResourceNode(project.id, 'server', s.id), `the tree shows ${name}`);
      const panel = await open(s);
      const posted = record(panel);
      await panel.fetch();
      const data = posted.find((m) => m.type === 'data');
      assert.ok(data?.type === 'data', `a data message for ${name}`);
      return data.notRunning;
    };
    assert.equal(await statusOf('ci-runner'), 'off');
    assert.equal(await statusOf('web-1'), undefined);
  });

  it('auto-refresh stops while the panel is hidden and resumes with a fresh fetch when it shows again', async () => {
    const web1 = await server('web-1');
    const panel = await open(web1);
    await until('the next refresh to be scheduled', () => panel.autoRefreshScheduled);
    await run('workbench.action.files.newUntitledFile');
    await until('the panel to be hidden', () => !panel.visible);
    assert.equal(panel.autoRefreshScheduled, false, 'no timer while hidden');
    sim.clearRequests();
    panel.lastRendered = undefined;
    panel.panel.reveal();
    await until('fresh data after showing again', () => panel.lastRendered);
    assert.equal(metricsRequests(web1.id).length, 1, 'one fresh request');
    await until('auto-refresh to resume', () => panel.autoRefreshScheduled);
  });

  it('a restored panel whose server is gone says so; an invalid saved state closes the panel', async () => {
    const posted: MetricsToWebview[] = [];
    const webview = vscode.window.createWebviewPanel('hcloud.metrics', 'restored', vscode.ViewColumn.Active, {});
    api.metricsPanels.restore(webview, { projectId: project.id, serverId: 987_654, serverName: 'gone-1', range: { kind: 'preset', id: '6h' }, autoRefresh: true });
    const panel = api.metricsPanels.find(project.id, 987_654);
    assert.ok(panel);
    panel.onDidPost((m) => posted.push(m));
    const error = await until('the error state', () => posted.find((m) => m.type === 'error'));
    assert.deepEqual(error, { type: 'error', message: `Server "gone-1" (ID 987654) no longer exists in project "${PROJECT}".`, canRetry: false });
    assert.equal(panel.panel.title, 'Metrics: gone-1');
    assert.equal(panel.autoRefreshScheduled, false, 'no polling for a server that is gone');

    const invalid = vscode.window.createWebviewPanel('hcloud.metrics', 'broken', vscode.ViewColumn.Active, {});
    let closed = false;
    invalid.onDidDispose(() => (closed = true));
    api.metricsPanels.restore(invalid, { projectId: project.id, serverId: 'x' });
    assert.equal(closed, true);
    assert.equal(api.metricsPanels.size, 1);
  });
});
