// What the server commands share: picking the server (node or palette, with a filter so the
// palette offers only servers the command applies to), running one server action, and the
// "it is protected: remove the protection instead?" offer.
import type { HcloudClient } from '../../api/client';
import type { Action, Server } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { pickTarget, type Target } from '../pick';
import { runAction, type NextStep } from '../runAction';

export type ServerTarget = Target<Server>;

/** `"web-1"`: how messages name a server. */
export const q = (s: Server): string => `"${s.name}"`;

/** The server a command acts on: the node's, or one picked (from the servers `filter` accepts; in `project` when given). */
export function pickServer(
  ctx: CommandContext,
  node: TreeNode | undefined,
  title: string,
  filter?: (s: Server) => boolean,
  none = 'No server fits.',
  project?: Project,
): Promise<ServerTarget | undefined> {
  return pickTarget<Server>(ctx, node, {
    project,
    kind: 'server',
    title,
    list: (c) => c.servers.listAll(),
    filter,
    item: (s) => ({
      label: s.name,
      description: [s.status, s.publicNet.ipv4?.ip, s.serverType.name, s.location?.name].filter(Boolean).join(' · '),
    }),
    none,
  });
}

/** Runs one action on the server under a progress notification; true when it succeeded. */
export async function serverAction(
  ctx: CommandContext,
  t: ServerTarget,
  title: string,
  start: (client: HcloudClient, id: number, signal: AbortSignal) => Promise<Action>,
  success?: string,
  next?: NextStep[],
): Promise<boolean> {
  const done = await runAction(ctx, {
    project: t.project,
    title,
    affects: [{ kind: 'server', id: t.resource.id }],
    start: async (client, signal) => ({ actions: [await start(client, t.resource.id, signal)], result: true }),
    success,
    next: next && (() => next),
  });
  return done === true;
}

/**
 * Says the server is protected (against `what`) and offers to remove the protection instead.
 * Returns true when the protection was removed.
 */
export async function offerToUnprotect(ctx: CommandContext, t: ServerTarget, what: 'deletion' | 'rebuilding'): Promise<boolean> {
  const ok = await ctx.input().confirm(`Server ${q(t.resource)} is protected against ${what}.`, {
    detail: 'Remove its protection (against deletion and rebuilding) now? Then run the command again.',
    confirmLabel: 'Remove Protection',
  });
  if (!ok) return false;
  return serverAction(
    ctx,
    t,
    `Remove protection of ${q(t.resource)}`,
    (c, id, signal) => c.servers.changeProtection(id, { delete: false, rebuild: false }, { signal }),
    `Protection of ${q(t.resource)} removed. Run the command again to go on.`,
  );
}
