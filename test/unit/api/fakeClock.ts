// A fake clock for the transport's waits (retry backoff, 429): `sleep` never waits real time.
// Sleepers wake in the order of their virtual wake-up time; `onTick` sees each new time.
import type { Clock } from '../../../src/api/transport';

export class FakeClock implements Clock {
  private t = 0;
  private readonly sleepers: Array<{ at: number; wake: () => void }> = [];
  private pending = false;
  /** Every wait asked for, in ms. */
  readonly waits: number[] = [];

  constructor(private readonly onTick: (now: number) => void = () => undefined) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.waits.push(ms);
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      signal?.addEventListener('abort', () => resolve(), { once: true });
      this.sleepers.push({ at: this.t + ms, wake: resolve });
      this.schedule();
    });
  }

  /** Wakes the earliest sleeper a real millisecond later (so requests in flight can land first). */
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
    }, 1);
  }
}

/** A seeded PRNG (mulberry32), for repeatable jitter and fault mixes. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
