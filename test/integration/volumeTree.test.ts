// Volumes in the tree (today's API, demo seed): the folder after Servers, its rows and tooltips with
// the monthly price, and a server's volumes under the server (the same menus as in the folder).
import * as assert from 'node:assert/strict';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import type { Project } from '../../src/projects/projectStore';
import type { TreeNode } from '../../src/tree/node';
import { testingApi } from './support/extensionApi';

const TOKEN = 'volume-tree-token-41c7';

describe('Volumes in the tree', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let api: Awaited<ReturnType<typeof testingApi>>;
  let project: Project;
  const text = (value: unknown) => (typeof value === 'string' ? value : ((value as { value?: string; label?: string })?.value ?? (value as { label?: string })?.label ?? ''));
  const item = (n: TreeNode) => n.getTreeItem();
  const named = async (parent: TreeNode, name: string) => {
    const found = (await api.tree.getChildren(parent)).find((n) => text(item(n).label) === name);
    assert.ok(found, `${parent.id} shows ${name}`);
    return found;
  };

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 100 });
    api = await testingApi();
    project = await api.projects.add('volume-tree', sim.url, TOKEN);
  });
  after(async () => {
    await api.projects.remove(project.id);
    await sim.close();
  });

  it('the Volumes folder lists each volume with size, location, server and Linux device; the tooltip prices it', async () => {
    const root = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`)!;
    const folder = await named(root, 'Volumes');
    assert.equal(item(folder).contextValue, ';folder;volumes;');
    sim.clearRequests();
    const rows = await api.tree.getChildren(folder);
    assert.ok(sim.requests.some((r) => r.path === '/volumes'), 'one list when opened');
    const volumes = [...sim.state.volumes.values()];
    assert.deepEqual(rows.map((n) => text(item(n).label)).sort(), volumes.map((v) => v.name).sort());
    const data = volumes.find((v) => v.name === 'db-data')!;
    const row = rows.find((n) => text(item(n).label) === 'db-data')!;
    assert.equal(item(row).description, `100 GB · ${data.location.name} · db-main · ${data.linux_device}`);
    assert.match(String(item(row).contextValue), /^;volume;attached;available;protected;.*labels;$/);
    const loose = rows.find((n) => text(item(n).label) === 'scratch')!;
    assert.match(String(item(loose).contextValue), /;detached;.*;deletable;/);
    // The prices come once after the list; then the tooltip shows the gross monthly price with net.
    for (let i = 0; i < 100 && !/Price: €/.test(text(item(row).tooltip)); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(text(item(row).tooltip), /Price: €5\\\.24\\\/mo \\\(€4\\\.40\\\/mo net\\\)/);
  });

  it("a server's volumes are its children, with the volume's menus; its menu offers Attach Volume", async () => {
    const root = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`)!;
    const db = await named(await named(root, 'Servers'), 'db-main');
    assert.match(String(item(db).contextValue), /;volumes;/);
    const child = await named(db, 'db-data');
    assert.equal(child.kind, 'volume');
    assert.equal(child.id, `${db.id}/volume/${[...sim.state.volumes.values()].find((v) => v.name === 'db-data')!.id}`);
    assert.match(String(item(child).contextValue), /^;volume;attached;/);
  });
});
