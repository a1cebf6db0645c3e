// GET /<resource>/{id}/metrics, shared by servers and Load Balancers: the types comma-separated,
// the times as ISO 8601, the answer converted.

import { convertMetrics } from '../convert';
import type { MetricsResponseSchema } from '../schema';
import type { ApiTransport, CallOptions } from '../transport';
import type { Metrics } from '../types';

export async function fetchMetrics(transport: ApiTransport, path: string, params: { type: string | readonly string[]; start: Date; end: Date; step?: number }, opts?: CallOptions): Promise<Metrics> {
  const types = Array.isArray(params.type) ? params.type : [params.type];
  const w = await transport.request<MetricsResponseSchema>('GET', path, {
    ...opts,
    query: { type: types.join(','), start: params.start.toISOString(), end: params.end.toISOString(), step: params.step },
  });
  return convertMetrics(w.metrics);
}
