import type * as vscode from 'vscode';

/** A node of the Hetzner Cloud tree: small classes with a stable hierarchical id. */
export interface TreeNode {
  /** e.g. `project/<pid>/server/<id>` */
  readonly id: string;
  readonly parent?: TreeNode;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
}

/** contextValue as a set of capability tokens: `;server;running;deletable;`. */
export function contextValue(...tokens: Array<string | false | undefined>): string {
  return `;${tokens.filter((t): t is string => !!t).join(';')};`;
}
