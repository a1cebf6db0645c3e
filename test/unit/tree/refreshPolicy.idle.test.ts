// Idle cost bounded whatever the size (issue 10, finding 13): a large folder is checked with one
// request an interval and listed in full within a per-project budget, at least every 30 minutes
// while that budget allows.
import * as assert from 'node:assert/strict';
import { listingPeriods } from '../../../src/tree/listingPeriods';
import { HOUR, MIN, PolicyRun, project } from './refreshPolicyRun';

const SERVERS = 'project/p/servers';
const SLOW = ['project/p/floatingIps', 'project/p/images/snapshots', 'project/p/images/backups', 'project/p/sshKeys'];

describe('tree refresh policy: idle cost', () => {
  it('checks a folder of 20 pages every interval with one request and lists it in full every 30 minutes (1,000 servers)', () => {
    const run = new PolicyRun({ intervalSeconds: 60 }, project(20));
    run.advance(3 * HOUR);
    const gaps = run.gaps(SERVERS);
    assert.equal(gaps.length, 6, `full listings of the servers in 3 h: ${gaps.map((g) => g / MIN).join(', ')} min apart`);
    for (const g of gaps) assert.ok(g >= 29 * MIN && g <= 30 * MIN, `servers listed ${g / MIN} min apart`);
    // One at once (learning the newest actions), then one a minute, except where a full listing took its place.
    assert.equal(run.count(SERVERS, 'check'), 1 + 180 - 6);
    for (const key of SLOW) for (const g of run.gaps(key)) assert.ok(g <= 30 * MIN, `${key} listed ${g / MIN} min apart`);
    assert.ok(run.requests / 3 <= 120, `${run.requests / 3} requests an hour`);
  });

  for (const pages of [2, 20, 100, 200]) {
    it(`keeps an idle project within 120 requests an hour with servers of ${pages} pages`, () => {
      const run = new PolicyRun({ intervalSeconds: 60 }, project(pages));
      run.advance(12 * HOUR);
      assert.ok(run.requests / 12 <= 120, `${(run.requests / 12).toFixed(1)} requests an hour`);
      const seen = run.done.filter((d) => d.key === SERVERS).map((d) => d.at);
      assert.ok(run.count(SERVERS, 'check') > 12 * 50);
      for (let i = 1; i < seen.length; i++) assert.ok(seen[i] - seen[i - 1] <= MIN, 'a check or a listing at least every interval');
    });
  }

  it('keeps the 30-minute floor for small folders and stretches a folder too large for it with its pages (5,000 and 10,000 servers)', () => {
    for (const pages of [100, 200]) {
      const run = new PolicyRun({ intervalSeconds: 60 }, project(pages));
      run.advance(12 * HOUR);
      for (const key of SLOW) for (const g of run.gaps(key)) assert.ok(g <= 30 * MIN, `${pages} pages: ${key} listed ${g / MIN} min apart`);
      // What 0.9 pages a minute leave after the four small folders' floors (4 pages / 30 min).
      const expected = pages / (0.9 - 4 / 30);
      for (const g of run.gaps(SERVERS)) assert.ok(Math.abs(g / MIN - expected) <= 1.5, `${pages} pages: servers listed ${g / MIN} min apart, expected about ${expected.toFixed(0)}`);
    }
  });

  it('lists a folder of one page every interval, as the check it stands for', () => {
    const run = new PolicyRun({ intervalSeconds: 60 }, project(1));
    run.advance(HOUR);
    assert.equal(run.count(SERVERS, 'periodic'), 60);
    assert.equal(run.count(SERVERS, 'check'), 0);
    assert.equal(run.requests, 60 + 4 * 6);
  });

  it("checks a large folder at once when it is first loaded (learning the newest actions), then an interval after each listing", () => {
    const run = new PolicyRun({ intervalSeconds: 60 }, project(20));
    assert.deepEqual(run.policy.due(), [{ key: SERVERS, reason: 'check' }]);
    run.t += 45_000;
    run.load(project(20)[0]); // e.g. the user pressed Refresh
    run.t += 50_000;
    assert.deepEqual(run.policy.due(), [], 'the listing stood for a check');
    run.t += 10_000;
    assert.deepEqual(run.policy.due(), [{ key: SERVERS, reason: 'check' }]);
  });

  it('lists a folder a check marked stale once its pages in intervals have passed since its last listing: a small one at once', () => {
    const run = new PolicyRun({ intervalSeconds: 60 }, project(20));
    run.advance(5 * MIN);
    run.policy.folderStale(SERVERS);
    run.policy.folderStale(SLOW[0]);
    run.advance(20 * MIN);
    assert.deepEqual(run.listings.get(SLOW[0])?.slice(1, 2), [1_000_000 + 5 * MIN], 'the small folder, at once');
    assert.deepEqual(run.listings.get(SERVERS)?.slice(1), [1_000_000 + 20 * MIN], 'the large one, 20 intervals after its last listing');
  });

  it('lists a large folder without a check within the same budget', () => {
    const run = new PolicyRun({ intervalSeconds: 60 }, project(20));
    run.policy.checkUnavailable(SERVERS);
    run.advance(6 * HOUR);
    assert.equal(run.count(SERVERS, 'check'), 0);
    assert.ok(run.requests / 6 <= 0.9 * 60, `${run.requests / 6} requests an hour`);
    for (const g of run.gaps(SERVERS)) assert.ok(g <= 30 * MIN, `servers listed ${g / MIN} min apart`);
  });

  it('shares the listing budget: desired periods when they fit, 30-minute floors and an even share, or floors for the small and the rest for the large', () => {
    // Units: minutes; budget 0.9 pages a minute; floor 30; desired 10.
    const periods = (pages: number[]) => listingPeriods(pages.map((p) => ({ pages: p, desiredMs: 10 })), 0.9, 30).map((x) => Math.round(x * 10) / 10);
    const cost = (pages: number[]) => {
      const ps = listingPeriods(pages.map((p) => ({ pages: p, desiredMs: 10 })), 0.9, 30);
      return pages.reduce((sum, p, i) => sum + p / ps[i], 0);
    };
    assert.deepEqual(periods([2, 1, 1, 1, 1]), [10, 10, 10, 10, 10]);
    assert.deepEqual(periods([20, 1, 1, 1, 1]), [30, 17.1, 17.1, 17.1, 17.1]);
    assert.deepEqual(periods([100, 1, 1, 1, 1]), [130.4, 30, 30, 30, 30]);
    assert.deepEqual(periods([100, 100]), [222.2, 222.2]);
    for (const pages of [[2, 1, 1, 1, 1], [20, 1, 1, 1, 1], [100, 1, 1, 1, 1], [100, 100], [50, 7, 3]]) {
      assert.ok(cost(pages) <= 0.9 + 1e-9, `${pages.join('/')} pages cost ${cost(pages)} a minute`);
    }
  });
});
