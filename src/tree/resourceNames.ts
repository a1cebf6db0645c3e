// A resource's name as the tree has loaded it (no request), by API resource type (`server`,
// `floating_ip`, ...): for the action log and for the names runAction keeps (src/projects/seenNames.ts).
import type { ProjectsTreeProvider } from './projectsTreeProvider';

/** A resource's name from what the tree has loaded (no request). */
export function nameInTree(tree: ProjectsTreeProvider, projectId: string, type: string, id: number): string | undefined {
  const p = tree.projectNode(projectId);
  if (!p) return undefined;
  switch (type) {
    case 'server':
      return p.serverName(id);
    case 'floating_ip':
      return p.floatingIp(id);
    case 'image': {
      const f = p.folders;
      const node = [f.snapshots, f.backups, f.systemImages].map((x) => x.find(String(id))).find(Boolean);
      return node ? node.resource.description || node.resource.name : undefined;
    }
    case 'volume':
      return p.volume(id)?.name;
    case 'network':
      return p.networkName(id);
    case 'primary_ip':
      return p.primaryIpName(id);
    case 'certificate':
      return p.folders.certificates.data?.find((c) => c.id === id)?.name;
    case 'load_balancer':
      return p.folders.loadBalancers.data?.find((x) => x.id === id)?.name;
    default:
      return undefined;
  }
}
