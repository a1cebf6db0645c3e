// The messages the metrics page is tested and measured with (test/webview/metrics.spec.mjs,
// test/bench/render.bench.mjs): 500 samples of the nine series the extension sends for a server (or
// of the five a Load Balancer has), and a panel state of each.

export const T0 = 1_780_000_000;
export const STEP = 60;
export const SERIES = [
  'cpu',
  'disk.0.iops.read', 'disk.0.iops.write', 'disk.0.bandwidth.read', 'disk.0.bandwidth.write',
  'network.0.pps.in', 'network.0.pps.out', 'network.0.bandwidth.in', 'network.0.bandwidth.out',
];
export const LB_SERIES = ['open_connections', 'connections_per_second', 'requests_per_second', 'bandwidth.in', 'bandwidth.out'];
const LEVEL = { cpu: 20, iops: 50, bandwidth: 2_000_000, pps: 800, open_connections: 300, connections_per_second: 40, requests_per_second: 120 };
const levelOf = (name) => (name === 'cpu' ? LEVEL.cpu : name.startsWith('bandwidth.') ? LEVEL.bandwidth : (LEVEL[name] ?? LEVEL[name.split('.')[2]]));

/** 500 samples of all nine series (or of `names`; deterministic waves), as the extension sends them. */
export function fixtureData(samples = 500, names = SERIES) {
  const timestamps = Array.from({ length: samples }, (_, i) => T0 + i * STEP);
  const series = {};
  names.forEach((name, k) => {
    const level = levelOf(name);
    series[name] = {
      timestamps,
      values: timestamps.map((_, i) => Math.round(level * (1 + 0.6 * Math.sin(i / 30 + k) + 0.2 * Math.sin(i / 3 + 2 * k)) * 1000) / 1000),
    };
  });
  return { type: 'data', start: T0, end: T0 + (samples - 1) * STEP, step: STEP, series };
}

export const STATE = { projectId: 'p-1', target: { kind: 'server', id: 42, name: 'web-1' }, range: { kind: 'preset', id: '24h' }, autoRefresh: true };
export const LB_STATE = { ...STATE, target: { kind: 'loadBalancer', id: 7, name: 'lb-web' } };
