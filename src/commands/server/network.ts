// A server's private networks (today's API): Attach to Network (IP optional, alias IPs), Detach
// from Network (confirmed), Change Alias IPs. From the tree they take the server node; from the
// palette they ask for the project, say so when its API is the 2018 one (which has no networks,
// todayApi.ts), then ask for the server. Addresses are checked as they are typed.
import type { Network, Server, ServerPrivateNet } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import { isResourceNode } from '../../tree/resourceNode';
import type { CommandContext } from '../context';
import { NETWORKS } from '../network';
import { parseAliasIps, validateAliasIps, validateIpIn } from '../networkValidate';
import { runAction, runCall } from '../runAction';
import { pickTodayProject } from '../todayApi';
import { pickServer, q, type ServerTarget } from './common';

/** The server: the node's; from the palette, one picked in a project whose API has networks. */
async function pickServerWithNetworks(ctx: CommandContext, node: TreeNode | undefined, title: string, filter?: (s: Server) => boolean, none?: string): Promise<ServerTarget | undefined> {
  if (isResourceNode<Server>(node, 'server')) return pickServer(ctx, node, title, filter, none);
  const project = await pickTodayProject(ctx, node, title, NETWORKS);
  return project && pickServer(ctx, undefined, title, filter, none, project);
}

async function listNetworks(ctx: CommandContext, t: ServerTarget, title: string): Promise<Network[] | undefined> {
  return runCall(ctx, t.project, title, (c) => c.networks.listAll());
}

const networkLabel = (networks: Network[], id: number) => networks.find((n) => n.id === id)?.name ?? `network ${id}`;

/** Runs one of the server's network actions; the server and the Network refresh after. */
function run(ctx: CommandContext, t: ServerTarget, networkId: number, title: string, start: Parameters<typeof runAction>[1]['start']): Promise<unknown> {
  return runAction(ctx, { project: t.project, title, start, affects: [{ kind: 'server', id: t.resource.id }, { kind: 'network', id: networkId }] });
}

export async function attachToNetwork(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Attach Server to Network';
  const t = await pickServerWithNetworks(ctx, node, TITLE);
  if (!t) return;
  const s = t.resource;
  const networks = await listNetworks(ctx, t, TITLE);
  if (!networks) return;
  const attached = new Set((s.privateNet ?? []).map((p) => p.networkId));
  const zone = s.location?.networkZone;
  const candidates = networks.filter((n) => !attached.has(n.id));
  if (!candidates.length) {
    ctx.input().info(networks.length ? `Server ${q(s)} is in every network of the project.` : `Project "${t.project.name}" has no network. Create one first.`);
    return;
  }
  const picked = await ctx.input().quickPick(
    candidates.map((n) => {
      const usable = n.subnets.filter((x) => x.type !== 'vswitch' && (!zone || x.networkZone === zone));
      return { label: n.name, description: n.ipRange, detail: usable.length ? `subnets for this server: ${usable.map((x) => x.ipRange).join(', ')}` : `no subnet in ${zone ?? "the server's zone"}: add one first`, network: n };
    }),
    { title: `${TITLE}: ${s.name}`, placeHolder: 'Network to attach the server to' },
  );
  if (!picked) return;
  const n = picked.network;
  const ip = await ctx.input().inputBox({
    title: `${TITLE}: ${s.name} → ${n.name}`,
    prompt: `The server's IP inside ${n.ipRange}; leave empty to get a free one`,
    validateInput: (v) => (v.trim() ? validateIpIn(v, n.ipRange, 'The IP') : undefined),
  });
  if (ip === undefined) return;
  const aliases = await ctx.input().inputBox({
    title: `${TITLE}: ${s.name} → ${n.name}`,
    prompt: 'Alias IPs, separated by commas (optional; configure them on the server by hand)',
    validateInput: (v) => validateAliasIps(v, n.ipRange),
  });
  if (aliases === undefined) return;
  const aliasIps = parseAliasIps(aliases);
  const params = { network: n.id, ip: ip.trim() || undefined, aliasIps: aliasIps.length ? aliasIps : undefined };
  await run(ctx, t, n.id, `Attach ${q(s)} to network "${n.name}"${params.ip ? ` as ${params.ip}` : ''}`, async (c) => ({ actions: [await c.serverNetworks.attachToNetwork(s.id, params)], result: true }));
}

/** The server's interface to act on: its only one, or one picked. */
async function pickInterface(ctx: CommandContext, s: Server, networks: Network[], title: string): Promise<ServerPrivateNet | undefined> {
  const nets = s.privateNet ?? [];
  if (nets.length <= 1) return nets[0];
  const picked = await ctx.input().quickPick(
    nets.map((p) => ({ label: networkLabel(networks, p.networkId), description: [p.ip, ...p.aliasIps].join(', '), net: p })),
    { title: `${title}: ${s.name}`, placeHolder: 'Network' },
  );
  return picked?.net;
}

const isAttached = (s: Server) => (s.privateNet?.length ?? 0) > 0;

/** An attached server (the node's, or one picked) and its interface to act on, with the Network's name and range. */
async function pickAttached(ctx: CommandContext, node: TreeNode | undefined, title: string): Promise<{ t: ServerTarget; net: ServerPrivateNet; name: string; range: string } | undefined> {
  const t = await pickServerWithNetworks(ctx, node, title, isAttached, 'No server is attached to a network.');
  if (!t) return undefined;
  if (!isAttached(t.resource)) {
    ctx.input().info(`Server ${q(t.resource)} is not attached to a network.`);
    return undefined;
  }
  const networks = (await listNetworks(ctx, t, title)) ?? [];
  const net = await pickInterface(ctx, t.resource, networks, title);
  if (!net) return undefined;
  return { t, net, name: networkLabel(networks, net.networkId), range: networks.find((n) => n.id === net.networkId)?.ipRange ?? '0.0.0.0/0' };
}

export async function detachFromNetwork(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Detach Server from Network';
  const picked = await pickAttached(ctx, node, TITLE);
  if (!picked) return;
  const { t, net, name } = picked;
  const s = t.resource;
  const ok = await ctx.input().confirm(`Detach ${q(s)} from network "${name}"?`, {
    detail: `The server loses its private IP ${net.ip}${net.aliasIps.length ? ` and alias IPs ${net.aliasIps.join(', ')}` : ''}; its interface in the network goes away.`,
    confirmLabel: 'Detach',
  });
  if (!ok) return;
  await run(ctx, t, net.networkId, `Detach ${q(s)} from network "${name}"`, async (c) => ({ actions: [await c.serverNetworks.detachFromNetwork(s.id, net.networkId)], result: true }));
}

export async function changeAliasIps(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Change Alias IPs';
  const picked = await pickAttached(ctx, node, TITLE);
  if (!picked) return;
  const { t, net, name, range } = picked;
  const s = t.resource;
  const typed = await ctx.input().inputBox({
    title: `${TITLE}: ${s.name} in "${name}" (${net.ip})`,
    prompt: 'All alias IPs, separated by commas: the list replaces the current one (empty removes them all)',
    value: net.aliasIps.join(', '),
    validateInput: (v) => validateAliasIps(v, range),
  });
  if (typed === undefined) return;
  const aliasIps = parseAliasIps(typed);
  if (aliasIps.join(',') === net.aliasIps.join(',')) return;
  await run(ctx, t, net.networkId, `Set the alias IPs of ${q(s)} in network "${name}" to ${aliasIps.length ? aliasIps.join(', ') : 'none'}`, async (c) => ({
    actions: [await c.serverNetworks.changeAliasIps(s.id, net.networkId, aliasIps)],
    result: true,
  }));
}
