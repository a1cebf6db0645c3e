// Wire -> domain for servers and their metrics. An unknown status becomes `unknown`.

import type { MetricsSchema, ServerSchema } from '../schema';
import { ServerStatuses, type DnsPtr, type Metrics, type MetricsSeries, type Server, type ServerFirewall, type ServerPublicNet, type ServerStatus } from '../types';
import { convertDatacenter, convertImage, convertIso, convertLocation, convertServerType } from './catalog';
import { convertServerPlacementGroup } from './placementGroup';
import { convertServerFirewalls } from './firewall';
import { convertPrivateNets } from './network';
import { convertLabels, isRecord, list, oneOf, opt, parseDecimal, required, requiredDate, requiredId, text } from './wire';

export function convertDnsPtr(w: { ip: string; dns_ptr: string }): DnsPtr {
  return { ip: text(w?.ip), dnsPtr: text(w?.dns_ptr) };
}

function convertPublicNet(w: ServerSchema['public_net'] | null | undefined): ServerPublicNet {
  const v4 = isRecord(w) && isRecord(w.ipv4) && typeof w.ipv4.ip === 'string' ? w.ipv4 : undefined;
  const v6 = isRecord(w) && isRecord(w.ipv6) && typeof w.ipv6.ip === 'string' ? w.ipv6 : undefined;
  return {
    ipv4: v4 ? { ip: v4.ip, blocked: v4.blocked === true, dnsPtr: opt(v4.dns_ptr), ...primaryIpId(v4.id) } : undefined,
    ipv6: v6 ? { ip: v6.ip, blocked: v6.blocked === true, dnsPtr: list(v6.dns_ptr).map(convertDnsPtr), ...primaryIpId(v6.id) } : undefined,
    floatingIpIds: isRecord(w) ? list(w.floating_ips) : [],
    ...serverFirewalls(isRecord(w) ? w.firewalls : undefined),
  };
}

/** Today's API: the firewalls of the public interface (left out when absent, as in the 2018 contract). */
function serverFirewalls(w: unknown): { firewalls?: ServerFirewall[] } {
  const firewalls = convertServerFirewalls(w);
  return firewalls ? { firewalls } : {};
}

/** Today's API: the Primary IP id of a public address (left out when absent, as in the 2018 contract). */
function primaryIpId(id: unknown): { primaryIpId?: number } {
  return typeof id === 'number' ? { primaryIpId: id } : {};
}

export function convertServer(w: ServerSchema): Server {
  const id = requiredId(w);
  const serverType = convertServerType(required(w.server_type, 'server_type'));
  const datacenter = isRecord(w.datacenter) ? convertDatacenter(w.datacenter) : undefined;
  const location = datacenter?.location ?? (isRecord(w.location) ? convertLocation(w.location) : undefined);
  return {
    id,
    name: text(w.name),
    status: (oneOf(ServerStatuses, w.status) ?? 'unknown') as ServerStatus,
    created: requiredDate(w.created),
    publicNet: convertPublicNet(w.public_net),
    serverType,
    datacenter,
    location,
    image: isRecord(w.image) ? convertImage(w.image) : undefined,
    iso: isRecord(w.iso) ? convertIso(w.iso) : undefined,
    rescueEnabled: w.rescue_enabled === true,
    locked: w.locked === true,
    backupWindow: opt(w.backup_window),
    outgoingTraffic: opt(w.outgoing_traffic),
    ingoingTraffic: opt(w.ingoing_traffic),
    includedTraffic: w.included_traffic ?? 0,
    protection: { delete: w.protection?.delete === true, rebuild: w.protection?.rebuild === true },
    labels: convertLabels(w.labels),
    placementGroup: convertServerPlacementGroup(w.placement_group),
    privateNet: Array.isArray(w.private_net) ? convertPrivateNets(w.private_net) : undefined,
    volumeIds: Array.isArray(w.volumes) ? w.volumes.filter((v) => typeof v === 'number') : undefined,
  };
}

/**
 * Series as parallel arrays (UNIX seconds, numbers): the column layout chart libraries take as is,
 * compact, and JSON-safe for the webview message channel (Dates would arrive as strings).
 */
export function convertMetrics(w: MetricsSchema): Metrics {
  const series: Record<string, MetricsSeries> = {};
  for (const [name, ts] of Object.entries(w.time_series ?? {})) {
    const timestamps: number[] = [];
    const values: Array<number | null> = [];
    for (const sample of list(ts?.values)) {
      const time = parseDecimal(Array.isArray(sample) ? sample[0] : undefined);
      if (time === undefined) continue;
      timestamps.push(time);
      values.push(parseDecimal(sample[1]) ?? null);
    }
    series[name] = { timestamps, values };
  }
  return { start: requiredDate(w.start), end: requiredDate(w.end), step: w.step, series };
}
