import * as vscode from 'vscode';
import type { Project } from '../projects/projectStore';
import { contextValue, type TreeNode } from './node';

export interface LeafOptions {
  description?: string;
  /** Markdown source. */
  tooltip?: string;
  icon?: string;
  tokens?: string[];
  /** What Copy puts on the clipboard; makes the node `;copyable;`. */
  copyText?: string;
}

/** A plain leaf: a server's IP or ISO (copyable), a price row. */
export class LeafNode implements TreeNode {
  readonly kind = 'leaf';

  constructor(
    readonly parent: TreeNode,
    readonly id: string,
    public label: string,
    public options: LeafOptions = {},
  ) {}

  get project(): Project {
    return this.parent.project;
  }

  get copyText(): string | undefined {
    return this.options.copyText;
  }

  /** A row that is not a resource (a detail, a price) shows whatever the view filter is. */
  matches(): boolean {
    return true;
  }

  invalidate(): void {
    // Fetches nothing: its parent gives it its text.
  }

  update(label: string, options: LeafOptions): void {
    this.label = label;
    this.options = options;
  }

  getTreeItem(): vscode.TreeItem {
    const o = this.options;
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = o.description;
    item.tooltip = o.tooltip ? new vscode.MarkdownString(o.tooltip) : undefined;
    if (o.icon) item.iconPath = new vscode.ThemeIcon(o.icon);
    item.contextValue = contextValue(...(o.tokens ?? []), o.copyText !== undefined && 'copyable');
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return [];
  }
}
