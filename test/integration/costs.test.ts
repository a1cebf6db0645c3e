// Costs inside VS Code against the simulator (demo seed, today's API): the project row's monthly
// total when the user expands the project (equal to a sum computed from the simulator's raw
// /pricing and lists, one request per billed kind, none again within 10 minutes), and the priced
// confirmations of Create Floating IP and Create Image (cancelling sends nothing).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { formatMonthly } from '../../src/shared/price';
import type { ProjectNode } from '../../src/tree/projectNode';
import { COSTS_VIEW_TYPE } from '../../src/shared/viewTypes';
import type { CostsPanel } from '../../src/webview/costsPanel';
import { independentTotal } from '../support/independentCosts';
import { useNounFixture } from './support/nounFixture';
import { until } from './support/until';

const text = (v: unknown) => (typeof v === 'string' ? v : ((v as { value?: string })?.value ?? ''));
const unescape = (md: string) => md.replace(/\\(.)/g, '$1');

describe('costs', function () {
  this.timeout(30_000);
  const f = useNounFixture();

  it("the project row shows the monthly total once expanded: the sum of /pricing for the simulator's resources", async () => {
    const expected = await independentTotal(f.sim, true);
    await f.api.tree.getChildren();
    const node = f.api.tree.projectNode(f.project.id) as ProjectNode;
    assert.ok(node, 'the tree has the project');
    assert.ok(!String(node.getTreeItem().description ?? '').includes('€'), 'no total before the project is expanded');
    // The total starts on an expand event: collapsed first, in case a test before left the project expanded.
    await vscode.commands.executeCommand('hcloud.projects.focus');
    await vscode.commands.executeCommand('workbench.actions.treeView.hcloud.projects.collapseAll');
    f.sim.clearRequests();
    await f.api.treeView.reveal(node, { expand: true });
    try {
      await until('the total on the project row', () => String(node.getTreeItem().description ?? '').includes('€'), 10_000);
      const host = new URL(f.sim.url).host;
      assert.equal(node.getTreeItem().description, `${formatMonthly({ gross: expected.total, net: 0, currency: 'EUR' })} · ${host}`, 'the total before the host, which a narrow side bar cuts first');
      const tooltip = unescape(text(node.getTreeItem().tooltip));
      assert.match(tooltip, new RegExp(`Monthly total: ${formatMonthly({ gross: expected.total, net: 0, currency: 'EUR' }).replace(/[.$()]/g, '\\$&')} \\(€[\\d.]+/mo net\\)`));
      for (const kind of ['Servers', 'Backups', 'Volumes', 'Primary IPs', 'Floating IPs', 'Snapshots', 'Load Balancers']) assert.match(tooltip, new RegExp(`${kind} \\(\\d+\\): €`), kind);
      const lists = f.sim.requests.map((r) => r.path).filter((p) => p !== '/server_types');
      assert.deepEqual(lists.sort(), ['/floating_ips', '/images', '/load_balancers', '/pricing', '/primary_ips', '/servers', '/volumes'], 'one request per billed kind and the prices');

      // Servers opened right after: the folder takes the total's listing (30 s) instead of listing again.
      const serversFolder = (await node.getChildren()).find((n) => n.id.endsWith('/servers'))!;
      await f.api.treeView.reveal(serversFolder, { expand: true });
      await until('the Servers folder lists the servers', async () => (await serversFolder.getChildren()).some((n) => n.kind === 'server'), 10_000);
      assert.equal(f.sim.requests.filter((r) => r.path === '/servers').length, 1, 'the servers listed once, for the total and the folder');
      // A folder a command invalidated since (a create) lists for itself: the total's listing may predate the change.
      const volumesFolder = (await node.getChildren()).find((n) => n.id.endsWith('/volumes')) as unknown as { invalidate(): void; ensureLoaded(): Promise<void> };
      volumesFolder.invalidate();
      await volumesFolder.ensureLoaded();
      assert.equal(f.sim.requests.filter((r) => r.path === '/volumes').length, 2, 'the Volumes folder listed again after it was invalidated');
      // A Floating IP created elsewhere after the total listed them: the tree's search for it (an action
      // log's link) lists the unopened folder for itself, not from the total's older listing.
      const { floatingIp: created } = await f.client.floatingIps.create({ type: 'ipv4', homeLocation: 'fsn1', description: 'after the total' });
      assert.ok(await f.api.tree.findResourceNode(f.project.id, 'floatingIp', created.id), 'the search finds the new Floating IP');
      await f.client.floatingIps.delete(created.id);

      // Collapsed and expanded again within 10 minutes: nothing is asked again.
      f.sim.clearRequests();
      await vscode.commands.executeCommand('workbench.actions.treeView.hcloud.projects.collapseAll');
      await f.api.treeView.reveal(node, { expand: true });
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(f.sim.requests.map((r) => r.path).filter((p) => p !== '/servers' && p !== '/server_types'), [], 'the total is kept');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeSidebar');
    }
  });

  it('Create Floating IP confirms with the price of its type in its home location; cancelling sends nothing', async () => {
    const { pricing } = (await (await fetch(`${f.sim.url}/pricing`, { headers: { Authorization: `Bearer ${f.sim.token}` } })).json()) as { pricing: { floating_ips: Array<{ type: string; prices: Array<{ location: string; price_monthly: { gross: string; net: string } }> }> } };
    const price = pricing.floating_ips.find((p) => p.type === 'ipv6')!.prices.find((p) => p.location === 'hel1')!.price_monthly;
    const shown = formatMonthly({ gross: Number(price.gross), net: Number(price.net), currency: 'EUR' });
    const input = f.script({ stepQuickPick: 'IPv6' }, { stepQuickPick: 'Pick a home location' }, { stepQuickPick: 'hel1' }, { stepInputBox: 'spare' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.floatingIp.create');
    assert.equal(input.remaining, 0);
    const confirm = input.prompts.find((p) => p.kind === 'confirm')!;
    assert.equal(confirm.message, `Create IPv6 Floating IP in hel1 for ${shown}?`);
    assert.equal(confirm.confirmLabel, 'Create');
    assert.match(input.details[0], new RegExp(`^${shown.replace(/[.$()]/g, '\\$&')} \\(€${Number(price.net).toFixed(2)}/mo net\\)\\. .*billed monthly`));
    assert.deepEqual(f.changes(), [], 'cancelling sends nothing');
  });

  it('Create Image asks before a snapshot with an estimate of its price; cancelling sends nothing, confirming creates it', async () => {
    const server = (await f.client.servers.listAll()).find((s) => s.name === 'api-staging')!;
    const node = f.node('server', server);
    const perGb = (await f.client.pricing.get()).image.perGbMonth!;
    const upTo = formatMonthly({ ...perGb, gross: perGb.gross * server.serverType.disk });
    const input = f.script({ quickPick: 'Snapshot' }, { inputBox: 'priced' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.server.createImage', node);
    assert.equal(input.prompts[2].message, `Create a snapshot of "api-staging" (up to ${upTo})?`);
    assert.match(input.details[0], new RegExp(`^Estimate: at most ${upTo.replace(/[.$()]/g, '\\$&')} \\(${server.serverType.disk} GB disk at €[\\d.]+ per GB/mo\\)`));
    assert.deepEqual(f.changes(), [], 'cancelling sends nothing');

    f.script({ quickPick: 'Snapshot' }, { inputBox: 'priced' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.server.createImage', node);
    assert.deepEqual(f.changes().map((r) => r.path), [`/servers/${server.id}/actions/create_image`]);
  });

  it('Show Costs opens a panel with the breakdown the total is made of; Export CSV writes it', async () => {
    const expected = await independentTotal(f.sim, true);
    await f.api.tree.getChildren();
    const node = f.api.tree.projectNode(f.project.id)!;
    f.script();
    const panel = (await vscode.commands.executeCommand('hcloud.project.showCosts', node)) as CostsPanel;
    try {
      const view = await until('the panel has its figures', () => panel.shown);
      assert.ok(Math.abs((view.total?.gross ?? NaN) - expected.total) < 1e-6, `${view.total?.gross} vs ${expected.total}`);
      assert.equal(view.rows.length, expected.items);
      assert.equal(view.title, 'Monthly costs of project "nouns"');
      assert.ok(String(node.getTreeItem().description).startsWith(formatMonthly({ gross: expected.total, net: 0, currency: 'EUR' })), 'the row shows the same total');
      assert.equal((await vscode.commands.executeCommand('hcloud.project.showCosts', node)) as CostsPanel, panel, 'a second Show Costs reveals the same panel');

      const file = join(mkdtempSync(join(tmpdir(), 'hcloud-costs-')), 'costs.csv');
      const input = f.script({ pickSaveLocation: file });
      assert.ok(await panel.receiveForTesting({ type: 'exportCsv' }));
      assert.equal(input.remaining, 0);
      const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
      assert.equal(lines[0], 'kind,name,monthly_gross,monthly_net,currency');
      assert.equal(lines.length, expected.items + 2);
      assert.match(lines.at(-1)!, new RegExp(`^total,,${expected.total.toFixed(4)},[\\d.]+,EUR$`));
      assert.match(f.messages('info')[0], /^Exported the costs of "nouns" to costs\.csv\.$/);
    } finally {
      panel.dispose();
    }
  });

  it('a costs panel comes back after a reload: its project\'s figures again; closed when the project is gone or the state is not valid', async () => {
    const panels = f.api.costsPanels;
    const restored = await panels.restore(vscode.window.createWebviewPanel(COSTS_VIEW_TYPE, 'Costs', vscode.ViewColumn.Active, {}), { projectId: f.project.id });
    try {
      assert.ok(restored, 'restored');
      assert.equal(panels.get(f.project.id), restored);
      const view = await until('the restored panel has its figures', () => restored.shown);
      assert.equal(view.title, 'Monthly costs of project "nouns"');
      assert.equal(restored.panel.title, 'Costs: nouns');
      for (const saved of [{ projectId: 'removed-project-id' }, 'garbage', { projectId: f.project.id }]) {
        const other = vscode.window.createWebviewPanel(COSTS_VIEW_TYPE, 'Costs', vscode.ViewColumn.Active, {});
        let closed = false;
        other.onDidDispose(() => (closed = true));
        assert.equal(await panels.restore(other, saved), undefined, JSON.stringify(saved));
        assert.ok(closed, `closed: ${JSON.stringify(saved)}`);
      }
    } finally {
      restored?.dispose();
    }
  });
});
