// Show Costs (hcloud.project.showCosts): the project's monthly costs in a panel, by kind and by
// resource (src/webview/costsPanel.ts). From the tree it takes the project node, from the palette it
// asks for the project. The figures are the project row's total (src/webview/costsSource.ts): opening
// the panel computes it when it is older than 10 minutes, the panel's Refresh computes it again.
import type { TreeNode } from '../tree/node';
import type { CostsPanel } from '../webview/costsPanel';
import { costsSource } from '../webview/costsSource';
import type { CommandContext } from './context';
import { pickProject } from './pick';

export async function showCosts(ctx: CommandContext, node?: TreeNode): Promise<CostsPanel | undefined> {
  const project = await pickProject(ctx, node, 'Show Costs');
  if (!project) return undefined;
  const source = await costsSource(ctx, project);
  return source && (await ctx.costsPanels()).show(source);
}
