// The cost model: what each billed resource costs a month, gross and net, from the project's
// `/pricing` and the types' per-location prices, and a project's total. Pure (no vscode, no
// requests): the tree, the commands' confirmations and their tests share it. Formatting is
// src/shared/price.ts's job.
//
// What is billed (Hetzner Cloud's API documentation):
// - a server: its type's price in its location; backups on add `server_backup.percentage` % of it;
// - a Volume: its size times the price per GB and month;
// - a Primary IP: by type and location, whether assigned or not (billed hourly while it exists);
// - a Floating IP: by type and home location (billed monthly; the 2018 contract has one price);
// - a snapshot: its `image_size` times the image price per GB and month; a backup image has no
//   price of its own (the server's backup percentage covers it);
// - a Load Balancer: its type's price in its location.

import { volumeMonthly } from '../shared/price';
import type { FloatingIp, Image, LoadBalancer, Money, Pricing, PrimaryIp, Server, ServerTypePrice, Volume } from './types';

export type CostKind = 'server' | 'backups' | 'volume' | 'primaryIp' | 'floatingIp' | 'snapshot' | 'loadBalancer';

/** The kinds in the order a breakdown lists them. */
export const COST_KINDS: readonly CostKind[] = ['server', 'backups', 'volume', 'primaryIp', 'floatingIp', 'snapshot', 'loadBalancer'];

/** One billed line: a resource (or a server's backups) and its monthly price; undefined when no price is known. */
export interface CostItem {
  kind: CostKind;
  /** The resource's id (the server's for `backups`). */
  id: number;
  name: string;
  monthly: Money | undefined;
}

/** The resources a project's total is made of (each list as the API gave it). */
export interface CostResources {
  servers: readonly Server[];
  volumes?: readonly Volume[];
  primaryIps?: readonly PrimaryIp[];
  floatingIps?: readonly FloatingIp[];
  /** Images of type snapshot (any other type is priced at nothing). */
  snapshots?: readonly Image[];
  loadBalancers?: readonly LoadBalancer[];
}

export interface ProjectCosts {
  items: CostItem[];
  /** The sum of the priced items; undefined when none is priced. */
  total: Money | undefined;
  /** Items whose price is unknown (left out of the total). */
  unpriced: number;
}

/** `amount × factor` in both net and gross. */
export function scaleMoney(m: Money, factor: number): Money {
  return { net: m.net * factor, gross: m.gross * factor, currency: m.currency };
}

/** The sum of prices of one currency; undefined for none. Mixed currencies are not added: the first currency's sum. */
export function sumMoney(prices: ReadonlyArray<Money | undefined>): Money | undefined {
  const known = prices.filter((m): m is Money => m !== undefined);
  if (known.length === 0) return undefined;
  const currency = known[0].currency;
  return known.filter((m) => m.currency === currency).reduce((a, m) => ({ net: a.net + m.net, gross: a.gross + m.gross, currency }), { net: 0, gross: 0, currency });
}

function monthlyIn(prices: readonly ServerTypePrice[] | undefined, location: string | undefined): Money | undefined {
  return location === undefined ? undefined : prices?.find((p) => p.location === location)?.monthly;
}

function serverLocation(s: Server): string | undefined {
  return s.location?.name ?? s.datacenter?.location.name;
}

/**
 * A server's monthly price without backups: its type's price in its location, from `/pricing` when
 * given (the project's currency), else from the type the server came with.
 */
export function serverMonthly(s: Server, pricing?: Pricing): Money | undefined {
  const location = serverLocation(s);
  const listed = pricing?.serverTypes.find((t) => t.id === s.serverType.id)?.prices;
  return monthlyIn(listed, location) ?? monthlyIn(s.serverType.prices, location);
}

/** What backups add to a monthly price: `percentage` % of it. */
export function backupsMonthly(serverPrice: Money, percentage: number): Money {
  return scaleMoney(serverPrice, percentage / 100);
}

/** A server's backups a month: undefined when they are off or a price is unknown. */
export function serverBackupsMonthly(s: Server, pricing: Pricing | undefined): Money | undefined {
  if (!s.backupWindow || !pricing) return undefined;
  const base = serverMonthly(s, pricing);
  return base && backupsMonthly(base, pricing.serverBackupPercentage);
}

export function volumeCost(v: Pick<Volume, 'size'>, pricing: Pricing | undefined): Money | undefined {
  return volumeMonthly(pricing?.volume?.perGbMonth, v.size);
}

/** A Primary IP of this type in this location, a month (today's `pricing.primary_ips`). */
export function primaryIpMonthly(pricing: Pricing | undefined, type: string, location: string): Money | undefined {
  return pricing?.primaryIps?.find((p) => p.type === type)?.prices.find((p) => p.location === location)?.monthly;
}

/** A Floating IP of this type with this home location, a month: today's per-location price, else the 2018 contract's one price. */
export function floatingIpMonthly(pricing: Pricing | undefined, type: string, homeLocation: string): Money | undefined {
  if (!pricing) return undefined;
  if (pricing.floatingIps) return pricing.floatingIps.find((p) => p.type === type)?.prices.find((p) => p.location === homeLocation)?.monthly;
  return pricing.floatingIp.monthly;
}

/** A snapshot's monthly price: its size in storage times the price per GB and month; a backup (or system) image: undefined. */
export function snapshotMonthly(i: Pick<Image, 'type' | 'imageSize'>, pricing: Pricing | undefined): Money | undefined {
  const perGb = pricing?.image.perGbMonth;
  if (i.type !== 'snapshot' || i.imageSize === undefined || !perGb) return undefined;
  return scaleMoney(perGb, i.imageSize);
}

/** A Load Balancer's monthly price: its type's price in its location (`/pricing`'s when given). */
export function loadBalancerMonthly(lb: LoadBalancer, pricing?: Pricing): Money | undefined {
  const listed = pricing?.loadBalancerTypes?.find((t) => t.id === lb.loadBalancerType.id)?.prices;
  return monthlyIn(listed, lb.location.name) ?? monthlyIn(lb.loadBalancerType.prices, lb.location.name);
}

/** Every billed line of these resources, and their total. */
export function projectCosts(r: CostResources, pricing: Pricing | undefined): ProjectCosts {
  const items: CostItem[] = [];
  for (const s of r.servers) {
    items.push({ kind: 'server', id: s.id, name: s.name, monthly: serverMonthly(s, pricing) });
    if (s.backupWindow) items.push({ kind: 'backups', id: s.id, name: s.name, monthly: serverBackupsMonthly(s, pricing) });
  }
  for (const v of r.volumes ?? []) items.push({ kind: 'volume', id: v.id, name: v.name, monthly: volumeCost(v, pricing) });
  for (const p of r.primaryIps ?? []) items.push({ kind: 'primaryIp', id: p.id, name: p.name || p.ip, monthly: primaryIpMonthly(pricing, p.type, p.location.name) });
  for (const f of r.floatingIps ?? []) items.push({ kind: 'floatingIp', id: f.id, name: f.name || f.ip, monthly: floatingIpMonthly(pricing, f.type, f.homeLocation.name) });
  for (const i of r.snapshots ?? []) {
    if (i.type === 'snapshot') items.push({ kind: 'snapshot', id: i.id, name: i.description || `snapshot ${i.id}`, monthly: snapshotMonthly(i, pricing) });
  }
  for (const lb of r.loadBalancers ?? []) items.push({ kind: 'loadBalancer', id: lb.id, name: lb.name, monthly: loadBalancerMonthly(lb, pricing) });
  return { items, total: sumMoney(items.map((i) => i.monthly)), unpriced: items.filter((i) => i.monthly === undefined).length };
}

/** The total of each kind (kinds without items left out), in COST_KINDS order. */
export function costsByKind(items: readonly CostItem[]): Array<{ kind: CostKind; count: number; monthly: Money | undefined }> {
  return COST_KINDS.map((kind) => {
    const of = items.filter((i) => i.kind === kind);
    return { kind, count: of.length, monthly: sumMoney(of.map((i) => i.monthly)) };
  }).filter((k) => k.count > 0);
}
