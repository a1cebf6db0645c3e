// The runner of every bulk write (a multi-selection of servers): one progress notification for the
// whole batch, the requests in parallel (each through its project's client, so each project's
// request budget queues its own), each action followed by the action waiter, then ONE summary with
// a result per server and Show Log. Per-server lines go to the log channel; no per-server prompt
// (no Retry, no next steps) holds up the summary. Cancel stops waiting; what was sent goes on.
//
// Every bulk write goes through runBatch(): its top is the one guard of bulk writes (servers of a
// read-only project are skipped, nothing sent).
import * as vscode from 'vscode';
import type { HcloudClient } from '../../api/client';
import { ClientErrorCode, isHcloudError } from '../../api/errors';
import type { Action, Server } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import type { ResourceKind } from '../../tree/resourceNode';
import { describeError } from '../../ui/describeError';
import type { CommandContext } from '../context';
import { writeRefusal } from '../access';
import { SHOW_LOG } from '../failure';
import { servers, summary, type Outcome, type Skip } from './words';

/** One selected server and its project. */
export interface BatchTarget {
  project: Project;
  server: Server;
}

export interface Batch {
  /** `Power off`: with the server's name, what log lines and errors say was done. */
  action: string;
  /** `Powering off`: the progress notification's title, `Powering off 3 servers…`. */
  doing: string;
  /** `powered off`: the summary, `2 of 3 servers powered off`. */
  done: string;
  targets: readonly BatchTarget[];
  /** Named again in the summary. */
  skipped?: readonly Skip[];
  /** Sends one server's request: the action it started, or undefined when the API answers at once (labels). */
  start(client: HcloudClient, server: Server, signal: AbortSignal): Promise<Action | undefined>;
  /** Other kinds the batch changes (a deleted server's volumes are detached). */
  alsoAffects?: readonly ResourceKind[];
}

/** Runs the batch under one progress notification and shows one summary; resolves with each server's outcome. */
export async function runBatch(ctx: CommandContext, batch: Batch): Promise<Outcome[]> {
  // The guard of every bulk write: a server of a read-only project (the clicked row's project was
  // checked by guarded(), a selection may span others) is skipped with the reason, nothing sent.
  const refused = batch.targets.filter((t) => writeRefusal(ctx, t.project));
  if (refused.length > 0) {
    const skipped = [...(batch.skipped ?? []), ...refused.map((t) => ({ name: t.server.name, project: t.project.name, reason: `project "${t.project.name}" is read-only` }))];
    batch = { ...batch, targets: batch.targets.filter((t) => !refused.includes(t)), skipped };
  }
  const n = batch.targets.length;
  if (n === 0) {
    ctx.input().warn(summary(batch.done, [], batch.skipped));
    return [];
  }
  const outcomes = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `${batch.doing} ${servers(n)}…`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      let finished = 0;
      const report = (increment: number) => progress.report({ increment, message: `${finished}/${n} done (Cancel stops waiting; the actions go on)` });
      report(0);
      try {
        return await Promise.all(
          batch.targets.map(async (t) => {
            const outcome = await runOne(ctx, batch, t, abort.signal);
            finished++;
            report(100 / n);
            return outcome;
          }),
        );
      } finally {
        sub.dispose();
      }
    },
  );
  for (const project of new Set(batch.targets.map((t) => t.project.id))) {
    for (const kind of batch.alsoAffects ?? []) ctx.tree.resourceChanged(project, kind);
  }
  const text = summary(batch.done, outcomes, batch.skipped);
  const failed = outcomes.some((o) => o.state === 'failed');
  if (failed) ctx.log.error(text);
  else ctx.log.info(text);
  // Not awaited: the notification stays until the user answers or dismisses it.
  void ctx
    .input()
    .offer(text, [SHOW_LOG], { error: failed })
    .then((choice) => {
      if (choice === SHOW_LOG) ctx.log.show(true);
    });
  return outcomes;
}

/** One server of the batch: its request, then its action followed to the end; its line in the log. */
async function runOne(ctx: CommandContext, batch: Batch, t: BatchTarget, cancel: AbortSignal): Promise<Outcome> {
  const name = t.server.name;
  const label = `${batch.action} "${name}"`;
  const removed = ctx.clients.removedSignal(t.project.id);
  // Cancel or Remove Project stops the wait (the pool's transport also refuses every further request).
  const signal = AbortSignal.any([cancel, removed]);
  let sent = false;
  try {
    const client = await ctx.clients.get(t.project);
    // The action log names a deleted server after it is gone.
    ctx.actionFeed.names.remember(t.project.id, 'server', t.server.id, name);
    const action = await batch.start(client, t.server, signal);
    sent = true;
    ctx.tree.resourceChanged(t.project.id, 'server', t.server.id); // the row shows the transitional state at once
    if (action) await follow(ctx, client, t.project.id, action, signal);
    ctx.log.info(`${label}: done.`);
    return { name, state: 'done' };
  } catch (e) {
    if (isHcloudError(e, ClientErrorCode.Aborted)) {
      ctx.log.info(sent ? `${label}: stopped waiting; the action goes on in Hetzner Cloud.` : `${label}: not sent (cancelled).`);
      return { name, state: sent ? 'waiting' : 'notSent' };
    }
    ctx.log.error(describeError(e, { action: label }));
    return { name, state: 'failed', text: describeError(e) };
  } finally {
    ctx.tree.resourceChanged(t.project.id, 'server', t.server.id);
  }
}

/** Follows one action with the waiter; an open action log sees it start, progress and end. */
async function follow(ctx: CommandContext, client: HcloudClient, projectId: string, action: Action, signal: AbortSignal): Promise<void> {
  const feed = ctx.actionFeed;
  feed.started(projectId, [action]);
  let last: Action[] = [action];
  try {
    last = await client.waitForActions([action], { signal, onUpdate: (p) => void feed.updated(projectId, (last = p.actions)) });
  } finally {
    feed.released(projectId, [action.id], last);
  }
}
