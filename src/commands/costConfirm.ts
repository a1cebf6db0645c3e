// Confirmations that name what a create will cost a month, for the commands whose last step was not
// priced yet: Create Floating IP, Create Image (a snapshot) and Convert Backup to Snapshot. The
// prices come from the project's /pricing through the cost model (src/api/costs.ts), spelt by
// src/shared/price.ts. Cancelling sends nothing; a failed /pricing shows the API's words and stops.
import { floatingIpMonthly, snapshotMonthly } from '../api/costs';
import type { Image, Pricing } from '../api/types';
import type { Project } from '../projects/projectStore';
import { formatMonthly, formatPriceDetail, formatRate } from '../shared/price';
import type { CommandContext } from './context';
import { runCall } from './runAction';

async function pricing(ctx: CommandContext, project: Project, title: string): Promise<Pricing | undefined> {
  return runCall(ctx, project, title, (c) => c.pricing.get());
}

/** `Create IPv4 Floating IP in fsn1 for €3.57/mo?`; true when the user chose Create. */
export async function confirmFloatingIpCost(ctx: CommandContext, project: Project, title: string, type: 'ipv4' | 'ipv6', homeLocation: string | undefined): Promise<boolean> {
  const prices = await pricing(ctx, project, title);
  if (!prices) return false;
  const monthly = homeLocation === undefined ? undefined : floatingIpMonthly(prices, type, homeLocation);
  return ctx.input().confirm(`${title} for ${formatMonthly(monthly)}?`, {
    detail: `${formatPriceDetail(monthly)}. A Floating IP is billed monthly from its creation until it is deleted, assigned or not.`,
    confirmLabel: 'Create',
  });
}

/**
 * A snapshot's monthly price in a confirmation: exact for an image of known size (a backup to
 * convert); before a snapshot exists, an estimate, since the API bills its size in storage, known
 * only once it is made: at most the disk's size (`diskGb`).
 */
export async function confirmSnapshotCost(ctx: CommandContext, project: Project, message: string, confirmLabel: string, image: Pick<Image, 'imageSize'> & { diskGb: number }): Promise<boolean> {
  const prices = await pricing(ctx, project, message);
  if (!prices) return false;
  const perGb = prices.image.perGbMonth;
  const known = image.imageSize !== undefined;
  const gb = image.imageSize ?? image.diskGb;
  const monthly = snapshotMonthly({ type: 'snapshot', imageSize: gb }, prices);
  const estimate = known
    ? `It costs ${formatPriceDetail(monthly)}: ${gb.toFixed(2)} GB at ${formatRate(perGb, 'GB/mo')}.`
    : `Estimate: at most ${formatMonthly(monthly)} (${gb} GB disk at ${formatRate(perGb, 'GB/mo')}); a snapshot is billed by its size in storage, usually less than the disk.`;
  return ctx.input().confirm(`${message} (${known ? '' : 'up to '}${formatMonthly(monthly)})?`, {
    detail: `${estimate} It is billed until you delete it.`,
    confirmLabel,
  });
}
