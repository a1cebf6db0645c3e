// Read-only projects inside VS Code, against a simulator this suite starts with a read-write and a
// read-only API token: a project the user marks read-only (its rows' menus lose the writes, a write
// from the palette or a row refuses before anything is sent, the mark is kept in global state), and
// a read-only token (the first write answers token_readonly: the project becomes read-only, said
// once; the next write is refused unsent; Update Token lifts it).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Server } from '../../src/api/types';
import { readOnlyRefusal, tokenReadOnlyNotice } from '../../src/projects/readOnly';
import type { TreeNode } from '../../src/tree/node';
import { inlineButtons } from './support/menus';
import { TOKEN, useNounFixture } from './support/nounFixture';
import { until } from './support/until';

const READ_ONLY_TOKEN = 'read-only-token-8b1e';
const WRITES = ['hcloud.server.powerOff', 'hcloud.server.shutdown', 'hcloud.server.reboot', 'hcloud.server.delete', 'hcloud.server.openConsole'];

describe('read-only projects', function () {
  this.timeout(60_000);
  const f = useNounFixture('2026', { readOnlyToken: READ_ONLY_TOKEN });
  let web1: Server;
  beforeEach(async () => {
    [web1] = await f.client.servers.listAll({ name: 'web-1' });
    assert.equal(web1?.status, 'running');
    f.sim.clearRequests();
  });

  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args);
  const rowOf = (node: TreeNode) => f.api.tree.getTreeItem(node);
  /** The project's row (the tree's roots listed first: a new project has no node before). */
  const projectNode = async () => (await f.api.tree.getChildren()).find((n) => n.id === `project/${f.project.id}`)!;
  const projectRow = async () => rowOf(await projectNode());
  /** A server's row as the tree draws it (its folder listed through the extension). */
  const serverRow = async (name: string) => {
    const folders = await f.api.tree.getChildren(await projectNode());
    const servers = await f.api.tree.getChildren(folders.find((n) => n.id.endsWith('/servers'))!);
    const node = servers.find((n) => rowOf(n).label === name);
    assert.ok(node, `${name} is in the tree`);
    return node;
  };

  it('Mark Project Read-Only: kept in global state, no write in its rows\' menus, a write from the palette or a row refuses and sends nothing', async () => {
    assert.match(String((await projectRow()).contextValue), /;writable;/);
    f.script();
    await run('hcloud.project.markReadOnly');
    assert.equal(f.api.projects.readOnly(f.project.id), 'user');
    assert.deepEqual(f.input.messages.map((m) => m.level), ['info']);
    assert.ok(JSON.parse(f.api.globalStateJson()).some(([k, v]: [string, unknown]) => k === 'hcloud.projects.v1' && JSON.stringify(v).includes('"readOnly":"user"')), 'kept with the project in global state');

    const row = await projectRow();
    assert.match(String(row.contextValue), /;readOnly;readOnlyMarked;$/);
    assert.match(String(row.description), /^read-only \(marked\)/);
    const server = await serverRow('web-1');
    const serverItem = rowOf(server);
    assert.match(String(serverItem.contextValue), /;server;running;.*;readOnly;$/);
    const inline = inlineButtons(String(serverItem.contextValue)).map((b) => b.command);
    assert.ok(!inline.includes('hcloud.server.powerOff') && inline.includes('hcloud.server.showMetrics'), inline.join(' '));

    f.sim.clearRequests();
    const refusal = readOnlyRefusal('nouns', 'user');
    for (const id of WRITES) {
      f.script(); // nothing may be asked: the script has no answer
      await run(id);
      await run(id, server);
      assert.deepEqual(f.input.messages, [{ level: 'warn', text: refusal }, { level: 'warn', text: refusal }], id);
    }
    assert.deepEqual(f.sim.requests.map((r) => `${r.method} ${r.path}`), [], 'nothing was sent');

    f.script({ confirm: true });
    await run('hcloud.project.markWritable', await projectNode());
    assert.equal(f.api.projects.readOnly(f.project.id), undefined);
    assert.match(String((await projectRow()).contextValue), /;writable;$/);
  });

  it('a read-only token: the first write answers token_readonly, the project becomes read-only (said once), the next write is refused unsent; Update Token clears it', async () => {
    await f.api.projects.updateToken(f.project.id, READ_ONLY_TOKEN); // a project whose token is read-only
    f.script({ confirm: true });
    await run('hcloud.server.powerOff', f.node('server', web1));
    const posts = () => f.sim.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.status}`);
    assert.deepEqual(posts(), [`POST /servers/${web1.id}/actions/poweroff 403`]);
    await until('the project to be marked by its token', () => f.api.projects.readOnly(f.project.id) === 'token');
    const notice = tokenReadOnlyNotice('nouns');
    await until('the notice', () => f.input.messages.some((m) => m.text === notice));
    assert.ok(f.input.messages.some((m) => m.level === 'error' && m.text.includes('API token is read-only')), JSON.stringify(f.input.messages));
    assert.match(String((await projectRow()).description), /^read-only token/);
    assert.match(String((await projectRow()).contextValue), /;readOnly;readOnlyToken;$/);

    const first = f.input;
    f.script();
    await run('hcloud.server.reboot', f.node('server', web1));
    await run('hcloud.server.powerOff');
    assert.deepEqual(f.input.messages.map((m) => m.text), [readOnlyRefusal('nouns', 'token'), readOnlyRefusal('nouns', 'token')]);
    f.script();
    await run('hcloud.project.markWritable', await projectNode());
    assert.equal(f.api.projects.readOnly(f.project.id), 'token', 'the user cannot lift a token mark');
    assert.deepEqual(posts(), [`POST /servers/${web1.id}/actions/poweroff 403`], 'nothing more was sent');
    assert.equal([...first.messages, ...f.input.messages].filter((m) => m.text === notice).length, 1, 'said once');

    f.script({ quickPick: 'nouns' }, { inputBox: TOKEN });
    await run('hcloud.project.updateToken');
    assert.equal(f.api.projects.readOnly(f.project.id), undefined, 'a new token clears the mark');
    assert.match(String((await projectRow()).contextValue), /;writable;$/);
    f.script({ confirm: true });
    await run('hcloud.server.powerOff', f.node('server', web1));
    assert.deepEqual(posts().slice(1), [`POST /servers/${web1.id}/actions/poweroff 201`]);
  });
});
