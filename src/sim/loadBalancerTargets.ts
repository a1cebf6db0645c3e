// A Load Balancer's targets in the simulator: reading one (add_target, remove_target, create's
// `targets[]`) and the rules for adding it (the server exists, a private IP needs a shared Network,
// an IP target is no Hetzner Cloud address, no target twice).

import { parseLabelSelector } from '../api/labels';
import { ApiError, invalidField } from './http';
import { sharesNetwork } from './loadBalancers';
import { canonicalIpv6, inIpv6Network, isIPv4, isIPv6 } from './net';
import { renderServerIps } from './primaryIps';
import type { View } from './render';
import type { SimLoadBalancer, SimLoadBalancerTarget, SimState } from './state';
import type { BodyInput } from './validate';

const TYPES = ['server', 'label_selector', 'ip'] as const;

/** Reads `{ type, server | label_selector | ip, use_private_ip }` (`use_private_ip` only where `withPrivate`). */
export function readTarget(input: BodyInput, withPrivate = true): SimLoadBalancerTarget {
  const type = (input.string('type', { required: true, oneOf: TYPES }) ?? 'server') as SimLoadBalancerTarget['type'];
  const usePrivate = withPrivate ? input.boolean('use_private_ip') : undefined;
  const target: SimLoadBalancerTarget = { type, use_private_ip: usePrivate ?? false };
  const part = input.object(type, { required: true });
  if (type === 'server') target.server = { id: part?.integer('id', { required: true }) ?? 0 };
  if (type === 'label_selector') {
    const selector = part?.string('selector', { required: true, check: selectorProblem }) ?? '';
    target.label_selector = { selector };
  }
  if (type === 'ip') {
    const ip = part?.string('ip', { required: true, check: (v) => (isIPv4(v) || isIPv6(v) ? undefined : 'must be an IPv4 or IPv6 address') }) ?? '';
    target.ip = { ip: isIPv6(ip) ? canonicalIpv6(ip) : ip };
    if (usePrivate !== undefined) input.fail('use_private_ip', 'is only valid for targets of type server and label_selector');
  }
  return target;
}

function selectorProblem(value: string): string | undefined {
  const parsed = parseLabelSelector(value);
  return 'error' in parsed ? `invalid label selector: ${parsed.error}` : undefined;
}

/** Whether two targets name the same thing (the same server, selector or IP). */
export function sameTarget(a: SimLoadBalancerTarget, b: SimLoadBalancerTarget): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'server') return a.server?.id === b.server?.id;
  if (a.type === 'label_selector') return a.label_selector?.selector === b.label_selector?.selector;
  return a.ip?.ip === b.ip?.ip;
}

/** Every address of a Hetzner Cloud resource in the project (servers, Floating and Primary IPs, Load Balancers). */
function isCloudAddress(state: SimState, ip: string): boolean {
  const matches = (own: string | null | undefined) => !!own && (own.includes('/') ? isIPv6(ip) && inIpv6Network(ip, own) : own === ip || (isIPv6(own) && isIPv6(ip) && canonicalIpv6(own) === ip));
  for (const s of state.servers.values()) if (matches(s.public_net.ipv4?.ip) || matches(s.public_net.ipv6?.ip)) return true;
  for (const f of state.floatingIps.values()) if (matches(f.ip)) return true;
  for (const p of state.primaryIps.values()) if (matches(p.ip)) return true;
  for (const lb of state.loadBalancers.values()) if (matches(lb.public_net.ipv4.ip) || matches(lb.public_net.ipv6.ip)) return true;
  return false;
}

/**
 * The checks before `target` joins `lb`: `target_already_defined`; a server that exists, with a private IP
 * only in a Network the Load Balancer shares (`load_balancer_not_attached_to_network`,
 * `server_not_attached_to_network`), else with a public IPv4 (`missing_ipv4`) and the public interface on;
 * an IP that is no Hetzner Cloud address (`cloud_resource_ip_not_allowed`).
 */
export function assertTargetAddable(view: View, lb: Pick<SimLoadBalancer, 'id' | 'targets' | 'private_net' | 'public_net'>, target: SimLoadBalancerTarget, field = 'server.id'): void {
  const { state } = view;
  if (lb.targets.some((t) => sameTarget(t, target))) throw new ApiError('target_already_defined', 'this target is already defined on the Load Balancer');
  if (target.use_private_ip && !lb.private_net.length) {
    throw new ApiError('load_balancer_not_attached_to_network', `Load Balancer ${lb.id} is not attached to a network: attach it before adding targets by private IP`);
  }
  if (!target.use_private_ip && target.type !== 'ip' && !lb.public_net.enabled) {
    throw new ApiError('load_balancer_public_interface_disabled', `the public interface of Load Balancer ${lb.id} is disabled: add the target with use_private_ip`);
  }
  if (target.type === 'server') {
    const id = target.server?.id ?? 0;
    const server = state.servers.get(id);
    if (!server) throw invalidField(field, `server ${id} not found`);
    if (target.use_private_ip && !sharesNetwork(state, lb as SimLoadBalancer, id)) {
      throw new ApiError('server_not_attached_to_network', `server ${id} is not attached to the network of Load Balancer ${lb.id}`);
    }
    if (!target.use_private_ip && !renderServerIps(server, view).ipv4?.ip) throw new ApiError('missing_ipv4', `server ${id} has no public IPv4 address to balance to`);
  }
  if (target.type === 'ip' && isCloudAddress(state, target.ip?.ip ?? '')) {
    throw new ApiError('cloud_resource_ip_not_allowed', `${target.ip?.ip} belongs to a Hetzner Cloud resource: add the server as a target of type server instead`);
  }
}
