// The pure parts of Create Server's options for today's API (no vscode import): which volumes,
// networks, placement groups and Primary IPs a server in a location can take, the summary lines
// and prices of what the wizard creates besides the server, and the request fields.

import type { Location, Money, Network, PlacementGroup, Pricing, PrimaryIp, ServerCreateParams, Volume, VolumeFormat } from '../../api/types';
import { formatMonthly, volumeMonthly } from '../../shared/price';
import type { Firewall } from '../../api/types';

/** A spread placement group holds at most this many servers. */
export const PLACEMENT_GROUP_MAX = 10;

/** What today's API offers the wizard besides the catalog of 2018, loaded once per run. */
export interface TodayCatalog {
  volumes: Volume[];
  networks: Network[];
  placementGroups: PlacementGroup[];
  /** Loaded the first time Public network… is opened (undefined: could not be read, said so). */
  primaryIps(): Promise<PrimaryIp[] | undefined>;
  pricing: Pricing;
  /** Loaded the first time Firewalls… is opened (undefined: could not be read, said so). */
  firewalls?(): Promise<Firewall[] | undefined>;
}

/** A volume the wizard creates once the server exists, attached to it and mounted. */
export interface NewVolume {
  name: string;
  /** GB. */
  size: number;
  /** Undefined: not formatted. */
  format?: VolumeFormat;
}

/** One address family of the public interface: a new Primary IP, none, or an existing one. */
export type IpChoice = 'new' | 'none' | PrimaryIp;

export interface PublicNetChoice {
  ipv4: IpChoice;
  ipv6: IpChoice;
}

/** The API's default: a new IPv4 and a new IPv6. */
export const BOTH_NEW: PublicNetChoice = { ipv4: 'new', ipv6: 'new' };

/** The answers of the options only today's API has; each stays undefined until chosen (the API's default). */
export interface TodayAnswers {
  existingVolumes?: Volume[];
  newVolumes?: NewVolume[];
  networks?: Network[];
  /** null: none. */
  placementGroup?: PlacementGroup | null;
  publicNet?: PublicNetChoice;
  /** Firewalls applied to the server at creation. */
  firewalls?: Firewall[];
}

/** Volumes that can be attached at creation: detached, available, in the server's location. */
export function attachableVolumes(volumes: readonly Volume[], location: Location): Volume[] {
  return volumes.filter((v) => v.serverId === undefined && v.status === 'available' && v.location.name === location.name);
}

/** Networks a server in the location can join: those with a subnet in the location's network zone. */
export function joinableNetworks(networks: readonly Network[], location: Location): Network[] {
  return networks.filter((n) => n.subnets.some((s) => s.networkZone === location.networkZone));
}

/** Placement groups with room for one more server. */
export function openPlacementGroups(groups: readonly PlacementGroup[]): PlacementGroup[] {
  return groups.filter((g) => g.serverIds.length < PLACEMENT_GROUP_MAX);
}

/** Primary IPs of the family that are unassigned and in the location. */
export function freePrimaryIps(ips: readonly PrimaryIp[], type: 'ipv4' | 'ipv6', location: Location): PrimaryIp[] {
  return ips.filter((ip) => ip.type === type && ip.assigneeId === undefined && ip.location.name === location.name);
}

/** A new Primary IP's monthly price in a location. */
export function primaryIpMonthly(pricing: Pricing, type: 'ipv4' | 'ipv6', location: string): Money | undefined {
  return pricing.primaryIps?.find((p) => p.type === type)?.prices.find((p) => p.location === location)?.monthly;
}

/** A new volume's monthly price. */
export function newVolumeMonthly(pricing: Pricing, size: number): Money | undefined {
  return volumeMonthly(pricing.volume?.perGbMonth, size);
}

/** `IPv4 and IPv6`, `IPv6 only`, `203.0.113.5 (Primary IP "web-ip") and a new IPv6`, `none`. */
export function describePublicNet(p: PublicNetChoice): string {
  const one = (c: IpChoice, family: string) => (c === 'new' ? `a new ${family}` : c === 'none' ? '' : `${c.ip} (Primary IP "${c.name}")`);
  const parts = [one(p.ipv4, 'IPv4'), one(p.ipv6, 'IPv6')].filter(Boolean);
  if (parts.length === 0) return 'none (private networks only)';
  if (p.ipv4 === 'new' && p.ipv6 === 'new') return 'a new IPv4 and IPv6';
  return parts.length === 1 ? `${parts[0]} only` : parts.join(' and ');
}

/** The monthly prices of the new Primary IPs a public network choice makes. */
export function publicNetMonthly(p: PublicNetChoice, pricing: Pricing, location: string): Array<Money | undefined> {
  return (['ipv4', 'ipv6'] as const).filter((f) => p[f] === 'new').map((f) => primaryIpMonthly(pricing, f, location));
}

/** Sums prices of one currency; undefined when one of them is unknown. */
export function sumMonthly(prices: ReadonlyArray<Money | undefined>): Money | undefined {
  if (prices.some((p) => p === undefined)) return undefined;
  const known = prices as Money[];
  if (known.length === 0) return undefined;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return known.reduce((a, b) => ({ net: round(a.net + b.net), gross: round(a.gross + b.gross), currency: a.currency }));
}

/** What the options add to the monthly bill: new volumes and new Primary IPs. */
export function todayMonthly(a: TodayAnswers, pricing: Pricing, location: string): Array<Money | undefined> {
  return [...(a.newVolumes ?? []).map((v) => newVolumeMonthly(pricing, v.size)), ...publicNetMonthly(a.publicNet ?? BOTH_NEW, pricing, location)];
}

/** The summary lines of the options, with the price of what they create. */
export function todaySummaryLines(a: TodayAnswers, pricing: Pricing, location: string): string[] {
  const volumes = [
    ...(a.existingVolumes ?? []).map((v) => `${v.name} (${v.size} GB)`),
    ...(a.newVolumes ?? []).map((v) => `new ${v.name} (${v.size} GB, ${v.format ?? 'not formatted'}, ${formatMonthly(newVolumeMonthly(pricing, v.size))})`),
  ];
  const publicNet = a.publicNet ?? BOTH_NEW;
  const ipPrices = publicNetMonthly(publicNet, pricing, location);
  return [
    `Volumes: ${volumes.length ? volumes.join(', ') : 'none'}`,
    `Networks: ${a.networks?.length ? a.networks.map((n) => n.name).join(', ') : 'none'}`,
    `Placement group: ${a.placementGroup ? a.placementGroup.name : 'none'}`,
    `Public network: ${describePublicNet(publicNet)}${ipPrices.length ? ` (${formatMonthly(sumMonthly(ipPrices))})` : ''}`,
    ...(a.firewalls?.length ? [`Firewalls: ${a.firewalls.map((f) => f.name).join(', ')}`] : []),
  ];
}

/** The create request's fields for the options; nothing for what is left at the API's default. */
export function todayCreateParams(a: TodayAnswers): Partial<ServerCreateParams> {
  const params: Partial<ServerCreateParams> = {};
  if (a.existingVolumes?.length) {
    params.volumes = a.existingVolumes.map((v) => v.id);
    params.automount = true;
  }
  if (a.networks?.length) params.networks = a.networks.map((n) => n.id);
  if (a.placementGroup) params.placementGroup = a.placementGroup.id;
  if (a.firewalls?.length) params.firewalls = a.firewalls.map((f) => f.id);
  const p = a.publicNet;
  if (p && (p.ipv4 !== 'new' || p.ipv6 !== 'new')) {
    params.publicNet = {
      enableIpv4: p.ipv4 !== 'none',
      enableIpv6: p.ipv6 !== 'none',
      ...(typeof p.ipv4 === 'object' ? { ipv4: p.ipv4.id } : {}),
      ...(typeof p.ipv6 === 'object' ? { ipv6: p.ipv6.id } : {}),
    };
  }
  return params;
}

/** Why the options cannot be sent as they are, or undefined. */
export function todayProblem(a: TodayAnswers): string | undefined {
  const p = a.publicNet ?? BOTH_NEW;
  if (p.ipv4 === 'none' && p.ipv6 === 'none' && !a.networks?.length) {
    return 'A server without a public IPv4 or IPv6 must be in a private network: pick a network, or keep a public address.';
  }
  if (p.ipv4 === 'none' && p.ipv6 === 'none' && a.firewalls?.length) {
    return 'Firewalls filter public traffic: a server without a public IPv4 or IPv6 cannot have firewalls. Keep a public address, or pick no firewall.';
  }
  return undefined;
}

/** A free name for the n-th new volume of server `server`: `web-3-volume-1`, skipping taken names. */
export function newVolumeName(server: string, taken: readonly string[]): string {
  let n = 1;
  while (taken.includes(`${server}-volume-${n}`)) n++;
  return `${server}-volume-${n}`;
}
