// hcloud.server.showMetrics: the server's metrics panel (webview), opened or revealed.
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { pickServer } from './server/common';

/** Opens (or reveals) the metrics panel of the node's server, or of one picked from the palette. */
export async function showMetrics(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Show Metrics');
  if (!t) return;
  (await ctx.metricsPanels()).show(t.project, t.resource);
}

