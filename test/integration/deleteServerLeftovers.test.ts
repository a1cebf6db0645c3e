// Delete Server against today's API: what outlives the server and keeps costing money (its attached
// volumes, its Primary IPs with auto_delete off) is named, priced, and deleted too when the user
// says so; protected ones are named and stay. A fresh simulator (demo seed) per test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Server } from '../../src/api/types';
import { NounFixture } from './support/nounFixture';

describe('Delete Server: what keeps costing money', function () {
  this.timeout(30_000);
  const f = new NounFixture();

  /** A running server in fsn1 with a 10 GB volume attached and its Primary IPv4 kept (auto_delete off). */
  const serverWithLeftovers = async (name: string) => {
    const c = f.client;
    const made = await c.servers.create({ name, serverType: 'cx11', image: 'ubuntu-24.04', location: 'fsn1', sshKeys: [] });
    await c.waitForActions(made.action);
    const volume = await c.volumes.create({ name: `${name}-data`, size: 10, server: made.server.id, automount: false });
    await c.waitForActions([...(volume.action ? [volume.action] : []), ...volume.nextActions]);
    const ipv4 = await c.primaryIps.update(made.server.publicNet.ipv4!.primaryIpId!, { autoDelete: false });
    const server = (await c.servers.get(made.server.id))!;
    f.sim.clearRequests();
    return { server, volume: volume.volume, ipv4 };
  };
  const run = (server: Server) => vscode.commands.executeCommand('hcloud.server.delete', f.node<Server>('server', server));

  beforeEach(() => f.setUp());
  afterEach(() => f.tearDown());

  it('names the volume and the kept Primary IP with their prices; "Delete them too" deletes them after the server', async () => {
    const { server, volume, ipv4 } = await serverWithLeftovers('costly-1');
    const input = f.script({ quickPick: 'Delete them too' }, { inputBox: 'costly-1' });
    await run(server);
    const ask = input.prompts[0];
    assert.match(ask.title ?? '', /what keeps costing money/);
    assert.match(ask.placeHolder ?? '', new RegExp(`volume "costly-1-data" \\(10 GB, €\\d+\\.\\d\\d/mo\\), Primary IP ${ipv4.ip.replace(/\./g, '\\.')} "${ipv4.name}" \\(€\\d+\\.\\d\\d/mo\\) remain`));
    assert.equal(input.prompts[1].kind, 'inputBox', 'then the typed name');
    assert.deepEqual(
      f.changes().map((r) => [r.method, r.path]),
      [['DELETE', `/servers/${server.id}`], ['DELETE', `/volumes/${volume.id}`], ['DELETE', `/primary_ips/${ipv4.id}`]],
      'the server first, then what was attached to it',
    );
    assert.equal(f.sim.state.volumes.has(volume.id), false);
    assert.equal(f.sim.state.primaryIps.has(ipv4.id), false);
    assert.ok(f.messages('info').some((m) => m.startsWith('Deleted with the server: volume "costly-1-data"')), JSON.stringify(f.messages('info')));
  });

  it('"Keep them" deletes only the server: the volume stays detached, the Primary IP unassigned', async () => {
    const { server, volume, ipv4 } = await serverWithLeftovers('costly-2');
    f.script({ quickPick: 'Keep them' }, { inputBox: 'costly-2' });
    await run(server);
    assert.deepEqual(f.changes().map((r) => [r.method, r.path]), [['DELETE', `/servers/${server.id}`]]);
    assert.equal((await f.client.volumes.get(volume.id))?.serverId, undefined);
    assert.equal((await f.client.primaryIps.get(ipv4.id))?.assigneeId, undefined);
  });

  it('cancelling the question or the typed name sends nothing; a protected volume is named and not offered', async () => {
    const { server, volume } = await serverWithLeftovers('costly-3');
    f.script({ quickPick: undefined });
    await run(server);
    f.script({ quickPick: 'Delete them too' }, { inputBox: undefined });
    await run(server);
    assert.deepEqual(f.changes(), []);

    await f.client.waitForActions(await f.client.volumes.changeProtection(volume.id, { delete: true }));
    f.sim.clearRequests();
    const input = f.script({ quickPick: 'Delete them too' }, { inputBox: 'costly-3' });
    await run(server);
    assert.match(input.prompts[0].placeHolder ?? '', /1 protected: volume "costly-3-data" .*protected/);
    assert.deepEqual(f.changes().map((r) => r.path), [`/servers/${server.id}`, `/primary_ips/${server.publicNet.ipv4!.primaryIpId}`], 'the protected volume is not deleted');
    assert.ok(f.sim.state.volumes.has(volume.id));
  });

  it('a server with nothing that outlives it (new Primary IPs are deleted with it) asks only for the typed name', async () => {
    const made = await f.client.servers.create({ name: 'plain-1', serverType: 'cx11', image: 'ubuntu-24.04', location: 'fsn1', sshKeys: [] });
    await f.client.waitForActions(made.action);
    f.sim.clearRequests();
    const input = f.script({ inputBox: 'plain-1' });
    await run((await f.client.servers.get(made.server.id))!);
    assert.deepEqual(input.prompts.map((p) => p.kind), ['inputBox']);
    assert.deepEqual(f.changes().map((r) => [r.method, r.path]), [['DELETE', `/servers/${made.server.id}`]]);
  });
});
