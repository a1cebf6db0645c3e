// Handler: one request budget per transport (so per project: the client pool makes one transport
// per project), fed by the RateLimit-* headers of every answer, and a queue in front of it.
//
// - The budget is the last answer's RateLimit-Remaining, refilled since at limit/3600 per second
//   (../rateLimit.ts), minus every request sent since. An answer resets it to its Remaining minus
//   every request still on its way: requests on separate connections reach the API in any order,
//   so one sent earlier may not be counted yet. (Counted twice, it costs a wait, never a 429.)
// - Every try waits its turn in one queue: it is sent when the budget holds a request for it, so
//   concurrent calls go one by one as the budget refills instead of storming into 429s. `user`
//   calls go before `background` ones; in each, first come first served.
// - Until the first answer says how much is left, one request is on its way at a time; a project
//   whose answers carry no RateLimit headers is not held back.
// - A 429 sets the budget to spent (and honours Retry-After). A GET goes back to the front of its
//   queue; a write is never sent again: it fails with the time requests are possible again.
// - A call whose turn would come more than `maxWaitMs` after it first queued (the waits of one
//   call add up) fails at once, not after the wait. A refused call's message states one time:
//   when the budget allows the next request.
// The state is read-only outside (HttpTransport.budget).

import { HcloudError } from '../errors';
import { DEFAULT_RATE_LIMIT, msUntilRefilled, possibleAgain, readRateLimit, refilled, retryAfterMs } from '../rateLimit';
import type { BudgetState, Priority, RateLimitInfo } from '../transport';
import type { Call, Clock, Handler, Outcome } from './chain';
import { abortedError } from './errors';

export interface BudgetDeps {
  clock: Clock;
  /** The longest a call may wait for its turn, its waits added up. */
  maxWaitMs: number;
}

type Turn = { sent: number; waited: number } | { refused: Outcome };

interface Waiting {
  call: Call;
  /** The 429 that sent it back to the queue, if one did. */
  answer?: Outcome & { ok: false };
  queuedAt: number;
  /** Its turn must come by then. */
  deadline: number;
  waited: number;
  done(turn: Turn): void;
}

/** Float slack: a budget of 0.999999999 after an exact wait is a whole request. */
const EPSILON = 1e-6;

export function budgetHandler(next: Handler, budget: RequestBudget): Handler {
  return async (call) => {
    let waited = 0;
    let answer: (Outcome & { ok: false }) | undefined;
    for (;;) {
      const turn = await budget.turn(call, waited, answer);
      if ('refused' in turn) return turn.refused;
      waited = turn.waited;
      const outcome = await next(call).catch((e: unknown) => {
        budget.answered(turn.sent); // handlers do not throw; should one, its place is still freed
        throw e;
      });
      budget.answered(turn.sent, outcome);
      if (outcome.ok || outcome.retry !== 'rateLimit') return outcome;
      if (call.method !== 'GET') return budget.refuse(call, outcome);
      answer = outcome;
    }
  };
}

export class RequestBudget {
  /** `unknown` until an answer came; `unmetered` when answers carry no RateLimit headers. */
  private mode: 'unknown' | 'unmetered' | 'metered' = 'unknown';
  private limit = DEFAULT_RATE_LIMIT;
  /** Requests left at `at` (below 0 when more were sent than the last answer allowed for). */
  private count = 0;
  private at = 0;
  /** Retry-After of the latest 429. */
  private notBefore = 0;
  private latest: RateLimitInfo | undefined;
  private sent = 0;
  private appliedSent = 0;
  private readonly onTheirWay = new Set<number>();
  /** `user` calls first, then `background` ones. */
  private readonly queue: Waiting[] = [];
  private timer: { at: number; stop: AbortController } | undefined;

  constructor(private readonly deps: BudgetDeps) {}

  /** The budget as modelled now; undefined until an answer carried RateLimit headers. */
  get state(): BudgetState | undefined {
    if (this.mode !== 'metered') return undefined;
    const now = this.deps.clock.now();
    const left = this.left(now);
    return {
      limit: this.limit,
      remaining: Math.max(0, Math.floor(left + EPSILON)),
      resetAt: new Date(now + msUntilRefilled(left, this.limit, this.limit)),
      queued: this.queue.length,
    };
  }

  /** The RateLimit headers of the latest answer that carried them. */
  get rateLimit(): RateLimitInfo | undefined {
    return this.latest;
  }

  /**
   * Resolves when `call` may be sent (`sent` numbers the try), or with the outcome that refuses it.
   * `waited`: its waits so far; `answer`: the 429 that sent it back, if one did.
   */
  turn(call: Call, waited: number, answer?: Outcome & { ok: false }): Promise<Turn> {
    if (call.signal?.aborted) return Promise.resolve({ refused: aborted(call) });
    return new Promise<Turn>((resolve) => {
      const queuedAt = this.deps.clock.now();
      const onAbort = () => {
        const i = this.queue.indexOf(w);
        if (i < 0) return;
        this.queue.splice(i, 1);
        w.done({ refused: aborted(call) });
        this.pump();
      };
      const w: Waiting = {
        call,
        answer,
        queuedAt,
        waited,
        deadline: queuedAt + Math.max(0, this.deps.maxWaitMs - waited),
        done: (turn) => {
          call.signal?.removeEventListener('abort', onAbort);
          resolve(turn);
        },
      };
      call.signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.splice(this.placeFor(call.priority, answer !== undefined), 0, w);
      this.pump();
    });
  }

  /** Takes in the answer (or failure) to try `sent`: its headers, a 429. */
  answered(sent: number, outcome?: Outcome): void {
    this.onTheirWay.delete(sent);
    if (!outcome) return this.pump();
    const now = this.deps.clock.now();
    const info = outcome.headers ? readRateLimit(outcome.headers, now) : undefined;
    if (info) {
      this.latest = info;
      // An answer to an older try than the one last applied says less than that one did.
      if (sent > this.appliedSent || this.mode !== 'metered') {
        this.set(info.remaining - this.onTheirWay.size, now, info.limit);
        this.appliedSent = sent;
      }
    } else if (this.mode === 'unknown' && outcome.status > 0) {
      this.mode = 'unmetered';
    }
    if (outcome.status === 429) {
      this.set(this.mode === 'metered' ? Math.min(0, this.left(now)) : 0, now, this.limit);
      const after = outcome.headers ? retryAfterMs(outcome.headers, now) : undefined;
      if (after !== undefined) this.notBefore = Math.max(this.notBefore, now + after);
    }
    this.pump();
  }

  /** A write answered 429: final, saying when the budget allows a request again. */
  refuse(call: Call, outcome: Outcome & { ok: false }): Outcome {
    return this.refusal(call, this.deps.clock.now(), outcome);
  }

  private set(count: number, now: number, limit: number): void {
    this.mode = 'metered';
    this.count = count;
    this.at = now;
    this.limit = limit;
  }

  private left(now: number): number {
    return refilled(this.count, now - this.at, this.limit);
  }

  /** Where a call joins the queue: behind its own kind, or at its front when a 429 sent it back. */
  private placeFor(priority: Priority, again: boolean): number {
    const found = this.queue.findIndex((w) => w.call.priority !== 'user');
    const firstBackground = found < 0 ? this.queue.length : found;
    if (priority === 'user') return again ? 0 : firstBackground;
    return again ? firstBackground : this.queue.length;
  }

  private canSend(now: number): boolean {
    if (now < this.notBefore) return false;
    if (this.mode === 'metered') return this.left(now) >= 1 - EPSILON;
    return this.mode === 'unmetered' || this.onTheirWay.size === 0;
  }

  /** When the call with `ahead` calls before it in the queue may go, as far as the budget tells. */
  private turnAt(ahead: number, now: number): number {
    const start = Math.max(now, this.notBefore);
    if (this.mode !== 'metered') return start;
    return Math.max(start, now + msUntilRefilled(this.left(now), ahead + 1 - EPSILON, this.limit));
  }

  /** Sends what the budget allows, refuses what would wait too long, and sets the next wake-up. */
  private pump(): void {
    const now = this.deps.clock.now();
    while (this.queue.length && this.canSend(now)) {
      const w = this.queue.shift() as Waiting;
      if (this.mode === 'metered') this.set(this.left(now) - 1, now, this.limit);
      this.onTheirWay.add(++this.sent);
      w.done({ sent: this.sent, waited: w.waited + now - w.queuedAt });
    }
    let ahead = 0;
    for (let i = 0; i < this.queue.length; ) {
      const w = this.queue[i];
      const at = this.turnAt(ahead, now);
      if (at <= w.deadline) {
        ahead++;
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      w.done({ refused: this.refusal(w.call, now, w.answer) });
    }
    this.wakeUp(now);
  }

  /** One timer, for the moment the head of the queue may go (none while it waits for an answer). */
  private wakeUp(now: number): void {
    const at = this.queue.length ? this.turnAt(0, now) : Infinity;
    const needed = at > now && Number.isFinite(at);
    if (this.timer && needed && this.timer.at <= at) return;
    this.timer?.stop.abort();
    this.timer = undefined;
    if (!needed) return;
    const timer = { at, stop: new AbortController() };
    this.timer = timer;
    void this.deps.clock.sleep(at - now, timer.stop.signal).then(() => {
      if (this.timer !== timer) return;
      this.timer = undefined;
      this.pump();
    });
  }

  /**
   * The call fails with one time: when the budget allows the next request. (Not its own turn: the
   * calls ahead of it may be cancelled with it, as the other pages of a list are.)
   */
  private refusal(call: Call, now: number, answer?: Outcome & { ok: false }): Outcome {
    const when = possibleAgain(this.turnAt(0, now) - now, now);
    const api = answer?.error;
    const perHour = `${this.limit} requests per hour`;
    // The API's own text stays, unless it states a time of its own: one time per message.
    const message = !api
      ? `The project's API rate limit (${perHour}) is used up: ${call.method} ${call.target.path} was not sent. ${when}`
      : STATES_A_TIME.test(api.message)
        ? `The project's API rate limit (${perHour}) is used up. ${when}`
        : `${api.message}${/[.!?]$/.test(api.message) ? '' : '.'} ${when}`;
    const error = new HcloudError({
      code: api?.code ?? 'rate_limit_exceeded',
      message,
      status: api?.status ?? 0,
      details: api?.details,
      method: call.method,
      path: call.target.path,
    });
    return { ok: false, retry: 'none', status: answer?.status ?? 0, headers: answer?.headers, error };
  }
}

/** "in 61 minutes", "30 s", "at 14:03": a message that says when by itself. */
const STATES_A_TIME = /\b\d+(?:[.,]\d+)?\s*(?:ms|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?)\b|\b\d{1,2}:\d\d\b/i;

function aborted(call: Call): Outcome {
  return { ok: false, retry: 'none', status: 0, error: abortedError(call.method, call.target.path) };
}
