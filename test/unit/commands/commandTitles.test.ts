// The rule for command titles, checked over package.json (a new command that breaks it fails here):
//
// - Title Case, as VS Code's own commands are written: every word capitalised except the short
//   words of, to, from, for, in, on, a, an, and, or, with, by, as (and spellings such as vSwitch).
// - A verb first, written as a verb: "Shut Down", not "Shutdown".
// - The noun the command acts on is in the title: every command shares the category "Hetzner Cloud",
//   so the palette shows "Hetzner Cloud: Reboot Server", where no row gives the noun; a menu shows
//   the same title. The noun is the id's (`hcloud.<noun>.<verb>`): Server, Floating IP, SSH Key, ...
//   Exempt: the view's and any node's commands (`hcloud.view.*`, `hcloud.node.*`, `hcloud.<verb>`),
//   and commands hidden from the palette (`commandPalette` when false), which the row names.
// - No "this" or "a": the palette has nothing for it to point at ("Rebuild Server from Image").
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string; title: string }>; menus: { commandPalette?: Array<{ command: string; when?: string }> } };
};

const SMALL = new Set(['of', 'to', 'from', 'for', 'in', 'on', 'and', 'or', 'with', 'by', 'as']);
const SPELLINGS = new Set(['vSwitch', 'vSwitch…']);
/** Nouns that are not verbs: a title starting with one reads as a label, not an action. */
const NOT_VERBS = new Set(['Shutdown', 'Setup', 'Login', 'Logout', 'Backup', 'Startup']);
const EXEMPT_NOUNS = new Set(['view', 'node']);

/** `floatingIp` → `Floating IP`, `sshKey` → `SSH Key`, `loadBalancer` → `Load Balancer`. */
function nounTitle(noun: string): string {
  return noun
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((w) => (/^(ip|ssh|iso|dns)$/i.test(w) ? w.toUpperCase() : w[0].toUpperCase() + w.slice(1)))
    .join(' ');
}

function titleCaseProblem(title: string): string | undefined {
  const words = title.replace(/\(([^)]*)\)/g, '$1').split(/\s+/);
  if (NOT_VERBS.has(words[0])) return `starts with the noun "${words[0]}": write the verb ("Shut Down")`;
  for (const [i, w] of words.entries()) {
    if (SPELLINGS.has(w)) continue;
    if (i > 0 && SMALL.has(w)) continue;
    if (/^(this|a|an|the)$/i.test(w)) return `"${w}": the palette has nothing for it to point at`;
    if (!/^[A-Z0-9]/.test(w)) return `"${w}" is not capitalised (Title Case)`;
  }
  return undefined;
}

describe('command titles (package.json)', () => {
  const hidden = new Set((pkg.contributes.menus.commandPalette ?? []).filter((e) => e.when === 'false').map((e) => e.command));

  it('are Title Case verbs', () => {
    const problems = pkg.contributes.commands.map((c) => [c.command, c.title, titleCaseProblem(c.title)]).filter(([, , p]) => p);
    assert.deepEqual(problems, []);
  });

  it('name the noun they act on, for the palette (the category is the same for all)', () => {
    const missing = pkg.contributes.commands
      .filter((c) => !hidden.has(c.command))
      .map((c) => ({ ...c, noun: c.command.split('.').length === 3 ? c.command.split('.')[1] : undefined }))
      .filter((c) => c.noun !== undefined && !EXEMPT_NOUNS.has(c.noun))
      .filter((c) => !c.title.includes(nounTitle(c.noun!)))
      .map((c) => `${c.command}: "${c.title}" does not say "${nounTitle(c.noun!)}"`);
    assert.deepEqual(missing, []);
  });

  it('the rule catches what it is for', () => {
    assert.match(titleCaseProblem('Shutdown') ?? '', /Shut Down/);
    assert.match(titleCaseProblem('Rebuild a Server from this Image') ?? '', /"a"/);
    assert.match(titleCaseProblem('Open folder') ?? '', /"folder"/);
    assert.equal(titleCaseProblem('Expose Routes of Network to vSwitch…'), undefined);
    assert.equal(titleCaseProblem('Open Folder on Server (Remote-SSH)'), undefined);
    assert.equal(nounTitle('floatingIp'), 'Floating IP');
    assert.equal(nounTitle('sshKey'), 'SSH Key');
    assert.equal(nounTitle('loadBalancer'), 'Load Balancer');
  });
});
