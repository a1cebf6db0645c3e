// The tree's menu entries of package.json, evaluated against a row's contextValue the way VS Code
// does (`view == x && viewItem =~ /re/` conjunctions): what a user sees on that row.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { matchesWhen } from '../../support/menuWhen';
import { EXTENSION_ID } from './extensionApi';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}
interface Manifest {
  contributes: { commands: Array<{ command: string; title: string; icon?: string }>; menus: Record<string, MenuEntry[]> };
}

function manifest(): Manifest {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.packageJSON as Manifest;
}

/** The inline buttons a row with this contextValue shows: command id and icon, in order. */
export function inlineButtons(viewItem: string): Array<{ command: string; icon?: string }> {
  const m = manifest();
  return m.contributes.menus['view/item/context']
    .filter((e) => e.group?.startsWith('inline') && matchesWhen(e.when ?? '', viewItem))
    .map((e) => ({ command: e.command, icon: m.contributes.commands.find((c) => c.command === e.command)?.icon }));
}
