// hcloud.loadBalancer.showMetrics: the metrics panel (webview) of a Load Balancer, opened or
// revealed: open connections, connections and requests per second, bandwidth in and out.
import type { LoadBalancer } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { pickTodayTarget } from '../todayApi';

/** Opens (or reveals) the metrics panel of the node's Load Balancer, or of one picked from the palette. */
export async function showLoadBalancerMetrics(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickTodayTarget<LoadBalancer>(ctx, node, 'Load Balancers', {
    kind: 'loadBalancer',
    title: 'Show Metrics of Load Balancer',
    list: (c) => c.loadBalancers.listAll(),
    item: (lb) => ({ label: lb.name, description: [lb.loadBalancerType.name, lb.location.name, lb.publicNet.ipv4?.ip].filter(Boolean).join(' · ') }),
    none: 'There is no Load Balancer.',
  });
  if (!t) return;
  (await ctx.metricsPanels()).show(t.project, t.resource, 'loadBalancer');
}
