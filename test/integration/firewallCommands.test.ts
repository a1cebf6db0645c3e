// Firewall commands inside VS Code, against a fresh simulator per test (today's API, demo seed: web-fw on
// web-1 and web-2, staging-fw by env=staging). Each test asserts what the API received, the simulator's
// state and the prompts, and that cancelling sends nothing; against the 2018 API the commands say it
// has no firewalls. Also the Firewalls folder and a server's firewalls in the tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Firewall, Server } from '../../src/api/types';
import type { TreeNode } from '../../src/tree/node';
import { useNounFixture } from './support/nounFixture';
import { until } from './support/until';

const IDS = ['create', 'applyToResources', 'removeFromResources', 'rename', 'editLabels', 'delete', 'showActions'];

describe('Firewall commands', function () {
  this.timeout(30_000);
  const f = useNounFixture();
  let servers: Server[];
  const server = (name: string) => servers.find((s) => s.name === name)!;
  const wire = (id: number) => f.sim.state.firewalls.get(id);
  const byName = async (name: string): Promise<Firewall> => (await f.client.firewalls.listAll({ name }))[0];
  const run = (id: string, ...args: unknown[]) => vscode.commands.executeCommand(`hcloud.firewall.${id}`, ...args);

  beforeEach(async () => {
    servers = await f.client.servers.listAll();
    f.sim.clearRequests();
  });

  it('creates from scratch with labels, applied to two servers: one POST, the servers list it', async () => {
    const input = f.script({ quickPick: 'From scratch' }, { inputBox: 'edge' }, { inputBox: 'env=prod' }, { quickPick: 'Servers…' }, { quickPickMany: ['db-main', 'api-staging'] });
    const made = (await run('create')) as Firewall;
    assert.equal(input.remaining, 0);
    const ids = [server('db-main').id, server('api-staging').id];
    assert.deepEqual(f.changes(), [
      { method: 'POST', path: '/firewalls', body: { name: 'edge', labels: { env: 'prod' }, apply_to: ids.map((id) => ({ type: 'server', server: { id } })) } },
    ]);
    assert.deepEqual(wire(made.id)?.applied_to.map((a) => a.server?.id), ids);
    const db = await f.client.servers.get(ids[0]);
    assert.deepEqual(db?.publicNet.firewalls?.find((x) => x.id === made.id), { id: made.id, status: 'applied' });
    assert.deepEqual(f.messages('info'), ['Firewall "edge" created and applied.']);
  });

  it('creates from a copy of web-fw with a label selector (its matches shown); a taken name is refused in the box; cancelling sends nothing', async () => {
    const web = await byName('web-fw');
    const input = f.script({ quickPick: 'From a copy…' }, { quickPick: 'web-fw' }, { inputBox: 'web-fw' });
    await run('create');
    assert.equal(input.prompts[2].validation, 'A firewall named "web-fw" exists already.');
    assert.equal(f.input.values[0], 'web-fw-copy', 'the name is proposed');
    assert.deepEqual(f.changes(), []);

    f.script({ quickPick: 'From a copy…' }, { quickPick: 'web-fw' }, { inputBox: 'web-fw-2' }, { inputBox: '' }, { quickPick: 'Label selector…' }, { inputBox: 'tier=web' }, { confirm: false });
    await run('create');
    assert.deepEqual(f.changes(), [], 'cancelled at the selector');

    const last = f.script({ quickPick: 'From a copy…' }, { quickPick: 'web-fw' }, { inputBox: 'web-fw-2' }, { inputBox: '' }, { quickPick: 'Label selector…' }, { inputBox: 'tier=web' }, { confirm: true });
    const made = (await run('create')) as Firewall;
    assert.match(last.details[0], /^It matches 3 servers now: (web-1|web-2|api-staging), /);
    const [post] = f.changes();
    assert.deepEqual((post.body as { apply_to: unknown }).apply_to, [{ type: 'label_selector', label_selector: { selector: 'tier=web' } }]);
    assert.equal((post.body as { rules: unknown[] }).rules.length, web.rules.length);
    assert.deepEqual(wire(made.id)?.rules, wire(web.id)?.rules, 'the same rules');
  });

  it('applies to servers (from the firewall) and from a server ("Apply Firewall…"); removes from what it is applied to', async () => {
    const fw = (await f.client.firewalls.create({ name: 'solo' })).firewall;
    f.sim.clearRequests();
    const input = f.script({ quickPick: 'Servers…' }, { quickPickMany: ['db-main'] });
    await run('applyToResources', f.node('firewall', fw));
    assert.equal(input.remaining, 0);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/firewalls/${fw.id}/actions/apply_to_resources`, body: { apply_to: [{ type: 'server', server: { id: server('db-main').id } }] } }]);

    f.sim.clearRequests();
    const fromServer = f.script({ quickPick: 'solo' });
    await run('applyToResources', f.node('server', server('web-1')));
    assert.ok(fromServer.prompts[0].items?.includes('solo') && !fromServer.prompts[0].items?.includes('web-fw'), 'only firewalls not applied to web-1 yet');
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/firewalls/${fw.id}/actions/apply_to_resources`, body: { apply_to: [{ type: 'server', server: { id: server('web-1').id } }] } }]);
    assert.deepEqual(wire(fw.id)?.applied_to.map((a) => a.server?.id), [server('db-main').id, server('web-1').id]);

    f.sim.clearRequests();
    f.script({ quickPickMany: undefined });
    await run('removeFromResources', f.node('firewall', (await f.client.firewalls.get(fw.id))!));
    assert.deepEqual(f.changes(), [], 'cancelled');
    const remove = f.script({ quickPickMany: ['web-1'] });
    await run('removeFromResources', f.node('firewall', (await f.client.firewalls.get(fw.id))!));
    assert.deepEqual(remove.prompts[0].items, ['db-main', 'web-1']);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/firewalls/${fw.id}/actions/remove_from_resources`, body: { remove_from: [{ type: 'server', server: { id: server('web-1').id } }] } }]);
    assert.deepEqual(wire(fw.id)?.applied_to.map((a) => a.server?.id), [server('db-main').id]);
  });

  it('renames and edits labels', async () => {
    const fw = (await f.client.firewalls.create({ name: 'old-name' })).firewall;
    f.sim.clearRequests();
    f.script({ inputBox: 'new-name' });
    await run('rename', f.node('firewall', fw));
    f.script({ inputBox: 'tier=db' });
    await run('editLabels', f.node('firewall', fw));
    assert.deepEqual(f.changes(), [
      { method: 'PUT', path: `/firewalls/${fw.id}`, body: { name: 'new-name' } },
      { method: 'PUT', path: `/firewalls/${fw.id}`, body: { labels: { tier: 'db' } } },
    ]);
    assert.deepEqual([wire(fw.id)?.name, wire(fw.id)?.labels], ['new-name', { tier: 'db' }]);
  });

  it('deletes an applied firewall: says where it is applied, offers to remove it first, then asks to delete', async () => {
    const web = await byName('web-fw');
    const input = f.script({ confirm: true }, { confirm: false });
    await run('delete', f.node('firewall', web));
    assert.deepEqual(input.prompts.map((p) => p.confirmLabel), ['Remove from All', 'Delete']);
    assert.equal(input.prompts[0].message, 'Firewall "web-fw" is applied to web-1 and web-2.');
    assert.deepEqual(f.changes(), [
      { method: 'POST', path: `/firewalls/${web.id}/actions/remove_from_resources`, body: { remove_from: [server('web-1'), server('web-2')].map((s) => ({ type: 'server', server: { id: s.id } })) } },
    ]);
    assert.ok(wire(web.id), 'not deleted: the last question was answered No');
    f.sim.clearRequests();
    f.script({ confirm: true });
    await run('delete', f.node('firewall', (await f.client.firewalls.get(web.id))!));
    assert.deepEqual(f.changes(), [{ method: 'DELETE', path: `/firewalls/${web.id}`, body: undefined }]);
    assert.equal(wire(web.id), undefined);
  });

  it('Show Actions of a firewall reads its own action list', async () => {
    const web = await byName('web-fw');
    f.script();
    await run('showActions', f.node('firewall', web));
    await until('the firewall action list', () => f.sim.requests.some((r) => r.method === 'GET' && r.path === `/firewalls/${web.id}/actions`));
  });
});

describe('Firewalls in the tree', function () {
  this.timeout(30_000);
  const f = useNounFixture();
  const text = (value: unknown) => (typeof value === 'string' ? value : ((value as { value?: string; label?: string })?.value ?? (value as { label?: string })?.label ?? ''));
  const named = async (parent: TreeNode | undefined, name: string) => {
    const found = (await f.api.tree.getChildren(parent)).find((n) => text(n.getTreeItem().label) === name);
    assert.ok(found, `${parent?.id} shows ${name}`);
    return found;
  };

  it('the Firewalls folder: rows, rules, Applied to; a server names its firewalls', async () => {
    const root = (await f.api.tree.getChildren()).find((n) => n.id === `project/${f.project.id}`)!;
    const folder = await named(root, 'Firewalls');
    assert.equal(folder.getTreeItem().contextValue, ';folder;firewalls;');
    const row = await named(folder, 'web-fw');
    assert.equal(row.getTreeItem().description, '4 rules · applied to 2 servers');
    assert.match(String(row.getTreeItem().contextValue), /^;firewall;applied;/);
    const children = await f.api.tree.getChildren(row);
    assert.deepEqual(children.map((n) => text(n.getTreeItem().label)), ['↓ in TCP 22', '↓ in TCP 80', '↓ in TCP 443', '↓ in ICMP', 'Applied to']);
    assert.equal(children[0].getTreeItem().description, 'from 203.0.113.0/24 · SSH from the office');
    const applied = await f.api.tree.getChildren(children[4]);
    assert.deepEqual(applied.map((n) => text(n.getTreeItem().label)), ['web-1', 'web-2']);
    const staging = await f.api.tree.getChildren((await f.api.tree.getChildren(await named(folder, 'staging-fw'))).at(-1));
    const matched = String(staging[0].getTreeItem().description);
    assert.ok(matched.startsWith('label selector · ') && matched.includes('api-staging') && matched.includes('ci-runner'), matched);

    const web1 = await named(await named(root, 'Servers'), 'web-1');
    assert.match(String(web1.getTreeItem().contextValue), /;firewalls;/);
    const leaf = (await f.api.tree.getChildren(web1)).find((n) => text(n.getTreeItem().label) === 'Firewall');
    assert.equal(leaf?.getTreeItem().description, 'web-fw');
  });
});

describe('Firewall commands against the 2018 API', function () {
  this.timeout(30_000);
  const f = useNounFixture('2018');
  it('each says the API has no firewalls and asks nothing about them', async () => {
    await f.assertNoFamily(IDS.map((id) => `hcloud.firewall.${id}`), 'firewalls', (path) => path.includes('firewall'));
  });
});
