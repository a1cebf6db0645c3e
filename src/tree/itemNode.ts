import * as vscode from 'vscode';
import type { Project } from '../projects/projectStore';
import type { Lookup } from './format';
import { matchesFilter } from './format';
import type { NodeScope } from './host';
import { contextValue, type TreeNode } from './node';
import type { ResourceKind, ResourceNode } from './resourceNode';
import { rowAccessibilityLabel } from './rowState';

/** How one kind of resource looks in the tree. */
export interface Presenter<T extends { id: number }> {
  kind: ResourceKind;
  label(r: T, lookup: Lookup): string;
  description(r: T, lookup: Lookup): string;
  /** Markdown source. */
  tooltip(r: T, lookup: Lookup): string;
  icon(r: T): string | vscode.ThemeIcon;
  tokens(r: T): Array<string | false | undefined>;
  /** Leaves under the node (details); none makes it a leaf itself. */
  children?(r: T, node: ItemNode<T>): TreeNode[];
  /** The state the icon shows, in words (`available`, `unassigned`): the row's accessibility label says it. */
  state?(r: T): string | undefined;
  /** What Copy puts on the clipboard (makes the node `;copyable;`). */
  copyText?(r: T): string;
  /** Extra text the view filter matches (status, ...). */
  filterText?(r: T): Array<string | undefined>;
}

/** Whether a resource carries labels (today's API); the 2018 API has none (the field is undefined). */
export function hasLabels(resource: unknown): boolean {
  return !!resource && typeof resource === 'object' && (resource as { labels?: unknown }).labels !== undefined;
}

/** A node for one API resource other than a server: Floating IP, image, SSH key, ISO, catalog entry. */
export class ItemNode<T extends { id: number }> implements ResourceNode<T> {
  readonly id: string;
  readonly kind: ResourceKind;

  constructor(
    readonly parent: TreeNode,
    readonly scope: NodeScope,
    private readonly presenter: Presenter<T>,
    public resource: T,
  ) {
    this.kind = presenter.kind;
    this.id = `${parent.id}/${presenter.kind}/${resource.id}`;
  }

  get project(): Project {
    return this.scope.project;
  }

  get copyText(): string | undefined {
    return this.presenter.copyText?.(this.resource);
  }

  update(resource: T): void {
    this.resource = resource;
  }

  invalidate(): void {
    // Its folder fetches it: nothing of its own to mark.
  }

  matches(filter: string | undefined): boolean {
    const r = this.resource;
    return matchesFilter(filter, this.presenter.label(r, this.scope), this.presenter.description(r, this.scope), ...(this.presenter.filterText?.(r) ?? []));
  }

  getTreeItem(): vscode.TreeItem {
    const p = this.presenter;
    const r = this.resource;
    const label = p.label(r, this.scope);
    const item = new vscode.TreeItem(label, p.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = p.description(r, this.scope);
    item.accessibilityInformation = { label: rowAccessibilityLabel(label, p.kind, p.state?.(r), item.description) };
    item.tooltip = new vscode.MarkdownString(p.tooltip(r, this.scope));
    const icon = p.icon(r);
    item.iconPath = typeof icon === 'string' ? new vscode.ThemeIcon(icon) : icon;
    // `;labels;` only where the API has labels (today's): Edit Labels matches it.
    item.contextValue = contextValue(p.kind, ...p.tokens(r), p.copyText && 'copyable', hasLabels(r) && 'labels');
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return this.presenter.children?.(this.resource, this) ?? [];
  }
}
