// Server metrics: deterministic time series, a function of (server id, series, timestamp):
// a daily and a weekly wave plus hashed noise. Timestamps are multiples of the step and lie
// within [start, end], after the server's creation, not in the future and not older than 30 days.
// At most 500 samples (the step grows to fit); without a step about 100. Servers that are not
// running report 0 everywhere.

import type { MetricsSchema, MetricsTypeSchema } from '../api/schema';
import { hash32 } from './random';
import type { SimServer } from './state';
import { DAY, isoTime } from './time';

export const METRIC_TYPES: readonly MetricsTypeSchema[] = ['cpu', 'disk', 'network'];

export const SERIES: Record<MetricsTypeSchema, string[]> = {
  cpu: ['cpu'],
  disk: ['disk.0.iops.read', 'disk.0.iops.write', 'disk.0.bandwidth.read', 'disk.0.bandwidth.write'],
  network: ['network.0.pps.in', 'network.0.pps.out', 'network.0.bandwidth.in', 'network.0.bandwidth.out'],
};

export const MAX_SAMPLES = 500;
export const DEFAULT_SAMPLES = 100;
export const RETENTION_MS = 30 * DAY;

/** Typical level of each series (its unit: percent, iop/s, bytes/s, packets/s). */
const LEVEL: Record<string, number> = {
  cpu: 18,
  'disk.0.iops.read': 40,
  'disk.0.iops.write': 65,
  'disk.0.bandwidth.read': 1_800_000,
  'disk.0.bandwidth.write': 2_600_000,
  'network.0.pps.in': 900,
  'network.0.pps.out': 750,
  'network.0.bandwidth.in': 420_000,
  'network.0.bandwidth.out': 1_300_000,
};

export interface MetricsRequest {
  types: MetricsTypeSchema[];
  startMs: number;
  endMs: number;
  step?: number;
}

export function serverMetrics(server: SimServer, request: MetricsRequest, nowMs: number): MetricsSchema {
  const { startS, endS, step, times } = sampleTimes(server.created, request, nowMs);
  const running = server.status === 'running';
  const series = [...new Set(request.types)].flatMap((type) => SERIES[type]);
  const time_series: MetricsSchema['time_series'] = {};
  for (const name of series) {
    time_series[name] = { values: times.map((t): [number, string] => [t, running ? sample(server.id, name, t) : '0']) };
  }
  return { start: isoTime(startS * 1000), end: isoTime(endS * 1000), step, time_series };
}

/** The sample times (UNIX seconds) of a request for a resource made at `created` (see the top of this file). */
export function sampleTimes(created: string, request: Omit<MetricsRequest, 'types'>, nowMs: number): { startS: number; endS: number; step: number; times: number[] } {
  const startS = Math.floor(Math.max(request.startMs, nowMs - RETENTION_MS) / 1000);
  const endS = Math.floor(request.endMs / 1000);
  const step = chooseStep(Math.max(0, endS - startS), request.step);
  const firstS = Math.max(Math.ceil(startS / step), Math.floor(Date.parse(created) / 1000 / step) + 1) * step;
  const lastS = Math.min(endS, Math.floor(nowMs / 1000));
  const times: number[] = [];
  for (let t = firstS; t <= lastS; t += step) times.push(t);
  return { startS, endS, step, times };
}

/** The step used: the asked one, enlarged so that no more than 500 samples fit; ~100 by default. */
export function chooseStep(spanS: number, asked: number | undefined): number {
  const step = asked ?? Math.max(1, Math.ceil(spanS / (DEFAULT_SAMPLES - 1)));
  return Math.max(step, Math.ceil(spanS / (MAX_SAMPLES - 1)));
}

function sample(serverId: number, series: string, t: number): string {
  const value = wave(`${serverId}:${series}`, LEVEL[series], t);
  return String(Math.round((series === 'cpu' ? Math.min(100, value) : value) * 1000) / 1000);
}

/** A deterministic value around `level` at time `t`: a daily and a weekly wave plus hashed noise, never below 0. */
export function wave(key: string, level: number, t: number): number {
  const seed = hash32(key);
  const phase = ((seed % 1000) / 1000) * 2 * Math.PI;
  const scale = 0.4 + ((seed >>> 10) % 120) / 100;
  const daily = Math.sin((2 * Math.PI * t) / 86400 + phase);
  const weekly = Math.sin((2 * Math.PI * t) / (7 * 86400) + phase / 2);
  const noise = hash32(`${key}:${t}`) / 4294967296 - 0.5;
  return Math.max(0, level * scale * (1 + 0.6 * daily + 0.15 * weekly + 0.5 * noise));
}
