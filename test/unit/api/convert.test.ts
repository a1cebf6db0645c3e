// Converters (wire -> domain) on spec-shaped fixtures (2018 and today's) and on malformed ones.
import * as assert from 'node:assert/strict';
import {
  convertAction,
  convertDatacenter,
  convertFloatingIp,
  convertImage,
  convertIso,
  convertLabels,
  convertLocation,
  convertMetrics,
  convertPricing,
  convertServer,
  convertServerType,
  convertSshKey,
  parseDecimal,
} from '../../../src/api/convert';
import type { ActionSchema, FloatingIpSchema, ImageSchema, MetricsSchema, PricingSchema, ServerSchema, ServerTypeSchema } from '../../../src/api/schema';

const location = { id: 1, name: 'fsn1', description: 'Falkenstein DC Park 1', country: 'DE', city: 'Falkenstein', latitude: 50.47612, longitude: 12.370071 };
const datacenter = { id: 1, name: 'fsn1-dc8', description: 'Falkenstein 1 DC 8', location, server_types: { supported: [1, 2], available: [1] } };
const serverType: ServerTypeSchema = {
  id: 1,
  name: 'cx11',
  description: 'CX11',
  cores: 1,
  memory: 1,
  disk: 25,
  prices: [{ location: 'fsn1', price_hourly: { net: '1.0000000000', gross: '1.1900000000000000' }, price_monthly: { net: '1.0000000000', gross: '1.1900000000000000' } }],
  storage_type: 'local',
  cpu_type: 'shared',
};
const image: ImageSchema = {
  id: 4711,
  type: 'snapshot',
  status: 'available',
  name: null,
  description: 'my image',
  image_size: 2.3,
  disk_size: 10,
  created: '2016-01-30T23:50:00+00:00',
  created_from: { id: 1, name: 'Server' },
  bound_to: null,
  os_flavor: 'ubuntu',
  os_version: '16.04',
  rapid_deploy: false,
  protection: { delete: false },
  deprecated: '2018-02-28T00:00:00+00:00',
};

function pricing(): PricingSchema {
  return {
    currency: 'USD',
    vat_rate: '19.00',
    image: { price_per_gb_month: { net: '0.0119', gross: '0.0141610000' } },
    floating_ip: { price_monthly: { net: '1.00', gross: '1.19' } },
    traffic: { price_per_tb: { net: '1.00', gross: '1.19' } },
    server_backup: { percentage: '20.0000000000' },
    server_types: [{ id: 4, name: 'CX11', prices: serverType.prices }],
  };
}

function server(overrides: Partial<ServerSchema> = {}): ServerSchema {
  return {
    id: 42,
    name: 'my-server',
    status: 'running',
    created: '2016-01-30T23:50:00+00:00',
    public_net: {
      ipv4: { ip: '1.2.3.4', blocked: false, dns_ptr: 'server01.example.com' },
      ipv6: { ip: '2001:db8::/64', blocked: false, dns_ptr: [{ ip: '2001:db8::1', dns_ptr: 'server.example.com' }] },
      floating_ips: [478],
    },
    server_type: serverType,
    datacenter,
    image,
    iso: null,
    rescue_enabled: false,
    locked: false,
    backup_window: '22-02',
    outgoing_traffic: 123456,
    ingoing_traffic: 123456,
    included_traffic: 654321,
    protection: { delete: false, rebuild: false },
    ...overrides,
  };
}

describe('convert', () => {
  it('converts a spec server to the domain shape (Dates, camelCase, location from the datacenter)', () => {
    const s = convertServer(server());
    assert.equal(s.id, 42);
    assert.equal(s.status, 'running');
    assert.equal(s.created.toISOString(), '2016-01-30T23:50:00.000Z');
    assert.deepEqual(s.publicNet, {
      ipv4: { ip: '1.2.3.4', blocked: false, dnsPtr: 'server01.example.com' },
      ipv6: { ip: '2001:db8::/64', blocked: false, dnsPtr: [{ ip: '2001:db8::1', dnsPtr: 'server.example.com' }] },
      floatingIpIds: [478],
    });
    assert.equal(s.location?.name, 'fsn1');
    assert.equal(s.datacenter?.name, 'fsn1-dc8');
    assert.deepEqual(s.datacenter?.serverTypes, { supported: [1, 2], available: [1] });
    assert.equal(s.serverType.prices[0].monthly?.gross, 1.19);
    assert.equal(s.image?.createdFrom?.name, 'Server');
    assert.equal(s.iso, undefined);
    assert.equal(s.backupWindow, '22-02');
    assert.equal(s.includedTraffic, 654321);
  });

  it('takes the top-level location when the datacenter is missing (live API drift)', () => {
    const w = server({ datacenter: undefined, location: { ...location, id: 3, name: 'hel1', city: 'Helsinki' } });
    delete w.datacenter;
    const s = convertServer(w);
    assert.equal(s.datacenter, undefined);
    assert.equal(s.location?.name, 'hel1');
    assert.equal(s.location?.city, 'Helsinki');
  });

  it('converts a server with neither datacenter nor location, null dns_ptr, null ipv4 and unknown fields', () => {
    const w = {
      ...server({ datacenter: undefined, backup_window: null, outgoing_traffic: null, status: 'hibernating' as never }),
      public_net: { ipv4: null, ipv6: { ip: '2001:db8::/64', blocked: true, dns_ptr: null }, floating_ips: [] },
      labels: { env: 'prod' },
      primary_disk_size: 20,
    } as unknown as ServerSchema;
    const s = convertServer(w);
    assert.equal(s.location, undefined);
    assert.equal(s.publicNet.ipv4, undefined);
    assert.deepEqual(s.publicNet.ipv6, { ip: '2001:db8::/64', blocked: true, dnsPtr: [] });
    assert.equal(s.status, 'unknown');
    assert.equal(s.backupWindow, undefined);
    assert.equal(s.outgoingTraffic, undefined);
    assert.deepEqual(s.labels, { env: 'prod' });
  });

  it('keeps server type prices as numbers and drops unreadable or missing ones', () => {
    const t = convertServerType({
      ...serverType,
      prices: [
        { location: 'fsn1', price_hourly: { net: '0.0050000000', gross: '0.0059500000' }, price_monthly: { net: '2.49', gross: 'n/a' } },
        { location: 'nbg1' } as never,
      ],
    });
    assert.deepEqual(t.prices[0].hourly, { net: 0.005, gross: 0.00595, currency: 'EUR' });
    assert.equal(t.prices[0].monthly, undefined);
    assert.deepEqual(t.prices[1], { location: 'nbg1', hourly: undefined, monthly: undefined, includedTraffic: undefined, perTbTraffic: undefined });
    assert.deepEqual(convertServerType({ ...serverType, prices: undefined as never }).prices, []);
  });

  it('converts pricing with its currency and numeric rates', () => {
    const p = convertPricing(pricing());
    assert.equal(p.currency, 'USD');
    assert.equal(p.vatRate, 19);
    assert.equal(p.serverBackupPercentage, 20);
    assert.deepEqual(p.floatingIp.monthly, { net: 1, gross: 1.19, currency: 'USD' });
    assert.equal(p.image.perGbMonth?.gross, 0.014161);
    assert.equal(p.serverTypes[0].prices[0].hourly?.currency, 'USD');
  });

  it('converts actions, with an error, and infers a status it does not know', () => {
    const w: ActionSchema = {
      id: 13,
      command: 'start_server',
      status: 'error',
      progress: 100,
      started: '2016-01-30T23:55:00+00:00',
      finished: '2016-01-30T23:56:00+00:00',
      resources: [{ id: 42, type: 'server' }],
      error: { code: 'action_failed', message: 'Action failed' },
    };
    const a = convertAction(w);
    assert.equal(a.status, 'error');
    assert.equal(a.finished?.toISOString(), '2016-01-30T23:56:00.000Z');
    assert.deepEqual(a.error, { code: 'action_failed', message: 'Action failed' });
    assert.deepEqual(a.resources, [{ id: 42, type: 'server' }]);
    assert.equal(convertAction({ ...w, status: 'queued' as never, finished: null, error: null }).status, 'running');
    assert.equal(convertAction({ ...w, status: 'done' as never, error: null }).status, 'success');
    const running = convertAction({ ...w, status: 'running', finished: null, error: null });
    assert.equal(running.finished, undefined);
    assert.equal(running.error, undefined);
  });

  it('converts metrics to parallel arrays of UNIX seconds and numbers, unreadable values as gaps', () => {
    const w: MetricsSchema = {
      start: '2017-01-01T00:00:00+00:00',
      end: '2017-01-01T23:00:00+00:00',
      step: 60,
      time_series: {
        cpu: { values: [[1435781470.622, '42'], [1435781471.622, '43.5'], [1435781472.622, 'NaN']] },
        'disk.0.iops.read': { values: [['1435781470' as never, '7']] },
      },
    };
    const m = convertMetrics(w);
    assert.equal(m.start.toISOString(), '2017-01-01T00:00:00.000Z');
    assert.equal(m.step, 60);
    assert.deepEqual(m.series.cpu, { timestamps: [1435781470.622, 1435781471.622, 1435781472.622], values: [42, 43.5, null] });
    assert.deepEqual(m.series['disk.0.iops.read'], { timestamps: [1435781470], values: [7] });
  });

  it('converts Floating IPs, images and datacenters with nulls', () => {
    const w: FloatingIpSchema = {
      id: 4711,
      description: null,
      ip: '2001:db8::/64',
      type: 'ipv6',
      server: null,
      dns_ptr: [{ ip: '2001:db8::1', dns_ptr: 'a.example.com' }],
      home_location: location,
      blocked: false,
      protection: { delete: true },
    };
    const f = convertFloatingIp(w);
    assert.equal(f.description, undefined);
    assert.equal(f.serverId, undefined);
    assert.deepEqual(f.dnsPtr, [{ ip: '2001:db8::1', dnsPtr: 'a.example.com' }]);
    assert.equal(f.homeLocation.name, 'fsn1');
    assert.equal(f.protection.delete, true);

    const i = convertImage({ ...image, type: 'app' as never, image_size: null, created_from: null, deprecated: null, protection: undefined as never });
    assert.equal(i.type, 'app');
    assert.equal(i.imageSize, undefined);
    assert.equal(i.createdFrom, undefined);
    assert.equal(i.deprecated, undefined);
    assert.equal(i.protection.delete, false);
    assert.equal(convertImage(image).deprecated?.toISOString(), '2018-02-28T00:00:00.000Z');

    assert.deepEqual(convertDatacenter({ ...datacenter, server_types: undefined as never }).serverTypes, { supported: [], available: [] });
  });

  it('converts a 2018 answer with every field of today\'s API undefined', () => {
    const s = convertServer(server());
    assert.deepEqual([s.labels, s.serverType.architecture, s.serverType.locations, s.serverType.deprecation, s.image?.labels, s.image?.architecture], [undefined, undefined, undefined, undefined, undefined, undefined]);
    assert.deepEqual([s.serverType.prices[0].includedTraffic, s.serverType.prices[0].perTbTraffic, s.location?.networkZone], [undefined, undefined, undefined]);
    assert.equal(convertPricing({ ...pricing(), floating_ips: undefined }).floatingIps, undefined);
  });

  it('labels: an object of strings; {} stays {}; anything else is undefined', () => {
    assert.deepEqual(convertLabels({ env: 'prod', 'example.com/tier': '' }), { env: 'prod', 'example.com/tier': '' });
    assert.deepEqual(convertLabels({}), {});
    for (const bad of [undefined, null, 'env=prod', ['env'], 3, { env: 1 }, { env: null }]) assert.equal(convertLabels(bad), undefined, JSON.stringify(bad));
    const labels = { env: 'prod' };
    const converted = convertLabels(labels);
    assert.notEqual(converted, labels, 'a copy, not the wire object');
    const hostile = convertLabels(JSON.parse('{"__proto__": "x", "env": "prod"}'));
    assert.deepEqual(Object.keys(hostile ?? {}), ['__proto__', 'env'], 'a __proto__ key from the wire stays a plain key');
    assert.equal(Object.getPrototypeOf(hostile), Object.prototype);
    assert.deepEqual(convertSshKey({ id: 1, name: 'k', fingerprint: 'f', public_key: 'p', labels: {} }).labels, {});
    assert.equal(convertSshKey({ id: 1, name: 'k', fingerprint: 'f', public_key: 'p' }).labels, undefined);
  });

  it('server types of today: architecture, deprecation (Dates), locations[] (available missing = true, recommended missing = false)', () => {
    const t = convertServerType({
      ...serverType,
      architecture: 'arm',
      deprecation: { announced: '2026-01-01T00:00:00Z', unavailable_after: '2026-04-01T00:00:00Z' },
      locations: [
        { id: 1, name: 'fsn1', available: true, recommended: true, deprecation: null },
        { id: 2, name: 'nbg1', deprecation: { announced: '2026-02-01T00:00:00Z', unavailable_after: '2026-05-01T00:00:00Z' } },
        { id: 3, name: 'hel1', available: false, recommended: false, deprecation: { announced: 'soon', unavailable_after: '2026-05-01T00:00:00Z' } },
        { id: 4, available: true } as never,
        null as never,
        { id: 5, name: 'ash', available: 'yes' as never, recommended: 'yes' as never, deprecation: 'soon' as never },
      ],
      prices: [{ ...serverType.prices[0], included_traffic: 21990232555520, price_per_tb_traffic: { net: '1.0000000000', gross: '1.1900000000' } }],
    });
    assert.equal(t.architecture, 'arm');
    assert.deepEqual(t.deprecation, { announced: new Date('2026-01-01T00:00:00Z'), unavailableAfter: new Date('2026-04-01T00:00:00Z') });
    assert.deepEqual(t.locations, [
      { id: 1, name: 'fsn1', available: true, recommended: true, deprecation: undefined },
      { id: 2, name: 'nbg1', available: true, recommended: false, deprecation: { announced: new Date('2026-02-01T00:00:00Z'), unavailableAfter: new Date('2026-05-01T00:00:00Z') } },
      { id: 3, name: 'hel1', available: false, recommended: false, deprecation: undefined },
      { id: 5, name: 'ash', available: true, recommended: false, deprecation: undefined },
    ]);
    assert.equal(t.prices[0].includedTraffic, 21990232555520);
    assert.deepEqual(t.prices[0].perTbTraffic, { net: 1, gross: 1.19, currency: 'EUR' });

    const odd = convertServerType({ ...serverType, architecture: 7 as never, locations: {} as never, deprecation: null, prices: [{ ...serverType.prices[0], included_traffic: '1' as never, price_per_tb_traffic: 'n/a' as never }] });
    assert.deepEqual([odd.architecture, odd.locations, odd.deprecation, odd.prices[0].includedTraffic, odd.prices[0].perTbTraffic], [undefined, undefined, undefined, undefined, undefined]);
    assert.deepEqual(convertServerType({ ...serverType, locations: [] }).locations, [], 'an empty list still says "today\'s API"');
  });

  it('pricing.floating_ips per IP type and location; malformed entries are left out', () => {
    const p = convertPricing({
      ...pricing(),
      floating_ips: [
        { type: 'ipv4', prices: [{ location: 'fsn1', price_monthly: { net: '3.00', gross: '3.57' } }, { location: 'nbg1', price_monthly: null as never }, { price_monthly: {} } as never] },
        { type: 'ipv6', prices: null as never },
        { type: 'ipv5' as never, prices: [] },
        null as never,
      ],
    });
    assert.deepEqual(p.floatingIps, [
      { type: 'ipv4', prices: [{ location: 'fsn1', monthly: { net: 3, gross: 3.57, currency: 'USD' } }, { location: 'nbg1', monthly: undefined }] },
      { type: 'ipv6', prices: [] },
    ]);
    assert.equal(convertPricing({ ...pricing(), floating_ips: 'none' as never }).floatingIps, undefined);
    const noOld = convertPricing({ ...pricing(), floating_ip: undefined, traffic: undefined });
    assert.deepEqual([noOld.floatingIp.monthly, noOld.traffic.perTb], [undefined, undefined]);
  });

  it('Floating IP name and labels, location network_zone, image architecture and labels', () => {
    const fip: FloatingIpSchema = { id: 1, description: null, ip: '192.0.2.1', type: 'ipv4', server: null, dns_ptr: [], home_location: { ...location, network_zone: 'eu-central' }, blocked: false, protection: { delete: false }, name: 'ingress', labels: { env: 'prod' } };
    const f = convertFloatingIp(fip);
    assert.deepEqual([f.name, f.labels, f.homeLocation.networkZone], ['ingress', { env: 'prod' }, 'eu-central']);
    const bad = convertFloatingIp({ ...fip, name: 42 as never, labels: 'env=prod' as never });
    assert.deepEqual([bad.name, bad.labels], [undefined, undefined]);
    assert.equal(convertLocation({ ...location, network_zone: null as never }).networkZone, undefined);
    const i = convertImage({ ...image, architecture: 'arm', labels: {} });
    assert.deepEqual([i.architecture, i.labels], ['arm', {}]);
  });

  it('ISOs: deprecation as Dates, deprecated from `deprecated` (2018) or `deprecation.announced` (today), architecture', () => {
    const base = { id: 1, name: 'virtio-win.iso', description: 'Drivers', type: 'public' as const };
    assert.equal(convertIso({ ...base, deprecated: '2018-02-28T00:00:00+00:00' }).deprecated?.toISOString(), '2018-02-28T00:00:00.000Z');
    const today = convertIso({ ...base, architecture: 'x86', deprecation: { announced: '2026-01-01T00:00:00Z', unavailable_after: '2026-03-01T00:00:00Z' } });
    assert.deepEqual(today.deprecation, { announced: new Date('2026-01-01T00:00:00Z'), unavailableAfter: new Date('2026-03-01T00:00:00Z') });
    assert.equal(today.deprecated?.toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(today.architecture, 'x86');
    const none = convertIso({ ...base, architecture: null, deprecation: null });
    assert.deepEqual([none.deprecated, none.deprecation, none.architecture], [undefined, undefined, undefined]);
    const broken = convertIso({ ...base, deprecation: { announced: 'yesterday', unavailable_after: '2026-03-01T00:00:00Z' } });
    assert.deepEqual([broken.deprecated, broken.deprecation], [undefined, undefined]);
  });

  it('parses decimals strictly', () => {
    assert.equal(parseDecimal('1.1900000000000000'), 1.19);
    assert.equal(parseDecimal(''), undefined);
    assert.equal(parseDecimal('abc'), undefined);
    assert.equal(parseDecimal(null), undefined);
    assert.equal(parseDecimal(3), 3);
  });
});
