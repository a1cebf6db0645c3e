// The Firewall rules editor inside VS Code, against a fresh simulator per test (today's API, demo
// seed with web-fw): Edit Firewall Rules opens one editor per firewall whose webview (the real page)
// says `ready` and gets the rules; Apply sends exactly one set_rules with every rule; an API error
// keeps the edits and puts its field details on their rows; the draft survives closing the editor
// and is offered when it opens again; cancelling sends nothing; against a 2018 API it says so.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Firewall } from '../../src/api/types';
import type { FirewallRule } from '../../src/shared/firewallRule';
import type { FirewallRulesToWebview, RulesInitMessage } from '../../src/shared/firewallRulesProtocol';
import type { TreeNode } from '../../src/tree/node';
import type { FirewallRulesPanel } from '../../src/webview/firewallRulesPanel';
import { draftKey } from '../../src/webview/firewallRules/drafts';
import { NounFixture, TOKEN } from './support/nounFixture';
import { startRecordingProxy } from './support/recordingProxy';
import { until } from './support/until';

const SSH: FirewallRule = { direction: 'in', protocol: 'tcp', port: '22', sourceIps: ['198.51.100.0/24'], destinationIps: [], description: 'SSH from home' };
const DNS: FirewallRule = { direction: 'out', protocol: 'udp', port: '53', sourceIps: [], destinationIps: ['2001:0db8:0000::/48'] };

describe('Firewall rules editor', function () {
  this.timeout(60_000);
  const f = new NounFixture();
  let fw: Firewall;
  let posted: FirewallRulesToWebview[];
  const inits = () => posted.filter((m): m is RulesInitMessage => m.type === 'init');
  const webviewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('hcloud.firewallRules'));

  const label = (n: TreeNode) => {
    const l = n.getTreeItem().label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  /** The tree's own row of web-fw (in the project's Firewalls folder). */
  const treeRow = async (): Promise<TreeNode> => {
    const root = (await f.api.tree.getChildren()).find((n) => n.id === `project/${f.project.id}`);
    const folder = (await f.api.tree.getChildren(root)).find((n) => label(n) === 'Firewalls');
    const row = (await f.api.tree.getChildren(folder)).find((n) => label(n) === 'web-fw');
    assert.ok(row, 'the tree shows web-fw');
    return row;
  };

  /** Runs Edit Firewall Rules on the firewall's row and waits until its webview got the rules (`init` number `n`). */
  const open = async (n = 1, node: TreeNode = f.node('firewall', fw)): Promise<FirewallRulesPanel> => {
    await vscode.commands.executeCommand('hcloud.firewall.editRules', node);
    const panel = f.api.firewallRules.find(f.project.id, fw.id);
    assert.ok(panel, 'an editor is open for web-fw');
    await until(`init number ${n} from the editor`, () => inits().length >= n);
    return panel;
  };
  const close = async (panel: FirewallRulesPanel) => {
    panel.dispose();
    await until('the editor tab to close', () => webviewTabs().length === 0);
  };

  beforeEach(async () => {
    await f.setUp();
    f.script();
    [fw] = await f.client.firewalls.listAll({ name: 'web-fw' });
    assert.ok(fw, 'the demo has web-fw');
    posted = [];
    const sub = f.api.firewallRules.onDidOpen((p) => p.onDidPost((m) => posted.push(m)));
    subs.push(sub);
    f.sim.clearRequests();
  });
  const subs: vscode.Disposable[] = [];
  afterEach(async () => {
    for (const s of subs.splice(0)) s.dispose();
    f.api.firewallRules.find(f.project.id, fw.id)?.dispose();
    await until('every editor to close', () => f.api.firewallRules.size === 0 && webviewTabs().length === 0);
    await f.api.workspaceState.update(draftKey(f.project.id, fw.id), undefined);
    await f.tearDown();
  });

  it('opens from a firewall row with its rules; Apply sends exactly one set_rules with every rule, both directions; the row shows them', async () => {
    const row = await treeRow();
    assert.match(String(row.getTreeItem().contextValue), /;firewall;/, 'the menu entry\'s token');
    f.sim.clearRequests();
    const panel = await open(1, row);
    assert.deepEqual(inits()[0].rules, fw.rules);
    assert.equal(inits()[0].draft, undefined);
    assert.equal(webviewTabs()[0].label, 'Rules: web-fw');
    assert.deepEqual(f.changes(), [], 'opening sends nothing');
    // A second Edit Rules reveals the same editor.
    await vscode.commands.executeCommand('hcloud.firewall.editRules', f.node('firewall', fw));
    assert.equal(f.api.firewallRules.size, 1);

    const rules = [SSH, fw.rules[1], DNS];
    assert.equal(await panel.receiveForTesting({ type: 'apply', rules }), true);
    assert.deepEqual(f.changes(), [
      {
        method: 'POST',
        path: `/firewalls/${fw.id}/actions/set_rules`,
        body: {
          rules: [
            { direction: 'in', protocol: 'tcp', port: '22', source_ips: ['198.51.100.0/24'], description: 'SSH from home' },
            { direction: 'in', protocol: 'tcp', port: '80', source_ips: ['0.0.0.0/0', '::/0'], description: 'HTTP' },
            // IPv6 blocks go as the API keeps them (RFC 5952).
            { direction: 'out', protocol: 'udp', port: '53', destination_ips: ['2001:db8::/48'], description: null },
          ],
        },
      },
    ]);
    assert.deepEqual(f.sim.state.firewalls.get(fw.id)?.rules.map((r) => [r.direction, r.port, r.description]), [['in', '22', 'SSH from home'], ['in', '80', 'HTTP'], ['out', '53', null]]);
    assert.deepEqual(posted.slice(-2).map((m) => m.type), ['applying', 'applied']);
    assert.equal(panel.unsaved, undefined);
    assert.equal(f.api.workspaceState.get(draftKey(f.project.id, fw.id)), undefined, 'no draft is left');
    await until('the tree row to count 3 rules', async () => String((await treeRow()).getTreeItem().description).startsWith('3 rules'));
    // The webview is untrusted: a list it could not have sent (a bare address) is refused before any request.
    f.sim.clearRequests();
    await panel.receiveForTesting({ type: 'apply', rules: [{ ...SSH, sourceIps: ['198.51.100.7'] }] });
    assert.deepEqual(f.changes(), []);
    assert.equal(posted.at(-1)?.type, 'failed');
  });

  it('an API error shows its message, maps rules[i].field onto the row, and keeps the edits', async () => {
    // An answer the simulator cannot give (it refuses what the editor refuses): the proxy answers set_rules.
    const proxy = await startRecordingProxy(f.sim.url, (method, path) =>
      method === 'POST' && path.endsWith('/actions/set_rules')
        ? { status: 422, body: { error: { code: 'invalid_input', message: 'invalid input in field rules', details: { fields: [{ name: 'rules[1].port', messages: ['port 8080 is reserved'] }] } } } }
        : undefined,
    );
    const proxied = await f.api.projects.add('proxied', proxy.url, TOKEN);
    try {
      await vscode.commands.executeCommand('hcloud.firewall.editRules', { ...f.node('firewall', fw), project: proxied });
      const panel = f.api.firewallRules.find(proxied.id, fw.id);
      assert.ok(panel);
      await until('init', () => inits().length >= 1);
      const rules = [SSH, { ...SSH, port: '8080', description: 'alt' }];
      await panel.receiveForTesting({ type: 'edit', rules });
      await panel.receiveForTesting({ type: 'apply', rules });
      const failed = posted.at(-1);
      assert.equal(failed?.type, 'failed');
      assert.deepEqual(failed, {
        type: 'failed',
        message: 'Apply the rules of firewall "web-fw" failed: invalid input in field rules (rules[1].port: port 8080 is reserved) (invalid_input)',
        fields: [{ name: 'rules[1].port', messages: ['port 8080 is reserved'], rule: 1, field: 'port' }],
      });
      assert.deepEqual(panel.unsaved, rules, 'the edits stay');
      assert.deepEqual((f.api.workspaceState.get(draftKey(proxied.id, fw.id)) as { rules: FirewallRule[] }).rules, rules, 'and are the draft');
      assert.equal(f.sim.state.firewalls.get(fw.id)?.rules.length, 4, 'nothing changed on the server');
      panel.dispose();
      await f.api.workspaceState.update(draftKey(proxied.id, fw.id), undefined);
    } finally {
      await f.api.projects.remove(proxied.id);
      await proxy.close();
    }
  });

  it('a firewall deleted meanwhile: Apply shows the API\'s not_found and keeps the edits', async () => {
    const panel = await open();
    await f.client.firewalls.removeFromResources(fw.id, fw.appliedTo.map((a) => (a.type === 'server' ? { type: 'server' as const, serverId: a.serverId } : { type: 'labelSelector' as const, selector: a.selector }))).then((a) => f.client.waitForActions(a));
    await f.client.firewalls.delete(fw.id);
    f.sim.clearRequests();
    await panel.receiveForTesting({ type: 'apply', rules: [SSH] });
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/firewalls/${fw.id}/actions/set_rules`, body: { rules: [{ direction: 'in', protocol: 'tcp', port: '22', source_ips: ['198.51.100.0/24'], description: 'SSH from home' }] } }]);
    const failed = posted.at(-1);
    assert.ok(failed?.type === 'failed' && /^Apply the rules of firewall "web-fw" failed: .*\(not_found\)$/.test(failed.message), JSON.stringify(failed));
    assert.deepEqual(panel.unsaved, [SSH]);
  });

  it('unsaved edits survive hiding the editor: shown again, the page gets them back (no draft offer: nothing was closed)', async () => {
    const panel = await open();
    const edits = [SSH, ...fw.rules.slice(1)];
    await panel.receiveForTesting({ type: 'edit', rules: edits });
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await until('the editor to be hidden', () => !panel.visible);
    panel.panel.reveal();
    await until('the page to load again and get its init', () => inits().length >= 2);
    assert.deepEqual(inits()[1].edits, edits);
    assert.equal(inits()[1].draft, undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.deepEqual(f.changes(), []);
  });

  it('unsaved edits survive closing the editor: reopening offers the draft, and says when the server changed', async () => {
    let panel = await open();
    const edits = [SSH, ...fw.rules.slice(1)];
    await panel.receiveForTesting({ type: 'edit', rules: edits });
    await close(panel);
    assert.deepEqual(f.changes(), [], 'editing sends nothing');

    panel = await open(2);
    const offered = inits()[1];
    assert.deepEqual(offered.edits, edits);
    assert.equal(offered.draft?.serverChanged, false);
    assert.ok(Math.abs((offered.draft?.savedAt ?? 0) - Date.now()) < 60_000, 'the draft has its time');
    await close(panel);

    // Someone changes the rules on the server meanwhile.
    await f.client.waitForActions(await f.client.firewalls.setRules(fw.id, fw.rules.slice(0, 2)));
    f.sim.clearRequests();
    panel = await open(3);
    assert.deepEqual(inits()[2].edits, edits);
    assert.equal(inits()[2].draft?.serverChanged, true);
    assert.deepEqual(inits()[2].rules, fw.rules.slice(0, 2));

    // Discard asks first (cancelling keeps everything), then the draft is gone and the editor shows the server's rules.
    const input = f.script({ confirm: false });
    await panel.receiveForTesting({ type: 'discard' });
    assert.equal(input.prompts[0].message, 'Discard the unsaved changes to the rules of firewall "web-fw"?');
    assert.equal(inits().length, 3);
    assert.deepEqual(panel.unsaved, edits);
    f.script({ confirm: true });
    await panel.receiveForTesting({ type: 'discard' });
    assert.deepEqual(inits()[3], { type: 'init', panel: { projectId: f.project.id, firewallId: fw.id, firewallName: 'web-fw' }, rules: fw.rules.slice(0, 2), applying: false });
    assert.equal(f.api.workspaceState.get(draftKey(f.project.id, fw.id)), undefined);
    assert.deepEqual(f.changes(), []);
  });

  it('from the palette it asks for the firewall; cancelling sends nothing and opens nothing', async () => {
    const input = f.script({ quickPick: undefined });
    await vscode.commands.executeCommand('hcloud.firewall.editRules');
    assert.deepEqual(input.prompts[0].items?.slice().sort(), ['staging-fw', 'web-fw']);
    assert.equal(f.api.firewallRules.size, 0);
    assert.deepEqual(f.changes(), []);
    f.script({ quickPick: 'web-fw' });
    await vscode.commands.executeCommand('hcloud.firewall.editRules');
    await until('the editor of web-fw', () => f.api.firewallRules.find(f.project.id, fw.id));
  });
});

describe('Firewall rules editor against the 2018 API', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  beforeEach(() => f.setUp('2018'));
  afterEach(() => f.tearDown());

  it('the palette command says the API has no firewalls and asks nothing about them', async () => {
    await f.assertNoFamily(['hcloud.firewall.editRules'], 'firewalls', (p) => p.startsWith('/firewalls'));
    assert.equal(f.api.firewallRules.size, 0);
  });
});
