// How Networks look in the tree (today's API): the row shows the IP range; the children are the
// subnets (type, zone, gateway; a deprecated `server` subnet says so), the routes and the attached
// servers. Subnets and routes are nodes of their own kind, so their menus can delete them.
import * as vscode from 'vscode';
import type { Network, NetworkRoute, Subnet } from '../api/types';
import type { Project } from '../projects/projectStore';
import { md, mdCode, type Lookup } from './format';
import { networkDescription, networkTooltip, subnetDescription, subnetTypeText } from './networkFormat';
import type { ItemNode, Presenter } from './itemNode';
import { LeafNode, type LeafOptions } from './leafNode';
import type { TreeNode } from './node';
import type { ResourceNode } from './resourceNode';

/** A subnet or route row: the Network it belongs to and the part. */
export interface SubnetPart {
  network: Network;
  subnet: Subnet;
}
export interface RoutePart {
  network: Network;
  route: NetworkRoute;
}

/** A subnet's or route's row: a leaf whose kind (`subnet`, `route`) commands recognise. */
export class NetworkPartNode<T> implements ResourceNode<T> {
  private readonly leaf: LeafNode;

  constructor(
    readonly parent: TreeNode,
    readonly kind: 'subnet' | 'route',
    readonly id: string,
    label: string,
    options: LeafOptions,
    readonly resource: T,
  ) {
    this.leaf = new LeafNode(parent, id, label, { ...options, tokens: [kind, ...(options.tokens ?? [])] });
  }

  get project(): Project {
    return this.parent.project;
  }

  get copyText(): string | undefined {
    return this.leaf.copyText;
  }

  matches(): boolean {
    return true;
  }

  invalidate(): void {
    // Its Network's folder fetches it.
  }

  getTreeItem(): vscode.TreeItem {
    return this.leaf.getTreeItem();
  }

  async getChildren(): Promise<TreeNode[]> {
    return [];
  }
}

function children(n: Network, node: ItemNode<Network>, lookup: Lookup): TreeNode[] {
  const subnets = n.subnets.map(
    (subnet) =>
      new NetworkPartNode<SubnetPart>(
        node,
        'subnet',
        `${node.id}/subnet/${subnet.ipRange}`,
        subnet.ipRange,
        {
          description: subnetDescription(subnet),
          tooltip: `Subnet ${mdCode(subnet.ipRange)}  \nType: ${md(subnetTypeText(subnet))}  \nNetwork zone: ${md(subnet.networkZone)}  \nGateway: ${mdCode(subnet.gateway)}`,
          icon: subnet.type === 'vswitch' ? 'plug' : 'symbol-namespace',
          tokens: [subnet.type === 'server' ? 'deprecated' : subnet.type],
          copyText: subnet.ipRange,
        },
        { network: n, subnet },
      ),
  );
  const routes = n.routes.map(
    (route) =>
      new NetworkPartNode<RoutePart>(
        node,
        'route',
        `${node.id}/route/${route.destination}/${route.gateway}`,
        `${route.destination} → ${route.gateway}`,
        { description: 'route', tooltip: `Route: ${mdCode(route.destination)} via ${mdCode(route.gateway)}`, icon: 'arrow-right' },
        { network: n, route },
      ),
  );
  const servers = n.serverIds.map((id) => {
    const name = lookup.serverName(id) ?? `server ${id}`;
    return new LeafNode(node, `${node.id}/attached/${id}`, name, { description: 'attached server', tooltip: `Server ${md(name)} is attached`, icon: 'vm', tokens: ['detail'] });
  });
  return [...subnets, ...routes, ...servers];
}

/** Networks in the tree; `lookup` names the attached servers. */
export function networkPresenter(lookup: Lookup): Presenter<Network> {
  return {
    kind: 'network',
    label: (n) => n.name,
    description: (n) => networkDescription(n),
    tooltip: (n, l) => networkTooltip(n, l),
    icon: () => 'type-hierarchy',
    tokens: (n) => [n.protection.delete ? 'protected' : 'deletable', n.exposeRoutesToVswitch ? 'exposed' : 'unexposed'],
    children: (n, node) => children(n, node, lookup),
    copyText: (n) => n.ipRange,
    filterText: (n) => [n.ipRange, ...n.subnets.map((s) => s.ipRange)],
  };
}
