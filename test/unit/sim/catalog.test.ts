import * as assert from 'node:assert/strict';
import { FakeClock, fieldNames, withSim, type Json } from './helpers';

describe('sim: catalog (server types, locations, datacenters, ISOs, images, pricing)', () => {
  const clock = new FakeClock();
  const api = withSim({ api: '2018', now: clock.now });

  it('lists server types with prices per location as 4-decimal strings at 19 % VAT', async () => {
    const res = await api.get('/server_types');
    assert.equal(res.status, 200);
    const cx11 = res.body.server_types.find((t: Json) => t.name === 'cx11');
    assert.deepEqual(
      { cores: cx11.cores, memory: cx11.memory, disk: cx11.disk, storage_type: cx11.storage_type, cpu_type: cx11.cpu_type },
      { cores: 1, memory: 2, disk: 20, storage_type: 'local', cpu_type: 'shared' },
    );
    assert.deepEqual(
      cx11.prices.map((p: Json) => p.location),
      ['fsn1', 'nbg1', 'hel1'],
    );
    assert.deepEqual(cx11.prices[0].price_monthly, { net: '3.2900', gross: '3.9151' });
    assert.equal(res.body.meta.pagination.total_entries, res.body.server_types.length);
  });

  it('filters server types by name and gets one by id', async () => {
    const res = await api.get('/server_types?name=cpx21');
    assert.deepEqual(
      res.body.server_types.map((t: Json) => t.id),
      [23],
    );
    const one = await api.get('/server_types/23');
    assert.equal(one.body.server_type.name, 'cpx21');
    assert.equal((await api.get('/server_types/999')).status, 404);
  });

  it('lists locations with real coordinates and filters by name', async () => {
    const res = await api.get('/locations');
    assert.deepEqual(
      res.body.locations.map((l: Json) => l.name),
      ['fsn1', 'nbg1', 'hel1'],
    );
    const fsn1 = (await api.get('/locations/1')).body.location;
    assert.deepEqual(fsn1, {
      id: 1,
      name: 'fsn1',
      description: 'Falkenstein DC Park 1',
      country: 'DE',
      city: 'Falkenstein',
      latitude: 50.47612,
      longitude: 12.370071,
    });
    assert.equal((await api.get('/locations?name=hel1')).body.locations[0].country, 'FI');
  });

  it('lists datacenters with a recommendation and validates the name filter format', async () => {
    const res = await api.get('/datacenters');
    assert.equal(res.status, 200);
    assert.equal(typeof res.body.recommendation, 'number');
    assert.ok(res.body.datacenters.some((d: Json) => d.id === res.body.recommendation));
    const nbg = (await api.get('/datacenters?name=nbg1-dc3')).body.datacenters;
    assert.equal(nbg.length, 1);
    assert.equal(nbg[0].location.name, 'nbg1');
    assert.ok(nbg[0].server_types.supported.includes(12));
    assert.ok(!nbg[0].server_types.available.includes(12));
    assert.deepEqual((await api.get('/datacenters?name=fsn1-dc99')).body.datacenters, []);
    const bad = await api.get('/datacenters?name=fsn1');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid_input');
    assert.deepEqual(fieldNames(bad), ['name']);
    assert.equal((await api.get('/datacenters/4')).body.datacenter.name, 'fsn1-dc14');
  });

  it('hides ISOs deprecated in the past from the list but returns them by id', async () => {
    const list = (await api.get('/isos')).body.isos;
    assert.ok(!list.some((i: Json) => i.id === 4710));
    assert.ok(list.some((i: Json) => i.type === 'private' && i.name === null));
    assert.ok(list.some((i: Json) => i.deprecated !== null), 'an ISO deprecated in the future is still listed');
    const old = await api.get('/isos/4710');
    assert.equal(old.status, 200);
    assert.ok(Date.parse(old.body.iso.deprecated) < clock.ms);
    assert.equal((await api.get('/isos?name=FreeBSD-11.0-RELEASE-amd64-dvd1')).body.isos[0].id, 4711);
  });

  it('answers the price list', async () => {
    const { pricing } = (await api.get('/pricing')).body;
    assert.equal(pricing.currency, 'EUR');
    assert.equal(pricing.vat_rate, '19.00');
    assert.deepEqual(pricing.floating_ip.price_monthly, { net: '1.0000', gross: '1.1900' });
    assert.equal(pricing.server_backup.percentage, '20');
    assert.ok(pricing.server_types.find((t: Json) => t.name === 'cx21').prices.length === 3);
  });

  describe('images', () => {
    it('hides system images deprecated in the past but returns them by id', async () => {
      const names = (await api.get('/images?type=system&per_page=50')).body.images.map((i: Json) => i.name);
      assert.ok(names.includes('ubuntu-22.04'));
      assert.ok(names.includes('ubuntu-18.04'), 'deprecated in the future: still listed');
      assert.ok(!names.includes('centos-7'));
      const centos = await api.get('/images/3');
      assert.equal(centos.body.image.name, 'centos-7');
      assert.ok(Date.parse(centos.body.image.deprecated) < clock.ms);
    });

    it('filters by type (repeatable), bound_to and name', async () => {
      const both = (await api.get('/images?type=snapshot&type=backup&per_page=50')).body.images;
      assert.deepEqual([...new Set(both.map((i: Json) => i.type))].sort(), ['backup', 'snapshot']);
      const backups = (await api.get('/images?bound_to=44')).body.images;
      assert.equal(backups.length, 3);
      assert.ok(backups.every((i: Json) => i.type === 'backup' && i.bound_to === 44 && i.created_from.name === 'db-main'));
      assert.deepEqual(
        (await api.get('/images?name=debian-12')).body.images.map((i: Json) => i.id),
        [7],
      );
    });

    it('sorts by name, created and id descending', async () => {
      const byName = (await api.get('/images?type=system&sort=name')).body.images.map((i: Json) => i.name);
      assert.deepEqual(byName, [...byName].sort());
      const byCreated = (await api.get('/images?sort=created:desc&per_page=50')).body.images.map((i: Json) => i.created);
      assert.deepEqual(byCreated, [...byCreated].sort().reverse());
      const ids = (await api.get('/images?sort=id:desc&per_page=50')).body.images.map((i: Json) => i.id);
      assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
    });

    it('rejects unknown type filters, bound_to values and sort fields', async () => {
      for (const query of ['type=iso', 'bound_to=abc', 'sort=size', 'sort=name:up']) {
        const res = await api.get(`/images?${query}`);
        assert.equal(res.status, 400, query);
        assert.equal(res.body.error.code, 'invalid_input', query);
        assert.deepEqual(fieldNames(res), [query.split('=')[0]], query);
      }
    });
  });
});
