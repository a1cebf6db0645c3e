// The one action waiter: polls running actions until all have finished, reporting progress.
// Policy: the first poll after `min` ms (default 500), each further one `factor` (1.5) times later,
// capped at `max` (default 5 s), so a short action is seen quickly and a long one (rebuild,
// create_image) costs few requests of the hourly budget. Several actions are polled with one
// `GET /actions?id=..&id=..`, or one by one where the API refuses that (see ActionsResource.getMany).

import { setTimeout as delay } from 'node:timers/promises';
import { ClientErrorCode, HcloudError } from './errors';
import { ActionsResource } from './resources/actions';
import type { Action } from './types';

export interface WaitProgress {
  /** The latest state of every action waited for, in the order given. */
  actions: Action[];
  /** 0..100: the mean progress, finished actions counting 100. */
  overall: number;
}

export interface PollPolicy {
  /** Delay before the first poll; default 500 ms. */
  min?: number;
  /** Longest delay between polls; default 5000 ms. */
  max?: number;
  /** Growth of the delay per poll; default 1.5. */
  factor?: number;
}

export interface WaitOptions {
  /** Stops waiting (rejects with code `aborted`); the actions themselves go on. */
  signal?: AbortSignal;
  /** Called with the initial state and after every poll that changed a status or progress. */
  onUpdate?: (progress: WaitProgress) => void;
  /** A number polls at that fixed interval; an object sets the backoff. */
  pollMs?: number | PollPolicy;
  /** Gives up (code `timeout`) after this long; default: no limit. */
  timeoutMs?: number;
}

/** Anything that has the actions resource: the client itself, or the resource. */
export type ActionSource = ActionsResource | { readonly actions: ActionsResource };

const DEFAULT_POLL: Required<PollPolicy> = { min: 500, max: 5000, factor: 1.5 };

/** The pause before poll `n + 1` after a pause of `pause` ms: ×factor, capped at max. */
export function nextPause(pause: number, policy: Required<PollPolicy>): number {
  return Math.min(policy.max, pause * policy.factor);
}

export function pollPolicy(p: WaitOptions['pollMs']): Required<PollPolicy> {
  if (typeof p === 'number') return { min: p, max: p, factor: 1 };
  const min = p?.min ?? DEFAULT_POLL.min;
  return { min, max: Math.max(min, p?.max ?? DEFAULT_POLL.max), factor: p?.factor ?? DEFAULT_POLL.factor };
}

export function overallProgress(actions: Action[]): number {
  if (actions.length === 0) return 100;
  const sum = actions.reduce((s, a) => s + (a.status === 'running' ? Math.min(100, Math.max(0, a.progress)) : 100), 0);
  return Math.round(sum / actions.length);
}

/** The error a failed action becomes: code `action_failed`, the action's own message, its code in details. */
export function actionFailedError(action: Action, all: Action[]): HcloudError {
  return new HcloudError({
    code: ClientErrorCode.ActionFailed,
    message: action.error?.message ?? `Action ${action.command} (${action.id}) failed`,
    // The action's state came in a successful answer: not a transport failure.
    status: 200,
    details: { action, actionErrorCode: action.error?.code, actions: all },
  });
}

function abortedError(): HcloudError {
  return new HcloudError({ code: ClientErrorCode.Aborted, message: 'Stopped waiting for the action' });
}

/** Waits `ms`; rejects with `aborted` as soon as the signal fires. */
async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (e) {
    if (signal?.aborted) throw abortedError();
    throw e;
  }
}

/** Rejects for the first failed action; true when every action has finished. */
function settled(actions: Action[]): boolean {
  const failed = actions.find((a) => a.status === 'error');
  if (failed) throw actionFailedError(failed, actions);
  return actions.every((a) => a.status === 'success');
}

function changed(before: Action[], after: Action[]): boolean {
  return after.some((a, i) => a.status !== before[i].status || a.progress !== before[i].progress);
}

/**
 * Waits until every action has finished. Resolves with their final state; rejects with an
 * HcloudError: `action_failed` (message: the action's error message; `details.action`,
 * `details.actionErrorCode`), `aborted`, `timeout`, or whatever a poll request failed with.
 * Actions that have already finished resolve at once, without a request.
 */
export async function waitForActions(source: ActionSource, actions: Action | Action[], options: WaitOptions = {}): Promise<Action[]> {
  const resource = source instanceof ActionsResource ? source : source.actions;
  const { signal, onUpdate } = options;
  const policy = pollPolicy(options.pollMs);
  const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
  let current = Array.isArray(actions) ? [...actions] : [actions];

  if (settled(current)) return current;
  onUpdate?.({ actions: current, overall: overallProgress(current) });

  for (let pause = policy.min; ; pause = nextPause(pause, policy)) {
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new HcloudError({ code: ClientErrorCode.Timeout, message: 'The action did not finish in time', details: { actions: current } });
    }
    await sleep(Math.min(pause, left), signal);
    const running = current.filter((a) => a.status === 'running');
    let fresh: Action[];
    try {
      fresh = await resource.getMany(
        running.map((a) => a.id),
        // The last poll before the deadline still gets a second to answer.
        { signal, timeoutMs: Number.isFinite(deadline) ? Math.max(1000, deadline - Date.now()) : undefined },
      );
    } catch (e) {
      if (signal?.aborted) throw abortedError();
      throw e;
    }
    const byId = new Map(fresh.map((a) => [a.id, a]));
    const next = current.map((a) => byId.get(a.id) ?? a);
    const didChange = changed(current, next);
    current = next;
    if (settled(current)) {
      onUpdate?.({ actions: current, overall: 100 });
      return current;
    }
    if (didChange) onUpdate?.({ actions: current, overall: overallProgress(current) });
  }
}
