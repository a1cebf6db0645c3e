// Edit Rules of a firewall: opens its rules editor (src/webview/firewallRulesPanel.ts), or reveals
// it when it is open. From the tree it takes the firewall's row; from the palette it asks for the
// project and the firewall (against a 2018 API it says that API has no firewalls, src/commands/todayApi.ts).
// The editor itself reads the rules and applies them, with one `set_rules`.

import type { Firewall } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { pickTodayTarget } from '../todayApi';

export async function editFirewallRules(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const target = await pickTodayTarget<Firewall>(ctx, node, 'firewalls', {
    kind: 'firewall',
    title: 'Edit Firewall Rules',
    list: (c) => c.firewalls.listAll(),
    item: (f) => ({ label: f.name, description: `${f.rules.length} rule${f.rules.length === 1 ? '' : 's'}` }),
    none: 'There is no firewall.',
  });
  if (!target) return;
  const { project, resource } = target;
  (await ctx.firewallRules()).show(project.id, { id: resource.id, name: resource.name });
}
