// The words of a Network's row and tooltip (no vscode: unit-tested in plain Node).
import type { Network, Subnet } from '../api/types';
import { formatDate, labelsLine, md, mdCode, protectionText, type Lookup } from './format';

/** `cloud`, `vSwitch 1000`, `server (deprecated)`. */
export function subnetTypeText(s: Subnet): string {
  if (s.type === 'vswitch') return `vSwitch ${s.vswitchId ?? '?'}`;
  if (s.type === 'server') return 'server (deprecated: same as cloud)';
  return s.type;
}

export function subnetDescription(s: Subnet): string {
  return `${subnetTypeText(s)} · ${s.networkZone} · gateway ${s.gateway}`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function networkDescription(n: Network): string {
  return [n.ipRange, count(n.subnets.length, 'subnet', 'subnets'), count(n.serverIds.length, 'server', 'servers'), n.protection.delete ? 'protected' : undefined].filter(Boolean).join(' · ');
}

export function networkTooltip(n: Network, lookup: Lookup): string {
  const servers = n.serverIds.map((id) => md(lookup.serverName(id) ?? `server ${id}`)).join(', ');
  return [
    `**${md(n.name)}** — Network ${mdCode(n.ipRange)}`,
    '',
    `Subnets: ${n.subnets.length ? n.subnets.map((s) => `${mdCode(s.ipRange)} (${md(subnetTypeText(s))}, ${md(s.networkZone)})`).join(', ') : 'none'}`,
    `Routes: ${n.routes.length ? n.routes.map((r) => `${mdCode(r.destination)} → ${mdCode(r.gateway)}`).join(', ') : 'none'}`,
    `Servers: ${servers || 'none'}`,
    `Routes exposed to vSwitch: ${n.exposeRoutesToVswitch ? 'yes' : 'no'}`,
    `Protection: ${protectionText(n.protection)}`,
    n.created ? `Created: ${formatDate(n.created)}` : undefined,
    labelsLine(n.labels),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}
