// The Hetzner Cloud tree inside VS Code, against a simulator this suite starts for itself.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HcloudClient } from '../../src/api/client';
import { serverMonthly } from '../../src/api/costs';
import { formatMonthly } from '../../src/shared/price';
import type { Project } from '../../src/projects/projectStore';
import { startSimulator } from '../../src/sim/simulator';
import type { RecordedRequest, Simulator } from '../../src/sim/types';
import type { ListFolderNode } from '../../src/tree/folderNode';
import type { TreeNode } from '../../src/tree/node';
import { ProjectNode } from '../../src/tree/projectNode';
import { isResourceNode } from '../../src/tree/resourceNode';
import { testingApi } from './support/extensionApi';
import { inlineButtons } from './support/menus';
import { ScriptedInput } from './support/scriptedInput';

type Api = Awaited<ReturnType<typeof testingApi>>;

const TOKEN = 'tree-token-8d1e';

function label(node: TreeNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : l?.label ?? '';
}
const ctx = (node: TreeNode) => String(node.getTreeItem().contextValue);
const desc = (node: TreeNode) => String(node.getTreeItem().description ?? '');
/** What a screen reader says for the row. */
const a11y = (node: TreeNode) => String(node.getTreeItem().accessibilityInformation?.label ?? '');
/** The text a tooltip's Markdown shows: its backslash escapes (API text is escaped) resolved. */
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const tooltip = (node: TreeNode) => {
  const t = node.getTreeItem().tooltip;
  return shown(typeof t === 'string' ? t : t?.value ?? '');
};

/**
 * Samples `read` every few ms until stop() (what a render of the tree could show meanwhile).
 * The samples, de-duplicated in a row.
 */
function sample<T>(read: () => T): { seen: T[]; stop(): T[] } {
  const seen: T[] = [];
  const take = () => {
    const v = read();
    if (!seen.length || JSON.stringify(seen[seen.length - 1]) !== JSON.stringify(v)) seen.push(v);
  };
  take();
  const timer = setInterval(take, 5);
  return { seen, stop: () => (clearInterval(timer), take(), seen) };
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('tree', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let api: Api;
  let client: HcloudClient;
  let project: Project;
  let projectNode: TreeNode;

  const child = async (parent: TreeNode, id: string): Promise<TreeNode> => {
    const found = (await api.tree.getChildren(parent)).find((n) => n.id === `${parent.id}/${id}`);
    assert.ok(found, `${parent.id} has ${id}`);
    return found;
  };
  const folder = async (...path: string[]) => {
    let node = projectNode;
    for (const p of path) node = await child(node, p);
    return node;
  };
  const byLabel = async (parent: TreeNode, name: string) => {
    const found = (await api.tree.getChildren(parent)).find((n) => label(n) === name);
    assert.ok(found, `${label(parent)} shows ${name}`);
    return found;
  };
  const simCall = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.ok(res.ok, `${method} ${path} answered ${res.status}`);
    return res.json();
  };

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 300 });
    api = await testingApi();
    client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
  });

  beforeEach(async () => {
    project = await api.projects.add(`tree-${Math.random().toString(36).slice(2, 8)}`, sim.url, TOKEN);
    const root = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`);
    assert.ok(root);
    projectNode = root;
  });

  afterEach(async () => {
    api.setUserInput(undefined);
    sim.setFaults({});
    await api.projects.remove(project.id);
    if (api.tree.catalogShown()) await vscode.commands.executeCommand('hcloud.view.hideCatalog');
  });

  after(async () => {
    client?.dispose();
    await sim?.close();
  });

  it('shows the folders of a project, each loaded with one list request when opened', async () => {
    const folders = await api.tree.getChildren(projectNode);
    assert.deepEqual(folders.map(label), ['Servers', 'Volumes', 'Networks', 'Placement Groups', 'Primary IPs', 'Certificates', 'Load Balancers', 'Firewalls', 'Floating IPs', 'Images', 'SSH Keys', 'ISOs']);
    assert.deepEqual(folders.map(ctx), [';folder;servers;', ';folder;volumes;', ';folder;networks;', ';folder;placementGroups;', ';folder;primaryIps;', ';folder;certificates;', ';folder;loadBalancers;', ';folder;firewalls;', ';folder;floatingIps;', ';folder;images;', ';folder;sshKeys;', ';folder;isos;']);
    assert.equal(folders[0].id, `project/${project.id}/servers`);

    sim.clearRequests();
    const servers = await api.tree.getChildren(folders[0]);
    assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.path}`), ['GET /servers'], 'one list request for the Servers folder');
    const expected = (await client.servers.listAll()).map((s) => s.name).sort((a, b) => a.localeCompare(b));
    assert.deepEqual(servers.map(label), expected);
    assert.equal(servers[0].id, `project/${project.id}/servers/server/${(await client.servers.listAll()).find((s) => s.name === label(servers[0]))!.id}`);

    const again = await api.tree.getChildren(folders[0]);
    assert.ok(again.every((n, i) => n === servers[i]), 'the same node instances while nothing changed');

    const fips = await api.tree.getChildren(await folder('floatingIps'));
    assert.deepEqual(fips.map(label).sort(), (await client.floatingIps.listAll()).map((f) => f.ip).sort());
    const keys = await api.tree.getChildren(await folder('sshKeys'));
    const simKeys = await client.sshKeys.listAll();
    assert.deepEqual(keys.map(label).sort(), simKeys.map((k) => k.name).sort());
    assert.equal(desc(keys.find((k) => label(k) === simKeys[0].name)!), simKeys[0].fingerprint);
    const isos = await api.tree.getChildren(await folder('isos'));
    assert.equal(isos.length, (await client.isos.listAll()).length);
    for (const [what, type] of [['snapshots', 'snapshot'], ['backups', 'backup'], ['systemImages', 'system']] as const) {
      const nodes = await api.tree.getChildren(await folder('images', what));
      const images = await client.images.listAll({ type });
      assert.ok(images.length > 0);
      assert.deepEqual(nodes.map((n) => n.id.split('/').pop()).sort(), images.map((i) => String(i.id)).sort(), `${what} match`);
      for (const n of nodes) assert.match(ctx(n), new RegExp(`^;image;${type};`));
    }
  });

  it('every node meets the TreeNode contract: an id under its parent\'s, the project, a kind its menus agree with', async () => {
    if (!api.tree.catalogShown()) await vscode.commands.executeCommand('hcloud.view.toggleCatalog');
    const nodes: TreeNode[] = [];
    const walk = async (node: TreeNode): Promise<void> => {
      for (const c of await api.tree.getChildren(node)) {
        nodes.push(c);
        await walk(c);
      }
    };
    await walk(projectNode);
    assert.equal(projectNode.kind, 'project');
    assert.equal(projectNode.parent, undefined);
    assert.equal(projectNode.project.id, project.id);
    for (const n of nodes) {
      const parent = n.parent;
      assert.ok(parent, `${n.id} has a parent`);
      assert.ok(n.id.startsWith(`${parent.id}/`), `${n.id} is under ${parent.id}`);
      assert.equal(api.tree.getParent(n), parent, `the view finds ${n.id}'s parent`);
      assert.equal(n.project.id, project.id, `${n.id} belongs to the project`);
      const tokens = ctx(n);
      switch (n.kind) {
        case 'folder':
        case 'message':
          assert.match(tokens, new RegExp(`^;${n.kind};`), n.id);
          break;
        case 'leaf':
          assert.equal(n.getTreeItem().collapsibleState, vscode.TreeItemCollapsibleState.None, n.id);
          assert.deepEqual(await n.getChildren(), [], n.id);
          break;
        case 'project':
          assert.fail(`${n.id}: a project under a project`);
          break;
        default:
          assert.match(tokens, new RegExp(`^;${n.kind};`), `${n.id}: the menus see the kind`);
          assert.ok(isResourceNode(n, n.kind), n.id);
      }
    }
    const kinds = new Set(nodes.map((n) => n.kind));
    const expected: Array<TreeNode['kind']> = ['folder', 'leaf', 'server', 'floatingIp', 'image', 'sshKey', 'iso', 'serverType', 'location'];
    for (const kind of expected) assert.ok(kinds.has(kind), `the tree shows a ${kind} node`);

    // Nodes that fetch nothing have nothing to mark: invalidating them sends no request.
    sim.clearRequests();
    for (const n of nodes) if (n.kind !== 'folder') n.invalidate();
    for (const n of nodes) await api.tree.getChildren(n);
    assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.path}`), []);
  });

  it('sets server tokens, description, icon and tooltip from the server', async () => {
    const servers = await folder('servers');
    const web1 = await byLabel(servers, 'web-1');
    const ci = await byLabel(servers, 'ci-runner');
    const db = await byLabel(servers, 'db-main');
    const legacy = await byLabel(servers, 'legacy-app');
    const isoLab = await byLabel(servers, 'iso-lab');
    // labels, placement group, networks and volumes: today's API has them (web-1 is in all three in the demo).
    assert.equal(ctx(web1), ';server;running;norescue;noiso;nobackups;deletable;labels;inPlacementGroup;networked;volumes;firewalls;');
    assert.equal(ctx(ci), ';server;off;norescue;noiso;nobackups;deletable;labels;noPlacementGroup;unnetworked;volumes;firewalls;');
    assert.match(ctx(db), /;protected;/);
    assert.match(ctx(db), /;backups;/);
    assert.match(ctx(legacy), /;rescue;/);
    assert.match(desc(legacy), /rescue/);
    assert.match(ctx(isoLab), /;iso;/);
    assert.equal((web1.getTreeItem().iconPath as vscode.ThemeIcon).id, 'vm-running');
    assert.equal((ci.getTreeItem().iconPath as vscode.ThemeIcon).id, 'vm-outline');

    const s = (await client.servers.listAll()).find((x) => x.name === 'web-1')!;
    assert.equal(desc(web1), `running · ${formatMonthly(serverMonthly(s))} · ${s.publicNet.ipv4!.ip} · ${s.serverType.name} · ${s.location!.name}`, 'the price right after the state: a narrow side bar cuts the end');
    const fip = (await client.floatingIps.listAll()).find((f) => f.serverId === s.id)!;
    // web-1 has a Floating IP and a Network, none loaded yet: VS Code asks resolveTreeItem on hover.
    assert.equal(web1.getTreeItem().tooltip, undefined);
    sim.clearRequests();
    const resolved = await api.tree.resolveTreeItem(web1.getTreeItem(), web1);
    const t = shown((resolved.tooltip as vscode.MarkdownString).value);
    assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.path}`).sort(), ['GET /firewalls', 'GET /floating_ips', 'GET /networks'], 'the Floating IPs and the Networks\' and firewalls\' names are loaded once for it');
    assert.equal(api.tree.projectNode(project.id)?.folders.firewalls.loaded, false, 'the firewalls\' names, not their folder');
    assert.ok(t.includes('Firewalls: web-fw'), 'the tooltip names its firewall');
    assert.equal(api.tree.projectNode(project.id)?.folders.networks.loaded, false, 'the names, not the Networks folder: nothing is polled after');
    assert.ok(t.includes(`Floating IPs: \`${fip.ip}\``));
    assert.ok(t.includes(`in backend`), 'the private IPs name their Network');
    assert.equal(tooltip(web1), t, 'afterwards the tooltip is there at once');
    for (const re of [/IPv4: `/, /IPv6: `/, /Floating IPs: /, /Type: cx21 \(\d+ vCPU/, /Datacenter: |Location: /, /Image: /, /ISO: none/, /Rescue: off/, /Backups: off/, /Traffic: .* of .* included/, /Protection: none/, /Created: \d{4}-/]) {
      assert.match(t, re);
    }
    assert.ok(t.includes(s.publicNet.ipv4!.ip));
  });

  it('accessibility: each row says its state in words, not only by its icon\'s colour (description and screen-reader label)', async () => {
    const servers = await api.tree.getChildren(await folder('servers'));
    const wire = await client.servers.listAll();
    assert.ok(wire.some((x) => x.status === 'running') && wire.some((x) => x.status === 'off'), 'the demo has both');
    for (const x of wire) {
      const row = servers.find((n) => label(n) === x.name)!;
      assert.ok(desc(row).startsWith(`${x.status} · `), desc(row));
      assert.ok(a11y(row).startsWith(`${x.name}, server, ${x.status}, `), a11y(row));
      assert.ok(!a11y(row).includes(' · '), 'commas, not the description\'s dots');
    }
    const fips = await api.tree.getChildren(await folder('floatingIps'));
    for (const f of await client.floatingIps.listAll()) {
      assert.ok(a11y(fips.find((n) => label(n) === f.ip)!).startsWith(`${f.ip}, Floating IP, ${f.serverId ? 'assigned' : 'unassigned'}`));
    }
    const volumes = await api.tree.getChildren(await folder('volumes'));
    for (const v of await client.volumes.listAll()) {
      assert.ok(a11y(volumes.find((n) => label(n) === v.name)!).startsWith(`${v.name}, volume, ${v.status}, ${v.serverId ? 'attached' : 'detached'}`));
    }
  });

  it('shows a server\'s IPs and ISO as leaves; Copy puts the IP on the clipboard', async () => {
    const servers = await folder('servers');
    const web1 = await byLabel(servers, 'web-1');
    const s = (await client.servers.listAll()).find((x) => x.name === 'web-1')!;
    const fip = (await client.floatingIps.listAll()).find((f) => f.serverId === s.id)!;
    const all = await api.tree.getChildren(web1);
    // Today's API: each public address is a Primary IP, named on its leaf; web-1 is also in the demo network.
    const primaryName = async (id: number | undefined) => (await client.primaryIps.get(id!))!.name;
    const net = s.privateNet![0];
    const network = (await client.networks.get(net.networkId))!.name; // named while the Networks folder is not loaded
    assert.equal(api.tree.projectNode(project.id)?.folders.networks.loaded, false);
    assert.deepEqual(all.map(label), [`IPv4 · ${await primaryName(s.publicNet.ipv4!.primaryIpId)}`, `IPv6 · ${await primaryName(s.publicNet.ipv6!.primaryIpId)}`, 'Floating IP', `Private IP (${network})`, ...net.aliasIps.map(() => `Alias IP (${network})`), 'Firewall']);
    assert.ok(net.aliasIps.length > 0, 'web-1 has an alias IP in the demo');
    assert.deepEqual(all.map(desc), [s.publicNet.ipv4!.ip, s.publicNet.ipv6!.ip, fip.ip, net.ip, ...net.aliasIps, 'web-fw']);
    const leaves = all.slice(0, 3);
    for (const l of leaves) assert.match(ctx(l), /;copyable;/);
    assert.match(tooltip(web1), new RegExp(`Floating IPs: \`${fip.ip.replace(/\./g, '\\.')}\``), 'the tooltip shows the Floating IP by address');

    await vscode.commands.executeCommand('hcloud.node.copy', leaves[0]);
    assert.equal(await vscode.env.clipboard.readText(), s.publicNet.ipv4!.ip);

    const isoLeaves = await api.tree.getChildren(await byLabel(servers, 'iso-lab'));
    assert.ok(isoLeaves.some((l) => label(l) === 'ISO' && /FreeBSD/.test(desc(l))));
  });

  it('shows Floating IPs assigned by server name or unassigned, with their tokens', async () => {
    const fips = await api.tree.getChildren(await folder('floatingIps'));
    const list = await client.floatingIps.listAll();
    const servers = await client.servers.listAll();
    for (const f of list) {
      const node = fips.find((n) => label(n) === f.ip)!;
      assert.match(ctx(node), new RegExp(`^;floatingIp;${f.serverId ? 'assigned' : 'unassigned'};${f.type};${f.protection.delete ? 'protected' : 'deletable'};labels;$`));
      // One copy button (Copy Floating IP), not a second generic Copy of the same address.
      assert.deepEqual(inlineButtons(ctx(node)).filter((b) => b.icon === '$(copy)').map((b) => b.command), ['hcloud.floatingIp.copyIp']);
      if (f.serverId) assert.match(desc(node), new RegExp(`→ ${servers.find((s) => s.id === f.serverId)!.name}`));
      else assert.match(desc(node), /^unassigned/);
      assert.ok(desc(node).includes(f.homeLocation.name));
    }
    assert.ok(list.some((f) => f.serverId) && list.some((f) => !f.serverId), 'the demo has both');
    const primaryIps = await api.tree.getChildren(await folder('primaryIps'));
    assert.ok(primaryIps.length > 0, 'the demo has Primary IPs');
    for (const n of primaryIps) assert.deepEqual(inlineButtons(ctx(n)).filter((b) => b.icon === '$(copy)').map((b) => b.command), ['hcloud.primaryIp.copyIp'], label(n));
  });

  it('marks image types: snapshot/backup protected or deletable, system images neither', async () => {
    const snaps = await api.tree.getChildren(await folder('images', 'snapshots'));
    const golden = snaps.find((n) => label(n) === 'web-1 golden image')!;
    assert.equal(ctx(golden), ';image;snapshot;available;protected;labels;');
    assert.match(desc(golden), /from web-1/);
    const backups = await api.tree.getChildren(await folder('images', 'backups'));
    assert.match(ctx(backups[0]), /^;image;backup;available;deletable;labels;$/);
    assert.match(desc(backups[0]), /bound to db-main/);
    const system = await api.tree.getChildren(await folder('images', 'systemImages'));
    assert.ok(system.every((n) => /^;image;system;available;(deprecated;)?labels;$/.test(ctx(n))), system.map(ctx).join(' '));
  });

  it('after a change on the API, resourceChanged polls just that server until it settles', async () => {
    const servers = await folder('servers');
    const ci = await byLabel(servers, 'ci-runner');
    assert.match(ctx(ci), /;off;/);
    const id = Number(ci.id.split('/').pop());
    const icons: string[] = [];
    const words: string[] = [];
    const sub = api.tree.onDidChangeTreeData((n) => {
      if (n === ci) icons.push((ci.getTreeItem().iconPath as vscode.ThemeIcon).id);
      if (n === ci) words.push(`${desc(ci)} | ${a11y(ci)}`);
    });
    await simCall('POST', `/servers/${id}/actions/poweron`);
    sim.clearRequests();
    api.tree.resourceChanged(project.id, 'server', id);
    await waitFor('ci-runner shows running', () => /;server;running;/.test(ctx(ci)));
    const key = `project/${project.id}/server/${id}`;
    await waitFor('polling stops', () => !api.tree.policy.isWatched(key));
    const paths = sim.requests.map((r) => `${r.method} ${r.path}`);
    assert.ok(paths.length >= 1 && paths.every((p) => p === `GET /servers/${id}`), `only GETs of the server: ${paths.join(', ')}`);
    sub.dispose();
    assert.equal((ci.getTreeItem().iconPath as vscode.ThemeIcon).id, 'vm-running');
    assert.equal(icons[0], 'loading~spin', 'the node spun while the server was starting');
    assert.match(words[0], /^starting… · .* \| ci-runner, server, starting…, /, 'the spinning row says starting… in words too');
    assert.match(words.at(-1)!, /^running · .* \| ci-runner, server, running, /);
    assert.equal(icons.at(-1), 'vm-running');
  });

  it('Refresh Project reloads the open folders and keeps the node instances', async () => {
    const servers = await folder('servers');
    const web2 = await byLabel(servers, 'web-2');
    const id = Number(web2.id.split('/').pop());
    await simCall('PUT', `/servers/${id}`, { name: 'web-2-renamed' });
    assert.equal(label(web2), 'web-2', 'nothing is fetched without a refresh');
    sim.clearRequests();
    await vscode.commands.executeCommand('hcloud.project.refresh', projectNode);
    const after = await api.tree.getChildren(servers);
    assert.ok(after.includes(web2), 'the same node instance');
    assert.equal(label(web2), 'web-2-renamed');
    assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.path}`), ['GET /servers']);

    await simCall('PUT', `/servers/${id}`, { name: 'web-2' });
    await vscode.commands.executeCommand('hcloud.refreshAll');
    await api.tree.getChildren(servers);
    assert.equal(label(web2), 'web-2');
  });

  it('after an assignment, reloads the Floating IPs folder and updates the server without listing servers', async () => {
    const servers = await folder('servers');
    const ci = await byLabel(servers, 'ci-runner');
    const fipsFolder = await folder('floatingIps');
    await api.tree.getChildren(fipsFolder);
    await api.tree.getChildren(await folder('firewalls')); // ci-runner has staging-fw (env=staging): its tooltip names it
    const spare = (await client.floatingIps.listAll()).find((f) => !f.serverId)!;
    const id = Number(ci.id.split('/').pop());
    await simCall('POST', `/floating_ips/${spare.id}/actions/assign`, { server: id });
    for (let i = 0; (await client.floatingIps.get(spare.id))?.serverId !== id; i++) {
      assert.ok(i < 200, 'the assignment finishes');
      await new Promise((r) => setTimeout(r, 25));
    }
    sim.clearRequests();
    api.tree.resourceChanged(project.id, 'floatingIp', spare.id);
    const node = (await api.tree.getChildren(fipsFolder)).find((n) => label(n) === spare.ip)!;
    await waitFor('the Floating IP shows its server', () => desc(node).startsWith('→ ci-runner'));
    assert.match(ctx(node), /;assigned;/);
    await waitFor('the server lists the Floating IP', () => tooltip(ci).includes(spare.ip));
    assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.path}`), ['GET /floating_ips']);
    await simCall('POST', `/floating_ips/${spare.id}/actions/unassign`);
  });

  it('filters a project\'s resources by name, status or label text, and clears the filter', async () => {
    const servers = await folder('servers');
    const all = (await api.tree.getChildren(servers)).map(label);
    api.setUserInput(new ScriptedInput([{ inputBox: 'web' }]));
    await vscode.commands.executeCommand('hcloud.view.filter', projectNode);
    assert.deepEqual((await api.tree.getChildren(servers)).map(label), ['web-1', 'web-2']);
    // First in the description (a narrow side bar cuts its end), whole in the tooltip.
    assert.match(desc(projectNode), /^filter: "web" · /);
    assert.match(tooltip(projectNode), /^Filter: "web" *$/m);
    assert.match(ctx(projectNode), /;filtered;/);
    assert.ok(api.globalStateJson().includes('hcloud.view.filters'), 'the filter is persisted');

    const off = (await client.servers.listAll()).filter((s) => s.status === 'off').map((s) => s.name);
    api.setUserInput(new ScriptedInput([{ inputBox: 'OFF' }]));
    await vscode.commands.executeCommand('hcloud.view.filter', projectNode);
    const shown = (await api.tree.getChildren(servers)).map(label);
    if (off.length) assert.deepEqual(shown, off.sort((a, b) => a.localeCompare(b)), 'matched by status');
    else assert.deepEqual(shown, ['No servers match "OFF"']);

    await vscode.commands.executeCommand('hcloud.view.clearFilter', projectNode);
    assert.deepEqual((await api.tree.getChildren(servers)).map(label), all);
    assert.doesNotMatch(desc(projectNode), /filter/);
  });

  it("shows and hides the catalog: server types, locations and prices, and no Datacenters folder (today's API has none)", async () => {
    assert.ok(!(await api.tree.getChildren(projectNode)).some((n) => n.id.endsWith('/catalog')), 'hidden by default');
    sim.clearRequests();
    await vscode.commands.executeCommand('hcloud.view.toggleCatalog');
    const catalog = await folder('catalog');
    assert.equal(ctx(catalog), ';folder;catalog;');
    assert.deepEqual((await api.tree.getChildren(catalog)).map(label), ['Server Types', 'Load Balancer Types', 'Locations', 'Prices']);
    const types = await api.tree.getChildren(await folder('catalog', 'serverTypes'));
    const simTypes = await client.serverTypes.listAll();
    assert.equal(types.length, simTypes.length);
    const cx21 = types.find((n) => label(n) === 'cx21')!;
    assert.match(desc(cx21), /^\d+ vCPU · \d+ GB · \d+ GB · x86 · €\d+\.\d\d\/mo$/);
    const cax11 = types.find((n) => label(n) === 'cax11')!;
    assert.match(desc(cax11), / · arm · /);
    assert.match(tooltip(cax11), /arm\)/);
    const perLocation = await api.tree.getChildren(cx21);
    assert.deepEqual(perLocation.map(label), simTypes.find((t) => t.name === 'cx21')!.prices.map((p) => p.location));
    assert.ok(perLocation.every((n) => /;price;/.test(ctx(n)) && /^€\d+\.\d\d\/mo · €\d\.\d{4}\/h/.test(desc(n))), perLocation.map(desc).join(' | '));

    // per-location availability and deprecation, as the API says them
    const cx11 = simTypes.find((t) => t.name === 'cx11')!;
    const hel1 = cx11.locations?.find((l) => l.name === 'hel1')?.deprecation;
    assert.ok(hel1, 'the simulator deprecates cx11 in hel1');
    const cx11Rows = await api.tree.getChildren(types.find((n) => label(n) === 'cx11')!);
    assert.match(desc(cx11Rows.find((n) => label(n) === 'hel1')!), new RegExp(`deprecated, unavailable after ${hel1.unavailableAfter.toISOString().slice(0, 10)}$`));
    assert.doesNotMatch(desc(cx11Rows.find((n) => label(n) === 'fsn1')!), /deprecated|available/);
    assert.equal(simTypes.find((t) => t.name === 'ccx12')?.locations?.find((l) => l.name === 'nbg1')?.available, false);
    const ccx12Rows = await api.tree.getChildren(types.find((n) => label(n) === 'ccx12')!);
    assert.match(desc(ccx12Rows.find((n) => label(n) === 'nbg1')!), /not available$/);
    assert.match(tooltip(types.find((n) => label(n) === 'ccx12')!), /- nbg1: .* · not available/);

    // prices in today's shape: Floating IPs per type, traffic per location, nothing at €0.00
    const prices = await api.tree.getChildren(await folder('catalog', 'prices'));
    const pricing = await client.pricing.get();
    assert.equal(pricing.traffic.perTb?.gross ?? 0, 0, "today's API reports 0 for the 2018 traffic price");
    const row = (name: string) => prices.find((n) => label(n) === name);
    const ipv4 = pricing.floatingIps?.find((f) => f.type === 'ipv4')?.prices[0]?.monthly;
    assert.ok(ipv4, 'the simulator has pricing.floating_ips');
    assert.match(desc(row('Floating IPv4')!), new RegExp(`^€${ipv4.gross.toFixed(2).replace('.', '\\.')}/mo`));
    assert.ok(row('Floating IPv6'));
    assert.equal(row('Floating IP'), undefined, 'no 2018 Floating IP row');
    const primary4 = pricing.primaryIps?.find((f) => f.type === 'ipv4')?.prices[0]?.monthly;
    assert.ok(primary4, 'the simulator has pricing.primary_ips');
    assert.match(desc(row('Primary IPv4')!), new RegExp(`^€${primary4.gross.toFixed(2).replace('.', '\\.')}/mo`));
    const primary6 = pricing.primaryIps?.find((f) => f.type === 'ipv6')?.prices[0]?.monthly;
    assert.equal(desc(row('Primary IPv6')!).split(' ')[0], `€${primary6?.gross.toFixed(2)}/mo`, 'a Primary IPv6 is free: its price is a real €0.00');
    assert.match(desc(row('Traffic')!), /^€\d+\.\d\d per TB.* beyond the included traffic$/);
    assert.ok(!prices.some((n) => label(n) !== 'Primary IPv6' && desc(n).includes('€0.00')), prices.map(desc).join(' | '));
    const locations = await api.tree.getChildren(await folder('catalog', 'locations'));
    assert.equal(locations.length, (await client.locations.listAll()).length);
    assert.match(ctx(locations[0]), /^;location;/);
    assert.deepEqual(sim.requests.filter((r) => r.path.startsWith('/datacenters')), [], 'no request to /datacenters');

    await vscode.commands.executeCommand('hcloud.view.toggleCatalog');
    assert.ok(!(await api.tree.getChildren(projectNode)).some((n) => n.id.endsWith('/catalog')));
  });

  it('a deleted server leaves the tree; its Floating IP shows unassigned', async () => {
    const servers = await folder('servers');
    const web2 = await byLabel(servers, 'web-2');
    const id = Number(web2.id.split('/').pop());
    const fipsFolder = await folder('floatingIps');
    const fip = (await client.floatingIps.listAll()).find((f) => f.serverId === id)!;
    const fipNode = (await api.tree.getChildren(fipsFolder)).find((n) => label(n) === fip.ip)!;
    assert.match(desc(fipNode), /^→ web-2/);
    const { action } = (await simCall('DELETE', `/servers/${id}`)) as { action: { id: number } };
    for (let i = 0; (await client.actions.get(action.id))?.status === 'running'; i++) {
      assert.ok(i < 200, 'the delete finishes');
      await new Promise((r) => setTimeout(r, 25));
    }
    api.tree.resourceChanged(project.id, 'server', id);
    let names: string[] = [];
    for (let i = 0; i < 200 && (names = (await api.tree.getChildren(servers)).map(label)).includes('web-2'); i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(!names.includes('web-2'), 'the server left the Servers folder');
    await waitFor('the Floating IP shows unassigned', () => /^unassigned/.test(desc(fipNode)));
    assert.match(ctx(fipNode), /;unassigned;/);
  });

  describe('a newer load replaces one on its way (issue 10, finding 6)', () => {
    /** GET /servers lists (not the era probes of a command: those ask per_page=1). */
    const lists = (): RecordedRequest[] => sim.requests.filter((r) => r.method === 'GET' && r.path === '/servers' && r.query.per_page?.[0] !== '1');
    const childLabels = (folder: TreeNode) => (folder as ListFolderNode).children().map(label);

    it('Refresh twice while the first list is on its way: the first is stopped before its answer, the second shows', async () => {
      const servers = await folder('servers');
      const vpn = await byLabel(servers, 'vpn-hel');
      const id = Number(vpn.id.split('/').pop());
      sim.setFaults({ latencyMs: 800, match: { method: 'GET', path: /^\/servers$/ } }); // outlasts the steps in between on a loaded machine
      sim.clearRequests();
      try {
        await vscode.commands.executeCommand('hcloud.project.refresh', projectNode);
        const first = api.tree.getChildren(servers);
        await waitFor('the first list on its way', () => lists().length === 1);
        await simCall('PUT', `/servers/${id}`, { name: 'vpn-hel-renamed' });
        await vscode.commands.executeCommand('hcloud.project.refresh', projectNode);
        const [a, b] = await Promise.all([first, api.tree.getChildren(servers)]);
        assert.ok(a.includes(vpn) && b.includes(vpn), 'the same node instance');
        assert.equal(label(vpn), 'vpn-hel-renamed');
        assert.deepEqual(lists().map((r) => r.status), [0, 200], 'the first list was stopped before its answer');
      } finally {
        sim.setFaults({});
        await simCall('PUT', `/servers/${id}`, { name: 'vpn-hel' });
      }
    });

    it('Filter by Labels changed while the folder loads: the first list is stopped and only the new selector\'s servers show', async () => {
      const servers = await folder('servers');
      const all = (await api.tree.getChildren(servers)).map(label);
      const staging = (await client.servers.listAll({ labelSelector: 'env=staging' })).map((s) => s.name).sort((a, b) => a.localeCompare(b));
      assert.ok(staging.length > 0 && staging.length < all.length);
      sim.setFaults({ latencyMs: 800, match: { method: 'GET', path: /^\/servers$/ } }); // outlasts the steps in between on a loaded machine
      sim.clearRequests();
      const shown = sample(() => childLabels(servers));
      try {
        api.setUserInput(new ScriptedInput([{ inputBox: 'env=production' }]));
        await vscode.commands.executeCommand('hcloud.view.filterByLabels', projectNode);
        await waitFor('the production list on its way', () => lists().length === 1);
        api.setUserInput(new ScriptedInput([{ inputBox: 'env=staging' }]));
        await vscode.commands.executeCommand('hcloud.view.filterByLabels', projectNode);
        assert.deepEqual((await api.tree.getChildren(servers)).map(label), staging);
        assert.deepEqual(shown.stop(), [all, staging], 'never the production servers');
        assert.deepEqual(lists().map((r) => [r.query.label_selector?.[0], r.status]), [['env=production', 0], ['env=staging', 200]]);
      } finally {
        shown.stop();
        sim.setFaults({});
        await vscode.commands.executeCommand('hcloud.view.clearFilter', projectNode);
      }
    });
  });

  it('a list longer than the cap shows its first items and says that it was cut, no error (issue 10, finding 7)', async () => {
    // 480 servers and a transport that reads 3 pages: the tree's own folder, on a client with a small cap.
    const big = await startSimulator({ token: TOKEN, seed: 'empty', extraServers: 480 });
    const small = new HcloudClient({ token: TOKEN, endpoint: big.url, maxListPages: 3 });
    try {
      const node = new ProjectNode(project, { get: async () => small });
      const nodes = await node.folders.servers.getChildren();
      assert.equal(nodes.length, 151);
      const note = nodes[150];
      assert.equal(label(note), 'Showing the first 150 servers: the list has 480');
      assert.equal(desc(note), 'the tree reads at most 3 pages of a list');
      assert.equal(ctx(note), ';message;listCut;');
      assert.ok(nodes.slice(0, 150).every((n) => /^;server;/.test(ctx(n))));
      assert.deepEqual(big.requests.map((r) => r.query.page[0]).sort(), ['1', '2', '3']);
    } finally {
      small.dispose();
      await big.close();
    }
  });

  it('a folder that fails shows an error node; Retry loads it', async () => {
    sim.setFaults({ failNext: 1, kind: 'status', statuses: [403], match: { path: /^\/floating_ips/ } });
    const fips = await folder('floatingIps');
    const [err, ...rest] = await api.tree.getChildren(fips);
    assert.equal(rest.length, 0);
    assert.equal(label(err), 'Could not load Floating IPs');
    assert.match(ctx(err), /;retryable;/);
    await vscode.commands.executeCommand('hcloud.node.retry', err);
    const nodes = await api.tree.getChildren(fips);
    assert.equal(nodes.length, (await client.floatingIps.listAll()).length);
    assert.match(ctx(nodes[0]), /;floatingIp;/);
  });
});

describe('tree against the 2018 contract', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let api: Api;
  let project: Project;

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 300, api: '2018' });
    api = await testingApi();
    project = await api.projects.add('tree-2018', sim.url, TOKEN);
  });

  after(async () => {
    await api.projects.remove(project.id);
    if (api.tree.catalogShown()) await vscode.commands.executeCommand('hcloud.view.hideCatalog');
    await sim?.close();
  });

  it("shows only the 2018 contract's folders: none of today's families (Volumes, Networks, ...), and no error node", async () => {
    const root = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`);
    assert.ok(root);
    if (api.tree.catalogShown()) await vscode.commands.executeCommand('hcloud.view.hideCatalog');
    assert.deepEqual((await api.tree.getChildren(root)).map(label), ['Servers', 'Floating IPs', 'Images', 'SSH Keys', 'ISOs']);
  });

  it('the catalog keeps its Datacenters folder, one Floating IP price and one traffic price', async () => {
    const root = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`);
    assert.ok(root);
    if (!api.tree.catalogShown()) await vscode.commands.executeCommand('hcloud.view.toggleCatalog');
    const catalog = (await api.tree.getChildren(root)).find((n) => n.id.endsWith('/catalog'));
    assert.ok(catalog, 'the catalog is shown');
    const folders = await api.tree.getChildren(catalog);
    assert.deepEqual(folders.map(label), ['Server Types', 'Locations', 'Datacenters', 'Prices']);
    const datacenters = await api.tree.getChildren(folders[2]);
    assert.deepEqual(datacenters.map(label).sort(), sim.state.datacenters.map((d) => d.name).sort());
    assert.match(ctx(datacenters[0]), /^;datacenter;/);
    const types = await api.tree.getChildren(folders[0]);
    const cx21 = types.find((n) => label(n) === 'cx21')!;
    assert.match(desc(cx21), /^\d+ vCPU · \d+ GB · \d+ GB · €\d+\.\d\d\/mo$/, 'no architecture in the 2018 contract');
    assert.ok(!types.some((n) => label(n).startsWith('cax')), 'no arm types');
    assert.ok((await api.tree.getChildren(cx21)).every((n) => !/available|deprecated/.test(desc(n))));
    const prices = await api.tree.getChildren(folders[3]);
    const row = (name: string) => prices.find((n) => label(n) === name);
    assert.match(desc(row('Floating IP')!), /^€\d+\.\d\d\/mo$/);
    assert.match(desc(row('Traffic')!), /^€\d+\.\d\d per TB$/);
    assert.equal(row('Floating IPv4'), undefined);
    assert.equal(row('Primary IPv4'), undefined);
  });
});
