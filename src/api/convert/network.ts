// Wire -> domain for Networks and a server's private networks.

import type { NetworkSchema, RouteSchema, ServerPrivateNetSchema, SubnetSchema } from '../schema';
import type { Network, NetworkRoute, ServerPrivateNet, Subnet } from '../types';
import { convertLabels, isRecord, list, num, parseDate, requiredId, text, WireShapeError } from './wire';

export function convertSubnet(w: SubnetSchema): Subnet {
  return { type: text(w.type, 'cloud'), ipRange: text(w.ip_range), networkZone: text(w.network_zone), gateway: text(w.gateway), vswitchId: num(w.vswitch_id) };
}

export function convertRoute(w: RouteSchema): NetworkRoute {
  return { destination: text(w.destination), gateway: text(w.gateway) };
}

export function convertNetwork(w: NetworkSchema): Network {
  const id = requiredId(w);
  if (typeof w.ip_range !== 'string') throw new WireShapeError('ip_range is missing');
  return {
    id,
    name: text(w.name),
    ipRange: w.ip_range,
    subnets: list(w.subnets).filter(isRecord).map((s) => convertSubnet(s as unknown as SubnetSchema)),
    routes: list(w.routes).filter(isRecord).map((r) => convertRoute(r as unknown as RouteSchema)),
    serverIds: list(w.servers).filter((s): s is number => typeof s === 'number'),
    loadBalancerIds: list(w.load_balancers).filter((s): s is number => typeof s === 'number'),
    protection: { delete: w.protection?.delete === true },
    labels: convertLabels(w.labels),
    created: parseDate(w.created),
    exposeRoutesToVswitch: w.expose_routes_to_vswitch === true,
  };
}

/** A server's `private_net` (today's API); entries without a network id or IP are left out. */
export function convertPrivateNets(w: ServerPrivateNetSchema[] | null | undefined): ServerPrivateNet[] {
  return list(w)
    .filter((p) => isRecord(p) && typeof p.network === 'number' && typeof p.ip === 'string')
    .map((p) => ({
      networkId: p.network,
      ip: p.ip,
      aliasIps: list(p.alias_ips).filter((a): a is string => typeof a === 'string'),
      macAddress: typeof p.mac_address === 'string' ? p.mac_address : undefined,
    }));
}
