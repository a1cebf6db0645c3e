// Wire -> domain for the catalog: locations, datacenters, server types, images, ISOs, prices.

import type {
  DatacenterSchema,
  ImageSchema,
  IsoSchema,
  LocationSchema,
  NetGrossPriceSchema,
  PricingSchema,
  ServerTypeLocationPriceSchema,
  ServerTypeLocationSchema,
  ServerTypeSchema,
} from '../schema';
import type { Datacenter, Image, Iso, Location, Pricing, ServerType, ServerTypeLocation, ServerTypePrice } from '../types';
import {
  convertArchitecture,
  convertDeprecation,
  convertLabels,
  convertMoney,
  isRecord,
  list,
  num,
  opt,
  parseDate,
  parseDecimal,
  required,
  requiredDate,
  requiredId,
  text,
} from './wire';

/** `/server_types` carries no currency; the spec says all its amounts are in euro. */
export const SERVER_TYPE_CURRENCY = 'EUR';

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

export function convertServerTypePrice(w: ServerTypeLocationPriceSchema, currency: string): ServerTypePrice {
  return {
    location: w.location,
    hourly: convertMoney(w.price_hourly, currency),
    monthly: convertMoney(w.price_monthly, currency),
    includedTraffic: num(w.included_traffic),
    perTbTraffic: convertMoney(w.price_per_tb_traffic, currency),
  };
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

export function convertPricing(w: PricingSchema): Pricing {
  const currency = w.currency;
  return {
    currency,
    vatRate: parseDecimal(w.vat_rate) ?? 0,
    image: { perGbMonth: convertMoney(w.image?.price_per_gb_month, currency) },
    floatingIp: { monthly: convertMoney(w.floating_ip?.price_monthly, currency) },
    floatingIps: convertFloatingIpPrices(w.floating_ips, currency),
    primaryIps: convertFloatingIpPrices(w.primary_ips, currency),
    traffic: { perTb: convertMoney(w.traffic?.price_per_tb, currency) },
    serverBackupPercentage: parseDecimal(w.server_backup?.percentage) ?? 0,
    serverTypes: list(w.server_types).map((t) => ({
      id: t.id,
      name: t.name,
      prices: list(t.prices).map((p) => convertServerTypePrice(p, currency)),
    })),
    volume: w.volume ? { perGbMonth: convertMoney(w.volume.price_per_gb_month, currency) } : undefined,
    loadBalancerTypes: Array.isArray(w.load_balancer_types)
      ? w.load_balancer_types.map((t) => ({ id: t.id, name: t.name, prices: list(t.prices).map((p) => convertServerTypePrice(p, currency)) }))
      : undefined,
  };
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
