// Converters (wire -> domain) on spec-shaped fixtures and on drifted ones.
import * as assert from 'node:assert/strict';
import {
  convertAction,
  convertDatacenter,
  convertFloatingIp,
  convertImage,
  convertMetrics,
  convertPricing,
  convertServer,
  convertServerType,
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
    assert.equal('labels' in s, false);
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
    assert.deepEqual(t.prices[1], { location: 'nbg1', hourly: undefined, monthly: undefined });
    assert.deepEqual(convertServerType({ ...serverType, prices: undefined as never }).prices, []);
  });

  it('converts pricing with its currency and numeric rates', () => {
    const w: PricingSchema = {
      currency: 'USD',
      vat_rate: '19.00',
      image: { price_per_gb_month: { net: '0.0119', gross: '0.0141610000' } },
      floating_ip: { price_monthly: { net: '1.00', gross: '1.19' } },
      traffic: { price_per_tb: { net: '1.00', gross: '1.19' } },
      server_backup: { percentage: '20.0000000000' },
      server_types: [{ id: 4, name: 'CX11', prices: serverType.prices }],
    };
    const p = convertPricing(w);
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

  it('parses decimals strictly', () => {
    assert.equal(parseDecimal('1.1900000000000000'), 1.19);
    assert.equal(parseDecimal(''), undefined);
    assert.equal(parseDecimal('abc'), undefined);
    assert.equal(parseDecimal(null), undefined);
    assert.equal(parseDecimal(3), 3);
  });
});
