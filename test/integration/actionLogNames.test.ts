// The action log names a deleted server by the name the extension saw (issue 15): `Server "web-3"
// (deleted)` on its delete and on its own creation, instead of `Server #50`; a server the
// extension never saw stays `Server #<id>`. Against a fresh simulator.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Server } from '../../src/api/types';
import { useNounFixture } from './support/nounFixture';
import { until } from './support/until';

describe('action log: names of deleted resources', function () {
  this.timeout(30_000);
  const f = useNounFixture();
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  const create = async (name: string) => {
    const made = await f.client.servers.create({ name, serverType: 'cx11', image: 'ubuntu-24.04', location: 'fsn1', sshKeys: [] });
    await f.client.waitForActions(made.action);
    return made.server.id;
  };

  it('a server deleted with Delete Server is `Server "web-3" (deleted)` on its delete and its creation; one never seen stays `Server #<id>`', async () => {
    const id = await create('web-3');
    assert.ok(await f.api.tree.findResourceNode(f.project.id, 'server', id), 'the tree shows web-3');
    const input = f.script({ inputBox: 'web-3' });
    await vscode.commands.executeCommand('hcloud.server.delete', f.node<Server>('server', (await f.client.servers.get(id))!));
    assert.deepEqual(input.messages.map((m) => m.text), ['Server "web-3" deleted.']);
    await until('the tree to drop web-3', () => f.api.tree.projectNode(f.project.id)?.serverName(id) === undefined);
    // Created and deleted behind the extension's back: never seen.
    const other = await create('ghost-1');
    await f.client.waitForActions(await f.client.servers.delete(other));

    const panel = f.api.actionLogs.show(f.project.id);
    await until('the list', () => panel.current.phase === 'ready' && panel.ready);
    await panel.idle();
    await until('the names looked up', () => panel.current.actions.some((a) => a.resources.some((r) => r.label.endsWith('(deleted)'))));
    const rows = (serverId: number) =>
      panel.current.actions.filter((a) => a.resources.some((r) => r.type === 'server' && r.id === serverId)).map((a) => [a.command, a.resources.find((r) => r.type === 'server')?.label]);
    assert.deepEqual(rows(id), [['delete_server', 'Server "web-3" (deleted)'], ['create_server', 'Server "web-3" (deleted)']]);
    assert.deepEqual(rows(other), [['delete_server', `Server #${other}`], ['create_server', `Server #${other}`]]);
  });
});
