// How a firewall reads in the tree: its row (rule count, what it is applied to), its tooltip, and
// each rule's row (direction arrow, protocol, port, sources or destinations, description) with all
// its addresses in the tooltip. Pure (no vscode); nothing from the API reaches Markdown unescaped.

import type { Firewall, FirewallAppliedTo, FirewallRule } from '../api/types';
import { formatDate, labelsLine, md, mdCode, noLookup, type Lookup } from './format';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How many servers the firewall covers now (directly or through a selector, each once). */
export function firewallServerIds(f: Firewall): number[] {
  return [...new Set(f.appliedTo.flatMap((a) => (a.type === 'server' ? [a.serverId] : a.serverIds)))];
}

/** `4 rules · applied to 2 servers` / `no rules · not applied`. */
export function firewallDescription(f: Firewall): string {
  const rules = f.rules.length ? plural(f.rules.length, 'rule') : 'no rules';
  const servers = firewallServerIds(f).length;
  const selectors = f.appliedTo.filter((a) => a.type === 'labelSelector').length;
  const applied = f.appliedTo.length
    ? `applied to ${plural(servers, 'server')}${selectors ? ` (${plural(selectors, 'selector')})` : ''}`
    : 'not applied';
  return `${rules} · ${applied}`;
}

/** `web-1`, or `server 42` while the servers are not loaded. */
const serverName = (id: number, lookup: Lookup) => lookup.serverName(id) ?? `server ${id}`;

/** `web-1`, `selector env=prod`: one entry of what a firewall is applied to, in plain words. */
export function appliedToText(a: FirewallAppliedTo, lookup: Lookup = noLookup): string {
  return a.type === 'server' ? serverName(a.serverId, lookup) : `selector ${a.selector}`;
}

/** `web-1, web-2 and selector env=prod` (plain text; escape it for Markdown). */
export function appliedToList(f: Firewall, lookup: Lookup = noLookup): string {
  const names = f.appliedTo.map((a) => appliedToText(a, lookup));
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? 'nothing');
}

/** The addresses of a rule's direction. */
export const ruleIps = (r: FirewallRule): string[] => (r.direction === 'in' ? r.sourceIps : r.destinationIps);

/** `any` for 0.0.0.0/0 with ::/0, the blocks themselves up to two, else `3 ranges`. */
export function ipsSummary(ips: string[]): string {
  if (!ips.length) return 'any';
  const any4 = ips.includes('0.0.0.0/0');
  const any6 = ips.includes('::/0');
  if (any4 && any6 && ips.length === 2) return 'any';
  if (ips.length <= 2) return ips.join(', ');
  return plural(ips.length, 'range');
}

/** `↓ in TCP 22` / `↑ out UDP 53` / `↓ in ICMP`. */
export function ruleLabel(r: FirewallRule): string {
  const arrow = r.direction === 'in' ? '↓' : '↑';
  return [arrow, r.direction, r.protocol.toUpperCase(), r.port].filter(Boolean).join(' ');
}

/** `from any · HTTP` / `to 192.0.2.53/32`. */
export function ruleDescription(r: FirewallRule): string {
  return [`${r.direction === 'in' ? 'from' : 'to'} ${ipsSummary(ruleIps(r))}`, r.description].filter(Boolean).join(' · ');
}

export function ruleTooltip(r: FirewallRule): string {
  const ips = ruleIps(r);
  return [
    `**${r.direction === 'in' ? 'Inbound' : 'Outbound'} ${md(r.protocol.toUpperCase())}${r.port ? ` port ${md(r.port)}` : ''}**`,
    r.description ? md(r.description) : undefined,
    `${r.direction === 'in' ? 'Sources' : 'Destinations'}: ${ips.length ? ips.map(mdCode).join(', ') : 'any'}`,
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}

export function firewallTooltip(f: Firewall, lookup: Lookup = noLookup): string {
  const inbound = f.rules.filter((r) => r.direction === 'in').length;
  return [
    `**${md(f.name)}** — Firewall`,
    '',
    `Rules: ${f.rules.length ? `${inbound} inbound, ${f.rules.length - inbound} outbound` : 'none (all inbound traffic is dropped once applied)'}`,
    `Applied to: ${md(appliedToList(f, lookup))}`,
    `Servers covered: ${firewallServerIds(f).length}`,
    `Created: ${formatDate(f.created)}`,
    labelsLine(f.labels),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}
