// Create Load Balancer, the rules without prompts: what the wizard asks, which types, networks and
// servers it offers in a location, the first service's shapes, the request it sends, the summary
// and the price (the one price format). Unit-tested in plain Node.

import type { Location, LoadBalancerCreateParams, LoadBalancerType, Money, Network, Server, ServiceParams, TargetParams } from '../../api/types';
import { formatMonthly, formatPriceDetail } from '../../shared/price';
import { serverLocationName } from '../../tree/format';
import { algorithmText } from '../../tree/loadBalancerFormat';

/** A certificate the https service can use (the Certificates family's list, by id and name). */
export interface CertificateChoice {
  id: number;
  name: string;
  domainNames?: string[];
  /** `uploaded`, `managed, pending`. */
  note?: string;
}

/** What the wizard offers: loaded once before the first step. */
export interface LoadBalancerCatalog {
  /** Names taken in the project. */
  names: string[];
  locations: Location[];
  types: LoadBalancerType[];
  networks: Network[];
  servers: Server[];
  /** Certificates for an https service; loaded only when https is chosen. */
  certificates(): Promise<CertificateChoice[] | undefined>;
}

export type Algorithm = 'round_robin' | 'least_connections';
export const ALGORITHMS: readonly Algorithm[] = ['round_robin', 'least_connections'];

export type TargetsAnswer = { kind: 'servers'; servers: Server[] } | { kind: 'labelSelector'; selector: string } | { kind: 'none' };

export type ServiceAnswer =
  | { kind: 'http' }
  | { kind: 'https'; certificates: CertificateChoice[]; redirectHttp: boolean }
  | { kind: 'tcp'; listenPort: number; destinationPort: number }
  | { kind: 'none' };

export interface CreateLoadBalancerAnswers {
  name?: string;
  location?: Location;
  type?: LoadBalancerType;
  algorithm?: Algorithm;
  /** null: no network. */
  network?: Network | null;
  targets?: TargetsAnswer;
  service?: ServiceAnswer;
}

export type CompleteAnswers = Required<CreateLoadBalancerAnswers>;

export function isComplete(a: CreateLoadBalancerAnswers): a is CompleteAnswers {
  return !!a.name && !!a.location && !!a.type && !!a.algorithm && a.network !== undefined && !!a.targets && !!a.service;
}

/** The API's rule for a Load Balancer name (a hostname-like label, 1 to 63 characters), and unique in the project. */
export function loadBalancerNameProblem(name: string, taken: readonly string[] = []): string | undefined {
  const n = name.trim();
  if (!n) return 'Enter a name.';
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,61}[A-Za-z0-9])?$/.test(n)) return 'Use 1 to 63 letters, digits, "-" or ".", starting and ending with a letter or digit.';
  return taken.includes(n) ? `A Load Balancer named "${n}" exists already.` : undefined;
}

/** The type's price in a location (monthly and hourly), when the API sent one. */
export function typePriceIn(t: LoadBalancerType, location: string): { monthly?: Money; hourly?: Money } | undefined {
  return t.prices.find((p) => p.location === location);
}

/** The types offered in a location: those priced there (not deprecated), cheapest first. */
export function typesIn(types: readonly LoadBalancerType[], location: string): LoadBalancerType[] {
  return types
    .filter((t) => !t.deprecated && typePriceIn(t, location) !== undefined)
    .sort((a, b) => (typePriceIn(a, location)?.monthly?.gross ?? 0) - (typePriceIn(b, location)?.monthly?.gross ?? 0) || a.name.localeCompare(b.name));
}

/** `10000 connections · 5 services · 25 targets · €6.41/mo` */
export function typeChoiceText(t: LoadBalancerType, location: string): string {
  return `${t.maxConnections} connections · ${t.maxServices} services · ${t.maxTargets} targets · ${formatMonthly(typePriceIn(t, location)?.monthly)}`;
}

/** The project's servers in the location (targets must be there). */
export function serversIn(servers: readonly Server[], location: string): Server[] {
  return servers.filter((s) => serverLocationName(s) === location);
}

/** A port typed by the user: a whole number 1..65535. */
export function portProblem(text: string): string | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 65535) return 'A port is a whole number from 1 to 65535.';
  return undefined;
}

/** `5432` or `5432:6432` (listen:destination) for a tcp service. */
export function parseTcpPorts(text: string): { listenPort: number; destinationPort: number } | { error: string } {
  const parts = text.trim().split(':');
  if (parts.length > 2) return { error: 'Enter a port (5432) or a listen and a destination port (5432:6432).' };
  for (const p of parts) {
    const problem = portProblem(p);
    if (problem) return { error: problem };
  }
  const listenPort = Number(parts[0]);
  return { listenPort, destinationPort: Number(parts[1] ?? parts[0]) };
}

/** The label selector syntax the API accepts, checked loosely: non-empty, no spaces around nothing. */
export function labelSelectorProblem(text: string): string | undefined {
  const t = text.trim();
  if (!t) return 'Enter a label selector, e.g. env=prod or role in (web,api).';
  if (t.length > 1000) return 'A label selector has at most 1000 characters.';
  if (/(^|,)\s*(,|$)/.test(t)) return 'An empty expression between commas.';
  return undefined;
}

function serviceParams(s: ServiceAnswer): ServiceParams | undefined {
  switch (s.kind) {
    case 'http':
      return { protocol: 'http', listenPort: 80, destinationPort: 80 };
    case 'https':
      return { protocol: 'https', listenPort: 443, destinationPort: 80, http: { certificates: s.certificates.map((c) => c.id), redirectHttp: s.redirectHttp } };
    case 'tcp':
      return { protocol: 'tcp', listenPort: s.listenPort, destinationPort: s.destinationPort };
    case 'none':
      return undefined;
  }
}

/** Whether a server is attached to the network (its targets then use its private IP). */
function inNetwork(s: Server, network: Network | null): boolean {
  return !!network && (s.privateNet ?? []).some((p) => p.networkId === network.id);
}

function targetParams(a: CompleteAnswers): TargetParams[] {
  const t = a.targets;
  if (t.kind === 'servers') return t.servers.map((s) => ({ type: 'server', serverId: s.id, usePrivateIp: inNetwork(s, a.network) }));
  if (t.kind === 'labelSelector') return [{ type: 'label_selector', labelSelector: t.selector.trim() }];
  return [];
}

/** The POST /load_balancers request of the answers. */
export function createParams(a: CompleteAnswers): LoadBalancerCreateParams {
  const service = serviceParams(a.service);
  const targets = targetParams(a);
  return {
    name: a.name.trim(),
    loadBalancerType: a.type.name,
    location: a.location.name,
    algorithm: a.algorithm,
    ...(a.network ? { network: a.network.id } : {}),
    ...(targets.length ? { targets } : {}),
    ...(service ? { services: [service] } : {}),
  };
}

/** `https 443 → 80 with shop-cert, redirecting http`, `tcp 5432 → 6432`, `none`. */
export function serviceText(s: ServiceAnswer): string {
  switch (s.kind) {
    case 'http':
      return 'http 80 → 80';
    case 'https':
      return `https 443 → 80 with ${s.certificates.map((c) => `"${c.name}"`).join(', ')}${s.redirectHttp ? ', redirecting http' : ''}`;
    case 'tcp':
      return `tcp ${s.listenPort} → ${s.destinationPort}`;
    case 'none':
      return 'none (add one later)';
  }
}

export function targetsText(t: TargetsAnswer): string {
  if (t.kind === 'servers') return t.servers.map((s) => `"${s.name}"`).join(', ');
  if (t.kind === 'labelSelector') return `servers matching ${t.selector.trim()}`;
  return 'none (add them later)';
}

/** The summary's lines (plain text: a QuickPick shows them as they are). */
export function summaryLines(a: CompleteAnswers): string[] {
  const price = typePriceIn(a.type, a.location.name);
  return [
    `Name: ${a.name.trim()}`,
    `Location: ${a.location.name} (${a.location.city})`,
    `Type: ${a.type.name} (${a.type.maxConnections} connections, ${a.type.maxServices} services, ${a.type.maxTargets} targets)`,
    `Price: ${formatPriceDetail(price?.monthly, price?.hourly)}`,
    `Algorithm: ${algorithmText(a.algorithm)}`,
    `Network: ${a.network ? a.network.name : 'none (public interface only)'}`,
    `Targets: ${targetsText(a.targets)}`,
    `Service: ${serviceText(a.service)}`,
  ];
}
