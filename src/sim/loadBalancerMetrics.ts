// Load Balancer metrics: the same deterministic shapes as a server's (metrics.ts): a daily and a
// weekly wave plus hashed noise per (Load Balancer, series, time); 0 while it has no service or no
// target, as nothing would pass through it.

import type { MetricsSchema } from '../api/schema';
import type { LoadBalancerMetricsType } from '../api/types';
import { LoadBalancerMetricsTypes } from '../api/types';
import { sampleTimes, wave, type MetricsRequest } from './metrics';
import type { SimLoadBalancer } from './state';
import { isoTime } from './time';

export const LOAD_BALANCER_METRIC_TYPES = LoadBalancerMetricsTypes;

const SERIES: Record<LoadBalancerMetricsType, string[]> = {
  open_connections: ['open_connections'],
  connections_per_second: ['connections_per_second'],
  requests_per_second: ['requests_per_second'],
  bandwidth: ['bandwidth.in', 'bandwidth.out'],
};

/** Typical level of each series (connections, per second, bytes/s). */
const LEVEL: Record<string, number> = {
  open_connections: 240,
  connections_per_second: 35,
  requests_per_second: 120,
  'bandwidth.in': 380_000,
  'bandwidth.out': 2_400_000,
};

export function loadBalancerMetrics(lb: SimLoadBalancer, request: Omit<MetricsRequest, 'types'> & { types: LoadBalancerMetricsType[] }, nowMs: number): MetricsSchema {
  const { startS, endS, step, times } = sampleTimes(lb.created, request, nowMs);
  const serving = lb.services.length > 0 && lb.targets.length > 0;
  const time_series: MetricsSchema['time_series'] = {};
  for (const name of [...new Set(request.types)].flatMap((type) => SERIES[type])) {
    time_series[name] = { values: times.map((t): [number, string] => [t, serving ? String(Math.round(wave(`lb${lb.id}:${name}`, LEVEL[name], t) * 1000) / 1000) : '0']) };
  }
  return { start: isoTime(startS * 1000), end: isoTime(endS * 1000), step, time_series };
}
