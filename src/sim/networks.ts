// Networks in the simulator's state: ids, gateways, the first free /24 and free IPs, the wire
// objects (a Network's `servers` and a server's `private_net` derive from the attachments kept on
// each Network), and the clean-up when a server goes.

import { cidrHasIp, formatCidr, formatIpv4, parseCidr, parseIpv4, sizeOf, type Cidr } from '../api/cidr';
import type { NetworkSchema, ServerPrivateNetSchema, SubnetSchema } from '../api/schema';
import type { Labels } from '../api/types';
import { loadBalancersInNetwork } from './loadBalancers';
import { copy, type SimAttachment, type SimNetwork, type SimState } from './state';
import { isoTime } from './time';

/** The first Network id of a fresh state (as the API's examples). */
const FIRST_NETWORK_ID = 4711;

export function nextNetworkId(state: SimState): number {
  const id = state.counters.network ?? Math.max(FIRST_NETWORK_ID, ...[...state.networks.keys()].map((k) => k + 1));
  state.counters.network = id + 1;
  return id;
}

const cidrOf = (text: string): Cidr => parseCidr(text) as Cidr;

/**
 * The gateway of a subnet: for `cloud` the first address of the Network's range (the API's example:
 * 10.0.0.1 for 10.0.1.0/24 in 10.0.0.0/16); for `server` and `vswitch` the first address of the subnet.
 */
export function subnetGateway(networkRange: string, type: string, subnetRange: string): string {
  return formatIpv4(cidrOf(type === 'cloud' ? networkRange : subnetRange).base + 1);
}

/** The first /24 (or the whole range, when smaller) of `range` that overlaps none of `taken`; undefined when full. */
export function firstFreeBlock(range: string, taken: string[]): string | undefined {
  const outer = cidrOf(range);
  const prefix = Math.max(outer.prefix, 24);
  const used = taken.map(cidrOf);
  for (let base = outer.base; base < outer.base + sizeOf(outer.prefix); base += sizeOf(prefix)) {
    const block = { base, prefix };
    if (!used.some((u) => u.base < base + sizeOf(prefix) && base < u.base + sizeOf(u.prefix))) return formatCidr(block);
  }
  return undefined;
}

/** Every address of the Network in use: servers' IPs and alias IPs, and the gateways. */
export function takenIps(network: SimNetwork, except?: number): Set<string> {
  const taken = new Set<string>(network.subnets.map((s) => s.gateway));
  taken.add(formatIpv4(cidrOf(network.ip_range).base + 1));
  for (const a of network.attachments) {
    if (a.server === except) continue;
    taken.add(a.ip);
    for (const alias of a.alias_ips) taken.add(alias);
  }
  return taken;
}

/** Whether `ip` is a host address of the subnet (not its first or last address). */
export function isHostOf(subnet: SubnetSchema, ip: string): boolean {
  const n = parseIpv4(ip);
  const range = cidrOf(subnet.ip_range);
  return n !== undefined && cidrHasIp(range, n) && n !== range.base && n !== range.base + sizeOf(range.prefix) - 1;
}

/** The first free host address of the subnet, or undefined when none is left. */
export function freeIpIn(subnet: SubnetSchema, taken: Set<string>): string | undefined {
  const range = cidrOf(subnet.ip_range);
  for (let n = range.base + 1; n < range.base + sizeOf(range.prefix) - 1; n++) {
    const ip = formatIpv4(n);
    if (!taken.has(ip)) return ip;
  }
  return undefined;
}

/** A MAC address of the server in the Network, stable for the pair (the API's `86:00:...` prefix). */
export function macAddress(networkId: number, serverId: number): string {
  const bytes = [0x86, 0x00, networkId & 0xff, (serverId >>> 16) & 0xff, (serverId >>> 8) & 0xff, serverId & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export interface NetworkInit {
  name: string;
  ipRange: string;
  subnets: Array<Omit<SubnetSchema, 'gateway'>>;
  routes?: Array<{ destination: string; gateway: string }>;
  labels?: Labels;
  exposeRoutesToVswitch?: boolean;
  created: number;
}

/** Builds and stores a Network (the seed and POST /networks; the route checks the input first). */
export function newNetwork(state: SimState, init: NetworkInit): SimNetwork {
  const network: SimNetwork = {
    id: nextNetworkId(state),
    name: init.name,
    ip_range: init.ipRange,
    subnets: init.subnets.map((s) => ({ ...s, gateway: subnetGateway(init.ipRange, s.type, s.ip_range) })),
    routes: copy(init.routes ?? []),
    load_balancers: [],
    protection: { delete: false },
    labels: { ...(init.labels ?? {}) },
    created: isoTime(init.created),
    expose_routes_to_vswitch: init.exposeRoutesToVswitch ?? false,
    attachments: [],
  };
  state.networks.set(network.id, network);
  return network;
}

/** `state` gives the Load Balancers attached to it (without it: none). */
export function renderNetwork(network: SimNetwork, state?: SimState): NetworkSchema {
  const { attachments, ...wire } = network;
  return {
    ...copy(wire),
    subnets: network.subnets.map((s) => ({ ...s, vswitch_id: s.type === 'vswitch' ? (s.vswitch_id ?? null) : null })),
    servers: attachments.map((a) => a.server),
    load_balancers: state ? loadBalancersInNetwork(state, network.id) : [],
  };
}

/** A server's `private_net` (today's API): one entry per Network it is attached to. */
export function privateNetOf(state: SimState, serverId: number): ServerPrivateNetSchema[] {
  const nets: ServerPrivateNetSchema[] = [];
  for (const network of state.networks.values()) {
    const a = network.attachments.find((x) => x.server === serverId);
    if (a) nets.push({ network: network.id, ip: a.ip, alias_ips: [...a.alias_ips], mac_address: a.mac_address });
  }
  return nets;
}

/** The server's attachment to a Network, if any. */
export function attachmentOf(network: SimNetwork, serverId: number): SimAttachment | undefined {
  return network.attachments.find((a) => a.server === serverId);
}

/** A deleted server leaves every Network it was attached to. */
export function detachEverywhere(state: SimState, serverId: number): void {
  for (const network of state.networks.values()) network.attachments = network.attachments.filter((a) => a.server !== serverId);
}
