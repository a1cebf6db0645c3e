// Primary IP commands (today's API): Create, Assign, Unassign, Change Reverse DNS, Change
// Auto-Delete, Change Protection, Rename, Copy IP, Delete. From the tree they take the node (kind
// 'primaryIp'); from the palette they ask for project and Primary IP, and against a project whose
// API is the 2018 one they say it has none (todayApi.ts). Assign and unassign need the server off:
// they say so and offer to shut it down first (the server's Shut Down).
import * as vscode from 'vscode';
import type { HcloudClient } from '../api/client';
import type { Location, PrimaryIp, Server } from '../api/types';
import type { Project } from '../projects/projectStore';
import { formatPriceDetail } from '../shared/price';
import type { TreeNode } from '../tree/node';
import { ipFamilyText, primaryIpPrice } from '../tree/primaryIpFormat';
import type { CommandContext } from './context';
import { PRIMARY_IP_LABELS } from './labels';
import type { Target } from './pick';
import { changeProtection, offerUnprotect, type Protectable } from './protection';
import { runAction, runCall } from './runAction';
import { q, serverAction } from './server/common';
import { editTodayLabels, pickTodayProject, pickTodayTarget } from './todayApi';
import { suggestIpv6, validateIpv6InNetwork, validateReverseDnsName } from './validate';

const FAMILY = 'Primary IPs';

/** `"web-ip" (203.0.113.9)`: how messages name a Primary IP. */
export const primaryIpName = (p: PrimaryIp): string => `"${p.name}" (${p.ip})`;

const NAME_RULE = /^\S.{0,62}$/;
const validateName = (v: string) => (NAME_RULE.test(v.trim()) ? undefined : 'A name of 1 to 63 characters.');

function pickPrimaryIp(ctx: CommandContext, node: TreeNode | undefined, title: string, filter?: (p: PrimaryIp) => boolean, none = 'There is no Primary IP.'): Promise<Target<PrimaryIp> | undefined> {
  return pickTodayTarget<PrimaryIp>(ctx, node, FAMILY, {
    kind: 'primaryIp',
    title,
    list: (c) => c.primaryIps.listAll(),
    filter,
    item: (p) => ({
      label: p.ip,
      description: [p.name, p.assigneeId === undefined ? 'unassigned' : `server ${p.assigneeId}`].join(' · '),
      detail: `${p.location.name}${p.autoDelete ? ' · auto-delete' : ''}${p.protection.delete ? ' · protected' : ''}`,
    }),
    none,
  });
}

const affects = (p: PrimaryIp, serverId?: number) => [{ kind: 'primaryIp' as const, id: p.id }, ...(serverId === undefined ? [] : [{ kind: 'server' as const, id: serverId }])];

/**
 * The server must be off for a Primary IP to come or go: says so and offers to shut it down (the
 * server's Shut Down, waited for). True when it is off.
 */
async function ensureOff(ctx: CommandContext, project: Project, server: Server, why: string): Promise<boolean> {
  if (server.status === 'off') return true;
  const ok = await ctx.input().confirm(`Server ${q(server)} must be off to ${why}.`, {
    detail: `It is ${server.status}. Shut it down now (a clean shutdown), then ${why}?`,
    confirmLabel: 'Shut Down',
  });
  if (!ok) return false;
  return serverAction(ctx, { project, resource: server }, `Shut down ${q(server)}`, (c, id, signal) => c.servers.shutdown(id, { signal }));
}

async function serverOf(ctx: CommandContext, project: Project, id: number, title: string): Promise<Server | undefined> {
  return runCall(ctx, project, title, async (c) => (await c.servers.get(id)) ?? Promise.reject(new Error(`server ${id} no longer exists`)));
}

export async function createPrimaryIp(ctx: CommandContext, node?: TreeNode): Promise<PrimaryIp | undefined> {
  const TITLE = 'Create Primary IP';
  const project = await pickTodayProject(ctx, node, TITLE, FAMILY);
  if (!project) return undefined;
  const pricing = await runCall(ctx, project, TITLE, (c) => c.pricing.get());
  if (!pricing) return undefined;
  const type = await ctx.input().quickPick(
    [
      { label: 'IPv4', description: 'one address', type: 'ipv4' as const },
      { label: 'IPv6', description: 'a /64 network', type: 'ipv6' as const },
    ],
    { title: `${TITLE} (1/4): type`, placeHolder: 'Type of the Primary IP' },
  );
  if (!type) return undefined;
  const where = await ctx.input().quickPick(
    [
      { label: 'Assign to a server', detail: `The server must be off and have no ${type.label}; the IP is in its location.`, assign: true },
      { label: 'Pick a location', detail: 'The IP stays unassigned for now.', assign: false },
    ],
    { title: `${TITLE} (2/4): where`, placeHolder: 'Assign it to a server, or keep it unassigned in a location' },
  );
  if (!where) return undefined;
  let server: Server | undefined;
  let location: Location | undefined;
  if (where.assign) {
    const servers = await runCall(ctx, project, TITLE, (c) => c.servers.listAll());
    if (!servers) return undefined;
    const free = servers.filter((s) => s.publicNet[type.type] === undefined);
    if (!free.length) {
      ctx.input().info(`Every server of project "${project.name}" has an ${type.label} already; pick a location instead.`);
      return undefined;
    }
    const picked = await ctx.input().quickPick(
      free.map((s) => ({ label: s.name, description: [s.status, s.location?.name].filter(Boolean).join(' · '), server: s })),
      { title: `${TITLE} (2/4): server`, placeHolder: `Server without an ${type.label} (it must be off)` },
    );
    if (!picked) return undefined;
    server = picked.server;
    location = server.location;
  } else {
    const locations = await runCall(ctx, project, TITLE, (c) => c.locations.listAll());
    if (!locations) return undefined;
    const picked = await ctx.input().quickPick(
      locations.map((l) => ({ label: l.name, description: `${l.city}, ${l.country} · ${formatPriceDetail(primaryIpPrice(pricing, type.type, l.name))}`, location: l })),
      { title: `${TITLE} (2/4): location`, placeHolder: 'Location of the IP' },
    );
    if (!picked) return undefined;
    location = picked.location;
  }
  const name = await ctx.input().inputBox({ title: `${TITLE} (3/4): name`, prompt: 'Name (unique in the project)', validateInput: validateName });
  if (name === undefined) return undefined;
  const price = formatPriceDetail(primaryIpPrice(pricing, type.type, location?.name ?? ''));
  const autoDelete = await ctx.input().quickPick(
    [
      { label: 'Keep it when the server is deleted', detail: `It goes on costing ${price} until you delete it.`, value: false },
      { label: 'Delete it with its server', detail: 'auto_delete', value: true },
    ],
    { title: `${TITLE} (4/4): ${type.label} in ${location?.name ?? '?'} for ${price}`, placeHolder: `Costs ${price}. What happens when its server is deleted?` },
  );
  if (!autoDelete) return undefined;
  if (server && !(await ensureOff(ctx, project, server, `assign it an ${type.label}`))) return undefined;
  const params = { name: name.trim(), type: type.type, server: server?.id, location: server ? undefined : location?.name, autoDelete: autoDelete.value };
  const title = `Create ${type.label} Primary IP "${params.name}" (${price})${server ? ` for ${q(server)}` : ` in ${location?.name}`}`;
  return runAction(ctx, {
    project,
    title,
    start: async (c) => {
      const r = await c.primaryIps.create(params);
      return { actions: r.action ? [r.action] : [], result: r.primaryIp };
    },
    affects: [{ kind: 'primaryIp' }, ...(server ? [{ kind: 'server' as const, id: server.id }] : [])],
    success: (p) => `Primary IP ${primaryIpName(p)} created${server ? ` and assigned to ${q(server)}` : ` in ${location?.name}`}.`,
  });
}

export async function assignPrimaryIp(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Assign Primary IP to Server';
  const t = await pickPrimaryIp(ctx, node, TITLE, (p) => p.assigneeId === undefined, 'No Primary IP is unassigned.');
  if (!t) return;
  const pip = t.resource;
  if (pip.assigneeId !== undefined) {
    ctx.input().info(`Primary IP ${primaryIpName(pip)} is assigned already: unassign it first.`);
    return;
  }
  const servers = await runCall(ctx, t.project, TITLE, (c) => c.servers.listAll());
  if (!servers) return;
  const fits = servers.filter((s) => s.location?.name === pip.location.name && s.publicNet[pip.type] === undefined);
  if (!fits.length) {
    ctx.input().info(`No server in ${pip.location.name} is without an ${ipFamilyText(pip.type)} (project "${t.project.name}").`);
    return;
  }
  const picked = await ctx.input().quickPick(
    fits.map((s) => ({ label: s.name, description: s.status, server: s })),
    { title: `${TITLE}: ${pip.ip}`, placeHolder: `Server in ${pip.location.name} without an ${ipFamilyText(pip.type)} (it must be off)` },
  );
  if (!picked || !(await ensureOff(ctx, t.project, picked.server, `assign it ${pip.ip}`))) return;
  await runAction(ctx, {
    project: t.project,
    title: `Assign Primary IP ${primaryIpName(pip)} to ${q(picked.server)}`,
    start: async (c) => ({ actions: [await c.primaryIps.assign(pip.id, picked.server.id)], result: true }),
    affects: affects(pip, picked.server.id),
  });
}

export async function unassignPrimaryIp(ctx: CommandContext, node?: TreeNode): Promise<boolean> {
  const TITLE = 'Unassign Primary IP';
  const t = await pickPrimaryIp(ctx, node, TITLE, (p) => p.assigneeId !== undefined, 'No Primary IP is assigned.');
  if (!t) return false;
  return unassign(ctx, t.project, t.resource, TITLE);
}

async function unassign(ctx: CommandContext, project: Project, pip: PrimaryIp, title: string): Promise<boolean> {
  if (pip.assigneeId === undefined) {
    ctx.input().info(`Primary IP ${primaryIpName(pip)} is not assigned.`);
    return false;
  }
  const server = await serverOf(ctx, project, pip.assigneeId, title);
  if (!server) return false;
  if (server.status === 'off') {
    const ok = await ctx.input().confirm(`Unassign Primary IP ${primaryIpName(pip)} from ${q(server)}?`, {
      detail: `The server has no public ${ipFamilyText(pip.type)} until one is assigned again.`,
      confirmLabel: 'Unassign',
    });
    if (!ok) return false;
  } else if (!(await ensureOff(ctx, project, server, `unassign ${pip.ip}`))) return false;
  const done = await runAction(ctx, {
    project,
    title: `Unassign Primary IP ${primaryIpName(pip)} from ${q(server)}`,
    start: async (c) => ({ actions: [await c.primaryIps.unassign(pip.id)], result: true }),
    affects: affects(pip, server.id),
  });
  return done === true;
}

export async function changePrimaryIpDnsPtr(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Change Reverse DNS of Primary IP';
  const t = await pickPrimaryIp(ctx, node, TITLE);
  if (!t) return;
  const pip = t.resource;
  let ip = pip.ip;
  if (pip.type === 'ipv6') {
    const typed = await ctx.input().inputBox({
      title: `${TITLE}: ${pip.ip}`,
      prompt: `An IPv6 address inside ${pip.ip}`,
      value: pip.dnsPtr[0]?.ip ?? suggestIpv6(pip.ip),
      validateInput: (v) => validateIpv6InNetwork(v, pip.ip, "the Primary IP's network"),
    });
    if (typed === undefined) return;
    ip = typed.trim();
  }
  const current = pip.dnsPtr.find((p) => p.ip === ip)?.dnsPtr;
  const hostname = await ctx.input().inputBox({
    title: `${TITLE}: ${ip}`,
    prompt: pip.type === 'ipv4' ? 'Hostname the address resolves back to (empty: Hetzner\'s default)' : 'Hostname the address resolves back to (empty: none)',
    value: current,
    placeHolder: 'e.g. www.example.com',
    validateInput: (v) => (v.trim() === '' ? undefined : validateReverseDnsName(v)),
  });
  if (hostname === undefined) return;
  const dnsPtr = hostname.trim() === '' ? null : hostname.trim().replace(/\.$/, '');
  await runAction(ctx, {
    project: t.project,
    title: dnsPtr === null ? `Reset reverse DNS of ${ip}` : `Set reverse DNS of ${ip} to ${dnsPtr}`,
    start: async (c) => ({ actions: [await c.primaryIps.changeDnsPtr(pip.id, ip, dnsPtr)], result: true }),
    affects: affects(pip, pip.assigneeId),
  });
}

export async function changePrimaryIpAutoDelete(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Change Auto-Delete of Primary IP';
  const t = await pickPrimaryIp(ctx, node, TITLE);
  if (!t) return;
  const pip = t.resource;
  const picked = await ctx.input().quickPick(
    [
      { label: 'Delete it with its server', description: pip.autoDelete ? 'now' : undefined, value: true },
      { label: 'Keep it when its server is deleted', description: pip.autoDelete ? undefined : 'now', detail: 'It goes on costing until you delete it.', value: false },
    ],
    { title: `${TITLE}: ${pip.ip}`, placeHolder: 'When its server is deleted' },
  );
  if (!picked || picked.value === pip.autoDelete) return;
  const updated = await runCall(ctx, t.project, `Change auto-delete of Primary IP ${primaryIpName(pip)}`, (c) => c.primaryIps.update(pip.id, { autoDelete: picked.value }));
  ctx.tree.resourceChanged(t.project.id, 'primaryIp', pip.id);
  if (updated) ctx.input().info(`Primary IP ${primaryIpName(pip)} is ${picked.value ? 'now deleted with its server' : 'now kept when its server is deleted'}.`);
}

function protectable(t: Target<PrimaryIp>): Protectable {
  return {
    project: t.project,
    kind: 'primaryIp',
    id: t.resource.id,
    what: `Primary IP ${primaryIpName(t.resource)}`,
    protected: t.resource.protection.delete,
    changeProtection: (c: HcloudClient, remove: boolean) => c.primaryIps.changeProtection(t.resource.id, { delete: !remove }),
  };
}

export async function changePrimaryIpProtection(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickPrimaryIp(ctx, node, 'Change Protection of Primary IP');
  if (t) await changeProtection(ctx, protectable(t));
}

export async function renamePrimaryIp(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickPrimaryIp(ctx, node, 'Rename Primary IP');
  if (!t) return;
  const pip = t.resource;
  const name = await ctx.input().inputBox({ title: `Rename Primary IP ${pip.ip}`, prompt: 'New name (unique in the project)', value: pip.name, validateInput: validateName });
  if (name === undefined || name.trim() === pip.name) return;
  const updated = await runCall(ctx, t.project, `Rename Primary IP ${primaryIpName(pip)}`, (c) => c.primaryIps.update(pip.id, { name: name.trim() }));
  ctx.tree.resourceChanged(t.project.id, 'primaryIp', pip.id);
  if (updated) ctx.input().info(`Primary IP ${pip.ip} renamed to "${updated.name}".`);
}

export async function copyPrimaryIp(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickPrimaryIp(ctx, node, 'Copy Primary IP');
  if (!t) return;
  await vscode.env.clipboard.writeText(t.resource.ip);
  ctx.input().info(`Copied ${t.resource.ip}.`);
}

export async function deletePrimaryIp(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Delete Primary IP';
  const t = await pickPrimaryIp(ctx, node, TITLE);
  if (!t) return;
  let pip = t.resource;
  if (!(await offerUnprotect(ctx, protectable(t)))) return;
  if (pip.assigneeId !== undefined) {
    const ok = await ctx.input().confirm(`Primary IP ${primaryIpName(pip)} is assigned to server ${pip.assigneeId}.`, {
      detail: 'The API deletes only an unassigned Primary IP. Unassign it first (its server must be off)?',
      confirmLabel: 'Unassign First',
    });
    if (!ok || !(await unassign(ctx, t.project, pip, TITLE))) return;
    pip = { ...pip, assigneeId: undefined };
  }
  const ok = await ctx.input().confirm(`Delete Primary IP ${primaryIpName(pip)}?`, {
    detail: 'The address goes back to Hetzner; you may not get it again.',
    confirmLabel: 'Delete',
  });
  if (!ok) return;
  const done = await runCall(ctx, t.project, `Delete Primary IP ${primaryIpName(pip)}`, (c) => c.primaryIps.delete(pip.id).then(() => true));
  ctx.tree.resourceChanged(t.project.id, 'primaryIp', pip.id);
  if (done) ctx.input().info(`Primary IP ${primaryIpName(pip)} deleted.`);
}

export const editPrimaryIpLabels = (ctx: CommandContext, node?: TreeNode) => editTodayLabels(ctx, node, PRIMARY_IP_LABELS, FAMILY);
