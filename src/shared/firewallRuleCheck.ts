// The API's checks of a Firewall rule, as pure functions: CIDR blocks (IPv4 and IPv6, networks with
// empty host bits or single hosts; IPv6 in its RFC 5952 form), ports and port ranges, which fields
// each direction and protocol takes, and the limits of ./firewallRule.ts. The simulator answers with
// them (firewallRuleProblems, canonicalFirewallRule); the rules editor checks with them while the user
// types (checkRule, checkRules below: a sentence per field of a row, and a hint for a bare address).
// No Node, no DOM.

import {
  FIREWALL_DIRECTIONS,
  FIREWALL_MAX_DESCRIPTION,
  FIREWALL_MAX_IPS_PER_RULE,
  FIREWALL_MAX_RULES,
  FIREWALL_PROTOCOLS,
  type FirewallRule,
} from './firewallRule';

/** One problem of a rule: the field as the API names it (`port`, `source_ips`, ...) and what is wrong. */
export interface FirewallRuleProblem {
  field: 'direction' | 'protocol' | 'port' | 'source_ips' | 'destination_ips' | 'description';
  message: string;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function ipv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => OCTET.test(p)) ? parts.map(Number) : undefined;
}

/** `2001:db8::1` (or with a trailing dotted IPv4) -> its 16 bytes; undefined when it is not an IPv6 address. */
function ipv6Bytes(text: string): number[] | undefined {
  let groups = text;
  const lastColon = groups.lastIndexOf(':');
  if (groups.slice(lastColon + 1).includes('.')) {
    // A trailing dotted IPv4 (`::ffff:192.0.2.1`) is the last two groups.
    const v4 = ipv4Bytes(groups.slice(lastColon + 1));
    if (!v4) return undefined;
    groups = `${groups.slice(0, lastColon + 1)}${(v4[0] * 256 + v4[1]).toString(16)}:${(v4[2] * 256 + v4[3]).toString(16)}`;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return undefined;
  const read = (part: string) => (part === '' ? [] : part.split(':'));
  const head = read(halves[0]);
  const rest = halves.length === 2 ? read(halves[1]) : [];
  if (!head.concat(rest).every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  const count = head.length + rest.length;
  if (halves.length === 2 ? count >= 8 : count !== 8) return undefined;
  const words = [...head, ...Array<string>(8 - count).fill('0'), ...rest].map((g) => parseInt(g, 16));
  return words.flatMap((w) => [w >> 8, w & 255]);
}

/** RFC 5952: lowercase, no leading zeros, the longest run of two or more zero groups as `::` (the first on a tie). */
function formatIpv6(bytes: number[]): string {
  const words = Array.from({ length: 8 }, (_, i) => bytes[2 * i] * 256 + bytes[2 * i + 1]);
  let best = { at: -1, length: 1 };
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.length) best = { at: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best.at < 0) return hex.join(':');
  return `${hex.slice(0, best.at).join(':')}::${hex.slice(best.at + best.length).join(':')}`;
}

function hostBitsSet(bytes: number[], prefix: number): boolean {
  return bytes.some((b, i) => {
    const kept = Math.max(0, Math.min(8, prefix - 8 * i));
    return (b & (255 >> kept)) !== 0;
  });
}

/**
 * A CIDR block as the API keeps it (IPv6 canonical, RFC 5952), or the reason it is not one: a network with
 * empty host bits (`10.0.1.0/24`, `2001:db8::/64`) or a single host (`10.0.1.1/32`, `2001:db8::1/128`).
 */
export function parseFirewallCidr(text: string): { cidr: string } | { problem: string } {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(text);
  if (!m) return { problem: `'${text}' is not in CIDR notation (address/prefix, e.g. 192.0.2.0/24 or 2001:db8::/32)` };
  const prefix = Number(m[2]);
  const v4 = ipv4Bytes(m[1]);
  const bytes = v4 ?? ipv6Bytes(m[1]);
  if (!bytes) return { problem: `'${text}': '${m[1]}' is not an IPv4 or IPv6 address` };
  const bits = v4 ? 32 : 128;
  if (prefix > bits) return { problem: `'${text}': the prefix of an ${v4 ? 'IPv4' : 'IPv6'} block is at most /${bits}` };
  if (hostBitsSet(bytes, prefix)) return { problem: `'${text}' has host bits set: give the network (its first address) or a single host (/${bits})` };
  return { cidr: `${v4 ? m[1] : formatIpv6(bytes)}/${prefix}` };
}

/** Why `port` is no port or port range (`80`, `1024-5000`, 1 to 65535, low to high), or undefined. */
export function firewallPortProblem(port: string): string | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(port);
  const problem = `'${port}' is not a port (1 to 65535) or a port range like 1024-5000`;
  if (!m) return problem;
  const low = Number(m[1]);
  const high = m[2] === undefined ? low : Number(m[2]);
  if (low < 1 || high > 65535) return problem;
  if (low > high) return `'${port}': the range must go from the lower to the higher port`;
  return undefined;
}

/** Whether a protocol takes a port (tcp and udp). */
export const takesPort = (protocol: string): boolean => protocol === 'tcp' || protocol === 'udp';

function ipsProblems(field: 'source_ips' | 'destination_ips', ips: string[], used: boolean): FirewallRuleProblem[] {
  if (!used) return ips.length ? [{ field, message: field === 'source_ips' ? 'only for direction in' : 'only for direction out' }] : [];
  const out: FirewallRuleProblem[] = [];
  if (field === 'source_ips' && !ips.length) out.push({ field, message: 'is required for direction in (0.0.0.0/0 and ::/0 allow any address)' });
  if (ips.length > FIREWALL_MAX_IPS_PER_RULE) out.push({ field, message: `at most ${FIREWALL_MAX_IPS_PER_RULE} CIDR blocks per rule` });
  for (const ip of ips) {
    const parsed = parseFirewallCidr(ip);
    if ('problem' in parsed) out.push({ field, message: parsed.problem });
  }
  return out;
}

/** Every problem of one rule as the API sees it; [] when it is valid. */
export function firewallRuleProblems(rule: FirewallRule): FirewallRuleProblem[] {
  const out: FirewallRuleProblem[] = [];
  if (!(FIREWALL_DIRECTIONS as readonly string[]).includes(rule.direction)) out.push({ field: 'direction', message: `must be one of: ${FIREWALL_DIRECTIONS.join(', ')}` });
  if (!(FIREWALL_PROTOCOLS as readonly string[]).includes(rule.protocol)) out.push({ field: 'protocol', message: `must be one of: ${FIREWALL_PROTOCOLS.join(', ')}` });
  if (takesPort(rule.protocol)) {
    if (rule.port === undefined || rule.port === '') out.push({ field: 'port', message: `is required for protocol ${rule.protocol}` });
    else {
      const problem = firewallPortProblem(rule.port);
      if (problem) out.push({ field: 'port', message: problem });
    }
  } else if (rule.port !== undefined) out.push({ field: 'port', message: 'only for protocols tcp and udp' });
  out.push(...ipsProblems('source_ips', rule.sourceIps, rule.direction === 'in'));
  out.push(...ipsProblems('destination_ips', rule.destinationIps, rule.direction === 'out'));
  if (rule.description !== undefined && rule.description.length > FIREWALL_MAX_DESCRIPTION) {
    out.push({ field: 'description', message: `at most ${FIREWALL_MAX_DESCRIPTION} characters` });
  }
  return out;
}

/** The rule as the API answers it: CIDR blocks in their canonical form. Call on a rule without problems. */
export function canonicalFirewallRule(rule: FirewallRule): FirewallRule {
  const canon = (ip: string) => {
    const parsed = parseFirewallCidr(ip);
    return 'cidr' in parsed ? parsed.cidr : ip;
  };
  return { ...rule, sourceIps: rule.sourceIps.map(canon), destinationIps: rule.destinationIps.map(canon) };
}

// --- the rules editor: a sentence per field of a row -------------------------------------------

/** The parts of a row a message can be about (`ips` = source IPs of `in`, destination IPs of `out`). */
export const RULE_FIELDS = ['direction', 'protocol', 'port', 'ips', 'description'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export type RuleProblems = Partial<Record<RuleField, string>>;

export interface RulesCheck {
  /** One entry per rule, in order; empty objects for rules without problems. */
  rules: RuleProblems[];
  /** A problem of the list as a whole (too many rules). */
  list?: string;
  /** True when nothing is wrong: the list can be sent. */
  ok: boolean;
}

/** Whether the protocol takes a port (tcp and udp; the others have none). */
export const protocolHasPort = takesPort;

/** `80` or `1024-5000` with 1 ≤ a ≤ b ≤ 65535: undefined when valid, else why not. */
export function checkPort(port: string): string | undefined {
  if (port.trim() === '') return 'Enter a port (80) or a port range (1024-5000).';
  return firewallPortProblem(port);
}

export function isIpv4Address(s: string): boolean {
  return ipv4Bytes(s) !== undefined;
}

/** A full or `::`-shortened IPv6 address, optionally ending in an IPv4 address. */
export function isIpv6Address(s: string): boolean {
  return ipv6Bytes(s) !== undefined;
}

/** An IPv4 or IPv6 CIDR block as the API takes it: undefined when valid, else why not (a bare address: which prefix to add). */
export function checkCidr(entry: string): string | undefined {
  if (!entry.includes('/') && (isIpv4Address(entry) || isIpv6Address(entry))) {
    return `'${entry}' needs a prefix length: the API takes CIDR blocks; for this one address write ${entry}/${isIpv4Address(entry) ? 32 : 128}.`;
  }
  const parsed = parseFirewallCidr(entry);
  return 'problem' in parsed ? parsed.problem : undefined;
}

/** The entries of an IP list as typed: one per line or separated by commas (or spaces); blanks dropped. */
export function splitIpList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function checkIps(rule: FirewallRule): string | undefined {
  const inbound = rule.direction === 'in';
  const ips = inbound ? rule.sourceIps : rule.destinationIps;
  const other = inbound ? rule.destinationIps : rule.sourceIps;
  if (other.length > 0) return inbound ? 'An inbound rule has source IPs only.' : 'An outbound rule has destination IPs only.';
  if (inbound && ips.length === 0) return 'Enter at least one source CIDR block (0.0.0.0/0 and ::/0 for any address).';
  if (ips.length > FIREWALL_MAX_IPS_PER_RULE) return `A rule takes at most ${FIREWALL_MAX_IPS_PER_RULE} CIDR blocks (this one has ${ips.length}).`;
  for (const ip of ips) {
    const problem = checkCidr(ip);
    if (problem) return problem;
  }
  return undefined;
}

/** What is wrong with one rule, by field (an empty object when nothing is). */
export function checkRule(rule: FirewallRule): RuleProblems {
  const problems: RuleProblems = {};
  if (!(FIREWALL_DIRECTIONS as readonly string[]).includes(rule.direction)) problems.direction = 'The direction is "in" or "out".';
  if (!(FIREWALL_PROTOCOLS as readonly string[]).includes(rule.protocol)) {
    problems.protocol = `The protocol is one of ${FIREWALL_PROTOCOLS.join(', ')}.`;
  } else if (takesPort(rule.protocol)) {
    const port = checkPort(rule.port ?? '');
    if (port) problems.port = port;
  } else if (rule.port !== undefined && rule.port !== '') {
    problems.port = `${rule.protocol.toUpperCase()} has no ports: leave the port empty.`;
  }
  if (!problems.direction) {
    const ips = checkIps(rule);
    if (ips) problems.ips = ips;
  }
  if (rule.description !== undefined && rule.description.length > FIREWALL_MAX_DESCRIPTION) {
    problems.description = `A description has at most ${FIREWALL_MAX_DESCRIPTION} characters (this one has ${rule.description.length}).`;
  }
  return problems;
}

/** Every rule checked, and the list's own limit. */
export function checkRules(rules: readonly FirewallRule[]): RulesCheck {
  const checked = rules.map(checkRule);
  const list = rules.length > FIREWALL_MAX_RULES ? `A Firewall has at most ${FIREWALL_MAX_RULES} rules (this list has ${rules.length}).` : undefined;
  const ok = !list && checked.every((p) => Object.keys(p).length === 0);
  return list ? { rules: checked, list, ok } : { rules: checked, ok };
}

/** The rule as the API wants it: no port for protocols without one, no empty description, no IPs of the other direction. */
export function normalizeRule(rule: FirewallRule): FirewallRule {
  const out: FirewallRule = {
    direction: rule.direction,
    protocol: rule.protocol,
    sourceIps: rule.direction === 'in' ? [...rule.sourceIps] : [],
    destinationIps: rule.direction === 'out' ? [...rule.destinationIps] : [],
  };
  if (takesPort(rule.protocol) && rule.port !== undefined) out.port = rule.port;
  if (rule.description !== undefined && rule.description !== '') out.description = rule.description;
  return out;
}
