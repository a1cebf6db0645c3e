// What a failure message offers: Show Log (the output channel), and Retry when sending the call
// again is safe (src/ui/retry.ts decides: a read, or a write whose failure answer arrived; never
// after a lost answer). Also the title of a progress notification that waits on actions: its
// Cancel button cannot be renamed, so the title says what it does.
import type { CommandContext } from './context';

export const RETRY = 'Retry';
export const SHOW_LOG = 'Show Log';

/** `Power off "web-1" (Cancel stops waiting; the action goes on)`. */
export function waitingTitle(title: string): string {
  return `${title} (Cancel stops waiting; the action goes on)`;
}

/**
 * Shows `message` as an error with Show Log, and Retry when `retry` is given. Awaited by the
 * caller: Retry runs the call again and its result is the caller's, so a command goes on as if
 * the first try had worked. Dismissed (or Show Log): undefined.
 */
export async function offerAfterFailure<R>(ctx: CommandContext, message: string, retry?: () => Promise<R | undefined>): Promise<R | undefined> {
  const choice = await ctx.input().offer(message, retry ? [RETRY, SHOW_LOG] : [SHOW_LOG], { error: true });
  if (choice === SHOW_LOG) ctx.log.show(true);
  if (choice === RETRY && retry) {
    ctx.log.info(`${RETRY}: ${message}`);
    return retry();
  }
  return undefined;
}
