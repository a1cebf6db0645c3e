// Domain types of the catalog: locations, datacenters, server types, images, ISOs, prices.

import type { Architecture, Deprecation, LabelListParams, Labels, Money, Open, SortBy } from './common';
import type { FloatingIpType } from './floatingIp';

export interface Location {
  id: number;
  /** e.g. `fsn1` */
  name: string;
  description: string;
  /** ISO 3166-1 alpha-2, e.g. `DE` */
  country: string;
  city: string;
  latitude: number;
  longitude: number;
  /** Today's API, e.g. `eu-central`. */
  networkZone?: string;
}

export interface Datacenter {
  id: number;
  /** e.g. `fsn1-dc8` */
  name: string;
  description: string;
  location: Location;
  serverTypes: {
    /** IDs of server types the datacenter supports. */
    supported: number[];
    /** IDs of supported server types it has capacity for now. */
    available: number[];
  };
}

export interface ServerTypePrice {
  /** Location name, e.g. `fsn1`. */
  location: string;
  /** Absent when the API sent no (or an unreadable) price. */
  hourly?: Money;
  monthly?: Money;
  /** Today's API: bytes of traffic included per month in this location. */
  includedTraffic?: number;
  /** Today's API: the price of each TB beyond the included traffic. */
  perTbTraffic?: Money;
}

/** Today's API: a server type in one location. */
export interface ServerTypeLocation {
  id: number;
  /** Location name, e.g. `fsn1`. */
  name: string;
  /** Whether it can be created there now (a February 2026 answer without the field counts as true). */
  available: boolean;
  recommended: boolean;
  deprecation?: Deprecation;
}

export type StorageType = 'local' | 'network';

export interface ServerType {
  id: number;
  /** e.g. `cx11` */
  name: string;
  description: string;
  cores: number;
  /** GB */
  memory: number;
  /** GB */
  disk: number;
  /** Prices per location (net excludes VAT). */
  prices: ServerTypePrice[];
  storageType: Open<StorageType>;
  cpuType: Open<'shared' | 'dedicated'>;
  /** Today's API; absent from the 2018 contract (where every type is x86). */
  architecture?: Architecture;
  /** Today's API: where the type is offered. Absent in the 2018 contract (datacenters say it there). */
  locations?: ServerTypeLocation[];
  /** Today's API: the type-level deprecation (being phased out for `locations[].deprecation`). */
  deprecation?: Deprecation;
}

export type ImageType = 'system' | 'snapshot' | 'backup' | 'app';
export type ImageStatus = 'available' | 'creating' | 'unavailable';

export interface Image {
  id: number;
  type: Open<ImageType>;
  status: Open<ImageStatus>;
  /** Only system images have one, e.g. `ubuntu-16.04`. */
  name?: string;
  description: string;
  /** GB in storage (what snapshots are billed by); absent while unknown. */
  imageSize?: number;
  /** GB */
  diskSize: number;
  created: Date;
  createdFrom?: { id: number; name: string };
  /** Server a backup image belongs to. */
  boundTo?: number;
  osFlavor: Open<'ubuntu' | 'centos' | 'debian' | 'fedora' | 'unknown'>;
  osVersion?: string;
  rapidDeploy: boolean;
  protection: { delete: boolean };
  deprecated?: Date;
  /** Today's API. */
  architecture?: Architecture;
  /** Today's API; absent in the 2018 contract (no labels there). */
  labels?: Labels;
}

export interface Iso {
  id: number;
  /** Only public ISOs have one. */
  name?: string;
  description: string;
  type: Open<'public' | 'private'>;
  /** When it was deprecated (2018: `deprecated`; today: `deprecation.announced`). */
  deprecated?: Date;
  /** Today's API. */
  deprecation?: Deprecation;
  /** Today's API: absent means it boots on any architecture. */
  architecture?: Architecture;
}

export interface ServerTypePricing {
  id: number;
  name: string;
  prices: ServerTypePrice[];
}

export interface Pricing {
  /** ISO 4217, e.g. `EUR`; also carried by every Money below. */
  currency: string;
  /** Percent, e.g. 19 */
  vatRate: number;
  image: { perGbMonth?: Money };
  /** 2018 contract (deprecated today, in favour of `floatingIps`). */
  floatingIp: { monthly?: Money };
  /** Today's API: per IP type and location. Absent in the 2018 contract. */
  floatingIps?: Array<{ type: FloatingIpType; prices: Array<{ location: string; monthly?: Money }> }>;
  /** Today's API: per IP type and location. */
  primaryIps?: Array<{ type: FloatingIpType; prices: Array<{ location: string; monthly?: Money }> }>;
  /** 2018 contract; today's API reports 0 here: traffic is priced per location on the server types. */
  traffic: { perTb?: Money };
  /** Percent by which backups raise a server's price, e.g. 20 */
  serverBackupPercentage: number;
  serverTypes: ServerTypePricing[];
  /** Today's API: a volume's monthly price per GB (see volumeMonthly in src/shared/price.ts). */
  volume?: { perGbMonth?: Money };
  /** Today's API: Load Balancer types' prices per location. */
  loadBalancerTypes?: ServerTypePricing[];
}

export interface ImageListParams extends LabelListParams {
  /** Today's API. */
  architecture?: 'x86' | 'arm';
  sort?: SortBy<'id' | 'name' | 'created'> | Array<SortBy<'id' | 'name' | 'created'>>;
  type?: ImageType | ImageType[];
  /** Server IDs (backup images only). */
  boundTo?: number | number[];
  name?: string;
}
