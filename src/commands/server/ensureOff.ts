// "The server must be off": actions that need a stopped server (Add to Placement Group, Assign
// Primary IP, ...) say so and offer to shut it down first, with the Shut Down command's own action.
import type { Server } from '../../api/types';
import type { CommandContext } from '../context';
import { runCall } from '../runAction';
import { q, serverAction, type ServerTarget } from './common';

/**
 * True when the server is off, or was shut down now on the user's word (modal). `why` completes
 * "it must be off to …". False (nothing more sent) when the user declines or the shutdown fails.
 */
export async function ensureServerOff(ctx: CommandContext, t: ServerTarget, why: string): Promise<boolean> {
  if (t.resource.status === 'off') return true;
  const ok = await ctx.input().confirm(`Server ${q(t.resource)} is ${t.resource.status}: it must be off to ${why}.`, {
    detail: 'Shut it down now (a clean ACPI shutdown)? The command goes on once it is off.',
    confirmLabel: 'Shut Down',
  });
  if (!ok) return false;
  const done = await serverAction(ctx, t, `Shut down ${q(t.resource)}`, (c, id, signal) => c.servers.shutdown(id, { signal }));
  if (!done) return false;
  const now: Server | undefined = await runCall(ctx, t.project, `Shut down ${q(t.resource)}`, (c) => c.servers.get(t.resource.id));
  if (now?.status === 'off') return true;
  ctx.input().warn(`Server ${q(t.resource)} has not stopped yet (${now?.status ?? 'unknown'}). Run the command again once it is off.`);
  return false;
}
