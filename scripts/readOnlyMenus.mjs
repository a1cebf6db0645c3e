// Adds the read-only condition to every write command's entry in the tree's context menus and the
// server submenus of package.json (what test/unit/commands/readOnlyMenus.test.ts checks): after a
// new write command, or a merge that brought menu entries without it. `node scripts/readOnlyMenus.mjs`
// rewrites package.json and prints how many entries it changed. Which commands read is the list
// READ_COMMANDS in src/commands/access.ts; every other command writes.
import { readFileSync, writeFileSync } from 'node:fs';

const CONDITION = ' && viewItem =~ /^(?!.*;readOnly;)/';
const access = readFileSync('src/commands/access.ts', 'utf8').split('READ_COMMANDS: ReadonlySet<string> = new Set([')[1].split(']);')[0];
const reads = new Set([...access.matchAll(/'(hcloud\.[\w.]+)'/g)].map((m) => m[1]));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const menus = pkg.contributes.menus;
const submenus = (pkg.contributes.submenus ?? []).map((s) => s.id);
const writes = (entry) => (entry.submenu ? menus[entry.submenu].every((e) => !reads.has(e.command)) : !reads.has(entry.command));
let changed = 0;
for (const menu of ['view/item/context', ...submenus]) {
  for (const entry of menus[menu]) {
    if (!writes(entry) || entry.when?.includes(';readOnly;')) continue;
    entry.when = entry.when ? entry.when + CONDITION : CONDITION.slice(4);
    changed++;
  }
}
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
console.log(`${changed} menu entries got the read-only condition`);
