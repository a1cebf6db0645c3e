// Network commands (today's API): Create, Change IP Range, Add / Delete Subnet, Add / Delete Route,
// Expose Routes to vSwitch, Rename, Change Protection, Delete. From the tree they take the node
// (kind 'network'; a subnet's or route's row for its Delete); from the palette they ask for project
// and Network, and against a project whose API is the 2018 one they say it has no networks
// (todayApi.ts). Every range and address is checked as it is typed; cancelling a prompt sends nothing.
// Networks cost nothing: no price to show.
import type { HcloudClient } from '../api/client';
import type { Action, Network, NetworkRoute, Subnet, SubnetParams } from '../api/types';
import type { Project } from '../projects/projectStore';
import type { RoutePart, SubnetPart } from '../tree/networkPresenter';
import type { TreeNode } from '../tree/node';
import { isResourceNode } from '../tree/resourceNode';
import type { CommandContext } from './context';
import { firstSubnetOf, validateIpIn, validateLargerRange, validateNetworkRange, validateRouteDestination, validateSubnetRange, validateVswitchId } from './networkValidate';
import { NETWORK_LABELS } from './labels';
import type { Target } from './pick';
import { changeProtection, offerUnprotect, type Protectable } from './protection';
import { runAction, runCall } from './runAction';
import { editTodayLabels, pickTodayProject, pickTodayTarget } from './todayApi';
import { unsafeCharacterProblem } from './validate';
import { pickPlaceholder } from './pickWords';

/** How the 2018 message names the family. */
export const NETWORKS = 'networks';

export function pickNetwork(ctx: CommandContext, node: TreeNode | undefined, title: string): Promise<Target<Network> | undefined> {
  if (node && (isResourceNode<SubnetPart>(node, 'subnet') || isResourceNode<RoutePart>(node, 'route'))) return Promise.resolve({ project: node.project, resource: node.resource.network });
  return pickTodayTarget<Network>(ctx, node, NETWORKS, {
    kind: 'network',
    title,
    list: (c) => c.networks.listAll(),
    item: (n) => ({ label: n.name, description: n.ipRange, detail: `${n.subnets.length} subnets · ${n.serverIds.length} servers${n.protection.delete ? ' · protected' : ''}` }),
    none: 'The project has no Network.',
  });
}

const validateName = (v: string) => (v.trim() ? unsafeCharacterProblem(v, 'A network name') : 'Enter a name.');

function changed(ctx: CommandContext, project: Project, network?: Network): void {
  ctx.tree.resourceChanged(project.id, 'network', network?.id);
}

/** Runs one Network action under progress; the Network's folder reloads after. */
function networkAction(ctx: CommandContext, t: Target<Network>, title: string, start: (c: HcloudClient) => Promise<Action>): Promise<unknown> {
  return runAction(ctx, {
    project: t.project,
    title,
    start: async (c) => ({ actions: [await start(c)], result: true }),
    affects: [{ kind: 'network', id: t.resource.id }],
  });
}

/** The network zones of the project's locations (one request). */
async function networkZones(ctx: CommandContext, project: Project, title: string): Promise<string[] | undefined> {
  const locations = await runCall(ctx, project, title, (c) => c.locations.listAll());
  return locations && [...new Set(locations.map((l) => l.networkZone).filter((z): z is string => !!z))];
}

/** Asks for a subnet to add: type (cloud or vSwitch; the deprecated `server` is offered nowhere), zone, range, vSwitch id. */
async function askSubnet(ctx: CommandContext, project: Project, title: string, network: Pick<Network, 'ipRange' | 'subnets' | 'routes'>, optional: boolean): Promise<SubnetParams | null | undefined> {
  const items = [
    { label: 'Cloud subnet', description: 'cloud', detail: 'For cloud servers (and load balancers) of one network zone.', type: 'cloud' as const },
    { label: 'vSwitch subnet', description: 'vswitch', detail: 'Connects dedicated servers through a Robot vSwitch.', type: 'vswitch' as const },
    ...(optional ? [{ label: 'No subnet now', description: undefined, detail: 'Add subnets later.', type: undefined }] : []),
  ];
  const kind = await ctx.input().quickPick(items, { title: `${title}: subnet`, placeHolder: 'Type of the subnet' });
  if (!kind) return undefined;
  if (!kind.type) return null;
  const zones = await networkZones(ctx, project, title);
  if (!zones) return undefined;
  const zone = zones.length === 1 ? zones[0] : (await ctx.input().quickPick(zones.map((z) => ({ label: z })), { title: `${title}: network zone`, placeHolder: 'Network zone of the subnet' }))?.label;
  if (!zone) return undefined;
  const range = await ctx.input().inputBox({
    title: `${title}: subnet range`,
    prompt: `An IP range inside ${network.ipRange} (at least a /30); leave empty for the first free /24`,
    value: network.subnets.length ? '' : (firstSubnetOf(network.ipRange) ?? ''),
    validateInput: (v) => validateSubnetRange(v, network),
  });
  if (range === undefined) return undefined;
  let vswitchId: number | undefined;
  if (kind.type === 'vswitch') {
    const id = await ctx.input().inputBox({ title: `${title}: vSwitch`, prompt: 'ID of the Robot vSwitch', validateInput: validateVswitchId });
    if (id === undefined) return undefined;
    vswitchId = Number(id.trim());
  }
  return { type: kind.type, networkZone: zone, ipRange: range.trim() || undefined, vswitchId };
}

export async function createNetwork(ctx: CommandContext, node?: TreeNode): Promise<Network | undefined> {
  const TITLE = 'Create Network';
  const project = await pickTodayProject(ctx, node, TITLE, NETWORKS);
  if (!project) return undefined;
  const name = await ctx.input().inputBox({ title: `${TITLE}: name`, prompt: 'Name of the network (unique in the project)', validateInput: validateName });
  if (name === undefined) return undefined;
  const ipRange = await ctx.input().inputBox({
    title: `${TITLE}: IP range`,
    prompt: 'A private IPv4 range (RFC 1918), at least a /24; it can grow later, never shrink',
    value: '10.0.0.0/16',
    validateInput: validateNetworkRange,
  });
  if (ipRange === undefined) return undefined;
  const range = ipRange.trim();
  const subnet = await askSubnet(ctx, project, TITLE, { ipRange: range, subnets: [], routes: [] }, true);
  if (subnet === undefined) return undefined;
  const created = await runCall(ctx, project, `Create network "${name.trim()}"`, (c) => c.networks.create({ name: name.trim(), ipRange: range, subnets: subnet ? [subnet] : undefined }));
  changed(ctx, project);
  if (created) ctx.input().info(`Network "${created.name}" (${created.ipRange}) created.`);
  return created;
}

export async function changeNetworkIpRange(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Change IP Range of Network';
  const t = await pickNetwork(ctx, node, TITLE);
  if (!t) return;
  const n = t.resource;
  const typed = await ctx.input().inputBox({
    title: `${TITLE}: ${n.name} (${n.ipRange})`,
    prompt: `A larger range starting at ${n.ipRange.split('/')[0]}: only the prefix can shrink. Servers learn the new routes after a reboot.`,
    value: n.ipRange,
    validateInput: (v) => validateLargerRange(v, n.ipRange),
  });
  if (typed === undefined) return;
  await networkAction(ctx, t, `Change IP range of network "${n.name}" to ${typed.trim()}`, (c) => c.networks.changeIpRange(n.id, typed.trim()));
}

export async function addNetworkSubnet(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Add Subnet to Network';
  const t = await pickNetwork(ctx, node, TITLE);
  if (!t) return;
  const subnet = await askSubnet(ctx, t.project, `${TITLE}: ${t.resource.name}`, t.resource, false);
  if (!subnet) return;
  const what = subnet.ipRange ?? 'the first free /24';
  await networkAction(ctx, t, `Add ${subnet.type === 'vswitch' ? `vSwitch ${subnet.vswitchId} ` : ''}subnet ${what} to network "${t.resource.name}"`, (c) => c.networks.addSubnet(t.resource.id, subnet));
}

/** The subnet or route of a row, or one picked from the Network's. */
async function pickPart<P>(ctx: CommandContext, t: Target<Network>, fromNode: P | undefined, parts: P[], title: string, item: (p: P) => { label: string; description?: string }, kind: 'subnet' | 'route'): Promise<P | undefined> {
  if (fromNode) return fromNode;
  if (!parts.length) {
    ctx.input().info(`Network "${t.resource.name}" has no ${kind}.`);
    return undefined;
  }
  return (await ctx.input().quickPick(parts.map((p) => ({ ...item(p), part: p })), { title: `${title}: ${t.resource.name}`, placeHolder: pickPlaceholder(kind, title) }))?.part;
}

export async function deleteNetworkSubnet(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Delete Subnet';
  const t = await pickNetwork(ctx, node, TITLE);
  if (!t) return;
  const fromNode = isResourceNode<SubnetPart>(node, 'subnet') ? node.resource.subnet : undefined;
  const s = await pickPart<Subnet>(ctx, t, fromNode, t.resource.subnets, TITLE, (x) => ({ label: x.ipRange, description: `${x.type} · ${x.networkZone}` }), 'subnet');
  if (!s) return;
  const ok = await ctx.input().confirm(`Delete subnet ${s.ipRange} of network "${t.resource.name}"?`, {
    detail: 'Servers attached in this subnet must be detached first; the API refuses otherwise.',
    confirmLabel: 'Delete Subnet',
  });
  if (!ok) return;
  await networkAction(ctx, t, `Delete subnet ${s.ipRange} of network "${t.resource.name}"`, (c) => c.networks.deleteSubnet(t.resource.id, s.ipRange));
}

export async function addNetworkRoute(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Add Route to Network';
  const t = await pickNetwork(ctx, node, TITLE);
  if (!t) return;
  const n = t.resource;
  const destination = await ctx.input().inputBox({ title: `${TITLE}: ${n.name}`, prompt: 'Destination: a private range or 0.0.0.0/0', placeHolder: 'e.g. 10.100.1.0/24', validateInput: (v) => validateRouteDestination(v, n) });
  if (destination === undefined) return;
  const gateway = await ctx.input().inputBox({ title: `${TITLE}: ${n.name}`, prompt: `Gateway: an address inside ${n.ipRange} (a server that routes)`, validateInput: (v) => validateIpIn(v, n.ipRange, 'The gateway') });
  if (gateway === undefined) return;
  const route: NetworkRoute = { destination: destination.trim(), gateway: gateway.trim() };
  await networkAction(ctx, t, `Add route ${route.destination} → ${route.gateway} to network "${n.name}"`, (c) => c.networks.addRoute(n.id, route));
}

export async function deleteNetworkRoute(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Delete Route';
  const t = await pickNetwork(ctx, node, TITLE);
  if (!t) return;
  const fromNode = isResourceNode<RoutePart>(node, 'route') ? node.resource.route : undefined;
  const r = await pickPart<NetworkRoute>(ctx, t, fromNode, t.resource.routes, TITLE, (x) => ({ label: `${x.destination} → ${x.gateway}` }), 'route');
  if (!r) return;
  const ok = await ctx.input().confirm(`Delete route ${r.destination} → ${r.gateway} of network "${t.resource.name}"?`, { detail: 'Traffic to the destination no longer goes through the gateway.', confirmLabel: 'Delete Route' });
  if (!ok) return;
  await networkAction(ctx, t, `Delete route ${r.destination} → ${r.gateway} of network "${t.resource.name}"`, (c) => c.networks.deleteRoute(t.resource.id, r));
}

export async function exposeNetworkRoutesToVswitch(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Expose Routes to vSwitch';
  const t = await pickNetwork(ctx, node, TITLE);
  if (!t) return;
  const on = t.resource.exposeRoutesToVswitch;
  const picked = await ctx.input().quickPick(
    [
      { label: 'Expose the routes to the vSwitch', description: on ? 'current' : undefined, expose: true },
      { label: 'Do not expose them', description: on ? undefined : 'current', expose: false },
    ],
    { title: `${TITLE}: ${t.resource.name}`, placeHolder: 'Takes effect only where a vSwitch subnet is set up' },
  );
  if (!picked || picked.expose === on) return;
  const updated = await runCall(ctx, t.project, `${picked.expose ? 'Expose' : 'Stop exposing'} the routes of network "${t.resource.name}" to its vSwitch`, (c) => c.networks.update(t.resource.id, { exposeRoutesToVswitch: picked.expose }));
  changed(ctx, t.project, t.resource);
  if (updated) ctx.input().info(`The routes of network "${t.resource.name}" are ${picked.expose ? 'now exposed' : 'no longer exposed'} to its vSwitch.`);
}

export async function renameNetwork(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Rename Network';
  const t = await pickNetwork(ctx, node, TITLE);
  if (!t) return;
  const name = await ctx.input().inputBox({ title: `${TITLE}: ${t.resource.name}`, prompt: 'New name', value: t.resource.name, validateInput: validateName });
  if (name === undefined || name.trim() === t.resource.name) return;
  const updated = await runCall(ctx, t.project, `Rename network "${t.resource.name}"`, (c) => c.networks.update(t.resource.id, { name: name.trim() }));
  changed(ctx, t.project, t.resource);
  if (updated) ctx.input().info(`Network "${t.resource.name}" renamed to "${updated.name}".`);
}

function protectable(t: Target<Network>): Protectable {
  return {
    project: t.project,
    kind: 'network',
    id: t.resource.id,
    what: `Network "${t.resource.name}"`,
    protected: t.resource.protection.delete,
    changeProtection: (c: HcloudClient, remove: boolean) => c.networks.changeProtection(t.resource.id, { delete: !remove }),
  };
}

export async function changeNetworkProtection(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickNetwork(ctx, node, 'Change Protection of Network');
  if (t) await changeProtection(ctx, protectable(t));
}

export async function deleteNetwork(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickNetwork(ctx, node, 'Delete Network');
  if (!t) return;
  const n = t.resource;
  if (!(await offerUnprotect(ctx, protectable(t)))) return;
  const attached = n.serverIds.length ? `Its ${n.serverIds.length === 1 ? 'server is' : `${n.serverIds.length} servers are`} detached from it first. ` : '';
  const ok = await ctx.input().confirm(`Delete network "${n.name}" (${n.ipRange})?`, { detail: `${attached}Its subnets and routes go with it.`, confirmLabel: 'Delete' });
  if (!ok) return;
  const done = await runCall(ctx, t.project, `Delete network "${n.name}"`, (c) => c.networks.delete(n.id).then(() => true));
  changed(ctx, t.project, n);
  for (const id of n.serverIds) ctx.tree.resourceChanged(t.project.id, 'server', id);
  if (done) ctx.input().info(`Network "${n.name}" deleted.`);
}

export const editNetworkLabels = (ctx: CommandContext, node?: TreeNode) => editTodayLabels(ctx, node, NETWORK_LABELS, NETWORKS);
