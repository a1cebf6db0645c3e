// Pure checks of what a user types for Networks: IP ranges, subnets, routes, IPs and alias IPs,
// vSwitch ids (the API's rules, so nothing it would refuse for its form is sent). No vscode:
// unit-tested in test/unit/commands/networkValidate.test.ts. Each returns undefined when fine,
// or the message an input box shows.

import { cidrContains, cidrHasIp, cidrsOverlap, formatCidr, isPrivateRange, networkRangeProblem, parseCidr, parseIpv4, subnetRangeProblem } from '../api/cidr';
import type { Network } from '../api/types';

const sentence = (what: string, problem: string) => `${what} ${problem}.`;

export function validateNetworkRange(value: string): string | undefined {
  const problem = networkRangeProblem(value.trim());
  return problem && sentence('The IP range', problem);
}

/** A larger range for change_ip_range: the same first address, a shorter prefix. */
export function validateLargerRange(value: string, current: string): string | undefined {
  const problem = validateNetworkRange(value);
  if (problem) return problem;
  const next = parseCidr(value.trim());
  const now = parseCidr(current);
  if (next && now && (next.base !== now.base || next.prefix >= now.prefix)) {
    return `An IP range can only grow: keep ${formatCidr({ base: now.base, prefix: now.prefix }).split('/')[0]} and pick a prefix shorter than /${now.prefix}.`;
  }
  return undefined;
}

/** A subnet's range inside the Network, overlapping none of its subnets and route destinations; empty = the API picks a /24. */
export function validateSubnetRange(value: string, network: Pick<Network, 'ipRange' | 'subnets' | 'routes'>, allowEmpty = true): string | undefined {
  const text = value.trim();
  if (!text) return allowEmpty ? undefined : 'Enter an IP range, e.g. 10.0.1.0/24.';
  const problem = subnetRangeProblem(text, network.ipRange);
  if (problem) return sentence('The subnet', problem);
  const range = parseCidr(text);
  const clash = [...network.subnets.map((s) => s.ipRange), ...network.routes.map((r) => r.destination)].find((u) => {
    const c = parseCidr(u);
    return c && range && cidrsOverlap(c, range);
  });
  return clash ? `It overlaps ${clash}, already a subnet or route destination of the network.` : undefined;
}

export function validateVswitchId(value: string): string | undefined {
  return /^[1-9]\d{0,15}$/.test(value.trim()) ? undefined : 'Enter the vSwitch ID: a positive number (Robot shows it).';
}

/** An IPv4 address inside `range` (a Network's or a subnet's). */
export function validateIpIn(value: string, range: string, what = 'The address'): string | undefined {
  const ip = parseIpv4(value.trim());
  if (ip === undefined) return `${what} must be an IPv4 address, e.g. 10.0.1.5.`;
  const c = parseCidr(range);
  return c && !cidrHasIp(c, ip) ? `${what} must lie inside ${range}.` : undefined;
}

/** A route's destination: a private range (RFC 1918) or 0.0.0.0/0, overlapping no subnet or route. */
export function validateRouteDestination(value: string, network: Pick<Network, 'subnets' | 'routes'>): string | undefined {
  const text = value.trim();
  const c = parseCidr(text);
  if (!c) return 'Enter a destination in CIDR notation with no host bits set, e.g. 10.100.1.0/24 or 0.0.0.0/0.';
  if (c.prefix !== 0 && !isPrivateRange(c)) return 'The destination must be a private range (RFC 1918) or 0.0.0.0/0.';
  const clash = [...network.subnets.map((s) => s.ipRange), ...network.routes.map((r) => r.destination)].find((u) => {
    const other = parseCidr(u);
    return other && cidrsOverlap(other, c);
  });
  return clash ? `It overlaps ${clash}, already a subnet or route destination of the network.` : undefined;
}

/** Alias IPs as typed: addresses separated by commas or spaces (empty: none). */
export function parseAliasIps(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

export function validateAliasIps(value: string, range: string): string | undefined {
  for (const ip of parseAliasIps(value)) {
    const problem = validateIpIn(ip, range, `Alias IP ${ip}`);
    if (problem) return problem;
  }
  const list = parseAliasIps(value);
  return new Set(list).size === list.length ? undefined : 'An alias IP is listed twice.';
}

/** The suggested first subnet: the second /24 of the range (10.0.1.0/24 of 10.0.0.0/16), or the whole range when it is a /24. */
export function firstSubnetOf(networkRange: string): string | undefined {
  const c = parseCidr(networkRange.trim());
  if (!c) return undefined;
  const first = { base: c.base, prefix: Math.max(c.prefix, 24) };
  return cidrContains(c, first) ? formatCidr({ base: first.base + (first.prefix === c.prefix ? 0 : 2 ** (32 - first.prefix)), prefix: first.prefix }) : undefined;
}
