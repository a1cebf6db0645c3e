import assert from 'node:assert/strict';
import type { Metrics } from '../../../src/api/types';
import {
  autoRefreshDefault,
  fromDataMessage,
  parseMetricsFromWebview,
  parseMetricsPanelState,
  parseMetricsToWebview,
  parseRangeSelection,
  rangeSeconds,
  refreshSecondsFor,
  resolveRange,
  toDataMessage,
  MAX_SAMPLES_PER_SERIES,
  MAX_SERIES,
} from '../../../src/shared/protocol';
import { lastActivity } from '../../../src/shared/metrics';

const T = 1_780_000_000;
const STATE = { projectId: 'p-1', target: { kind: 'server', id: 42, name: 'web-1' }, range: { kind: 'preset', id: '1h' }, autoRefresh: true };
const LB_STATE = { ...STATE, target: { kind: 'loadBalancer', id: 7, name: 'lb-1' } };
const DATA = { type: 'data', start: T, end: T + 120, step: 60, series: { cpu: { timestamps: [T, T + 60, T + 120], values: [1.5, null, 3] } } };

describe('metrics protocol: panel state and ranges', () => {
  it('accepts a valid state, preset or custom', () => {
    assert.deepEqual(parseMetricsPanelState(STATE), STATE);
    const custom = { ...STATE, range: { kind: 'custom', start: T, end: T + 3600 }, autoRefresh: false };
    assert.deepEqual(parseMetricsPanelState(custom), custom);
  });

  it('drops unknown fields of a state', () => {
    assert.deepEqual(parseMetricsPanelState({ ...STATE, token: 'secret' }), STATE);
    assert.deepEqual(parseMetricsPanelState({ ...STATE, target: { ...STATE.target, token: 'secret' } }), STATE);
  });

  it("accepts a Load Balancer's state", () => {
    assert.deepEqual(parseMetricsPanelState(LB_STATE), LB_STATE);
  });

  it('reads a state saved before there were kinds (serverId, serverName) as a server\'s', () => {
    const old = { projectId: 'p-1', serverId: 42, serverName: 'web-1', range: { kind: 'preset', id: '1h' }, autoRefresh: true };
    assert.deepEqual(parseMetricsPanelState(old), STATE);
    assert.equal(parseMetricsPanelState({ ...old, serverId: 0 }), undefined);
    assert.equal(parseMetricsPanelState({ ...old, serverName: undefined }), undefined);
    assert.equal(parseMetricsPanelState({ ...old, target: { kind: 'volume', id: 1, name: 'v' } }), undefined, 'an invalid target is not replaced by the old fields');
  });

  it('rejects each kind of invalid state', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'state',
      [],
      { ...STATE, projectId: '' },
      { ...STATE, projectId: 7 },
      { ...STATE, projectId: 'x'.repeat(201) },
      { ...STATE, target: undefined },
      { ...STATE, target: { ...STATE.target, id: 0 } },
      { ...STATE, target: { ...STATE.target, id: 1.5 } },
      { ...STATE, target: { ...STATE.target, id: '42' } },
      { ...STATE, target: { ...STATE.target, name: undefined } },
      { ...STATE, target: { ...STATE.target, name: 'x'.repeat(201) } },
      { ...STATE, target: { ...STATE.target, kind: 'volume' } },
      { ...STATE, target: { ...STATE.target, kind: undefined } },
      { ...STATE, range: undefined },
      { ...STATE, range: { kind: 'preset', id: '2h' } },
      { ...STATE, range: { kind: 'preset', id: 'toString' } },
      { ...STATE, range: { kind: 'custom', start: T + 10, end: T } },
      { ...STATE, range: { kind: 'custom', start: T, end: Number.NaN } },
      { ...STATE, range: { kind: 'custom', start: T * 1000, end: T * 1000 + 1 } },
      { ...STATE, range: { kind: 'sometime' } },
      { ...STATE, autoRefresh: 'yes' },
    ];
    for (const b of bad) assert.equal(parseMetricsPanelState(b), undefined, JSON.stringify(b));
  });

  it('resolves a preset to a window ending now and a custom one through validateCustomRange', () => {
    const now = T * 1000;
    const preset = resolveRange({ kind: 'preset', id: '6h' }, now);
    assert.ok(preset.ok);
    assert.equal(preset.window.end.getTime(), now);
    assert.equal(preset.window.start.getTime(), now - 6 * 3600_000);
    assert.equal(preset.window.step, 60);
    const custom = resolveRange({ kind: 'custom', start: T - 7200, end: T + 3600 }, now);
    assert.ok(custom.ok);
    assert.equal(custom.window.end.getTime(), now, 'an end in the future is clamped to now');
    assert.match(custom.note ?? '', /end was in the future/);
    const old = resolveRange({ kind: 'custom', start: T - 40 * 86_400, end: T - 35 * 86_400 }, now);
    assert.deepEqual(old, { ok: false, message: 'Metrics are kept for 30 days; choose a range within the last 30 days.' });
  });

  it('auto-refresh: on by default up to 24 hours, at most once a minute, once per new sample', () => {
    assert.equal(autoRefreshDefault({ kind: 'preset', id: '1h' }), true);
    assert.equal(autoRefreshDefault({ kind: 'preset', id: '24h' }), true);
    assert.equal(autoRefreshDefault({ kind: 'preset', id: '7d' }), false);
    assert.equal(autoRefreshDefault({ kind: 'custom', start: T, end: T + 60 }), false);
    assert.equal(refreshSecondsFor(10), 60);
    assert.equal(refreshSecondsFor(300), 300);
    assert.equal(rangeSeconds({ kind: 'preset', id: '7d' }), 7 * 86_400);
    assert.equal(rangeSeconds({ kind: 'custom', start: T, end: T + 90 }), 90);
  });

  it('range selections: presets by id only, custom windows ordered', () => {
    assert.deepEqual(parseRangeSelection({ kind: 'preset', id: '30d' }), { kind: 'preset', id: '30d' });
    assert.equal(parseRangeSelection({ kind: 'preset', id: '31d' }), undefined);
    assert.equal(parseRangeSelection({ kind: 'custom', start: T, end: T }), undefined);
  });
});

describe('metrics protocol: extension → webview', () => {
  it('accepts init, loading, data and error', () => {
    assert.deepEqual(parseMetricsToWebview({ type: 'init', state: STATE, refreshSeconds: 60 }), { type: 'init', state: STATE, refreshSeconds: 60 });
    assert.deepEqual(parseMetricsToWebview({ type: 'loading' }), { type: 'loading' });
    assert.deepEqual(parseMetricsToWebview(DATA), DATA);
    assert.deepEqual(parseMetricsToWebview({ type: 'error', message: 'it failed', canRetry: true }), { type: 'error', message: 'it failed', canRetry: true });
  });

  it('rejects each kind of invalid message', () => {
    const series = (s: unknown) => ({ ...DATA, series: s });
    const bad: unknown[] = [
      null,
      'data',
      { type: 'script' },
      { type: 'init', state: { ...STATE, target: { ...STATE.target, id: -1 } }, refreshSeconds: 60 },
      { type: 'init', state: STATE, refreshSeconds: 0 },
      { ...DATA, start: 'yesterday' },
      { ...DATA, start: new Date(T * 1000) },
      { ...DATA, start: T + 200 },
      { ...DATA, step: 0 },
      series([]),
      series({ cpu: { timestamps: [T], values: [] } }),
      series({ cpu: { timestamps: [T], values: ['1'] } }),
      series({ cpu: { timestamps: [T], values: [Number.POSITIVE_INFINITY] } }),
      series({ cpu: { timestamps: ['x'], values: [1] } }),
      series({ cpu: { timestamps: [T * 1000], values: [1] } }),
      series({ cpu: { timestamps: T, values: 1 } }),
      series({ '': { timestamps: [], values: [] } }),
      series(Object.fromEntries(Array.from({ length: MAX_SERIES + 1 }, (_, i) => [`s${i}`, { timestamps: [], values: [] }]))),
      series({ cpu: { timestamps: Array(MAX_SAMPLES_PER_SERIES + 1).fill(T), values: Array(MAX_SAMPLES_PER_SERIES + 1).fill(1) } }),
      { type: 'error', message: '', canRetry: true },
      { type: 'error', message: 'x'.repeat(4001), canRetry: true },
      { type: 'error', message: 'failed' },
    ];
    for (const b of bad) assert.equal(parseMetricsToWebview(b), undefined, JSON.stringify(b)?.slice(0, 120));
  });

  it('a data message may name the status of a server that is not running (one of the API\'s statuses but running); the page finds its last activity', () => {
    assert.deepEqual(parseMetricsToWebview({ ...DATA, notRunning: 'off' }), { ...DATA, notRunning: 'off' });
    for (const bad of ['running', '<b>off</b>', 1, null]) assert.equal(parseMetricsToWebview({ ...DATA, notRunning: bad }), undefined, String(bad));
    const series = (cpu: Array<number | null>, net: Array<number | null>) => ({
      cpu: { timestamps: cpu.map((_, i) => T + 60 * i), values: cpu },
      net: { timestamps: net.map((_, i) => T + 60 * i), values: net },
    });
    assert.equal(lastActivity(series([5, 3, 0, 0], [1, 0, 0, 0])), T + 60);
    assert.equal(lastActivity(series([5, 0, 0, null], [0, 0, 2, 0])), T + 120, 'the latest of any series; null is no activity');
    assert.equal(lastActivity(series([0, 0], [null, 0])), undefined);
    assert.equal(lastActivity({}), undefined);
  });

  it('carries numbers only: the data message of an API answer and back', () => {
    const metrics: Metrics = {
      start: new Date(T * 1000),
      end: new Date((T + 120) * 1000),
      step: 60,
      series: { cpu: { timestamps: [T, T + 60, T + 120], values: [1.5, null, 3] }, 'disk.0.iops.read': { timestamps: [T, T + 60], values: [4, 5, 6] } },
    };
    const window = { start: new Date(T * 1000 + 400), end: new Date((T + 120) * 1000), step: 10 };
    const message = toDataMessage(metrics, window);
    assert.deepEqual(message, {
      type: 'data',
      start: T,
      end: T + 120,
      step: 60,
      series: { cpu: { timestamps: [T, T + 60, T + 120], values: [1.5, null, 3] }, 'disk.0.iops.read': { timestamps: [T, T + 60], values: [4, 5] } },
    });
    assert.deepEqual(JSON.parse(JSON.stringify(message)), message, 'survives the JSON channel unchanged');
    assert.deepEqual(parseMetricsToWebview(message), message);
    const back = fromDataMessage(message);
    assert.equal(back.start.getTime(), T * 1000);
    assert.deepEqual(back.series, message.series);
  });
});

describe('metrics protocol: webview → extension', () => {
  it('accepts every message the page sends', () => {
    const ok: unknown[] = [
      { type: 'ready' },
      { type: 'refresh' },
      { type: 'exportCsv' },
      { type: 'setAutoRefresh', enabled: false },
      { type: 'setRange', range: { kind: 'preset', id: '7d' } },
      { type: 'setRange', range: { kind: 'custom', start: T, end: T + 60 } },
      { type: 'rendered', charts: 5, samples: 4500, ms: 3.2, empty: false },
    ];
    for (const m of ok) assert.deepEqual(parseMetricsFromWebview(m), m);
  });

  it('keeps only the known fields', () => {
    assert.deepEqual(parseMetricsFromWebview({ type: 'refresh', url: 'https://example.com' }), { type: 'refresh' });
  });

  it('rejects each kind of invalid message', () => {
    const bad: unknown[] = [
      undefined,
      [],
      { type: 'fetch', url: 'https://api.hetzner.cloud/v1/servers' },
      { type: 'setRange' },
      { type: 'setRange', range: { kind: 'preset', id: '1y' } },
      { type: 'setRange', range: { kind: 'custom', start: T + 60, end: T } },
      { type: 'setAutoRefresh', enabled: 'true' },
      { type: 'rendered', charts: 5, samples: 4500, ms: -1, empty: false },
      { type: 'rendered', charts: 5, samples: 4500, ms: 2 },
      { type: 'rendered', charts: '5', samples: 4500, ms: 2, empty: false },
    ];
    for (const b of bad) assert.equal(parseMetricsFromWebview(b), undefined, JSON.stringify(b));
  });
});
