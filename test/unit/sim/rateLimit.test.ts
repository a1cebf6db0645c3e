import * as assert from 'node:assert/strict';
import { FakeClock, startApi, withSim, type Answer } from './helpers';

const headers = (res: Answer) => ({
  limit: Number(res.headers.get('ratelimit-limit')),
  remaining: Number(res.headers.get('ratelimit-remaining')),
  reset: Number(res.headers.get('ratelimit-reset')),
});

describe('sim: rate limiting', () => {
  const clock = new FakeClock(Date.UTC(2024, 4, 15, 12, 0, 0));
  const api = withSim({ now: clock.now });

  it('sends RateLimit-Limit, -Remaining and -Reset on every answer', async () => {
    const first = headers(await api.get('/locations'));
    assert.deepEqual(first, { limit: 3600, remaining: 3599, reset: clock.ms / 1000 + 1 });
    const second = headers(await api.get('/nothing-here'));
    assert.deepEqual(second, { limit: 3600, remaining: 3598, reset: clock.ms / 1000 + 2 });
    const unauthorized = headers(await api.call('GET', '/locations', undefined, { token: null }));
    assert.equal(unauthorized.remaining, 3597, 'unauthenticated requests count too');
  });

  it('answers 429 rate_limit_exceeded when the budget is spent, with the headers', async () => {
    api.sim.setRateLimitRemaining(0);
    const res = await api.get('/locations');
    assert.equal(res.status, 429);
    assert.equal(res.body.error.code, 'rate_limit_exceeded');
    assert.equal(res.body.error.message, 'limit of 3600 requests per hour reached');
    assert.deepEqual(headers(res), { limit: 3600, remaining: 0, reset: clock.ms / 1000 + 3600 });
    assert.equal(api.sim.requests.at(-1)?.status, 429);
  });

  it('refills continuously: one request per second at 3600/h', async () => {
    clock.advance(999);
    assert.equal((await api.get('/locations')).status, 429);
    clock.advance(1);
    const res = await api.get('/locations');
    assert.equal(res.status, 200);
    assert.equal(headers(res).remaining, 0);
    clock.advance(10_000);
    assert.equal(headers(await api.get('/locations')).remaining, 9);
  });

  it('honours a custom limit', async () => {
    const other = await startApi({ now: clock.now, rateLimit: 7200 });
    try {
      other.sim.setRateLimitRemaining(0);
      clock.advance(1000);
      const res = await other.get('/locations');
      assert.equal(res.status, 200);
      // 2 per second refilled, 1 taken: 7199 missing at 2/s = 3599.5 s until full.
      assert.deepEqual(headers(res), { limit: 7200, remaining: 1, reset: clock.ms / 1000 + 3600 });
    } finally {
      await other.sim.close();
    }
  });
});
