// The command tables (src/commands/table.ts) and package.json in step: every contributed command
// has a handler, every handler's id is contributed, every menu entry and welcome link names a
// contributed command, and each id is written out literally once in src, as a table key.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { COMMAND_TABLES } from '../../../src/commands/table';

const root = join(__dirname, '../../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  activationEvents?: string[];
  contributes: {
    commands: Array<{ command: string; title: string; category?: string }>;
    menus: Record<string, Array<{ command: string; submenu?: string }>>;
    submenus?: Array<{ id: string; label: string }>;
    viewsWelcome?: Array<{ contents: string }>;
  };
};

/** Registered on purpose without a contribution (none today): list an id here and say why. */
const HIDDEN: readonly string[] = [];

const contributed = pkg.contributes.commands.map((c) => c.command);
const tableIds = Object.values(COMMAND_TABLES).flatMap((t) => Object.keys(t));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}
const sources = sourceFiles(join(root, 'src')).map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }));

describe('command table and package.json', () => {
  it('the tables hold as many commands as package.json contributes, none twice, each named hcloud.<noun>.<verb> (or hcloud.<verb>)', () => {
    assert.ok(tableIds.length >= 65, `the tables were read (${tableIds.length} ids)`);
    assert.equal(tableIds.length, contributed.length + HIDDEN.length);
    assert.equal(new Set(tableIds).size, tableIds.length, 'an id is in two tables');
    for (const id of tableIds) assert.match(id, /^hcloud\.([a-z][a-zA-Z]*\.)?[a-z][a-zA-Z]*$/, id);
  });

  it('every contributed command has a handler in a table, and every handler is contributed (or listed as hidden)', () => {
    const ids = new Set(tableIds);
    assert.deepEqual(contributed.filter((id) => !ids.has(id)), [], 'contributed without a handler');
    assert.deepEqual(tableIds.filter((id) => !contributed.includes(id) && !HIDDEN.includes(id)), [], 'registered but not contributed');
    assert.equal(new Set(contributed).size, contributed.length, 'a command is contributed twice');
  });

  it('every menu entry and welcome-view link names a contributed command', () => {
    const entries = Object.entries(pkg.contributes.menus).flatMap(([menu, list]) => list.filter((e) => !e.submenu).map((e) => ({ menu, command: e.command })));
    assert.ok(entries.length > 50, 'the menus were read');
    assert.deepEqual(entries.filter((e) => !contributed.includes(e.command)), [], 'menu entries of commands that are not contributed');
    // A submenu entry names a contributed submenu, and each submenu has a menu of its own (not empty).
    const submenus = (pkg.contributes.submenus ?? []).map((s) => s.id);
    const submenuEntries = Object.values(pkg.contributes.menus).flatMap((list) => list.filter((e) => e.submenu).map((e) => e.submenu));
    assert.deepEqual(submenuEntries.filter((id) => !submenus.includes(id!)), [], 'entries of submenus that are not contributed');
    assert.deepEqual(submenus.filter((id) => !pkg.contributes.menus[id]?.length), [], 'submenus without entries');
    const links = (pkg.contributes.viewsWelcome ?? []).flatMap((w) => [...w.contents.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]));
    assert.deepEqual(links, ['hcloud.project.add']);
    assert.deepEqual(links.filter((id) => !contributed.includes(id)), []);
  });

  it('every command has a title in the Hetzner Cloud category', () => {
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'Hetzner Cloud', c.command);
      assert.ok(c.title.length > 0, c.command);
    }
  });

  it('each id is written out literally once in src, as a key of src/commands/table.ts', () => {
    for (const id of contributed) {
      const keys = sources.flatMap((s) => (s.text.split(`'${id}':`).length - 1 > 0 ? [`${s.file} ×${s.text.split(`'${id}':`).length - 1}`] : []));
      assert.deepEqual(keys, ['src/commands/table.ts ×1'], `${id} as a table key`);
    }
  });

  it('no command id is built from a template or a concatenation, and commands are registered only in src/commands/index.ts', () => {
    for (const s of sources) {
      assert.doesNotMatch(s.text, /`hcloud\.[\w.]*\$\{/, `${s.file}: an id built from a template`);
      assert.doesNotMatch(s.text, /['"]hcloud\.[\w.]*['"]\s*\+/, `${s.file}: an id built by concatenation`);
      if (s.file !== join('src', 'commands', 'index.ts')) assert.doesNotMatch(s.text, /registerCommand\(/, `${s.file} registers a command`);
    }
  });

  it('an hcloud.* id that src uses as a command (a tree item\'s click) is one of the table\'s', () => {
    const used = sources.flatMap((s) => [...s.text.matchAll(/command:\s*'(hcloud\.[\w.]+)'/g)].map((m) => m[1]));
    assert.ok(used.includes('hcloud.node.retry'), 'the error rows\' retry was found');
    assert.deepEqual(used.filter((id) => !tableIds.includes(id)), []);
  });

  it('activationEvents add only what VS Code does not infer (restored webview panels)', () => {
    assert.deepEqual(pkg.activationEvents, ['onWebviewPanel:hcloud.metrics', 'onWebviewPanel:hcloud.actionLog', 'onWebviewPanel:hcloud.firewallRules', 'onWebviewPanel:hcloud.costs']);
  });
});
