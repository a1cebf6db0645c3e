// Labels inside VS Code against fresh simulators (today's API; one 2018 simulator for the part where
// there are none): Edit Labels of a server (from its node) and of an SSH key (from the palette), what
// the API received, a bad key refused in the box before sending, an API refusal with its message and
// field details (the box opens again with what was typed); Filter by Labels… (the tree shows only the
// matching servers, the lists carried label_selector, a bad selector is refused in the box, Clear
// Filter removes it); and against the 2018 API: no `;labels;` token, no Edit Labels, no selector.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { matchesLabelSelector, parseLabelSelector } from '../../src/api/labels';
import type { Server, SshKey } from '../../src/api/types';
import type { Project } from '../../src/projects/projectStore';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import type { TreeNode } from '../../src/tree/node';
import type { ProjectNode } from '../../src/tree/projectNode';
import type { ServerNode } from '../../src/tree/serverNode';
import { NounFixture, TOKEN } from './support/nounFixture';
import { startRecordingProxy, type OwnAnswer } from './support/recordingProxy';

const label = (node: TreeNode) => {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : (l?.label ?? '');
};
/** The text a tooltip's Markdown shows: its backslash escapes (API text is escaped) resolved. */
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const tooltip = (node: TreeNode) => {
  const t = node.getTreeItem().tooltip;
  return shown(typeof t === 'string' ? t : (t?.value ?? ''));
};

/**
 * How the API refuses input its documented rules allow (an organisation policy; a case the simulator
 * cannot produce): 400 invalid_input with field details, given by the proxy for `PUT <refuse>`.
 */
function refusing(refuse: RegExp) {
  return (method: string, path: string): OwnAnswer | undefined => {
    if (method !== 'PUT' || !refuse.test(path)) return undefined;
    const fields = [{ name: 'labels', messages: ['the key "team" is reserved by an organisation policy'] }];
    return { status: 400, body: { error: { code: 'invalid_input', message: "invalid input in field 'labels'", details: { fields } } } };
  };
}

describe('labels', function () {
  this.timeout(60_000);
  const f = new NounFixture();
  const serverNamed = async (name: string): Promise<Server> => {
    const [s] = await f.client.servers.listAll({ name });
    assert.ok(s, `server ${name}`);
    return s;
  };
  const keyNamed = async (name: string): Promise<SshKey> => {
    const k = (await f.client.sshKeys.listAll()).find((x) => x.name === name);
    assert.ok(k, `SSH key ${name}`);
    return k;
  };
  /** The project's node in the tree (the roots are synced first). */
  const projectNode = async (project: Project): Promise<ProjectNode> => {
    await f.api.tree.getChildren();
    const node = f.api.tree.projectNode(project.id);
    assert.ok(node, 'the project is in the tree');
    return node;
  };

  beforeEach(() => f.setUp());
  afterEach(() => f.tearDown());

  it('registers Edit Labels of the four kinds and Filter by Labels…, ids written out in package.json', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of ['hcloud.server.editLabels', 'hcloud.floatingIp.editLabels', 'hcloud.image.editLabels', 'hcloud.sshKey.editLabels', 'hcloud.view.filterByLabels']) {
      assert.ok(registered.has(id), id);
    }
  });

  it('Edit Labels of a server from its node: the box shows the current labels; one PUT with the full set; the tooltip shows them', async () => {
    const web1 = await serverNamed('web-1');
    await f.client.servers.update(web1.id, { labels: { env: 'staging', tier: 'web' } });
    const node = f.node('server', await serverNamed('web-1'));
    f.sim.clearRequests();
    const input = f.script({ inputBox: 'env=prod, tier=web, canary' });
    await vscode.commands.executeCommand('hcloud.server.editLabels', node);
    assert.equal(input.values[0], 'env=staging, tier=web', 'prefilled with the current labels');
    assert.equal(input.prompts[0].validation, undefined);
    assert.deepEqual(f.changes(), [{ method: 'PUT', path: `/servers/${web1.id}`, body: { labels: { env: 'prod', tier: 'web', canary: '' } } }]);
    assert.deepEqual((await serverNamed('web-1')).labels, { env: 'prod', tier: 'web', canary: '' });
    assert.deepEqual(f.messages('info'), ['Labels of server "web-1": env=prod, tier=web, canary.']);

    const servers = (await projectNode(f.project)).folders.servers;
    const row = (await servers.getChildren()).find((n) => label(n) === 'web-1');
    assert.ok(row);
    assert.match(String(row.getTreeItem().contextValue), /;labels;/);
    // A server's tooltip is resolved on hover (it loads the Floating IPs it names first).
    const hover = shown((await (row as ServerNode).resolveTooltip()).value);
    assert.ok(hover.split('  \n').includes('Labels: canary, env=prod, tier=web'), hover);
  });

  it('Edit Labels of an SSH key from the palette: a bad key is refused in the box and nothing is sent; a good set is one PUT', async () => {
    const alice = await keyNamed('alice@laptop');
    let input = f.script({ quickPick: 'alice@laptop' }, { inputBox: 'team=ops, bad key=1' });
    await vscode.commands.executeCommand('hcloud.sshKey.editLabels');
    assert.ok(input.prompts[0].items?.includes('alice@laptop'), 'the project\'s keys are offered');
    assert.match(input.prompts[1].validation ?? '', /^Label key "bad key": the key must begin and end with a letter or digit/);
    assert.deepEqual(f.changes(), [], 'refused before sending');

    input = f.script({ quickPick: 'alice@laptop' }, { inputBox: 'hetzner.cloud/x=1' });
    await vscode.commands.executeCommand('hcloud.sshKey.editLabels');
    assert.match(input.prompts[1].validation ?? '', /reserved/);
    assert.deepEqual(f.changes(), []);

    f.script({ quickPick: 'alice@laptop' }, { inputBox: 'team=ops,example.com/owner=alice' });
    await vscode.commands.executeCommand('hcloud.sshKey.editLabels');
    assert.deepEqual(f.changes(), [{ method: 'PUT', path: `/ssh_keys/${alice.id}`, body: { labels: { team: 'ops', 'example.com/owner': 'alice' } } }]);
    assert.deepEqual((await keyNamed('alice@laptop')).labels, { team: 'ops', 'example.com/owner': 'alice' });
  });

  it('an API refusal shows its message and field details; the box opens again with what was typed; nothing else is sent', async () => {
    const proxy = await startRecordingProxy(f.sim.url, refusing(/^\/ssh_keys\/\d+$/));
    const viaProxy = await f.api.projects.add('labels-refusing', proxy.url, TOKEN);
    try {
      const bob = await keyNamed('bob@workstation');
      const typed = 'team=ops, env=prod';
      const input = f.script({ inputBox: typed }, { inputBox: undefined });
      await vscode.commands.executeCommand('hcloud.sshKey.editLabels', { ...f.node('sshKey', bob), project: viaProxy });
      const [error] = f.messages('error');
      assert.match(error ?? '', /^Edit labels of SSH key "bob@workstation" failed: invalid input in field 'labels' \(labels: the key "team" is reserved by an organisation policy\) \(invalid_input\)$/);
      assert.equal(input.values[1], typed, 'the box opens again with what the user typed');
      assert.equal(input.remaining, 0);
      assert.deepEqual(f.changes(), [], 'the proxy answered the PUT; the simulator got nothing');
      assert.deepEqual((await keyNamed('bob@workstation')).labels, bob.labels, 'unchanged');
    } finally {
      await f.api.projects.remove(viaProxy.id);
      await proxy.close();
    }
  });

  it('Filter by Labels…: a bad selector is refused in the box; the lists carry label_selector and the tree shows only the matching servers; Clear Filter removes it', async () => {
    await f.client.servers.update((await serverNamed('web-1')).id, { labels: { env: 'prod', tier: 'web' } });
    await f.client.servers.update((await serverNamed('db-main')).id, { labels: { env: 'prod', tier: 'db' } });
    const p = await projectNode(f.project);

    let input = f.script({ inputBox: 'env=prod,,tier' });
    await vscode.commands.executeCommand('hcloud.view.filterByLabels', p);
    assert.match(input.prompts[0].validation ?? '', /^Not a label selector: /);
    assert.equal(f.api.tree.labelSelectorOf(f.project.id), undefined);

    const selector = 'env=prod,tier!=db';
    input = f.script({ inputBox: selector });
    await vscode.commands.executeCommand('hcloud.view.filterByLabels', p);
    assert.equal(input.prompts[0].validation, undefined);
    assert.equal(f.api.tree.labelSelectorOf(f.project.id), selector);
    const shown = (await p.folders.servers.getChildren()).map(label);
    const lastList = (path: string) => f.sim.requests.filter((r) => r.method === 'GET' && r.path === path).pop();
    assert.deepEqual(lastList('/servers')?.query.label_selector, [selector]);
    const parsed = parseLabelSelector(selector);
    assert.ok('expressions' in parsed);
    const want = (await f.client.servers.listAll())
      .filter((s) => matchesLabelSelector(s.labels ?? {}, parsed.expressions))
      .map((s) => s.name)
      .sort();
    assert.ok(want.includes('web-1') && !want.includes('db-main'));
    assert.deepEqual(shown, want, 'only the matching servers');
    await p.folders.sshKeys.getChildren();
    await p.folders.floatingIps.getChildren();
    for (const path of ['/ssh_keys', '/floating_ips']) assert.deepEqual(lastList(path)?.query.label_selector, [selector], `${path} carried the selector`);
    const row = p.getTreeItem();
    assert.match(String(row.description), /labels: env=prod,tier!=db/);
    assert.match(String(row.contextValue), /;filtered;/);

    f.script();
    await vscode.commands.executeCommand('hcloud.view.clearFilter', p);
    assert.equal(f.api.tree.labelSelectorOf(f.project.id), undefined);
    const all = (await p.folders.servers.getChildren()).map(label);
    assert.equal(lastList('/servers')?.query.label_selector, undefined, 'listed again without the selector');
    assert.deepEqual([...all].sort(), (await f.client.servers.listAll()).map((s) => s.name).sort());
    assert.match(String(p.getTreeItem().contextValue), /;unfiltered;/);
  });

  describe('against the 2018 API', () => {
    let old: Simulator;
    let oldProject: Project;
    beforeEach(async () => {
      old = await startSimulator({ token: TOKEN, actionMs: 100, api: '2018' });
      oldProject = await f.api.projects.add('labels-2018', old.url, TOKEN);
    });
    afterEach(async () => {
      await f.api.projects.remove(oldProject.id);
      await old.close();
    });

    it('no ;labels; token and no Labels line; Edit Labels and Filter by Labels… say the API has none and send nothing', async () => {
      const p = await projectNode(oldProject);
      const servers = await p.folders.servers.getChildren();
      const keys = await p.folders.sshKeys.getChildren();
      assert.ok(servers.length > 0 && keys.length > 0);
      for (const n of [...servers, ...keys]) {
        assert.doesNotMatch(String(n.getTreeItem().contextValue), /;labels;/, label(n));
        assert.doesNotMatch(tooltip(n), /Labels/);
      }
      old.clearRequests();
      const projectAnswer = { quickPick: 'labels-2018' };
      let input = f.script(projectAnswer);
      await vscode.commands.executeCommand('hcloud.server.editLabels');
      assert.deepEqual(f.messages('info'), ['This project\'s API has no labels (it answers as the 2018 API). (project "labels-2018")']);
      assert.equal(input.remaining, 0, 'no resource picked, no box');

      input = f.script({ quickPick: 'labels-2018' });
      await vscode.commands.executeCommand('hcloud.view.filterByLabels');
      assert.match(f.messages('info')[0] ?? '', /^Labels are not supported by the API of project "labels-2018"/);
      assert.equal(input.remaining, 0);
      assert.equal(f.api.tree.labelSelectorOf(oldProject.id), undefined);
      assert.deepEqual(old.requests.filter((r) => r.method !== 'GET' || r.query.label_selector !== undefined), [], 'no change and no label_selector sent');
    });
  });
});
