// Actions the extension itself starts, as they start, progress and finish: runAction reports
// them here so an open action log shows them at once and follows them without polling on its own.
// Plain TypeScript (no vscode), so it is tested anywhere.

import type { Action } from '../api/types';
import { SeenNames } from './seenNames';

export interface ActionFeedEvent {
  projectId: string;
  /** Newest known states. */
  actions: Action[];
  /** Ids the extension stopped following (finished, failed, or the user stopped waiting). */
  released: number[];
}

export interface FeedSubscription {
  dispose(): void;
}

export class ActionFeed {
  /** Names of the resources the extension has seen, for an action log after they are deleted. */
  readonly names = new SeenNames();
  private readonly listeners = new Set<(e: ActionFeedEvent) => void>();
  private readonly followed = new Set<string>();

  onDidChange(listener: (e: ActionFeedEvent) => void): FeedSubscription {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /** The extension started these actions and follows them (runAction's waiter polls them). */
  started(projectId: string, actions: Action[]): void {
    for (const a of actions) if (a.status === 'running') this.followed.add(key(projectId, a.id));
    this.fire({ projectId, actions, released: [] });
  }

  /** Newer states of followed actions (the waiter's polls). */
  updated(projectId: string, actions: Action[]): void {
    this.fire({ projectId, actions, released: [] });
  }

  /** The extension no longer follows these (with their last states when known). */
  released(projectId: string, ids: number[], actions: Action[] = []): void {
    for (const id of ids) this.followed.delete(key(projectId, id));
    this.fire({ projectId, actions, released: ids });
  }

  /** Whether the extension follows this action now (a log need not poll it). */
  isFollowed(projectId: string, id: number): boolean {
    return this.followed.has(key(projectId, id));
  }

  private fire(e: ActionFeedEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch {
        // A listener's failure is its own; the command goes on.
      }
    }
  }
}

function key(projectId: string, id: number): string {
  return `${projectId}/${id}`;
}
