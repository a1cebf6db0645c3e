// The changes since 2018 that break a 2018 client (Hetzner's API changelog; the Primary IP rows aside), one test per
// row: the same request against the 2026 mode (today's answer) and the 2018 mode (the contract's answer).
import * as assert from 'node:assert/strict';
import { FakeClock, fieldNames, withSim, type Answer, type Json } from './helpers';

const DAY = 24 * 3600 * 1000;
const TB20 = 20 * 1024 ** 4;

function expectError(res: Answer, status: number, code: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.equal(res.body.error.code, code);
  assert.equal(typeof res.body.error.message, 'string');
  assert.ok(res.body.error.message.length > 0);
}

describe('sim: the breaking table, 2026 mode vs 2018 mode', () => {
  const clock = new FakeClock();
  const today = withSim({ api: '2026', now: clock.now, actionMs: 1000 });
  const contract = withSim({ api: '2018', now: clock.now, actionMs: 1000 });

  it('2026-10-01: GET /datacenters and /datacenters/{id} answer 410 deprecated_api_endpoint (2018: 200)', async () => {
    for (const path of ['/datacenters', '/datacenters/4', '/datacenters?name=fsn1-dc14']) {
      const gone = await today.get(path);
      expectError(gone, 410, 'deprecated_api_endpoint');
      assert.deepEqual(gone.body.error.details, {});
    }
    const list = await contract.get('/datacenters');
    assert.equal(list.status, 200);
    assert.equal(list.body.recommendation, 4);
    assert.equal((await contract.get('/datacenters/4')).body.datacenter.name, 'fsn1-dc14');
  });

  it('2026-07-01: servers carry location, not datacenter; datacenter in a create body is invalid_input (2018: both fine)', async () => {
    const { server } = (await today.get('/servers/42')).body;
    assert.equal('datacenter' in server, false);
    assert.deepEqual([server.location.name, server.location.network_zone], ['fsn1', 'eu-central']);
    assert.ok((await today.get('/servers')).body.servers.every((s: Json) => !('datacenter' in s) && s.location?.name));
    const refused = await today.post('/servers', { name: 'dc', server_type: 'cx11', image: 'ubuntu-22.04', datacenter: 'fsn1-dc14' });
    expectError(refused, 400, 'invalid_input');
    assert.deepEqual(fieldNames(refused), ['datacenter']);
    assert.ok(refused.body.error.details.fields[0].messages[0].length > 0);

    const old = (await contract.get('/servers/42')).body.server;
    assert.equal(old.datacenter.name, 'fsn1-dc14');
    assert.equal('location' in old, false);
    assert.equal('network_zone' in old.datacenter.location, false);
    const made = await contract.post('/servers', { name: 'dc', server_type: 'cx11', image: 'ubuntu-22.04', datacenter: 'nbg1-dc3' });
    assert.equal(made.status, 201);
    assert.equal(made.body.server.datacenter.name, 'nbg1-dc3');
  });

  it('2025-09-24 / 2026-04-01: server types carry locations[] with available, recommended and deprecation (2018: none)', async () => {
    const types = (await today.get('/server_types')).body.server_types as Json[];
    const byName = (name: string) => types.find((t) => t.name === name);
    for (const t of types) {
      assert.equal(t.locations.filter((l: Json) => l.recommended).length, 1, `${t.name}: one recommended location`);
      for (const l of t.locations) assert.deepEqual(Object.keys(l).sort(), ['available', 'deprecation', 'id', 'name', 'recommended']);
    }
    // cx11 leaves hel1 in the future: still available there, marked.
    const cx11hel = byName('cx11').locations.find((l: Json) => l.name === 'hel1');
    assert.equal(cx11hel.available, true);
    assert.ok(Date.parse(cx11hel.deprecation.unavailable_after) > clock.ms);
    assert.ok(Date.parse(cx11hel.deprecation.announced) < clock.ms);
    // cx31 left nbg1: listed there, not available; its other locations are fine.
    const cx31 = byName('cx31').locations;
    assert.deepEqual(
      cx31.map((l: Json) => [l.name, l.available]),
      [['fsn1', true], ['nbg1', false], ['hel1', true]],
    );
    assert.ok(Date.parse(cx31[1].deprecation.unavailable_after) < clock.ms);
    // ccx12: in nbg1's table but not available there; Ceph types are not offered in hel1 at all.
    assert.equal(byName('ccx12').locations.find((l: Json) => l.name === 'nbg1').available, false);
    assert.deepEqual(
      byName('cx11-ceph').locations.map((l: Json) => l.name),
      ['fsn1', 'nbg1'],
    );
    // Type-level deprecation of an old type, and its locations inherit it.
    const ceph = byName('cx11-ceph');
    assert.equal(ceph.deprecated, true);
    assert.ok(Date.parse(ceph.deprecation.unavailable_after) > clock.ms);
    assert.deepEqual(ceph.locations[0].deprecation, ceph.deprecation);
    assert.deepEqual([byName('cx21').deprecated, byName('cx21').deprecation], [false, null]);

    // The same tables in 2018: nbg1-dc3 has neither ccx12 nor cx31 available; server types have no locations.
    const nbg = (await contract.get('/datacenters?name=nbg1-dc3')).body.datacenters[0];
    assert.ok(!nbg.server_types.available.includes(12) && !nbg.server_types.available.includes(5));
    assert.ok(nbg.server_types.supported.includes(5));
    const oldTypes = (await contract.get('/server_types')).body.server_types as Json[];
    assert.ok(oldTypes.every((t) => !('locations' in t) && !('deprecation' in t) && !('architecture' in t)));
  });

  it('server creation places by locations[]: recommended without a location; not available -> resource_unavailable; not offered -> placement_error', async () => {
    const create = (body: Json) => today.post('/servers', { image: 'ubuntu-22.04', ...body });
    const plain = await create({ name: 'placed', server_type: 'cx21' });
    assert.equal(plain.status, 201);
    assert.equal(plain.body.server.location.name, 'fsn1', 'the recommended location');
    const ccx = (await today.get('/server_types?name=ccx12')).body.server_types[0];
    assert.equal(ccx.locations.find((l: Json) => l.recommended).name, 'fsn1');
    expectError(await create({ name: 'gone', server_type: 'cx31', location: 'nbg1' }), 412, 'resource_unavailable');
    expectError(await create({ name: 'busy', server_type: 'ccx12', location: 'nbg1' }), 412, 'resource_unavailable');
    expectError(await create({ name: 'noceph', server_type: 'cx11-ceph', location: 'hel1' }), 412, 'placement_error');
    expectError(await create({ name: 'noarm', server_type: 'cax11', location: 'hel1' }), 412, 'placement_error');
    const marked = await create({ name: 'marked', server_type: 'cx11', location: 'hel1' });
    assert.equal(marked.status, 201, 'a type deprecated in a location stays creatable until the date');
    clock.advance(61 * DAY);
    try {
      const late = (await today.get('/server_types?name=cx11')).body.server_types[0].locations.find((l: Json) => l.name === 'hel1');
      assert.equal(late.available, false, 'after unavailable_after it is no longer available');
      expectError(await create({ name: 'late', server_type: 'cx11', location: 'hel1' }), 412, 'resource_unavailable');
    } finally {
      clock.advance(-61 * DAY);
    }
    // 2018 keeps its datacenter rules: cx31 is no longer available in nbg1-dc3 there either (one table for both).
    expectError(await contract.post('/servers', { name: 'gone', server_type: 'cx31', image: 'ubuntu-22.04', location: 'nbg1' }), 412, 'placement_error');
  });

  it('2024-08-05: traffic per location in prices[]; server_type.included_traffic and pricing.traffic report 0 (2018: the old shape)', async () => {
    const cx21 = (await today.get('/server_types?name=cx21')).body.server_types[0];
    assert.equal(cx21.included_traffic, 0);
    for (const p of cx21.prices) {
      assert.equal(p.included_traffic, TB20);
      assert.deepEqual(p.price_per_tb_traffic, { net: '1.0000', gross: '1.1900' });
    }
    const pricing = (await today.get('/pricing')).body.pricing;
    assert.deepEqual(pricing.traffic.price_per_tb, { net: '0.0000', gross: '0.0000' });
    assert.equal(pricing.server_types.find((t: Json) => t.name === 'cx21').prices[0].included_traffic, TB20);

    const old = (await contract.get('/server_types?name=cx21')).body.server_types[0];
    assert.equal('included_traffic' in old, false);
    assert.deepEqual(Object.keys(old.prices[0]).sort(), ['location', 'price_hourly', 'price_monthly']);
    assert.deepEqual((await contract.get('/pricing')).body.pricing.traffic.price_per_tb, { net: '1.0000', gross: '1.1900' });
  });

  it('2024: pricing.floating_ips per IP type and location, IPv6 cheaper; floating_ip kept, deprecated (2018: floating_ip only)', async () => {
    const pricing = (await today.get('/pricing')).body.pricing;
    assert.deepEqual(
      pricing.floating_ips.map((f: Json) => f.type),
      ['ipv4', 'ipv6'],
    );
    const [v4, v6] = pricing.floating_ips;
    assert.deepEqual(
      v4.prices.map((p: Json) => p.location),
      ['fsn1', 'nbg1', 'hel1'],
    );
    assert.deepEqual(v4.prices[0].price_monthly, { net: '3.0000', gross: '3.5700' });
    assert.ok(Number(v6.prices[0].price_monthly.net) < Number(v4.prices[0].price_monthly.net));
    assert.deepEqual(pricing.floating_ip.price_monthly, v4.prices[0].price_monthly);
    const old = (await contract.get('/pricing')).body.pricing;
    assert.equal('floating_ips' in old, false);
    assert.deepEqual(old.floating_ip.price_monthly, { net: '1.0000', gross: '1.1900' });
  });

  it('2024-03: rescue type linux64 only; linux32 and freebsd64 are invalid_input on type (2018: all three)', async () => {
    for (const type of ['linux32', 'freebsd64']) {
      const refused = await today.post('/servers/43/actions/enable_rescue', { type });
      expectError(refused, 400, 'invalid_input');
      assert.deepEqual(fieldNames(refused), ['type']);
    }
    assert.equal((await today.post('/servers/43/actions/enable_rescue', { type: 'linux64' })).status, 201);
    assert.equal((await contract.post('/servers/43/actions/enable_rescue', { type: 'freebsd64' })).status, 201);
    clock.advance(2000);
    assert.equal((await contract.post('/servers/43/actions/disable_rescue')).status, 201);
    clock.advance(2000);
    assert.equal((await contract.post('/servers/43/actions/enable_rescue', { type: 'linux32' })).status, 201);
  });

  it('2025-01-30: unfiltered GET /actions is 410 deprecated_api_endpoint, ?id= works, the per-kind lists exist (2018: the reverse)', async () => {
    expectError(await today.get('/actions'), 410, 'deprecated_api_endpoint');
    expectError(await today.get('/actions?status=running'), 410, 'deprecated_api_endpoint');
    const one = await today.get('/actions?id=1300&id=1301');
    assert.deepEqual(
      one.body.actions.map((a: Json) => a.id),
      [1300, 1301],
    );
    assert.equal((await contract.get('/actions')).status, 200);
    for (const path of ['/servers/actions', '/floating_ips/actions', '/images/actions', '/servers/actions/1300']) {
      expectError(await contract.get(path), 404, 'not_found');
    }
  });
});

describe('sim: per-kind action lists (2026)', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: 1000 });
  const kindOf = (a: Json) => a.resources[0].type;

  it('each list holds the actions started on its kind; together they hold every action once', async () => {
    const all: number[] = [];
    for (const [path, kind] of [
      ['/servers/actions', 'server'],
      ['/floating_ips/actions', 'floating_ip'],
      ['/images/actions', 'image'],
      ['/volumes/actions', 'volume'],
      ['/firewalls/actions', 'firewall'],
    ]) {
      const res = await api.get(`${path}?per_page=50`);
      assert.equal(res.status, 200, path);
      assert.ok(res.body.actions.length > 0, path);
      assert.ok(
        res.body.actions.every((a: Json) => kindOf(a) === kind),
        path,
      );
      all.push(...res.body.actions.map((a: Json) => a.id));
      assert.equal(res.body.meta.pagination.total_entries, res.body.actions.length);
    }
    const total = api.sim.state.actions.size;
    assert.equal(all.length, total);
    assert.equal(new Set(all).size, total);
  });

  it('takes id (repeatable), status, sort, page and per_page; GET /servers/actions/{id}', async () => {
    const started = await api.post('/servers/42/actions/reboot');
    const id = started.body.action.id;
    const running = await api.get('/servers/actions?status=running');
    assert.deepEqual(
      running.body.actions.map((a: Json) => a.id),
      [id],
    );
    const sorted = await api.get('/servers/actions?sort=id:desc&per_page=2&page=2');
    assert.equal(sorted.body.actions.length, 2);
    assert.ok(sorted.body.actions[0].id > sorted.body.actions[1].id);
    assert.equal(sorted.body.meta.pagination.page, 2);
    assert.match(sorted.headers.get('link') ?? '', /\/servers\/actions\?sort=id%3Adesc&page=3&per_page=2>; rel="next"/);
    const byIds = await api.get(`/servers/actions?id=${id}&id=1300`);
    assert.deepEqual(byIds.body.actions.map((a: Json) => a.id).sort(), [1300, id].sort());
    assert.equal((await api.get(`/servers/actions/${id}`)).body.action.command, 'reboot_server');
    assert.equal((await api.get(`/floating_ips/actions/${id}`)).status, 404, 'not an action of that kind');
    const bad = await api.get('/servers/actions?status=sleeping');
    assert.deepEqual(fieldNames(bad), ['status']);
    assert.deepEqual(fieldNames(await api.get('/images/actions?id=abc')), ['id']);
  });

  it('the router does not take /servers/actions for /servers/{id}', async () => {
    assert.ok(Array.isArray((await api.get('/servers/actions')).body.actions));
    assert.equal((await api.get('/servers/42')).body.server.id, 42);
    assert.ok(Array.isArray((await api.get('/servers/42/actions')).body.actions));
    assert.equal((await api.put('/servers/actions', { name: 'x' })).status, 404);
  });
});
