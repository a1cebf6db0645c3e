// The servers of a multi-selection in the tree: each once, in the order selected, with its project
// (a selection may span projects); how many selected rows are something else (they are skipped).
import type { Server } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import { isResourceNode } from '../../tree/resourceNode';
import type { BatchTarget } from './runBatch';
import type { Named, Skip } from './words';

export interface SelectedServers {
  targets: BatchTarget[];
  /** Selected rows that are not servers. */
  others: number;
}

export function selectedServers(selection: readonly TreeNode[]): SelectedServers {
  const seen = new Set<string>();
  const targets: BatchTarget[] = [];
  let others = 0;
  for (const node of selection) {
    if (!isResourceNode<Server>(node, 'server')) {
      others++;
      continue;
    }
    const key = `${node.project.id}/${node.resource.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push({ project: node.project, server: node.resource });
  }
  return { targets, others };
}

/** How the words name a target. */
export const named = (t: BatchTarget): Named => ({ name: t.server.name, project: t.project.name });

/**
 * The targets `applies` accepts, and the others as skipped with `why` they are not (`it is off`).
 */
export function sortOut(targets: readonly BatchTarget[], applies: (s: Server) => boolean, why: (s: Server) => string): { go: BatchTarget[]; skipped: Skip[] } {
  const go = targets.filter((t) => applies(t.server));
  const skipped = targets.filter((t) => !applies(t.server)).map((t) => ({ ...named(t), reason: why(t.server) }));
  return { go, skipped };
}
