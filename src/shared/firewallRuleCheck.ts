// The checks the API makes on a Firewall's rules (`set_rules`), as pure functions, so the rules
// editor says what is wrong on the row itself before anything is sent: protocol, port or port range
// (tcp and udp only), CIDR blocks (IPv4 or IPv6, in CIDR notation), the limits of
// src/shared/firewallRule.ts. Each problem is a sentence a user reads; no vscode, no DOM.

import {
  FIREWALL_DIRECTIONS,
  FIREWALL_MAX_DESCRIPTION,
  FIREWALL_MAX_IPS_PER_RULE,
  FIREWALL_MAX_RULES,
  FIREWALL_PROTOCOLS,
  type FirewallRule,
} from './firewallRule';

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
export function protocolHasPort(protocol: string): boolean {
  return protocol === 'tcp' || protocol === 'udp';
}

/** `80` or `1024-5000` with 1 ≤ a ≤ b ≤ 65535: undefined when valid, else why not. */
export function checkPort(port: string): string | undefined {
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(port);
  if (!m) return port.trim() === '' ? 'Enter a port (80) or a port range (1024-5000).' : 'A port is a number (80) or a range of two numbers (1024-5000), without spaces.';
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1 || a > 65535 || b < 1 || b > 65535) return 'Ports go from 1 to 65535.';
  if (a > b) return `A port range starts with the lower port: ${b}-${a}.`;
  return undefined;
}

const IPV4_OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${IPV4_OCTET}(?:\\.${IPV4_OCTET}){3}$`);

export function isIpv4Address(s: string): boolean {
  return IPV4.test(s);
}

/** A full or `::`-shortened IPv6 address, optionally ending in an IPv4 address. */
export function isIpv6Address(s: string): boolean {
  if (s.length > 45 || !/^[0-9a-fA-F:.]+$/.test(s)) return false;
  let groups = 8;
  let text = s;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    if (!isIpv4Address(text.slice(lastColon + 1))) return false;
    text = `${text.slice(0, lastColon + 1)}0`;
    groups = 7;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const parts = (h: string) => (h === '' ? [] : h.split(':'));
  const head = parts(halves[0]);
  const tail = halves.length === 2 ? parts(halves[1]) : [];
  const all = [...head, ...tail];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  // The IPv4 tail was replaced by one group standing for two.
  const count = all.length + (groups === 7 ? 1 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** An IPv4 or IPv6 CIDR block (`192.0.2.0/24`, `2001:db8::/32`): undefined when valid, else why not. */
export function checkCidr(entry: string): string | undefined {
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const v4 = isIpv4Address(address);
  const v6 = !v4 && isIpv6Address(address);
  if (!v4 && !v6) return `"${entry}" is not an IPv4 or IPv6 address in CIDR notation (192.0.2.0/24, 2001:db8::/32).`;
  if (slash < 0) return `"${entry}" needs a prefix length: the API takes CIDR blocks; for this one address write ${entry}/${v4 ? 32 : 128}.`;
  const prefix = entry.slice(slash + 1);
  const max = v4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max || (prefix.length > 1 && prefix.startsWith('0'))) {
    return `"${entry}": the prefix length of an ${v4 ? 'IPv4' : 'IPv6'} block is a number from 0 to ${max}.`;
  }
  return undefined;
}

/** The entries of an IP list as typed: one per line or separated by commas (or spaces); blanks dropped. */
export function splitIpList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The CIDR blocks a rule's direction uses (and the API's field name for them). */
export function ruleIps(rule: FirewallRule): string[] {
  return rule.direction === 'in' ? rule.sourceIps : rule.destinationIps;
}

function checkIps(rule: FirewallRule): string | undefined {
  const ips = ruleIps(rule);
  const other = rule.direction === 'in' ? rule.destinationIps : rule.sourceIps;
  const which = rule.direction === 'in' ? 'source' : 'destination';
  if (other.length > 0) return `An ${rule.direction === 'in' ? 'inbound' : 'outbound'} rule has ${which} IPs only.`;
  if (ips.length === 0) return `Enter at least one ${which} CIDR block (0.0.0.0/0 and ::/0 for any address).`;
  if (ips.length > FIREWALL_MAX_IPS_PER_RULE) return `A rule takes at most ${FIREWALL_MAX_IPS_PER_RULE} CIDR blocks (this one has ${ips.length}).`;
  const seen = new Set<string>();
  for (const ip of ips) {
    const problem = checkCidr(ip);
    if (problem) return problem;
    if (seen.has(ip)) return `"${ip}" is listed twice.`;
    seen.add(ip);
  }
  return undefined;
}

/** What is wrong with one rule, by field (an empty object when nothing is). */
export function checkRule(rule: FirewallRule): RuleProblems {
  const problems: RuleProblems = {};
  if (!(FIREWALL_DIRECTIONS as readonly string[]).includes(rule.direction)) problems.direction = 'The direction is "in" or "out".';
  if (!(FIREWALL_PROTOCOLS as readonly string[]).includes(rule.protocol)) {
    problems.protocol = `The protocol is one of ${FIREWALL_PROTOCOLS.join(', ')}.`;
  } else if (protocolHasPort(rule.protocol)) {
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

/** The rule as the API wants it: no port for protocols without one, no empty description. */
export function normalizeRule(rule: FirewallRule): FirewallRule {
  const out: FirewallRule = {
    direction: rule.direction,
    protocol: rule.protocol,
    sourceIps: rule.direction === 'in' ? [...rule.sourceIps] : [],
    destinationIps: rule.direction === 'out' ? [...rule.destinationIps] : [],
  };
  if (protocolHasPort(rule.protocol) && rule.port !== undefined) out.port = rule.port;
  if (rule.description !== undefined && rule.description !== '') out.description = rule.description;
  return out;
}
