// How Load Balancers look in the tree (today's API): the row (type, location, public IPs, targets'
// health, a warning icon when a target is unhealthy) and two groups under it, "Services" and
// "Targets". A service's and a target's rows are nodes of their own kind (`loadBalancerService`,
// `loadBalancerTarget`), whose `resource` is `{ loadBalancer, service }` / `{ loadBalancer, target }`
// for the commands; a label selector's row has the servers it matched as children. Everything
// comes from the folder's one listing: no request per row. Wording in ./loadBalancerFormat.ts.
import * as vscode from 'vscode';
import type { LoadBalancer, LoadBalancerService, LoadBalancerTarget, LoadBalancerType } from '../api/types';
import type { Project } from '../projects/projectStore';
import type { ItemNode, Presenter } from './itemNode';
import {
  hasUnhealthyTarget,
  healthText,
  loadBalancerDescription,
  loadBalancerTooltip,
  loadBalancerTypeDescription,
  loadBalancerTypeTooltip,
  overallHealth,
  serviceDescription,
  serviceLabel,
  serviceTooltip,
  targetDescription,
  targetHealth,
  targetLabel,
  targetTooltip,
  type Health,
  type LoadBalancerLookup,
} from './loadBalancerFormat';
import { md } from './format';
import { contextValue, type NodeKind, type TreeNode } from './node';

/** The resource of a service's row. */
export interface LoadBalancerServicePart {
  loadBalancer: LoadBalancer;
  service: LoadBalancerService;
}

/** The resource of a target's row. */
export interface LoadBalancerTargetPart {
  loadBalancer: LoadBalancer;
  target: LoadBalancerTarget;
}

const HEALTH_ICON: Record<Health, vscode.ThemeIcon> = {
  healthy: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  unhealthy: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  unknown: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('disabledForeground')),
};

interface RowView {
  label: string;
  description?: string;
  /** Markdown source. */
  tooltip?: string;
  icon: vscode.ThemeIcon;
  tokens: Array<string | false | undefined>;
  copyText?: string;
  children?(node: TreeNode): TreeNode[];
}

/**
 * A row under a Load Balancer: the "Services" and "Targets" groups (kinds of their own), a service or a
 * target (their own kinds, for the commands), a server a label selector matched (`leaf`).
 */
export class LoadBalancerRowNode<T = LoadBalancer> implements TreeNode {
  constructor(
    readonly parent: TreeNode,
    readonly kind: NodeKind,
    readonly id: string,
    private readonly view: RowView,
    readonly resource: T,
  ) {}

  get project(): Project {
    return this.parent.project;
  }

  get copyText(): string | undefined {
    return this.view.copyText;
  }

  matches(): boolean {
    return true;
  }

  invalidate(): void {
    // The Load Balancers folder's listing brings every row anew.
  }

  getTreeItem(): vscode.TreeItem {
    const v = this.view;
    const item = new vscode.TreeItem(v.label, v.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = v.description;
    if (v.tooltip) item.tooltip = new vscode.MarkdownString(v.tooltip);
    item.iconPath = v.icon;
    item.contextValue = contextValue(...v.tokens, v.copyText !== undefined && 'copyable');
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return this.view.children?.(this) ?? [];
  }
}

function serviceRow(lb: LoadBalancer, s: LoadBalancerService, parent: TreeNode, lookup: LoadBalancerLookup): TreeNode {
  return new LoadBalancerRowNode<LoadBalancerServicePart>(
    parent,
    'loadBalancerService',
    `${parent.id}/${s.listenPort}`,
    {
      label: serviceLabel(s),
      description: serviceDescription(s, lookup),
      tooltip: serviceTooltip(s, lookup),
      icon: new vscode.ThemeIcon(s.protocol === 'https' ? 'lock' : s.protocol === 'http' ? 'globe' : 'plug'),
      tokens: ['loadBalancerService', s.protocol],
    },
    { loadBalancer: lb, service: s },
  );
}

/** Where a target sits in the list: `server/42`, `label_selector/env=prod`, `ip/203.0.113.9`. */
function targetKey(t: LoadBalancerTarget): string {
  return `${t.type}/${t.serverId ?? t.labelSelector ?? t.ip ?? ''}`;
}

function matchedServers(t: LoadBalancerTarget, parent: TreeNode, lookup: LoadBalancerLookup): TreeNode[] {
  return (t.targets ?? []).map((m) => {
    const name = lookup.serverName(m.serverId) ?? `server ${m.serverId}`;
    return new LoadBalancerRowNode(
      parent,
      'leaf',
      `${parent.id}/server/${m.serverId}`,
      { label: name, description: healthText(m.healthStatus), tooltip: `Server ${md(name)} (ID ${m.serverId}): ${md(healthText(m.healthStatus))}`, icon: HEALTH_ICON[overallHealth(m.healthStatus)], tokens: ['detail'] },
      undefined,
    );
  });
}

function targetRow(lb: LoadBalancer, t: LoadBalancerTarget, parent: TreeNode, lookup: LoadBalancerLookup): TreeNode {
  const health = targetHealth(t);
  const type = t.type === 'label_selector' ? 'labelSelectorTarget' : t.type === 'ip' ? 'ipTarget' : 'serverTarget';
  return new LoadBalancerRowNode<LoadBalancerTargetPart>(
    parent,
    'loadBalancerTarget',
    `${parent.id}/${targetKey(t)}`,
    {
      label: targetLabel(t, lookup),
      description: targetDescription(t),
      tooltip: targetTooltip(t, lookup),
      icon: t.type === 'label_selector' && !(t.targets ?? []).length ? new vscode.ThemeIcon('tag') : HEALTH_ICON[health],
      tokens: ['loadBalancerTarget', type, health],
      copyText: t.type === 'ip' ? t.ip : undefined,
      children: t.type === 'label_selector' && t.targets?.length ? (node) => matchedServers(t, node, lookup) : undefined,
    },
    { loadBalancer: lb, target: t },
  );
}

/** The "Services" or "Targets" row under a Load Balancer: how many, and the rows of each. */
function group<T>(lb: LoadBalancer, node: TreeNode, what: 'services' | 'targets', items: T[], icon: string, row: (item: T, parent: TreeNode) => TreeNode): TreeNode {
  const view: RowView = {
    label: what === 'services' ? 'Services' : 'Targets',
    description: items.length ? String(items.length) : 'none',
    icon: new vscode.ThemeIcon(icon),
    tokens: [what === 'services' ? 'loadBalancerServices' : 'loadBalancerTargets'],
    children: (g) => items.map((item) => row(item, g)),
  };
  // A kind of its own (not `leaf`: it has children), so its menus (Add Service, Add Target) take the Load Balancer from it.
  return new LoadBalancerRowNode(node, what === 'services' ? 'loadBalancerServices' : 'loadBalancerTargets', `${node.id}/${what}`, view, lb);
}

function groups(lb: LoadBalancer, node: ItemNode<LoadBalancer>, lookup: LoadBalancerLookup): TreeNode[] {
  return [
    group(lb, node, 'services', lb.services, 'symbol-interface', (s, g) => serviceRow(lb, s, g, lookup)),
    group(lb, node, 'targets', lb.targets, 'vm', (t, g) => targetRow(lb, t, g, lookup)),
  ];
}

/** Load Balancers in the tree; `lookup` names the targets' servers, the Networks and the certificates. */
export function loadBalancerPresenter(lookup: LoadBalancerLookup): Presenter<LoadBalancer> {
  return {
    kind: 'loadBalancer',
    label: (lb) => lb.name,
    description: (lb) => loadBalancerDescription(lb),
    tooltip: (lb, l) => loadBalancerTooltip(lb, l),
    icon: (lb) => (hasUnhealthyTarget(lb) ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('server-environment')),
    tokens: (lb) => [
      lb.protection.delete ? 'protected' : 'deletable',
      lb.publicNet.enabled ? 'publicInterface' : 'noPublicInterface',
      lb.privateNet.length ? 'attached' : 'detached',
      hasUnhealthyTarget(lb) ? 'unhealthy' : 'healthy',
    ],
    state: (lb) => (hasUnhealthyTarget(lb) ? 'unhealthy' : undefined),
    children: (lb, node) => groups(lb, node, lookup),
    copyText: (lb) => lb.publicNet.ipv4?.ip ?? lb.publicNet.ipv6?.ip ?? lb.name,
    filterText: (lb) => [lb.loadBalancerType.name, lb.location.name, lb.publicNet.ipv4?.ip, lb.publicNet.ipv6?.ip, ...lb.services.map(serviceLabel)],
  };
}

export const loadBalancerTypePresenter: Presenter<LoadBalancerType> = {
  kind: 'loadBalancerType',
  label: (t) => t.name,
  description: (t) => loadBalancerTypeDescription(t),
  tooltip: (t) => loadBalancerTypeTooltip(t),
  icon: () => 'server-environment',
  tokens: (t) => [t.deprecated ? 'deprecated' : undefined],
};
