// IPv4 addresses and CIDR ranges of private networks: parsing, containment and overlap. Pure
// functions, shared by the simulator (its rules) and the commands (checks before sending).

/** A parsed `a.b.c.d/n`: the first address as a 32-bit number and the prefix length. */
export interface Cidr {
  base: number;
  prefix: number;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** `10.0.1.5` -> its 32-bit number; undefined when it is not a dotted IPv4 address. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** The number of addresses of a prefix length. */
export const sizeOf = (prefix: number): number => 2 ** (32 - prefix);

/** `10.0.0.0/16` -> its range; undefined when it is not one or has host bits set (`10.0.0.1/16`). */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const base = parseIpv4(m[1]);
  const prefix = Number(m[2]);
  if (base === undefined || prefix > 32 || base % sizeOf(prefix) !== 0) return undefined;
  return { base, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.base)}/${c.prefix}`;
}

/** Whether `inner` lies inside `outer` (or is it). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + sizeOf(inner.prefix) <= outer.base + sizeOf(outer.prefix);
}

export function cidrHasIp(range: Cidr, ip: number): boolean {
  return ip >= range.base && ip < range.base + sizeOf(range.prefix);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + sizeOf(b.prefix) && b.base < a.base + sizeOf(a.prefix);
}

/** The private IPv4 ranges of RFC 1918, which a network's range must lie in. */
export const PRIVATE_RANGES: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((t) => parseCidr(t) as Cidr);

export function isPrivateRange(c: Cidr): boolean {
  return PRIVATE_RANGES.some((p) => cidrContains(p, c));
}

/**
 * Why a network's IP range cannot be used, or undefined: CIDR notation, one of the RFC 1918 ranges,
 * at least a /24 (the API's rules).
 */
export function networkRangeProblem(text: string): string | undefined {
  const c = parseCidr(text);
  if (!c) return 'must be an IPv4 range in CIDR notation with no host bits set, e.g. 10.0.0.0/16';
  if (!isPrivateRange(c)) return 'must lie in a private range of RFC 1918 (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)';
  if (c.prefix > 24) return 'must be at least a /24';
  return undefined;
}

/** Why a subnet's IP range cannot be used inside `network` (its range), or undefined: at most a /30, inside the network. */
export function subnetRangeProblem(text: string, network: string): string | undefined {
  const c = parseCidr(text);
  if (!c) return 'must be an IPv4 range in CIDR notation with no host bits set, e.g. 10.0.1.0/24';
  if (c.prefix > 30) return 'must be at least a /30';
  const outer = parseCidr(network);
  if (outer && !cidrContains(outer, c)) return `must lie inside the network's IP range ${network}`;
  return undefined;
}
