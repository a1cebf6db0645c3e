import * as assert from 'node:assert/strict';
import { normalizeInterval, RefreshPolicy } from '../../../src/tree/refreshPolicy';

describe('tree refresh policy', () => {
  let clock: number;
  const now = () => clock;
  const advance = (ms: number) => (clock += ms);
  beforeEach(() => (clock = 1_000_000));

  it('refreshes nothing while the view is hidden, and nothing periodic at 0', () => {
    const p = new RefreshPolicy(now, { intervalSeconds: 60 });
    p.folderLoaded('servers', 'fast');
    advance(10 * 60_000);
    assert.deepEqual(p.due(), []);
    assert.equal(p.nextDue(), undefined);
    p.setVisible(true);
    assert.deepEqual(p.due(), [{ key: 'servers', reason: 'periodic' }]);
    p.setIntervalSeconds(0);
    advance(10 * 60_000);
    assert.deepEqual(p.due(), []);
    assert.equal(p.nextDue(), undefined);
  });

  it('refreshes fast folders every interval, slow ones every 10 intervals, static ones never', () => {
    const p = new RefreshPolicy(now, { intervalSeconds: 60 });
    p.setVisible(true);
    p.folderLoaded('servers', 'fast');
    p.folderLoaded('floatingIps', 'slow');
    p.folderLoaded('serverTypes', 'static');
    const counts = new Map<string, number>();
    const end = clock + 3_600_000;
    for (let next = p.nextDue(); next !== undefined && next <= end; next = p.nextDue()) {
      clock = next;
      for (const d of p.due()) counts.set(d.key, (counts.get(d.key) ?? 0) + 1);
    }
    assert.deepEqual(Object.fromEntries(counts), { servers: 60, floatingIps: 6 });
  });

  it('counts a refresh made for another reason, and skips collapsed folders until expanded again', () => {
    const p = new RefreshPolicy(now, { intervalSeconds: 60 });
    p.setVisible(true);
    p.folderLoaded('servers', 'fast');
    advance(50_000);
    p.folderLoaded('servers', 'fast'); // e.g. the user pressed Refresh
    advance(20_000);
    assert.deepEqual(p.due(), [], 'the clock restarted at the manual refresh');
    p.nodeCollapsed('servers');
    advance(120_000);
    assert.deepEqual(p.due(), [], 'collapsed: not refreshed');
    assert.equal(p.nextDue(), undefined);
    assert.deepEqual(p.nodeExpanded('servers'), ['servers'], 'stale on expand: refresh it now');
    p.folderLoaded('servers', 'fast');
    assert.deepEqual(p.nodeExpanded('servers'), []);
  });

  it('skips folders under a collapsed node', () => {
    const p = new RefreshPolicy(now, { intervalSeconds: 60 });
    p.setVisible(true);
    p.folderLoaded('project/a/servers', 'fast');
    p.folderLoaded('project/a/images/snapshots', 'slow');
    p.nodeCollapsed('project/a/images');
    advance(600_000);
    assert.deepEqual(p.due().map((d) => d.key), ['project/a/servers']);
    p.nodeCollapsed('project/a');
    advance(600_000);
    assert.deepEqual(p.due(), []);
    assert.deepEqual(p.nodeExpanded('project/a'), ['project/a/servers'], 'snapshots stay hidden: images is still collapsed');
  });

  it('polls a transitional resource at once, then with a growing gap, and stops when it settles', () => {
    const p = new RefreshPolicy(now, { intervalSeconds: 0, pollFirstMs: 1000, pollFactor: 2, pollMaxMs: 4000 });
    p.watch('server/1');
    assert.deepEqual(p.due(), [{ key: 'server/1', reason: 'poll' }]);
    assert.deepEqual(p.due(), [], 'not again while the poll is in flight');
    const gaps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const before = clock;
      p.pollResult('server/1', false);
      clock = p.nextDue()!;
      gaps.push(clock - before);
      assert.deepEqual(p.due(), [{ key: 'server/1', reason: 'poll' }]);
    }
    assert.deepEqual(gaps, [1000, 2000, 4000, 4000, 4000]);
    p.pollResult('server/1', true);
    assert.equal(p.isWatched('server/1'), false);
    assert.equal(p.nextDue(), undefined);
  });

  it('gives up polling after pollGiveUpMs, and forgets a removed project', () => {
    const p = new RefreshPolicy(now, { intervalSeconds: 60, pollGiveUpMs: 10_000 });
    p.watch('project/a/server/1');
    p.due();
    advance(11_000);
    p.pollResult('project/a/server/1', false);
    assert.equal(p.isWatched('project/a/server/1'), false);
    p.watch('project/a/server/2', 'later');
    p.folderLoaded('project/a/servers', 'fast');
    p.setVisible(true);
    p.forget('project/a/');
    assert.equal(p.nextDue(), undefined);
  });

  it('normalizes the interval setting', () => {
    assert.equal(normalizeInterval(0), 0);
    assert.equal(normalizeInterval(5), 15);
    assert.equal(normalizeInterval(90), 90);
    assert.equal(normalizeInterval(-1), 60);
    assert.equal(normalizeInterval(Number.NaN), 60);
  });
});
