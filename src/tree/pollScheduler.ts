// Runs what RefreshPolicy says is due, on one timer: the periodic listings (the tree lists the
// folder), the change checks of large folders (./changeCheck.ts) and the polls of resources in a
// transitional state (GET one, until it settles). It keeps which resources are polled and for whom
// (a command, or a change check in the background). No vscode: unit-tested with a fake clock and
// the simulator (test/unit/tree/pollScheduler.test.ts).

import type { Image, Server } from '../api/types';
import type { Project } from '../projects/projectStore';
import { ChangeCheck, checkWork } from './changeCheck';
import { fetchResource, isSettled, type ListWhat, type PolledKind } from './fetch';
import type { ClientSource } from './host';
import type { RefreshPolicy } from './refreshPolicy';

/** `check`: a change check asked for the poll (background); `user`: a folder or a command did. */
export type PollOrigin = 'user' | 'check';

/** What a poll found: the resource as it is now (undefined: gone). A Floating IP is not fetched alone: its folder is listed. */
export type PollAnswer =
  | { kind: 'server'; id: number; server: Server | undefined; origin: PollOrigin }
  | { kind: 'image'; id: number; image: Image | undefined }
  | { kind: 'floatingIp'; id: number };

/** The tree's side of one project, as the scheduler sees it. */
export interface PollTarget {
  readonly project: Project;
  /** The key (node id) of the project's folder of this list. */
  folderKey(what: ListWhat): string;
  /** Shows what a poll found. */
  polled(answer: PollAnswer): void;
}

/** What the scheduler asks of the tree. */
export interface PollHost {
  /** A project the tree shows, while it is configured; undefined once it is removed. */
  projectTarget(projectId: string): PollTarget | undefined;
  /** The same for the project of a folder, by the folder's key; undefined when the tree has no such folder. */
  folderTarget(key: string): PollTarget | undefined;
  /** A periodic listing of the folder is due (background: nobody waits for it). */
  listFolder(key: string): void;
}

/** Starts a timer; the function returned stops it. `fire` resolves once the work then due is done. */
export type SetTimer = (fire: () => Promise<void>, ms: number) => () => void;

const realTimer: SetTimer = (fire, ms) => {
  const timer = setTimeout(() => void fire(), ms);
  return () => clearTimeout(timer);
};

interface Watched {
  projectId: string;
  kind: PolledKind;
  id: number;
  origin: PollOrigin;
}

export class PollScheduler {
  private readonly watched = new Map<string, Watched>();
  /** Per folder key: its change check (servers beyond one page). */
  private readonly checks = new Map<string, ChangeCheck>();
  private stopTimer: (() => void) | undefined;
  private timerAt = Infinity;
  private disposed = false;

  constructor(
    private readonly policy: RefreshPolicy,
    private readonly clients: ClientSource,
    private readonly host: PollHost,
    private readonly now: () => number = Date.now,
    private readonly setTimer: SetTimer = realTimer,
  ) {}

  /** Polls the resource (now, or after the first gap) until it settles; a command's poll stays the user's. */
  watch(project: Project, kind: PolledKind, id: number, at: 'now' | 'later', origin: PollOrigin = 'user'): void {
    const key = `project/${project.id}/${kind}/${id}`;
    const was = this.watched.get(key)?.origin;
    this.watched.set(key, { projectId: project.id, kind, id, origin: was === 'user' ? 'user' : origin });
    this.policy.watch(key, at);
    this.schedule();
  }

  /** Forgets what a project that left the tree had scheduled: its folders, polls and checks. */
  forgetProject(projectId: string): void {
    const prefix = `project/${projectId}/`;
    this.policy.forget(prefix);
    for (const [key, w] of this.watched) if (w.projectId === projectId) this.watched.delete(key);
    for (const key of this.checks.keys()) if (key.startsWith(prefix)) this.checks.delete(key);
  }

  /** Sets the timer for the policy's next due time (after anything that may change it). */
  schedule(): void {
    if (this.disposed) return;
    const next = this.policy.nextDue();
    if (next === undefined) {
      this.stopTimer?.();
      this.stopTimer = undefined;
      this.timerAt = Infinity;
      return;
    }
    if (this.stopTimer && this.timerAt <= next) return;
    this.stopTimer?.();
    this.timerAt = next;
    this.stopTimer = this.setTimer(
      () => {
        this.stopTimer = undefined;
        this.timerAt = Infinity;
        return this.tick();
      },
      Math.max(0, next - this.now()),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.stopTimer?.();
    this.stopTimer = undefined;
  }

  private async tick(): Promise<void> {
    const work = this.policy.due().map(async (item) => {
      if (item.reason === 'poll') return this.poll(item.key);
      if (item.reason === 'check') return this.check(item.key);
      this.host.listFolder(item.key);
    });
    this.schedule();
    await Promise.all(work);
    this.schedule();
  }

  /**
   * The change check of a large folder: one request; the servers it names are fetched alone, the
   * folders it marks are listed when the policy's budget allows. A failed check is tried again an
   * interval later.
   */
  private async check(key: string): Promise<void> {
    const target = this.host.folderTarget(key);
    if (!target) return;
    let check = this.checks.get(key);
    if (!check) this.checks.set(key, (check = new ChangeCheck()));
    let outcome;
    try {
      outcome = await check.run(await this.clients.get(target.project));
    } catch {
      return;
    }
    if (!outcome) {
      this.policy.checkUnavailable(key);
    } else {
      const work = checkWork(outcome);
      for (const r of work.poll) this.watch(target.project, r.kind, r.id, 'now', 'check');
      for (const what of work.stale) this.policy.folderStale(target.folderKey(what));
    }
    this.schedule();
  }

  /** GET one resource; show it; stop when it has settled. */
  private async poll(key: string): Promise<void> {
    const w = this.watched.get(key);
    const target = w && this.host.projectTarget(w.projectId);
    // A removed project's polls end here (its roots go when the view next asks; the pool sends nothing for it).
    if (!w || !target) {
      this.policy.pollResult(key, true);
      this.watched.delete(key);
      return;
    }
    let settled: boolean;
    try {
      const client = await this.clients.get(target.project);
      // A poll after the user's own command is theirs; one a change check started is background.
      const call = { priority: w.origin === 'check' ? ('background' as const) : ('user' as const) };
      if (w.kind === 'server') {
        const server = await fetchResource(client, 'server', w.id, call);
        settled = isSettled('server', server);
        target.polled({ kind: 'server', id: w.id, server, origin: w.origin });
      } else if (w.kind === 'image') {
        const image = await fetchResource(client, 'image', w.id, call);
        settled = isSettled('image', image);
        target.polled({ kind: 'image', id: w.id, image });
      } else {
        settled = true;
        target.polled({ kind: 'floatingIp', id: w.id });
      }
    } catch {
      settled = false; // try again after the backoff
    }
    this.policy.pollResult(key, settled);
    if (!this.policy.isWatched(key)) this.watched.delete(key);
    this.schedule();
  }
}
