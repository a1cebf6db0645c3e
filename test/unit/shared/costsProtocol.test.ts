// The Show Costs protocol (src/shared/costsProtocol.ts): what the parsers accept and refuse (never
// throwing on hostile input), and the CSV export (quoting, spreadsheet formulas defused, the total).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { costsToCsv, parseCostsFromWebview, parseCostsPanelState, parseCostsToWebview, type CostsView } from '../../../src/shared/costsProtocol';

const VIEW: CostsView = {
  title: 'Monthly costs of project "demo"',
  currency: 'EUR',
  total: { gross: 7.1, net: 5.97 },
  byKind: [{ kind: 'Servers', count: 2, gross: 7.1 }],
  rows: [
    { kind: 'Servers', name: 'web, "one"', gross: 5.99, net: 5.03 },
    { kind: 'Servers', name: '=HYPERLINK("x")', gross: null, net: null },
  ],
  computedAt: '2026-11-30T09:00:00.000Z',
};

describe('costs protocol', () => {
  it('a view goes through as it is; a wrong field refuses the whole message', () => {
    assert.deepEqual(parseCostsToWebview(JSON.parse(JSON.stringify({ type: 'costs', projectId: 'p-1', view: VIEW }))), { type: 'costs', projectId: 'p-1', view: VIEW });
    assert.deepEqual(parseCostsToWebview({ type: 'costs', projectId: 'p-1', view: { ...VIEW, total: null } })?.view.total, null);
    assert.equal(parseCostsToWebview({ type: 'costs', view: VIEW }), undefined, 'no project, no view');
    assert.deepEqual(parseCostsPanelState({ projectId: 'p-1', extra: 1 }), { projectId: 'p-1' });
    for (const bad of [undefined, 'p-1', { projectId: '' }, { projectId: 'x'.repeat(101) }, { projectId: 3 }]) assert.equal(parseCostsPanelState(bad), undefined);
    for (const bad of [{ ...VIEW, rows: [{ kind: 'x', name: 1, gross: 1, net: 1 }] }, { ...VIEW, total: { gross: 'a' } }, { ...VIEW, byKind: 'x' }, { ...VIEW, title: 'x'.repeat(301) }]) {
      assert.equal(parseCostsToWebview({ type: 'costs', projectId: 'p-1', view: bad }), undefined);
    }
    assert.deepEqual(parseCostsFromWebview({ type: 'exportCsv' }), { type: 'exportCsv' });
    assert.equal(parseCostsFromWebview({ type: 'delete' }), undefined);
    fc.assert(fc.property(fc.anything(), (junk) => parseCostsToWebview(junk) === undefined && parseCostsFromWebview(junk) === undefined));
  });

  it('the CSV: a line per billed line and the total; commas and quotes quoted, formulas defused, unknown prices empty', () => {
    assert.equal(
      costsToCsv(VIEW),
      ['kind,name,monthly_gross,monthly_net,currency', 'Servers,"web, ""one""",5.9900,5.0300,EUR', `Servers,"'=HYPERLINK(""x"")",,,EUR`, 'total,,7.1000,5.9700,EUR', ''].join('\r\n'),
    );
  });
});
