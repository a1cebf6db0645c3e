// The extension as VS Code sees it: present, activates, and its contributed commands work.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** publisher.name from package.json. */
const EXTENSION_ID = 'hcloud-vscode.hetzner-cloud-vscode';

interface ContributedCommand {
  command: string;
  title: string;
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded; extensions seen: ${vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.')).join(', ') || 'none'}`);
  return ext;
}

describe('extension', () => {
  it('is present under its publisher.name id', () => {
    const ext = extension();
    assert.equal(`${ext.packageJSON.publisher}.${ext.packageJSON.name}`, EXTENSION_ID);
    assert.equal(ext.packageJSON.displayName, 'Hetzner Cloud');
  });

  it('activates', async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every command it contributes', async () => {
    const ext = extension();
    await ext.activate();
    const contributed: ContributedCommand[] = ext.packageJSON.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered after activation: ${missing.join(', ')}`);
  });

  it('registers no hcloud.* command it does not contribute (besides those VS Code makes for its views)', async () => {
    const ext = extension();
    await ext.activate();
    const contributed = new Set(((ext.packageJSON.contributes?.commands ?? []) as ContributedCommand[]).map((c) => c.command));
    // VS Code registers <view id>.focus, .resetViewLocation, ... for each contributed view.
    const views: string[] = Object.values((ext.packageJSON.contributes?.views ?? {}) as Record<string, Array<{ id: string }>>).flat().map((v) => v.id);
    const ours = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('hcloud.'));
    assert.ok(ours.length >= contributed.size, `the extension's commands are listed (${ours.length})`);
    const extra = ours.filter((id) => !contributed.has(id) && !views.some((v) => id.startsWith(`${v}.`)));
    assert.deepEqual(extra, [], `registered but not contributed: ${extra.join(', ')}`);
  });

  it('the walkthrough\'s buttons and completion events name registered commands', async () => {
    const ext = extension();
    await ext.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const steps: Array<{ id: string; description: string; completionEvents?: string[] }> = ext.packageJSON.contributes.walkthroughs[0].steps;
    const used = steps.flatMap((s) => [
      ...[...s.description.matchAll(/\]\(command:([^)?\s]+)/g)].map((m) => m[1]),
      ...(s.completionEvents ?? []).filter((e) => e.startsWith('onCommand:')).map((e) => e.slice('onCommand:'.length)),
    ]);
    assert.ok(used.length >= steps.length, 'every step has a command');
    assert.deepEqual(used.filter((id) => !registered.has(id)), [], 'the walkthrough names commands that do not exist');
  });

  it('hcloud.showLog runs without throwing', async () => {
    await extension().activate();
    await vscode.commands.executeCommand('hcloud.showLog');
  });
});
