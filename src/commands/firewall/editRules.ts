// Edit Rules of a firewall: opens its rules editor (src/webview/firewallRulesPanel.ts), or reveals
// it when it is open. From the tree it takes the firewall's row; from the palette it asks for the
// project and the firewall (against a 2018 API it says that API has no firewalls: pickFirewall).
// The editor itself reads the rules and applies them, with one `set_rules`.

import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { pickFirewall } from './common';

export async function editFirewallRules(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const target = await pickFirewall(ctx, node, 'Edit Firewall Rules');
  if (!target) return;
  const { project, resource } = target;
  (await ctx.firewallRules()).show(project.id, { id: resource.id, name: resource.name });
}
