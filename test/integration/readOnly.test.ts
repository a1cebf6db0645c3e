// Read-only projects inside VS Code, against a simulator this suite starts with a read-write and a
// read-only API token: a project the user marks read-only (its rows' menus lose the writes, a write
// from the palette or a row refuses before anything is sent, the mark is kept in global state), and
// a read-only token (the first write answers token_readonly: the project becomes read-only, said
// once; the next write is refused unsent; Update Token lifts it).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HcloudClient } from '../../src/api/client';
import type { Server } from '../../src/api/types';
import type { Project } from '../../src/projects/projectStore';
import { readOnlyRefusal, tokenReadOnlyNotice } from '../../src/projects/readOnly';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import type { TreeNode } from '../../src/tree/node';
import { testingApi } from './support/extensionApi';
import { inlineButtons } from './support/menus';
import { ScriptedInput, type Answer } from './support/scriptedInput';
import { until } from './support/until';

const TOKEN = 'read-write-token-8b1e';
const READ_ONLY_TOKEN = 'read-only-token-8b1e';
const WRITES = ['hcloud.server.powerOff', 'hcloud.server.shutdown', 'hcloud.server.reboot', 'hcloud.server.delete', 'hcloud.server.openConsole'];

describe('read-only projects', function () {
  this.timeout(60_000);
  let sim: Simulator;
  let api: Awaited<ReturnType<typeof testingApi>>;
  let input: ScriptedInput;
  let project: Project;
  let web1: Server;

  const script = (...answers: Answer[]) => {
    input = new ScriptedInput(answers);
    api.setUserInput(input);
  };
  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args);
  const rowOf = (node: TreeNode) => api.tree.getTreeItem(node);
  /** The project's row (the tree's roots listed first: a new project has no node before). */
  const projectNode = async () => (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`)!;
  const projectRow = async () => rowOf(await projectNode());
  /** A server's row as the tree draws it (its folder listed through the extension). */
  const serverRow = async (name: string) => {
    const folders = await api.tree.getChildren(await projectNode());
    const servers = await api.tree.getChildren(folders.find((f) => f.id.endsWith('/servers'))!);
    const node = servers.find((n) => rowOf(n).label === name);
    assert.ok(node, `${name} is in the tree`);
    return node;
  };
  const nodeOf = (s: Server): TreeNode =>
    ({ kind: 'server', project, resource: s, id: `project/${project.id}/server/test`, parent: undefined, invalidate: () => undefined, getTreeItem: () => ({}), getChildren: async () => [] }) as unknown as TreeNode;

  const setUp = async (token: string) => {
    api = await testingApi();
    for (const p of api.projects.list()) if (p.source === 'stored') await api.projects.remove(p.id);
    delete process.env.HCLOUD_TOKEN;
    sim = await startSimulator({ token: TOKEN, readOnlyToken: READ_ONLY_TOKEN, actionMs: 100 });
    project = await api.projects.add('production', sim.url, token);
    [web1] = await new HcloudClient({ token: READ_ONLY_TOKEN, endpoint: sim.url }).servers.listAll({ name: 'web-1' });
    assert.equal(web1?.status, 'running');
  };

  afterEach(async () => {
    api?.setUserInput(undefined);
    if (project) await api.projects.remove(project.id);
    await sim?.close();
  });

  it('Mark Project Read-Only: kept in global state, no write in its rows\' menus, a write from the palette or a row refuses and sends nothing', async () => {
    await setUp(TOKEN);
    assert.match(String((await projectRow()).contextValue), /;writable;/);
    script();
    await run('hcloud.project.markReadOnly');
    assert.equal(api.projects.readOnly(project.id), 'user');
    assert.deepEqual(input.messages.map((m) => m.level), ['info']);
    assert.ok(JSON.parse(api.globalStateJson()).some(([k, v]: [string, unknown]) => k === 'hcloud.projects.v1' && JSON.stringify(v).includes('"readOnly":"user"')), 'kept with the project in global state');

    const row = await projectRow();
    assert.match(String(row.contextValue), /;readOnly;readOnlyMarked;$/);
    assert.match(String(row.description), /^read-only \(marked\)/);
    const server = await serverRow('web-1');
    const serverItem = rowOf(server);
    assert.match(String(serverItem.contextValue), /;server;running;.*;readOnly;$/);
    const inline = inlineButtons(String(serverItem.contextValue)).map((b) => b.command);
    assert.ok(!inline.includes('hcloud.server.powerOff') && inline.includes('hcloud.server.showMetrics'), inline.join(' '));

    sim.clearRequests();
    const refusal = readOnlyRefusal('production', 'user');
    for (const id of WRITES) {
      script(); // nothing may be asked: the script has no answer
      await run(id);
      await run(id, server);
      assert.deepEqual(input.messages, [{ level: 'warn', text: refusal }, { level: 'warn', text: refusal }], id);
    }
    assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.path}`), [], 'nothing was sent');

    script({ confirm: true });
    await run('hcloud.project.markWritable', await projectNode());
    assert.equal(api.projects.readOnly(project.id), undefined);
    assert.match(String((await projectRow()).contextValue), /;writable;$/);
  });

  it('a read-only token: the first write answers token_readonly, the project becomes read-only (said once), the next write is refused unsent; Update Token clears it', async () => {
    await setUp(READ_ONLY_TOKEN);
    sim.clearRequests();
    script({ confirm: true });
    await run('hcloud.server.powerOff', nodeOf(web1));
    const posts = () => sim.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.status}`);
    assert.deepEqual(posts(), [`POST /servers/${web1.id}/actions/poweroff 403`]);
    await until('the project to be marked by its token', () => api.projects.readOnly(project.id) === 'token');
    const notice = tokenReadOnlyNotice('production');
    await until('the notice', () => input.messages.some((m) => m.text === notice));
    assert.ok(input.messages.some((m) => m.level === 'error' && m.text.includes('API token is read-only')), JSON.stringify(input.messages));
    assert.match(String((await projectRow()).description), /^read-only token/);
    assert.match(String((await projectRow()).contextValue), /;readOnly;readOnlyToken;$/);

    const first = input;
    script();
    await run('hcloud.server.reboot', nodeOf(web1));
    await run('hcloud.server.powerOff');
    assert.deepEqual(input.messages.map((m) => m.text), [readOnlyRefusal('production', 'token'), readOnlyRefusal('production', 'token')]);
    script();
    await run('hcloud.project.markWritable', await projectNode());
    assert.equal(api.projects.readOnly(project.id), 'token', 'the user cannot lift a token mark');
    assert.deepEqual(posts(), [`POST /servers/${web1.id}/actions/poweroff 403`], 'nothing more was sent');
    assert.equal([...first.messages, ...input.messages].filter((m) => m.text === notice).length, 1, 'said once');

    script({ quickPick: 'production' }, { inputBox: TOKEN });
    await run('hcloud.project.updateToken');
    assert.equal(api.projects.readOnly(project.id), undefined, 'a new token clears the mark');
    assert.match(String((await projectRow()).contextValue), /;writable;$/);
    script({ confirm: true });
    await run('hcloud.server.powerOff', nodeOf(web1));
    assert.deepEqual(posts().slice(1), [`POST /servers/${web1.id}/actions/poweroff 201`]);
  });
});
