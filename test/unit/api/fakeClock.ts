// A fake clock for the transport's waits (retry backoff, the request budget): `sleep` never waits
// real time. Sleepers wake in the order of their virtual wake-up time; `onTick` sees each new time.
// A sleep cut short by its signal ends at once and does not move the time later.
import type { Clock } from '../../../src/api/transport';

export class FakeClock implements Clock {
  private t: number;
  private readonly sleepers: Array<{ at: number; wake: () => void }> = [];
  private pending = false;
  /** Every wait asked for, in ms. */
  readonly waits: number[] = [];

  /**
   * `start`: the first time, in ms (0 by default; a real date when a simulator shares the clock).
   * `tickMs`: the real ms before each wake-up; longer lets requests in flight land before time moves on.
   */
  constructor(
    private readonly onTick: (now: number) => void = () => undefined,
    start = 0,
    private readonly tickMs = 1,
  ) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.waits.push(ms);
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper = { at: this.t + ms, wake: resolve };
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.sleepers.indexOf(sleeper);
          if (i >= 0) this.sleepers.splice(i, 1);
          resolve();
        },
        { once: true },
      );
      this.sleepers.push(sleeper);
      this.schedule();
    });
  }

  /** Wakes the earliest sleeper `tickMs` real ms later (so requests in flight can land first). */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      this.sleepers.sort((a, b) => a.at - b.at);
      const next = this.sleepers.shift();
      if (next) {
        this.t = Math.max(this.t, next.at);
        this.onTick(this.t);
        next.wake();
      }
      if (this.sleepers.length) this.schedule();
    }, this.tickMs);
  }
}

/** A seeded PRNG for repeatable jitter and fault mixes: the simulator's mulberry32. */
export { mulberry32 as seeded } from '../../../src/sim/random';
