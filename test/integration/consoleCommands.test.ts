// Open Console inside VS Code against a simulator this suite starts: one request_console, a panel
// whose page (the real noVNC page in code-server's browser) connects through the relay to the
// simulator's own RFB server and reports `connected`; a second run reveals it; Reconnect makes a
// new request; the palette offers running servers only; an API error shows its message.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Server } from '../../src/api/types';
import type { ConsoleToWebview } from '../../src/shared/protocol';
import type { ConsolePanel } from '../../src/webview/consolePanel';
import { useNounFixture } from './support/nounFixture';
import { until } from './support/until';

describe('console panel', function () {
  this.timeout(60_000);
  const f = useNounFixture();

  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args);
  const server = async (name: string): Promise<Server> => {
    const [s] = await f.client.servers.listAll({ name });
    assert.ok(s, `server ${name} exists`);
    return s;
  };
  const nodeOf = (s: Server) => f.node('server', s);
  const consoleRequests = () => f.sim.requests.filter((r) => r.method === 'POST' && /^\/servers\/\d+\/actions\/request_console$/.test(r.path));
  const connected = (panel: ConsolePanel) => until(() => `the console of ${panel.target.serverName} to connect (${JSON.stringify(panel.state)})`, () => panel.state.state === 'connected');

  beforeEach(() => f.script());

  afterEach(async () => {
    f.api.consolePanels.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Open Console: one request_console, the page connects; a second run reveals it; Reconnect requests again; closing ends the session', async () => {
    const web1 = await server('web-1');
    await run('hcloud.server.openConsole', nodeOf(web1));
    const panel = f.api.consolePanels.find(f.project.id, web1.id);
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
    assert.equal(f.api.consolePanels.find(f.project.id, web1.id), panel);
    assert.equal(f.api.consolePanels.size, 1);

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
    assert.deepEqual(f.input.messages, []);

    panel.panel.dispose();
    assert.equal(panel.socketOpen, false, 'closing the panel closes the WebSocket');
    assert.equal(f.api.consolePanels.size, 0);
  });

  it('from the palette only running servers are offered; cancelling the pick sends nothing', async () => {
    f.script({ quickPick: undefined });
    await run('hcloud.server.openConsole');
    const pick = f.input.prompts.find((p) => p.kind === 'quickPick' && p.items?.some((i) => i.startsWith('web-1')));
    assert.ok(pick, `a server pick (${JSON.stringify(f.input.prompts)})`);
    assert.ok(!pick.items!.some((i) => i.startsWith('ci-runner')), 'the stopped server is not offered');
    assert.equal(consoleRequests().length, 0);
    assert.equal(f.api.consolePanels.size, 0);
  });

  it('an API error shows the API\'s message and opens no panel', async () => {
    const web2 = await server('web-2');
    f.sim.setFaults({ failNext: 1, statuses: [403], match: { path: /\/request_console$/ } });
    await run('hcloud.server.openConsole', nodeOf(web2));
    assert.deepEqual(f.input.messages, [{ level: 'error', text: 'Requesting the console of "web-2" failed: simulated fault: HTTP 403 (forbidden)' }]);
    assert.equal(consoleRequests().length, 1);
    assert.equal(f.api.consolePanels.size, 0);
  });
});
