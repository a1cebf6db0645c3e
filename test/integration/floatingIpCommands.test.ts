// Floating IP commands inside VS Code, against a fresh simulator per test (demo seed: "Web
// Frontend" ipv4 protected on web-1 with a PTR, "Spare IPv4" unassigned in nbg1, "Web IPv6" on
// web-2, one more ipv4 without description in hel1).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FloatingIp, Server } from '../../src/api/types';
import { NounFixture } from './support/nounFixture';

describe('Floating IP commands', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  let fips: FloatingIp[];
  let servers: Server[];
  const fip = (description: string) => fips.find((x) => x.description === description)!;
  const server = (name: string) => servers.find((s) => s.name === name)!;
  const wire = (id: number) => f.sim.state.floatingIps.get(id);

  beforeEach(async () => {
    await f.setUp();
    fips = await f.client.floatingIps.listAll();
    servers = await f.client.servers.listAll();
    f.sim.clearRequests();
  });
  afterEach(() => f.tearDown());

  it('creates an IPv4 assigned to a server: one POST, waits for the assign action', async () => {
    const input = f.script({ stepQuickPick: 'IPv4' }, { stepQuickPick: 'Assign to a server' }, { stepQuickPick: 'web-1' }, { stepInputBox: 'Load balancer' }, { confirm: true });
    const created = (await vscode.commands.executeCommand('hcloud.floatingIp.create')) as FloatingIp;
    assert.equal(input.remaining, 0);
    const web1 = server('web-1');
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/floating_ips', body: { type: 'ipv4', server: web1.id, description: 'Load balancer' } }]);
    const state = wire(created.id);
    assert.equal(state?.server, web1.id, 'assigned once the action finished');
    assert.equal(state?.description, 'Load balancer');
    assert.equal(state?.home_location.name, web1.location?.name);
    assert.deepEqual(f.messages('info'), [`Floating IP ${created.ip} created and assigned to "web-1".`]);
  });

  it('creates an unassigned IPv6 in a home location without description', async () => {
    f.script({ stepQuickPick: 'IPv6' }, { stepQuickPick: 'Pick a home location' }, { stepQuickPick: 'hel1' }, { stepInputBox: '' }, { confirm: true });
    const created = (await vscode.commands.executeCommand('hcloud.floatingIp.create')) as FloatingIp;
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/floating_ips', body: { type: 'ipv6', home_location: 'hel1' } }]);
    const state = wire(created.id);
    assert.equal(state?.type, 'ipv6');
    assert.equal(state?.server, null);
    assert.equal(state?.home_location.name, 'hel1');
    assert.deepEqual(f.messages('info'), [`Floating IP ${created.ip} created in hel1.`]);
  });

  it('sends nothing when Create is cancelled at the last step', async () => {
    const before = f.sim.state.floatingIps.size;
    f.script({ stepQuickPick: 'IPv4' }, { stepQuickPick: 'Pick a home location' }, { stepQuickPick: 'fsn1' }, { stepInputBox: undefined });
    await vscode.commands.executeCommand('hcloud.floatingIp.create');
    assert.deepEqual(f.changes(), []);
    assert.equal(f.sim.state.floatingIps.size, before);
  });

  it('Create: steps numbered 1/4 to 4/4, Back on each after the first; going back keeps the answers', async () => {
    // Type, where, a home location, the description; Back twice (to "where"), assign to web-2 instead; Back from the description to the server.
    const input = f.script(
      { stepQuickPick: 'IPv6' },
      { stepQuickPick: 'Pick a home location' },
      { stepQuickPick: 'hel1' },
      { back: true },
      { back: true },
      { stepQuickPick: 'Assign to a server' },
      { stepQuickPick: 'web-2' },
      { back: true },
      { stepQuickPick: 'web-1' },
      { stepInputBox: 'kept' },
      { confirm: true },
    );
    const created = (await vscode.commands.executeCommand('hcloud.floatingIp.create')) as FloatingIp;
    assert.equal(input.remaining, 0);
    const steps = input.prompts.filter((p) => p.kind.startsWith('step')).map((p) => `${p.title} back=${p.back}`);
    assert.deepEqual(steps, [
      'Create Floating IP: type (1/4) back=false',
      'Create Floating IP: where (2/4) back=true',
      'Create Floating IP: home location (3/4) back=true',
      'Create Floating IP: description (4/4) back=true',
      'Create Floating IP: home location (3/4) back=true',
      'Create Floating IP: where (2/4) back=true',
      'Create Floating IP: server (3/4) back=true',
      'Create Floating IP: description (4/4) back=true',
      'Create Floating IP: server (3/4) back=true',
      'Create Floating IP: description (4/4) back=true',
    ]);
    assert.deepEqual(input.prompts[4].active, ['hel1'], 'the location step opens on the earlier answer');
    assert.deepEqual(input.prompts[5].active, ['Pick a home location']);
    // One POST, with the last answers; the servers and locations were each listed once.
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/floating_ips', body: { type: 'ipv6', server: server('web-1').id, description: 'kept' } }]);
    assert.equal(f.sim.requests.filter((r) => r.method === 'GET' && r.path === '/servers').length, 1);
    assert.equal(f.sim.requests.filter((r) => r.method === 'GET' && r.path === '/locations').length, 1);
    assert.equal(wire(created.id)?.server, server('web-1').id);
  });

  it('palette pickers say what they pick and list it in the tree\'s order; cancelling sends nothing', async () => {
    const input = f.script({ quickPick: undefined }, { quickPick: undefined });
    await vscode.commands.executeCommand('hcloud.server.reboot');
    await vscode.commands.executeCommand('hcloud.floatingIp.delete');
    const [reboot, del] = input.prompts;
    assert.equal(reboot.placeHolder, 'Pick the server to reboot');
    // The Servers folder sorts by name, the Floating IPs folder by address (the API lists by id).
    const running = servers.filter((s) => s.status === 'running').map((s) => s.name);
    assert.notDeepEqual(running, [...running].sort(), 'the API\'s order differs from the tree\'s');
    assert.deepEqual(reboot.items, [...running].sort((a, b) => a.localeCompare(b)));
    assert.equal(del.placeHolder, 'Pick the Floating IP to delete');
    assert.deepEqual(del.items, fips.map((x) => x.ip).sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    assert.deepEqual(f.changes(), []);
  });

  it('assigns an unassigned IP from its node to a picked server', async () => {
    const spare = fip('Spare IPv4');
    const target = server('api-staging');
    const input = f.script({ quickPick: 'api-staging' });
    await vscode.commands.executeCommand('hcloud.floatingIp.assign', f.node('floatingIp', spare));
    assert.match(input.prompts[0].title ?? '', /\(unassigned\)/);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/floating_ips/${spare.id}/actions/assign`, body: { server: target.id } }]);
    assert.equal(wire(spare.id)?.server, target.id);
    assert.deepEqual(f.messages('info'), [`Assign Floating IP "Spare IPv4" (${spare.ip}) to "api-staging": done.`]);
  });

  it('moves an assigned IP (picked from the palette) and says which server it moves from', async () => {
    const frontend = fip('Web Frontend');
    const input = f.script({ quickPick: frontend.ip }, { quickPick: 'web-2' });
    await vscode.commands.executeCommand('hcloud.floatingIp.assign');
    const serverPick = input.prompts[1];
    assert.match(serverPick.title ?? '', /now on "web-1"/);
    assert.ok(!serverPick.items?.includes('web-1'), 'the current server is not offered');
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/floating_ips/${frontend.id}/actions/assign`, body: { server: server('web-2').id } }]);
    assert.equal(wire(frontend.id)?.server, server('web-2').id);
    assert.match(f.messages('info')[0], /^Move Floating IP "Web Frontend" .* from "web-1" to "web-2": done\.$/);
  });

  it('reports a failed assign action with the API\'s code and message', async () => {
    const spare = fip('Spare IPv4');
    f.sim.setFaults({ failActions: [{ command: 'assign_floating_ip', code: 'server_unavailable', message: 'the server is not reachable' }] });
    f.script({ quickPick: 'ci-runner' });
    await vscode.commands.executeCommand('hcloud.floatingIp.assign', f.node('floatingIp', spare));
    f.sim.setFaults({});
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/floating_ips/${spare.id}/actions/assign`, body: { server: server('ci-runner').id } }]);
    assert.deepEqual(f.messages('info'), []);
    assert.match(f.messages('error')[0] ?? '', /^Assign Floating IP "Spare IPv4" .* to "ci-runner" failed: the server is not reachable \(server_unavailable\)$/);
  });

  it('says so when the palette has nothing to unassign, and sends nothing', async () => {
    for (const x of fips.filter((x) => x.serverId !== undefined)) await f.client.floatingIps.unassign(x.id).then((a) => f.client.waitForActions(a));
    f.sim.clearRequests();
    f.script();
    await vscode.commands.executeCommand('hcloud.floatingIp.unassign');
    assert.deepEqual(f.messages('info'), ['No Floating IP is assigned. (project "nouns")']);
    assert.deepEqual(f.changes(), []);
  });

  it('unassigns only after confirmation; the palette offers only assigned IPs', async () => {
    const web6 = fip('Web IPv6');
    const input = f.script({ quickPick: web6.ip }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.floatingIp.unassign');
    assert.deepEqual(input.prompts[0].items?.sort(), fips.filter((x) => x.serverId !== undefined).map((x) => x.ip).sort());
    assert.match(input.prompts[1].message ?? '', /Unassign Floating IP "Web IPv6" .* from "web-2"\?/);
    assert.deepEqual(f.changes(), [], 'cancelling sends nothing');
    assert.equal(wire(web6.id)?.server, server('web-2').id);

    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.floatingIp.unassign', f.node('floatingIp', web6));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/floating_ips/${web6.id}/actions/unassign`, body: undefined }]);
    assert.equal(wire(web6.id)?.server, null);
    assert.match(f.messages('info')[0], /from "web-2": done\./);
  });

  it('changes the reverse DNS of an IPv4: validates the hostname in the box, then sets and resets it', async () => {
    const spare = fip('Spare IPv4');
    const input = f.script({ quickPick: 'Set a hostname…' }, { inputBox: 'bad_host.example.com' });
    await vscode.commands.executeCommand('hcloud.floatingIp.changeDnsPtr', f.node('floatingIp', spare));
    assert.match(input.prompts[1].validation ?? '', /"bad_host" is not valid: use letters, digits and dashes/);
    assert.deepEqual(f.changes(), []);

    f.script({ quickPick: 'Set a hostname…' }, { inputBox: 'spare.example.com' });
    await vscode.commands.executeCommand('hcloud.floatingIp.changeDnsPtr', f.node('floatingIp', spare));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/floating_ips/${spare.id}/actions/change_dns_ptr`, body: { ip: spare.ip, dns_ptr: 'spare.example.com' } }]);
    assert.deepEqual(wire(spare.id)?.dns_ptr, [{ ip: spare.ip, dns_ptr: 'spare.example.com' }]);

    f.sim.clearRequests();
    f.script({ quickPick: 'Reset to default' });
    await vscode.commands.executeCommand('hcloud.floatingIp.changeDnsPtr', f.node('floatingIp', spare));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/floating_ips/${spare.id}/actions/change_dns_ptr`, body: { ip: spare.ip, dns_ptr: null } }]);
    assert.notEqual(wire(spare.id)?.dns_ptr?.[0]?.dns_ptr, 'spare.example.com');
    assert.deepEqual(f.messages('info'), [`Reset reverse DNS of ${spare.ip}: done.`]);
  });

  it('changes the reverse DNS of an address inside an IPv6 /64, refusing one outside it', async () => {
    const web6 = fip('Web IPv6');
    const prefix = web6.ip.replace('/64', '');
    const input = f.script({ inputBox: '2001:db8:ffff:ffff::1' });
    await vscode.commands.executeCommand('hcloud.floatingIp.changeDnsPtr', f.node('floatingIp', web6));
    assert.match(input.prompts[0].validation ?? '', /inside/);
    assert.deepEqual(f.changes(), []);

    f.script({ inputBox: `${prefix}beef` }, { quickPick: 'Set a hostname…' }, { inputBox: 'v6.example.com' });
    await vscode.commands.executeCommand('hcloud.floatingIp.changeDnsPtr', f.node('floatingIp', web6));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/floating_ips/${web6.id}/actions/change_dns_ptr`, body: { ip: `${prefix}beef`, dns_ptr: 'v6.example.com' } }]);
    assert.ok(wire(web6.id)?.dns_ptr?.some((p) => p.dns_ptr === 'v6.example.com' && p.ip === `${prefix}beef`));
  });

  it('changes the description with one PUT', async () => {
    const spare = fip('Spare IPv4');
    const refused = f.script({ inputBox: 'Reserve\u202E for failover' });
    await vscode.commands.executeCommand('hcloud.floatingIp.changeDescription', f.node('floatingIp', spare));
    assert.match(refused.prompts[0].validation ?? '', /^A description cannot contain control characters .*\(U\+202E at position 8\)/, 'control and bidi characters are refused (issue 10, finding 11)');
    assert.deepEqual(f.changes(), []);
    f.script({ inputBox: 'Reserve for failover' });
    await vscode.commands.executeCommand('hcloud.floatingIp.changeDescription', f.node('floatingIp', spare));
    assert.deepEqual(f.changes(), [{ method: 'PUT', path: `/floating_ips/${spare.id}`, body: { description: 'Reserve for failover' } }]);
    assert.equal(wire(spare.id)?.description, 'Reserve for failover');
    assert.deepEqual(f.messages('info'), [`Description of Floating IP ${spare.ip} changed.`]);
  });

  it('changes protection; picking the current state sends nothing', async () => {
    const spare = fip('Spare IPv4');
    f.script({ quickPick: 'Remove delete protection' });
    await vscode.commands.executeCommand('hcloud.floatingIp.changeProtection', f.node('floatingIp', spare));
    assert.deepEqual(f.changes(), []);
    assert.match(f.messages('info')[0], /already unprotected/);

    f.script({ quickPick: 'Protect against deletion' });
    await vscode.commands.executeCommand('hcloud.floatingIp.changeProtection', f.node('floatingIp', spare));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/floating_ips/${spare.id}/actions/change_protection`, body: { delete: true } }]);
    assert.equal(wire(spare.id)?.protection.delete, true);
  });

  it('copies the IP to the clipboard', async () => {
    const spare = fip('Spare IPv4');
    await vscode.env.clipboard.writeText('something else');
    f.script();
    await vscode.commands.executeCommand('hcloud.floatingIp.copyIp', f.node('floatingIp', spare));
    assert.equal(await vscode.env.clipboard.readText(), spare.ip);
    assert.deepEqual(f.messages('info'), [`Copied ${spare.ip}.`]);
    assert.deepEqual(f.changes(), []);
  });

  it('deletes an unassigned IP after a modal confirmation; cancelling sends nothing', async () => {
    const spare = fip('Spare IPv4');
    const input = f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.floatingIp.delete', f.node('floatingIp', spare));
    assert.match(input.prompts[0].message ?? '', /Delete Floating IP "Spare IPv4"/);
    assert.deepEqual(f.changes(), []);

    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.floatingIp.delete', f.node('floatingIp', spare));
    assert.deepEqual(f.changes(), [{ method: 'DELETE', path: `/floating_ips/${spare.id}`, body: undefined }]);
    assert.equal(wire(spare.id), undefined);
    assert.deepEqual(f.messages('info'), [`Floating IP "Spare IPv4" (${spare.ip}) deleted.`]);
  });

  it('a protected IP says so and offers to remove the protection; it is deleted only after a second yes', async () => {
    const frontend = fip('Web Frontend');
    const input = f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.floatingIp.delete', f.node('floatingIp', frontend));
    assert.match(input.prompts[0].message ?? '', /is protected against deletion/);
    assert.deepEqual(f.changes(), [], 'declining sends nothing');

    f.script({ confirm: true }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.floatingIp.delete', f.node('floatingIp', frontend));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/floating_ips/${frontend.id}/actions/change_protection`, body: { delete: false } }]);
    assert.equal(wire(frontend.id)?.protection.delete, false, 'protection removed');
    assert.ok(wire(frontend.id), 'not deleted without the second yes');

    f.sim.clearRequests();
    f.script({ confirm: true });
    const fresh = (await f.client.floatingIps.get(frontend.id))!;
    await vscode.commands.executeCommand('hcloud.floatingIp.delete', f.node('floatingIp', fresh));
    assert.deepEqual(f.changes(), [{ method: 'DELETE', path: `/floating_ips/${frontend.id}`, body: undefined }]);
    assert.equal(wire(frontend.id), undefined);
    assert.ok(!f.sim.state.servers.get(server('web-1').id)?.public_net.floating_ips.includes(frontend.id), 'the server no longer lists it');
  });

  it('shows the API\'s error when the node was stale and the IP is protected after all', async () => {
    const frontend = fip('Web Frontend');
    const stale = { ...frontend, protection: { delete: false } };
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.floatingIp.delete', f.node('floatingIp', stale));
    assert.equal(f.sim.requests.at(-1)?.status, 403);
    const [error] = f.messages('error');
    assert.match(error, /^Delete Floating IP "Web Frontend" .* failed: the resource is protected/);
    assert.ok(wire(frontend.id));
  });
});
