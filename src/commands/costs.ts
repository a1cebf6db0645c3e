// Show Costs (hcloud.project.showCosts): the project's monthly costs in a panel, by kind and by
// resource (src/webview/costsPanel.ts). From the tree it takes the project node, from the palette it
// asks for the project. The figures are the project row's total (src/tree/projectCosts.ts): opening
// the panel computes it when it is older than 10 minutes, the panel's Refresh computes it again.
import type { TreeNode } from '../tree/node';
import { describeError } from '../ui/describeError';
import type { CostsPanel } from '../webview/costsPanel';
import type { CommandContext } from './context';
import { pickProject } from './pick';

export async function showCosts(ctx: CommandContext, node?: TreeNode): Promise<CostsPanel | undefined> {
  const project = await pickProject(ctx, node, 'Show Costs');
  if (!project) return undefined;
  if (!ctx.tree.projectNode(project.id)) await ctx.tree.getChildren(); // the tree was never shown: make its project nodes
  const projectNode = ctx.tree.projectNode(project.id);
  if (!projectNode) return undefined;
  return (await ctx.costsPanels()).show({
    projectId: project.id,
    projectName: project.name,
    load: async (refresh) => {
      if (refresh) projectNode.costs.forget();
      try {
        await projectNode.costs.ensure();
      } catch (e) {
        ctx.input().error(describeError(e, { action: `Show Costs of "${project.name}"` }));
        return undefined;
      }
      ctx.tree.changed(projectNode); // the row shows the same total
      return projectNode.costs.current();
    },
  });
}
