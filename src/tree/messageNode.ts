import * as vscode from 'vscode';
import { HcloudError } from '../api/errors';
import type { Project } from '../projects/projectStore';
import { contextValue, type TreeNode } from './node';

/** A leaf that says something instead of data: an error with Retry, or an empty folder. */
export class MessageNode implements TreeNode {
  readonly kind = 'message';

  constructor(
    readonly parent: TreeNode,
    readonly id: string,
    private readonly label: string,
    private readonly options: { detail?: string; icon?: string; retry?: boolean; tokens?: string[] } = {},
  ) {}

  get project(): Project {
    return this.parent.project;
  }

  static error(parent: TreeNode, what: string, error: unknown): MessageNode {
    const e = error instanceof HcloudError ? error : undefined;
    const rejected = e?.status === 401 || e?.code === 'unauthorized' || e?.code === 'invalid_token';
    const detail = e ? e.fullMessage : error instanceof Error ? error.message : String(error);
    return new MessageNode(parent, `${parent.id}/error`, rejected ? 'Token rejected' : `Could not load ${what}`, {
      detail: rejected ? `${detail} — update the project's token.` : detail,
      icon: 'error',
      retry: true,
      tokens: rejected ? ['tokenRejected'] : [],
    });
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = this.options.detail;
    item.tooltip = this.options.detail ? `${this.label}: ${this.options.detail}` : this.label;
    if (this.options.icon) {
      item.iconPath = new vscode.ThemeIcon(this.options.icon, this.options.icon === 'error' ? new vscode.ThemeColor('errorForeground') : undefined);
    }
    item.contextValue = contextValue('message', this.options.retry && 'retryable', ...(this.options.tokens ?? []));
    if (this.options.retry) {
      item.command = { command: 'hcloud.node.retry', title: 'Retry', arguments: [this] };
    }
    return item;
  }

  invalidate(): void {
    // Fetches nothing: Retry invalidates its parent.
  }

  async getChildren(): Promise<TreeNode[]> {
    return [];
  }
}
