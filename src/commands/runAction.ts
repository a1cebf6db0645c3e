import * as vscode from 'vscode';
import type { HcloudClient } from '../api/client';
import { ClientErrorCode, isHcloudError } from '../api/errors';
import type { AnswerLost } from '../api/lostAnswer';
import type { Action } from '../api/types';
import type { Project } from '../projects/projectStore';
import type { ResourceKind } from '../tree/resourceNode';
import type { CommandContext } from './context';
import { describeError } from '../ui/describeError';
import { namesInResult } from '../projects/seenNames';
import { nameInTree } from '../tree/resourceNames';
import { canRetry, type FailurePhase } from '../ui/retry';
import { offerAfterFailure, waitingTitle } from './failure';

export interface ActionRun<R> {
  project: Project;
  /** Shown in the progress notification and in messages, e.g. `Power off "web-1"`. */
  title: string;
  /** Starts the action(s); returns what the API answered and the actions to wait for. */
  start(client: HcloudClient, signal: AbortSignal): Promise<{ actions: Action[]; result: R }>;
  /** The resource(s) the tree should refresh (and watch while they change). */
  affects?: Array<{ kind: ResourceKind; id?: number }>;
  /** Message on success; default `<title>: done.` */
  success?: string | ((result: R) => string);
  /** Called after the actions succeeded (e.g. to show a password once). */
  after?(result: R): Promise<void> | void;
  /** Buttons on the success message (e.g. Open SSH When Ready); nothing waits for the user's choice. */
  next?(result: R): NextStep[];
}

/** A button a success message offers, and what it runs when chosen. */
export interface NextStep {
  label: string;
  run(): unknown;
}

/**
 * Shows `message` with the steps' buttons and runs the one chosen. Not awaited by the caller: a
 * notification with buttons stays until the user answers or dismisses it.
 */
export function offerNextSteps(ctx: CommandContext, message: string, steps: NextStep[]): void {
  if (steps.length === 0) {
    ctx.input().info(message);
    return;
  }
  void ctx
    .input()
    .offer(message, steps.map((s) => s.label))
    .then(async (label) => {
      const step = steps.find((s) => s.label === label);
      try {
        await step?.run();
      } catch (e) {
        ctx.input().error(describeError(e, { action: step?.label ?? message }));
      }
    });
}

/**
 * Runs an API action under a progress notification that shows the action's own percentage.
 * Closing (cancelling) the notification stops waiting, never the action. Success and failure are
 * reported with the resource's name; a failure shows the API's code and message.
 * Returns the result when the action succeeded, undefined otherwise.
 */
export async function runAction<R>(ctx: CommandContext, run: ActionRun<R>): Promise<R | undefined> {
  let client: HcloudClient;
  try {
    client = await ctx.clients.get(run.project);
  } catch (e) {
    if (isHcloudError(e, ClientErrorCode.Aborted) && ctx.clients.removedSignal(run.project.id).aborted) {
      ctx.input().info(`${run.title}: not started, project "${run.project.name}" was removed from VS Code.`);
      return undefined;
    }
    const failed = describeError(e, { action: run.title });
    ctx.log.error(failed);
    return offerAfterFailure(ctx, failed, canRetry(e, 'request') ? () => runAction(ctx, run) : undefined);
  }
  const removed = ctx.clients.removedSignal(run.project.id);
  let answerLost = false;
  // Where a failure happened decides whether Retry is safe (src/ui/retry.ts).
  let phase: FailurePhase = 'request';
  const refresh = () => {
    if (!run.affects) return ctx.tree.resourceChanged(run.project.id);
    for (const a of run.affects) ctx.tree.resourceChanged(run.project.id, a.kind, a.id);
  };
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: waitingTitle(run.title), cancellable: true },
      async (progress, token) => {
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        // Remove Project stops the wait (the pool's transport also refuses every further request).
        const stop = () => abort.abort();
        if (removed.aborted) abort.abort();
        removed.addEventListener('abort', stop, { once: true });
        try {
          const started = await run.start(client, abort.signal);
          phase = 'wait';
          rememberNames(ctx, run.project.id, started.actions, started.result);
          refresh(); // the tree shows the transitional state at once
          // An open action log shows the actions at once and follows them through this waiter.
          const feed = ctx.actionFeed;
          const ids = started.actions.map((a) => a.id);
          feed.started(run.project.id, started.actions);
          let reported = 0;
          let last: Action[] = started.actions;
          try {
            last = await client.waitForActions(started.actions, {
              signal: abort.signal,
              onUpdate: (p) => {
                last = p.actions;
                feed.updated(run.project.id, p.actions);
                const overall = Math.round(p.overall);
                if (overall > reported) {
                  progress.report({ increment: overall - reported, message: `${overall}%` });
                  reported = overall;
                }
              },
            });
          } catch (e) {
            last = failedActions(e) ?? last;
            throw e;
          } finally {
            feed.released(run.project.id, ids, last);
          }
          answerLost = started.actions.some((a) => (a as AnswerLost).answerLost !== undefined);
          return started.result;
        } finally {
          sub.dispose();
          removed.removeEventListener('abort', stop);
        }
      },
    );
    phase = 'done';
    refresh();
    const done = typeof run.success === 'function' ? run.success(result) : run.success ?? `${run.title}: done.`;
    // The action was found in the resource's newest actions after the answer to its request was lost.
    const success = answerLost ? `${done} (The API's answer to the request was lost on the way; the action was found among the resource's actions and followed, nothing was sent twice.)` : done;
    ctx.log.info(success);
    offerNextSteps(ctx, success, run.next?.(result) ?? []);
    await run.after?.(result);
    return result;
  } catch (e) {
    refresh();
    if (isHcloudError(e, ClientErrorCode.Aborted) && removed.aborted) {
      const text = `${run.title}: stopped, project "${run.project.name}" was removed from VS Code. What the API started goes on in Hetzner Cloud.`;
      ctx.log.info(text);
      ctx.input().info(text);
      return undefined;
    }
    if (isHcloudError(e, ClientErrorCode.Aborted)) {
      ctx.log.info(`${run.title}: stopped waiting; the action goes on in Hetzner Cloud.`);
      ctx.input().info(`${run.title}: no longer waiting. The action goes on; the tree shows its state.`);
      return undefined;
    }
    const message = describeError(e, { action: run.title });
    ctx.log.error(message);
    return offerAfterFailure(ctx, message, canRetry(e, phase) ? () => runAction(ctx, run) : undefined);
  }
}

/**
 * Keeps the names of the actions' resources (from the tree, before a delete removes them there, and
 * from what a create answered), so the action log names them after they are deleted.
 */
function rememberNames(ctx: CommandContext, projectId: string, actions: Action[], result: unknown): void {
  const names = ctx.actionFeed.names;
  const resources = actions.flatMap((a) => a.resources);
  for (const r of resources) names.remember(projectId, r.type, r.id, nameInTree(ctx.tree, projectId, r.type, r.id));
  for (const r of namesInResult(result, resources)) names.remember(projectId, r.type, r.id, r.name);
}

/** The final states a failed wait carries (`action_failed` details), if any. */
function failedActions(e: unknown): Action[] | undefined {
  const details = isHcloudError(e) ? (e.details as { actions?: unknown } | undefined) : undefined;
  return Array.isArray(details?.actions) ? (details.actions as Action[]) : undefined;
}

/** For calls that answer at once (rename, delete of keys and images, ...): the same error reporting. */
export async function runCall<R>(ctx: CommandContext, project: Project, title: string, call: (client: HcloudClient) => Promise<R>): Promise<R | undefined> {
  let client: HcloudClient | undefined;
  try {
    client = await ctx.clients.get(project);
    return await call(client);
  } catch (e) {
    if (isHcloudError(e, ClientErrorCode.Aborted) && ctx.clients.removedSignal(project.id).aborted) {
      ctx.log.info(`${title}: stopped, project "${project.name}" was removed from VS Code.`);
      return undefined;
    }
    const message = describeError(e, { action: title });
    ctx.log.error(message);
    return offerAfterFailure(ctx, message, canRetry(e, 'request') ? () => runCall(ctx, project, title, call) : undefined);
  }
}
