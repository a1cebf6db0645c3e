// The handlers of the HTTP chain (src/api/handlers), each alone with a scripted handler below it:
// no HTTP, no simulator. The transport tests cover the assembled chain against real servers.

import assert from 'node:assert/strict';
import { HcloudError } from '../../../src/api/errors';
import { budgetHandler, RequestBudget } from '../../../src/api/handlers/budget';
import type { Call, Handler, Outcome, Retry } from '../../../src/api/handlers/chain';
import { errorsHandler } from '../../../src/api/handlers/errors';
import type { Exchanged } from '../../../src/api/handlers/exchange';
import { logHandler } from '../../../src/api/handlers/log';
import { retryHandler } from '../../../src/api/handlers/retry';
import { possibleAgain } from '../../../src/api/rateLimit';
import type { HttpMethod, RequestLogEntry } from '../../../src/api/transport';
import { FakeClock } from './fakeClock';

const headers = (values: Record<string, string> = {}) => ({ get: (name: string) => values[name.toLowerCase()] ?? null });

function call(method: HttpMethod = 'GET'): Call {
  return { method, target: { url: 'http://127.0.0.1/v1/servers', path: '/servers', logPath: '/servers' }, timeoutMs: 1000, priority: 'user', exchanges: 0 };
}

const ok: Outcome = { ok: true, status: 200, headers: headers(), body: { servers: [] } };
const failed = (retry: Retry, status = 503, h = headers()): Outcome => ({
  ok: false,
  retry,
  status,
  headers: h,
  error: new HcloudError({ code: status === 429 ? 'rate_limit_exceeded' : 'service_error', message: 'limit reached', status }),
});

/** A handler that answers from a script, counting its calls. */
function scripted(...outcomes: Outcome[]): Handler & { calls: number } {
  const h: Handler & { calls: number } = Object.assign(async () => outcomes[Math.min(h.calls++, outcomes.length - 1)], { calls: 0 });
  return h;
}

describe('HTTP chain handlers, each alone', () => {
  it('retry: GETs again on backoff and once on timeout; never a write; stops at the window', async () => {
    const clock = new FakeClock();
    const deps = { clock, random: () => 1, windowMs: 15_000, maxTries: Infinity, baseMs: 500, maxDelayMs: 4000 };
    const next = scripted(failed('backoff'), failed('backoff'), ok);
    assert.equal((await retryHandler(next, deps)(call())).ok, true);
    assert.deepEqual(clock.waits, [500, 1000]);

    const write = scripted(failed('backoff'), ok);
    assert.equal((await retryHandler(write, deps)(call('POST'))).ok, false);
    assert.equal(write.calls, 1);

    const timeouts = scripted(failed('timeout', 0), failed('timeout', 0), ok);
    assert.equal((await retryHandler(timeouts, deps)(call())).ok, false);
    assert.equal(timeouts.calls, 2, 'a timeout is tried once more only');
    // A 30 s timeout outlasts the 15 s window: the one try after it still happens, at once.
    const slow = new FakeClock();
    const stale: Handler = async () => {
      await slow.sleep(30_000);
      return failed('timeout', 0);
    };
    const fresh = scripted(ok);
    let first = true;
    const afterTimeout: Handler = (c) => (first ? ((first = false), stale(c)) : fresh(c));
    assert.equal((await retryHandler(afterTimeout, { ...deps, clock: slow })(call())).ok, true);
    assert.deepEqual(slow.waits, [30_000, 0]);

    const endless = new FakeClock();
    const down = scripted(failed('backoff'));
    await retryHandler(down, { ...deps, clock: endless })(call());
    assert.equal(endless.now(), 15_000);
    assert.deepEqual(endless.waits, [500, 1000, 2000, 4000, 4000, 3500], 'the last wait ends at the window');
  });

  it('budget: a 429 sends a GET back to the queue until one request has refilled; a write fails at once with one time', async () => {
    const clock = new FakeClock(undefined, Date.UTC(2026, 0, 1, 12));
    const h429 = headers({ 'ratelimit-limit': '3600', 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(clock.now() / 1000) + 3600) });
    const budget = new RequestBudget({ clock, maxWaitMs: 60_000 });
    const get = scripted(failed('rateLimit', 429, h429), ok);
    assert.equal((await budgetHandler(get, budget)(call())).ok, true);
    assert.deepEqual(clock.waits, [1000], 'one refill at 3600/h, not the full reset');
    assert.equal(budget.rateLimit?.remaining, 0);

    // The budget is spent again (the GET took the refilled request): the write waits its turn, once.
    const post = scripted(failed('rateLimit', 429, h429));
    const outcome = await budgetHandler(post, budget)(call('POST'));
    assert.deepEqual(clock.waits, [1000, 1000], 'held in the queue before it was sent');
    assert.ok(!outcome.ok);
    assert.equal(outcome.retry, 'none');
    assert.equal(outcome.error.message, `limit reached. ${possibleAgain(1000, clock.now())}`);
    assert.match(outcome.error.message, /^limit reached\. Requests are possible again in about 1 s \(at \d\d:\d\d:\d\d\)\.$/);
    assert.equal(post.calls, 1);
  });

  it('budget: a turn further away than maxWaitMs fails at once, and an API message with a time of its own loses it', async () => {
    const clock = new FakeClock(undefined, Date.UTC(2026, 0, 1, 12));
    const h429 = headers({ 'ratelimit-limit': '10', 'ratelimit-remaining': '0', 'ratelimit-reset': String(Math.floor(clock.now() / 1000) + 3600) });
    const budget = new RequestBudget({ clock, maxWaitMs: 60_000 });
    const error = new HcloudError({ code: 'rate_limit_exceeded', message: 'try again in 61 minutes', status: 429 });
    const get = scripted({ ok: false, retry: 'rateLimit', status: 429, headers: h429, error });
    const outcome = await budgetHandler(get, budget)(call());
    assert.ok(!outcome.ok);
    assert.equal(get.calls, 1);
    assert.deepEqual(clock.waits, [], 'no wait: 10/h refills one request in 6 min');
    assert.equal(outcome.error.message, `The project's API rate limit (10 requests per hour) is used up. ${possibleAgain(360_000, clock.now())}`);
    assert.match(outcome.error.message, /in about 6 min \(at /);
    // Not sent at all: the budget is known to be spent.
    const notSent = await budgetHandler(get, budget)(call('POST'));
    assert.ok(!notSent.ok);
    assert.equal(get.calls, 1);
    assert.equal(notSent.status, 0);
    assert.match(notSent.error.message, /^The project's API rate limit \(10 requests per hour\) is used up: POST \/servers was not sent\. Requests are possible again in about 6 min \(at \d\d:\d\d:\d\d\)\.$/);
  });

  it('log: one entry per exchange with its try number and error code', async () => {
    const entries: RequestLogEntry[] = [];
    const c = call();
    const h = logHandler(scripted(failed('backoff', 502), ok), (e) => entries.push(e));
    await h(c);
    await h(c);
    assert.deepEqual(
      entries.map((e) => [e.attempt, e.status, e.errorCode]),
      [
        [1, 502, 'service_error'],
        [2, 200, undefined],
      ],
    );
  });

  it('errors: maps exchanges to outcomes and retry classes', async () => {
    const deps = { token: 'token-0123456789', host: '127.0.0.1:1', hostname: '127.0.0.1', maxBodyBytes: 1024 };
    const judge = (x: Exchanged) => errorsHandler(async () => x, deps)(call());
    const answer = (status: number, text: string): Exchanged => ({ kind: 'answer', status, statusText: '', headers: headers(), text });
    const cases: Array<[Exchanged, string, Retry | 'ok']> = [
      [answer(200, '{"a":1}'), '', 'ok'],
      [answer(200, '<html>'), 'invalid_response', 'backoff'],
      [answer(404, '{"error":{"code":"not_found","message":"nope"}}'), 'not_found', 'none'],
      [answer(503, ''), 'service_error', 'backoff'],
      [answer(429, ''), 'rate_limit_exceeded', 'rateLimit'],
      [{ kind: 'failed', why: 'timeout' }, 'timeout', 'timeout'],
      [{ kind: 'failed', why: 'aborted' }, 'aborted', 'none'],
      [{ kind: 'failed', why: 'network', cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }, 'network_error', 'backoff'],
      [{ kind: 'bodyFailed', why: 'tooLarge', status: 200, headers: headers() }, 'response_too_large', 'none'],
    ];
    for (const [x, code, retry] of cases) {
      const o = await judge(x);
      assert.deepEqual(o.ok ? ['', 'ok'] : [o.error.code, o.retry], [code, retry], JSON.stringify(x));
    }
  });
});
