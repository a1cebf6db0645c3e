// The pure helpers behind HttpTransport: rate-limit arithmetic, Link / meta parsing, the page pool.

import assert from 'node:assert/strict';
import { codeForStatus, encodeQuery, tokenProblem } from '../../../src/api/http';
import { knownLastPage, pageInfoFromBody, pageInfoFromLink, parseLinkHeader, runPool } from '../../../src/api/pagination';
import { formatClock, msUntilRefilled, possibleAgain, readRateLimit, refilled, retryAfterMs } from '../../../src/api/rateLimit';

function headers(values: Record<string, string>) {
  const lower = Object.fromEntries(Object.entries(values).map(([k, v]) => [k.toLowerCase(), v]));
  return { get: (name: string) => lower[name.toLowerCase()] ?? null };
}

describe('HttpTransport helpers', () => {
  describe('rate limit', () => {
    const now = 1_700_000_000_000;

    it('reads the RateLimit headers, and nothing from an answer without them', () => {
      const info = readRateLimit(headers({ 'RateLimit-Limit': '3600', 'RateLimit-Remaining': '17', 'RateLimit-Reset': '1700000100' }), now);
      assert.deepEqual(info, { limit: 3600, remaining: 17, reset: new Date(1_700_000_100_000), observedAt: new Date(now) });
      assert.equal(readRateLimit(headers({}), now), undefined);
      assert.equal(readRateLimit(headers({ 'RateLimit-Limit': 'lots', 'RateLimit-Remaining': '1' }), now), undefined);
      // No reset header: estimated from the refill rate (3583 missing requests at 1 per second).
      assert.equal(readRateLimit(headers({ 'RateLimit-Limit': '3600', 'RateLimit-Remaining': '17' }), now)?.reset.getTime(), now + 3_583_000);
    });

    it('refills limit/3600 requests a second, up to the limit', () => {
      assert.equal(refilled(0, 1000, 3600), 1);
      assert.equal(refilled(0, 100, 36_000), 1);
      assert.equal(refilled(-2, 1000, 3600), -1, 'requests sent beyond the last answer are paid back first');
      assert.equal(refilled(3590, 60_000, 3600), 3600, 'never above the limit');
      assert.equal(refilled(5, -1000, 3600), 5, 'a clock going back refills nothing');
    });

    it('waits for the requests needed, not for the full reset', () => {
      assert.equal(msUntilRefilled(0, 1, 3600), 1000);
      assert.equal(msUntilRefilled(0, 1, 360), 10_000);
      assert.equal(msUntilRefilled(0, 1, 10), 360_000);
      assert.equal(msUntilRefilled(0.5, 1, 3600), 500);
      assert.equal(msUntilRefilled(2, 1, 3600), 0);
      assert.equal(msUntilRefilled(0, 8, 3600), 8000, 'the 8th caller in line');
      assert.equal(msUntilRefilled(0, 20, 10), 7_200_000, 'a line longer than the limit refills one by one');
      assert.equal(msUntilRefilled(0, 1, 0), Infinity);
    });

    it('says one time, the same in seconds and on the clock', () => {
      assert.equal(possibleAgain(9000, now), `Requests are possible again in about 9 s (at ${formatClock(new Date(now + 9000))}).`);
      assert.equal(possibleAgain(8200, now), `Requests are possible again in about 9 s (at ${formatClock(new Date(now + 9000))}).`, 'rounded up, both parts');
      assert.equal(possibleAgain(250, now), `Requests are possible again in about 250 ms (at ${formatClock(new Date(now + 250))}).`);
      assert.equal(possibleAgain(70_000, now), `Requests are possible again in about 1 min 10 s (at ${formatClock(new Date(now + 70_000))}).`);
    });

    it('reads Retry-After as seconds or as a date', () => {
      assert.equal(retryAfterMs(headers({ 'Retry-After': '3' }), now), 3000);
      assert.equal(retryAfterMs(headers({ 'Retry-After': new Date(now + 5000).toUTCString() }), now), 5000);
      assert.equal(retryAfterMs(headers({}), now), undefined);
    });
  });

  describe('pagination', () => {
    it('reads meta.pagination, tolerating nulls, strings and missing fields', () => {
      const body = { servers: [], meta: { pagination: { page: 2, per_page: 25, previous_page: 1, next_page: 3, last_page: 4, total_entries: 100 } } };
      assert.deepEqual(pageInfoFromBody(body, 2, 25), { page: 2, perPage: 25, lastPage: 4, totalEntries: 100, nextPage: 3 });
      const drift = { meta: { pagination: { page: '3', next_page: null, last_page: null, total_entries: null, unknown: true } } };
      assert.deepEqual(pageInfoFromBody(drift, 3, 50), { page: 3, perPage: 50, lastPage: null, totalEntries: null, nextPage: null });
      assert.equal(pageInfoFromBody({ servers: [] }, 1, 50), undefined);
      assert.equal(pageInfoFromBody({ meta: null }, 1, 50), undefined);
      assert.equal(pageInfoFromBody(null, 1, 50), undefined);
    });

    it('parses the Link header of the spec, line breaks included', () => {
      const link =
        '<https://api.hetzner.cloud/actions?page=2&per_page=5>; rel="prev",\n      <https://api.hetzner.cloud/actions?page=4&per_page=5>; rel="next",\n      <https://api.hetzner.cloud/actions?page=6&per_page=5>; rel="last"';
      assert.deepEqual(parseLinkHeader(link), {
        prev: 'https://api.hetzner.cloud/actions?page=2&per_page=5',
        next: 'https://api.hetzner.cloud/actions?page=4&per_page=5',
        last: 'https://api.hetzner.cloud/actions?page=6&per_page=5',
      });
      assert.deepEqual(pageInfoFromLink(link, 3, 5), { page: 3, perPage: 5, lastPage: 6, totalEntries: null, nextPage: 4 });
      assert.deepEqual(pageInfoFromLink('<https://x/a?page=5&per_page=5>; rel="prev"', 6, 5), { page: 6, perPage: 5, lastPage: 6, totalEntries: null, nextPage: null });
      assert.equal(pageInfoFromLink(null, 1, 5), undefined);
      assert.equal(pageInfoFromLink('garbage', 1, 5), undefined);
    });

    it('knows the last page from last_page or from total_entries', () => {
      const info = { page: 1, perPage: 50, nextPage: 2 };
      assert.equal(knownLastPage({ ...info, lastPage: 7, totalEntries: null }), 7);
      assert.equal(knownLastPage({ ...info, lastPage: null, totalEntries: 1201 }), 25);
      assert.equal(knownLastPage({ ...info, lastPage: null, totalEntries: 0 }), 1);
      assert.equal(knownLastPage({ ...info, lastPage: null, totalEntries: null }), null);
    });

    it('runs the pool bounded, results in index order, and stops at the first failure', async () => {
      let inFlight = 0;
      let max = 0;
      const results = await runPool(20, 4, async (i) => {
        inFlight++;
        max = Math.max(max, inFlight);
        await new Promise((r) => setTimeout(r, (20 - i) % 5));
        inFlight--;
        return i * 10;
      });
      assert.deepEqual(
        results,
        Array.from({ length: 20 }, (_, i) => i * 10),
      );
      assert.equal(max, 4);

      const started: number[] = [];
      let notified = 0;
      await assert.rejects(
        runPool(
          20,
          3,
          async (i) => {
            started.push(i);
            await new Promise((r) => setTimeout(r, 1));
            if (i === 1) throw new Error('page 3 failed');
            return i;
          },
          () => notified++,
        ),
        /page 3 failed/,
      );
      assert.equal(notified, 1);
      assert.ok(started.length < 20, `started ${started.length}`);
    });
  });

  describe('requests', () => {
    it('encodes queries and maps statuses', () => {
      assert.equal(encodeQuery({ sort: ['id:asc', 'name:desc'], q: 'ä ö', empty: '', none: undefined }), 'sort=id%3Aasc&sort=name%3Adesc&q=%C3%A4%20%C3%B6&empty=');
      assert.deepEqual(
        [401, 403, 404, 409, 423, 429, 500, 502, 503, 418].map(codeForStatus),
        ['unauthorized', 'forbidden', 'not_found', 'conflict', 'locked', 'rate_limit_exceeded', 'service_error', 'service_error', 'service_error', 'invalid_response'],
      );
    });

    it('explains unusable tokens without quoting them', () => {
      assert.match(tokenProblem('') ?? '', /empty/);
      assert.match(tokenProblem('abc ') ?? '', /whitespace/);
      assert.match(tokenProblem('ab\u0001cd') ?? '', /control character \(at position 3\)/);
      assert.match(tokenProblem('abc€def') ?? '', /not plain ASCII \(at position 4\)/);
      assert.equal(tokenProblem('jEheVytlAoFl7F8MqUQ7jAo2hOXASztX'), undefined);
    });
  });
});
