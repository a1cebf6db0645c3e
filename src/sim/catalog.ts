// The catalog every seed shares: locations, datacenters, server types with prices, system
// images, ISOs and the price list. Extended from the spec's examples with the real names,
// coordinates and type sizes; prices in EUR, net + 19 % VAT, four decimals.
// The arm catalog (cax types, arm images, one arm ISO) exists only in a 2026 state; the
// deprecations are relative to the seed's day, like the images' (deprecatedInDays).

import type { ApiEra } from '../api/types';
import type {
  ArchitectureSchema,
  DatacenterSchema,
  DeprecationSchema,
  ImageSchema,
  IsoSchema,
  LoadBalancerTypeSchema,
  LocationSchema,
  ServerTypeLocationPriceSchema,
  ServerTypeSchema,
} from '../api/schema';
import type { PricingBase } from './state';
import { DAY, isoTime } from './time';

export const VAT = 0.19;

/** A price string with four decimals: "3.2900". */
function money(amount: number): string {
  return (Math.round(amount * 10000) / 10000).toFixed(4);
}

export function netGross(net: number): { net: string; gross: string } {
  return { net: money(net), gross: money(net * (1 + VAT)) };
}

export const LOCATIONS: LocationSchema[] = [
  { id: 1, name: 'fsn1', description: 'Falkenstein DC Park 1', country: 'DE', city: 'Falkenstein', latitude: 50.47612, longitude: 12.370071, network_zone: 'eu-central' },
  { id: 2, name: 'nbg1', description: 'Nuremberg DC Park 1', country: 'DE', city: 'Nuremberg', latitude: 49.452102, longitude: 11.076665, network_zone: 'eu-central' },
  { id: 3, name: 'hel1', description: 'Helsinki DC Park 1', country: 'FI', city: 'Helsinki', latitude: 60.169855, longitude: 24.938379, network_zone: 'eu-central' },
];

interface TypeRow {
  id: number;
  name: string;
  description: string;
  cores: number;
  memory: number;
  disk: number;
  storage: 'local' | 'network';
  cpu: string;
  /** Monthly net price in EUR. */
  monthly: number;
}

const TYPES: Array<TypeRow & { arch?: ArchitectureSchema }> = [
  { id: 1, name: 'cx11', description: 'CX11', cores: 1, memory: 2, disk: 20, storage: 'local', cpu: 'shared', monthly: 3.29 },
  { id: 2, name: 'cx11-ceph', description: 'CX11 Ceph Disk', cores: 1, memory: 2, disk: 20, storage: 'network', cpu: 'shared', monthly: 2.96 },
  { id: 3, name: 'cx21', description: 'CX21', cores: 2, memory: 4, disk: 40, storage: 'local', cpu: 'shared', monthly: 5.18 },
  { id: 4, name: 'cx21-ceph', description: 'CX21 Ceph Disk', cores: 2, memory: 4, disk: 40, storage: 'network', cpu: 'shared', monthly: 4.65 },
  { id: 5, name: 'cx31', description: 'CX31', cores: 2, memory: 8, disk: 80, storage: 'local', cpu: 'shared', monthly: 9.92 },
  { id: 7, name: 'cx41', description: 'CX41', cores: 4, memory: 16, disk: 160, storage: 'local', cpu: 'shared', monthly: 18.92 },
  { id: 9, name: 'cx51', description: 'CX51', cores: 8, memory: 32, disk: 240, storage: 'local', cpu: 'shared', monthly: 35.58 },
  { id: 12, name: 'ccx12', description: 'CCX12 Dedicated CPU', cores: 2, memory: 8, disk: 80, storage: 'local', cpu: 'dedicated', monthly: 23.99 },
  { id: 22, name: 'cpx11', description: 'CPX 11', cores: 2, memory: 2, disk: 40, storage: 'local', cpu: 'shared', monthly: 3.85 },
  { id: 23, name: 'cpx21', description: 'CPX 21', cores: 3, memory: 4, disk: 80, storage: 'local', cpu: 'shared', monthly: 7.05 },
  { id: 24, name: 'cpx31', description: 'CPX 31', cores: 4, memory: 8, disk: 160, storage: 'local', cpu: 'shared', monthly: 13.1 },
  { id: 45, name: 'cax11', description: 'CAX11', cores: 2, memory: 4, disk: 40, storage: 'local', cpu: 'shared', monthly: 3.79, arch: 'arm' },
  { id: 93, name: 'cax21', description: 'CAX21', cores: 4, memory: 8, disk: 80, storage: 'local', cpu: 'shared', monthly: 6.49, arch: 'arm' },
  { id: 94, name: 'cax31', description: 'CAX31', cores: 8, memory: 16, disk: 160, storage: 'local', cpu: 'shared', monthly: 12.49, arch: 'arm' },
];

const ARM_TYPES = TYPES.filter((t) => t.arch === 'arm').map((t) => t.id);
/** Locations without the arm types (the datacenter tables below leave them out there). */
const NO_ARM = ['hel1'];

/** 20 TB of traffic included per month in every location (today's API: per location in `prices[]`). */
export const INCLUDED_TRAFFIC = 20 * 1024 ** 4;
/** Net EUR per TB beyond the included traffic. */
const PRICE_PER_TB = 1;

/** Type-level deprecations (days from the seed's day): the Ceph types are being retired. */
const TYPE_DEPRECATIONS: Record<string, { announced: number; unavailableAfter: number }> = {
  'cx11-ceph': { announced: -400, unavailableAfter: 90 },
  'cx21-ceph': { announced: -400, unavailableAfter: 90 },
};

/**
 * Deprecations of a type in one location: cx11 leaves hel1 in 60 days (still available there, marked), cx31 left
 * nbg1 10 days ago (listed there with available: false; nbg1-dc3 no longer has it available).
 */
const LOCATION_DEPRECATIONS: Record<string, Record<string, { announced: number; unavailableAfter: number }>> = {
  cx11: { hel1: { announced: -30, unavailableAfter: 60 } },
  cx31: { nbg1: { announced: -100, unavailableAfter: -10 } },
};

function dayOffset(now: number, days: number): string {
  return isoTime(Math.floor(now / DAY) * DAY + days * DAY);
}

function deprecationOf(now: number, d: { announced: number; unavailableAfter: number }): DeprecationSchema {
  return { announced: dayOffset(now, d.announced), unavailable_after: dayOffset(now, d.unavailableAfter) };
}

export function typeLocationDeprecations(now: number): Record<string, Record<string, DeprecationSchema>> {
  const out: Record<string, Record<string, DeprecationSchema>> = {};
  for (const [type, byLocation] of Object.entries(LOCATION_DEPRECATIONS)) {
    out[type] = Object.fromEntries(Object.entries(byLocation).map(([location, d]) => [location, deprecationOf(now, d)]));
  }
  return out;
}

/** Whether a deprecation's `unavailable_after` has passed. */
export function isPast(deprecation: DeprecationSchema | null | undefined, now: number): boolean {
  return !!deprecation && Date.parse(deprecation.unavailable_after) <= now;
}

/**
 * Hourly prices are the monthly price spread over 672 hours (28 days), as Hetzner caps a month. Only the locations
 * where the type exists have a price. `included_traffic` and `price_per_tb_traffic` are today's fields (render.ts
 * strips them in 2018 mode).
 */
function typePrices(monthly: number, arch: ArchitectureSchema): ServerTypeLocationPriceSchema[] {
  return LOCATIONS.filter((l) => arch !== 'arm' || !NO_ARM.includes(l.name)).map((l) => ({
    location: l.name,
    price_hourly: netGross(monthly / 672),
    price_monthly: netGross(monthly),
    included_traffic: INCLUDED_TRAFFIC,
    price_per_tb_traffic: netGross(PRICE_PER_TB),
  }));
}

/** The server types of a mode (no arm types in 2018), with today's fields. */
export function serverTypes(api: ApiEra, now: number): ServerTypeSchema[] {
  return TYPES.filter((t) => api === '2026' || t.arch !== 'arm').map((t) => {
    const deprecation = TYPE_DEPRECATIONS[t.name] ? deprecationOf(now, TYPE_DEPRECATIONS[t.name]) : null;
    return {
      id: t.id,
      name: t.name,
      description: t.description,
      cores: t.cores,
      memory: t.memory,
      disk: t.disk,
      prices: typePrices(t.monthly, t.arch ?? 'x86'),
      storage_type: t.storage,
      cpu_type: t.cpu,
      architecture: t.arch ?? 'x86',
      category: t.arch === 'arm' ? 'cost_optimized' : t.cpu === 'dedicated' ? 'dedicated_cpu' : 'shared_cpu',
      deprecated: deprecation !== null,
      deprecation,
    };
  });
}

function datacenter(id: number, name: string, description: string, location: number, supported: number[], available: number[]): DatacenterSchema {
  return { id, name, description, location: LOCATIONS[location - 1], server_types: { supported, available } };
}

/**
 * nbg1-dc3 is out of ccx12 (and, since its deprecation there, cx31) and hel1-dc2 has no Ceph and no arm types, so
 * `placement_error` can be reached. The arm types are in the tables of a 2026 state only. These tables are where
 * a server type's `locations[].available` comes from (render.ts), so both modes agree.
 */
export function datacenters(api: ApiEra): DatacenterSchema[] {
  const all = TYPES.filter((t) => api === '2026' || t.arch !== 'arm').map((t) => t.id);
  const without = (ids: number[]) => all.filter((id) => !ids.includes(id));
  return [
    datacenter(2, 'nbg1-dc3', 'Nuremberg 1 virtual DC 3', 2, all, without([12, 5])),
    datacenter(3, 'hel1-dc2', 'Helsinki 1 virtual DC 2', 3, without([2, 4, ...ARM_TYPES]), without([2, 4, ...ARM_TYPES])),
    datacenter(4, 'fsn1-dc14', 'Falkenstein 1 virtual DC 14', 1, all, all),
  ];
}

export const RECOMMENDED_DATACENTER = 4;

interface ImageRow {
  id: number;
  name: string;
  description: string;
  flavor: string;
  version: string;
  created: string;
  /** Days from now: negative = deprecated in the past (hidden from lists), positive = announced. */
  deprecatedInDays?: number;
  arch?: ArchitectureSchema;
}

const IMAGES: ImageRow[] = [
  { id: 1, name: 'ubuntu-16.04', description: 'Ubuntu 16.04', flavor: 'ubuntu', version: '16.04', created: '2018-01-15T11:34:45+00:00' },
  { id: 2, name: 'debian-11', description: 'Debian 11', flavor: 'debian', version: '11', created: '2021-08-16T11:12:01+00:00' },
  { id: 3, name: 'centos-7', description: 'CentOS 7', flavor: 'centos', version: '7', created: '2018-01-15T11:34:45+00:00', deprecatedInDays: -300 },
  { id: 4, name: 'ubuntu-18.04', description: 'Ubuntu 18.04', flavor: 'ubuntu', version: '18.04', created: '2018-04-26T09:02:10+00:00', deprecatedInDays: 90 },
  { id: 5, name: 'ubuntu-20.04', description: 'Ubuntu 20.04', flavor: 'ubuntu', version: '20.04', created: '2020-04-23T17:55:14+00:00' },
  { id: 6, name: 'ubuntu-22.04', description: 'Ubuntu 22.04', flavor: 'ubuntu', version: '22.04', created: '2022-04-21T13:32:38+00:00' },
  { id: 7, name: 'debian-12', description: 'Debian 12', flavor: 'debian', version: '12', created: '2023-06-13T06:00:02+00:00' },
  { id: 8, name: 'fedora-40', description: 'Fedora 40', flavor: 'fedora', version: '40', created: '2024-04-23T06:00:00+00:00' },
  { id: 9, name: 'ubuntu-24.04', description: 'Ubuntu 24.04', flavor: 'ubuntu', version: '24.04', created: '2024-04-25T11:05:32+00:00' },
  // arm builds: the live API has one image per architecture under the same name.
  { id: 106, name: 'ubuntu-22.04', description: 'Ubuntu 22.04', flavor: 'ubuntu', version: '22.04', created: '2023-04-12T09:00:00+00:00', arch: 'arm' },
  { id: 107, name: 'debian-12', description: 'Debian 12', flavor: 'debian', version: '12', created: '2023-06-13T06:00:02+00:00', arch: 'arm' },
  { id: 108, name: 'fedora-40', description: 'Fedora 40', flavor: 'fedora', version: '40', created: '2024-04-23T06:00:00+00:00', arch: 'arm' },
  { id: 109, name: 'ubuntu-24.04', description: 'Ubuntu 24.04', flavor: 'ubuntu', version: '24.04', created: '2024-04-25T11:05:32+00:00', arch: 'arm' },
];

function deprecation(now: number, days: number | undefined): string | null {
  return days === undefined ? null : isoTime(Math.floor(now / DAY) * DAY + days * DAY);
}

/** The system images of a mode (no arm builds in 2018), with today's fields. */
export function systemImages(now: number, api: ApiEra): ImageSchema[] {
  return IMAGES.filter((i) => api === '2026' || i.arch !== 'arm').map((i) => ({
    id: i.id,
    type: 'system',
    status: 'available',
    name: i.name,
    description: i.description,
    image_size: null,
    disk_size: 5,
    created: i.created,
    created_from: null,
    bound_to: null,
    os_flavor: i.flavor,
    os_version: i.version,
    rapid_deploy: i.flavor === 'ubuntu',
    protection: { delete: false },
    deprecated: deprecation(now, i.deprecatedInDays),
    architecture: i.arch ?? 'x86',
    labels: {},
  }));
}

/** The ISOs of a mode (no arm ISO in 2018). `architecture` null: boots on any. */
export function isos(now: number, api: ApiEra): IsoSchema[] {
  const iso = (id: number, name: string | null, description: string, architecture: ArchitectureSchema | null, days?: number): IsoSchema => ({
    id,
    name,
    description,
    type: name === null ? 'private' : 'public',
    deprecated: deprecation(now, days),
    architecture,
  });
  const all = [
    iso(4710, 'FreeBSD-10.3-RELEASE-amd64-dvd1', 'FreeBSD 10.3 x64', 'x86', -400),
    iso(4711, 'FreeBSD-11.0-RELEASE-amd64-dvd1', 'FreeBSD 11.0 x64', 'x86'),
    iso(4712, 'virtio-win-0.1.141', 'virtio-win drivers 0.1.141', 'x86'),
    iso(4713, 'ubuntu-22.04.4-live-server-amd64.iso', 'Ubuntu 22.04.4 live server', 'x86'),
    iso(4714, 'debian-12.5.0-amd64-netinst.iso', 'Debian 12.5 netinst', 'x86', 30),
    iso(4715, 'ubuntu-24.04.1-live-server-arm64.iso', 'Ubuntu 24.04.1 live server (arm64)', 'arm'),
    iso(4790, null, 'Custom rescue toolkit 2.1', null),
  ];
  return all.filter((i) => api === '2026' || i.architecture !== 'arm');
}

export const PRICING: PricingBase = {
  currency: 'EUR',
  vat_rate: (VAT * 100).toFixed(2),
  image: { price_per_gb_month: netGross(0.01) },
  floating_ip: { price_monthly: netGross(1) },
  traffic: { price_per_tb: netGross(1) },
  server_backup: { percentage: '20' },
};

/** Today's `pricing.floating_ips`: monthly net EUR per IP type (IPv6 is cheaper), the same in every location. */
export const FLOATING_IP_MONTHLY = { ipv4: 3, ipv6: 1 } as const;

/** Today's `pricing.volume`: monthly net EUR per GB of volume, the same in every location. */
export const VOLUME_GB_MONTHLY = 0.044;

/** Load Balancer types (today's API): limits and the monthly net EUR price, the same in every location. */
const LOAD_BALANCER_TYPE_ROWS = [
  { id: 1, name: 'lb11', description: 'LB11', maxConnections: 10_000, maxServices: 5, maxTargets: 25, maxCertificates: 10, monthly: 5.39 },
  { id: 2, name: 'lb21', description: 'LB21', maxConnections: 20_000, maxServices: 15, maxTargets: 75, maxCertificates: 25, monthly: 14.39 },
  { id: 3, name: 'lb31', description: 'LB31', maxConnections: 40_000, maxServices: 30, maxTargets: 150, maxCertificates: 50, monthly: 28.39 },
];

/** The Load Balancer types as the API sends them (prices per location, as a server type's). */
export const LOAD_BALANCER_TYPES: LoadBalancerTypeSchema[] = LOAD_BALANCER_TYPE_ROWS.map((t) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  max_connections: t.maxConnections,
  max_services: t.maxServices,
  max_targets: t.maxTargets,
  max_assigned_certificates: t.maxCertificates,
  prices: typePrices(t.monthly, 'x86'),
  deprecated: null,
}));
