// A bulk command's plan: which selected servers it acts on and which it skips (and why), the
// "nothing to do" message, and the one confirmation naming them.
import type { Server } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import type { BatchTarget } from './runBatch';
import { named, selectedServers, sortOut } from './selection';
import { nameList, skippedText, type Skip } from './words';

/** What is left to run once the servers the command does not apply to are sorted out. */
export interface Plan {
  /** The command's title, e.g. `Power Off Servers`. */
  title: string;
  go: BatchTarget[];
  skipped: Skip[];
  /** Selected rows that are not servers. */
  others: number;
}

/** Sorts the selection: the servers `applies` accepts go, the others are skipped with `why`. */
export function plan(title: string, selection: readonly TreeNode[], applies: (s: Server) => boolean, why: (s: Server) => string): Plan {
  const { targets, others } = selectedServers(selection);
  return { title, ...sortOut(targets, applies, why), others };
}

/** Says there is nothing to do (and why) when no server is left; true when there is. */
export function anythingToDo(ctx: CommandContext, p: Plan): boolean {
  if (p.go.length > 0) return true;
  ctx.input().info(`${p.title}: none of the selected servers applies. ${skippedText(p.skipped, p.others)}`.trim());
  return false;
}

/** The one modal: `Power off 3 servers?`, the names, the effect, what is skipped. */
export function confirmPlan(ctx: CommandContext, p: Plan, question: string, effect: string, confirmLabel: string): Promise<boolean> {
  const detail = [`${nameList(p.go.map(named))}.`, effect, skippedText(p.skipped, p.others)].filter(Boolean).join(' ');
  return ctx.input().confirm(question, { detail, confirmLabel });
}
