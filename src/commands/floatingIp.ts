// Floating IP commands: Create, Assign, Unassign, Change Reverse DNS, Change Description,
// Change Protection, Copy IP, Delete. From the tree they take the node (kind 'floatingIp');
// from the palette they ask for project and Floating IP.
import * as vscode from 'vscode';
import type { HcloudClient } from '../api/client';
import { markLost, type AnswerLost } from '../api/lostAnswer';
import type { FloatingIp, Server } from '../api/types';
import type { Project } from '../projects/projectStore';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { suggestIpv6, validateDescription, validateIpv6InNetwork, validateReverseDnsName } from './validate';
import { pickProject, pickTarget, type Target } from './pick';
import { changeProtection, offerUnprotect, type Protectable } from './protection';
import { runAction, runCall } from './runAction';
import { askCreateFloatingIp } from './floatingIpWizard';
import { confirmFloatingIpCost } from './costConfirm';

/** How a Floating IP is named in messages: its description and IP, or the IP. */
export function floatingIpName(f: FloatingIp): string {
  return f.description ? `"${f.description}" (${f.ip})` : `"${f.ip}"`;
}

/** The sentence added when the new IP was found after the API's answer was lost. */
function lostNote(r: object): string {
  return (r as AnswerLost).answerLost ? ' The API\'s answer to the request was lost on the way; the new IP was found by comparing the list before and after, and nothing was sent twice.' : '';
}

function serverLabel(servers: Server[], id: number | undefined): string {
  if (id === undefined) return 'unassigned';
  return servers.find((s) => s.id === id)?.name ?? `server ${id}`;
}

async function listServers(ctx: CommandContext, project: Project, title: string): Promise<Server[] | undefined> {
  return runCall(ctx, project, title, (c) => c.servers.listAll());
}

function pickFloatingIp(ctx: CommandContext, node: TreeNode | undefined, title: string, filter?: (f: FloatingIp) => boolean, none = 'There is no Floating IP.'): Promise<Target<FloatingIp> | undefined> {
  return pickTarget<FloatingIp>(ctx, node, {
    kind: 'floatingIp',
    title,
    list: (c) => c.floatingIps.listAll(),
    filter,
    item: (f) => ({
      label: f.ip,
      description: [f.type, f.description, f.serverId === undefined ? 'unassigned' : `server ${f.serverId}`].filter(Boolean).join(' · '),
      detail: `Home ${f.homeLocation.name}${f.protection.delete ? ' · protected' : ''}`,
    }),
    none,
  });
}

function refresh(ctx: CommandContext, project: Project, fip: FloatingIp): void {
  ctx.tree.resourceChanged(project.id, 'floatingIp', fip.id);
}

function protectable(t: Target<FloatingIp>): Protectable {
  return {
    project: t.project,
    kind: 'floatingIp',
    id: t.resource.id,
    what: `Floating IP ${floatingIpName(t.resource)}`,
    protected: t.resource.protection.delete,
    changeProtection: (c: HcloudClient, remove: boolean) => c.floatingIps.changeProtection(t.resource.id, { delete: !remove }),
  };
}

export async function createFloatingIp(ctx: CommandContext, node?: TreeNode): Promise<FloatingIp | undefined> {
  const TITLE = 'Create Floating IP';
  const project = await pickProject(ctx, node, TITLE);
  if (!project) return undefined;
  const answers = await askCreateFloatingIp(ctx, project, TITLE);
  if (!answers) return undefined;
  const { type, server, homeLocation, description } = answers;
  const params = { type: type.type, server: server?.id, homeLocation, description: description.trim() || undefined };
  const title = server ? `Create ${type.label} Floating IP for "${server.name}"` : `Create ${type.label} Floating IP in ${homeLocation}`;
  // Its price, asked before anything is sent (its home location is the server's when assigned).
  if (!(await confirmFloatingIpCost(ctx, project, title, type.type, server ? (server.location?.name ?? server.datacenter?.location.name) : homeLocation))) return undefined;

  if (server) {
    const s = server;
    return runAction(ctx, {
      project,
      title,
      start: async (c) => {
        const r = await c.floatingIps.create(params);
        return { actions: r.action ? [r.action] : [], result: r.answerLost ? markLost(r.floatingIp, r.answerLost) : r.floatingIp };
      },
      affects: [{ kind: 'floatingIp' }, { kind: 'server', id: s.id }],
      success: (f) => `Floating IP ${f.ip} created and assigned to "${s.name}".${lostNote(f)}`,
    });
  }
  const r = await runCall(ctx, project, title, (c) => c.floatingIps.create(params));
  ctx.tree.resourceChanged(project.id, 'floatingIp');
  if (!r) return undefined;
  ctx.log.info(`Floating IP ${r.floatingIp.ip} created in ${homeLocation}.${lostNote(r)}`);
  ctx.input().info(`Floating IP ${r.floatingIp.ip} created in ${homeLocation}.${lostNote(r)}`);
  return r.floatingIp;
}

export async function assignFloatingIp(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Assign Floating IP to Server';
  const t = await pickFloatingIp(ctx, node, TITLE);
  if (!t) return;
  const fip = t.resource;
  const servers = await listServers(ctx, t.project, TITLE);
  if (!servers) return;
  const candidates = servers.filter((s) => s.id !== fip.serverId);
  if (candidates.length === 0) {
    ctx.input().info(`There is no other server to assign ${floatingIpName(fip)} to (project "${t.project.name}").`);
    return;
  }
  const from = serverLabel(servers, fip.serverId);
  const picked = await ctx.input().quickPick(
    candidates.map((s) => ({ label: s.name, description: [s.publicNet.ipv4?.ip, s.location?.name].filter(Boolean).join(' · '), server: s })),
    {
      title: `${TITLE}: ${fip.ip} (${fip.serverId === undefined ? 'unassigned' : `now on "${from}"`})`,
      placeHolder: fip.serverId === undefined ? 'Server to assign it to (it is unassigned now)' : `Server to move it to (from "${from}")`,
      matchOnDescription: true,
    },
  );
  if (!picked) return;
  const to = picked.server;
  await runAction(ctx, {
    project: t.project,
    title: fip.serverId === undefined ? `Assign Floating IP ${floatingIpName(fip)} to "${to.name}"` : `Move Floating IP ${floatingIpName(fip)} from "${from}" to "${to.name}"`,
    start: async (c) => ({ actions: [await c.floatingIps.assign(fip.id, to.id)], result: true }),
    affects: [{ kind: 'floatingIp', id: fip.id }, { kind: 'server', id: to.id }, ...(fip.serverId !== undefined ? [{ kind: 'server' as const, id: fip.serverId }] : [])],
  });
}

export async function unassignFloatingIp(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Unassign Floating IP';
  const t = await pickFloatingIp(ctx, node, TITLE, (f) => f.serverId !== undefined, 'No Floating IP is assigned.');
  if (!t) return;
  const fip = t.resource;
  if (fip.serverId === undefined) {
    ctx.input().info(`Floating IP ${floatingIpName(fip)} is not assigned.`);
    return;
  }
  const servers = (await listServers(ctx, t.project, TITLE)) ?? [];
  const from = serverLabel(servers, fip.serverId);
  const ok = await ctx.input().confirm(`Unassign Floating IP ${floatingIpName(fip)} from "${from}"?`, {
    detail: 'Traffic to this IP no longer reaches the server until the IP is assigned again.',
    confirmLabel: 'Unassign',
  });
  if (!ok) return;
  const serverId = fip.serverId;
  await runAction(ctx, {
    project: t.project,
    title: `Unassign Floating IP ${floatingIpName(fip)} from "${from}"`,
    start: async (c) => ({ actions: [await c.floatingIps.unassign(fip.id)], result: true }),
    affects: [{ kind: 'floatingIp', id: fip.id }, { kind: 'server', id: serverId }],
  });
}

export async function changeFloatingIpDnsPtr(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Change Reverse DNS of Floating IP';
  const t = await pickFloatingIp(ctx, node, TITLE);
  if (!t) return;
  const fip = t.resource;
  let ip = fip.ip;
  if (fip.type === 'ipv6') {
    const existing = fip.dnsPtr[0]?.ip;
    const typed = await ctx.input().inputBox({
      title: `${TITLE}: ${fip.ip}`,
      prompt: `An IPv6 address inside ${fip.ip}`,
      value: existing ?? suggestIpv6(fip.ip),
      validateInput: (v) => validateIpv6InNetwork(v, fip.ip, "the Floating IP's network"),
    });
    if (typed === undefined) return;
    ip = typed.trim();
  }
  const current = fip.dnsPtr.find((p) => p.ip === ip)?.dnsPtr;
  const mode = await ctx.input().quickPick(
    [
      { label: 'Set a hostname…', description: current ? `now ${current}` : undefined, reset: false },
      { label: 'Reset to default', description: fip.type === 'ipv4' ? 'Hetzner\'s default name' : 'no reverse DNS entry', reset: true },
    ],
    { title: `${TITLE}: ${ip}`, placeHolder: 'Reverse DNS (PTR) of this address' },
  );
  if (!mode) return;
  let dnsPtr: string | null = null;
  if (!mode.reset) {
    const hostname = await ctx.input().inputBox({
      title: `${TITLE}: ${ip}`,
      prompt: 'Hostname the address resolves back to',
      value: current,
      placeHolder: 'e.g. www.example.com',
      validateInput: validateReverseDnsName,
    });
    if (hostname === undefined) return;
    dnsPtr = hostname.trim().replace(/\.$/, '');
  }
  await runAction(ctx, {
    project: t.project,
    title: dnsPtr === null ? `Reset reverse DNS of ${ip}` : `Set reverse DNS of ${ip} to ${dnsPtr}`,
    start: async (c) => ({ actions: [await c.floatingIps.changeDnsPtr(fip.id, ip, dnsPtr)], result: true }),
    affects: [{ kind: 'floatingIp', id: fip.id }],
  });
}

export async function changeFloatingIpDescription(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Change Description of Floating IP';
  const t = await pickFloatingIp(ctx, node, TITLE);
  if (!t) return;
  const fip = t.resource;
  const description = await ctx.input().inputBox({
    title: `${TITLE}: ${fip.ip}`,
    prompt: 'Description (leave empty for none)',
    value: fip.description ?? '',
    validateInput: (v) => validateDescription(v, 255),
  });
  if (description === undefined || description.trim() === (fip.description ?? '')) return;
  const updated = await runCall(ctx, t.project, `Change description of Floating IP ${floatingIpName(fip)}`, (c) =>
    c.floatingIps.update(fip.id, { description: description.trim() }),
  );
  refresh(ctx, t.project, fip);
  if (updated) ctx.input().info(`Description of Floating IP ${fip.ip} changed.`);
}

export async function changeFloatingIpProtection(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickFloatingIp(ctx, node, 'Change Protection of Floating IP');
  if (t) await changeProtection(ctx, protectable(t));
}

export async function copyFloatingIp(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickFloatingIp(ctx, node, 'Copy Floating IP');
  if (!t) return;
  await vscode.env.clipboard.writeText(t.resource.ip);
  ctx.input().info(`Copied ${t.resource.ip}.`);
}

export async function deleteFloatingIp(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickFloatingIp(ctx, node, 'Delete Floating IP');
  if (!t) return;
  const fip = t.resource;
  if (!(await offerUnprotect(ctx, protectable(t)))) return;
  const ok = await ctx.input().confirm(`Delete Floating IP ${floatingIpName(fip)}?`, {
    detail: `${fip.serverId === undefined ? '' : 'It is unassigned from its server first. '}The address goes back to Hetzner; you may not get it again.`,
    confirmLabel: 'Delete',
  });
  if (!ok) return;
  const done = await runCall(ctx, t.project, `Delete Floating IP ${floatingIpName(fip)}`, (c) => c.floatingIps.delete(fip.id).then(() => true));
  refresh(ctx, t.project, fip);
  if (fip.serverId !== undefined) ctx.tree.resourceChanged(t.project.id, 'server', fip.serverId);
  if (done) ctx.input().info(`Floating IP ${floatingIpName(fip)} deleted.`);
}

