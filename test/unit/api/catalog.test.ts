// The catalog: server types, locations, datacenters (2018 contract), ISOs and prices, with numbers
// where the wire has decimal strings, in both modes (today's API: locations[] on server types,
// per-location traffic prices, pricing.floating_ips; api2026.test.ts covers those rows in detail).
import * as assert from 'node:assert/strict';
import type { DatacenterListResponseSchema, IsoSchema, LocationSchema, NetGrossPriceSchema, PricingResponseSchema, ServerTypeSchema } from '../../../src/api/schema';
import { forEachApi, lastReceived, raw, useSimulator } from './helpers';

/** The expected Money of a wire price, or undefined where the wire has none. */
function money(w: NetGrossPriceSchema | undefined, currency = 'EUR') {
  return w ? { net: Number(w.net), gross: Number(w.gross), currency } : undefined;
}

forEachApi('catalog', (api) => {
  const env = useSimulator({ api, seed: 'empty' });

  it('server types: list, name filter, get; prices per location as numbers', async () => {
    const all = await env.client.serverTypes.listAll();
    const wire = await raw<{ server_types: ServerTypeSchema[] }>(env.sim, '/server_types?per_page=50');
    assert.equal(all.length, wire.server_types.length);
    const [w] = wire.server_types;
    const t = all.find((x) => x.id === w.id);
    assert.ok(t);
    assert.deepEqual(
      [t.name, t.cores, t.memory, t.disk, t.storageType, t.cpuType, t.architecture],
      [w.name, w.cores, w.memory, w.disk, w.storage_type, w.cpu_type, w.architecture],
    );
    assert.equal(t.prices.length, w.prices.length);
    assert.deepEqual(t.prices[0], {
      location: w.prices[0].location,
      hourly: money(w.prices[0].price_hourly),
      monthly: money(w.prices[0].price_monthly),
      includedTraffic: w.prices[0].included_traffic,
      perTbTraffic: money(w.prices[0].price_per_tb_traffic),
    });
    assert.equal(t.locations?.length, w.locations?.length);
    assert.ok(t.prices[0].monthly && t.prices[0].monthly.gross > t.prices[0].monthly.net);

    const page = await env.client.serverTypes.list({ name: w.name });
    assert.deepEqual(lastReceived(env.sim, 'GET', '/server_types').query.name, [w.name]);
    assert.deepEqual(page.items, [t]);
    assert.deepEqual(await env.client.serverTypes.get(w.id), t);
    assert.equal(await env.client.serverTypes.get(9999), undefined);
  });

  it('locations: list, name filter, get', async () => {
    const wire = await raw<{ locations: LocationSchema[] }>(env.sim, '/locations');
    const all = await env.client.locations.listAll();
    assert.deepEqual(
      all,
      wire.locations.map((w) => ({ id: w.id, name: w.name, description: w.description, country: w.country, city: w.city, latitude: w.latitude, longitude: w.longitude, networkZone: w.network_zone })),
    );
    const named = await env.client.locations.list({ name: all[1].name });
    assert.deepEqual(named.items, [all[1]]);
    assert.deepEqual(await env.client.locations.get(all[0].id), all[0]);
    assert.equal(await env.client.locations.get(9999), undefined);
  });

  // The 2018 contract only; today's API answers 410 (api2026.test.ts).
  if (api === '2018') {
    it('datacenters: the page carries the recommendation; name filter; get', async () => {
      const wire = await raw<DatacenterListResponseSchema>(env.sim, '/datacenters');
      const page = await env.client.datacenters.list();
      assert.equal(page.recommendation, wire.recommendation);
      assert.ok(page.items.some((d) => d.id === page.recommendation));
      const [w] = wire.datacenters;
      const d = page.items.find((x) => x.id === w.id);
      assert.deepEqual([d?.name, d?.location.name, d?.serverTypes.supported, d?.serverTypes.available], [w.name, w.location.name, w.server_types.supported, w.server_types.available]);
      const named = await env.client.datacenters.list({ name: w.name });
      assert.deepEqual(lastReceived(env.sim, 'GET', '/datacenters').query.name, [w.name]);
      assert.deepEqual(named.items.map((x) => x.id), [w.id]);
      assert.equal((await env.client.datacenters.listAll()).length, wire.datacenters.length);
      assert.deepEqual(await env.client.datacenters.get(w.id), d);
      assert.equal(await env.client.datacenters.get(9999), undefined);
    });
  }

  it('ISOs: list, name filter, get', async () => {
    const wire = await raw<{ isos: IsoSchema[] }>(env.sim, '/isos?per_page=50');
    const all = await env.client.isos.listAll();
    const deprecatedOn = (w: IsoSchema) => w.deprecated ?? w.deprecation?.announced;
    assert.deepEqual(
      all.map((i) => [i.id, i.name ?? null, i.type, i.deprecated?.getTime() ?? null, i.deprecation?.unavailableAfter.getTime() ?? null, i.architecture ?? null]),
      wire.isos.map((w) => [w.id, w.name, w.type, deprecatedOn(w) ? Date.parse(deprecatedOn(w) as string) : null, w.deprecation ? Date.parse(w.deprecation.unavailable_after) : null, w.architecture ?? null]),
    );
    const withName = all.find((i) => i.name);
    assert.ok(withName?.name);
    assert.deepEqual((await env.client.isos.list({ name: withName.name })).items, [withName]);
    assert.deepEqual(await env.client.isos.get(withName.id), withName);
    assert.equal(await env.client.isos.get(999999), undefined);
  });

  it('pricing: numbers in the project currency', async () => {
    const { pricing: w } = await raw<PricingResponseSchema>(env.sim, '/pricing');
    const p = await env.client.pricing.get();
    assert.equal(lastReceived(env.sim, 'GET', '/pricing').status, 200);
    assert.equal(p.currency, w.currency);
    assert.equal(p.vatRate, Number(w.vat_rate));
    assert.equal(p.serverBackupPercentage, Number(w.server_backup.percentage));
    assert.deepEqual(p.floatingIp.monthly, money(w.floating_ip?.price_monthly, w.currency));
    assert.equal(p.image.perGbMonth?.net, Number(w.image.price_per_gb_month.net));
    assert.deepEqual(p.traffic.perTb, money(w.traffic?.price_per_tb, w.currency));
    assert.deepEqual(
      p.floatingIps,
      w.floating_ips?.map((f) => ({ type: f.type, prices: f.prices.map((x) => ({ location: x.location, monthly: money(x.price_monthly, w.currency) })) })),
    );
    assert.equal(p.serverTypes.length, w.server_types.length);
    assert.equal(p.serverTypes[0].prices[0].monthly?.net, Number(w.server_types[0].prices[0].price_monthly.net));
  });

  it('the rate limit of the latest answer is visible on the client', async () => {
    await env.client.locations.list();
    const rl = env.client.rateLimit;
    assert.ok(rl);
    assert.ok(rl.limit > 0);
    assert.ok(rl.remaining <= rl.limit);
  });
});
