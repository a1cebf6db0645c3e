// Names and addresses of a server: Reverse DNS, Change Protection, Rename, Delete (with what outlives
// it: ./leftovers.ts), Copy IP, Copy ID, Open SSH in Terminal.
import * as vscode from 'vscode';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { confirmByTypingName } from '../pick';
import { runAction, runCall } from '../runAction';
import { openSshTerminal } from '../connect/sshTerminal';
import { sshAddress } from '../sshArgs';
import { validateIpv6InNetwork, validateReverseDnsName, validateServerName } from '../validate';
import { offerToUnprotect, pickServer, q, serverAction } from './common';
import { askLeftovers, deleteLeftovers, findLeftovers } from './leftovers';

export async function changeDnsPtr(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Change Reverse DNS', (s) => !!(s.publicNet.ipv4 || s.publicNet.ipv6), 'No server has a public IP.');
  if (!t) return;
  const s = t.resource;
  const { ipv4, ipv6 } = s.publicNet;
  const NEW = 'new';
  const items = [
    ...(ipv4 ? [{ label: ipv4.ip, description: `IPv4 · ${ipv4.dnsPtr ?? 'no reverse DNS'}`, ip: ipv4.ip, current: ipv4.dnsPtr }] : []),
    ...(ipv6?.dnsPtr ?? []).map((e) => ({ label: e.ip, description: `IPv6 · ${e.dnsPtr}`, ip: e.ip, current: e.dnsPtr as string | undefined })),
    ...(ipv6 ? [{ label: `An address in ${ipv6.ip}…`, description: 'IPv6', ip: NEW, current: undefined as string | undefined }] : []),
  ];
  const picked = await ctx.input().quickPick(items, { title: `Change Reverse DNS of ${q(s)}`, placeHolder: 'Which IP address?' });
  if (!picked) return;
  let ip = picked.ip;
  if (ip === NEW && ipv6) {
    const typed = await ctx.input().inputBox({
      title: `Change Reverse DNS of ${q(s)}: IPv6 address`,
      prompt: `A single address inside ${ipv6.ip}`,
      placeHolder: ipv6.ip.replace(/\/\d+$/, '1'),
      validateInput: (v) => validateIpv6InNetwork(v, ipv6.ip),
    });
    if (typed === undefined) return;
    ip = typed.trim();
  }
  const hostname = await ctx.input().inputBox({
    title: `Change Reverse DNS of ${ip}`,
    prompt: 'The hostname the IP resolves to (PTR record). Leave empty to reset to the default.',
    value: picked.current ?? '',
    placeHolder: 'e.g. www.example.com',
    validateInput: (v) => (v.trim() === '' ? undefined : validateReverseDnsName(v)),
  });
  if (hostname === undefined) return;
  const ptr = hostname.trim() === '' ? null : hostname.trim();
  await serverAction(
    ctx,
    t,
    ptr === null ? `Reset reverse DNS of ${ip} (${q(s)})` : `Set reverse DNS of ${ip} to "${ptr}" (${q(s)})`,
    (c, id, signal) => c.servers.changeDnsPtr(id, ip, ptr, { signal }),
  );
}

export async function changeProtection(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Change Protection');
  if (!t) return;
  const s = t.resource;
  const now = s.protection.delete || s.protection.rebuild ? 'protected' : 'not protected';
  const picked = await ctx.input().quickPick(
    [
      { label: 'Protect', detail: 'Against deletion and rebuilding (the API sets both together)', value: true },
      { label: 'Remove protection', detail: 'Allows deletion and rebuilding', value: false },
    ],
    { title: `Change Protection of ${q(s)} (now ${now})`, placeHolder: 'Protection' },
  );
  if (!picked) return;
  await serverAction(
    ctx,
    t,
    picked.value ? `Protect ${q(s)}` : `Remove protection of ${q(s)}`,
    (c, id, signal) => c.servers.changeProtection(id, { delete: picked.value, rebuild: picked.value }, { signal }),
  );
}

export async function rename(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Rename Server');
  if (!t) return;
  const s = t.resource;
  const servers = await runCall(ctx, t.project, `Rename ${q(s)}`, (c) => c.servers.listAll());
  if (!servers) return;
  const taken = servers.filter((x) => x.id !== s.id).map((x) => x.name);
  const name = await ctx.input().inputBox({
    title: `Rename Server ${q(s)}`,
    prompt: 'New name: a hostname (RFC 1123), unique in the project',
    value: s.name,
    validateInput: (v) => validateServerName(v, taken),
  });
  if (name === undefined || name === s.name) return;
  const updated = await runCall(ctx, t.project, `Rename ${q(s)}`, (c) => c.servers.update(s.id, { name }));
  if (!updated) return;
  ctx.tree.resourceChanged(t.project.id, 'server', s.id);
  ctx.log.info(`Server ${q(s)} renamed to "${updated.name}".`);
  ctx.input().info(`Server ${q(s)} renamed to "${updated.name}".`);
}

export async function deleteServer(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Delete Server');
  if (!t) return;
  const s = t.resource;
  if (s.protection.delete) {
    await offerToUnprotect(ctx, t, 'deletion');
    return;
  }
  // Today's API: what outlives the server and keeps costing money, named first; the user may delete it too.
  const leftovers = await findLeftovers(ctx, t.project, s, 'Delete Server');
  if (!leftovers) return;
  const alsoDelete = leftovers.length ? await askLeftovers(ctx, s, leftovers) : [];
  if (!alsoDelete) return;
  const too = alsoDelete.length ? ` Also deleted after it: ${alsoDelete.map((l) => l.text).join(', ')}.` : '';
  const ok = await confirmByTypingName(ctx, `Delete Server ${q(s)}`, s.name, `Deleting ${q(s)} destroys it with its disk and backups; this cannot be undone.${too}`);
  if (!ok) return;
  const done = await runAction(ctx, {
    project: t.project,
    title: `Delete ${q(s)}`,
    affects: [{ kind: 'server', id: s.id }, ...(alsoDelete.some((l) => l.kind === 'volume') ? [{ kind: 'volume' as const }] : []), ...(alsoDelete.some((l) => l.kind === 'primaryIp') ? [{ kind: 'primaryIp' as const }] : [])],
    start: async (c, signal) => ({ actions: [await c.servers.delete(s.id, { signal })], result: true }),
    success: `Server ${q(s)} deleted.`,
  });
  if (done && alsoDelete.length) await deleteLeftovers(ctx, t.project, alsoDelete);
}

export async function copyIp(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Copy IP', (s) => !!s.publicNet.ipv4, 'No server has a public IPv4.');
  if (!t) return;
  const ip = t.resource.publicNet.ipv4?.ip;
  if (!ip) {
    ctx.input().info(`${q(t.resource)} has no public IPv4.`);
    return;
  }
  await vscode.env.clipboard.writeText(ip);
  ctx.input().info(`Copied ${ip} (${q(t.resource)}).`);
}

export async function copyId(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Copy ID');
  if (!t) return;
  await vscode.env.clipboard.writeText(String(t.resource.id));
  ctx.input().info(`Copied ID ${t.resource.id} (${q(t.resource)}).`);
}

export async function openSsh(ctx: CommandContext, node?: TreeNode): Promise<vscode.Terminal | undefined> {
  const t = await pickServer(ctx, node, 'Open SSH in Terminal', (s) => !!sshAddress(s.publicNet), 'No server has a public IP.');
  if (!t) return undefined;
  const address = sshAddress(t.resource.publicNet);
  if (!address) {
    ctx.input().info(`${q(t.resource)} has no public IP.`);
    return undefined;
  }
  return openSshTerminal(ctx, t.resource, address, 'Open SSH in Terminal');
}
