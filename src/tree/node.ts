import type * as vscode from 'vscode';
import type { Project } from '../projects/projectStore';
import type { ResourceKind } from './resourceNode';

/** What a node stands for: the discriminant type guards test (a resource's node carries its resource kind). */
export type NodeKind = 'project' | 'folder' | 'leaf' | 'message' | ResourceKind;

/**
 * A node of the Hetzner Cloud tree: small classes with a stable hierarchical id. Every node class
 * of src/tree meets this contract; commands take a node as `TreeNode` and tell kinds apart by `kind`.
 */
export interface TreeNode {
  /** e.g. `project/<pid>/servers/server/<id>` */
  readonly id: string;
  /** The node above; undefined for a project (the tree's top level). */
  readonly parent: TreeNode | undefined;
  /** The project the node belongs to (a project node's own). */
  readonly project: Project;
  readonly kind: NodeKind;
  /** What Copy puts on the clipboard; set on the nodes that are `;copyable;`. */
  readonly copyText?: string;
  /** Marks what the node lists for a fetch the next time it is shown; nodes that fetch nothing have nothing to mark. */
  invalidate(): void;
  getTreeItem(): vscode.TreeItem;
  /** Its children; none for a leaf. */
  getChildren(): Promise<TreeNode[]>;
}

/** contextValue as a set of capability tokens: `;server;running;deletable;`. */
export function contextValue(...tokens: Array<string | false | undefined>): string {
  return `;${tokens.filter((t): t is string => !!t).join(';')};`;
}
