// The cost model (src/api/costs.ts): its sums against an independent computation from the
// simulator's raw /pricing and lists (both API modes), and properties of the arithmetic.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { backupsMonthly, projectCosts, snapshotMonthly, sumMoney, type CostResources } from '../../../src/api/costs';
import type { Money, Pricing } from '../../../src/api/types';
import { independentTotal } from '../../support/independentCosts';
import { useSimulator, type Env } from './helpers';

async function resources(env: Env, today: boolean): Promise<CostResources> {
  const c = env.client;
  return {
    servers: await c.servers.listAll(),
    snapshots: await c.images.listAll({ type: 'snapshot' }),
    floatingIps: await c.floatingIps.listAll(),
    ...(today ? { volumes: await c.volumes.listAll(), primaryIps: await c.primaryIps.listAll(), loadBalancers: await c.loadBalancers.listAll() } : {}),
  };
}

for (const api of ['2026', '2018'] as const) {
  describe(`cost model against the simulator's /pricing [api ${api}]`, () => {
    const env = useSimulator({ api, seed: 'demo' });

    it('the project total equals the sum computed from the raw JSON; every item is priced', async () => {
      const today = api === '2026';
      const expected = await independentTotal(env.sim, today);
      const costs = projectCosts(await resources(env, today), await env.client.pricing.get());
      assert.equal(costs.unpriced, 0);
      assert.equal(costs.items.length, expected.items);
      assert.ok(expected.total > 0);
      assert.ok(Math.abs((costs.total?.gross ?? NaN) - expected.total) < 1e-6, `${costs.total?.gross} vs ${expected.total}`);
      // The demo has a server with backups and (today) a priced item of every kind.
      const kinds = new Set(costs.items.map((i) => i.kind));
      assert.ok(kinds.has('backups') && kinds.has('snapshot') && kinds.has('floatingIp'), [...kinds].join());
      if (today) assert.ok(kinds.has('volume') && kinds.has('primaryIp') && kinds.has('loadBalancer'), [...kinds].join());
    });
  });
}

describe('cost model arithmetic', () => {
  const money = fc.record({ net: fc.double({ min: 0, max: 1e4, noNaN: true }), gross: fc.double({ min: 0, max: 1e4, noNaN: true }), currency: fc.constant('EUR') });
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

  it('a sum does not depend on the order; one of another currency is left out; none is undefined', () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 20 }), (list) => {
        const a = sumMoney(list)!;
        const b = sumMoney([...list].reverse())!;
        assert.ok(close(a.gross, b.gross) && close(a.net, b.net));
        assert.ok(close(sumMoney([...list, { net: 5, gross: 6, currency: 'USD' }])!.gross, a.gross));
      }),
    );
    assert.equal(sumMoney([]), undefined);
    assert.equal(sumMoney([undefined]), undefined);
  });

  it('backups add their percentage; a snapshot is its size times the price per GB; a backup image has no price', () => {
    const pricing = { image: { perGbMonth: { net: 0.01, gross: 0.0119, currency: 'EUR' } } } as Pricing;
    fc.assert(
      fc.property(money, fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1e4, noNaN: true }), (base: Money, pct, size) => {
        assert.ok(close(backupsMonthly(base, pct).gross, (base.gross * pct) / 100));
        assert.ok(close(snapshotMonthly({ type: 'snapshot', imageSize: size }, pricing)!.gross, size * 0.0119));
        assert.equal(snapshotMonthly({ type: 'backup', imageSize: size }, pricing), undefined);
      }),
    );
    assert.equal(snapshotMonthly({ type: 'snapshot', imageSize: undefined }, pricing), undefined, 'a snapshot still being created has no size yet');
  });
});
