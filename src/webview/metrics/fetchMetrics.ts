// One request for every series a metrics panel draws, by the kind of resource it shows: a server's
// cpu, disk and network (`type=cpu,disk,network`), a Load Balancer's open connections, connections and
// requests per second and bandwidth. The types come from the charts (src/shared/metrics.ts; a unit
// test holds them to the API's names).

import type { HcloudClient } from '../../api/client';
import type { LoadBalancerMetricsType, Metrics, MetricsType } from '../../api/types';
import { metricsTypesFor, type MetricsKind, type MetricsWindow } from '../../shared/metrics';
import type { MetricsTarget } from '../../shared/protocol';

/** The word for a kind in the panel's messages (`server "web-1"`, `Load Balancer "lb-1"`). */
export const KIND_NOUN: Record<MetricsKind, string> = { server: 'server', loadBalancer: 'Load Balancer' };

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function fetchMetrics(client: HcloudClient, target: MetricsTarget, window: MetricsWindow, signal: AbortSignal): Promise<Metrics> {
  const { start, end, step } = window;
  switch (target.kind) {
    case 'server':
      return client.servers.metrics(target.id, { type: metricsTypesFor('server') as MetricsType[], start, end, step }, { signal });
    case 'loadBalancer':
      return client.loadBalancers.metrics(target.id, { type: metricsTypesFor('loadBalancer') as LoadBalancerMetricsType[], start, end, step }, { signal });
    default: {
      const unknown: never = target.kind;
      return Promise.reject(new Error(`No metrics for ${String(unknown)}`));
    }
  }
}
