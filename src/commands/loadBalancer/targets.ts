// Add Target (a server, a label selector or an IP; by private IP when the Load Balancer and the
// servers share a Network) and Remove Target of a Load Balancer.
import { isIP } from 'node:net';
import type { LoadBalancer, Server, TargetParams } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import { targetLabel } from '../../tree/loadBalancerFormat';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { selectorProblem } from '../labels';
import { runCall } from '../runAction';
import { lbAction, lbName, pickLbTarget, pickLoadBalancer } from './common';

/** Whether the server is in a Network the Load Balancer is attached to. */
function sharesNetwork(lb: LoadBalancer, s: Server): boolean {
  return lb.privateNet.some((p) => (s.privateNet ?? []).some((n) => n.networkId === p.networkId));
}

/** Asks for private or public IP; only where the Load Balancer is in a Network (else public, without asking). */
async function askPrivateIp(ctx: CommandContext, lb: LoadBalancer, title: string, canPrivate: boolean): Promise<boolean | undefined> {
  if (!canPrivate) return false;
  const picked = await ctx.input().quickPick(
    [
      { label: 'Private IP', description: 'through the Network the Load Balancer is attached to', usePrivateIp: true },
      { label: 'Public IP', description: lb.publicNet.enabled ? undefined : "the Load Balancer's public interface is disabled", usePrivateIp: false },
    ],
    { title, placeHolder: 'Send the traffic to the target by' },
  );
  return picked?.usePrivateIp;
}

async function askServerTarget(ctx: CommandContext, project: Project, lb: LoadBalancer, title: string): Promise<TargetParams | undefined> {
  const servers = await runCall(ctx, project, title, (c) => c.servers.listAll());
  if (!servers) return undefined;
  const taken = new Set(lb.targets.filter((t) => t.type === 'server').map((t) => t.serverId));
  const free = servers.filter((s) => !taken.has(s.id));
  if (!free.length) {
    ctx.input().info(servers.length ? `Every server of the project is a target of ${lbName(lb)} already.` : 'The project has no server.');
    return undefined;
  }
  const picked = await ctx.input().quickPick(
    free.map((s) => ({ label: s.name, description: [s.status, s.location?.name, sharesNetwork(lb, s) ? 'in its Network' : undefined].filter(Boolean).join(' · '), server: s })),
    { title, placeHolder: 'Server to balance to' },
  );
  if (!picked) return undefined;
  const usePrivateIp = await askPrivateIp(ctx, lb, `${title}: ${picked.server.name}`, sharesNetwork(lb, picked.server));
  if (usePrivateIp === undefined) return undefined;
  return { type: 'server', serverId: picked.server.id, usePrivateIp };
}

async function askSelectorTarget(ctx: CommandContext, lb: LoadBalancer, title: string): Promise<TargetParams | undefined> {
  const taken = lb.targets.filter((t) => t.type === 'label_selector').map((t) => t.labelSelector);
  const selector = await ctx.input().inputBox({
    title,
    prompt: 'Label selector: every server whose labels match it is a target (e.g. env=prod,role in (web,api))',
    validateInput: (v) => selectorProblem(v.trim()) ?? (taken.includes(v.trim()) ? 'This selector is a target already.' : undefined),
  });
  if (selector === undefined) return undefined;
  const usePrivateIp = await askPrivateIp(ctx, lb, `${title}: ${selector.trim()}`, lb.privateNet.length > 0);
  if (usePrivateIp === undefined) return undefined;
  return { type: 'label_selector', labelSelector: selector.trim(), usePrivateIp };
}

async function askIpTarget(ctx: CommandContext, lb: LoadBalancer, title: string): Promise<TargetParams | undefined> {
  const taken = lb.targets.filter((t) => t.type === 'ip').map((t) => t.ip);
  const ip = await ctx.input().inputBox({
    title,
    prompt: 'IP address of a dedicated (Robot) server of the project owner: public IPv4/IPv6, or a private IP of a vSwitch subnet',
    validateInput: (v) => (!isIP(v.trim()) ? 'Enter an IPv4 or IPv6 address, e.g. 203.0.113.9.' : taken.includes(v.trim()) ? 'This IP is a target already.' : undefined),
  });
  return ip === undefined ? undefined : { type: 'ip', ip: ip.trim() };
}

export async function addLoadBalancerTarget(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Add Target to Load Balancer';
  const t = await pickLoadBalancer(ctx, node, title);
  if (!t) return;
  const lb = t.resource;
  const kind = await ctx.input().quickPick(
    [
      { label: 'Server', description: 'one server of the project', targetType: 'server' as const },
      { label: 'Label selector', description: 'every server whose labels match', targetType: 'label_selector' as const },
      { label: 'IP address', description: 'a dedicated server outside Hetzner Cloud', targetType: 'ip' as const },
    ],
    { title: `${title}: ${lb.name}`, placeHolder: 'What to balance to' },
  );
  if (!kind) return;
  const stepTitle = `${title}: ${lb.name}`;
  const target = kind.targetType === 'server' ? await askServerTarget(ctx, t.project, lb, stepTitle) : kind.targetType === 'label_selector' ? await askSelectorTarget(ctx, lb, stepTitle) : await askIpTarget(ctx, lb, stepTitle);
  if (!target) return;
  const what = target.type === 'server' ? `server ${target.serverId}` : target.type === 'label_selector' ? `label selector "${target.labelSelector}"` : `IP ${target.ip}`;
  await lbAction(ctx, t.project, lb, `Add ${what} to ${lbName(lb)}`, (c) => c.loadBalancers.addTarget(lb.id, target));
}

export async function removeLoadBalancerTarget(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Remove Target from Load Balancer';
  const t = await pickLoadBalancer(ctx, node, title, (lb) => lb.targets.length > 0, 'No Load Balancer of the project has a target.');
  if (!t) return;
  const lb = t.resource;
  const lookup = ctx.tree.projectNode(t.project.id);
  const target = await pickLbTarget(ctx, node, lb, title, lookup);
  if (!target) return;
  const label = targetLabel(target, lookup);
  const ok = await ctx.input().confirm(`Remove target "${label}" from ${lbName(lb)}?`, {
    detail: 'The Load Balancer stops sending traffic to it at once. Nothing on the target is changed.',
    confirmLabel: 'Remove',
  });
  if (!ok) return;
  const params: TargetParams =
    target.type === 'server' ? { type: 'server', serverId: target.serverId as number } : target.type === 'label_selector' ? { type: 'label_selector', labelSelector: target.labelSelector ?? '' } : { type: 'ip', ip: target.ip ?? '' };
  await lbAction(ctx, t.project, lb, `Remove "${label}" from ${lbName(lb)}`, (c) => c.loadBalancers.removeTarget(lb.id, params));
}
