// Image commands inside VS Code, against a fresh simulator per test (demo seed: snapshots
// "web-1 golden image" (protected), "db-main before PostgreSQL 16 upgrade", "ci-runner base
// image"; three backups of db-main; the catalog's system images).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Image } from '../../src/api/types';
import { NounFixture } from './support/nounFixture';

describe('Image commands', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  let images: Image[];
  const snapshot = (description: string) => images.find((i) => i.type === 'snapshot' && i.description === description)!;
  const backups = () => images.filter((i) => i.type === 'backup');
  const system = () => images.find((i) => i.type === 'system')!;
  const wire = (id: number) => f.sim.state.images.get(id);

  beforeEach(async () => {
    await f.setUp();
    images = await f.client.images.listAll();
    assert.ok(backups().length >= 1 && system(), 'the demo has backups and system images');
    f.sim.clearRequests();
  });
  afterEach(() => f.tearDown());

  it('changes the description of a snapshot picked from the palette (no system images offered); empty is refused in the box', async () => {
    const db = snapshot('db-main before PostgreSQL 16 upgrade');
    const input = f.script({ quickPick: db.description }, { inputBox: '   ' });
    await vscode.commands.executeCommand('hcloud.image.changeDescription');
    const offered = input.prompts[0].items ?? [];
    assert.deepEqual(offered.sort(), images.filter((i) => i.type === 'snapshot' || i.type === 'backup').map((i) => i.description).sort());
    assert.match(input.prompts[1].validation ?? '', /description/);
    const refused = f.script({ inputBox: 'db\nmain\u001b[31m' });
    await vscode.commands.executeCommand('hcloud.image.changeDescription', f.node('image', db));
    assert.match(refused.prompts[0].validation ?? '', /^A description cannot contain control characters .*\(U\+000A at position 3\)/, 'issue 10, finding 11');
    assert.deepEqual(f.changes(), []);

    f.script({ inputBox: 'db-main PG15 (before upgrade)' });
    await vscode.commands.executeCommand('hcloud.image.changeDescription', f.node('image', db));
    assert.deepEqual(f.changes(), [{ method: 'PUT', path: `/images/${db.id}`, body: { description: 'db-main PG15 (before upgrade)' } }]);
    assert.equal(wire(db.id)?.description, 'db-main PG15 (before upgrade)');
    assert.deepEqual(f.messages('info'), [`Description of snapshot "${db.description}" changed to "db-main PG15 (before upgrade)".`]);
  });

  it('refuses system images from a node without asking or sending anything', async () => {
    for (const command of ['hcloud.image.changeDescription', 'hcloud.image.delete', 'hcloud.image.changeProtection', 'hcloud.image.convertToSnapshot']) {
      f.script();
      await vscode.commands.executeCommand(command, f.node('image', system()));
      assert.match(f.messages('info')[0] ?? '', /does not apply to image/, command);
    }
    assert.deepEqual(f.changes(), []);
  });

  it('converts a backup to a snapshot after explaining what that means; cancelling sends nothing', async () => {
    const [backup] = backups();
    const input = f.script({ quickPick: backup.description }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.image.convertToSnapshot');
    assert.deepEqual(input.prompts[0].items?.sort(), backups().map((b) => b.description).sort(), 'only backups are offered');
    assert.match(input.prompts[1].message ?? '', /Convert backup ".*" to a snapshot\?/);
    assert.match(input.details[0], /outlives the server/);
    assert.match(input.details[0], /billed per GB/);
    assert.deepEqual(f.changes(), []);

    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.image.convertToSnapshot', f.node('image', backup));
    assert.deepEqual(f.changes(), [{ method: 'PUT', path: `/images/${backup.id}`, body: { type: 'snapshot' } }]);
    assert.equal(wire(backup.id)?.type, 'snapshot');
    assert.equal(wire(backup.id)?.bound_to, null);
    assert.deepEqual(f.messages('info'), [`Backup "${backup.description}" is now a snapshot.`]);
  });

  it('changes the protection of a snapshot; only snapshots are offered', async () => {
    const ci = snapshot('ci-runner base image');
    const input = f.script({ quickPick: ci.description }, { quickPick: 'Protect against deletion' });
    await vscode.commands.executeCommand('hcloud.image.changeProtection');
    assert.deepEqual(input.prompts[0].items?.sort(), images.filter((i) => i.type === 'snapshot').map((i) => i.description).sort());
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/images/${ci.id}/actions/change_protection`, body: { delete: true } }]);
    assert.equal(wire(ci.id)?.protection.delete, true);
    assert.deepEqual(f.messages('info'), [`Protect Snapshot "ci-runner base image" against deletion: done.`]);
  });

  it('deletes a backup after a modal confirmation; cancelling sends nothing', async () => {
    const [backup] = backups();
    const input = f.script({ quickPick: backup.description }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.image.delete');
    assert.ok(!input.prompts[0].items?.includes(system().description), 'no system image is offered for delete');
    assert.match(input.prompts[1].message ?? '', /Delete backup/);
    assert.deepEqual(f.changes(), []);

    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.image.delete', f.node('image', backup));
    assert.deepEqual(f.changes(), [{ method: 'DELETE', path: `/images/${backup.id}`, body: undefined }]);
    assert.equal(wire(backup.id), undefined);
    assert.deepEqual(f.messages('info'), [`Backup "${backup.description}" deleted.`]);
  });

  it('a protected snapshot says so, removes the protection on request, and is deleted only after a second yes', async () => {
    const golden = snapshot('web-1 golden image');
    assert.equal(golden.protection.delete, true);
    let input = f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.image.delete', f.node('image', golden));
    assert.match(input.prompts[0].message ?? '', /Snapshot "web-1 golden image" is protected against deletion/);
    assert.deepEqual(f.changes(), []);

    input = f.script({ confirm: true }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.image.delete', f.node('image', golden));
    assert.equal(input.remaining, 0);
    assert.deepEqual(f.changes(), [
      { method: 'POST', path: `/images/${golden.id}/actions/change_protection`, body: { delete: false } },
      { method: 'DELETE', path: `/images/${golden.id}`, body: undefined },
    ]);
    assert.equal(wire(golden.id), undefined);
  });

  it('shows the API\'s error when a stale node hides the protection', async () => {
    const golden = snapshot('web-1 golden image');
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.image.delete', f.node('image', { ...golden, protection: { delete: false } }));
    assert.equal(f.sim.requests.at(-1)?.status, 403);
    assert.match(f.messages('error')[0] ?? '', /^Delete snapshot "web-1 golden image" failed: the resource is protected/);
    assert.ok(wire(golden.id));
  });
});
