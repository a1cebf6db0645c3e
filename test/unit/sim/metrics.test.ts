import * as assert from 'node:assert/strict';
import { FakeClock, fieldNames, withSim, type Json } from './helpers';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('sim: server metrics', () => {
  const clock = new FakeClock(Date.UTC(2024, 4, 15, 12, 0, 0));
  const api = withSim({ now: clock.now, actionMs: 1000 });

  const iso = (ms: number) => new Date(ms).toISOString();
  const metrics = async (id: number, type: string, startMs: number, endMs: number, step?: number): Promise<Json> => {
    const res = await api.get(`/servers/${id}/metrics?type=${type}&start=${iso(startMs)}&end=${iso(endMs)}${step ? `&step=${step}` : ''}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.metrics;
  };

  it('answers the spec series names per type', async () => {
    const m = await metrics(42, 'cpu,disk,network', clock.ms - HOUR, clock.ms, 60);
    assert.deepEqual(Object.keys(m.time_series).sort(), [
      'cpu',
      'disk.0.bandwidth.read',
      'disk.0.bandwidth.write',
      'disk.0.iops.read',
      'disk.0.iops.write',
      'network.0.bandwidth.in',
      'network.0.bandwidth.out',
      'network.0.pps.in',
      'network.0.pps.out',
    ]);
    assert.deepEqual(Object.keys((await metrics(42, 'disk', clock.ms - HOUR, clock.ms)).time_series).length, 4);
  });

  it('returns [unix seconds, string] pairs aligned to the step within start..end', async () => {
    const start = clock.ms - 2 * HOUR + 17_000;
    const m = await metrics(42, 'cpu', start, clock.ms, 60);
    assert.equal(m.step, 60);
    const values: Array<[number, string]> = m.time_series.cpu.values;
    assert.equal(values.length, 120);
    for (const [t, v] of values) {
      assert.equal(typeof t, 'number');
      assert.equal(t % 60, 0);
      assert.ok(t * 1000 >= start && t * 1000 <= clock.ms);
      assert.equal(typeof v, 'string');
      const n = Number(v);
      assert.ok(n >= 0 && n <= 100, v);
    }
    assert.ok(new Set(values.map(([, v]) => v)).size > 50, 'values vary');
    assert.equal(m.start, '2024-05-15T10:00:17+00:00');
    assert.equal(m.end, '2024-05-15T12:00:00+00:00');
  });

  it('is deterministic: the same request gives the same values', async () => {
    const a = await metrics(44, 'network', clock.ms - DAY, clock.ms - HOUR, 600);
    const b = await metrics(44, 'network', clock.ms - DAY, clock.ms - HOUR, 600);
    assert.deepEqual(a, b);
    const other = await metrics(42, 'network', clock.ms - DAY, clock.ms - HOUR, 600);
    assert.notDeepEqual(a.time_series, other.time_series, 'differs between servers');
  });

  it('chooses about 100 samples when no step is given', async () => {
    const m = await metrics(42, 'cpu', clock.ms - DAY, clock.ms);
    const n = m.time_series.cpu.values.length;
    assert.ok(n >= 95 && n <= 100, String(n));
    assert.equal(m.step, Math.ceil(86400 / 99));
  });

  it('caps at 500 samples and reports the larger step it used', async () => {
    const m = await metrics(42, 'cpu', clock.ms - 7 * DAY, clock.ms, 1);
    assert.ok(m.time_series.cpu.values.length <= 500);
    assert.ok(m.time_series.cpu.values.length >= 490);
    assert.equal(m.step, Math.ceil((7 * 86400) / 499));
  });

  it('has nothing older than 30 days and nothing in the future', async () => {
    const m = await metrics(42, 'cpu', clock.ms - 60 * DAY, clock.ms + DAY, 3600);
    const values: Array<[number, string]> = m.time_series.cpu.values;
    assert.ok(values[0][0] * 1000 >= clock.ms - 30 * DAY);
    assert.ok(values.at(-1)![0] * 1000 <= clock.ms);
    assert.equal(Date.parse(m.start), clock.ms - 30 * DAY);
  });

  it('reports 0 for a server that is off', async () => {
    const m = await metrics(46, 'cpu,network', clock.ms - HOUR, clock.ms, 300);
    assert.ok(m.time_series.cpu.values.length > 0);
    assert.ok(m.time_series.cpu.values.every(([, v]: [number, string]) => v === '0'));
    assert.ok(m.time_series['network.0.bandwidth.in'].values.every(([, v]: [number, string]) => v === '0'));
  });

  it('has empty series for a server created just now, and data after its creation only', async () => {
    const created = (await api.post('/servers', { name: 'fresh', server_type: 'cx11', image: 'ubuntu-22.04' })).body.server;
    const m = await metrics(created.id, 'cpu,disk', clock.ms - HOUR, clock.ms, 60);
    assert.deepEqual(m.time_series.cpu.values, []);
    assert.deepEqual(m.time_series['disk.0.iops.read'].values, []);
    clock.advance(10 * 60_000);
    const later = await metrics(created.id, 'cpu', clock.ms - HOUR, clock.ms, 60);
    assert.equal(later.time_series.cpu.values.length, 10);
    assert.ok(later.time_series.cpu.values.every(([t]: [number, string]) => t * 1000 > Date.parse(created.created)));
  });

  it('validates type, start, end and step', async () => {
    const q = (query: string) => api.get(`/servers/42/metrics?${query}`);
    const range = `start=${iso(clock.ms - HOUR)}&end=${iso(clock.ms)}`;
    assert.deepEqual(fieldNames(await q(range)), ['type']);
    assert.deepEqual(fieldNames(await q(`type=memory&${range}`)), ['type']);
    assert.deepEqual(fieldNames(await q(`type=cpu&end=${iso(clock.ms)}`)), ['start']);
    assert.deepEqual(fieldNames(await q(`type=cpu&start=${iso(clock.ms)}`)), ['end']);
    assert.deepEqual(fieldNames(await q(`type=cpu&start=yesterday&end=${iso(clock.ms)}`)), ['start']);
    assert.deepEqual(fieldNames(await q(`type=cpu&start=${iso(clock.ms)}&end=${iso(clock.ms - HOUR)}`)), ['end']);
    assert.deepEqual(fieldNames(await q(`type=cpu&${range}&step=0`)), ['step']);
    assert.equal((await q(`type=cpu&${range}`)).status, 200);
    assert.equal((await api.get(`/servers/999/metrics?type=cpu&${range}`)).status, 404);
  });
});
