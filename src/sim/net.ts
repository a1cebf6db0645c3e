// Addresses: the pools new servers and Floating IPs draw from (documentation and benchmark
// ranges only), IPv6 /64 arithmetic and the default reverse DNS names.

import { isIPv4, isIPv6 } from 'node:net';
import { ApiError } from './http';
import type { Counters } from './state';

interface Pool {
  /** First address, as a 32-bit number. */
  first: number;
  size: number;
}

const ip4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** Server IPv4: TEST-NET-3, TEST-NET-1, then the benchmark range 198.18.0.0/15 for scale runs. */
const SERVER_POOLS: Pool[] = [
  { first: ip4(203, 0, 113, 2), size: 250 },
  { first: ip4(192, 0, 2, 2), size: 250 },
  { first: ip4(198, 18, 0, 2), size: 2 * 65536 - 4 },
];
/** Floating IPv4: TEST-NET-2 (a project's Floating IPs are few). */
const FLOATING_POOLS: Pool[] = [{ first: ip4(198, 51, 100, 10), size: 240 }];

function fromPools(pools: Pool[], index: number): string {
  let i = index;
  for (const pool of pools) {
    if (i < pool.size) {
      const n = pool.first + i;
      return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
    }
    i -= pool.size;
  }
  throw new ApiError('resource_limit_exceeded', 'no IPv4 address left in the simulator\'s address pool');
}

export function allocateServerIpv4(counters: Counters): string {
  return fromPools(SERVER_POOLS, counters.ipv4++);
}

export function allocateFloatingIpv4(counters: Counters): string {
  return fromPools(FLOATING_POOLS, counters.floating_ipv4++);
}

/** A fresh /64 inside 2001:db8::/32, e.g. `2001:db8:1c1c:2a::/64`. */
export function allocateIpv6Network(counters: Counters): string {
  const n = counters.ipv6++;
  return `${canonicalIpv6(`2001:db8:${(0x1c1c + (n >>> 16)).toString(16)}:${(n & 0xffff).toString(16)}::`)}/64`;
}

/** The eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
export function ipv6Groups(address: string): number[] | undefined {
  if (!isIPv6(address) || address.includes('.')) return undefined;
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

/** True when `address` is a single IPv6 address inside `network` (`<prefix>/64`). */
export function inIpv6Network(address: string, network: string): boolean {
  const ip = ipv6Groups(address);
  const net = ipv6Groups(network.replace(/\/64$/, ''));
  return !!ip && !!net && ip.slice(0, 4).every((g, i) => g === net[i]);
}

/** The canonical (compressed, lower-case) text of an IPv6 address, for comparing entries. */
export function canonicalIpv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/** The default PTR of a server or Floating IPv4 address, as Hetzner sets it. */
export function defaultIpv4Ptr(ip: string): string {
  return `static.${ip.split('.').reverse().join('.')}.clients.your-server.de`;
}

export { isIPv4, isIPv6 };
