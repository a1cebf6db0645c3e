// How costs read in the tree: a server's price in its row and tooltip (with its backups), the price
// line of the other resources' tooltips, and a project's monthly total. Pure (no vscode): unit-tested.
// The amounts come from the cost model (src/api/costs.ts), the spelling from src/shared/price.ts.

import { costsByKind, floatingIpMonthly, serverBackupsMonthly, serverMonthly, snapshotMonthly, sumMoney, type CostKind, type ProjectCosts } from '../api/costs';
import type { FloatingIp, Image, Money, Pricing, Server } from '../api/types';
import { formatMonthly, formatPriceDetail } from '../shared/price';
import { md } from './format';

/** The words for each kind in a breakdown. */
export const COST_KIND_LABEL: Record<CostKind, string> = {
  server: 'Servers',
  backups: 'Backups',
  volume: 'Volumes',
  primaryIp: 'Primary IPs',
  floatingIp: 'Floating IPs',
  snapshot: 'Snapshots',
  loadBalancer: 'Load Balancers',
};

/**
 * A server's monthly price for its row: with its backups when they are on and the prices are
 * known (`€5.41/mo`), else its type's price and a note (`€4.51/mo + backups`).
 */
export function serverPriceText(s: Server, pricing: Pricing | undefined): string {
  const base = serverMonthly(s, pricing);
  if (!s.backupWindow) return formatMonthly(base);
  const backups = serverBackupsMonthly(s, pricing);
  return backups ? formatMonthly(sumMoney([base, backups])) : `${formatMonthly(base)} + backups`;
}

/** A server's tooltip lines (Markdown): its price, and what its backups add when they are on. */
export function serverPriceLines(s: Server, pricing: Pricing | undefined): string[] {
  const base = serverMonthly(s, pricing);
  const lines = [`Price: ${md(formatPriceDetail(base))}`];
  if (!s.backupWindow) return lines;
  const backups = serverBackupsMonthly(s, pricing);
  if (!backups) return [...lines, 'Backups: the percentage they add is unknown (the project\'s prices are not loaded)'];
  return [...lines, `Backups: ${md(`+${pricing?.serverBackupPercentage}%: ${formatPriceDetail(backups)}`)}`, `Total: ${md(formatPriceDetail(sumMoney([base, backups])))}`];
}

/** A tooltip's price line (Markdown) for a resource priced by `/pricing`: unknown until the prices are loaded. */
export function priceLine(price: Money | undefined, pricing: Pricing | undefined): string {
  if (price) return `Price: ${md(formatPriceDetail(price))}`;
  return pricing ? 'Price: unknown (the API lists none for it)' : 'Price: unknown (the project\'s prices are not loaded)';
}

export function floatingIpPriceLine(f: FloatingIp, pricing: Pricing | undefined): string {
  return priceLine(floatingIpMonthly(pricing, f.type, f.homeLocation.name), pricing);
}

/** A snapshot's price line (size × price per GB-month); a backup's says it has none of its own; none for other images. */
export function imagePriceLine(i: Image, pricing: Pricing | undefined): string | undefined {
  if (i.type === 'backup') return `Price: none of its own (backups cost ${pricing ? `${pricing.serverBackupPercentage}%` : 'a percentage'} of their server's price)`;
  if (i.type !== 'snapshot') return undefined;
  if (i.imageSize === undefined) return 'Price: unknown until its size is known';
  return priceLine(snapshotMonthly(i, pricing), pricing);
}

/** The project row's description part: `€123.45/mo`; undefined before the first computation. */
export function projectTotalText(costs: ProjectCosts | undefined): string | undefined {
  return costs?.total ? formatMonthly(costs.total) : undefined;
}

/** The project tooltip's lines (Markdown): the total, then each kind's count and sum. */
export function projectTotalLines(costs: ProjectCosts | undefined, filtered: boolean): string[] {
  if (!costs) return ['Monthly total: computed when the project is expanded'];
  return [
    `Monthly total${filtered ? ' of the resources the label filter shows' : ''}: ${md(costs.total ? formatPriceDetail(costs.total) : 'nothing billed')}`,
    ...costsByKind(costs.items).map((k) => md(`${COST_KIND_LABEL[k.kind]} (${k.count}): ${formatMonthly(k.monthly)}`)),
    ...(costs.unpriced ? [md(`${costs.unpriced} without a known price, left out`)] : []),
  ];
}
