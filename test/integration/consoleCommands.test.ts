// Open Console inside VS Code against a simulator this suite starts: one request_console, a panel
// whose page (the real noVNC page in code-server's browser) connects through the relay to the
// simulator's own RFB server and reports `connected`; a second run reveals it; Reconnect makes a
// new request; the palette offers running servers only; an API error shows its message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HcloudClient } from '../../src/api/client';
import type { Server } from '../../src/api/types';
import type { Project } from '../../src/projects/projectStore';
import type { ConsoleToWebview } from '../../src/shared/protocol';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import type { ResourceNode } from '../../src/tree/resourceNode';
import type { ConsolePanel } from '../../src/webview/consolePanel';
import { testingApi } from './support/extensionApi';
import { ScriptedInput, type Answer } from './support/scriptedInput';
import { until } from './support/until';

type Api = Awaited<ReturnType<typeof testingApi>>;

const TOKEN = 'console-panel-token-7c21';
const PROJECT = 'console-panel';

describe('console panel', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let api: Api;
  let project: Project;
  let client: HcloudClient;
  let input: ScriptedInput;

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
  const consoleRequests = () => sim.requests.filter((r) => r.method === 'POST' && /^\/servers\/\d+\/actions\/request_console$/.test(r.path));
  const connected = (panel: ConsolePanel) => until(() => `the console of ${panel.target.serverName} to connect (${JSON.stringify(panel.state)})`, () => panel.state.state === 'connected');

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 50, consoleLifetimeMs: 20_000 });
    api = await testingApi();
    project = await api.projects.add(PROJECT, sim.url, TOKEN);
    client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
  });

  beforeEach(() => {
    sim.clearRequests();
    sim.setFaults({});
    script();
  });

  afterEach(async () => {
    api.consolePanels.dispose();
    api.setUserInput(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    api?.setUserInput(undefined);
    if (project) await api.projects.remove(project.id);
    client?.dispose();
    await sim?.close();
  });

  it('Open Console: one request_console, the page connects; a second run reveals it; Reconnect requests again; closing ends the session', async () => {
    const web1 = await server('web-1');
    await run('hcloud.server.openConsole', nodeOf(web1));
    const panel = api.consolePanels.find(project.id, web1.id);
    assert.ok(panel, 'a console panel for web-1 is open');
    const posted: ConsoleToWebview[] = [];
    panel.onDidPost((m) => posted.push(m));
    await connected(panel);
    assert.equal(consoleRequests().length, 1);
    assert.equal(panel.panel.title, 'Console: web-1');
    assert.equal(panel.state.detail, 'Connected to web-1. Click the screen to type on it.');
    assert.ok(panel.socketOpen);

    await run('hcloud.server.openConsole', nodeOf(web1));
    assert.equal(consoleRequests().length, 1, 'the open panel is revealed, no new request');
    assert.equal(api.consolePanels.find(project.id, web1.id), panel);
    assert.equal(api.consolePanels.size, 1);

    // Reconnect (the page's button posts `reconnect`): a new request, a new session that connects.
    await panel.receiveForTesting({ type: 'reconnect' });
    await until('a second request_console', () => consoleRequests().length === 2);
    await connected(panel);
    const sessions = posted.flatMap((m) => (m.type === 'connect' ? [m.session] : []));
    assert.equal(sessions.length, 2, 'two sessions: the first, then Reconnect\'s');
    assert.ok(sessions[1] > sessions[0], 'what the old session still delivers is told apart');
    // The console URL (one-time token) never reaches the page; only the password does.
    const text = JSON.stringify(posted);
    assert.ok(!text.includes('ws://') && !text.includes('/console/'), 'no console URL in what the page got');
    assert.deepEqual(input.messages, []);

    panel.panel.dispose();
    assert.equal(panel.socketOpen, false, 'closing the panel closes the WebSocket');
    assert.equal(api.consolePanels.size, 0);
  });

  it('from the palette only running servers are offered; cancelling the pick sends nothing', async () => {
    script({ quickPick: undefined });
    await run('hcloud.server.openConsole');
    const pick = input.prompts.find((p) => p.kind === 'quickPick' && p.items?.some((i) => i.startsWith('web-1')));
    assert.ok(pick, `a server pick (${JSON.stringify(input.prompts)})`);
    assert.ok(!pick.items!.some((i) => i.startsWith('ci-runner')), 'the stopped server is not offered');
    assert.equal(consoleRequests().length, 0);
    assert.equal(api.consolePanels.size, 0);
  });

  it('an API error shows the API\'s message and opens no panel', async () => {
    const web2 = await server('web-2');
    sim.setFaults({ failNext: 1, statuses: [403], match: { path: /\/request_console$/ } });
    await run('hcloud.server.openConsole', nodeOf(web2));
    assert.deepEqual(input.messages, [{ level: 'error', text: 'Requesting the console of "web-2" failed: simulated fault: HTTP 403 (forbidden)' }]);
    assert.equal(consoleRequests().length, 1);
    assert.equal(api.consolePanels.size, 0);
  });
});
