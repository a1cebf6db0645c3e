// Budget-aware background work (issue 10, finding 4, the tree's part): below 20 % of a project's
// rate-limit budget its periodic refreshes, checks and polls slow down (twice the gaps); below 5 %
// they stop until the budget has refilled. What the user does still goes.
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { startSimulator } from '../../../src/sim/simulator';
import { budgetFactor, remainingFraction } from '../../../src/tree/refreshPolicy';
import { MIN, PolicyRun, project } from './refreshPolicyRun';

describe('tree refresh policy: rate-limit budget', () => {
  const left = new Map<string, number | undefined>();
  const budgetFraction = (projectKey: string) => left.get(projectKey);
  beforeEach(() => left.clear());

  it('doubles the periods and poll gaps of a project below 20 % of its budget, and only of that one', () => {
    const run = new PolicyRun({ intervalSeconds: 60, budgetFraction, pollFirstMs: 1000, pollFactor: 2, pollMaxMs: 60_000 }, [...project(1, 'low'), ...project(1, 'ok')]);
    left.set('project/low', 0.15);
    left.set('project/ok', 0.5);
    run.policy.watch('project/low/server/7', 'later');
    run.advance(20 * MIN);
    assert.equal(run.count('project/ok/servers', 'periodic'), 20);
    assert.equal(run.count('project/low/servers', 'periodic'), 10, 'every 2 minutes');
    assert.equal(run.count('project/ok/sshKeys', 'periodic'), 2);
    assert.equal(run.count('project/low/sshKeys', 'periodic'), 1, 'every 20 minutes');
    const polls = run.done.filter((d) => d.key === 'project/low/server/7').map((d) => d.at - 1_000_000);
    assert.deepEqual(polls.slice(0, 4), [2000, 4000, 8000, 16_000], 'gaps of 2, 2, 4, 8 s instead of 1, 1, 2, 4');
  });

  it('doubles the change check of a large folder below 20 %', () => {
    const run = new PolicyRun({ intervalSeconds: 60, budgetFraction }, project(20));
    left.set('project/p', 0.1);
    run.advance(20 * MIN);
    // The first check at once (learning the newest actions), then one every 2 minutes.
    assert.equal(run.count('project/p/servers', 'check'), 11);
  });

  it('stops background work below 5 %, asks again every interval, and resumes once the budget has refilled', () => {
    const run = new PolicyRun({ intervalSeconds: 60, budgetFraction }, project(20));
    run.policy.watch('project/p/server/7', 'later');
    left.set('project/p', 0.03);
    const start = run.t;
    run.advance(40 * MIN);
    assert.deepEqual(run.done, [], 'no listing, check or poll');
    assert.equal(run.policy.nextDue(), run.t + 60_000, 'asked again an interval later');
    // A command's first poll is the user's: it goes.
    run.policy.watch('project/p/server/8', 'now');
    assert.deepEqual(run.policy.due(), [{ key: 'project/p/server/8', reason: 'poll' }]);
    run.policy.pollResult('project/p/server/8', true);
    left.set('project/p', 0.3);
    const resumed = run.policy.due().map((d) => `${d.reason} ${d.key}`);
    // The servers' full listing is overdue by then: it stands for the check.
    for (const item of ['periodic project/p/servers', 'periodic project/p/floatingIps', 'periodic project/p/sshKeys', 'poll project/p/server/7']) {
      assert.ok(resumed.includes(item), `${item} after ${(run.t - start) / MIN} min stopped: ${resumed.join(', ')}`);
    }
  });

  it('reads the share left from the project\'s request budget: below 5 % background work stops', async () => {
    const sim = await startSimulator({ port: 0, token: 'budget-token', seed: 'demo', rateLimit: 3600 });
    const client = new HcloudClient({ token: 'budget-token', endpoint: sim.url });
    try {
      assert.equal(remainingFraction(client.budget), undefined, 'nothing known before an answer');
      await client.servers.list();
      assert.ok(remainingFraction(client.budget)! > 0.99, 'a full budget');
      sim.setRateLimitRemaining(100);
      await client.servers.list();
      const share = remainingFraction(client.budget)!;
      assert.ok(share >= 99 / 3600 && share < 102 / 3600, `about 100 of 3,600 left: ${share * 3600}`);
      assert.equal(budgetFactor(share), Infinity, 'below 5 %: stopped');
    } finally {
      client.dispose();
      await sim.close();
    }
  });
});
