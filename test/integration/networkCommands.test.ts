// Network commands inside VS Code, against a fresh simulator per test (demo seed, today's API:
// "backend" 10.0.0.0/16, protected, a cloud and a vSwitch subnet, a route, web-1 and db-main
// attached; "legacy-net" with a deprecated server subnet).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Network, Server } from '../../src/api/types';
import { NounFixture, useNounFixture } from './support/nounFixture';

describe('Network commands', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  let networks: Network[];
  let servers: Server[];
  const net = (name: string) => networks.find((n) => n.name === name)!;
  const server = (name: string) => servers.find((s) => s.name === name)!;
  const wire = (id: number) => f.sim.state.networks.get(id);

  beforeEach(async () => {
    await f.setUp();
    networks = await f.client.networks.listAll();
    servers = await f.client.servers.listAll();
    f.sim.clearRequests();
  });
  afterEach(() => f.tearDown());

  it('creates a network with a first cloud subnet (range and subnet suggested)', async () => {
    const input = f.script({ inputBox: 'office' }, { inputBox: '10.50.0.0/16' }, { quickPick: 'Cloud subnet' }, { inputBox: '' });
    const created = (await vscode.commands.executeCommand('hcloud.network.create')) as Network;
    assert.equal(input.remaining, 0);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/networks', body: { name: 'office', ip_range: '10.50.0.0/16', subnets: [{ type: 'cloud', network_zone: 'eu-central' }] } }]);
    assert.equal(wire(created.id)?.subnets[0].ip_range, '10.50.0.0/24');
    assert.deepEqual(f.messages('info'), ['Network "office" (10.50.0.0/16) created.']);
    assert.deepEqual(input.values.slice(1), ['10.0.0.0/16', '10.50.1.0/24'], 'the range and first subnet are suggested');
  });

  it('sends nothing when Create is cancelled at the subnet step; the type server is offered nowhere', async () => {
    const input = f.script({ inputBox: 'office' }, { inputBox: '10.50.0.0/16' }, { quickPick: undefined });
    await vscode.commands.executeCommand('hcloud.network.create');
    assert.deepEqual(f.changes(), []);
    assert.deepEqual(input.prompts[2].items, ['Cloud subnet', 'vSwitch subnet', 'No subnet now']);
  });

  it('adds a vSwitch subnet, then deletes a subnet from its row only after confirmation', async () => {
    const legacy = net('legacy-net');
    f.script({ quickPick: 'vSwitch subnet' }, { inputBox: '172.16.5.0/24' }, { inputBox: '4242' });
    await vscode.commands.executeCommand('hcloud.network.addSubnet', f.node('network', legacy));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/networks/${legacy.id}/actions/add_subnet`, body: { type: 'vswitch', network_zone: 'eu-central', ip_range: '172.16.5.0/24', vswitch_id: 4242 } }]);
    assert.deepEqual(wire(legacy.id)?.subnets.map((s) => s.ip_range), ['172.16.0.0/24', '172.16.5.0/24']);

    f.sim.clearRequests();
    const row = { network: legacy, subnet: legacy.subnets[0] };
    f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.network.deleteSubnet', f.node('subnet', row));
    assert.deepEqual(f.changes(), [], 'cancelling sends nothing');
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.network.deleteSubnet', f.node('subnet', row));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/networks/${legacy.id}/actions/delete_subnet`, body: { ip_range: '172.16.0.0/24' } }]);
    assert.deepEqual(wire(legacy.id)?.subnets.map((s) => s.ip_range), ['172.16.5.0/24']);
  });

  it('adds and deletes a route; changes the IP range (larger only); renames; exposes routes to the vSwitch', async () => {
    const b = net('backend');
    const input = f.script({ inputBox: '192.168.7.0/24' }, { inputBox: '10.0.1.20' });
    await vscode.commands.executeCommand('hcloud.network.addRoute', f.node('network', b));
    assert.equal(input.remaining, 0);
    f.script({ quickPick: '10.100.1.0/24 → 10.0.1.10' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.network.deleteRoute', f.node('network', b));
    f.script({ inputBox: '10.0.0.0/15' });
    await vscode.commands.executeCommand('hcloud.network.changeIpRange', f.node('network', b));
    f.script({ inputBox: 'backbone' });
    await vscode.commands.executeCommand('hcloud.network.rename', f.node('network', b));
    f.script({ quickPick: 'Expose the routes to the vSwitch' });
    await vscode.commands.executeCommand('hcloud.network.exposeRoutesToVswitch', f.node('network', b));
    assert.deepEqual(f.changes(), [
      { method: 'POST', path: `/networks/${b.id}/actions/add_route`, body: { destination: '192.168.7.0/24', gateway: '10.0.1.20' } },
      { method: 'POST', path: `/networks/${b.id}/actions/delete_route`, body: { destination: '10.100.1.0/24', gateway: '10.0.1.10' } },
      { method: 'POST', path: `/networks/${b.id}/actions/change_ip_range`, body: { ip_range: '10.0.0.0/15' } },
      { method: 'PUT', path: `/networks/${b.id}`, body: { name: 'backbone' } },
      { method: 'PUT', path: `/networks/${b.id}`, body: { expose_routes_to_vswitch: true } },
    ]);
    const state = wire(b.id);
    assert.deepEqual([state?.routes, state?.ip_range, state?.name, state?.expose_routes_to_vswitch], [[{ destination: '192.168.7.0/24', gateway: '10.0.1.20' }], '10.0.0.0/15', 'backbone', true]);
  });

  it('a smaller IP range never reaches the API; cancelling sends nothing', async () => {
    const b = net('backend');
    const input = f.script({ inputBox: '10.0.0.0/17' });
    await vscode.commands.executeCommand('hcloud.network.changeIpRange', f.node('network', b));
    assert.deepEqual(f.changes(), []);
    assert.match(input.prompts[0].validation ?? '', /can only grow/);
  });

  it('delete: a protected network offers to unprotect (declined: nothing sent); an unprotected one is deleted after the modal', async () => {
    f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.network.delete', f.node('network', net('backend')));
    assert.deepEqual(f.changes(), []);
    assert.ok(wire(net('backend').id));
    const legacy = net('legacy-net');
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.network.delete', f.node('network', legacy));
    assert.deepEqual(f.changes(), [{ method: 'DELETE', path: `/networks/${legacy.id}`, body: undefined }]);
    assert.equal(wire(legacy.id), undefined);
    assert.deepEqual(f.messages('info'), ['Network "legacy-net" deleted.']);
  });

  it('attaches a server with an IP and alias IPs, changes its alias IPs, detaches it after confirmation', async () => {
    const web2 = server('web-2');
    const b = net('backend');
    f.script({ quickPick: 'backend' }, { inputBox: '10.0.1.50' }, { inputBox: '10.0.1.51, 10.0.1.52' });
    await vscode.commands.executeCommand('hcloud.server.attachToNetwork', f.node('server', web2));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/servers/${web2.id}/actions/attach_to_network`, body: { network: b.id, ip: '10.0.1.50', alias_ips: ['10.0.1.51', '10.0.1.52'] } }]);
    assert.deepEqual(wire(b.id)?.attachments.find((a) => a.server === web2.id)?.alias_ips, ['10.0.1.51', '10.0.1.52']);

    const attached = (await f.client.servers.get(web2.id))!;
    f.sim.clearRequests();
    f.script({ inputBox: '10.0.1.60' });
    await vscode.commands.executeCommand('hcloud.server.changeAliasIps', f.node('server', attached));
    f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.server.detachFromNetwork', f.node('server', attached));
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.server.detachFromNetwork', f.node('server', attached));
    assert.deepEqual(f.changes(), [
      { method: 'POST', path: `/servers/${web2.id}/actions/change_alias_ips`, body: { network: b.id, alias_ips: ['10.0.1.60'] } },
      { method: 'POST', path: `/servers/${web2.id}/actions/detach_from_network`, body: { network: b.id } },
    ]);
    assert.equal(wire(b.id)?.attachments.some((a) => a.server === web2.id), false);
  });

  it('attach: cancelling at the alias IPs sends nothing; an IP outside the network is refused in the box', async () => {
    const input = f.script({ quickPick: 'legacy-net' }, { inputBox: '' }, { inputBox: undefined });
    await vscode.commands.executeCommand('hcloud.server.attachToNetwork', f.node('server', server('web-2')));
    assert.deepEqual(f.changes(), []);
    assert.equal(input.remaining, 0);
    const outside = f.script({ quickPick: 'legacy-net' }, { inputBox: '10.9.9.9' });
    await vscode.commands.executeCommand('hcloud.server.attachToNetwork', f.node('server', server('web-2')));
    assert.match(outside.prompts[1].validation ?? '', /inside 172\.16\.0\.0\/16/);
    assert.deepEqual(f.changes(), []);
  });
});

describe('Network commands against the 2018 API', function () {
  this.timeout(60_000);
  const f = useNounFixture('2018');
  it('from the palette every Network command (and the server ones) says the API has no networks and asks it nothing about them', async () => {
    const ids = ['create', 'changeIpRange', 'addSubnet', 'deleteSubnet', 'addRoute', 'deleteRoute', 'exposeRoutesToVswitch', 'rename', 'editLabels', 'changeProtection', 'delete', 'showActions'];
    const server = ['hcloud.server.attachToNetwork', 'hcloud.server.detachFromNetwork', 'hcloud.server.changeAliasIps'];
    await f.assertNoFamily([...ids.map((id) => `hcloud.network.${id}`), ...server], 'networks', (path) => path.includes('network'));
  });
});
