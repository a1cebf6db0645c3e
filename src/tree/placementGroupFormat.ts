// How a Placement Group reads in the tree: its row's description, its tooltip, and its member
// servers as leaves (by name where the servers are loaded, else by id). Nothing from the API
// reaches the Markdown unescaped.

import type { PlacementGroup } from '../api/types';
import { formatDate, labelsLine, md, noLookup, type Lookup } from './format';
import { LeafNode } from './leafNode';
import type { TreeNode } from './node';

function serverCount(n: number): string {
  return n === 1 ? '1 server' : `${n} servers`;
}

/** `spread · 2 servers`. */
export function placementGroupDescription(g: PlacementGroup): string {
  return `${g.type} · ${serverCount(g.serverIds.length)}`;
}

/** A member's name, or `server 42` while the servers are not loaded. */
export function memberName(id: number, lookup: Lookup): string {
  return lookup.serverName(id) ?? `server ${id}`;
}

export function placementGroupTooltip(g: PlacementGroup, lookup: Lookup = noLookup): string {
  const members = g.serverIds.map((id) => md(memberName(id, lookup)));
  return [
    `**${md(g.name)}** — Placement Group (${md(g.type)})`,
    '',
    g.type === 'spread' ? 'Each server runs on a different physical host.' : undefined,
    `Servers: ${members.length ? members.join(', ') : 'none'}`,
    `Created: ${formatDate(g.created)}`,
    labelsLine(g.labels),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}

/** The group's member servers as leaves (`;placementGroupMember;`), or one leaf saying it is empty. */
export function placementGroupMembers(g: PlacementGroup, node: TreeNode, lookup: Lookup): TreeNode[] {
  if (!g.serverIds.length) return [new LeafNode(node, `${node.id}/empty`, 'No servers', { icon: 'info', tooltip: 'Add a server with **Add to Placement Group** on a server that is off.' })];
  return g.serverIds.map((id) => {
    const name = memberName(id, lookup);
    return new LeafNode(node, `${node.id}/member/${id}`, name, {
      description: `#${id}`,
      icon: 'vm',
      tokens: ['placementGroupMember'],
      tooltip: `Server ${md(name)} (ID ${id}), in placement group ${md(g.name)}`,
    });
  });
}
