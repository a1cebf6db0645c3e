// Wire (./schema, snake_case JSON) -> domain (./types). One converter per type, and the only place
// that knows both shapes. Tolerant of drift: unknown fields are ignored; optional or nullable parts
// that are missing become `undefined` (or an empty list) instead of crashing; unknown status values
// fall back to a safe known one; prices are parsed from the API's decimal strings.

import type {
  ActionSchema,
  DatacenterSchema,
  FloatingIpSchema,
  ImageSchema,
  IsoSchema,
  LocationSchema,
  MetricsSchema,
  NetGrossPriceSchema,
  PricingSchema,
  ServerSchema,
  ServerTypeLocationPriceSchema,
  ServerTypeLocationSchema,
  ServerTypeSchema,
  SshKeySchema,
} from './schema';
import {
  ActionStatuses,
  ServerStatuses,
  type Action,
  type ActionStatus,
  type Architecture,
  type Datacenter,
  type Deprecation,
  type DnsPtr,
  type FloatingIp,
  type Image,
  type Iso,
  type Labels,
  type Location,
  type Metrics,
  type MetricsSeries,
  type Money,
  type Pricing,
  type Server,
  type ServerPublicNet,
  type ServerStatus,
  type ServerType,
  type ServerTypeLocation,
  type ServerTypePrice,
  type SshKey,
} from './types';

/** `/server_types` carries no currency; the spec says all its amounts are in euro. */
export const SERVER_TYPE_CURRENCY = 'EUR';

// ---------------------------------------------------------------------------------------------
// Scalars

/** null/undefined -> undefined. */
function opt<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

/** A decimal as string or number (`"1.1900000000"`) -> number; anything unreadable -> undefined. */
export function parseDecimal(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** ISO-8601 -> Date; missing or unreadable -> undefined. */
export function parseDate(v: unknown): Date | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** For required timestamps: an unreadable one becomes an Invalid Date rather than a crash. */
function requiredDate(v: unknown): Date {
  return parseDate(v) ?? new Date(Number.NaN);
}

/**
 * A part of an answer without which an item cannot be read (a server without `server_type`, an item
 * without a numeric `id`). The resource clients catch it per item: the item is left out of its list
 * and reported once, instead of failing the whole list.
 */
export class WireShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireShapeError';
  }
}

/** The object at `field`, else a WireShapeError naming the field. */
function required<T>(v: T | null | undefined, field: string): T {
  if (!isRecord(v)) throw new WireShapeError(`${field} is ${v === null ? 'null' : v === undefined ? 'missing' : 'not an object'}`);
  return v;
}

/** The item's numeric id, else a WireShapeError. */
function requiredId(w: unknown): number {
  const id = isRecord(w) ? w.id : undefined;
  if (typeof id !== 'number' || !Number.isFinite(id)) throw new WireShapeError(isRecord(w) ? 'id is missing or not a number' : 'the item is not an object');
  return id;
}

/** A string, else `fallback` (a `name: null` must not reach a label or a tooltip as null). */
function text(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

function list<T>(v: T[] | null | undefined): T[] {
  return Array.isArray(v) ? v : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A finite number, else undefined. */
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function oneOf<T extends string>(known: readonly T[], v: unknown): T | undefined {
  return known.find((k) => k === v);
}

// ---------------------------------------------------------------------------------------------
// Parts of today's API (absent from 2018 answers: each converts a missing or malformed part to undefined)

/**
 * Labels: an object of string values, else undefined. `{}` stays `{}`: today's API sends it for a
 * resource without labels, and that is how callers tell "labels supported" from a 2018 answer.
 */
export function convertLabels(v: unknown): Labels | undefined {
  if (!isRecord(v)) return undefined;
  const entries = Object.entries(v);
  if (!entries.every(([, value]) => typeof value === 'string')) return undefined;
  // fromEntries defines own properties: a hostile `__proto__` key stays a plain label, never a prototype.
  return Object.fromEntries(entries) as Labels;
}

/** `x86`, `arm` or any other non-empty string the API may add; else undefined. */
export function convertArchitecture(v: unknown): Architecture | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `{ announced, unavailable_after }` with both dates readable, else undefined (null: not deprecated). */
export function convertDeprecation(v: unknown): Deprecation | undefined {
  if (!isRecord(v)) return undefined;
  const announced = parseDate(v.announced);
  const unavailableAfter = parseDate(v.unavailable_after);
  return announced && unavailableAfter ? { announced, unavailableAfter } : undefined;
}

/** One entry of `server_type.locations[]`; a missing `available` counts as true (February 2026 shape), `recommended` as false. */
export function convertServerTypeLocation(w: ServerTypeLocationSchema): ServerTypeLocation | undefined {
  if (!isRecord(w) || typeof w.name !== 'string') return undefined;
  return {
    id: num(w.id) ?? 0,
    name: w.name,
    available: typeof w.available === 'boolean' ? w.available : true,
    recommended: w.recommended === true,
    deprecation: convertDeprecation(w.deprecation),
  };
}

function convertServerTypeLocations(v: unknown): ServerTypeLocation[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map(convertServerTypeLocation).filter((l): l is ServerTypeLocation => l !== undefined);
}

function convertFloatingIpPrices(v: unknown, currency: string): Pricing['floatingIps'] {
  if (!Array.isArray(v)) return undefined;
  const result: NonNullable<Pricing['floatingIps']> = [];
  for (const entry of v) {
    if (!isRecord(entry) || (entry.type !== 'ipv4' && entry.type !== 'ipv6')) continue;
    const prices = list(entry.prices as unknown[])
      .filter((p): p is Record<string, unknown> => isRecord(p) && typeof p.location === 'string')
      .map((p) => ({ location: p.location as string, monthly: convertMoney(p.price_monthly as NetGrossPriceSchema, currency) }));
    result.push({ type: entry.type, prices });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Converters

export function convertMoney(w: NetGrossPriceSchema | null | undefined, currency: string): Money | undefined {
  if (!isRecord(w)) return undefined;
  const net = parseDecimal(w?.net);
  const gross = parseDecimal(w?.gross);
  if (net === undefined || gross === undefined) return undefined;
  return { net, gross, currency };
}

export function convertServerTypePrice(w: ServerTypeLocationPriceSchema, currency: string): ServerTypePrice {
  return {
    location: w.location,
    hourly: convertMoney(w.price_hourly, currency),
    monthly: convertMoney(w.price_monthly, currency),
    includedTraffic: num(w.included_traffic),
    perTbTraffic: convertMoney(w.price_per_tb_traffic, currency),
  };
}

export function convertAction(w: ActionSchema): Action {
  const finished = parseDate(w.finished);
  const error = w.error ? { code: String(w.error.code), message: String(w.error.message) } : undefined;
  return {
    id: requiredId(w),
    command: text(w.command),
    status: actionStatus(w.status, finished, error !== undefined),
    progress: typeof w.progress === 'number' ? w.progress : 0,
    started: requiredDate(w.started),
    finished,
    resources: list(w.resources)
      .filter((r) => isRecord(r))
      .map((r) => ({ id: r.id, type: text(r.type) })),
    error,
  };
}

/** An unknown status counts as running until the action has a `finished` time. */
function actionStatus(v: unknown, finished: Date | undefined, hasError: boolean): ActionStatus {
  const known = oneOf(ActionStatuses, v);
  if (known) return known;
  if (!finished) return 'running';
  return hasError ? 'error' : 'success';
}

export function convertLocation(w: LocationSchema): Location {
  return {
    id: requiredId(w),
    name: text(w.name),
    description: text(w.description),
    country: text(w.country),
    city: text(w.city),
    latitude: w.latitude,
    longitude: w.longitude,
    networkZone: typeof w.network_zone === 'string' ? w.network_zone : undefined,
  };
}

export function convertDatacenter(w: DatacenterSchema): Datacenter {
  return {
    id: requiredId(w),
    name: text(w.name),
    description: text(w.description),
    location: convertLocation(required(w.location, 'location')),
    serverTypes: {
      supported: list(w.server_types?.supported),
      available: list(w.server_types?.available),
    },
  };
}

export function convertServerType(w: ServerTypeSchema): ServerType {
  return {
    id: requiredId(w),
    name: text(w.name),
    description: text(w.description),
    cores: num(w.cores) ?? 0,
    memory: num(w.memory) ?? 0,
    disk: num(w.disk) ?? 0,
    prices: list(w.prices).map((p) => convertServerTypePrice(p, SERVER_TYPE_CURRENCY)),
    storageType: w.storage_type,
    cpuType: w.cpu_type,
    architecture: convertArchitecture(w.architecture),
    locations: convertServerTypeLocations(w.locations),
    deprecation: convertDeprecation(w.deprecation),
  };
}

export function convertImage(w: ImageSchema): Image {
  return {
    id: requiredId(w),
    type: w.type,
    status: w.status,
    name: typeof w.name === 'string' ? w.name : undefined,
    description: text(w.description),
    imageSize: opt(w.image_size),
    diskSize: w.disk_size,
    created: requiredDate(w.created),
    createdFrom: isRecord(w.created_from) ? { id: w.created_from.id, name: text(w.created_from.name) } : undefined,
    boundTo: opt(w.bound_to),
    osFlavor: w.os_flavor,
    osVersion: opt(w.os_version),
    rapidDeploy: w.rapid_deploy === true,
    protection: { delete: w.protection?.delete === true },
    deprecated: parseDate(w.deprecated),
    architecture: convertArchitecture(w.architecture),
    labels: convertLabels(w.labels),
  };
}

export function convertIso(w: IsoSchema): Iso {
  const deprecation = convertDeprecation(w.deprecation);
  return {
    id: requiredId(w),
    name: typeof w.name === 'string' ? w.name : undefined,
    description: text(w.description),
    type: w.type,
    deprecated: parseDate(w.deprecated) ?? deprecation?.announced,
    deprecation,
    architecture: convertArchitecture(w.architecture),
  };
}

function convertDnsPtr(w: { ip: string; dns_ptr: string }): DnsPtr {
  return { ip: text(w?.ip), dnsPtr: text(w?.dns_ptr) };
}

function convertPublicNet(w: ServerSchema['public_net'] | null | undefined): ServerPublicNet {
  const v4 = isRecord(w) && isRecord(w.ipv4) && typeof w.ipv4.ip === 'string' ? w.ipv4 : undefined;
  const v6 = isRecord(w) && isRecord(w.ipv6) && typeof w.ipv6.ip === 'string' ? w.ipv6 : undefined;
  return {
    ipv4: v4 ? { ip: v4.ip, blocked: v4.blocked === true, dnsPtr: opt(v4.dns_ptr) } : undefined,
    ipv6: v6 ? { ip: v6.ip, blocked: v6.blocked === true, dnsPtr: list(v6.dns_ptr).map(convertDnsPtr) } : undefined,
    floatingIpIds: isRecord(w) ? list(w.floating_ips) : [],
  };
}

export function convertServer(w: ServerSchema): Server {
  const id = requiredId(w);
  const serverType = convertServerType(required(w.server_type, 'server_type'));
  const datacenter = isRecord(w.datacenter) ? convertDatacenter(w.datacenter) : undefined;
  const location = datacenter?.location ?? (isRecord(w.location) ? convertLocation(w.location) : undefined);
  return {
    id,
    name: text(w.name),
    status: (oneOf(ServerStatuses, w.status) ?? 'unknown') as ServerStatus,
    created: requiredDate(w.created),
    publicNet: convertPublicNet(w.public_net),
    serverType,
    datacenter,
    location,
    image: isRecord(w.image) ? convertImage(w.image) : undefined,
    iso: isRecord(w.iso) ? convertIso(w.iso) : undefined,
    rescueEnabled: w.rescue_enabled === true,
    locked: w.locked === true,
    backupWindow: opt(w.backup_window),
    outgoingTraffic: opt(w.outgoing_traffic),
    ingoingTraffic: opt(w.ingoing_traffic),
    includedTraffic: w.included_traffic ?? 0,
    protection: { delete: w.protection?.delete === true, rebuild: w.protection?.rebuild === true },
    labels: convertLabels(w.labels),
  };
}

export function convertFloatingIp(w: FloatingIpSchema): FloatingIp {
  const id = requiredId(w);
  if (typeof w.ip !== 'string') throw new WireShapeError('ip is missing');
  return {
    id,
    description: typeof w.description === 'string' ? w.description : undefined,
    ip: w.ip,
    type: w.type === 'ipv6' || (w.type !== 'ipv4' && w.ip.includes(':')) ? 'ipv6' : 'ipv4',
    serverId: opt(w.server),
    dnsPtr: list(w.dns_ptr).map(convertDnsPtr),
    homeLocation: convertLocation(required(w.home_location, 'home_location')),
    blocked: w.blocked === true,
    protection: { delete: w.protection?.delete === true },
    name: typeof w.name === 'string' ? w.name : undefined,
    labels: convertLabels(w.labels),
  };
}

export function convertSshKey(w: SshKeySchema): SshKey {
  return { id: requiredId(w), name: text(w.name), fingerprint: text(w.fingerprint), publicKey: text(w.public_key), labels: convertLabels(w.labels) };
}

export function convertPricing(w: PricingSchema): Pricing {
  const currency = w.currency;
  return {
    currency,
    vatRate: parseDecimal(w.vat_rate) ?? 0,
    image: { perGbMonth: convertMoney(w.image?.price_per_gb_month, currency) },
    floatingIp: { monthly: convertMoney(w.floating_ip?.price_monthly, currency) },
    floatingIps: convertFloatingIpPrices(w.floating_ips, currency),
    traffic: { perTb: convertMoney(w.traffic?.price_per_tb, currency) },
    serverBackupPercentage: parseDecimal(w.server_backup?.percentage) ?? 0,
    serverTypes: list(w.server_types).map((t) => ({
      id: t.id,
      name: t.name,
      prices: list(t.prices).map((p) => convertServerTypePrice(p, currency)),
    })),
  };
}

/**
 * Series as parallel arrays (UNIX seconds, numbers): the column layout chart libraries take as is,
 * compact, and JSON-safe for the webview message channel (Dates would arrive as strings).
 */
export function convertMetrics(w: MetricsSchema): Metrics {
  const series: Record<string, MetricsSeries> = {};
  for (const [name, ts] of Object.entries(w.time_series ?? {})) {
    const timestamps: number[] = [];
    const values: Array<number | null> = [];
    for (const sample of list(ts?.values)) {
      const time = parseDecimal(Array.isArray(sample) ? sample[0] : undefined);
      if (time === undefined) continue;
      timestamps.push(time);
      values.push(parseDecimal(sample[1]) ?? null);
    }
    series[name] = { timestamps, values };
  }
  return { start: requiredDate(w.start), end: requiredDate(w.end), step: w.step, series };
}
