// Image commands: Change Description (snapshots, backups), Convert Backup to Snapshot, Change
// Protection (snapshots), Delete (snapshots, backups). System images are never offered.
// ("Rebuild a Server from it" lives with the server commands.)
import type { HcloudClient } from '../api/client';
import type { Image } from '../api/types';
import { snapshotMonthly } from '../api/costs';
import { formatPriceDetail } from '../shared/price';
import { imageName } from '../tree/format';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { pickTarget, type Target } from './pick';
import { changeProtection, offerUnprotect, type Protectable } from './protection';
import { runCall } from './runAction';
import { validateDescription } from './validate';

/** How an image is named in messages: its kind and the name the tree shows, e.g. `snapshot "web-1 golden image"`. */
function inMessages(i: Image): string {
  return `${i.type === 'system' || i.type === 'app' ? 'image' : i.type} "${imageName(i)}"`;
}

const isOwn = (i: Image) => i.type === 'snapshot' || i.type === 'backup';

function size(i: Image): string | undefined {
  return i.imageSize === undefined ? undefined : `${i.imageSize.toFixed(2)} GB`;
}

/** The image of the node or one picked from the project's snapshots and backups that `applies`. */
async function pickImage(ctx: CommandContext, node: TreeNode | undefined, title: string, applies: (i: Image) => boolean, none: string): Promise<Target<Image> | undefined> {
  const t = await pickTarget<Image>(ctx, node, {
    kind: 'image',
    title,
    list: (c) => c.images.listAll({ type: ['snapshot', 'backup'] }),
    filter: applies,
    item: (i) => ({
      label: i.description || `#${i.id}`,
      description: [i.type, size(i), i.createdFrom ? `from ${i.createdFrom.name}` : undefined].filter(Boolean).join(' · '),
      detail: `Created ${i.created.toISOString().slice(0, 10)}${i.protection.delete ? ' · protected' : ''}`,
    }),
    none,
  });
  if (t && !applies(t.resource)) {
    ctx.input().info(`${title} does not apply to ${inMessages(t.resource)}.`);
    return undefined;
  }
  return t;
}

function protectable(t: Target<Image>): Protectable {
  return {
    project: t.project,
    kind: 'image',
    id: t.resource.id,
    what: inMessages(t.resource).replace(/^./, (c) => c.toUpperCase()),
    protected: t.resource.protection.delete,
    changeProtection: (c: HcloudClient, remove: boolean) => c.images.changeProtection(t.resource.id, { delete: !remove }),
  };
}

export async function changeImageDescription(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Change Description of Image';
  const t = await pickImage(ctx, node, TITLE, isOwn, 'The project has no snapshot or backup.');
  if (!t) return;
  const image = t.resource;
  const description = await ctx.input().inputBox({
    title: `${TITLE}: ${inMessages(image)}`,
    prompt: 'Description',
    value: image.description,
    validateInput: (v) => (!v.trim() ? 'Give the image a description.' : validateDescription(v, 255)),
  });
  if (description === undefined || description.trim() === image.description) return;
  const updated = await runCall(ctx, t.project, `Change description of ${inMessages(image)}`, (c) => c.images.update(image.id, { description: description.trim() }));
  ctx.tree.resourceChanged(t.project.id, 'image', image.id);
  if (updated) ctx.input().info(`Description of ${inMessages(image)} changed to "${updated.description}".`);
}

export async function convertBackupToSnapshot(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickImage(ctx, node, 'Convert Backup to Snapshot', (i) => i.type === 'backup', 'The project has no backup.');
  if (!t) return;
  const image = t.resource;
  // A backup has no price of its own; as a snapshot it costs its size times the price per GB-month.
  const prices = await runCall(ctx, t.project, `Convert ${inMessages(image)} to a snapshot`, (c) => c.pricing.get());
  if (!prices) return;
  const monthly = snapshotMonthly({ type: 'snapshot', imageSize: image.imageSize }, prices);
  const ok = await ctx.input().confirm(`Convert ${inMessages(image)} to a snapshot?`, {
    detail:
      'A snapshot is no longer bound to its server: it outlives the server (backups are deleted with it) ' +
      `and is billed per GB per month${image.imageSize === undefined ? '' : ` (${size(image)}: ${formatPriceDetail(monthly)})`} until you delete it.`,
    confirmLabel: 'Convert',
  });
  if (!ok) return;
  const updated = await runCall(ctx, t.project, `Convert ${inMessages(image)} to a snapshot`, (c) => c.images.update(image.id, { type: 'snapshot' }));
  ctx.tree.resourceChanged(t.project.id, 'image', image.id);
  if (updated) ctx.input().info(`${inMessages(image)} is now a snapshot.`.replace(/^./, (c) => c.toUpperCase()));
}

export async function changeImageProtection(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickImage(ctx, node, 'Change Protection of Image', (i) => i.type === 'snapshot', 'The project has no snapshot.');
  if (t) await changeProtection(ctx, protectable(t));
}

export async function deleteImage(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickImage(ctx, node, 'Delete Image', isOwn, 'The project has no snapshot or backup.');
  if (!t) return;
  const image = t.resource;
  if (!(await offerUnprotect(ctx, protectable(t)))) return;
  const ok = await ctx.input().confirm(`Delete ${inMessages(image)}?`, {
    detail: 'The image is deleted for good; servers can no longer be created or rebuilt from it.',
    confirmLabel: 'Delete',
  });
  if (!ok) return;
  const done = await runCall(ctx, t.project, `Delete ${inMessages(image)}`, (c) => c.images.delete(image.id).then(() => true));
  ctx.tree.resourceChanged(t.project.id, 'image', image.id);
  if (done) ctx.input().info(`${inMessages(image)} deleted.`.replace(/^./, (c) => c.toUpperCase()));
}

