// Attach (from a volume, or "Attach Volume…" from a server), Detach, Rename, Change Protection,
// Delete (an attached volume offers to detach first) and Copy Mount Command of volumes.
import * as vscode from 'vscode';
import type { Server, Volume } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import { isResourceNode } from '../../tree/resourceNode';
import type { CommandContext } from '../context';
import { changeProtection, offerUnprotect } from '../protection';
import { runAction, runCall } from '../runAction';
import { mountCommand, pickVolume, protectable, volumeName, volumeNameProblem } from './common';

const serverLabel = (servers: readonly Server[] | undefined, id: number) => `"${servers?.find((s) => s.id === id)?.name ?? `server ${id}`}"`;

/** From a volume: pick a server in its location. From a server: pick a detached volume in its location. */
export async function attachVolume(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Attach Volume';
  const fromServer = isResourceNode<Server>(node, 'server') ? node.resource : undefined;
  const where = fromServer?.location?.name;
  const t = await pickVolume(ctx, fromServer ? undefined : node, fromServer ? `${title} to "${fromServer.name}"` : title, (v) => v.serverId === undefined && (!where || v.location.name === where), where ? `No detached volume is in ${where}.` : 'No volume is detached.');
  if (!t) return;
  const v = t.resource;
  if (v.serverId !== undefined) {
    ctx.input().info(`${volumeName(v)} is attached already; detach it first.`);
    return;
  }
  let server = fromServer;
  if (!server) {
    const servers = await runCall(ctx, t.project, title, (c) => c.servers.listAll());
    if (!servers) return;
    const here = servers.filter((s) => s.location?.name === v.location.name);
    if (!here.length) {
      ctx.input().info(`No server is in ${v.location.name}, where ${volumeName(v)} is: a volume attaches only to servers of its location.`);
      return;
    }
    const picked = await ctx.input().quickPick(
      here.map((s) => ({ label: s.name, description: s.status, server: s })),
      { title: `${title}: ${v.name} (${v.location.name})`, placeHolder: 'Server to attach it to' },
    );
    if (!picked) return;
    server = picked.server;
  }
  const mount = await ctx.input().quickPick(
    [
      { label: 'Mount automatically', automount: true },
      { label: 'Do not mount', automount: false },
    ],
    { title: `${title}: ${v.name} → ${server.name}`, placeHolder: 'Mount it on the server after attaching?' },
  );
  if (!mount) return;
  const s = server;
  await runAction(ctx, {
    project: t.project,
    title: `Attach ${volumeName(v)} to "${s.name}"`,
    start: async (c) => ({ actions: [await c.volumes.attach(v.id, s.id, { automount: mount.automount })], result: true }),
    affects: [{ kind: 'volume', id: v.id }, { kind: 'server', id: s.id }],
  });
}

async function detach(ctx: CommandContext, project: Parameters<typeof runAction>[1]['project'], v: Volume, server: string): Promise<boolean> {
  const serverId = v.serverId as number;
  const done = await runAction(ctx, {
    project,
    title: `Detach ${volumeName(v)} from ${server}`,
    start: async (c) => ({ actions: [await c.volumes.detach(v.id)], result: true }),
    affects: [{ kind: 'volume', id: v.id }, { kind: 'server', id: serverId }],
  });
  return done === true;
}

export async function detachVolume(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickVolume(ctx, node, 'Detach Volume', (v) => v.serverId !== undefined, 'No volume is attached.');
  if (!t) return;
  const v = t.resource;
  if (v.serverId === undefined) {
    ctx.input().info(`${volumeName(v)} is not attached.`);
    return;
  }
  const servers = await runCall(ctx, t.project, 'Detach Volume', (c) => c.servers.listAll());
  const server = serverLabel(servers, v.serverId);
  const ok = await ctx.input().confirm(`Detach ${volumeName(v)} from ${server}?`, {
    detail: 'Unmount it on the server first: a mounted filesystem that disappears may lose data.',
    confirmLabel: 'Detach',
  });
  if (ok) await detach(ctx, t.project, v, server);
}

export async function renameVolume(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickVolume(ctx, node, 'Rename Volume');
  if (!t) return;
  const v = t.resource;
  const name = await ctx.input().inputBox({
    title: `Rename ${volumeName(v)}`,
    prompt: 'New name (unique in the project)',
    value: v.name,
    validateInput: (x) => volumeNameProblem(x.trim()),
  });
  if (name === undefined || name.trim() === v.name) return;
  const updated = await runCall(ctx, t.project, `Rename ${volumeName(v)}`, (c) => c.volumes.update(v.id, { name: name.trim() }));
  ctx.tree.resourceChanged(t.project.id, 'volume', v.id);
  if (updated) ctx.input().info(`Volume "${v.name}" renamed to "${updated.name}".`);
}

export async function deleteVolume(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickVolume(ctx, node, 'Delete Volume');
  if (!t) return;
  const v = t.resource;
  if (!(await offerUnprotect(ctx, protectable(t)))) return;
  if (v.serverId !== undefined) {
    const servers = await runCall(ctx, t.project, 'Delete Volume', (c) => c.servers.listAll());
    const server = serverLabel(servers, v.serverId);
    const detachFirst = await ctx.input().confirm(`${volumeName(v)} is attached to ${server}.`, {
      detail: 'A volume is deleted only when detached. Detach it now? You are asked again before it is deleted. Unmount it on the server first.',
      confirmLabel: 'Detach',
    });
    if (!detachFirst || !(await detach(ctx, t.project, v, server))) return;
  }
  const ok = await ctx.input().confirm(`Delete ${volumeName(v)} (${v.size} GB)?`, {
    detail: 'Every file on it is destroyed; this cannot be undone.',
    confirmLabel: 'Delete',
  });
  if (!ok) return;
  const done = await runCall(ctx, t.project, `Delete ${volumeName(v)}`, (c) => c.volumes.delete(v.id).then(() => true));
  ctx.tree.resourceChanged(t.project.id, 'volume', v.id);
  if (done) ctx.input().info(`Volume "${v.name}" deleted.`);
}

export async function copyVolumeMountCommand(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickVolume(ctx, node, 'Copy Mount Command of Volume');
  if (!t) return;
  const command = mountCommand(t.resource);
  await vscode.env.clipboard.writeText(command);
  ctx.input().info(`Copied: ${command}`);
}

export async function changeVolumeProtection(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickVolume(ctx, node, 'Change Protection of Volume');
  if (t) await changeProtection(ctx, protectable(t));
}
