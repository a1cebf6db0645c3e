import type { Project } from '../projects/projectStore';
import type { TreeNode } from './node';

/** Kinds of resources the tree shows and commands act on. */
export type ResourceKind = 'server' | 'floatingIp' | 'image' | 'sshKey' | 'iso' | 'serverType' | 'location' | 'datacenter';

/** A tree node that stands for one API resource (a server, a Floating IP, ...). */
export interface ResourceNode<T = unknown> extends TreeNode {
  readonly kind: ResourceKind;
  readonly project: Project;
  readonly resource: T;
}

export function isResourceNode<T>(node: unknown, kind: ResourceKind): node is ResourceNode<T> {
  return !!node && typeof node === 'object' && (node as ResourceNode).kind === kind && 'resource' in node && 'project' in node;
}

/** The project a node belongs to: its own or its nearest ancestor's. */
export function projectOf(node: TreeNode | undefined): Project | undefined {
  for (let n: TreeNode | undefined = node; n; n = n.parent) {
    const p = (n as { project?: Project }).project;
    if (p && typeof p.id === 'string' && typeof p.endpoint === 'string') return p;
  }
  return undefined;
}
