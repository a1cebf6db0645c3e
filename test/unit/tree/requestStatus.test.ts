// The status bar's request item without VS Code: which project is active, the colour thresholds,
// the text and the tooltip (who spent the last hour's requests, every name escaped).
import * as assert from 'node:assert/strict';
import type { BudgetState } from '../../../src/api/transport';
import { activeProject, budgetLevel, budgetSince, requestStatus } from '../../../src/tree/requestStatus';

const projects = [
  { id: 'p1', name: 'prod' },
  { id: 'p2', name: 'staging' },
  { id: 'p3', name: 'prod' },
];
const budget = (remaining: number, limit = 3600, resetAt = new Date(0)): BudgetState => ({ remaining, limit, resetAt, queued: 0 });
const none = { tree: 0, actionLog: 0, panels: 0, commands: 0 };

describe('the status bar request item', () => {
  it('the active project: bound by name, else the selection\'s project, else the first', () => {
    const pick = (bound: string | undefined, selected: string | undefined) => {
      const a = activeProject(projects, bound, selected);
      return a && `${a.project.id} ${a.reason}`;
    };
    assert.equal(pick('staging', 'p3'), 'p2 bound');
    assert.equal(pick('prod', 'p2'), 'p1 bound', 'two of the name: the first');
    assert.equal(pick('gone', 'p3'), 'p3 selected', 'a bound name no project has is ignored');
    assert.equal(pick(undefined, 'p2'), 'p2 selected');
    assert.equal(pick(undefined, 'removed'), 'p1 first');
    assert.equal(pick(undefined, undefined), 'p1 first');
    assert.equal(activeProject([], 'prod', 'p1'), undefined, 'no project: nothing to show');
  });

  it('colours below 20 % (warning) and below 5 % (error) of the limit', () => {
    assert.equal(budgetLevel(undefined), 'normal');
    assert.equal(budgetLevel(budget(720)), 'normal', '20 % exactly');
    assert.equal(budgetLevel(budget(719)), 'warning');
    assert.equal(budgetLevel(budget(180)), 'warning', '5 % exactly');
    assert.equal(budgetLevel(budget(179)), 'error');
    assert.equal(budgetLevel(budget(0)), 'error');
  });

  it('text and tooltip: remaining/limit, when it is full again, the last hour by source', () => {
    const now = new Date(2026, 10, 30, 14, 0, 0).getTime();
    const v = requestStatus({ name: 'prod' }, 'selected', budget(3412, 3600, new Date(now + 188 * 3600 / 3600 * 1000)), { tree: 150, actionLog: 3, panels: 30, commands: 5 }, now);
    assert.equal(v.text, '$(cloud) prod 3,412/3,600');
    assert.equal(v.level, 'normal');
    const lines = v.tooltip.split('\n');
    assert.equal(lines[0], '**Hetzner Cloud requests of prod** (the project of the selection in the Hetzner Cloud view)');
    assert.equal(lines[2], '3,412 of 3,600 requests left this hour (94 %). Full again at 14:03:08 (in 3 min 8 s).');
    assert.deepEqual(lines.slice(4), ['Sent from this window in the last hour: 188', '', '- tree: 150', '- action log: 3', '- panels: 30', '- commands: 5', '', 'Click to show the request log.']);
    assert.equal(v.ariaLabel, 'Hetzner Cloud requests of prod: 3,412 of 3,600 left');

    const low = requestStatus({ name: 'prod' }, 'bound', budget(100, 3600, new Date(now + 3500_000)), none, now);
    assert.equal(low.level, 'error');
    assert.match(low.tooltip, /\(the project this workspace is bound to\)/);
    assert.match(low.tooltip, /Almost used up: the tree stops refreshing by itself until it refills; what you do still goes\./);
    assert.match(requestStatus({ name: 'prod' }, 'first', budget(3600), none, now).tooltip, /The budget is full\./);
  });

  it('before any answer it says the budget is not known yet', () => {
    const v = requestStatus({ name: 'prod' }, 'first', undefined, { ...none, tree: 1 }, 0);
    assert.equal(v.text, '$(cloud) prod: budget not known yet');
    assert.equal(v.level, 'normal');
    assert.match(v.tooltip, /The request budget is not known yet/);
    assert.match(v.tooltip, /- tree: 1\n/);
  });

  it('a project name cannot add icons to the text nor Markdown to the tooltip', () => {
    const v = requestStatus({ name: '$(alert) [x](http://e.x) <b>\u202e' }, 'first', budget(5, 10), none, 0);
    assert.equal(v.text, '$(cloud) \\$(alert) [x](http://e.x) <b>  5/10');
    assert.ok(v.tooltip.startsWith('**Hetzner Cloud requests of \\$\\(alert\\) \\[x\\]\\(http\\:\\/\\/e\\.x\\) \\<b\\> **'), v.tooltip.split('\n')[0]);
  });

  it('a budget read earlier refills at limit/hour until the new client has its first answer', () => {
    const last = budget(100, 3600, new Date(10_000_000));
    assert.deepEqual(budgetSince(last, 0, 60_000), { ...last, remaining: 160, queued: 0 });
    assert.equal(budgetSince(last, 0, 2 * 3_600_000).remaining, 3600, 'never above the limit');
  });
});
