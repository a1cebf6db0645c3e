// Labels, descriptions and tooltip text of the tree's nodes, as pure functions (no vscode) so
// they can be unit-tested. Tooltips are Markdown source; the nodes wrap them in MarkdownString.

import type { Datacenter, Deprecation, FloatingIp, Image, ImageStatus, Iso, Labels, Location, Money, Pricing, Server, ServerStatus, ServerType, ServerTypePrice, SshKey } from '../api/types';
import { formatHourly, formatMonthly, formatPriceDetail, formatRate } from '../shared/price';

const TRANSITIONAL_SERVER: ReadonlySet<ServerStatus> = new Set(['initializing', 'starting', 'stopping', 'deleting', 'migrating', 'rebuilding']);

export function isTransitionalServer(status: ServerStatus): boolean {
  return TRANSITIONAL_SERVER.has(status);
}

export function isTransitionalImage(status: ImageStatus | string): boolean {
  return status === 'creating';
}

/** Names and addresses the formatters look up by id (servers by id, Floating IPs by id). */
export interface Lookup {
  serverName(id: number): string | undefined;
  floatingIp(id: number): string | undefined;
  /** Today's API: a Primary IP's name by id, when its folder has loaded. */
  primaryIpName?(id: number): string | undefined;
  /** The project's prices, when loaded. */
  pricing?(): Pricing | undefined;
  /** A Network's name, when its folder is loaded or its name was learned (today's API). */
  networkName?(id: number): string | undefined;
  /** A firewall's name, when its folder is loaded or its name was learned (today's API). */
  firewallName?(id: number): string | undefined;
}

export const noLookup: Lookup = { serverName: () => undefined, floatingIp: () => undefined };

/** Bytes in binary units: `1.5 GiB`, `0 B`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const digits = i === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${Number(value.toFixed(digits))} ${units[i]}`;
}

/** GB as the API gives sizes (decimal): `40 GB`, `0.52 GB`. */
export function formatGb(gb: number): string {
  return `${Number(gb.toFixed(gb < 10 ? 2 : 0))} GB`;
}

/** `2026-11-26` (UTC); the tooltip is not the place for seconds. */
export function formatDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'unknown' : date.toISOString().slice(0, 10);
}

/** `deprecated, unavailable after 2027-01-31`: a server type (in a location) or an ISO being phased out. */
export function deprecationNote(d: Deprecation): string {
  return `deprecated, unavailable after ${formatDate(d.unavailableAfter)}`;
}

export function formatServerTypeSpecs(t: Pick<ServerType, 'cores' | 'memory' | 'disk'>): string {
  return `${t.cores} vCPU, ${t.memory} GB RAM, ${t.disk} GB disk`;
}

export function serverLocationName(s: Server): string | undefined {
  return s.location?.name ?? s.datacenter?.location.name;
}

/** `203.0.113.5 · cx21 · fsn1` */
export function serverDescription(s: Server): string {
  return [s.publicNet.ipv4?.ip, s.serverType.name, serverLocationName(s)].filter(Boolean).join(' · ');
}

export function imageName(image: Image): string {
  return image.name ?? (image.description || `image ${image.id}`);
}

export function isoName(iso: Iso): string {
  return iso.name ?? (iso.description || `ISO ${iso.id}`);
}

function locationText(l: Location): string {
  return l.city ? `${l.name} (${l.city})` : l.name;
}

// Control characters, line and paragraph separators and bidi controls: shown as a space, so API text
// can neither start a new Markdown block nor reorder what a tooltip shows.
// The one list of them: names typed by the user are refused when they hold one (commands/validate.ts).
// eslint-disable-next-line no-control-regex
export const UNSHOWABLE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSHOWABLE = new RegExp(UNSHOWABLE_CHARACTER.source, 'g');

/**
 * Text (from the API or the user) as Markdown that shows exactly that text: every ASCII punctuation
 * character is backslash-escaped (CommonMark allows it for all of them), which stops links, images,
 * HTML, autolinks (`http\\://`, `www\\.`, `a\\@b`), entities (`\\&`), emphasis, headings and lists.
 * The one escaping function of the tooltips; `mdCode` is its counterpart for code spans.
 */
export function md(text: string): string {
  return String(text).replace(UNSHOWABLE, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/**
 * Text as a Markdown code span that no backtick in it can end: the fence is one backtick longer
 * than the longest run inside, with a space inside the fence where the text starts or ends with a
 * backtick, or with a space at both ends and not only spaces (CommonMark strips one from each end then).
 * Backslashes mean nothing in a span.
 */
export function mdCode(text: string): string {
  const t = String(text).replace(UNSHOWABLE, ' ');
  if (t === '') return '';
  const fence = '`'.repeat(Math.max(0, ...(t.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ') && /[^ ]/.test(t)) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/**
 * `Labels: env=prod, tier=web` (sorted by key; a label with an empty value shows as its key), `Labels: none`;
 * undefined where the API has no labels (2018). Keys and values come from the API: escaped.
 */
export function labelsLine(labels: Labels | undefined): string | undefined {
  if (labels === undefined) return undefined;
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  return `Labels: ${entries.length ? entries.map(([k, v]) => md(v === '' ? k : `${k}=${v}`)).join(', ') : 'none'}`;
}

/** Markdown source of a server's tooltip: the fields a user looks for. */
export function serverTooltip(s: Server, lookup: Lookup = noLookup): string {
  const lines: string[] = [`**${md(s.name)}** — ${md(s.status)}${s.locked ? ' (locked: an action is running)' : ''}`, ''];
  /** A row whose value is plain text (escaped here), or Markdown already (`markdown`). */
  const row = (k: string, v: string, markdown = false) => lines.push(`${k}: ${markdown ? v : md(v)}`);
  row('IPv4', s.publicNet.ipv4 ? `${mdCode(s.publicNet.ipv4.ip)}${s.publicNet.ipv4.dnsPtr ? ` (${md(s.publicNet.ipv4.dnsPtr)})` : ''}` : 'none', true);
  row('IPv6', s.publicNet.ipv6 ? mdCode(s.publicNet.ipv6.ip) : 'none', true);
  row('Floating IPs', s.publicNet.floatingIpIds.length ? s.publicNet.floatingIpIds.map((id) => mdCode(lookup.floatingIp(id) ?? `#${id}`)).join(', ') : 'none', true);
  if (s.privateNet?.length) row('Private IPs', s.privateNet.map((p) => `${[p.ip, ...p.aliasIps].map(mdCode).join(', ')} in ${md(lookup.networkName?.(p.networkId) ?? `network ${p.networkId}`)}`).join('; '), true);
  row('Type', `${s.serverType.name} (${formatServerTypeSpecs(s.serverType)})`);
  if (s.datacenter) row('Datacenter', `${s.datacenter.name}${s.datacenter.location ? ` (${locationText(s.datacenter.location)})` : ''}`);
  else if (s.location) row('Location', locationText(s.location));
  row('Image', s.image ? imageName(s.image) : 'none');
  row('ISO', s.iso ? isoName(s.iso) : 'none');
  row('Rescue', s.rescueEnabled ? 'enabled' : 'off');
  row('Backups', s.backupWindow ? `window ${s.backupWindow} UTC` : 'off');
  row('Traffic', serverTraffic(s));
  row('Protection', protectionText(s.protection));
  if (s.publicNet.firewalls?.length) row('Firewalls', serverFirewallsText(s, lookup));
  if (s.placementGroup) row('Placement group', `${s.placementGroup.name} (${s.placementGroup.type})`);
  row('Created', formatDate(s.created));
  const labels = labelsLine(s.labels);
  if (labels) lines.push(labels);
  return lines.join('  \n');
}

/** `web-fw, ssh-only (pending)`: a server's firewalls by name where known. */
export function serverFirewallsText(s: Server, lookup: Lookup = noLookup): string {
  return (s.publicNet.firewalls ?? []).map((f) => `${lookup.firewallName?.(f.id) ?? `firewall ${f.id}`}${f.status === 'applied' ? '' : ` (${f.status})`}`).join(', ');
}

export function serverTraffic(s: Server): string {
  const included = formatBytes(s.includedTraffic);
  return s.outgoingTraffic === undefined ? `unknown of ${included} included` : `${formatBytes(s.outgoingTraffic)} of ${included} included`;
}

export function protectionText(p: { delete: boolean; rebuild?: boolean }): string {
  const on = [p.delete && 'delete', p.rebuild && 'rebuild'].filter(Boolean);
  return on.length ? `protected against ${on.join(' and ')}` : 'none';
}

/** `assigned to web-1 · fsn1` or `unassigned · fsn1`, plus a lock when protected. */
export function floatingIpDescription(f: FloatingIp, lookup: Lookup = noLookup): string {
  return [floatingIpAssignment(f, lookup), f.homeLocation.name, f.description || undefined, f.protection.delete ? 'protected' : undefined].filter(Boolean).join(' · ');
}

export function floatingIpAssignment(f: FloatingIp, lookup: Lookup = noLookup): string {
  if (f.serverId === undefined) return 'unassigned';
  return `→ ${lookup.serverName(f.serverId) ?? `server ${f.serverId}`}`;
}

export function floatingIpTooltip(f: FloatingIp, lookup: Lookup = noLookup): string {
  const server = f.serverId === undefined ? 'unassigned' : `assigned to ${md(lookup.serverName(f.serverId) ?? `server ${f.serverId}`)}`;
  return [
    `**${mdCode(f.ip)}** — Floating IP (${f.type === 'ipv4' ? 'IPv4' : 'IPv6'})`,
    '',
    f.name !== undefined ? `Name: ${md(f.name)}` : undefined,
    `Server: ${server}`,
    `Home location: ${md(locationText(f.homeLocation))}`,
    `Description: ${f.description ? md(f.description) : 'none'}`,
    f.dnsPtr.length ? `Reverse DNS: ${f.dnsPtr.map((d) => `${md(d.ip)} → ${md(d.dnsPtr)}`).join(', ')}` : undefined,
    f.blocked ? 'Blocked' : undefined,
    `Protection: ${protectionText(f.protection)}`,
    labelsLine(f.labels),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}

function imageOrigin(i: Image, lookup: Lookup): string | undefined {
  if (i.boundTo !== undefined) return `bound to ${lookup.serverName(i.boundTo) ?? `server ${i.boundTo}`}`;
  if (i.createdFrom) return `from ${i.createdFrom.name}`;
  return undefined;
}

export function imageDescription(i: Image, lookup: Lookup = noLookup): string {
  if (i.type === 'system') return [i.description !== i.name ? i.description : undefined, i.deprecated ? 'deprecated' : undefined].filter(Boolean).join(' · ');
  const size = i.imageSize !== undefined ? formatGb(i.imageSize) : undefined;
  return [i.status !== 'available' ? i.status : undefined, size, imageOrigin(i, lookup), formatDate(i.created), i.protection.delete ? 'protected' : undefined, i.deprecated ? 'deprecated' : undefined]
    .filter(Boolean)
    .join(' · ');
}

export function imageTooltip(i: Image, lookup: Lookup = noLookup): string {
  return [
    `**${md(imageName(i))}** — ${md(`${i.type} image${i.status !== 'available' ? ` (${i.status})` : ''}`)}`,
    '',
    `Description: ${i.description ? md(i.description) : 'none'}`,
    `Type: ${md(i.type)}`,
    `Size: ${md(`${i.imageSize !== undefined ? formatGb(i.imageSize) : 'unknown'} (disk ${formatGb(i.diskSize)})`)}`,
    `OS: ${md(`${i.osFlavor}${i.osVersion ? ` ${i.osVersion}` : ''}`)}`,
    `Created: ${formatDate(i.created)}`,
    i.createdFrom ? `Created from: ${md(i.createdFrom.name)}` : undefined,
    i.boundTo !== undefined ? `Bound to: ${md(lookup.serverName(i.boundTo) ?? `server ${i.boundTo}`)}` : undefined,
    `Protection: ${protectionText(i.protection)}`,
    i.deprecated ? `Deprecated since ${formatDate(i.deprecated)}` : undefined,
    labelsLine(i.labels),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}

export function isoTooltip(i: Iso): string {
  const deprecation = i.deprecation
    ? `Since ${formatDate(i.deprecation.announced)}: ${deprecationNote(i.deprecation)}`
    : i.deprecated
      ? `Deprecated since ${formatDate(i.deprecated)}`
      : undefined;
  return [`**${md(isoName(i))}**`, '', `Description: ${md(i.description)}`, `Type: ${md(i.type)}`, `Architecture: ${md(i.architecture ?? 'any')}`, deprecation]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}

export function locationTooltip(l: Location): string {
  return [`**${md(l.name)}**`, '', md(l.description), md(`${l.city}, ${l.country}`)].join('  \n');
}

export function datacenterTooltip(d: Datacenter): string {
  return [`**${md(d.name)}**`, '', md(d.description), `Location: ${md(locationText(d.location))}`].join('  \n');
}

export function sshKeyTooltip(k: SshKey): string {
  const lines = [`**${md(k.name)}**`, '', `Fingerprint: ${mdCode(k.fingerprint)}`, `Public key: ${mdCode(`${k.publicKey.slice(0, 40)}…`)}`];
  const labels = labelsLine(k.labels);
  if (labels) lines.push(labels);
  return lines.join('  \n');
}

/**
 * How a type stands in one location of today's API: `not available`, `deprecated, unavailable
 * after …`, or undefined when it is offered there without remarks (or the API is the 2018 one).
 */
export function serverTypeLocationNote(t: ServerType, location: string, now = new Date()): string | undefined {
  if (!t.locations) return undefined;
  const here = t.locations.find((l) => l.name === location);
  if (!here) return 'not offered';
  const deprecation = here.deprecation ?? t.deprecation;
  if (!here.available || (deprecation && deprecation.unavailableAfter.getTime() <= now.getTime())) return 'not available';
  return deprecation ? deprecationNote(deprecation) : undefined;
}

/** `2 vCPU · 4 GB · 40 GB · arm · €4.15/mo` (`from €4.15/mo` when the price differs by location; `deprecated` when the type is). */
export function serverTypeDescription(t: ServerType): string {
  const monthly = t.prices.map((p) => p.monthly).filter((m): m is Money => !!m);
  const cheapest = [...monthly].sort((a, b) => a.gross - b.gross)[0];
  const varies = monthly.some((m) => formatMonthly(m) !== formatMonthly(cheapest));
  const price = cheapest ? `${varies ? 'from ' : ''}${formatMonthly(cheapest)}` : undefined;
  return [`${t.cores} vCPU`, `${t.memory} GB`, `${t.disk} GB`, t.architecture, price, t.deprecation ? 'deprecated' : undefined].filter(Boolean).join(' · ');
}

/** One location's price row: `€3.92/mo · €0.0063/h`, plus its traffic and standing where today's API says them. */
export function serverTypePriceText(t: ServerType, p: ServerTypePrice, now = new Date()): string {
  return [formatMonthly(p.monthly), p.hourly ? formatHourly(p.hourly) : undefined, serverTypeLocationNote(t, p.location, now)].filter(Boolean).join(' · ');
}

function trafficText(p: ServerTypePrice): string | undefined {
  const included = p.includedTraffic !== undefined ? `${formatBytes(p.includedTraffic)} traffic included` : undefined;
  const extra = p.perTbTraffic ? `${formatRate(p.perTbTraffic, 'TB')} beyond` : undefined;
  return [included, extra].filter(Boolean).join(', ') || undefined;
}

export function serverTypeTooltip(t: ServerType, now = new Date()): string {
  const rows = t.prices.map((p) =>
    `- ${md([`${p.location}: ${formatPriceDetail(p.monthly, p.hourly)}`, trafficText(p), serverTypeLocationNote(t, p.location, now)].filter(Boolean).join(' · '))}`,
  );
  // Locations of today's API where the type is listed without a price.
  for (const l of t.locations ?? []) if (!t.prices.some((p) => p.location === l.name)) rows.push(`- ${md(`${l.name}: ${serverTypeLocationNote(t, l.name, now) ?? 'available'}, no price`)}`);
  return [
    `**${md(t.name)}** — ${md(t.description)}`,
    '',
    `Specs: ${md(`${formatServerTypeSpecs(t)} (${t.cpuType} CPU, ${t.storageType} storage${t.architecture ? `, ${t.architecture}` : ''})`)}`,
    t.deprecation ? `This type is ${md(deprecationNote(t.deprecation))}` : undefined,
    '',
    'Price per location (incl. VAT):',
    ...rows,
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}

/**
 * Prices that may differ by location, grouped: `€3.57/mo` when every location has the same one,
 * else `€3.57/mo (fsn1, nbg1) · €4.00/mo (ash)`.
 */
function byLocation(prices: Array<{ location: string; text: string }>): string {
  const groups = new Map<string, string[]>();
  for (const p of prices) groups.set(p.text, [...(groups.get(p.text) ?? []), p.location]);
  if (groups.size === 1) return [...groups.keys()][0];
  return [...groups].map(([text, locations]) => `${text} (${locations.join(', ')})`).join(' · ');
}

/** One row per IP type (today's API): `Primary IPv4` → `€0.60/mo (fsn1, nbg1) · €0.70/mo (ash)`. */
function ipPriceRows(key: string, noun: string, byType: NonNullable<Pricing['primaryIps']>): Array<[string, string, string]> {
  return byType.flatMap((f): Array<[string, string, string]> => {
    const prices = f.prices.map((x) => ({ location: x.location, text: formatMonthly(x.monthly) }));
    const type = f.type === 'ipv4' ? 'IPv4' : f.type === 'ipv6' ? 'IPv6' : f.type;
    return prices.length ? [[`${key}/${f.type}`, `${noun} ${type}`, byLocation(prices)]] : [];
  });
}

/**
 * Rows of the Prices folder: [key, label, description]. Today's API prices Floating IPs per type
 * and location, and traffic per location on the server types (its `traffic` reports 0 then, which
 * is not shown); the 2018 contract has one price for each.
 */
export function priceRows(p: Pricing): Array<[string, string, string]> {
  const rows: Array<[string, string, string]> = [];
  if (p.floatingIps?.length) rows.push(...ipPriceRows('floatingIp', 'Floating', p.floatingIps));
  else rows.push(['floatingIp', 'Floating IP', formatMonthly(p.floatingIp.monthly)]);
  rows.push(...ipPriceRows('primaryIp', 'Primary', p.primaryIps ?? []));
  rows.push(['image', 'Snapshots', formatRate(p.image.perGbMonth, 'GB/mo')]);
  if (p.volume?.perGbMonth) rows.push(['volume', 'Volumes', formatRate(p.volume.perGbMonth, 'GB/mo')]);
  if (p.traffic.perTb && p.traffic.perTb.gross > 0) {
    rows.push(['traffic', 'Traffic', formatRate(p.traffic.perTb, 'TB')]);
  } else {
    const seen = new Set<string>();
    const perLocation: Array<{ location: string; text: string }> = [];
    for (const x of p.serverTypes.flatMap((t) => t.prices)) {
      if (!x.perTbTraffic || seen.has(x.location)) continue;
      seen.add(x.location);
      perLocation.push({ location: x.location, text: formatRate(x.perTbTraffic, 'TB') });
    }
    if (perLocation.length) rows.push(['traffic', 'Traffic', `${byLocation(perLocation)} beyond the included traffic`]);
  }
  rows.push(['backups', 'Backups', `+${p.serverBackupPercentage}% of the server's price`], ['vat', 'VAT', `${p.vatRate}% (${p.currency}); prices include it`]);
  for (const t of p.serverTypes) {
    rows.push([`serverType/${t.name}`, t.name, t.prices.map((x) => `${x.location} ${formatMonthly(x.monthly)}`).join(' · ')]);
  }
  return rows;
}

/** Filter: the text, case-insensitive, in any of the given fields (name, status, label text). */
export function matchesFilter(filter: string | undefined, ...fields: Array<string | undefined>): boolean {
  const f = filter?.trim().toLowerCase();
  if (!f) return true;
  return fields.some((x) => x?.toLowerCase().includes(f));
}
