// The words of a Load Balancer in the tree (no vscode: unit-tested in plain Node): its row (type,
// location, public addresses or "private only", targets' health "2/2 healthy"), its tooltip
// (algorithm, network, price, traffic, labels, protection), and the rows of its services
// (`https 443 → 80`, health check, sticky sessions, certificates, redirect) and targets (server by
// name, label selector, IP; each with its health per service). Nothing from the API reaches the
// Markdown unescaped.

import type { LoadBalancer, LoadBalancerService, LoadBalancerTarget, LoadBalancerType, TargetHealthStatus } from '../api/types';
import { formatMonthly, formatPriceDetail } from '../shared/price';
import { formatBytes, formatDate, labelsLine, md, mdCode, noLookup, protectionText, type Lookup } from './format';

/** A Load Balancer's lookups: certificate names come from the Certificates folder when it has loaded. */
export interface LoadBalancerLookup extends Lookup {
  certificateName?(id: number): string | undefined;
}

export type Health = 'healthy' | 'unhealthy' | 'unknown';

/** One target's health over its services: unhealthy if any service says so, healthy if all do, else unknown. */
export function overallHealth(statuses: readonly TargetHealthStatus[]): Health {
  if (statuses.some((s) => s.status === 'unhealthy')) return 'unhealthy';
  if (statuses.length > 0 && statuses.every((s) => s.status === 'healthy')) return 'healthy';
  return 'unknown';
}

/** `healthy on 443, unhealthy on 80`; `no services` when there is nothing to check. */
export function healthText(statuses: readonly TargetHealthStatus[]): string {
  if (!statuses.length) return 'no services';
  return statuses.map((s) => `${s.status} on ${s.listenPort}`).join(', ');
}

/**
 * The targets whose health counts: servers and IPs, and each server a label selector matched
 * (a selector that matched none counts as nothing).
 */
export function healthOfTargets(lb: LoadBalancer): Health[] {
  return lb.targets.flatMap((t) => (t.type === 'label_selector' ? (t.targets ?? []).map((m) => overallHealth(m.healthStatus)) : [overallHealth(t.healthStatus)]));
}

/** `2/2 healthy`, `1/3 healthy · 1 unhealthy`, `no targets`. */
export function healthSummary(lb: LoadBalancer): string {
  const all = healthOfTargets(lb);
  if (!all.length) return 'no targets';
  const healthy = all.filter((h) => h === 'healthy').length;
  const unhealthy = all.filter((h) => h === 'unhealthy').length;
  return [`${healthy}/${all.length} healthy`, unhealthy ? `${unhealthy} unhealthy` : undefined].filter(Boolean).join(' · ');
}

export function hasUnhealthyTarget(lb: LoadBalancer): boolean {
  return healthOfTargets(lb).includes('unhealthy');
}

/** The public addresses (`203.0.113.5, 2001:db8::1`), or `private only` with the public interface off. */
export function publicAddressText(lb: LoadBalancer): string {
  if (!lb.publicNet.enabled) return 'private only';
  const ips = [lb.publicNet.ipv4?.ip, lb.publicNet.ipv6?.ip].filter((ip): ip is string => !!ip);
  return ips.length ? ips.join(', ') : 'no public IP';
}

/** `lb11 · fsn1 · 203.0.113.5, 2001:db8::1 · 2/2 healthy` */
export function loadBalancerDescription(lb: LoadBalancer): string {
  return [lb.loadBalancerType.name, lb.location.name, publicAddressText(lb), healthSummary(lb), lb.protection.delete ? 'protected' : undefined].filter(Boolean).join(' · ');
}

/** The type's price in the Load Balancer's location, as the one price format writes it for a tooltip. */
function priceText(lb: LoadBalancer): string {
  const p = lb.loadBalancerType.prices.find((x) => x.location === lb.location.name);
  return p?.monthly ? formatPriceDetail(p.monthly, p.hourly) : 'see the Load Balancer Types folder';
}

function trafficText(lb: LoadBalancer): string {
  const used = (bytes: number | undefined) => (bytes === undefined ? 'unknown' : formatBytes(bytes));
  return `${used(lb.ingoingTraffic)} in, ${used(lb.outgoingTraffic)} out, ${formatBytes(lb.includedTraffic)} included`;
}

export const ALGORITHM_TEXT: Record<string, string> = { round_robin: 'round robin', least_connections: 'least connections' };

export function algorithmText(algorithm: string): string {
  return ALGORITHM_TEXT[algorithm] ?? algorithm;
}

function networkText(lb: LoadBalancer, lookup: Lookup): string {
  if (!lb.privateNet.length) return 'none';
  return lb.privateNet.map((p) => `${md(lookup.networkName?.(p.networkId) ?? `network ${p.networkId}`)} (${mdCode(p.ip)})`).join(', ');
}

function addressRow(label: string, a: { ip?: string; dnsPtr?: string } | undefined, enabled: boolean): string {
  if (!enabled) return `${label}: none (public interface disabled)`;
  if (!a?.ip) return `${label}: none`;
  return `${label}: ${mdCode(a.ip)}${a.dnsPtr ? ` (${md(a.dnsPtr)})` : ''}`;
}

/** Markdown source of a Load Balancer's tooltip. */
export function loadBalancerTooltip(lb: LoadBalancer, lookup: Lookup = noLookup): string {
  return [
    `**${md(lb.name)}** — Load Balancer ${md(lb.loadBalancerType.name)}`,
    '',
    addressRow('IPv4', lb.publicNet.ipv4, lb.publicNet.enabled),
    addressRow('IPv6', lb.publicNet.ipv6, lb.publicNet.enabled),
    `Location: ${md(lb.location.name)}`,
    `Algorithm: ${md(algorithmText(lb.algorithm))}`,
    `Network: ${networkText(lb, lookup)}`,
    `Services: ${lb.services.length ? lb.services.map((s) => md(serviceLabel(s))).join(', ') : 'none'}`,
    `Targets: ${md(healthSummary(lb))}`,
    `Price: ${md(priceText(lb))}`,
    `Traffic: ${md(trafficText(lb))}`,
    `Protection: ${protectionText(lb.protection)}`,
    `Created: ${formatDate(lb.created)}`,
    labelsLine(lb.labels),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}

// --- services ---------------------------------------------------------------------------------

/** `https 443 → 80` */
export function serviceLabel(s: LoadBalancerService): string {
  return `${s.protocol} ${s.listenPort} → ${s.destinationPort}`;
}

/** `http /health every 15s`, `tcp :80 every 15s`. */
export function healthCheckText(s: LoadBalancerService): string {
  const h = s.healthCheck;
  const what = h.protocol === 'http' && h.http ? `http ${h.http.path}` : `${h.protocol} :${h.port}`;
  return `${what} every ${h.interval}s`;
}

/** A service's certificates by name (from the Certificates folder when loaded), else `certificate <id>`. */
export function certificateNames(s: LoadBalancerService, lookup: LoadBalancerLookup): string[] {
  return (s.http?.certificates ?? []).map((id) => lookup.certificateName?.(id) ?? `certificate ${id}`);
}

/** `health: http /health every 15s · sticky sessions · certificate: shop-cert · redirects http` */
export function serviceDescription(s: LoadBalancerService, lookup: LoadBalancerLookup = noLookup): string {
  const certs = certificateNames(s, lookup);
  return [
    `health: ${healthCheckText(s)}`,
    s.http?.stickySessions ? 'sticky sessions' : undefined,
    certs.length ? `${certs.length === 1 ? 'certificate' : 'certificates'}: ${certs.join(', ')}` : undefined,
    s.http?.redirectHttp ? 'redirects http' : undefined,
    s.proxyprotocol ? 'proxy protocol' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function serviceTooltip(s: LoadBalancerService, lookup: LoadBalancerLookup = noLookup): string {
  const h = s.healthCheck;
  const http = s.http;
  return [
    `**${md(serviceLabel(s))}** — ${md(s.protocol)} service`,
    '',
    `Listens on ${s.listenPort}, forwards to ${s.destinationPort} on each target`,
    `Health check: ${md(healthCheckText(s))}, timeout ${h.timeout}s, ${h.retries} retries${h.http?.statusCodes.length ? `, expects ${md(h.http.statusCodes.join(', '))}` : ''}`,
    h.http?.domain ? `Health check host: ${mdCode(h.http.domain)}` : undefined,
    http ? `Sticky sessions: ${http.stickySessions ? `on (cookie ${mdCode(http.cookieName)}, ${http.cookieLifetime}s)` : 'off'}` : undefined,
    s.protocol === 'https' ? `Certificates: ${certificateNames(s, lookup).map(md).join(', ') || 'none'}` : undefined,
    s.protocol === 'https' ? `Redirect http to https: ${http?.redirectHttp ? 'yes' : 'no'}` : undefined,
    `Proxy protocol: ${s.proxyprotocol ? 'on' : 'off'}`,
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}

// --- targets ----------------------------------------------------------------------------------

/** A target's row label: the server's name (or `server 42`), `label: env=prod`, or the IP. */
export function targetLabel(t: LoadBalancerTarget, lookup: Lookup = noLookup): string {
  if (t.type === 'server' && t.serverId !== undefined) return lookup.serverName(t.serverId) ?? `server ${t.serverId}`;
  if (t.type === 'label_selector') return `label: ${t.labelSelector ?? ''}`;
  if (t.type === 'ip') return t.ip ?? 'IP';
  return t.type;
}

/** `healthy on 443, unhealthy on 80` for a server or IP; `2 servers · 1/2 healthy` for a label selector. */
export function targetDescription(t: LoadBalancerTarget): string {
  const privateIp = t.usePrivateIp ? 'private IP' : undefined;
  if (t.type !== 'label_selector') return [healthText(t.healthStatus), privateIp].filter(Boolean).join(' · ');
  const matched = t.targets ?? [];
  if (!matched.length) return ['matches no server', privateIp].filter(Boolean).join(' · ');
  const healthy = matched.filter((m) => overallHealth(m.healthStatus) === 'healthy').length;
  return [`${matched.length} ${matched.length === 1 ? 'server' : 'servers'}`, `${healthy}/${matched.length} healthy`, privateIp].filter(Boolean).join(' · ');
}

/** The health of a target as a whole (a label selector: its worst matched server). */
export function targetHealth(t: LoadBalancerTarget): Health {
  if (t.type !== 'label_selector') return overallHealth(t.healthStatus);
  const all = (t.targets ?? []).map((m) => overallHealth(m.healthStatus));
  if (all.includes('unhealthy')) return 'unhealthy';
  return all.length && all.every((h) => h === 'healthy') ? 'healthy' : 'unknown';
}

export function targetTooltip(t: LoadBalancerTarget, lookup: Lookup = noLookup): string {
  const kind = t.type === 'server' ? 'server' : t.type === 'label_selector' ? 'label selector' : t.type === 'ip' ? 'IP' : t.type;
  const label = t.type === 'label_selector' ? mdCode(t.labelSelector ?? '') : md(targetLabel(t, lookup));
  const lines = [`**${label}** — ${md(kind)} target`, ''];
  if (t.type === 'server' && t.serverId !== undefined) lines.push(`Server ID: ${t.serverId}`);
  if (t.type !== 'ip') lines.push(`Traffic to: ${t.usePrivateIp ? 'the private IP' : 'the public IP'}`);
  if (t.type === 'label_selector') {
    const matched = t.targets ?? [];
    lines.push(`Matched servers: ${matched.length ? matched.map((m) => `${md(lookup.serverName(m.serverId) ?? `server ${m.serverId}`)} (${md(healthText(m.healthStatus))})`).join(', ') : 'none'}`);
  } else {
    lines.push(`Health: ${md(healthText(t.healthStatus))}`);
  }
  return lines.join('  \n');
}

// --- Load Balancer types (Catalog) ---------------------------------------------------------------

/** `10000 connections · 5 services · 25 targets · 10 certificates · from €5.39/mo` */
export function loadBalancerTypeDescription(t: LoadBalancerType): string {
  const monthly = t.prices.map((p) => p.monthly).filter((m) => m !== undefined);
  const cheapest = [...monthly].sort((a, b) => a.gross - b.gross)[0];
  const varies = monthly.some((m) => formatMonthly(m) !== formatMonthly(cheapest));
  return [
    `${t.maxConnections} connections`,
    `${t.maxServices} services`,
    `${t.maxTargets} targets`,
    `${t.maxAssignedCertificates} certificates`,
    cheapest ? `${varies ? 'from ' : ''}${formatMonthly(cheapest)}` : undefined,
    t.deprecated ? 'deprecated' : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function loadBalancerTypeTooltip(t: LoadBalancerType): string {
  return [
    `**${md(t.name)}** — ${md(t.description)}`,
    '',
    `Connections: up to ${t.maxConnections}`,
    `Services: up to ${t.maxServices}`,
    `Targets: up to ${t.maxTargets}`,
    `Certificates: up to ${t.maxAssignedCertificates}`,
    t.deprecated ? `Deprecated since ${formatDate(t.deprecated)}` : undefined,
    '',
    'Price per location (incl. VAT):',
    ...t.prices.map((p) => `- ${md(`${p.location}: ${formatPriceDetail(p.monthly, p.hourly)}`)}${p.includedTraffic !== undefined ? md(` · ${formatBytes(p.includedTraffic)} traffic included`) : ''}`),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}
