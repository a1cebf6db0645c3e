// Today's API (the simulator's default mode): every change since 2018 that breaks a 2018 client
// (Hetzner's API changelog), without the Primary IP rows, as the client sees it. The suites run in both
// modes elsewhere; this file pins the rows to the 2026 mode, with the wire as the reference.
import * as assert from 'node:assert/strict';
import type { PricingResponseSchema, ServerSchema, ServerTypeSchema } from '../../../src/api/schema';
import type { Action, Server } from '../../../src/api/types';
import { lastReceived, raw, received, rejectsWith, serverSpec, settle, uniqueName, useSimulator } from './helpers';

describe('today\'s API (2026): the breaking changes since 2018', () => {
  const env = useSimulator({ api: '2026', seed: 'demo', actionMs: 80 });
  let server: Server;

  before(async () => {
    const { type, location, image } = await serverSpec(env);
    const created = await env.client.servers.create({ name: uniqueName('today'), serverType: type.name, image: image.id, location: location.name });
    await settle(env, created.action);
    server = created.server;
  });

  it('2026-10-01: GET /datacenters and /datacenters/{id} reject with deprecated_api_endpoint (410), not retried', async () => {
    env.sim.clearRequests();
    const list = await rejectsWith(() => env.client.datacenters.list(), 'deprecated_api_endpoint');
    assert.equal(list.status, 410);
    assert.ok(list.message.length > 0);
    assert.equal(list.path, '/datacenters');
    const one = await rejectsWith(() => env.client.datacenters.get(1), 'deprecated_api_endpoint');
    assert.equal(one.status, 410);
    await rejectsWith(() => env.client.datacenters.listAll(), 'deprecated_api_endpoint');
    assert.deepEqual(
      env.sim.requests.map((r) => [r.method, r.path, r.status]),
      [
        ['GET', '/datacenters', 410],
        ['GET', '/datacenters/1', 410],
        ['GET', '/datacenters', 410],
      ],
      'one request each: a 410 is not retried',
    );
  });

  it('2026-07-01: servers carry location and no datacenter; a create body with datacenter is invalid_input on that field', async () => {
    const { servers: wire } = await raw<{ servers: ServerSchema[] }>(env.sim, '/servers?per_page=50');
    assert.ok(wire.length > 0);
    const servers = await env.client.servers.list({ perPage: 50 });
    assert.deepEqual(
      servers.items.map((s) => [s.id, s.datacenter, s.location?.name, s.location?.networkZone]),
      wire.map((w) => [w.id, undefined, w.location?.name, w.location?.network_zone]),
    );
    assert.ok(wire.every((w) => !('datacenter' in w) && w.location), 'the wire has location, no datacenter');
    assert.ok(servers.items.every((s) => s.location?.name), 'every server has a location');

    const { type, image } = await serverSpec(env);
    const e = await rejectsWith(
      () => env.client.servers.create({ name: uniqueName('dc'), serverType: type.name, image: image.id, datacenter: 'fsn1-dc14' }),
      'invalid_input',
    );
    assert.equal(e.status, 400);
    assert.deepEqual(e.fields.map((f) => f.name), ['datacenter']);
    assert.ok(e.fields[0].messages.length > 0);
    assert.equal((lastReceived(env.sim, 'POST', '/servers').body as { datacenter?: string }).datacenter, 'fsn1-dc14');
  });

  it('2025-09-24 and 2026-04-01: server types carry locations[] with available, recommended and a per-location deprecation', async () => {
    const { server_types: wire } = await raw<{ server_types: ServerTypeSchema[] }>(env.sim, '/server_types?per_page=50');
    const types = await env.client.serverTypes.listAll();
    const date = (v: string) => new Date(v);
    assert.deepEqual(
      types.map((t) => [t.name, t.locations]),
      wire.map((w) => [
        w.name,
        w.locations?.map((l) => ({
          id: l.id,
          name: l.name,
          available: l.available ?? true,
          recommended: l.recommended ?? false,
          deprecation: l.deprecation ? { announced: date(l.deprecation.announced), unavailableAfter: date(l.deprecation.unavailable_after) } : undefined,
        })),
      ]),
    );
    const all = types.flatMap((t) => t.locations ?? []);
    assert.ok(types.every((t) => t.locations && t.locations.length > 0), 'every type lists its locations');
    assert.ok(all.some((l) => !l.available), 'some type is listed somewhere as not available');
    assert.ok(all.some((l) => l.recommended), 'some location is recommended');
    assert.ok(all.filter((l) => l.recommended).every((l) => l.available), 'a recommended location is available');
    const deprecated = all.find((l) => l.deprecation);
    assert.ok(deprecated?.deprecation, 'some type is deprecated in some location');
    assert.ok(deprecated.deprecation.announced < deprecated.deprecation.unavailableAfter);
    assert.ok(types.some((t) => t.architecture === 'arm') && types.some((t) => t.architecture === 'x86'), 'x86 and arm types');
  });

  it('2024-08-05: prices per location carry included traffic and the price per TB; the old type-level traffic reports 0', async () => {
    const { server_types: wire } = await raw<{ server_types: ServerTypeSchema[] }>(env.sim, '/server_types?per_page=50');
    const types = await env.client.serverTypes.listAll();
    for (const [i, t] of types.entries()) {
      const w = wire[i];
      assert.equal(t.prices.length, w.prices.length);
      assert.deepEqual(
        t.prices.map((p) => [p.location, p.includedTraffic, p.perTbTraffic]),
        w.prices.map((p) => [p.location, p.included_traffic, p.price_per_tb_traffic && { net: Number(p.price_per_tb_traffic.net), gross: Number(p.price_per_tb_traffic.gross), currency: 'EUR' }]),
      );
      for (const p of t.prices) {
        assert.ok((p.includedTraffic ?? 0) > 0, `${t.name} in ${p.location}: included traffic`);
        assert.ok(p.perTbTraffic && p.perTbTraffic.gross >= p.perTbTraffic.net && p.perTbTraffic.net > 0, `${t.name} in ${p.location}: price per TB`);
      }
    }
    const pricing = await env.client.pricing.get();
    for (const t of pricing.serverTypes) assert.ok(t.prices.every((p) => p.includedTraffic !== undefined && p.perTbTraffic !== undefined), `pricing of ${t.name}`);
    assert.ok(pricing.traffic.perTb === undefined || pricing.traffic.perTb.gross === 0, 'pricing.traffic is gone or 0');
  });

  it('2024: pricing.floating_ips per IP type and location', async () => {
    const { pricing: w } = await raw<PricingResponseSchema>(env.sim, '/pricing');
    const p = await env.client.pricing.get();
    assert.ok(p.floatingIps, 'floatingIps');
    assert.deepEqual(p.floatingIps.map((f) => f.type).sort(), ['ipv4', 'ipv6']);
    const locations = (await env.client.locations.listAll()).map((l) => l.name).sort();
    for (const f of p.floatingIps) {
      assert.deepEqual(f.prices.map((x) => x.location).sort(), locations, `${f.type}: a price in every location`);
      assert.ok(f.prices.every((x) => x.monthly && x.monthly.gross > x.monthly.net && x.monthly.currency === w.currency));
    }
    const ipv4 = w.floating_ips?.find((f) => f.type === 'ipv4');
    const fsn1 = ipv4?.prices.find((x) => x.location === 'fsn1');
    assert.ok(fsn1);
    assert.deepEqual(p.floatingIps.find((f) => f.type === 'ipv4')?.prices.find((x) => x.location === 'fsn1')?.monthly, {
      net: Number(fsn1.price_monthly.net),
      gross: Number(fsn1.price_monthly.gross),
      currency: w.currency,
    });
  });

  it('2025-01-30: GET /actions without an id filter is deprecated_api_endpoint, not retried; the per-kind lists and the id filter work', async () => {
    env.sim.clearRequests();
    const e = await rejectsWith(() => env.client.actions.list(), 'deprecated_api_endpoint');
    assert.equal(e.path, '/actions');
    await rejectsWith(() => env.client.actions.list({ status: 'running' }), 'deprecated_api_endpoint');
    await rejectsWith(() => env.client.actions.listAll(), 'deprecated_api_endpoint');
    assert.equal(received(env.sim, 'GET', '/actions').length, 3, 'one request each');

    // One action of each kind, then each kind's list.
    const [fip] = await env.client.floatingIps.listAll();
    const { image: snapshot, action: imageAction } = await env.client.servers.createImage(server.id, { description: 'kind lists' });
    const started: Action[] = [imageAction, await env.client.floatingIps.changeProtection(fip.id, { delete: false })];
    await settle(env, started);
    const protect = await env.client.images.changeProtection(snapshot.id, { delete: false });
    await settle(env, protect);

    const servers = await env.client.servers.listKindActions({ status: ['success'], sort: 'id:desc', perPage: 10 });
    const req = lastReceived(env.sim, 'GET', '/servers/actions');
    assert.deepEqual([req.query.status, req.query.sort, req.query.per_page], [['success'], ['id:desc'], ['10']]);
    assert.ok(servers.items.length > 0 && servers.items.length <= 10);
    assert.ok(servers.items.every((a) => a.status === 'success' && a.resources.some((r) => r.type === 'server')));
    for (let i = 1; i < servers.items.length; i++) assert.ok(servers.items[i].id < servers.items[i - 1].id);
    assert.ok((servers.pagination?.totalEntries ?? 0) >= servers.items.length);

    const fips = await env.client.floatingIps.listKindActions({ id: [started[1].id] });
    assert.deepEqual(lastReceived(env.sim, 'GET', '/floating_ips/actions').query.id, [String(started[1].id)]);
    assert.deepEqual(fips.items.map((a) => [a.id, a.command, a.status]), [[started[1].id, 'change_protection', 'success']]);

    const images = await env.client.images.listKindActions({ sort: 'id' });
    assert.ok(images.items.some((a) => a.id === protect.id && a.resources.some((r) => r.id === snapshot.id && r.type === 'image')));
    assert.ok(images.items.every((a) => a.resources.some((r) => r.type === 'image')));

    env.sim.clearRequests();
    const many = await env.client.actions.getMany([protect.id, started[1].id, started[0].id]);
    assert.deepEqual(many.map((a) => [a.id, a.status]), [[protect.id, 'success'], [started[1].id, 'success'], [started[0].id, 'success']]);
    assert.deepEqual(env.sim.requests.map((r) => [r.path, r.status]), [['/actions', 200]], 'one GET /actions?id=..');
  });

  it('2024-03: enable rescue with linux32 is refused; linux64 works', async () => {
    const e = await rejectsWith(() => env.client.servers.enableRescue(server.id, { type: 'linux32' }), 'invalid_input');
    assert.equal(e.status, 400);
    assert.deepEqual((lastReceived(env.sim, 'POST', `/servers/${server.id}/actions/enable_rescue`).body as { type?: string }).type, 'linux32');
    assert.equal((await env.client.servers.get(server.id))?.rescueEnabled, false);

    const ok = await env.client.servers.enableRescue(server.id, { type: 'linux64' });
    assert.ok(ok.rootPassword);
    await settle(env, ok.action);
    assert.equal((await env.client.servers.get(server.id))?.rescueEnabled, true);
    await settle(env, await env.client.servers.disableRescue(server.id));
  });

  it('when the id filter is refused too, the waiter falls back to GET /actions/{id}', async () => {
    const servers = (await env.client.servers.listAll()).filter((s) => s.status === 'running' && !s.locked).slice(0, 2);
    env.sim.setFaults({ failNext: 1, kind: 'status', statuses: [400], match: { method: 'GET', path: /^\/actions$/ } });
    env.sim.clearRequests();
    try {
      const several = await Promise.all(servers.map((s) => env.client.servers.reboot(s.id)));
      const all = await env.client.waitForActions(several, { pollMs: 20 });
      assert.deepEqual(all.map((a) => a.status), ['success', 'success']);
      assert.equal(received(env.sim, 'GET', '/actions').length, 1, 'the list form was tried once');
      assert.equal(lastReceived(env.sim, 'GET', '/actions').status, 400);
      for (const a of several) assert.ok(received(env.sim, 'GET', `/actions/${a.id}`).length >= 1);
    } finally {
      env.sim.setFaults({});
    }
  });
});
