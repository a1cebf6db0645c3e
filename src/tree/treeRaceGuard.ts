// The tree data provider VS Code sees: the projects tree (projectsTreeProvider.ts) behind a guard
// against a race in VS Code's extension host (seen with VS Code 1.100; microsoft/vscode#192055).
//
// The host asks a node's children, registers them under the node's ids once they arrive, and
// throws "Element with id … is already registered" when an id is registered twice. While our
// getChildren(X) waits on the network, a refresh of X or of one of its ancestors (a change event)
// replaces X's node in the host: the children that then arrive are registered under the old,
// orphaned node, and the next time X's children are asked (its next refresh) their ids collide.
// The user sees an error toast and X with no children.
//
// The host asks getTreeItem(A) exactly when it (re)creates A's node, so a getTreeItem of X or an
// ancestor of X while getChildren(X) is pending tells us that X's answer will be orphaned. Its
// children are then handed over without their ids (the host names them by label under the old node
// instead), so nothing collides; the next listing of X registers them with their ids again.
// Change events reach the host in a later macrotask than the one that settled a getChildren, so the
// host's refresh cannot slip between our answer and its registration of that answer. The host makes
// a reveal wait for the refreshes it knows of (a refresh landing during a reveal drops the row's
// selection), so the view the tree reveals with (`revealAfterChanges`) first lets the deferred
// events through.
import type * as vscode from 'vscode';

/** What the guard needs of a tree: a node knows its parent. */
export interface GuardedTree<T extends object> {
  readonly onDidChangeTreeData: vscode.Event<T | undefined>;
  getTreeItem(node: T): vscode.TreeItem;
  getChildren(node?: T): Promise<T[]>;
  getParent(node: T): T | undefined;
  resolveTreeItem?(item: vscode.TreeItem, node: T, token: vscode.CancellationToken): Promise<vscode.TreeItem>;
}

interface PendingListing<T> {
  node: T;
  orphaned: boolean;
}

export class TreeRaceGuard<T extends object> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly pending = new Set<PendingListing<T>>();
  /** Children of an orphaned listing: their next getTreeItem (the host's registration, in the same macrotask) has no id. */
  private readonly idless = new Set<T>();
  private readonly listeners = new Set<(node: T | undefined) => void>();
  private readonly timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly tree: GuardedTree<T>) {
    this.subscription = tree.onDidChangeTreeData((node) => void this.later(() => { for (const l of [...this.listeners]) l(node); }));
  }

  /**
   * Resolves once every change event received so far has been passed on to VS Code: timers of the
   * same delay run in the order they were set, so one set now runs after theirs.
   */
  delivered(): Promise<void> {
    return this.later(() => undefined);
  }

  /** `view`, whose reveal() first lets the change events fired before it reach VS Code. */
  revealAfterChanges<V extends Pick<vscode.TreeView<T>, 'reveal'>>(view: V): V {
    const reveal = async (node: T, options?: Parameters<vscode.TreeView<T>['reveal']>[1]) => {
      await this.delivered();
      return view.reveal(node, options);
    };
    return Object.create(view, { reveal: { value: reveal } }) as V;
  }

  readonly onDidChangeTreeData: vscode.Event<T | undefined> = (listener, thisArg, disposables) => {
    const l = (node: T | undefined) => listener.call(thisArg, node);
    this.listeners.add(l);
    const d = { dispose: () => void this.listeners.delete(l) };
    disposables?.push(d);
    return d;
  };

  getTreeItem(node: T): vscode.TreeItem {
    for (const p of this.pending) if (!p.orphaned && this.isAncestorOrSelf(node, p.node)) p.orphaned = true;
    const item = this.tree.getTreeItem(node);
    if (!this.idless.has(node)) return item;
    this.idless.delete(node);
    return Object.assign(Object.create(Object.getPrototypeOf(item) as object) as vscode.TreeItem, item, { id: undefined });
  }

  async getChildren(node?: T): Promise<T[]> {
    // The roots: a full refresh cancels a pending listing of them in the host, nothing is orphaned.
    if (node === undefined) return this.tree.getChildren();
    const listing: PendingListing<T> = { node, orphaned: false };
    this.pending.add(listing);
    try {
      const children = await this.tree.getChildren(node);
      if (listing.orphaned && children.length) {
        for (const c of children) this.idless.add(c);
        void this.later(() => { for (const c of children) this.idless.delete(c); });
      }
      return children;
    } finally {
      this.pending.delete(listing);
    }
  }

  getParent(node: T): T | undefined {
    return this.tree.getParent(node);
  }

  resolveTreeItem(item: vscode.TreeItem, node: T, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    return this.tree.resolveTreeItem ? this.tree.resolveTreeItem(item, node, token) : Promise.resolve(item);
  }

  dispose(): void {
    this.subscription.dispose();
    for (const [t, done] of this.timers) {
      clearTimeout(t);
      done();
    }
    this.timers.clear();
    this.listeners.clear();
  }

  private isAncestorOrSelf(a: T, node: T): boolean {
    for (let n: T | undefined = node; n !== undefined; n = this.tree.getParent(n)) if (n === a) return true;
    return false;
  }

  /** Runs `f` in a later macrotask; resolves when it ran (or the guard was disposed). */
  private later(f: () => void): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        try {
          f();
        } finally {
          resolve();
        }
      }, 0);
      this.timers.set(t, resolve);
    });
  }
}
