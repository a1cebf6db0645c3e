// The messages the metrics page is tested and measured with (test/webview/metrics.spec.mjs,
// test/bench/render.bench.mjs): 500 samples of the nine series the extension sends, and a panel state.

export const T0 = 1_780_000_000;
export const STEP = 60;
export const SERIES = [
  'cpu',
  'disk.0.iops.read', 'disk.0.iops.write', 'disk.0.bandwidth.read', 'disk.0.bandwidth.write',
  'network.0.pps.in', 'network.0.pps.out', 'network.0.bandwidth.in', 'network.0.bandwidth.out',
];
const LEVEL = { cpu: 20, iops: 50, bandwidth: 2_000_000, pps: 800 };

/** 500 samples of all nine series (deterministic waves), as the extension sends them. */
export function fixtureData(samples = 500) {
  const timestamps = Array.from({ length: samples }, (_, i) => T0 + i * STEP);
  const series = {};
  SERIES.forEach((name, k) => {
    const level = name === 'cpu' ? LEVEL.cpu : LEVEL[name.split('.')[2]];
    series[name] = {
      timestamps,
      values: timestamps.map((_, i) => Math.round(level * (1 + 0.6 * Math.sin(i / 30 + k) + 0.2 * Math.sin(i / 3 + 2 * k)) * 1000) / 1000),
    };
  });
  return { type: 'data', start: T0, end: T0 + (samples - 1) * STEP, step: STEP, series };
}

export const STATE = { projectId: 'p-1', serverId: 42, serverName: 'web-1', range: { kind: 'preset', id: '24h' }, autoRefresh: true };
