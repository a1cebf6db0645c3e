// What changes a server's disk, type, backups or ISO: Create Image, Rebuild, Change Type,
// Enable/Disable Backups, Attach/Detach ISO. Prices in the one format (src/shared/price.ts).
import type { BackupWindow, Image, Iso, Money, Server, ServerType } from '../../api/types';
import { formatMonthly } from '../../shared/price';
import { backupsMonthly } from '../../api/costs';
import { confirmSnapshotCost } from '../costConfirm';
import type { TreeNode } from '../../tree/node';
import { ProjectNode } from '../../tree/projectNode';
import { isResourceNode } from '../../tree/resourceNode';
import type { CommandContext } from '../context';
import { architectureOf, standing } from '../createServer/model';
import { confirmByTypingName, pickTarget } from '../pick';
import { runAction, runCall } from '../runAction';
import { sshWhenReadyStep } from '../connect/sshWhenReady';
import { validateDescription } from '../validate';
import { offerToUnprotect, pickServer, q, serverAction, type ServerTarget } from './common';
import { powerOnStep } from './power';

export async function createImage(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Create Image');
  if (!t) return;
  const s = t.resource;
  const types = [
    { label: 'Snapshot', detail: 'A copy of the disk you keep until you delete it (billed per GB and month).', type: 'snapshot' as const },
    ...(s.backupWindow ? [{ label: 'Backup', detail: 'One of the server\'s rotating backups (deleted with the server or when backups are disabled).', type: 'backup' as const }] : []),
  ];
  const type = await ctx.input().quickPick(types, { title: `Create Image of ${q(s)}`, placeHolder: 'Snapshot or backup?' });
  if (!type) return;
  const description = await ctx.input().inputBox({
    title: `Create Image of ${q(s)}: description`,
    prompt: 'A description for the image (empty: the API names it after the server and the time)',
    validateInput: (v) => validateDescription(v, 500),
  });
  if (description === undefined) return;
  // A snapshot is billed per GB-month until deleted: its estimated price first (a backup costs nothing of its own).
  if (type.type === 'snapshot' && !(await confirmSnapshotCost(ctx, t.project, `Create a snapshot of ${q(s)}`, 'Create Snapshot', { imageSize: undefined, diskGb: s.serverType.disk }))) return;
  await runAction(ctx, {
    project: t.project,
    title: `Create ${type.type} of ${q(s)}`,
    affects: [{ kind: 'server', id: s.id }, { kind: 'image' }],
    start: async (c, signal) => {
      const r = await c.servers.createImage(s.id, { type: type.type, description: description.trim() || undefined }, { signal });
      return { actions: [r.action], result: r.image };
    },
    success: (image) => `${type.label} "${image.description}" of ${q(s)} created (image ${image.id}).`,
  });
}

function usable(image: Image, now = Date.now()): boolean {
  if (image.status !== 'available') return false;
  if (image.deprecated && image.deprecated.getTime() <= now) return false;
  return image.type === 'system' || image.type === 'snapshot' || image.type === 'backup';
}

function imageLabel(i: Image): string {
  return i.type === 'system' ? i.description || i.name || `image ${i.id}` : i.description || `${i.type} ${i.id}`;
}

function imageItem(i: Image) {
  const from = i.createdFrom ? ` · from ${i.createdFrom.name}` : '';
  const arch = i.architecture ? ` · ${i.architecture}` : '';
  return { label: imageLabel(i), description: `${i.type}${i.name && i.type === 'system' ? ` · ${i.name}` : ''}${arch}${from}`, image: i };
}

/** The rebuild flow once the server is known; `image` given when run from an image node. */
async function rebuildFlow(ctx: CommandContext, t: ServerTarget, image?: Image): Promise<void> {
  const s = t.resource;
  if (s.protection.rebuild) {
    await offerToUnprotect(ctx, t, 'rebuilding');
    return;
  }
  if (!image) {
    const images = await runCall(ctx, t.project, `Rebuild ${q(s)}`, (c) => c.images.listAll({ type: ['system', 'snapshot', 'backup'] }));
    if (!images) return;
    const order = { system: 0, snapshot: 1, backup: 2 } as Record<string, number>;
    const arch = architectureOf(s.serverType);
    const candidates = images.filter((i) => usable(i) && architectureOf(i) === arch).sort((a, b) => (order[a.type] ?? 3) - (order[b.type] ?? 3) || imageLabel(a).localeCompare(imageLabel(b)));
    const picked = await ctx.input().quickPick(candidates.map(imageItem), {
      title: `Rebuild ${q(s)}: image`,
      placeHolder: 'The image that replaces the disk (deprecated images are hidden)',
      matchOnDescription: true,
    });
    if (!picked) return;
    image = picked.image;
  }
  const ok = await confirmByTypingName(
    ctx,
    `Rebuild ${q(s)} from "${imageLabel(image)}"`,
    s.name,
    `Rebuilding ${q(s)} erases its disk and replaces it with "${imageLabel(image)}".`,
  );
  if (!ok) return;
  const chosen = image;
  await runAction(ctx, {
    project: t.project,
    title: `Rebuild ${q(s)} from "${imageLabel(chosen)}"`,
    affects: [{ kind: 'server', id: s.id }],
    start: async (c, signal) => {
      const r = await c.servers.rebuild(s.id, chosen.id, { signal });
      return { actions: [r.action], result: r };
    },
    next: () => sshWhenReadyStep(ctx, t, 'rebuilt'),
    after: async (r) => {
      if (r.rootPassword) await ctx.input().secret(`New root password of ${q(s)} (shown only now)`, r.rootPassword, 'Copy Password');
      else if (r.answerLost) ctx.input().warn(`If ${q(s)} got a new root password, it was in the API's answer, which was lost on the way: use Reset Root Password to get one you can see.`);
    },
  });
}

export async function rebuild(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Rebuild Server');
  if (t) await rebuildFlow(ctx, t);
}

/** hcloud.image.rebuildServer: from an image node (or the palette: project, image), pick a server, then Rebuild. */
export async function rebuildServerFromImage(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const source = isResourceNode<Image>(node, 'image')
    ? { project: node.project, resource: node.resource }
    : await pickTarget<Image>(ctx, node, {
        kind: 'image',
        title: 'Rebuild a Server from an Image',
        list: (c) => c.images.listAll({ type: ['system', 'snapshot', 'backup'] }),
        filter: (i) => usable(i),
        item: (i) => imageItem(i),
        none: 'No image can be used.',
      });
  if (!source) return;
  if (!usable(source.resource)) {
    ctx.input().info(`Image "${imageLabel(source.resource)}" cannot be used for a rebuild (${source.resource.status}${source.resource.deprecated ? ', deprecated' : ''}).`);
    return;
  }
  // Pick the server in the image's project: its project node (standalone: no requests) makes pickTarget skip the project pick.
  const projectNode = new ProjectNode(source.project, ctx.clients);
  const arch = architectureOf(source.resource);
  const t = await pickServer(ctx, projectNode, `Rebuild a Server from "${imageLabel(source.resource)}"`, (s) => architectureOf(s.serverType) === arch, `No server is of the image's architecture (${arch}).`);
  if (t) await rebuildFlow(ctx, t, source.resource);
}

// --- Change Type ---------------------------------------------------------------------------

export function monthly(type: ServerType, location: string | undefined): Money | undefined {
  return type.prices.find((p) => p.location === location)?.monthly;
}

function specs(type: ServerType): string {
  return `${type.cores} vCPU, ${type.memory} GB RAM, ${type.disk} GB disk${type.architecture ? `, ${type.architecture}` : ''}`;
}

/**
 * The types a server can change to: same storage, a price in its location; against today's API
 * (types with `locations[]`) only those available in its location and of its architecture.
 */
export function changeTypeCandidates(types: readonly ServerType[], server: Server, now = new Date()): ServerType[] {
  const loc = server.location;
  const arch = architectureOf(server.serverType);
  return types.filter((x) => {
    if (x.id === server.serverType.id || x.storageType !== server.serverType.storageType || monthly(x, loc?.name) === undefined) return false;
    if (architectureOf(x) !== arch) return false;
    if (x.locations && loc) return standing(x, loc, [], now).availability === 'available';
    return true;
  });
}

/** Waits until the server reports `off` (a shutdown's action ends when the signal is sent). */
async function waitUntilOff(ctx: CommandContext, t: ServerTarget, timeoutMs = 180_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await runCall(ctx, t.project, `Wait for ${q(t.resource)} to stop`, (c) => c.servers.get(t.resource.id));
    if (!s) return false;
    if (s.status === 'off') return true;
    if (Date.now() > deadline) {
      ctx.input().error(`${q(t.resource)} did not stop within ${Math.round(timeoutMs / 1000)} s (status: ${s.status}). Power it off, then change its type.`);
      return false;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function changeType(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Change Server Type', (s) => s.status === 'running' || s.status === 'off', 'No server is running or off.');
  if (!t) return;
  const s = t.resource;
  const types = await runCall(ctx, t.project, `Change type of ${q(s)}`, (c) => c.serverTypes.listAll());
  if (!types) return;
  const loc = s.location?.name;
  const current = types.find((x) => x.id === s.serverType.id) ?? s.serverType;
  const oldPrice = monthly(current, loc);
  const candidates = changeTypeCandidates(types, s);
  if (candidates.length === 0) {
    ctx.input().info(`No other server type is offered for ${q(s)} in ${loc ?? 'its location'}.`);
    return;
  }
  const type = await ctx.input().quickPick(
    candidates.map((x) => ({
      label: x.name,
      description: specs(x),
      detail: `${formatMonthly(monthly(x, loc))} in ${loc ?? '?'} (now ${current.name}: ${formatMonthly(oldPrice)})`,
      type: x,
    })),
    { title: `Change Type of ${q(s)} (now ${current.name}: ${specs(current)}, ${formatMonthly(oldPrice)})`, placeHolder: 'New server type', matchOnDescription: true },
  );
  if (!type) return;
  const disk = await ctx.input().quickPick(
    [
      {
        label: 'Keep the disk',
        description: 'upgrade_disk: false',
        detail: `The disk stays at its size; only CPU and memory change, so you can change back to a smaller type later.`,
        upgrade: false,
      },
      {
        label: 'Upgrade the disk',
        description: 'upgrade_disk: true',
        detail: `The disk grows to ${type.type.disk} GB. A server with a bigger disk can never go back to a type with a smaller one.`,
        upgrade: true,
      },
    ],
    { title: `Change Type of ${q(s)} to ${type.type.name} (${formatMonthly(monthly(type.type, loc))}, now ${formatMonthly(oldPrice)}): disk`, placeHolder: 'Upgrade the disk too?' },
  );
  if (!disk) return;
  if (s.status === 'running') {
    const ok = await ctx.input().confirm(`${q(s)} is running. Shut it down first?`, {
      detail: `The type can only change while the server is off. ${q(s)} is shut down (ACPI), then changed to ${type.type.name}; it stays off afterwards.`,
      confirmLabel: 'Shut Down and Change Type',
    });
    if (!ok) return;
    const stopped = await serverAction(ctx, t, `Shut down ${q(s)}`, (c, id, signal) => c.servers.shutdown(id, { signal }));
    if (!stopped || !(await waitUntilOff(ctx, t))) return;
  }
  await serverAction(
    ctx,
    t,
    `Change type of ${q(s)} to ${type.type.name}`,
    (c, id, signal) => c.servers.changeType(id, type.type.id, disk.upgrade, { signal }),
    `${q(s)} is now a ${type.type.name} (${formatMonthly(monthly(type.type, loc))}, was ${formatMonthly(oldPrice)}). It is off: Power On to start it.`,
    [powerOnStep(ctx, { ...t, resource: { ...s, status: 'off' } })],
  );
}

// --- Backups -------------------------------------------------------------------------------

const WINDOWS: BackupWindow[] = ['22-02', '02-06', '06-10', '10-14', '14-18', '18-22'];

export async function enableBackup(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Enable Backups', (s) => !s.backupWindow, 'Every server has backups enabled already.');
  if (!t) return;
  const s = t.resource;
  const pricing = await runCall(ctx, t.project, `Enable backups for ${q(s)}`, (c) => c.pricing.get());
  if (!pricing) return;
  const percent = pricing.serverBackupPercentage;
  const base = monthly(s.serverType, s.location?.name);
  const extra = base ? `+${percent}%: ${formatMonthly(backupsMonthly(base, percent))}` : `+${percent}% of the server's price`;
  const window = await ctx.input().quickPick(
    [
      { label: 'Random', description: 'Hetzner Cloud picks a window', window: undefined as BackupWindow | undefined },
      ...WINDOWS.map((w) => ({ label: w, description: `${w.replace('-', ':00–')}:00 UTC`, window: w as BackupWindow | undefined })),
    ],
    { title: `Enable Backups for ${q(s)} (${extra})`, placeHolder: 'Backup window (UTC)' },
  );
  if (!window) return;
  await serverAction(ctx, t, `Enable backups for ${q(s)}`, (c, id, signal) => c.servers.enableBackup(id, window.window, { signal }), `Backups enabled for ${q(s)} (${extra}).`);
}

export async function disableBackup(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Disable Backups', (s) => !!s.backupWindow, 'No server has backups enabled.');
  if (!t) return;
  const ok = await ctx.input().confirm(`Disable backups for ${q(t.resource)}?`, {
    detail: 'This deletes ALL backups of the server at once. Convert a backup to a snapshot first to keep it.',
    confirmLabel: 'Disable and Delete Backups',
  });
  if (ok) await serverAction(ctx, t, `Disable backups for ${q(t.resource)}`, (c, id, signal) => c.servers.disableBackup(id, { signal }));
}

// --- ISO -----------------------------------------------------------------------------------

/**
 * The ISOs a server can boot: of its architecture (an ISO without one boots on any), and not
 * deprecated (the 2018 date, or today's `unavailable_after`, has passed).
 */
export function isoCandidates(isos: readonly Iso[], server: Server, now = Date.now()): Iso[] {
  const arch = architectureOf(server.serverType);
  const past = (d: Date | undefined) => d !== undefined && d.getTime() <= now;
  return isos.filter((i) => (i.architecture ?? arch) === arch && !past(i.deprecated) && !past(i.deprecation?.unavailableAfter));
}

export async function attachIso(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Attach ISO', (s) => !s.iso, 'Every server has an ISO attached.');
  if (!t) return;
  const isos = await runCall(ctx, t.project, `Attach ISO to ${q(t.resource)}`, (c) => c.isos.listAll());
  if (!isos) return;
  const iso = await ctx.input().quickPick(
    isoCandidates(isos, t.resource).map((i) => ({ label: i.name ?? i.description, description: [i.name ? i.description : i.type, i.architecture].filter(Boolean).join(' · '), iso: i })),
    { title: `Attach ISO to ${q(t.resource)}`, placeHolder: 'ISO image (boots at the next start)', matchOnDescription: true },
  );
  if (!iso) return;
  await serverAction(ctx, t, `Attach ISO "${iso.label}" to ${q(t.resource)}`, (c, id, signal) => c.servers.attachIso(id, iso.iso.id, { signal }));
}

export async function detachIso(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Detach ISO', (s: Server) => !!s.iso, 'No server has an ISO attached.');
  if (t) await serverAction(ctx, t, `Detach ISO from ${q(t.resource)}`, (c, id, signal) => c.servers.detachIso(id, { signal }));
}
