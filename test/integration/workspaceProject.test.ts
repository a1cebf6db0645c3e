// The workspace-bound project inside VS Code (the test session opens a folder, so the settings are
// written to its .vscode/settings.json): the project hcloud.workspace.project names is listed first,
// expanded, and fetched with hcloud.workspace.filter (what the simulator received); the row says so;
// a cleared filter stays cleared; the settings apply live; a bad selector and an unknown name are said
// once. Bind Workspace to Project (from a warning's button and from the row) writes both settings, a
// bad selector is refused in the box, cancelling writes nothing; Unbind removes them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Project } from '../../src/projects/projectStore';
import type { TreeNode } from '../../src/tree/node';
import type { ProjectNode } from '../../src/tree/projectNode';
import { NounFixture, TOKEN } from './support/nounFixture';
import { until } from './support/until';

const BIND = 'Bind Workspace to Project…';
const label = (node: TreeNode) => {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
};

describe('workspace-bound project', function () {
  this.timeout(60_000);
  const f = new NounFixture();
  let bound: Project;
  const config = () => vscode.workspace.getConfiguration('hcloud', vscode.workspace.workspaceFolders?.[0]?.uri);
  const written = () => ({ project: config().inspect('workspace.project')?.workspaceValue, filter: config().inspect('workspace.filter')?.workspaceValue });
  /** Writes the workspace settings that differ (each write is a file write). */
  const write = async (project: string | undefined, filter: string | undefined) => {
    if (written().project !== project) await config().update('workspace.project', project, vscode.ConfigurationTarget.Workspace);
    if (written().filter !== filter) await config().update('workspace.filter', filter, vscode.ConfigurationTarget.Workspace);
  };
  const rootNames = async () => (await f.api.tree.getChildren()).map(label);
  const boundNode = (): ProjectNode => {
    const node = f.api.tree.projectNode(bound.id);
    assert.ok(node);
    return node;
  };
  const lastServersList = () => f.sim.requests.filter((r) => r.method === 'GET' && r.path === '/servers').pop();

  beforeEach(async () => {
    await f.setUp();
    bound = await f.api.projects.add('ws-bound', f.sim.url, TOKEN);
    const [web1] = await f.client.servers.listAll({ name: 'web-1' });
    await f.client.servers.update(web1.id, { labels: { env: 'prod', tier: 'web' } });
    f.sim.clearRequests();
  });
  afterEach(async () => {
    await write(undefined, undefined);
    await f.api.projects.remove(bound.id);
    await f.tearDown();
  });

  it('the named project is first, expanded, listed with the workspace filter and says so; a cleared filter stays cleared; settings apply live; a bad selector is said once', async () => {
    f.script();
    assert.deepEqual(await rootNames(), ['nouns', 'ws-bound']);
    await write('ws-bound', 'env=prod');
    await until('the bound project first, filtered', async () => (await rootNames())[0] === 'ws-bound' && f.api.tree.labelSelectorOf(bound.id) === 'env=prod');
    const row = boundNode().getTreeItem();
    assert.equal(row.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    assert.equal(f.api.tree.projectNode(f.project.id)?.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.match(String(row.description), /^labels: env=prod · workspace/);
    const tip = (row.tooltip as vscode.MarkdownString).value;
    assert.match(tip, /This workspace's project \(`hcloud\.workspace\.project`/);
    assert.match(String(row.contextValue), /;filtered;/);
    // Palette pickers list it first too, and say it is the workspace's.
    f.script({ quickPick: undefined });
    await vscode.commands.executeCommand('hcloud.project.showCosts');
    const [pick] = f.input.prompts;
    assert.deepEqual([pick.items?.slice(0, 2), pick.descriptions?.[0]], [['ws-bound', 'nouns'], `workspace · ${f.sim.url}`]);
    assert.deepEqual(f.changes(), [], 'a cancelled pick sends nothing');

    f.sim.clearRequests();
    const servers = (await boundNode().folders.servers.getChildren()).map(label);
    assert.deepEqual(lastServersList()?.query.label_selector, ['env=prod'], 'the simulator received the filtered listing');
    assert.deepEqual(servers, ['web-1']);

    // The user clears it: it stays cleared for the session, though the settings still hold it.
    await vscode.commands.executeCommand('hcloud.view.clearFilter', boundNode());
    assert.equal(f.api.tree.labelSelectorOf(bound.id), undefined);
    await rootNames();
    assert.equal((await boundNode().folders.servers.getChildren()).length > 1, true);
    assert.equal(lastServersList()?.query.label_selector, undefined, 'listed again without it');
    assert.equal(f.api.tree.labelSelectorOf(bound.id), undefined, 'still cleared');

    // A new filter in the settings applies at once; one that is not a selector is said once and not applied.
    await write('ws-bound', 'tier=web');
    await until('the new filter', () => f.api.tree.labelSelectorOf(bound.id) === 'tier=web');
    await write('ws-bound', 'tier in (web');
    await until('the bad filter set aside', () => f.api.tree.labelSelectorOf(bound.id) === undefined);
    await rootNames();
    assert.deepEqual(f.messages('warn'), ['hcloud.workspace.filter "tier in (web" is not a label selector (unbalanced parentheses). Project "ws-bound" is shown without it.']);
    assert.equal(boundNode().getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'still the workspace project');
    assert.deepEqual(f.changes(), [], 'nothing but listings sent');
  });

  it('an unknown name warns once, its button runs Bind Workspace to Project; from the row a bad selector is refused and cancelling writes nothing; Unbind removes both settings', async () => {
    const input = f.script({ offer: BIND }, { quickPick: 'ws-bound' }, { inputBox: 'env=prod' });
    await write('no-such-project', undefined);
    await until('the warning', () => f.messages('warn').length > 0);
    assert.deepEqual(input.messages[0], { level: 'warn', text: 'No project named "no-such-project" (hcloud.workspace.project). The workspace\'s settings name it; add a project of that name, or Bind Workspace to Project…', buttons: [BIND] });
    await until('the binding written by the button', () => written().project === 'ws-bound' && written().filter === 'env=prod');
    assert.deepEqual(written(), { project: 'ws-bound', filter: 'env=prod' });
    assert.equal(input.values[0], '', 'the box opens with the project\'s current filter (none)');
    await until('the bound project first', async () => (await rootNames())[0] === 'ws-bound');
    assert.deepEqual(f.messages('info'), ['This workspace is bound to project "ws-bound", filtered by env=prod: the view shows it first and expanded.']);
    await write('no-such-project', undefined);
    await until('unbound in the tree', async () => (await rootNames())[0] === 'nouns');
    assert.equal(f.messages('warn').length, 1, 'the same name is not said twice');

    // From the row: the box holds the project's current filter; a bad selector is refused; cancelling writes nothing.
    const other = f.api.tree.projectNode(f.project.id);
    assert.ok(other);
    await f.api.tree.setLabelSelector(f.project.id, 'tier=web');
    const row = f.script({ inputBox: 'env=prod,,x' }, { inputBox: undefined });
    await vscode.commands.executeCommand('hcloud.workspace.bindProject', other);
    await vscode.commands.executeCommand('hcloud.workspace.bindProject', other);
    assert.match(row.prompts[0].validation ?? '', /^Not a label selector: /);
    assert.equal(row.values[1], 'tier=web');
    assert.deepEqual(written(), { project: 'no-such-project', filter: undefined }, 'nothing written');
    await f.api.tree.setLabelSelector(f.project.id, undefined);

    f.script();
    await vscode.commands.executeCommand('hcloud.workspace.unbindProject');
    assert.deepEqual(written(), { project: undefined, filter: undefined });
    assert.deepEqual(f.messages('info'), ['This workspace is no longer bound to project "no-such-project".']);
    assert.deepEqual(f.changes(), []);
  });
});
