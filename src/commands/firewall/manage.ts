// Apply Firewall (from a firewall, or "Apply Firewall…" from a server), Remove Firewall from
// resources, Rename, Edit Labels, Delete (when applied: says to what, and offers to remove it from
// them first) and Show Actions of firewalls.
import type { Firewall, FirewallResource, Server } from '../../api/types';
import { appliedToList, appliedToText } from '../../tree/firewallFormat';
import type { TreeNode } from '../../tree/node';
import { isResourceNode } from '../../tree/resourceNode';
import type { CommandContext } from '../context';
import { confirm, type Target } from '../pick';
import { runAction, runCall } from '../runAction';
import { editTodayLabels } from '../todayApi';
import { FIREWALL_LABELS, FIREWALLS, firewallName, firewallNameProblem, pickApplyTargets, pickFirewall } from './common';

type Affected = Array<{ kind: 'firewall' | 'server'; id?: number }>;

function affected(f: Firewall, resources: FirewallResource[]): Affected {
  return [{ kind: 'firewall', id: f.id }, ...resources.flatMap((r) => (r.type === 'server' ? [{ kind: 'server' as const, id: r.serverId }] : [{ kind: 'server' as const }]))];
}

/** Applies the firewall to `resources` or removes it from them (`what` names them), under one progress notification. */
async function change(ctx: CommandContext, t: Target<Firewall>, verb: 'apply' | 'remove', resources: FirewallResource[], what: string): Promise<boolean> {
  const f = t.resource;
  const done = await runAction(ctx, {
    project: t.project,
    title: verb === 'apply' ? `Apply ${firewallName(f)} to ${what}` : `Remove ${firewallName(f)} from ${what}`,
    start: async (c) => ({ actions: await (verb === 'apply' ? c.firewalls.applyToResources(f.id, resources) : c.firewalls.removeFromResources(f.id, resources)), result: true }),
    affects: affected(f, resources),
  });
  return done === true;
}

const directServers = (f: Firewall) => f.appliedTo.flatMap((a) => (a.type === 'server' ? [a.serverId] : []));

/** From a firewall: servers or a selector. From a server ("Apply Firewall…"): a firewall not applied to it yet. */
export async function applyFirewall(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Apply Firewall';
  if (isResourceNode<Server>(node, 'server')) {
    const server = node.resource;
    const t = await pickFirewall(ctx, undefined, `${title} to "${server.name}"`, (f) => !directServers(f).includes(server.id), 'Every firewall is applied to this server already.');
    if (t) await change(ctx, t, 'apply', [{ type: 'server', serverId: server.id }], `"${server.name}"`);
    return;
  }
  const t = await pickFirewall(ctx, node, title);
  if (!t) return;
  const resources = await pickApplyTargets(ctx, t.project, `${title}: ${t.resource.name}`, directServers(t.resource), false);
  if (!resources?.length) return;
  const servers = await runCall(ctx, t.project, title, (c) => c.servers.listAll());
  const names = resources.map((r) => (r.type === 'server' ? (servers?.find((s) => s.id === r.serverId)?.name ?? `server ${r.serverId}`) : `selector ${r.selector}`));
  await change(ctx, t, 'apply', resources, names.length > 2 ? `${names.length} resources` : names.join(' and '));
}

/** Picks among what the firewall is applied to: its servers and its selectors (a server covered only by a selector goes with the selector). */
export async function removeFirewall(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Remove Firewall from Resources';
  const t = await pickFirewall(ctx, node, title, (f) => f.appliedTo.length > 0, 'No firewall is applied to anything.');
  if (!t) return;
  const f = t.resource;
  if (!f.appliedTo.length) {
    ctx.input().info(`${firewallName(f)} is not applied to anything.`);
    return;
  }
  const servers = await runCall(ctx, t.project, title, (c) => c.servers.listAll());
  const lookup = { serverName: (id: number) => servers?.find((s) => s.id === id)?.name, floatingIp: () => undefined };
  const picked = await ctx.input().quickPickMany(
    f.appliedTo.map((a) => ({
      label: appliedToText(a, lookup),
      description: a.type === 'server' ? 'server' : `label selector · ${a.serverIds.length === 1 ? '1 server' : `${a.serverIds.length} servers`}`,
      resource: (a.type === 'server' ? { type: 'server', serverId: a.serverId } : { type: 'labelSelector', selector: a.selector }) as FirewallResource,
    })),
    { title: `${title}: ${f.name}`, placeHolder: 'Remove the firewall from' },
  );
  if (!picked?.length) return;
  await change(ctx, t, 'remove', picked.map((p) => p.resource), picked.length > 2 ? `${picked.length} resources` : picked.map((p) => p.label).join(' and '));
}

export async function renameFirewall(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickFirewall(ctx, node, 'Rename Firewall');
  const f = t?.resource;
  if (!t || !f) return;
  const title = `Rename ${firewallName(f)}`;
  const typed = await ctx.input().inputBox({ title, prompt: 'New name (unique in the project, at most 128 characters)', value: f.name, validateInput: (x) => firewallNameProblem(x.trim()) });
  const name = typed?.trim();
  if (name === undefined || name === f.name) return;
  const updated = await runCall(ctx, t.project, title, (c) => c.firewalls.update(f.id, { name }));
  ctx.tree.resourceChanged(t.project.id, 'firewall', f.id);
  if (updated) ctx.input().info(`Firewall "${f.name}" renamed to "${updated.name}".`);
}

export async function deleteFirewall(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickFirewall(ctx, node, 'Delete Firewall');
  const f = t?.resource;
  if (!t || !f) return;
  if (f.appliedTo.length) {
    const servers = await runCall(ctx, t.project, 'Delete Firewall', (c) => c.servers.listAll());
    const where = appliedToList(f, { serverName: (id) => servers?.find((s) => s.id === id)?.name, floatingIp: () => undefined });
    const first = await ctx.input().confirm(`Firewall "${f.name}" is applied to ${where}.`, {
      detail: 'A firewall is deleted only when it is applied to nothing. Remove it from all of them now? You are asked again before it is deleted.',
      confirmLabel: 'Remove from All',
    });
    const all: FirewallResource[] = f.appliedTo.map((a) => (a.type === 'server' ? { type: 'server', serverId: a.serverId } : { type: 'labelSelector', selector: a.selector }));
    if (!first || !(await change(ctx, t, 'remove', all, where))) return;
  }
  const rules = f.rules.length === 1 ? 'rule is' : `${f.rules.length} rules are`;
  if (!(await confirm(ctx, `Delete ${firewallName(f)}?`, `Its ${rules} deleted with it; this cannot be undone.`, 'Delete'))) return;
  const done = await runCall(ctx, t.project, `Delete ${firewallName(f)}`, (c) => c.firewalls.delete(f.id).then(() => true));
  ctx.tree.resourceChanged(t.project.id, 'firewall', f.id);
  if (done) ctx.input().info(`Firewall "${f.name}" deleted.`);
}

export const editFirewallLabels = (ctx: CommandContext, node?: TreeNode) => editTodayLabels(ctx, node, FIREWALL_LABELS, FIREWALLS);
