// The action log panel's two timers: the poll of running actions nobody else follows (from
// `policy.min`, each delay 1.5 times the one before, up to `policy.max`, and back to `min` when the set
// of running actions changes or the feed releases one) and the refresh of the list every
// `hcloud.autoRefreshSeconds` after the last load. The panel decides when they may run (visible,
// with a list); this file only arms and clears them.

import type { PollPolicy } from '../../api/waiter';

export interface TimerTasks {
  poll(): void;
  refresh(): void;
}

export class ActionLogTimers {
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private pollDelay: number;
  private polledIds = '';

  constructor(
    /** `min` and `max` (ms), as the action waiter's poll policy has them; each poll waits 1.5 times longer. */
    private readonly policy: Required<Pick<PollPolicy, 'min' | 'max'>>,
    /** `hcloud.autoRefreshSeconds` (0 = off). */
    private readonly refreshSeconds: () => number,
    private readonly tasks: TimerTasks,
  ) {
    this.pollDelay = policy.min;
  }

  /**
   * Arms both timers again: the poll when `runningIds` is not empty (at the first delay when that
   * set changed since the last call), the refresh one interval after `lastLoad`.
   */
  schedule(runningIds: readonly number[], lastLoad: number): void {
    this.stop();
    const key = runningIds.join(',');
    if (key !== this.polledIds) {
      this.polledIds = key;
      this.pollDelay = this.policy.min;
    }
    if (runningIds.length) this.pollTimer = setTimeout(() => this.tasks.poll(), this.pollDelay);
    const seconds = this.refreshSeconds();
    if (seconds > 0) {
      const due = Math.max(0, lastLoad + seconds * 1000 - Date.now());
      this.refreshTimer = setTimeout(() => this.tasks.refresh(), due);
    }
  }

  /** After a poll: the next one waits 1.5 times as long, up to the longest delay. */
  backOff(): void {
    this.pollDelay = Math.min(this.policy.max, Math.round(this.pollDelay * 1.5));
  }

  /** Something moved (the feed released an action): poll soon again. */
  resetBackOff(): void {
    this.pollDelay = this.policy.min;
  }

  stop(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.pollTimer = this.refreshTimer = undefined;
  }

  dispose(): void {
    this.stop();
  }
}
