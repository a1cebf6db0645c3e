// A server's volumes (today's API): children of its node, as item nodes with the volume presenter
// (the volume's menu works there too) made from the Volumes folder's list, which is loaded once
// when nobody opened it. And the servers' volume ids following that list (no request).

import type { Volume } from '../api/types';
import type { ListFolderNode } from './folderNode';
import type { NodeScope } from './host';
import { ItemNode } from './itemNode';
import { LeafNode } from './leafNode';
import type { TreeNode } from './node';
import { volumePresenter } from './presenters';

export class ServerVolumeNodes {
  private readonly items = new Map<number, ItemNode<Volume>>();
  private readonly missing = new Map<number, LeafNode>();

  constructor(
    private readonly parent: TreeNode,
    private readonly scope: NodeScope | undefined,
  ) {}

  /** One node per id: the volume's row, or `Volume #id` when the list does not have it. */
  async children(ids: readonly number[]): Promise<TreeNode[]> {
    const scope = this.scope;
    if (!ids.length) return [];
    try {
      await scope?.ensureVolumes?.();
    } catch {
      // shown by id below
    }
    return ids.map((id) => {
      const volume = scope?.volume?.(id);
      if (scope && volume) {
        const node = this.items.get(id) ?? new ItemNode(this.parent, scope, volumePresenter, volume);
        node.update(volume);
        this.items.set(id, node);
        return node;
      }
      const leaf = this.missing.get(id) ?? new LeafNode(this.parent, `${this.parent.id}/volume/${id}`, 'Volume', { description: `#${id}`, icon: 'database', tokens: ['detail'] });
      this.missing.set(id, leaf);
      return leaf;
    });
  }
}

/** After the Volumes folder loaded: each server node takes the ids of the volumes attached to it; `changed` redraws it. */
export function syncServersVolumes(servers: ListFolderNode<'servers'>, volumes: readonly Volume[], changed: (node: TreeNode) => void): void {
  for (const node of servers.children()) {
    const ids = volumes.filter((v) => v.serverId === node.server.id).map((v) => v.id);
    const before = node.server.volumeIds ?? [];
    if (ids.length !== before.length || ids.some((id) => !before.includes(id))) {
      node.update({ ...node.server, volumeIds: ids });
      changed(node);
    }
  }
}
