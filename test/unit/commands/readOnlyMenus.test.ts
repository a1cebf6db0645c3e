// Read-only projects in the menus (src/commands/access.ts): every write command's entry in the tree's
// context menus and the server submenus carries the clause `viewItem =~ /^(?!.*;readOnly;)/`, so a
// read-only project's rows (contextValue with `;readOnly;`) show no write command; no read command's
// entry carries it. A new command is a write until READ_COMMANDS lists it, so it cannot forget this.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWriteCommand, READ_COMMANDS } from '../../../src/commands/access';
import { COMMAND_TABLES } from '../../../src/commands/table';
import { matchesWhen } from '../../support/menuWhen';

interface MenuEntry {
  command?: string;
  submenu?: string;
  when?: string;
  group?: string;
}

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { menus: Record<string, MenuEntry[]>; submenus?: Array<{ id: string }> };
};
const menus = pkg.contributes.menus;
const CLAUSE = 'viewItem =~ /^(?!.*;readOnly;)/';
const submenus = (pkg.contributes.submenus ?? []).map((s) => s.id);
/** Each entry of the tree's context menu and of the submenus, with the menu it is in. */
const entries = ['view/item/context', ...submenus].flatMap((menu) => (menus[menu] ?? []).map((e) => ({ menu, ...e })));
const writes = (e: MenuEntry): boolean => (e.submenu ? (menus[e.submenu] ?? []).every((x) => isWriteCommand(x.command!)) : isWriteCommand(e.command!));
const guarded = (e: MenuEntry): boolean => (e.when ?? '').split('&&').some((c) => c.trim() === CLAUSE);

/** What a row with this contextValue shows (submenus opened in their place). */
function shown(viewItem: string): string[] {
  return menus['view/item/context']
    .filter((e) => matchesWhen(e.when ?? '', viewItem))
    .flatMap((e) => (e.submenu ? (menus[e.submenu] ?? []).filter((x) => matchesWhen(x.when ?? '', viewItem)) : [e]))
    .map((e) => e.command!);
}

describe('read-only projects in the menus (package.json, src/commands/access.ts)', () => {
  it('READ_COMMANDS names commands of the tables only, and leaves most of them writes', () => {
    const ids = new Set(Object.values(COMMAND_TABLES).flatMap((t) => Object.keys(t)));
    assert.deepEqual([...READ_COMMANDS].filter((id) => !ids.has(id)), [], 'read commands that are not in the tables');
    const writeIds = [...ids].filter(isWriteCommand);
    assert.ok(writeIds.length > 80 && READ_COMMANDS.size > 30, `${writeIds.length} writes, ${READ_COMMANDS.size} reads`);
    for (const id of ['hcloud.server.delete', 'hcloud.server.powerOff', 'hcloud.server.openConsole', 'hcloud.server.requestConsole', 'hcloud.volume.create']) assert.ok(isWriteCommand(id), id);
  });

  it('every write command\'s menu entry (and submenu of writes) carries the read-only clause; no read command\'s does', () => {
    assert.ok(entries.length > 150, 'the menus were read');
    assert.deepEqual(entries.filter((e) => writes(e) && !guarded(e)).map((e) => `${e.menu}: ${e.command ?? e.submenu}`), [], 'writes without the clause (node scripts/readOnlyMenus.mjs adds it)');
    assert.deepEqual(entries.filter((e) => !writes(e) && (e.when ?? '').includes('(?!.*;readOnly;)')).map((e) => `${e.menu}: ${e.command ?? e.submenu}`), [], 'reads with the clause');
  });

  it('a read-only project\'s rows show only read commands; its project row offers Mark Project Writable when the user marked it', () => {
    const server = ';server;running;deletable;protectable;';
    assert.ok(shown(server).some(isWriteCommand), 'a writable project\'s server shows writes');
    const readOnlyServer = shown(`${server}readOnly;`);
    assert.deepEqual(readOnlyServer.filter(isWriteCommand), []);
    assert.ok(readOnlyServer.includes('hcloud.server.openSsh') && readOnlyServer.includes('hcloud.server.showMetrics'), readOnlyServer.join(' '));
    assert.ok(!readOnlyServer.includes('hcloud.server.openConsole'), 'Open Console is a write (request_console)');

    const project = ';project;stored;unfiltered;';
    assert.ok(shown(`${project}writable;`).includes('hcloud.project.markReadOnly'));
    assert.ok(!shown(`${project}writable;`).includes('hcloud.project.markWritable'));
    const marked = shown(`${project}readOnly;readOnlyMarked;`);
    assert.ok(marked.includes('hcloud.project.markWritable') && !marked.includes('hcloud.project.markReadOnly'), marked.join(' '));
    assert.ok(marked.includes('hcloud.project.updateToken') && marked.includes('hcloud.project.showCosts'));
    const byToken = shown(`${project}readOnly;readOnlyToken;`);
    assert.ok(!byToken.includes('hcloud.project.markWritable') && byToken.includes('hcloud.project.updateToken'), 'a token mark is lifted by Update Token only');
  });
});
