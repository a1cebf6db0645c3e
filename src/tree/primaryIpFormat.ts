// How a Primary IP reads in the tree: row description and tooltip (Markdown source), as pure
// functions (no vscode) so they can be unit-tested. Prices come from the project's /pricing.

import type { PrimaryIp } from '../api/types';
import { formatPriceDetail } from '../shared/price';
import { labelsLine, md, mdCode, noLookup, protectionText, type Lookup } from './format';

/** `IPv4` / `IPv6`. */
export function ipFamilyText(type: string): string {
  return type === 'ipv4' ? 'IPv4' : type === 'ipv6' ? 'IPv6' : type;
}

/** The monthly price of a Primary IP of this type in this location: the cost model's (src/api/costs.ts). */
export { primaryIpMonthly as primaryIpPrice } from '../api/costs';
import { primaryIpMonthly as primaryIpPrice } from '../api/costs';

/** `→ web-1` or `unassigned`. */
export function primaryIpAssignee(p: PrimaryIp, lookup: Lookup = noLookup): string {
  if (p.assigneeId === undefined) return 'unassigned';
  return `→ ${lookup.serverName(p.assigneeId) ?? `server ${p.assigneeId}`}`;
}

/** `web-ip · → web-1 · auto-delete · fsn1 · protected`. */
export function primaryIpDescription(p: PrimaryIp, lookup: Lookup = noLookup): string {
  return [p.name, primaryIpAssignee(p, lookup), p.autoDelete ? 'auto-delete' : undefined, p.location.name, p.protection.delete ? 'protected' : undefined]
    .filter(Boolean)
    .join(' · ');
}

export function primaryIpTooltip(p: PrimaryIp, lookup: Lookup = noLookup): string {
  const server = p.assigneeId === undefined ? 'unassigned' : `assigned to ${md(lookup.serverName(p.assigneeId) ?? `server ${p.assigneeId}`)}`;
  const price = primaryIpPrice(lookup.pricing?.(), p.type, p.location.name);
  return [
    `**${mdCode(p.ip)}** — Primary IP (${ipFamilyText(p.type)})`,
    '',
    `Name: ${md(p.name)}`,
    `Server: ${server}`,
    `Auto-delete: ${p.autoDelete ? 'yes, deleted with its server' : 'no, kept when its server is deleted'}`,
    `Location: ${md(p.location.city ? `${p.location.name} (${p.location.city})` : p.location.name)}`,
    `Price: ${price ? md(formatPriceDetail(price)) : 'unknown (the project\'s prices are not loaded)'}`,
    `Reverse DNS: ${p.dnsPtr.length ? p.dnsPtr.map((d) => `${md(d.ip)} → ${md(d.dnsPtr)}`).join(', ') : 'none'}`,
    p.blocked ? 'Blocked' : undefined,
    `Protection: ${protectionText(p.protection)}`,
    labelsLine(p.labels),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}

/** A server's public address leaf: `IPv4 · web-ipv4` (its Primary IP), `IPv4 · Primary IP #7` before the names load. */
export function publicIpLabel(family: 'ipv4' | 'ipv6', primaryIpId: number | undefined, lookup: Lookup = noLookup): string {
  const text = ipFamilyText(family);
  if (primaryIpId === undefined) return text;
  return `${text} · ${lookup.primaryIpName?.(primaryIpId) ?? `Primary IP #${primaryIpId}`}`;
}
