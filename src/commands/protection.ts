// Delete protection in commands: the "it is protected; remove the protection?" step before a
// Delete, and the protect / unprotect pick of Change Protection. Shared by floatingIp.ts and image.ts.

import type { HcloudClient } from '../api/client';
import type { Action } from '../api/types';
import type { Project } from '../projects/projectStore';
import type { ResourceKind } from '../tree/resourceNode';
import type { CommandContext } from './context';
import { runAction } from './runAction';

export interface Protectable {
  project: Project;
  kind: ResourceKind;
  id: number;
  /** e.g. `Floating IP "203.0.113.7"` */
  what: string;
  protected: boolean;
  changeProtection(client: HcloudClient, remove: boolean): Promise<Action>;
}

/**
 * Before a Delete: a protected resource says so and offers to remove the protection (runs
 * change_protection). True when the resource is (now) unprotected and the Delete may be asked.
 */
export async function offerUnprotect(ctx: CommandContext, r: Protectable): Promise<boolean> {
  if (!r.protected) return true;
  const ok = await ctx.input().confirm(`${r.what} is protected against deletion.`, {
    detail: 'Remove its delete protection? You are asked again before anything is deleted.',
    confirmLabel: 'Remove Protection',
  });
  if (!ok) return false;
  const done = await runAction(ctx, {
    project: r.project,
    title: `Remove delete protection of ${r.what}`,
    start: async (client) => ({ actions: [await r.changeProtection(client, true)], result: true }),
    affects: [{ kind: r.kind, id: r.id }],
  });
  return done === true;
}

/** Change Protection: pick protect or unprotect (the current state is marked); runs the action. */
export async function changeProtection(ctx: CommandContext, r: Protectable): Promise<void> {
  const items = [
    { label: 'Protect against deletion', description: r.protected ? 'current' : undefined, protect: true },
    { label: 'Remove delete protection', description: r.protected ? undefined : 'current', protect: false },
  ];
  const picked = await ctx.input().quickPick(items, { title: `Change Protection of ${r.what}`, placeHolder: r.protected ? 'Protected against deletion' : 'Not protected' });
  if (!picked) return;
  if (picked.protect === r.protected) {
    ctx.input().info(`${r.what} is already ${r.protected ? 'protected against deletion' : 'unprotected'}.`);
    return;
  }
  await runAction(ctx, {
    project: r.project,
    title: picked.protect ? `Protect ${r.what} against deletion` : `Remove delete protection of ${r.what}`,
    start: async (client) => ({ actions: [await r.changeProtection(client, !picked.protect)], result: true }),
    affects: [{ kind: r.kind, id: r.id }],
  });
}
