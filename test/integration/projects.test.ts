// Projects and tokens inside VS Code, against a simulator this suite starts for itself.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HcloudClient } from '../../src/api/client';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import type { TreeNode } from '../../src/tree/node';
import type { ServerNode } from '../../src/tree/serverNode';
import { testingApi } from './support/extensionApi';
import { ScriptedInput, type Answer } from './support/scriptedInput';
import { until } from './support/until';

type Api = Awaited<ReturnType<typeof testingApi>>;

const TOKEN = 'integration-token-4f9c2a';

function label(node: TreeNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

/** The children of a project's Servers folder (the project's children are folders). */
async function serversUnder(api: Api, projectNode: TreeNode): Promise<TreeNode[]> {
  const folders = await api.tree.getChildren(projectNode);
  const servers = folders.find((f) => f.id === `${projectNode.id}/servers`);
  assert.ok(servers, 'the project has a Servers folder');
  assert.match(String(servers.getTreeItem().contextValue), /;folder;servers;/);
  return api.tree.getChildren(servers);
}

describe('projects', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let api: Api;
  let input: ScriptedInput;

  const script = (...answers: Answer[]) => {
    input = new ScriptedInput(answers);
    api.setUserInput(input);
  };
  const addAnswers = (name: string, token: string): Answer[] => [
    { inputBox: name },
    { inputBox: token },
    { quickPick: 'Other endpoint…' },
    { inputBox: sim.url },
  ];
  const stored = () => api.projects.list().filter((p) => p.source === 'stored');

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 100 });
    api = await testingApi();
  });

  afterEach(async () => {
    api.setUserInput(undefined);
    for (const p of stored()) await api.projects.remove(p.id);
    delete process.env.HCLOUD_TOKEN;
    delete process.env.HCLOUD_ENDPOINT;
  });

  after(async () => {
    await sim?.close();
  });

  it('adds a project: checks the token with one request, keeps it in SecretStorage only', async () => {
    sim.clearRequests();
    script(...addAnswers('demo-project', TOKEN));
    await vscode.commands.executeCommand('hcloud.project.add');

    assert.equal(input.remaining, 0, 'every scripted prompt was asked');
    const tokenPrompt = input.prompts[1];
    assert.equal(tokenPrompt.password, true, 'the token box hides what is typed');
    assert.equal(tokenPrompt.ignoreFocusOut, true, 'the token box stays open when focus moves');

    const projects = stored();
    assert.deepEqual(projects.map((p) => [p.name, p.endpoint]), [['demo-project', sim.url]]);
    assert.equal(await api.hasStoredToken(projects[0].id), true);
    assert.equal(sim.requests.length, 1, 'exactly one request checks the token');
    assert.equal(sim.requests[0].authorized, true);

    assert.ok(!api.globalStateJson().includes(TOKEN), 'the token is not in global state');
    const settings = JSON.stringify(vscode.workspace.getConfiguration().inspect('hcloud') ?? {}) + JSON.stringify(vscode.workspace.getConfiguration('hcloud'));
    assert.ok(!settings.includes(TOKEN), 'the token is not in settings');
    assert.ok(input.messages.some((m) => m.level === 'info' && m.text.includes('demo-project')));
  });

  it('adds a project on an API that speaks the 2018 contract and lists its servers (datacenters, no labels)', async () => {
    const old = await startSimulator({ token: TOKEN, actionMs: 100, api: '2018' });
    try {
      script({ inputBox: 'contract-2018' }, { inputBox: TOKEN }, { quickPick: 'Other endpoint…' }, { inputBox: old.url });
      await vscode.commands.executeCommand('hcloud.project.add');
      const project = stored().find((p) => p.name === 'contract-2018');
      assert.ok(project, 'the project was added');
      const node = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`);
      assert.ok(node, 'the project shows in the tree');
      const servers = await serversUnder(api, node);
      const names = servers.map(label);
      assert.deepEqual(names, [...old.state.servers.values()].map((s) => s.name).sort((a, b) => a.localeCompare(b)));
      const web = servers.find((s) => label(s) === 'web-1');
      assert.ok(web, 'web-1 is listed');
      // The tooltip's Markdown escapes API text (fsn1\-dc14): compare what it shows.
      const text = (await (web as ServerNode).resolveTooltip()).value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
      assert.match(text, /Datacenter: fsn1-dc14/, 'the 2018 answer names the datacenter');
      assert.doesNotMatch(text, /Labels/, 'the 2018 contract has no labels');
      assert.doesNotMatch(String(web.getTreeItem().contextValue), /;labels;/, 'no Edit Labels against the 2018 API');
      assert.ok(old.requests.every((r) => r.status < 400), `every request succeeded: ${old.requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(', ')}`);
    } finally {
      await old.close();
    }
  });

  it('refuses a wrong token, says why in the token box asked again (name and endpoint kept); cancelling there saves nothing', async () => {
    sim.clearRequests();
    // The input boxes' options as the extension passed them (prompt text, prefilled value).
    const boxes: vscode.InputBoxOptions[] = [];
    input = new (class extends ScriptedInput {
      override inputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
        boxes.push(options);
        return super.inputBox(options);
      }
    })([...addAnswers('wrong-token', 'not-the-right-token'), { inputBox: undefined }]);
    api.setUserInput(input);
    await vscode.commands.executeCommand('hcloud.project.add');

    assert.deepEqual(stored(), []);
    assert.equal(sim.requests.length, 1);
    assert.equal(sim.requests[0].status, 401);
    assert.equal(input.remaining, 0);
    const again = boxes[3];
    assert.equal(again.title, 'Add Hetzner Cloud Project (2/3): token rejected');
    assert.equal(again.password, true);
    assert.equal(again.value, undefined, 'the token box is empty');
    assert.match(again.prompt ?? '', /^The API rejected the token for "wrong-token" \(.+\)\. Paste a token of this project; the name and the endpoint are kept\.$/);
    assert.ok(!JSON.stringify(boxes).includes('not-the-right-token'), 'no prompt echoes the token');
    assert.deepEqual(input.messages.filter((m) => m.level === 'error'), [], 'said in the box, not in a second message');
  });

  it('after a rejected token, a good one adds the project with the name and endpoint typed first', async () => {
    sim.clearRequests();
    script(...addAnswers('second-try', 'not-the-right-token'), { inputBox: TOKEN });
    await vscode.commands.executeCommand('hcloud.project.add');
    assert.deepEqual(stored().map((p) => [p.name, p.endpoint]), [['second-try', sim.url]]);
    assert.deepEqual(sim.requests.map((r) => r.status), [401, 200]);
    assert.equal(await api.hasStoredToken(stored()[0].id), true);
  });

  it('validates the inputs before sending anything', async () => {
    sim.clearRequests();
    script({ inputBox: 'ok-name' }, { inputBox: 'has space' });
    await vscode.commands.executeCommand('hcloud.project.add');
    assert.match(input.prompts[1].validation ?? '', /characters/);

    // Names: no control or bidi characters (issue 10, finding 11), at most 64 characters.
    const before = api.projects.list().length;
    for (const name of ['prod\u202Etxt.exe', 'line\nbreak', 'esc\u001b[31m', 'nul\u0000', 'c1\u009bx', 'iso\u2066x']) {
      script({ inputBox: name });
      await vscode.commands.executeCommand('hcloud.project.add');
      assert.match(input.prompts[0].validation ?? '', /^A project name cannot contain control characters or characters that change the direction of text \(U\+/, JSON.stringify(name));
    }
    script({ inputBox: 'x'.repeat(65) });
    await vscode.commands.executeCommand('hcloud.project.add');
    assert.match(input.prompts[0].validation ?? '', /At most 64 characters/);
    assert.equal(api.projects.list().length, before, 'nothing was added');

    script({ inputBox: 'ok-name' }, { inputBox: TOKEN }, { quickPick: 'Other endpoint…' }, { inputBox: 'http://192.0.2.10/v1' });
    await vscode.commands.executeCommand('hcloud.project.add');
    assert.match(input.prompts[3].validation ?? '', /only for loopback/);
    assert.equal(sim.requests.length, 0);
    assert.deepEqual(stored(), []);
  });

  it('lists the simulator\'s servers in the project\'s Servers folder, with status icon and public IPv4', async () => {
    const project = await api.projects.add('servers', sim.url, TOKEN);
    const projectNode = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`);
    assert.ok(projectNode, 'the project is a root of the tree');
    const children = await serversUnder(api, projectNode);

    const res = await fetch(`${sim.url}/servers?per_page=50`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { servers } = (await res.json()) as { servers: Array<{ name: string; public_net: { ipv4: { ip: string } } }> };
    assert.ok(servers.length >= 3, 'the demo project has servers');
    assert.deepEqual(children.map(label), servers.map((s) => s.name).sort((a, b) => a.localeCompare(b)));
    for (const node of children) {
      const item = node.getTreeItem();
      const server = servers.find((s) => s.name === label(node))!;
      assert.ok(String(item.description).includes(server.public_net.ipv4.ip), 'the description shows the public IPv4');
      assert.ok(item.iconPath instanceof vscode.ThemeIcon);
      assert.match(String(item.contextValue), /;server;/);
    }
  });

  it('shows an error node with Retry when a project cannot load, instead of throwing', async () => {
    // An endpoint that never gives an answer: https to the simulator's plain-http port fails the
    // TLS handshake, a failure the client does not retry (a refused connection would be retried
    // for the 15 s retry window).
    const host = new URL(sim.url).host;
    const project = await api.projects.add('unreachable', `https://${host}/v1`, TOKEN);
    const projectNode = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`)!;
    const [node, ...rest] = await serversUnder(api, projectNode);
    assert.equal(rest.length, 0);
    const item = node.getTreeItem();
    assert.equal(item.label, 'Could not load servers');
    assert.match(String(item.description), new RegExp(`Cannot connect securely to ${host.replace(/\./g, '\\.')} \\(TLS`));
    assert.match(String(item.contextValue), /;retryable;/);
    assert.equal(item.command?.command, 'hcloud.node.retry');
    assert.ok(!JSON.stringify([item.label, item.description, item.tooltip, item.contextValue]).includes(TOKEN));
  });

  it('marks a rejected token on the project', async () => {
    const project = await api.projects.add('revoked', sim.url, 'revoked-token');
    const projectNode = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`)!;
    const [node] = await serversUnder(api, projectNode);
    const item = node.getTreeItem();
    assert.equal(item.label, 'Token rejected');
    assert.match(String(item.contextValue), /;tokenRejected;/);
  });

  it('renames a project and updates its token after checking it', async () => {
    const project = await api.projects.add('old-name', sim.url, 'stale-token');
    script({ quickPick: 'old-name' }, { inputBox: 'new-name' });
    await vscode.commands.executeCommand('hcloud.project.rename');
    assert.deepEqual(stored().map((p) => p.name), ['new-name']);

    sim.clearRequests();
    script({ quickPick: 'new-name' }, { inputBox: 'still-wrong' });
    await vscode.commands.executeCommand('hcloud.project.updateToken');
    assert.equal(sim.requests.at(-1)?.status, 401, 'the new token was checked');
    assert.ok(input.messages.some((m) => m.level === 'error' && /rejected/.test(m.text)));

    script({ quickPick: 'new-name' }, { inputBox: TOKEN });
    await vscode.commands.executeCommand('hcloud.project.updateToken');
    assert.equal(sim.requests.at(-1)?.status, 200);
    const projectNode = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`)!;
    const children = await serversUnder(api, projectNode);
    assert.ok(children.length > 1 && children.every((c) => /;server;/.test(String(c.getTreeItem().contextValue))), 'the new token works');
  });

  it('removes a project only after confirmation, and deletes its secret', async () => {
    const project = await api.projects.add('to-remove', sim.url, TOKEN);
    assert.equal(await api.hasStoredToken(project.id), true);

    script({ quickPick: 'to-remove' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.project.remove');
    assert.equal(stored().length, 1, 'cancelling keeps the project');
    assert.equal(await api.hasStoredToken(project.id), true);

    script({ quickPick: 'to-remove' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.project.remove');
    assert.match(input.prompts[1].message ?? '', /Remove project "to-remove"/);
    assert.deepEqual(stored(), []);
    assert.equal(await api.hasStoredToken(project.id), false, 'the secret is gone');
  });

  it('shows the HCLOUD_TOKEN project from the environment without storing its token', async () => {
    process.env.HCLOUD_TOKEN = TOKEN;
    process.env.HCLOUD_ENDPOINT = sim.url;
    const roots = await api.tree.getChildren();
    const envNode = roots.find((n) => n.id === 'project/env');
    assert.ok(envNode, 'the environment project is listed');
    // A readable name; expanded when it is the only project, collapsed next to others.
    assert.equal(envNode.getTreeItem().label, 'Environment', 'its row: short, so a narrow side bar keeps room for the total');
    assert.match(String(envNode.getTreeItem().description), /HCLOUD_TOKEN/);
    assert.ok((envNode.getTreeItem().tooltip as vscode.MarkdownString).value.replace(/\\(.)/g, '$1').includes('**Environment (HCLOUD_TOKEN)**'), 'its name in full in the tooltip');
    assert.deepEqual(roots.map((n) => n.id), ['project/env'], 'no other project');
    assert.equal(envNode.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const other = await api.projects.add('next to env', sim.url, TOKEN);
    const envNow = (await api.tree.getChildren()).find((n) => n.id === 'project/env');
    assert.equal(envNow?.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    await api.projects.remove(other.id);
    assert.equal(await api.hasStoredToken('env'), false);
    assert.ok(!api.globalStateJson().includes(TOKEN));
    const servers = await serversUnder(api, envNode);
    assert.ok(servers.length > 1 && servers.every((s) => /;server;/.test(String(s.getTreeItem().contextValue))));
    // It opened expanded, so no expand event comes: listing it starts the monthly total on its row.
    await until('the monthly total on the environment project', () => /^€[\d.]+\/mo · HCLOUD_TOKEN · /.test(String(envNode.getTreeItem().description)), 10_000);
  });

  it('refuses an HCLOUD_ENDPOINT that would send the token in cleartext: an error node says why and what to set, no request', async () => {
    sim.clearRequests();
    process.env.HCLOUD_TOKEN = TOKEN;
    // It would reach the simulator (an IPv4-mapped loopback address), but it is not on the rule's list.
    process.env.HCLOUD_ENDPOINT = `http://[::ffff:127.0.0.1]:${sim.port}/v1`;
    api.tree.refresh();
    const envNode = (await api.tree.getChildren()).find((n) => n.id === 'project/env');
    assert.ok(envNode, 'the environment project is listed');
    const children = await api.tree.getChildren(envNode);
    assert.equal(children.length, 1, 'one message instead of the folders');
    const item = children[0].getTreeItem();
    assert.equal(item.label, 'Endpoint refused');
    assert.match(String(item.description), /HCLOUD_ENDPOINT/);
    assert.match(String(item.description), /unencrypted/);
    assert.match(String(item.description), /Set HCLOUD_ENDPOINT to an https:\/\/ URL/);
    assert.ok(!JSON.stringify(item).includes(TOKEN));
    // A command on the project does not send anything either.
    script({ quickPick: 'Environment (HCLOUD_TOKEN)' });
    await vscode.commands.executeCommand('hcloud.server.reboot');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(sim.requests.length, 0, 'the simulator received nothing');
  });

  it('Remove Project stops a running action\'s wait (a plain message, no error) and every request of the project', async () => {
    const token = 'remove-while-waiting-token-38b1';
    const slow = await startSimulator({ token, actionMs: 600_000 });
    try {
      const project = await api.projects.add('remove-while-waiting', slow.url, token);
      const reader = new HcloudClient({ token, endpoint: slow.url });
      const server = (await reader.servers.list()).items.find((s) => s.status === 'running');
      reader.dispose();
      assert.ok(server, 'a running server');
      slow.clearRequests();
      script({ quickPick: 'remove-while-waiting' }, { confirm: true });
      const node = { kind: 'server', project, resource: server, id: `project/${project.id}/server/${server.id}`, getTreeItem: () => ({}) };
      // Open panels of the project poll it too: a metrics panel and the project's action log.
      const log = api.actionLogs.show(project.id);
      await until('the action log has loaded', () => log.current.phase === 'ready');
      const metrics = api.metricsPanels.show(project, server); // in front: it polls while visible
      await until('the metrics panel schedules its next fetch', () => metrics.autoRefreshScheduled);
      const running = vscode.commands.executeCommand('hcloud.server.reboot', node);
      // The wait's poll: GET /actions/<id> of the reboot's action (the action log's first load is GET /actions).
      await until(() => `the wait polls the action: ${slow.requests.map((r) => `${r.method} ${r.path}?${JSON.stringify(r.query)} ${r.status}`).join(', ')} ${JSON.stringify(input.messages)}`, () => slow.requests.some((r) => r.method === 'POST' && r.path.endsWith('/actions/reboot')) && slow.requests.some((r) => r.method === 'GET' && /^\/actions\/\d+$/.test(r.path)));

      await vscode.commands.executeCommand('hcloud.project.remove');
      await new Promise((r) => setTimeout(r, 50)); // a poll sent before the removal is recorded when answered
      const count = slow.requests.length;
      await new Promise((r) => setTimeout(r, 1000)); // the wait would poll again within 750 ms
      assert.equal(slow.requests.length, count, `no request after the removal: ${slow.requests.slice(count).map((r) => `${r.method} ${r.path}`).join(', ')}`);
      assert.equal(metrics.autoRefreshScheduled, false, 'the metrics panel stopped polling');
      assert.equal(log.current.phase, 'gone', 'the action log says the project is gone');
      metrics.dispose();
      log.dispose();
      await running;
      const infos = input.messages.filter((m) => m.level === 'info').map((m) => m.text);
      assert.ok(infos.some((t) => /Reboot .*stopped, project "remove-while-waiting" was removed/.test(t)), `a plain message: ${JSON.stringify(input.messages)} ${JSON.stringify(input.prompts.map((p) => p.kind))}`);
      assert.deepEqual(input.messages.filter((m) => m.level === 'error'), [], 'no error toast');
    } finally {
      await slow.close();
    }
  });
});
