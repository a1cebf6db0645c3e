// The server commands' menu entries in package.json, evaluated against contextValues the way VS
// Code does (`viewItem =~ /re/` conjunctions): what a user sees on a server's row.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const pkg = JSON.parse(readFileSync(join(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string; title: string; category?: string; icon?: string }>; menus: Record<string, MenuEntry[]> };
};
const itemMenus = pkg.contributes.menus['view/item/context'];

/** Evaluates the `view == x && viewItem =~ /re/ && ...` clauses our entries use. */
function matches(when: string, viewItem: string): boolean {
  return when.split('&&').every((clause) => {
    const c = clause.trim();
    if (c === 'view == hcloud.projects') return true;
    const m = /^viewItem =~ \/(.*)\/$/.exec(c);
    assert.ok(m, `unexpected clause "${c}"`);
    return new RegExp(m[1]).test(viewItem);
  });
}

/** Commands of `group` ('inline' or the context menu) shown for a row with this contextValue. */
function shown(viewItem: string, where: 'inline' | 'menu'): string[] {
  return itemMenus
    .filter((e) => (e.command.startsWith('hcloud.server.') && e.command !== 'hcloud.server.showActions') || e.command === 'hcloud.image.rebuildServer')
    .filter((e) => (where === 'inline' ? e.group?.startsWith('inline') : !e.group?.startsWith('inline')))
    .filter((e) => matches(e.when ?? '', viewItem))
    .map((e) => e.command.replace(/^hcloud\.server\./, ''));
}

describe('server menus (package.json)', () => {
  it('every server command has a title in the Hetzner Cloud category and a context-menu entry', () => {
    const ids = pkg.contributes.commands.filter((c) => c.command.startsWith('hcloud.server.'));
    assert.equal(ids.length, 35, 'the 28 server actions (2 on placement groups, 3 on networks), Create Server, Show Metrics, Show Actions, Edit Labels, Open Console, Open Folder on Server and Open SSH When Ready');
    for (const c of ids) {
      assert.equal(c.category, 'Hetzner Cloud', c.command);
      assert.ok(itemMenus.some((e) => e.command === c.command && !e.group?.startsWith('inline')), `${c.command} is in the context menu`);
    }
  });

  it('inline buttons: Power On only when off; Shutdown, Reboot, Power Off only when running; Show Metrics always', () => {
    assert.deepEqual(shown(';server;off;norescue;noiso;nobackups;deletable;', 'inline'), ['powerOn', 'showMetrics']);
    assert.deepEqual(shown(';server;running;norescue;noiso;nobackups;deletable;', 'inline'), ['shutdown', 'reboot', 'powerOff', 'showMetrics']);
    assert.deepEqual(shown(';server;stopping;transitional;norescue;noiso;nobackups;deletable;', 'inline'), ['showMetrics']);
  });

  it('Show Metrics: the graph icon inline and in the context menu of every server, and in the palette', () => {
    const cmd = pkg.contributes.commands.find((c) => c.command === 'hcloud.server.showMetrics');
    assert.deepEqual(cmd, { command: 'hcloud.server.showMetrics', title: 'Show Metrics', category: 'Hetzner Cloud', icon: '$(graph)' });
    assert.ok(shown(';server;off;rescue;iso;backups;protected;', 'menu').includes('showMetrics'));
    assert.ok(!shown(';floatingIp;assigned;ipv4;deletable;', 'inline').includes('showMetrics'));
    const hidden = (pkg.contributes.menus.commandPalette ?? []).filter((e) => e.command === 'hcloud.server.showMetrics');
    assert.deepEqual(hidden, [], 'not hidden from the palette (it asks for project and server there)');
  });

  it('context menu follows the capability tokens: ISO, rescue, backups, protection', () => {
    const running = shown(';server;running;norescue;noiso;nobackups;deletable;', 'menu');
    for (const c of ['shutdown', 'reboot', 'powerOff', 'reset', 'attachIso', 'enableRescue', 'enableBackup', 'delete', 'requestConsole', 'resetPassword', 'openConsole']) {
      assert.ok(running.includes(c), c);
    }
    for (const c of ['powerOn', 'detachIso', 'disableRescue', 'disableBackup']) assert.ok(!running.includes(c), c);

    const special = shown(';server;off;rescue;iso;backups;protected;', 'menu');
    for (const c of ['powerOn', 'detachIso', 'disableRescue', 'disableBackup', 'reset', 'changeProtection', 'rebuild']) assert.ok(special.includes(c), c);
    for (const c of ['attachIso', 'enableRescue', 'enableBackup', 'delete', 'shutdown', 'requestConsole', 'openConsole']) assert.ok(!special.includes(c), c);
  });

  it('server entries never show on other nodes (an ISO node is `;iso;` too); Rebuild from an image shows on available images', () => {
    assert.deepEqual(shown(';iso;', 'menu'), []);
    assert.deepEqual(shown(';floatingIp;assigned;ipv4;deletable;', 'menu'), []);
    assert.deepEqual(shown(';image;snapshot;available;deletable;', 'menu'), ['hcloud.image.rebuildServer']);
    assert.deepEqual(shown(';image;snapshot;creating;deletable;', 'menu'), []);
  });

  it('Open Folder on Server only on a running server; Open SSH When Ready on a running or starting one, never on an off one', () => {
    const has = (viewItem: string, c: string) => shown(viewItem, 'menu').includes(c);
    assert.ok(has(';server;running;norescue;noiso;nobackups;deletable;', 'openFolder'));
    assert.ok(has(';server;running;norescue;noiso;nobackups;deletable;', 'openSshWhenReady'));
    assert.ok(has(';server;starting;transitional;norescue;noiso;nobackups;deletable;', 'openSshWhenReady'));
    assert.ok(!has(';server;starting;transitional;norescue;noiso;nobackups;deletable;', 'openFolder'));
    for (const c of ['openFolder', 'openSshWhenReady']) assert.ok(!has(';server;off;rescue;iso;backups;protected;', c), c);
  });
});
