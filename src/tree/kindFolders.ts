// Which folders of a project show a resource kind: what a change made by a command reloads, and
// where a resource is looked for to reveal it. One table, so a new family adds its lines here.

import type { ScopeKind } from '../shared/actionLogProtocol';
import type { ListFolderNode } from './folderNode';
import type { ProjectNode } from './projectNode';
import type { ResourceKind } from './resourceNode';

/**
 * The folders to list again after a change to a resource of `kind` (servers and images excepted:
 * the provider polls those one by one). Drops the names the project node keeps of that kind.
 */
export function foldersToReload(p: ProjectNode, kind: Exclude<ResourceKind, 'server' | 'image'>): ListFolderNode[] {
  const f = p.folders;
  switch (kind) {
    case 'floatingIp':
      return [f.floatingIps];
    case 'sshKey':
      return [f.sshKeys];
    case 'iso':
      return [f.isos];
    case 'placementGroup':
      return [f.placementGroups];
    case 'network':
    case 'subnet':
    case 'route':
      p.forgetNetworkNames();
      return [f.networks];
    case 'volume':
      return [f.volumes];
    case 'certificate':
      return [f.certificates];
    case 'loadBalancer':
    case 'loadBalancerService':
    case 'loadBalancerTarget':
    case 'loadBalancerServices':
    case 'loadBalancerTargets':
      return [f.loadBalancers];
    case 'firewall':
      p.forgetFirewallNames();
      return [f.firewalls];
    default:
      return [f.serverTypes, f.locations, f.datacenters, f.prices];
  }
}

/** The folders that hold a resource of an action log's scope kind. */
export function foldersHolding(p: ProjectNode, kind: ScopeKind): ListFolderNode[] {
  const f = p.folders;
  if (kind === 'image') return [f.snapshots, f.backups, f.systemImages];
  const folderOf = {
    server: f.servers,
    floatingIp: f.floatingIps,
    volume: f.volumes,
    network: f.networks,
    primaryIp: f.primaryIps,
    certificate: f.certificates,
    loadBalancer: f.loadBalancers,
    firewall: f.firewalls,
  };
  return [folderOf[kind]];
}
