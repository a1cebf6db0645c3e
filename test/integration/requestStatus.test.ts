// The status bar's request item inside VS Code against two simulators: the active project's
// remaining requests out of its limit after real requests (equal to what the simulator counted),
// the tooltip's last hour by sender (tree and commands), the colour when low, a selection in the
// other project moving the item there, the workspace binding winning over the selection, and the
// click showing the request log. The item itself sends nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Project } from '../../src/projects/projectStore';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import { testingApi } from './support/extensionApi';
import { ScriptedInput } from './support/scriptedInput';
import { until } from './support/until';

const TOKEN = 'request-status-token-3b8e';

describe('status bar: the request budget', function () {
  this.timeout(60_000);
  let api: Awaited<ReturnType<typeof testingApi>>;
  let simA: Simulator;
  let simB: Simulator;
  let a: Project | undefined;
  let b: Project | undefined;

  before(async () => {
    api = await testingApi();
    for (const p of api.projects.list()) if (p.source === 'stored') await api.projects.remove(p.id);
    simA = await startSimulator({ token: TOKEN, actionMs: 100, rateLimit: 100 });
    simB = await startSimulator({ token: TOKEN, actionMs: 100, rateLimit: 50 });
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('hcloud').update('workspace.project', undefined, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    api.setUserInput(undefined);
    await vscode.workspace.getConfiguration('hcloud').update('workspace.project', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    if (a) await api.projects.remove(a.id);
    if (b) await api.projects.remove(b.id);
    await simA?.close();
    await simB?.close();
  });

  const shown = () => api.requestStatus.shown;
  /** Waits until the item shows `text()` (read again each time: requests may still come), then returns what it shows. */
  const showing = async (text: () => string, also: (tooltip: string) => boolean = () => true) => {
    await until(() => `the item to show "${text()}", not "${shown().text}" (tooltip: ${JSON.stringify(shown().tooltip)}, ${simA.requests.length} requests)`, () => shown().visible && shown().text === text() && also(shown().tooltip), 10_000);
    return shown();
  };
  /** Shows the view and selects `node` in it (a reveal right after the view opens can be lost: tried again). */
  const select = async (node: { id: string }) => {
    await vscode.commands.executeCommand('hcloud.projects.focus');
    await until('the view', () => api.treeView.visible);
    await until(`${node.id} selected`, async () => {
      if (!api.treeView.selection.some((n) => (n as { id?: string }).id === node.id)) await api.treeView.reveal(node, { select: true }).then(undefined, () => undefined);
      return api.treeView.selection.some((n) => (n as { id?: string }).id === node.id);
    });
  };
  const server = (sim: Simulator, name: string) => [...sim.state.servers.values()].find((s) => s.name === name) as { id: number };

  it('shows the remaining requests the API reported, who sent the last hour\'s, and turns to a warning when low', async () => {
    a = await api.projects.add('budget-a', simA.url, TOKEN);
    const first = api.projects.list()[0];
    if (first.id === a.id) await showing(() => '$(cloud) budget-a: budget not known yet');
    // Commands: Reboot Server from the palette lists the servers, then the pick is cancelled.
    const input = new ScriptedInput([...(api.projects.list().length > 1 ? [{ quickPick: 'budget-a' }] : []), { quickPick: undefined }]);
    api.setUserInput(input);
    await vscode.commands.executeCommand('hcloud.server.reboot');
    assert.deepEqual(simA.requests.map((r) => `${r.method} ${r.path}`), ['GET /servers'], 'the command listed the servers and sent nothing after the cancel');
    // The tree: the node of a server (the Servers folder is listed).
    assert.ok(await api.tree.findResourceNode(a.id, 'server', server(simA, 'web-1').id));
    assert.ok(simA.requests.length >= 2);
    // The workspace is bound to the project (the selection is the next test's).
    await vscode.workspace.getConfiguration('hcloud').update('workspace.project', 'budget-a', vscode.ConfigurationTarget.Global);
    const seen = await showing(
      () => `$(cloud) budget-a ${100 - simA.requests.length}/100`,
      (tooltip) => tooltip.includes(`Sent from this window in the last hour: ${simA.requests.length}\n`) && tooltip.includes('(the project this workspace is bound to)'),
    );
    assert.equal(seen.level, 'normal');
    assert.equal(seen.command, 'hcloud.showLog', 'a click shows the request log');
    const lines = seen.tooltip.split('\n');
    assert.equal(lines[0], '**Hetzner Cloud requests of budget\\-a** (the project this workspace is bound to)');
    assert.match(seen.tooltip, new RegExp(`^${100 - simA.requests.length} of 100 requests left this hour \\(\\d+ %\\)\\. Full again at \\d\\d:\\d\\d:\\d\\d \\(in [\\d.]+ (s|min)`, 'm'));
    const tree = simA.requests.length - 1;
    assert.deepEqual(lines.slice(-8), [
      `Sent from this window in the last hour: ${simA.requests.length}`, '', `- tree: ${tree}`, '- action log: 0', '- panels: 0', '- commands: 1', '', 'Click to show the request log.',
    ]);

    // Other clients of the same token spend the same budget: the next answer says so, and the item turns yellow.
    const others = 85 - simA.requests.length;
    for (let i = 0; i < others; i++) await fetch(`${simA.url}/locations`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    simA.clearRequests();
    // The tree lists the Floating IPs (a folder not loaded yet).
    const fip = [...simA.state.floatingIps.values()][0] as { id: number };
    assert.ok(await api.tree.findResourceNode(a.id, 'floatingIp', fip.id));
    assert.ok(simA.requests.length > 0);
    const low = await until('a warning', () => shown().level === 'warning' && shown());
    const left = Number(/^\$\(cloud\) budget-a (\d+)\/100$/.exec(low.text)?.[1]);
    assert.ok(left >= 5 && left < 20, low.text);
    assert.match(low.tooltip, /Running low: the tree refreshes half as often until it refills\./);
    await vscode.workspace.getConfiguration('hcloud').update('workspace.project', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a selection in another project shows that project; the workspace-bound project wins over the selection', async () => {
    b ??= await api.projects.add('budget-b', simB.url, TOKEN);
    const nodeB = await api.tree.findResourceNode(b.id, 'server', server(simB, 'web-1').id);
    assert.ok(nodeB);
    await select(nodeB);
    // The reason too: budget-b may also be the first project, which the item shows without a selection.
    const seen = await until(() => `budget-b as the selection's, not "${shown().text}"`, () => /^\$\(cloud\) budget-b \d+\/50$/.test(shown().text) && /\(the project of the selection/.test(shown().tooltip) && shown());
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await showing(() => `$(cloud) budget-b ${50 - simB.requests.length}/50`);
    assert.match(seen.tooltip, /^\*\*Hetzner Cloud requests of budget\\-b\*\* \(the project of the selection/);

    const requests = simA.requests.length + simB.requests.length;
    await vscode.workspace.getConfiguration('hcloud').update('workspace.project', 'budget-a', vscode.ConfigurationTarget.Global);
    const bound = await until('budget-a', () => shown().text.startsWith('$(cloud) budget-a ') && shown());
    assert.match(bound.tooltip, /^\*\*Hetzner Cloud requests of budget\\-a\*\* \(the project this workspace is bound to\)/);
    await vscode.workspace.getConfiguration('hcloud').update('workspace.project', undefined, vscode.ConfigurationTarget.Global);
    await until('budget-b again', () => shown().text.startsWith('$(cloud) budget-b '));
    assert.equal(simA.requests.length + simB.requests.length, requests, 'switching projects sends nothing');
  });
});
