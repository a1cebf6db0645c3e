// Load Balancers in the simulator's state (today's API only): ids and addresses, names, the Network
// a Load Balancer is attached to, the health of its targets (faked: never connects to anything) and
// what other families ask of it (a server's `load_balancers`, the clean-up when a server goes, the
// certificates its services use).

import { matchesLabelSelector, parseLabelSelector } from '../api/labels';
import type { HealthStatusSchema, LoadBalancerSchema, LoadBalancerTargetSchema, LoadBalancerTypeSchema, LocationSchema } from '../api/schema';
import { formatIpv4, parseCidr, sizeOf, type Cidr } from '../api/cidr';
import { LOAD_BALANCER_TYPES } from './catalog';
import { ApiError, uniqueness } from './http';
import { canonicalIpv6 } from './net';
import { isHostOf, takenIps } from './networks';
import type { View } from './render';
import { copy, type SimLoadBalancer, type SimLoadBalancerTarget, type SimNetwork, type SimServer, type SimState } from './state';
import { isoTime } from './time';

/** The first Load Balancer id of a fresh state. */
const FIRST_LOAD_BALANCER_ID = 5500;

export function nextLoadBalancerId(state: SimState): number {
  const id = state.counters.load_balancer ?? Math.max(FIRST_LOAD_BALANCER_ID, ...[...state.loadBalancers.keys()].map((k) => k + 1));
  state.counters.load_balancer = id + 1;
  return id;
}

/**
 * The public addresses of a Load Balancer, a function of its id: IPv4 from the top of the benchmark range
 * 198.18.0.0/15 (downwards, so the server pool that counts up from its bottom never meets it at any
 * realistic scale), IPv6 one address of 2001:db8:ffff::/48. No counter moves: creating a Load Balancer
 * changes no other resource's addresses.
 */
export function loadBalancerIps(id: number): { ipv4: string; ipv6: string } {
  const n = id - FIRST_LOAD_BALANCER_ID;
  const v4 = (((198 << 24) | (19 << 16) | (255 << 8) | 254) >>> 0) - (n & 0xffff);
  return { ipv4: formatIpv4(v4), ipv6: canonicalIpv6(`2001:db8:ffff:${(n & 0xffff).toString(16)}::1`) };
}

export function loadBalancerType(ref: unknown): LoadBalancerTypeSchema | undefined {
  const asId = typeof ref === 'number' ? ref : typeof ref === 'string' && /^\d+$/.test(ref) ? Number(ref) : undefined;
  return LOAD_BALANCER_TYPES.find((t) => (asId !== undefined ? t.id === asId : t.name === ref));
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,61}[A-Za-z0-9])?$/;

/** The rule the simulator applies to a Load Balancer name: 1 to 63 letters, digits, `-`, `_`, `.`, starting and ending alphanumeric. */
export function loadBalancerNameProblem(name: string): string | undefined {
  return NAME.test(name) ? undefined : 'must be 1 to 63 characters (letters, digits, -, _ and .), starting and ending with a letter or digit';
}

export function assertLoadBalancerNameFree(state: SimState, name: string, self?: number): void {
  for (const lb of state.loadBalancers.values()) {
    if (lb.name === name && lb.id !== self) throw uniqueness('name', `Load Balancer name '${name}' is already used`);
  }
}

export interface LoadBalancerInit {
  name: string;
  type: LoadBalancerTypeSchema;
  location: LocationSchema;
  algorithm: 'round_robin' | 'least_connections';
  publicInterface: boolean;
  labels?: Record<string, string>;
  created: number;
}

export function newLoadBalancer(state: SimState, init: LoadBalancerInit): SimLoadBalancer {
  const id = nextLoadBalancerId(state);
  const ips = loadBalancerIps(id);
  const lb: SimLoadBalancer = {
    id,
    name: init.name,
    created: isoTime(init.created),
    public_net: { enabled: init.publicInterface, ipv4: { ip: ips.ipv4, dns_ptr: null }, ipv6: { ip: ips.ipv6, dns_ptr: null } },
    private_net: [],
    location: copy(init.location),
    load_balancer_type: copy(init.type),
    protection: { delete: false },
    labels: { ...(init.labels ?? {}) },
    algorithm: { type: init.algorithm },
    services: [],
    targets: [],
    included_traffic: init.type.prices[0]?.included_traffic ?? 0,
    ingoing_traffic: null,
    outgoing_traffic: null,
  };
  state.loadBalancers.set(id, lb);
  return lb;
}

// ---- Networks ----

/** Every address of the Network in use, the Load Balancers' included. */
export function takenWithLoadBalancers(state: SimState, network: SimNetwork): Set<string> {
  const taken = takenIps(network);
  for (const lb of state.loadBalancers.values()) for (const p of lb.private_net) if (p.network === network.id) taken.add(p.ip);
  return taken;
}

/**
 * A free address for a Load Balancer in the subnet, from its top down (servers are given addresses from the
 * bottom up, so the two rarely meet); undefined when the subnet is full.
 */
export function freeTopIpIn(ipRange: string, taken: Set<string>): string | undefined {
  const range = parseCidr(ipRange) as Cidr;
  for (let n = range.base + sizeOf(range.prefix) - 2; n > range.base; n--) {
    const ip = formatIpv4(n);
    if (!taken.has(ip)) return ip;
  }
  return undefined;
}

/** The address of a new Load Balancer in `network` (a subnet in its network zone): `no_subnet_available` otherwise. */
export function addressIn(state: SimState, network: SimNetwork, zone: string | undefined, ip?: string, ipRange?: string): string {
  const subnets = network.subnets.filter((s) => s.network_zone === zone && (ipRange === undefined || s.ip_range === ipRange));
  if (!subnets.length) throw new ApiError('no_subnet_available', `network ${network.id} has no subnet${ipRange ? ` ${ipRange}` : ''} in network zone ${zone}`);
  const taken = takenWithLoadBalancers(state, network);
  if (ip !== undefined) {
    if (taken.has(ip) || !subnets.some((s) => isHostOf(s, ip))) throw new ApiError('ip_not_available', `IP ${ip} is not available in network ${network.id}`);
    return ip;
  }
  for (const subnet of subnets) {
    const free = freeTopIpIn(subnet.ip_range, taken);
    if (free) return free;
  }
  throw new ApiError('no_subnet_available', `network ${network.id} has no free address left in network zone ${zone}`);
}

/** The Load Balancers attached to a Network (its `load_balancers`). */
export function loadBalancersInNetwork(state: SimState, networkId: number): number[] {
  return [...state.loadBalancers.values()].filter((lb) => lb.private_net.some((p) => p.network === networkId)).map((lb) => lb.id);
}

/** Whether the server is attached to a Network the Load Balancer is attached to. */
export function sharesNetwork(state: SimState, lb: SimLoadBalancer, serverId: number): boolean {
  return lb.private_net.some((p) => state.networks.get(p.network)?.attachments.some((a) => a.server === serverId));
}

// ---- targets ----

/** The servers a label selector matches (all of the project's, in id order); [] for a bad selector. */
export function selectedServers(state: SimState, selector: string): SimServer[] {
  const parsed = parseLabelSelector(selector);
  if ('error' in parsed) return [];
  return [...state.servers.values()].filter((s) => matchesLabelSelector(s.labels ?? {}, parsed.expressions)).sort((a, b) => a.id - b.id);
}

/** The ids of the Load Balancers that have the server as a target (directly or by a label selector): a server's `load_balancers`. */
export function loadBalancersOfServer(state: SimState, serverId: number): number[] {
  const ids: number[] = [];
  for (const lb of state.loadBalancers.values()) {
    const hit = lb.targets.some((t) =>
      t.type === 'server' ? t.server?.id === serverId : t.type === 'label_selector' && selectedServers(state, t.label_selector?.selector ?? '').some((s) => s.id === serverId),
    );
    if (hit) ids.push(lb.id);
  }
  return ids;
}

/** A deleted server is no longer a target of any Load Balancer. */
export function removeServerTargets(state: SimState, serverId: number): void {
  for (const lb of state.loadBalancers.values()) lb.targets = lb.targets.filter((t) => !(t.type === 'server' && t.server?.id === serverId));
}

/** Certificate ids the Load Balancers' https services use, each with the Load Balancers using it. */
export function certificateUsers(state: SimState): Map<number, number[]> {
  const users = new Map<number, number[]>();
  for (const lb of state.loadBalancers.values()) {
    for (const service of lb.services) {
      for (const cert of service.http?.certificates ?? []) {
        const list = users.get(cert) ?? [];
        if (!list.includes(lb.id)) list.push(lb.id);
        users.set(cert, list);
      }
    }
  }
  return users;
}

/**
 * The faked health of a server for each service: `healthy` while it runs, `unhealthy` otherwise; `unknown`
 * while the add_target action that added it runs.
 */
function serverHealth(view: View, lb: SimLoadBalancer, target: SimLoadBalancerTarget, serverId: number): HealthStatusSchema[] {
  const pending = target.added_by !== undefined && view.state.actions.get(target.added_by)?.action.status === 'running';
  const server = view.state.servers.get(serverId);
  const status = pending ? 'unknown' : server?.status === 'running' ? 'healthy' : 'unhealthy';
  return lb.services.map((s) => ({ listen_port: s.listen_port, status }));
}

function renderTarget(view: View, lb: SimLoadBalancer, target: SimLoadBalancerTarget): LoadBalancerTargetSchema {
  const { added_by: _a, ...wire } = target;
  if (target.type === 'server') return { ...copy(wire), health_status: serverHealth(view, lb, target, target.server?.id ?? 0) };
  if (target.type === 'ip') return { ...copy(wire), health_status: lb.services.map((s) => ({ listen_port: s.listen_port, status: 'unknown' })) };
  const targets = selectedServers(view.state, target.label_selector?.selector ?? '').map((s) => ({
    type: 'server' as const,
    server: { id: s.id },
    use_private_ip: target.use_private_ip,
    health_status: serverHealth(view, lb, target, s.id),
  }));
  // The selector's own health per service: healthy when one of its servers is, unknown when it matches none.
  const health = lb.services.map((s) => {
    const all = targets.map((t) => t.health_status.find((h) => h.listen_port === s.listen_port)?.status);
    const status = all.includes('healthy') ? 'healthy' : all.includes('unknown') || !all.length ? 'unknown' : 'unhealthy';
    return { listen_port: s.listen_port, status } as HealthStatusSchema;
  });
  return { ...copy(wire), health_status: health, targets };
}

export function renderLoadBalancer(lb: SimLoadBalancer, view: View): LoadBalancerSchema {
  return { ...copy(lb), targets: lb.targets.map((t) => renderTarget(view, lb, t)) };
}

/** `resource_limit_exceeded` when the Load Balancer (of `type`) would have more than its type allows. */
export function assertWithinType(lb: Pick<SimLoadBalancer, 'services' | 'targets'>, type: LoadBalancerTypeSchema, code = 'resource_limit_exceeded'): void {
  const certificates = new Set(lb.services.flatMap((s) => s.http?.certificates ?? []));
  const over =
    lb.services.length > type.max_services
      ? `${lb.services.length} services (at most ${type.max_services})`
      : lb.targets.length > type.max_targets
        ? `${lb.targets.length} targets (at most ${type.max_targets})`
        : certificates.size > type.max_assigned_certificates
          ? `${certificates.size} certificates (at most ${type.max_assigned_certificates})`
          : undefined;
  if (over) throw new ApiError(code, `Load Balancer type ${type.name} allows no more: this would make ${over}`);
}
