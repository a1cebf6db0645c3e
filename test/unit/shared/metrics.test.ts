import assert from 'node:assert/strict';
import type { Metrics } from '../../../src/api/types';
import {
  CHARTS,
  LOAD_BALANCER_CHARTS,
  chartsFor,
  metricsTypesFor,
  NICE_STEPS,
  RETENTION_SECONDS,
  TIME_RANGES,
  chooseStep,
  formatTime,
  formatValue,
  isEmpty,
  rangeFor,
  toChartData,
  toCsv,
  validateCustomRange,
  type ChartSpec,
} from '../../../src/shared/metrics';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0); // 2026-11-26T12:00:00Z
const T0 = NOW / 1000;
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

function metrics(series: Metrics['series'], step = 60): Metrics {
  return { start: new Date(NOW - HOUR_MS), end: new Date(NOW), step, series };
}

function chart(id: string): ChartSpec {
  const c = CHARTS.find((x) => x.id === id);
  assert.ok(c, id);
  return c;
}

function samples(startMs: number, endMs: number, step: number): number {
  return Math.floor((endMs - startMs) / 1000 / step) + 1;
}

describe('TIME_RANGES and chooseStep', () => {
  it('offers 1 h, 6 h, 24 h, 7 days and 30 days, the longest being the 30 days the API keeps', () => {
    assert.deepEqual(
      TIME_RANGES.map((r) => [r.id, r.seconds]),
      [['1h', 3600], ['6h', 21600], ['24h', 86400], ['7d', 604800], ['30d', 2592000]],
    );
    assert.equal(TIME_RANGES[TIME_RANGES.length - 1].seconds, RETENTION_SECONDS);
  });

  it('picks the smallest nice step that keeps each preset at or under 500 samples', () => {
    const steps = TIME_RANGES.map((r) => chooseStep(NOW - r.seconds * 1000, NOW));
    assert.deepEqual(steps, [10, 60, 300, 1800, 7200]);
    TIME_RANGES.forEach((r, i) => {
      assert.ok(samples(NOW - r.seconds * 1000, NOW, steps[i]) <= 500, r.id);
      const smaller = NICE_STEPS[NICE_STEPS.indexOf(steps[i]) - 1];
      assert.ok(samples(NOW - r.seconds * 1000, NOW, smaller) > 500, `${r.id}: ${smaller} would be too many`);
    });
  });

  it('counts both ends: 499 s at step 1 is 500 samples, 500 s is 501 and needs step 5', () => {
    assert.equal(chooseStep(0, 499_000), 1);
    assert.equal(chooseStep(0, 500_000), 5);
  });

  it('honours maxSamples, and falls back to a day for very long or odd ranges', () => {
    assert.equal(chooseStep(NOW - HOUR_MS, NOW, 100), 60); // 61 samples; 30 s would be 121
    assert.equal(chooseStep(NOW - HOUR_MS, NOW, 61), 60);
    assert.equal(chooseStep(NOW - HOUR_MS, NOW, 60), 120);
    assert.equal(chooseStep(0, 10_000 * DAY_MS), 86400);
    assert.equal(chooseStep(NOW, NOW), 1);
    assert.equal(chooseStep(NOW, NOW - HOUR_MS), 1);
  });
});

describe('rangeFor', () => {
  it('ends now and starts the range length earlier, with the chosen step', () => {
    const w = rangeFor('24h', NOW);
    assert.equal(w.end.toISOString(), '2026-11-26T12:00:00.000Z');
    assert.equal(w.start.toISOString(), '2026-11-25T12:00:00.000Z');
    assert.equal(w.step, 300);
    const m = rangeFor('30d', NOW);
    assert.equal(m.start.toISOString(), '2026-10-27T12:00:00.000Z');
    assert.equal(m.step, 7200);
    assert.ok(samples(m.start.getTime(), m.end.getTime(), m.step) <= 500);
  });

  it('refuses an unknown range id', () => {
    assert.throws(() => rangeFor('2h' as never, NOW), /Unknown time range "2h"/);
  });
});

describe('validateCustomRange', () => {
  it('accepts a range inside the last 30 days as it is', () => {
    const r = validateCustomRange(NOW - 2 * DAY_MS, NOW - DAY_MS, NOW);
    assert.ok(r.ok);
    assert.equal(r.note, undefined);
    assert.equal(r.window.start.getTime(), NOW - 2 * DAY_MS);
    assert.equal(r.window.end.getTime(), NOW - DAY_MS);
    assert.equal(r.window.step, 300);
  });

  it('refuses a start at or after the end, and unreadable times', () => {
    assert.deepEqual(validateCustomRange(NOW - HOUR_MS, NOW - HOUR_MS, NOW), { ok: false, message: 'The start must be before the end.' });
    assert.deepEqual(validateCustomRange(NOW - HOUR_MS, NOW - 2 * HOUR_MS, NOW), { ok: false, message: 'The start must be before the end.' });
    assert.deepEqual(validateCustomRange(Number.NaN, NOW, NOW), { ok: false, message: 'Enter a valid start time.' });
    assert.deepEqual(validateCustomRange(NOW - HOUR_MS, Number.NaN, NOW), { ok: false, message: 'Enter a valid end time.' });
  });

  it('clamps an end in the future to now', () => {
    const r = validateCustomRange(NOW - HOUR_MS, NOW + HOUR_MS, NOW);
    assert.ok(r.ok);
    assert.equal(r.window.end.getTime(), NOW);
    assert.equal(r.window.step, 10);
    assert.match(r.note ?? '', /end was in the future/);
  });

  it('clamps a start older than 30 days to 30 days ago, and says so', () => {
    const r = validateCustomRange(NOW - 40 * DAY_MS, NOW - DAY_MS, NOW);
    assert.ok(r.ok);
    assert.equal(r.window.start.getTime(), NOW - 30 * DAY_MS);
    assert.match(r.note ?? '', /kept for 30 days/);
    const both = validateCustomRange(NOW - 31 * DAY_MS, NOW + 1, NOW);
    assert.ok(both.ok);
    assert.match(both.note ?? '', /future.*30 days/);
    assert.ok(samples(both.window.start.getTime(), both.window.end.getTime(), both.window.step) <= 500);
  });

  it('refuses a range entirely older than 30 days or entirely in the future', () => {
    const old = validateCustomRange(NOW - 40 * DAY_MS, NOW - 30 * DAY_MS, NOW);
    assert.equal(old.ok, false);
    assert.match(old.ok ? '' : old.message, /within the last 30 days/);
    const future = validateCustomRange(NOW + HOUR_MS, NOW + 2 * HOUR_MS, NOW);
    assert.deepEqual(future, { ok: false, message: 'The start is in the future.' });
  });
});

describe('CHARTS', () => {
  it('has the five charts with their units and API series names', () => {
    assert.deepEqual(
      CHARTS.map((c) => [c.title, c.unit, c.type, c.series.map((s) => `${s.label}=${s.name}`)]),
      [
        ['CPU', '%', 'cpu', ['CPU=cpu']],
        ['Disk IOPS', 'iop/s', 'disk', ['Read=disk.0.iops.read', 'Write=disk.0.iops.write']],
        ['Disk bandwidth', 'B/s', 'disk', ['Read=disk.0.bandwidth.read', 'Write=disk.0.bandwidth.write']],
        ['Network packets', 'packets/s', 'network', ['In=network.0.pps.in', 'Out=network.0.pps.out']],
        ['Network bandwidth', 'B/s', 'network', ['In=network.0.bandwidth.in', 'Out=network.0.bandwidth.out']],
      ],
    );
  });
});

describe('LOAD_BALANCER_CHARTS and the charts of each kind', () => {
  it("has a Load Balancer's four charts with the series of /load_balancers/{id}/metrics", () => {
    assert.deepEqual(
      LOAD_BALANCER_CHARTS.map((c) => [c.title, c.unit, c.type, c.series.map((s) => `${s.label}=${s.name}`)]),
      [
        ['Open connections', 'connections', 'open_connections', ['Open=open_connections']],
        ['New connections', 'connections/s', 'connections_per_second', ['New=connections_per_second']],
        ['Requests', 'requests/s', 'requests_per_second', ['Requests=requests_per_second']],
        ['Bandwidth', 'B/s', 'bandwidth', ['In=bandwidth.in', 'Out=bandwidth.out']],
      ],
    );
  });

  it('gives each kind its charts and the types to ask for in one request, each once', () => {
    assert.equal(chartsFor('server'), CHARTS);
    assert.equal(chartsFor('loadBalancer'), LOAD_BALANCER_CHARTS);
    assert.deepEqual(metricsTypesFor('server'), ['cpu', 'disk', 'network']);
    assert.deepEqual(metricsTypesFor('loadBalancer'), ['open_connections', 'connections_per_second', 'requests_per_second', 'bandwidth']);
  });

  it("shapes a Load Balancer's answer: bandwidth in and out aligned, counts with their units", () => {
    const m = metrics({
      'bandwidth.in': { timestamps: [T0, T0 + 60], values: [1500, 2_500_000] },
      'bandwidth.out': { timestamps: [T0 + 60], values: [999.7] },
      open_connections: { timestamps: [T0], values: [12] },
    });
    const [bw, open] = [chartsFor('loadBalancer')[3], chartsFor('loadBalancer')[0]];
    assert.deepEqual(toChartData(m, bw), [[T0, T0 + 60], [1500, 2_500_000], [null, 999.7]]);
    assert.deepEqual(toChartData(m, open), [[T0], [12]]);
    assert.ok(isEmpty(toChartData(m, chartsFor('loadBalancer')[2])), 'no requests_per_second series: nothing to draw');
    assert.equal(formatValue(12, 'connections'), '12 connections');
    assert.equal(formatValue(3.25, 'connections/s'), '3.25 connections/s');
    assert.equal(formatValue(1234.5, 'requests/s'), '1235 requests/s');
    assert.equal(formatValue(999.7, 'B/s'), '1 KB/s');
  });

  it("writes a Load Balancer's CSV columns in chart order", () => {
    const m = metrics({
      'bandwidth.out': { timestamps: [T0], values: [2] },
      requests_per_second: { timestamps: [T0], values: [3] },
      open_connections: { timestamps: [T0], values: [1] },
    });
    assert.equal(toCsv(m).split('\r\n')[0], 'time,open_connections,requests_per_second,bandwidth.out');
  });
});

describe('toChartData and isEmpty', () => {
  it('gives the timestamps then one column per series, in chart order', () => {
    const m = metrics({
      'disk.0.iops.write': { timestamps: [T0, T0 + 60], values: [3, 4] },
      'disk.0.iops.read': { timestamps: [T0, T0 + 60], values: [1, 2] },
    });
    assert.deepEqual(toChartData(m, chart('diskIops')), [[T0, T0 + 60], [1, 2], [3, 4]]);
  });

  it('aligns series with different timestamps on their sorted union, null where one has no sample', () => {
    const m = metrics({
      'network.0.pps.in': { timestamps: [T0 + 120, T0, T0 + 60], values: [30, 10, 20] },
      'network.0.pps.out': { timestamps: [T0 + 60, T0 + 180], values: [5, 7] },
    });
    assert.deepEqual(toChartData(m, chart('networkPps')), [
      [T0, T0 + 60, T0 + 120, T0 + 180],
      [10, 20, 30, null],
      [null, 5, null, 7],
    ]);
  });

  it('keeps null values and a missing series as nulls', () => {
    const m = metrics({ 'network.0.bandwidth.in': { timestamps: [T0, T0 + 60, T0 + 120], values: [1, null, 3] } });
    assert.deepEqual(toChartData(m, chart('networkBandwidth')), [[T0, T0 + 60, T0 + 120], [1, null, 3], [null, null, null]]);
  });

  it('breaks the line where samples skip more than a step, with one row of nulls', () => {
    const m = metrics({ cpu: { timestamps: [T0, T0 + 60, T0 + 600, T0 + 660], values: [1, 2, 3, 4] } });
    assert.deepEqual(toChartData(m, chart('cpu')), [[T0, T0 + 60, T0 + 120, T0 + 600, T0 + 660], [1, 2, null, 3, 4]]);
  });

  it('reports a new server with no samples, or only nulls, as empty', () => {
    assert.ok(isEmpty(toChartData(metrics({}), chart('cpu'))));
    assert.ok(isEmpty(toChartData(metrics({ cpu: { timestamps: [], values: [] } }), chart('cpu'))));
    assert.ok(isEmpty(toChartData(metrics({ cpu: { timestamps: [T0, T0 + 60], values: [null, null] } }), chart('cpu'))));
    assert.equal(isEmpty(toChartData(metrics({ cpu: { timestamps: [T0, T0 + 60], values: [null, 0] } }), chart('cpu'))), false);
    assert.deepEqual(toChartData(metrics({}), chart('diskIops')), [[], [], []]);
  });
});

describe('formatValue', () => {
  it('shows percent, IOPS and packets with three significant digits', () => {
    assert.equal(formatValue(12.345, '%'), '12.3%');
    assert.equal(formatValue(0, '%'), '0%');
    assert.equal(formatValue(100, '%'), '100%');
    assert.equal(formatValue(1.5, 'iop/s'), '1.5 iop/s');
    assert.equal(formatValue(0.01234, 'iop/s'), '0.0123 iop/s');
    assert.equal(formatValue(12345.6, 'packets/s'), '12346 packets/s');
  });

  it('scales bytes by 1000 up to GB/s', () => {
    assert.equal(formatValue(999, 'B/s'), '999 B/s');
    assert.equal(formatValue(1000, 'B/s'), '1 KB/s');
    assert.equal(formatValue(1024, 'B/s'), '1.02 KB/s');
    assert.equal(formatValue(1_500_000, 'B/s'), '1.5 MB/s');
    assert.equal(formatValue(999_999, 'B/s'), '1 MB/s');
    assert.equal(formatValue(2.5e9, 'B/s'), '2.5 GB/s');
    assert.equal(formatValue(3.2e12, 'B/s'), '3200 GB/s');
  });

  it('moves up a unit when rounding reaches 1000', () => {
    assert.equal(formatValue(999.7, 'B/s'), '1 KB/s');
    assert.equal(formatValue(999.4, 'B/s'), '999 B/s');
  });

  it('shows a dash for no value', () => {
    assert.equal(formatValue(null, 'B/s'), '–');
    assert.equal(formatValue(undefined, '%'), '–');
    assert.equal(formatValue(Number.NaN, 'iop/s'), '–');
  });
});

describe('formatTime', () => {
  const t = Date.UTC(2026, 10, 26, 23, 5, 30) / 1000;

  it('shows the time of day for ranges up to 24 hours, in UTC by default', () => {
    assert.equal(formatTime(t, 3600), '23:05');
    assert.equal(formatTime(t, 86400), '23:05');
    assert.equal(formatTime(Date.UTC(2026, 0, 1, 0, 0) / 1000, 3600), '00:00');
  });

  it('adds the date for longer ranges', () => {
    assert.equal(formatTime(t, 86401), '2026-11-26 23:05');
    assert.equal(formatTime(t, 30 * 86400), '2026-11-26 23:05');
  });

  it('uses the time zone it is given', () => {
    assert.equal(formatTime(t, 7 * 86400, 'Europe/Berlin'), '2026-11-27 00:05');
    assert.equal(formatTime(Date.UTC(2026, 6, 1, 12, 0) / 1000, 3600, 'Europe/Berlin'), '14:00');
  });
});

describe('toCsv', () => {
  it('writes a header, one row per aligned timestamp, empty cells for gaps and CRLF line ends', () => {
    const m = metrics({
      'network.0.bandwidth.out': { timestamps: [T0 + 60], values: [2048.5] },
      cpu: { timestamps: [T0, T0 + 60], values: [1.25, null] },
      'network.0.bandwidth.in': { timestamps: [T0], values: [0] },
    });
    assert.equal(
      toCsv(m),
      'time,cpu,network.0.bandwidth.in,network.0.bandwidth.out\r\n' +
        '2026-11-26T12:00:00Z,1.25,0,\r\n' +
        '2026-11-26T12:01:00Z,,,2048.5\r\n',
    );
  });

  it('puts unknown series after the known ones and quotes cells that need it', () => {
    const m = metrics({
      'b,"odd"': { timestamps: [T0 + 0.5], values: [1] },
      cpu: { timestamps: [T0 + 0.5], values: [2] },
      a: { timestamps: [T0 + 0.5], values: [3] },
    });
    assert.equal(toCsv(m), 'time,cpu,a,"b,""odd"""\r\n2026-11-26T12:00:00.500Z,2,3,1\r\n');
  });

  it('is just the header when there are no series or no samples', () => {
    assert.equal(toCsv(metrics({})), 'time\r\n');
    assert.equal(toCsv(metrics({ cpu: { timestamps: [], values: [] } })), 'time,cpu\r\n');
  });
});
