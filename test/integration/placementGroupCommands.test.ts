// Placement Group commands and rows inside VS Code, against a fresh simulator per test (demo seed:
// "production-spread" holds web-1 and db-main; ci-runner is off). A 2018 project shows no folder,
// and its palette commands say the API has no placement groups.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PlacementGroup, Server } from '../../src/api/types';
import { startSimulator } from '../../src/sim/simulator';
import type { TreeNode } from '../../src/tree/node';
import { NounFixture, TOKEN } from './support/nounFixture';
import { ScriptedInput } from './support/scriptedInput';

const text = (v: unknown) => (typeof v === 'string' ? v : (v as { value?: string; label?: string } | undefined)?.value ?? (v as { label?: string } | undefined)?.label ?? '');
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('Placement Group commands', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  let groups: PlacementGroup[];
  let servers: Server[];
  const server = (name: string) => servers.find((s) => s.name === name)!;
  const demo = () => groups.find((g) => g.name === 'production-spread')!;
  const state = (id: number) => f.sim.state.placementGroups.get(id);

  beforeEach(async () => {
    await f.setUp();
    groups = await f.client.placementGroups.listAll();
    servers = await f.client.servers.listAll();
    f.sim.clearRequests();
  });
  afterEach(() => f.tearDown());

  it('the tree: a Placement Groups folder after Servers; the row shows type and count; its children are the members; a member\'s tooltip names the group', async () => {
    f.script();
    const root = (await f.api.tree.getChildren()).find((n) => n.id === `project/${f.project.id}`)!;
    const folders = await f.api.tree.getChildren(root);
    const labels = folders.map((n) => text(n.getTreeItem().label));
    assert.ok(labels.indexOf('Placement Groups') > labels.indexOf('Servers'), `a Placement Groups folder after Servers: ${labels.join(', ')}`);
    const rows = await f.api.tree.getChildren(folders[labels.indexOf('Placement Groups')]);
    const row = rows.find((n) => text(n.getTreeItem().label) === 'production-spread')!;
    const item = row.getTreeItem();
    assert.equal(item.description, 'spread · 2 servers');
    assert.match(String(item.contextValue), /;placementGroup;spread;members;labels;/);
    assert.match(shown(text(item.tooltip)), /Servers: web-1, db-main/);
    const members = await f.api.tree.getChildren(row);
    assert.deepEqual(members.map((n) => text(n.getTreeItem().label)), ['web-1', 'db-main']);
    assert.deepEqual(members.map((n) => n.getTreeItem().description), [`#${server('web-1').id}`, `#${server('db-main').id}`]);
    // db-main is in a Network: its tooltip waits for the Network's name (on hover, as VS Code asks).
    const db = (await f.api.tree.getChildren(folders[0])).find((n) => text(n.getTreeItem().label) === 'db-main')!;
    assert.match(shown(text((await f.api.tree.resolveTreeItem(db.getTreeItem(), db)).tooltip)), /Placement group: production-spread \(spread\)/);
    assert.match(String(db.getTreeItem().contextValue), /;inPlacementGroup;/);
    const ci = (await f.api.tree.getChildren(folders[0])).find((n) => text(n.getTreeItem().label) === 'ci-runner')!;
    assert.doesNotMatch(shown(text(ci.getTreeItem().tooltip)), /Placement group/);
    assert.match(String(ci.getTreeItem().contextValue), /;noPlacementGroup;/);
  });

  it('creates a spread group with labels: one POST; cancelling at the labels step sends nothing', async () => {
    f.script({ inputBox: 'batch-workers' }, { inputBox: undefined });
    await vscode.commands.executeCommand('hcloud.placementGroup.create');
    assert.deepEqual(f.changes(), []);

    const input = f.script({ inputBox: 'production-spread' });
    await vscode.commands.executeCommand('hcloud.placementGroup.create');
    assert.match(input.prompts[0].validation ?? '', /already/, 'a taken name is refused in the box');
    assert.deepEqual(f.changes(), []);

    f.script({ inputBox: 'batch-workers' }, { inputBox: 'env=batch, team=data' });
    const created = (await vscode.commands.executeCommand('hcloud.placementGroup.create')) as PlacementGroup;
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/placement_groups', body: { name: 'batch-workers', type: 'spread', labels: { env: 'batch', team: 'data' } } }]);
    assert.deepEqual([state(created.id)?.name, state(created.id)?.labels, state(created.id)?.servers], ['batch-workers', { env: 'batch', team: 'data' }, []]);
    assert.match(f.messages('info')[0], /^Placement group "batch-workers" created \(spread: .*at most 10.*free of charge\)\.$/);
  });

  it('renames and edits labels from the node; cancelling sends nothing', async () => {
    const group = demo();
    f.script({ inputBox: undefined });
    await vscode.commands.executeCommand('hcloud.placementGroup.rename', f.node('placementGroup', group));
    assert.deepEqual(f.changes(), []);
    f.script({ inputBox: 'prod-spread' });
    await vscode.commands.executeCommand('hcloud.placementGroup.rename', f.node('placementGroup', group));
    assert.deepEqual(f.changes(), [{ method: 'PUT', path: `/placement_groups/${group.id}`, body: { name: 'prod-spread' } }]);
    assert.equal(state(group.id)?.name, 'prod-spread');

    f.sim.clearRequests();
    const input = f.script({ inputBox: 'env=production, tier=web' });
    await vscode.commands.executeCommand('hcloud.placementGroup.editLabels', f.node('placementGroup', group));
    assert.equal(input.values[0], 'env=production');
    assert.deepEqual(f.changes(), [{ method: 'PUT', path: `/placement_groups/${group.id}`, body: { labels: { env: 'production', tier: 'web' } } }]);
    assert.deepEqual(state(group.id)?.labels, { env: 'production', tier: 'web' });
  });

  it('delete names the servers in the group; declining sends nothing; confirming takes them out, then deletes', async () => {
    const group = demo();
    const input = f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.placementGroup.delete', f.node('placementGroup', group));
    assert.equal(input.prompts[0].message, 'Placement group "production-spread" holds 2 servers: "web-1", "db-main". Remove them from it and delete it?');
    assert.equal(input.prompts[0].confirmLabel, 'Remove Servers and Delete');
    assert.deepEqual(f.changes(), []);

    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.placementGroup.delete', f.node('placementGroup', group));
    assert.deepEqual(f.changes(), [
      { method: 'POST', path: `/servers/${server('web-1').id}/actions/remove_from_placement_group`, body: undefined },
      { method: 'POST', path: `/servers/${server('db-main').id}/actions/remove_from_placement_group`, body: undefined },
      { method: 'DELETE', path: `/placement_groups/${group.id}`, body: undefined },
    ]);
    assert.equal(state(group.id), undefined);
    assert.equal(f.sim.state.servers.get(server('web-1').id)?.status, 'running', 'the servers keep running');
    assert.deepEqual(f.messages('info').at(-1), 'Placement group "production-spread" deleted.');
  });

  it('adds a server that is off to a group picked from the list (full groups are not offered)', async () => {
    const { placementGroup: spare } = await f.client.placementGroups.create({ name: 'spare', type: 'spread' });
    f.sim.clearRequests();
    const ci = server('ci-runner');
    const input = f.script({ quickPick: 'spare' });
    await vscode.commands.executeCommand('hcloud.server.addToPlacementGroup', f.node('server', ci));
    assert.deepEqual(input.prompts[0].items, ['production-spread', 'spare']);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/servers/${ci.id}/actions/add_to_placement_group`, body: { placement_group: spare.id } }]);
    assert.deepEqual(state(spare.id)?.servers, [ci.id]);
    assert.match(f.messages('info')[0], /^Server "ci-runner" added to placement group "spare"\./);
  });

  it('a running server: says it must be off and offers a shutdown; declining sends nothing, accepting shuts it down and adds it', async () => {
    const api = server('api-staging');
    const group = demo();
    const input = f.script({ quickPick: 'production-spread' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.server.addToPlacementGroup', f.node('server', api));
    assert.equal(input.prompts[1].message, 'Server "api-staging" is running: it must be off to be added to placement group "production-spread".');
    assert.equal(input.prompts[1].confirmLabel, 'Shut Down');
    assert.deepEqual(f.changes(), []);

    f.script({ quickPick: 'production-spread' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.server.addToPlacementGroup', f.node('server', api));
    assert.deepEqual(f.changes(), [
      { method: 'POST', path: `/servers/${api.id}/actions/shutdown`, body: undefined },
      { method: 'POST', path: `/servers/${api.id}/actions/add_to_placement_group`, body: { placement_group: group.id } },
    ]);
    assert.deepEqual(state(group.id)?.servers, [server('web-1').id, server('db-main').id, api.id]);
    assert.equal(f.sim.state.servers.get(api.id)?.status, 'off');
  });

  it('an API refusal shows the API\'s message and code', async () => {
    const group = demo();
    // Another client fills the group after the list was read: the API answers placement_error.
    const ci = server('ci-runner');
    const input = f.script({ quickPick: 'production-spread' });
    const original = input.quickPick.bind(input);
    input.quickPick = async (items, options) => {
      const picked = await original(items, options);
      for (let i = 0; i < 8; i++) {
        const s = await f.client.servers.create({ name: `filler-${i}`, serverType: 'cx11', image: 'ubuntu-22.04', startAfterCreate: false, placementGroup: group.id });
        await f.client.waitForActions(s.action);
      }
      return picked;
    };
    await vscode.commands.executeCommand('hcloud.server.addToPlacementGroup', f.node('server', ci));
    assert.match(f.messages('error')[0] ?? '', /^Add "ci-runner" to placement group "production-spread" failed: .*10 servers.* \(placement_error\)$/);
    assert.equal(state(group.id)?.servers.includes(ci.id), false);
  });

  it('removes a server picked from the palette (only members offered) after confirmation; declining sends nothing', async () => {
    const web1 = server('web-1');
    const input = f.script({ quickPick: 'web-1' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.server.removeFromPlacementGroup');
    assert.deepEqual(input.prompts[0].items?.sort(), ['db-main', 'web-1']);
    assert.equal(input.prompts[1].message, 'Remove "web-1" from placement group "production-spread"?');
    assert.deepEqual(f.changes(), []);

    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.server.removeFromPlacementGroup', f.node('server', web1));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/servers/${web1.id}/actions/remove_from_placement_group`, body: undefined }]);
    assert.deepEqual(state(demo().id)?.servers, [server('db-main').id]);
  });
});

describe('Placement Group commands against the 2018 API', function () {
  this.timeout(30_000);

  it('no folder; from the palette every command says the API has no placement groups and asks it nothing about them', async () => {
    const f = new NounFixture();
    await f.setUp();
    await f.api.projects.remove(f.project.id);
    await f.sim.close();
    const sim = await startSimulator({ token: TOKEN, actionMs: 100, api: '2018' });
    const project = await f.api.projects.add('old-api', sim.url, TOKEN);
    try {
      const root = (await f.api.tree.getChildren()).find((n: TreeNode) => n.id === `project/${project.id}`)!;
      assert.ok(!(await f.api.tree.getChildren(root)).some((n) => text(n.getTreeItem().label) === 'Placement Groups'));
      for (const id of ['hcloud.placementGroup.create', 'hcloud.placementGroup.rename', 'hcloud.placementGroup.editLabels', 'hcloud.placementGroup.delete']) {
        const input = new ScriptedInput([]);
        f.api.setUserInput(input);
        sim.clearRequests();
        await vscode.commands.executeCommand(id);
        assert.deepEqual(input.messages, [{ level: 'info', text: 'The API of project "old-api" answers as the 2018 API, which has no placement groups.' }], id);
        assert.deepEqual(sim.requests.filter((r) => r.path.includes('placement')), [], `${id} asked nothing about placement groups`);
      }
      const input = new ScriptedInput([{ quickPick: 'ci-runner' }]);
      f.api.setUserInput(input);
      await vscode.commands.executeCommand('hcloud.server.addToPlacementGroup');
      assert.deepEqual(input.messages.map((m) => m.text), ['The API of project "old-api" answers as the 2018 API, which has no placement groups.']);
      assert.deepEqual(sim.requests.filter((r) => r.path.includes('placement')), []);
    } finally {
      f.api.setUserInput(undefined);
      await f.api.projects.remove(project.id);
      await sim.close();
    }
  });
});
