// How firewalls look in the tree (today's API): the row says how many rules and what it is applied
// to; the children are its rules (direction arrow, protocol, port, addresses, description) and an
// "Applied to" group with the servers and the label selectors (each with the servers it matches).
import * as vscode from 'vscode';
import type { Firewall } from '../api/types';
import type { Project } from '../projects/projectStore';
import { appliedToText, firewallDescription, firewallServerIds, firewallTooltip, ruleDescription, ruleLabel, ruleTooltip } from './firewallFormat';
import { md, mdCode, type Lookup } from './format';
import type { ItemNode, Presenter } from './itemNode';
import { LeafNode } from './leafNode';
import { contextValue, type TreeNode } from './node';

/** The "Applied to" row of a firewall: a group (kind `folder`, token `firewallAppliedTo`) with its servers and selectors as children. */
export class FirewallAppliedToNode implements TreeNode {
  readonly kind = 'folder';
  readonly id: string;

  constructor(
    readonly parent: TreeNode,
    private readonly firewall: Firewall,
    private readonly lookup: Lookup,
  ) {
    this.id = `${parent.id}/appliedTo`;
  }

  get project(): Project {
    return this.parent.project;
  }

  invalidate(): void {
    // Its firewall's folder fetches it.
  }

  getTreeItem(): vscode.TreeItem {
    const f = this.firewall;
    const item = new vscode.TreeItem('Applied to', f.appliedTo.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = f.appliedTo.length ? `${firewallServerIds(f).length} servers` : 'nothing';
    item.iconPath = new vscode.ThemeIcon('vm');
    item.contextValue = contextValue('folder', 'firewallAppliedTo');
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return this.firewall.appliedTo.map((a) => {
      if (a.type === 'server') {
        const name = appliedToText(a, this.lookup);
        return new LeafNode(this, `${this.id}/server/${a.serverId}`, name, { description: 'server', icon: 'vm', tokens: ['detail'], tooltip: `Server ${md(name)} (ID ${a.serverId})` });
      }
      const names = a.serverIds.map((id) => this.lookup.serverName(id) ?? `server ${id}`);
      return new LeafNode(this, `${this.id}/selector/${a.selector}`, a.selector, {
        description: `label selector · ${names.length ? names.join(', ') : 'matches no server'}`,
        icon: 'tag',
        tokens: ['detail'],
        copyText: a.selector,
        tooltip: `Label selector ${mdCode(a.selector)}  \nMatches now: ${names.length ? names.map(md).join(', ') : 'no server'}`,
      });
    });
  }
}

function children(f: Firewall, node: ItemNode<Firewall>, lookup: Lookup): TreeNode[] {
  const rules = f.rules.map(
    (r, i) => new LeafNode(node, `${node.id}/rule/${i}`, ruleLabel(r), { description: ruleDescription(r), tooltip: ruleTooltip(r), icon: r.direction === 'in' ? 'arrow-down' : 'arrow-up', tokens: ['detail', 'firewallRule'] }),
  );
  const none = f.rules.length ? [] : [new LeafNode(node, `${node.id}/noRules`, 'No rules', { icon: 'info', tokens: ['detail'], tooltip: 'Without inbound rules, a firewall drops all inbound traffic.' })];
  return [...rules, ...none, new FirewallAppliedToNode(node, f, lookup)];
}

/** Firewalls in the tree; `lookup` names the servers they are applied to. */
export function firewallPresenter(lookup: Lookup): Presenter<Firewall> {
  return {
    kind: 'firewall',
    label: (f) => f.name,
    description: firewallDescription,
    tooltip: firewallTooltip,
    icon: (f) => new vscode.ThemeIcon('shield', f.appliedTo.length ? undefined : new vscode.ThemeColor('disabledForeground')),
    tokens: (f) => [f.appliedTo.length ? 'applied' : 'unapplied'],
    state: (f) => (f.appliedTo.length ? 'applied' : 'not applied'),
    children: (f, node) => children(f, node, lookup),
    filterText: (f) => f.rules.map((r) => r.port),
  };
}
