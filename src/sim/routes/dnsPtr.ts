// change_dns_ptr input and the PTR lists of servers and Floating IPs.

import { invalidField } from '../http';
import { canonicalIpv6, inIpv6Network, isIPv4, isIPv6 } from '../net';
import type { RouteContext } from '../router';
import { BodyInput, hostname } from '../validate';

export interface DnsPtrChange {
  ip: string;
  /** null resets to the default. */
  dnsPtr: string | null;
  family: 'ipv4' | 'ipv6';
}

/**
 * Reads `{ ip, dns_ptr }` and checks the ip belongs to the resource: equal to its IPv4, or a
 * single address inside its IPv6 /64.
 */
export function readDnsPtr(ctx: RouteContext, ipv4: string | undefined, ipv6Network: string | undefined): DnsPtrChange {
  const input = BodyInput.of(ctx.body);
  const ip = input.string('ip', { required: true });
  const dnsPtr = input.string('dns_ptr', { required: true, nullable: true, check: hostname });
  input.done();
  if (isIPv4(ip) && ip === ipv4) return { ip, dnsPtr, family: 'ipv4' };
  if (isIPv6(ip) && ipv6Network && inIpv6Network(ip, ipv6Network)) return { ip: canonicalIpv6(ip), dnsPtr, family: 'ipv6' };
  throw invalidField('ip', `${ip} is not an IP address of this resource`);
}

/** The PTR list with the entry for `ip` replaced (or removed when `dnsPtr` is null). */
export function withPtr(list: Array<{ ip: string; dns_ptr: string }> | null, ip: string, dnsPtr: string | null) {
  const rest = (list ?? []).filter((e) => e.ip !== ip);
  return dnsPtr === null ? rest : [...rest, { ip, dns_ptr: dnsPtr }];
}
