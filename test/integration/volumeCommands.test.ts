// Volume commands inside VS Code, against a fresh simulator per test (today's API, demo seed). Each
// test makes the volumes it needs through the client, then asserts what the API received, the
// simulator's state, the prompts (prices included), and that cancelling sends nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Server, Volume } from '../../src/api/types';
import { NounFixture } from './support/nounFixture';

describe('Volume commands', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  let servers: Server[];
  const server = (name: string) => servers.find((s) => s.name === name)!;
  const wire = (id: number) => f.sim.state.volumes.get(id);
  /** A new volume (settled); attached to `to` when given. */
  const make = async (name: string, location: string, to?: Server): Promise<Volume> => {
    const r = await f.client.volumes.create(to ? { name, size: 20, server: to.id } : { name, size: 20, location });
    await f.client.waitForActions([r.action!, ...r.nextActions]);
    f.sim.clearRequests();
    return (await f.client.volumes.get(r.volume.id))!;
  };

  beforeEach(async () => {
    await f.setUp();
    servers = await f.client.servers.listAll();
    f.sim.clearRequests();
  });
  afterEach(() => f.tearDown());

  it('creates a volume in a location: the monthly price is confirmed before the one POST', async () => {
    const input = f.script({ inputBox: 'backups' }, { inputBox: '100' }, { quickPick: 'Pick a location' }, { quickPick: 'hel1' }, { quickPick: 'xfs' }, { inputBox: 'env=prod' }, { confirm: true });
    const created = (await vscode.commands.executeCommand('hcloud.volume.create')) as Volume;
    assert.equal(input.remaining, 0);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/volumes', body: { name: 'backups', size: 100, format: 'xfs', labels: { env: 'prod' }, location: 'hel1' } }]);
    const confirm = input.prompts.find((p) => p.kind === 'confirm')!;
    assert.match(confirm.message ?? '', /^Create volume "backups" of 100 GB in hel1 for €5\.24\/mo \(€4\.40\/mo net\)\?$/);
    const state = wire(created.id);
    assert.deepEqual([state?.status, state?.size, state?.format, state?.server, state?.location.name], ['available', 100, 'xfs', null, 'hel1']);
    assert.deepEqual(f.messages('info'), ['Volume "backups" (100 GB) created in hel1.']);
  });

  it('refuses sizes outside 10 GB–10 TB in the box, and cancelling at the price sends nothing', async () => {
    const input = f.script({ inputBox: 'big' }, { inputBox: '9' });
    await vscode.commands.executeCommand('hcloud.volume.create');
    assert.equal(input.prompts[1].validation, 'At least 10 GB.');
    f.script({ inputBox: 'big' }, { inputBox: '10241' });
    await vscode.commands.executeCommand('hcloud.volume.create');
    assert.equal(f.input.prompts[1].validation, 'At most 10240 GB (10 TB).');
    f.script({ inputBox: 'big' }, { inputBox: '10240' }, { quickPick: 'Pick a location' }, { quickPick: 'fsn1' }, { quickPick: 'None' }, { inputBox: '' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.volume.create');
    assert.deepEqual(f.changes(), []);
    assert.equal(f.sim.state.volumes.size, [...f.sim.state.volumes.values()].filter((v) => v.name !== 'big').length);
  });

  it('creates a volume for a server from its node: in its location, attached, automount sent', async () => {
    const web1 = server('web-1');
    f.script({ inputBox: 'web-data' }, { inputBox: '10' }, { quickPick: 'ext4' }, { quickPick: 'Mount automatically' }, { inputBox: '' }, { confirm: true });
    const created = (await vscode.commands.executeCommand('hcloud.volume.create', f.node('server', web1))) as Volume;
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/volumes', body: { name: 'web-data', size: 10, format: 'ext4', automount: true, server: web1.id } }]);
    assert.equal(wire(created.id)?.server, web1.id, 'attached once the actions finished');
    assert.equal(wire(created.id)?.location.name, web1.location?.name);
  });

  it('attaches from the volume (servers of its location only) and from a server ("Attach Volume…")', async () => {
    const loose = await make('loose', 'fsn1');
    const input = f.script({ quickPick: 'web-1' }, { quickPick: 'Do not mount' });
    await vscode.commands.executeCommand('hcloud.volume.attach', f.node('volume', loose));
    const offered = input.prompts[0].items ?? [];
    assert.ok(offered.includes('web-1') && !offered.includes('web-2'), `only servers in fsn1: ${offered.join(', ')}`);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/volumes/${loose.id}/actions/attach`, body: { server: server('web-1').id, automount: false } }]);
    assert.equal(wire(loose.id)?.server, server('web-1').id);

    const other = await make('other', 'nbg1');
    f.script({ quickPick: 'other' }, { quickPick: 'Mount automatically' });
    await vscode.commands.executeCommand('hcloud.volume.attach', f.node('server', server('web-2')));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/volumes/${other.id}/actions/attach`, body: { server: server('web-2').id, automount: true } }]);
    assert.equal(wire(other.id)?.server, server('web-2').id);
  });

  it('detaches only after confirmation', async () => {
    const v = await make('attached', 'fsn1', server('web-1'));
    const input = f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.volume.detach', f.node('volume', v));
    assert.match(input.prompts[0].message ?? '', /^Detach volume "attached" from "web-1"\?$/);
    assert.deepEqual(f.changes(), []);
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.volume.detach', f.node('volume', v));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/volumes/${v.id}/actions/detach`, body: undefined }]);
    assert.equal(wire(v.id)?.server, null);
  });

  it('resizes only larger, showing the new price; cancelling sends nothing', async () => {
    const v = await make('grow', 'nbg1');
    const input = f.script({ inputBox: '20' });
    await vscode.commands.executeCommand('hcloud.volume.resize', f.node('volume', v));
    assert.match(input.prompts[0].validation ?? '', /at least 21 GB/);
    f.script({ inputBox: '50' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.volume.resize', f.node('volume', v));
    assert.deepEqual(f.changes(), []);
    const last = f.script({ inputBox: '50' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.volume.resize', f.node('volume', v));
    assert.match(last.details[0], /^New price: €2\.62\/mo \(€2\.20\/mo net\) \(now €1\.05\/mo \(€0\.88\/mo net\)\)/);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/volumes/${v.id}/actions/resize`, body: { size: 50 } }]);
    assert.equal(wire(v.id)?.size, 50);
  });

  it('renames, edits labels and changes protection', async () => {
    const v = await make('old-name', 'fsn1');
    f.script({ inputBox: 'new-name' });
    await vscode.commands.executeCommand('hcloud.volume.rename', f.node('volume', v));
    f.script({ inputBox: 'tier=db' });
    await vscode.commands.executeCommand('hcloud.volume.editLabels', f.node('volume', v));
    f.script({ quickPick: 'Protect against deletion' });
    await vscode.commands.executeCommand('hcloud.volume.changeProtection', f.node('volume', v));
    assert.deepEqual(f.changes(), [
      { method: 'PUT', path: `/volumes/${v.id}`, body: { name: 'new-name' } },
      { method: 'PUT', path: `/volumes/${v.id}`, body: { labels: { tier: 'db' } } },
      { method: 'POST', path: `/volumes/${v.id}/actions/change_protection`, body: { delete: true } },
    ]);
    assert.deepEqual([wire(v.id)?.name, wire(v.id)?.labels, wire(v.id)?.protection.delete], ['new-name', { tier: 'db' }, true]);
  });

  it('deletes a protected, attached volume: offers to unprotect, then to detach, then asks to delete', async () => {
    const v = await make('doomed', 'fsn1', server('web-1'));
    await f.client.waitForActions(await f.client.volumes.changeProtection(v.id, { delete: true }));
    const protectedVolume = (await f.client.volumes.get(v.id))!;
    f.sim.clearRequests();
    const input = f.script({ confirm: true }, { confirm: true }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.volume.delete', f.node('volume', protectedVolume));
    assert.deepEqual(input.prompts.map((p) => p.confirmLabel), ['Remove Protection', 'Detach', 'Delete']);
    assert.deepEqual(f.changes(), [
      { method: 'POST', path: `/volumes/${v.id}/actions/change_protection`, body: { delete: false } },
      { method: 'POST', path: `/volumes/${v.id}/actions/detach`, body: undefined },
    ]);
    assert.ok(wire(v.id), 'not deleted: the last question was answered No');
    f.sim.clearRequests();
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.volume.delete', f.node('volume', (await f.client.volumes.get(v.id))!));
    assert.deepEqual(f.changes(), [{ method: 'DELETE', path: `/volumes/${v.id}`, body: undefined }]);
    assert.equal(wire(v.id), undefined);
  });

  it('copies the mount command with the Linux device', async () => {
    const v = await make('data.1', 'fsn1');
    f.script();
    await vscode.commands.executeCommand('hcloud.volume.copyMountCommand', f.node('volume', v));
    assert.equal(await vscode.env.clipboard.readText(), `mkdir -p /mnt/data.1 && mount -o discard,defaults /dev/disk/by-id/scsi-0HC_Volume_${v.id} /mnt/data.1`);
    assert.deepEqual(f.changes(), []);
  });
});
