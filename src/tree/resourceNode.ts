import type { Project } from '../projects/projectStore';
import type { TreeNode } from './node';

/** Kinds of resources the tree shows and commands act on. */
export type ResourceKind = 'server' | 'floatingIp' | 'image' | 'sshKey' | 'iso' | 'serverType' | 'location' | 'datacenter'
  | 'primaryIp' | 'placementGroup' | 'network' | 'subnet' | 'route' | 'volume'
  | 'firewall';

/** A tree node that stands for one API resource (a server, a Floating IP, ...): its `kind` is the resource's. */
export interface ResourceNode<T = unknown> extends TreeNode {
  readonly kind: ResourceKind;
  readonly project: Project;
  readonly resource: T;
}

/**
 * Whether the node stands for a resource of this kind, told by the discriminant `kind` (a command
 * may be given a node built outside the extension's bundle, where `instanceof` cannot tell).
 */
export function isResourceNode<T>(node: TreeNode | undefined, kind: ResourceKind): node is ResourceNode<T> {
  return node?.kind === kind;
}

/** The project a node belongs to (undefined without a node: the command was run from the palette). */
export function projectOf(node: TreeNode | undefined): Project | undefined {
  return node?.project;
}
