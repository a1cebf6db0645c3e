import * as vscode from 'vscode';
import type { ClientPool } from '../projects/clientPool';
import type { ProjectStore } from '../projects/projectStore';
import type { TreeNode } from './node';
import type { ResourceKind } from './resourceNode';
import { ProjectNode } from './projectNode';

export class ProjectsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly projects: ProjectStore,
    private readonly clients: ClientPool,
  ) {
    this.subscription = projects.onDidChange(() => this.refresh());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** Reloads one node's children, or the whole tree. */
  refresh(node?: TreeNode): void {
    this.changed.fire(node);
  }

  /**
   * After a change made by a command: reload what shows the resource (or the whole project when
   * no resource is named) and keep polling it while it is in a transitional state.
   */
  resourceChanged(_projectId: string, _kind?: ResourceKind, _id?: number): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.projects.list().map((p) => new ProjectNode(p, this.clients));
    return node.getChildren ? node.getChildren() : [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }
}
