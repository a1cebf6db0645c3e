// Primary IP commands inside VS Code, against a fresh simulator per test (demo seed: every server's
// IPv4 and IPv6 are Primary IPs with auto_delete; "db-main-ipv4" protected and kept; the unassigned
// "spare-primary-ipv4" in fsn1; ci-runner in fsn1 is off, web-1 in fsn1 runs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PrimaryIp, Server } from '../../src/api/types';
import { formatPriceDetail } from '../../src/shared/price';
import { NounFixture, useNounFixture } from './support/nounFixture';

describe('Primary IP commands', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  let pips: PrimaryIp[];
  let servers: Server[];
  const pip = (name: string) => pips.find((p) => p.name === name)!;
  const server = (name: string) => servers.find((s) => s.name === name)!;
  const ipv4Of = (name: string) => pips.find((p) => p.id === server(name).publicNet.ipv4?.primaryIpId)!;
  const wire = (id: number) => f.sim.state.primaryIps.get(id);

  beforeEach(async () => {
    await f.setUp();
    pips = await f.client.primaryIps.listAll();
    servers = await f.client.servers.listAll();
    f.sim.clearRequests();
  });
  afterEach(() => f.tearDown());

  it('creates an unassigned IPv4 in a location, showing its price before anything is sent', async () => {
    const input = f.script({ quickPick: 'IPv4' }, { quickPick: 'Pick a location' }, { quickPick: 'nbg1' }, { inputBox: 'edge-ip' }, { quickPick: 'Keep it' });
    const created = (await vscode.commands.executeCommand('hcloud.primaryIp.create')) as PrimaryIp;
    assert.equal(input.remaining, 0);
    // The one price format (gross, with net), from the project's /pricing.
    const monthly = (await f.client.pricing.get()).primaryIps?.find((p) => p.type === 'ipv4')?.prices.find((p) => p.location === 'nbg1')?.monthly;
    assert.ok(monthly && monthly.net === 0.5);
    const price = formatPriceDetail(monthly);
    assert.match(price, /^€0\.\d\d\/mo \(€0\.50\/mo net\)$/);
    assert.ok(input.prompts[2].descriptions?.[input.prompts[2].items?.indexOf('nbg1') ?? -1]?.endsWith(price), 'each location shows its price');
    assert.ok(input.prompts[4].title?.endsWith(`IPv4 in nbg1 for ${price}`), input.prompts[4].title);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/primary_ips', body: { name: 'edge-ip', type: 'ipv4', assignee_type: 'server', location: 'nbg1', auto_delete: false } }]);
    const state = wire(created.id);
    assert.deepEqual([state?.name, state?.assignee_id, state?.location.name, state?.auto_delete], ['edge-ip', null, 'nbg1', false]);
    assert.match(f.messages('info')[0], /Primary IP "edge-ip" \(.*\) created in nbg1\./);
  });

  it('sends nothing when Create is cancelled at the last step', async () => {
    const before = f.sim.state.primaryIps.size;
    f.script({ quickPick: 'IPv6' }, { quickPick: 'Pick a location' }, { quickPick: 'hel1' }, { inputBox: 'v6' }, { quickPick: undefined });
    await vscode.commands.executeCommand('hcloud.primaryIp.create');
    assert.deepEqual(f.changes(), []);
    assert.equal(f.sim.state.primaryIps.size, before);
  });

  it('unassign from a running server: says it must be off; declining sends nothing, accepting shuts it down first', async () => {
    const web1 = server('web-1');
    const ip = ipv4Of('web-1');
    const input = f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.primaryIp.unassign', f.node('primaryIp', ip));
    assert.match(input.prompts[0].message ?? '', /Server "web-1" must be off to unassign/);
    assert.deepEqual(f.changes(), [], 'declining sends nothing');

    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.primaryIp.unassign', f.node('primaryIp', ip));
    assert.deepEqual(f.changes(), [
      { method: 'POST', path: `/servers/${web1.id}/actions/shutdown`, body: undefined },
      { method: 'POST', path: `/primary_ips/${ip.id}/actions/unassign`, body: undefined },
    ]);
    assert.equal(wire(ip.id)?.assignee_id, null);
    assert.equal(f.sim.state.servers.get(web1.id)?.status, 'off');
  });

  it('assigns the spare IPv4 to an off server without one (the only servers offered)', async () => {
    const ci = server('ci-runner');
    await f.client.waitForActions(await f.client.primaryIps.unassign(ipv4Of('ci-runner').id));
    f.sim.clearRequests();
    const spare = pip('spare-primary-ipv4');
    const input = f.script({ quickPick: 'ci-runner' });
    await vscode.commands.executeCommand('hcloud.primaryIp.assign', f.node('primaryIp', spare));
    assert.deepEqual(input.prompts[0].items, ['ci-runner']);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/primary_ips/${spare.id}/actions/assign`, body: { assignee_id: ci.id, assignee_type: 'server' } }]);
    assert.equal(wire(spare.id)?.assignee_id, ci.id);
    assert.equal(f.sim.state.servers.get(ci.id)?.public_net.ipv4.id, spare.id);
  });

  it('delete of an assigned IP offers to unassign first, then asks again; cancelling the delete sends only the unassign', async () => {
    const ip = ipv4Of('ci-runner');
    const input = f.script({ confirm: true }, { confirm: true }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.primaryIp.delete', f.node('primaryIp', ip));
    assert.match(input.prompts[0].message ?? '', /is assigned to server/);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/primary_ips/${ip.id}/actions/unassign`, body: undefined }]);
    assert.ok(wire(ip.id), 'not deleted when the last question is declined');

    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.primaryIp.delete', f.node('primaryIp', { ...ip, assigneeId: undefined }));
    assert.deepEqual(f.changes().slice(1), [{ method: 'DELETE', path: `/primary_ips/${ip.id}`, body: undefined }]);
    assert.equal(wire(ip.id), undefined);
  });

  it('renames and changes auto-delete with one PUT each; the protected one offers to unprotect before Delete', async () => {
    const spare = pip('spare-primary-ipv4');
    f.script({ inputBox: 'reserve-ip' });
    await vscode.commands.executeCommand('hcloud.primaryIp.rename', f.node('primaryIp', spare));
    f.script({ quickPick: 'Delete it with its server' });
    await vscode.commands.executeCommand('hcloud.primaryIp.changeAutoDelete', f.node('primaryIp', spare));
    assert.deepEqual(f.changes(), [
      { method: 'PUT', path: `/primary_ips/${spare.id}`, body: { name: 'reserve-ip' } },
      { method: 'PUT', path: `/primary_ips/${spare.id}`, body: { auto_delete: true } },
    ]);
    assert.deepEqual([wire(spare.id)?.name, wire(spare.id)?.auto_delete], ['reserve-ip', true]);

    f.sim.clearRequests();
    const input = f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.primaryIp.delete', f.node('primaryIp', pip('db-main-ipv4')));
    assert.match(input.prompts[0].message ?? '', /is protected against deletion/);
    assert.deepEqual(f.changes(), []);
  });
});

describe('Primary IP commands against the 2018 API', function () {
  this.timeout(60_000);
  const f = useNounFixture('2018');
  it('from the palette every Primary IP command says the API has no Primary IPs and asks it nothing about them', async () => {
    const ids = ['create', 'assign', 'unassign', 'changeDnsPtr', 'changeAutoDelete', 'changeProtection', 'rename', 'copyIp', 'delete', 'editLabels', 'showActions'];
    await f.assertNoFamily(ids.map((id) => `hcloud.primaryIp.${id}`), 'Primary IPs', (path) => path.includes('primary_ip'));
  });
});
