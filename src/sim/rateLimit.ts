// The rate limit: a budget of `limit` requests per hour, refilled continuously (limit/3600 per
// second) from the simulator's clock, reported in RateLimit-* headers on every /v1 answer, with
// that clock's Date header.

export class RateLimiter {
  private remaining: number;
  private at: number;

  constructor(
    readonly limit: number,
    private readonly now: () => number,
  ) {
    this.remaining = limit;
    this.at = now();
  }

  /** Takes one request from the budget; false when it is spent. */
  take(): boolean {
    this.refill();
    if (this.remaining < 1) return false;
    this.remaining -= 1;
    return true;
  }

  set(remaining: number): void {
    this.refill();
    this.remaining = Math.max(0, Math.min(this.limit, remaining));
  }

  headers(): Record<string, string> {
    const perMs = this.limit / 3600 / 1000;
    const fullAt = this.at + (this.limit - this.remaining) / perMs;
    return {
      'RateLimit-Limit': String(this.limit),
      'RateLimit-Remaining': String(Math.floor(this.remaining)),
      'RateLimit-Reset': String(Math.ceil(fullAt / 1000)),
      // The simulator's clock (it may be a test's), as the API's Date header gives its own.
      Date: new Date(this.now()).toUTCString(),
    };
  }

  private refill(): void {
    const now = this.now();
    const elapsed = Math.max(0, now - this.at);
    this.remaining = Math.min(this.limit, this.remaining + (elapsed * this.limit) / 3600 / 1000);
    this.at = now;
  }
}
