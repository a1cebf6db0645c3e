// A Load Balancer's settings: algorithm, type (with the old and the new monthly price), Network
// (attach, detach), public interface (enable, disable), reverse DNS, protection, rename, labels, delete.
import type { LoadBalancer } from '../../api/types';
import { formatMonthly, formatPriceDetail } from '../../shared/price';
import { algorithmText } from '../../tree/loadBalancerFormat';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { changeProtection, offerUnprotect } from '../protection';
import { runCall } from '../runAction';
import { editTodayLabels } from '../todayApi';
import { FAMILY, LOAD_BALANCER_LABELS, lbAction, lbName, pickLoadBalancer, protectable } from './common';
import { ALGORITHMS, loadBalancerNameProblem, typePriceIn, typesIn } from './createModel';

export async function changeLoadBalancerAlgorithm(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickLoadBalancer(ctx, node, 'Change Algorithm of Load Balancer');
  if (!t) return;
  const lb = t.resource;
  const picked = await ctx.input().quickPick(
    ALGORITHMS.map((a) => ({ label: algorithmText(a), description: a === lb.algorithm ? 'current' : undefined, algorithm: a })),
    { title: `Change Algorithm of ${lb.name}`, placeHolder: 'How new connections are spread over the targets' },
  );
  if (!picked) return;
  if (picked.algorithm === lb.algorithm) {
    ctx.input().info(`${lbName(lb)} uses ${algorithmText(lb.algorithm)} already.`);
    return;
  }
  await lbAction(ctx, t.project, lb, `Change the algorithm of ${lbName(lb)} to ${algorithmText(picked.algorithm)}`, (c) => c.loadBalancers.changeAlgorithm(lb.id, picked.algorithm));
}

export async function changeLoadBalancerType(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Change Type of Load Balancer';
  const t = await pickLoadBalancer(ctx, node, title);
  if (!t) return;
  const lb = t.resource;
  const where = lb.location.name;
  const types = await runCall(ctx, t.project, title, (c) => c.loadBalancerTypes.listAll());
  if (!types) return;
  const current = lb.loadBalancerType;
  const oldPrice = typePriceIn(types.find((x) => x.id === current.id) ?? current, where)?.monthly;
  const fits = (x: (typeof types)[number]) => x.maxServices >= lb.services.length && x.maxTargets >= lb.targets.length;
  const offered = typesIn(types, where).filter((x) => x.id !== current.id);
  if (!offered.length) {
    ctx.input().info(`No other Load Balancer type is offered in ${where}.`);
    return;
  }
  const picked = await ctx.input().quickPick(
    offered.map((x) => ({
      label: x.name,
      description: `${formatMonthly(typePriceIn(x, where)?.monthly)} · now ${formatMonthly(oldPrice)}`,
      detail: `${x.maxConnections} connections · ${x.maxServices} services · ${x.maxTargets} targets${fits(x) ? '' : ` · too small: ${lbName(lb)} has ${lb.services.length} services and ${lb.targets.length} targets`}`,
      type: x,
    })),
    { title: `${title}: ${lb.name} (${current.name}, ${formatMonthly(oldPrice)})`, placeHolder: 'New type' },
  );
  if (!picked) return;
  const newPrice = typePriceIn(picked.type, where);
  const ok = await ctx.input().confirm(`Change ${lbName(lb)} from ${current.name} to ${picked.type.name}?`, {
    detail: `${current.name}: ${formatPriceDetail(oldPrice)}\n${picked.type.name}: ${formatPriceDetail(newPrice?.monthly, newPrice?.hourly)}\nThe new price applies from the change on.`,
    confirmLabel: 'Change Type',
  });
  if (!ok) return;
  await lbAction(ctx, t.project, lb, `Change ${lbName(lb)} to ${picked.type.name}`, (c) => c.loadBalancers.changeType(lb.id, picked.type.name));
}

export async function attachLoadBalancerToNetwork(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Attach Load Balancer to Network';
  const t = await pickLoadBalancer(ctx, node, title, (lb) => !lb.privateNet.length, 'Every Load Balancer of the project is attached to a Network.');
  if (!t) return;
  const lb = t.resource;
  if (lb.privateNet.length) {
    ctx.input().info(`${lbName(lb)} is attached to a Network already; detach it first.`);
    return;
  }
  const networks = await runCall(ctx, t.project, title, (c) => c.networks.listAll());
  if (!networks) return;
  const zone = lb.location.networkZone;
  const usable = networks.filter((n) => n.subnets.some((s) => s.networkZone === zone && s.type !== 'vswitch'));
  if (!usable.length) {
    ctx.input().info(`No Network of the project has a subnet in ${zone ?? "the Load Balancer's network zone"}, where ${lbName(lb)} is.`);
    return;
  }
  const picked = await ctx.input().quickPick(
    usable.map((n) => ({ label: n.name, description: n.ipRange, network: n })),
    { title: `${title}: ${lb.name}`, placeHolder: 'Network (the Load Balancer gets a free address in it)' },
  );
  if (!picked) return;
  await lbAction(ctx, t.project, lb, `Attach ${lbName(lb)} to Network "${picked.network.name}"`, (c) => c.loadBalancers.attachToNetwork(lb.id, { network: picked.network.id }));
}

export async function detachLoadBalancerFromNetwork(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Detach Load Balancer from Network';
  const t = await pickLoadBalancer(ctx, node, title, (lb) => lb.privateNet.length > 0, 'No Load Balancer of the project is attached to a Network.');
  if (!t) return;
  const lb = t.resource;
  const net = lb.privateNet[0];
  if (!net) {
    ctx.input().info(`${lbName(lb)} is not attached to a Network.`);
    return;
  }
  const name = ctx.tree.projectNode(t.project.id)?.networkName(net.networkId) ?? `Network ${net.networkId}`;
  const ok = await ctx.input().confirm(`Detach ${lbName(lb)} from ${name}?`, {
    detail: `It loses its private address ${net.ip}. Targets it reaches by private IP must be removed first; without a public interface it could not be reached at all.`,
    confirmLabel: 'Detach',
  });
  if (!ok) return;
  await lbAction(ctx, t.project, lb, `Detach ${lbName(lb)} from ${name}`, (c) => c.loadBalancers.detachFromNetwork(lb.id, net.networkId));
}

export async function enableLoadBalancerPublicInterface(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickLoadBalancer(ctx, node, 'Enable Public Interface of Load Balancer', (lb) => !lb.publicNet.enabled, 'Every Load Balancer of the project has its public interface enabled.');
  if (!t) return;
  const lb = t.resource;
  if (lb.publicNet.enabled) {
    ctx.input().info(`The public interface of ${lbName(lb)} is enabled already.`);
    return;
  }
  await lbAction(ctx, t.project, lb, `Enable the public interface of ${lbName(lb)}`, (c) => c.loadBalancers.enablePublicInterface(lb.id));
}

export async function disableLoadBalancerPublicInterface(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickLoadBalancer(ctx, node, 'Disable Public Interface of Load Balancer', (lb) => lb.publicNet.enabled, 'No Load Balancer of the project has its public interface enabled.');
  if (!t) return;
  const lb = t.resource;
  if (!lb.publicNet.enabled) {
    ctx.input().info(`The public interface of ${lbName(lb)} is disabled already.`);
    return;
  }
  const ok = await ctx.input().confirm(`Disable the public interface of ${lbName(lb)}?`, {
    detail: `It is no longer reachable from the internet at ${[lb.publicNet.ipv4?.ip, lb.publicNet.ipv6?.ip].filter(Boolean).join(' and ')}: only through its Network.`,
    confirmLabel: 'Disable',
  });
  if (!ok) return;
  await lbAction(ctx, t.project, lb, `Disable the public interface of ${lbName(lb)}`, (c) => c.loadBalancers.disablePublicInterface(lb.id));
}

/** A reverse DNS name typed by the user: empty (the default) or a hostname. */
function ptrProblem(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  return /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/.test(t) ? undefined : 'Enter a hostname, e.g. lb.example.com (or nothing for the default).';
}

export async function changeLoadBalancerDnsPtr(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Edit Reverse DNS of Load Balancer';
  const t = await pickLoadBalancer(ctx, node, title);
  if (!t) return;
  const lb = t.resource;
  const ips = [lb.publicNet.ipv4, lb.publicNet.ipv6].filter((a): a is { ip: string; dnsPtr?: string } => !!a?.ip);
  if (!ips.length) {
    ctx.input().info(`${lbName(lb)} has no public IP.`);
    return;
  }
  const picked = ips.length === 1 ? { address: ips[0] } : await ctx.input().quickPick(ips.map((a) => ({ label: a.ip, description: a.dnsPtr ?? 'default', address: a })), { title: `${title}: ${lb.name}`, placeHolder: 'Address' });
  if (!picked) return;
  const a = picked.address;
  const name = await ctx.input().inputBox({ title: `${title}: ${a.ip}`, prompt: 'Hostname for the reverse DNS entry (empty: the default)', value: a.dnsPtr ?? '', validateInput: ptrProblem });
  if (name === undefined || name.trim() === (a.dnsPtr ?? '')) return;
  const ptr = name.trim() || null;
  await lbAction(ctx, t.project, lb, `Set the reverse DNS of ${a.ip} to ${ptr ?? 'the default'}`, (c) => c.loadBalancers.changeDnsPtr(lb.id, a.ip, ptr));
}

export async function changeLoadBalancerProtection(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickLoadBalancer(ctx, node, 'Change Protection of Load Balancer');
  if (t) await changeProtection(ctx, protectable(t));
}

export async function renameLoadBalancer(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickLoadBalancer(ctx, node, 'Rename Load Balancer');
  if (!t) return;
  const lb = t.resource;
  const name = await ctx.input().inputBox({ title: `Rename ${lbName(lb)}`, prompt: 'New name (unique in the project)', value: lb.name, validateInput: (x) => loadBalancerNameProblem(x) });
  if (name === undefined || name.trim() === lb.name) return;
  const updated = await runCall(ctx, t.project, `Rename ${lbName(lb)}`, (c) => c.loadBalancers.update(lb.id, { name: name.trim() }));
  ctx.tree.resourceChanged(t.project.id, 'loadBalancer', lb.id);
  if (updated) ctx.input().info(`${lbName(lb)} renamed to "${updated.name}".`);
}

export const editLoadBalancerLabels = (ctx: CommandContext, node?: TreeNode) => editTodayLabels(ctx, node, LOAD_BALANCER_LABELS, FAMILY);

export async function deleteLoadBalancer(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickLoadBalancer(ctx, node, 'Delete Load Balancer');
  if (!t) return;
  const lb: LoadBalancer = t.resource;
  if (!(await offerUnprotect(ctx, protectable(t)))) return;
  const addresses = [lb.publicNet.ipv4?.ip, lb.publicNet.ipv6?.ip].filter(Boolean).join(' and ');
  const ok = await ctx.input().confirm(`Delete ${lbName(lb)}?`, {
    detail: `Its ${lb.services.length} services stop at once and its addresses${addresses ? ` (${addresses})` : ''} are released; this cannot be undone. The targets and certificates stay.`,
    confirmLabel: 'Delete',
  });
  if (!ok) return;
  const done = await runCall(ctx, t.project, `Delete ${lbName(lb)}`, (c) => c.loadBalancers.delete(lb.id).then(() => true));
  ctx.tree.resourceChanged(t.project.id, 'loadBalancer', lb.id);
  if (done) ctx.input().info(`${lbName(lb)} deleted.`);
}
