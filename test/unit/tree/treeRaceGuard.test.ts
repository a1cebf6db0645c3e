// The guard VS Code sees in front of the projects tree (src/tree/treeRaceGuard.ts): children whose
// listing was orphaned (the host re-created their parent or an ancestor, which it does by asking its
// getTreeItem, while the listing was on its way) reach the host without their ids, once; every
// other listing keeps them. Change events reach the host in a later macrotask, and a reveal waits
// for them. The e2e scenario
// "expand a server and rename it while its rows are on their way" (servers.spec.mjs) shows the race
// in the real workbench.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { TreeRaceGuard, type GuardedTree } from '../../../src/tree/treeRaceGuard';

interface Node {
  id: string;
  parent?: Node;
}

class Item {
  constructor(public label: string, public id: string | undefined, public contextValue = 'row') {}
}

/** A tree whose listings settle when the test says. */
function fakeTree() {
  const listeners = new Set<(n: Node | undefined) => void>();
  const waiting = new Map<Node, (children: Node[]) => void>();
  const tree: GuardedTree<Node> = {
    onDidChangeTreeData: (l) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
    getTreeItem: (n) => new Item(`label ${n.id}`, n.id) as unknown as vscode.TreeItem,
    getChildren: (n) => (n ? new Promise<Node[]>((resolve) => waiting.set(n, resolve)) : Promise.resolve([project])),
    getParent: (n) => n.parent,
  };
  const fire = (n: Node | undefined) => { for (const l of listeners) l(n); };
  return { tree, fire, settle: (n: Node, children: Node[]) => waiting.get(n)!(children) };
}

const project: Node = { id: 'p' };
const folder: Node = { id: 'p/servers', parent: project };
const server: Node = { id: 'p/servers/42', parent: folder };
const sibling: Node = { id: 'p/servers/43', parent: folder };
const ipv4: Node = { id: 'p/servers/42/ipv4', parent: server };
const ipv6: Node = { id: 'p/servers/42/ipv6', parent: server };
const macrotask = () => new Promise((r) => setTimeout(r, 0));

/** What the host does with a listing: ask the children, then each child's item in the same macrotask. */
async function hostLists(guard: TreeRaceGuard<Node>, node: Node, during: () => void, settle: () => void): Promise<vscode.TreeItem[]> {
  const children = guard.getChildren(node);
  during();
  settle();
  return (await children).map((c) => guard.getTreeItem(c));
}

describe('tree race guard (the tree VS Code sees)', () => {
  it('a listing during which nothing re-created the node or its ancestors keeps the ids', async () => {
    const { tree, settle } = fakeTree();
    const guard = new TreeRaceGuard(tree);
    // The host asks a sibling's item and the children's own items meanwhile: neither re-creates the server.
    const items = await hostLists(guard, server, () => guard.getTreeItem(sibling), () => settle(server, [ipv4, ipv6]));
    assert.deepEqual(items.map((i) => i.id), [ipv4.id, ipv6.id]);
    guard.dispose();
  });

  for (const [what, node] of [['the node itself', server], ['its folder', folder], ['its project', project]] as const) {
    it(`a listing during which the host re-created ${what} hands its children over without ids, once, labels and prototype kept`, async () => {
      const { tree, settle } = fakeTree();
      const guard = new TreeRaceGuard(tree);
      const items = await hostLists(guard, server, () => guard.getTreeItem(node), () => settle(server, [ipv4, ipv6]));
      assert.deepEqual(items.map((i) => i.id), [undefined, undefined]);
      assert.deepEqual(items.map((i) => i.label), ['label p/servers/42/ipv4', 'label p/servers/42/ipv6']);
      assert.ok(items.every((i) => i instanceof Item && i.contextValue === 'row'), 'the item is a copy of the same class');
      // The next time the host asks (its next listing), the ids are back.
      assert.equal(guard.getTreeItem(ipv4).id, ipv4.id);
      await macrotask();
      assert.equal(guard.getTreeItem(ipv6).id, ipv6.id);
      guard.dispose();
    });
  }

  it('only the orphaned listing loses its ids: a listing of another node at the same time keeps them', async () => {
    const { tree, settle } = fakeTree();
    const guard = new TreeRaceGuard(tree);
    const other: Node = { id: 'p/servers/43/ipv4', parent: sibling };
    const a = guard.getChildren(server);
    const b = guard.getChildren(sibling);
    guard.getTreeItem(server);
    settle(server, [ipv4]);
    settle(sibling, [other]);
    assert.deepEqual([(await a).map((c) => guard.getTreeItem(c).id), (await b).map((c) => guard.getTreeItem(c).id)], [[undefined], [other.id]]);
    guard.dispose();
  });

  it('the roots are listed as they are (a full refresh cancels their listing in the host)', async () => {
    const { tree } = fakeTree();
    const guard = new TreeRaceGuard(tree);
    const roots = guard.getChildren();
    guard.getTreeItem(project);
    assert.deepEqual((await roots).map((c) => guard.getTreeItem(c).id), [project.id]);
    guard.dispose();
  });

  it('a change reaches the host in a later macrotask, not while a listing settles; none after dispose', async () => {
    const { tree, fire } = fakeTree();
    const guard = new TreeRaceGuard(tree);
    const seen: Array<string | undefined> = [];
    const heard = (n: Node | undefined) => void seen.push(n?.id);
    const sub = guard.onDidChangeTreeData(heard);
    fire(server);
    fire(undefined);
    await Promise.resolve();
    assert.deepEqual(seen, [], 'nothing in the same macrotask');
    await macrotask();
    assert.deepEqual(seen, [server.id, undefined]);
    sub.dispose();
    fire(server);
    await macrotask();
    assert.deepEqual(seen, [server.id, undefined], 'a disposed listener hears nothing');
    guard.onDidChangeTreeData(heard);
    fire(folder);
    guard.dispose();
    await macrotask();
    assert.deepEqual(seen, [server.id, undefined], 'nothing after dispose');
  });

  it('a reveal through the view it hands out waits until the changes fired before it reached VS Code', async () => {
    const { tree, fire } = fakeTree();
    const guard = new TreeRaceGuard(tree);
    const heard: string[] = [];
    guard.onDidChangeTreeData((n) => heard.push(`change ${n?.id}`));
    const view = { visible: true, reveal: async (n: Node) => void heard.push(`reveal ${n.id}`) } as unknown as vscode.TreeView<Node>;
    const revealing = guard.revealAfterChanges(view);
    assert.equal(revealing.visible, true, 'the rest of the view is the view');
    fire(folder);
    await revealing.reveal(server, { select: true });
    assert.deepEqual(heard, ['change p/servers', 'reveal p/servers/42']);
    guard.dispose();
  });
});

