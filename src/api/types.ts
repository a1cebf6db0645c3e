// Domain types of the Hetzner Cloud client: what the UI sees. camelCase, Dates for timestamps,
// string-literal unions for statuses, numbers for prices. Built from the wire types in ./schema
// by the converters in ./convert.ts (the only place that knows both shapes).

import type { PageInfo } from './transport';

/** A price as numbers. `currency` is ISO 4217 (`EUR`). */
export interface Money {
  net: number;
  gross: number;
  currency: string;
}

/** One page of a list: the items of that page and the pagination meta (when the API sent it). */
export interface ListResult<T> {
  items: T[];
  pagination?: PageInfo;
}

export interface ListOptions {
  /** 1-based page; default 1. */
  page?: number;
  /** Items per page; default 25 (the API's default), at most 50. */
  perPage?: number;
}

/** `field`, `field:asc` or `field:desc`. */
export type SortBy<F extends string> = F | `${F}:asc` | `${F}:desc`;

/**
 * Kinds the API may extend are open unions: the known values for `switch`/autocomplete, and any
 * other string passes through unchanged (today's API has e.g. image type `app`).
 */
export type Open<Known extends string> = Known | (string & Record<never, never>);

/**
 * Which API answered: the 2018 contract or today's (see changes-since-2018.md). Learned from answers
 * the client gets anyway (servers without `datacenter`, server types with `locations[]`), never by
 * probing; `undefined` until one such answer came.
 */
export type ApiEra = '2018' | '2026';

/** Labels of today's API: key -> value (the value may be empty). */
export type Labels = Record<string, string>;

/** Today's API marks ISOs, server types and a type in a location as deprecated with these dates. */
export interface Deprecation {
  announced: Date;
  /** From this time on it can no longer be used (a type is no longer offered there). */
  unavailableAfter: Date;
}

export type Architecture = Open<'x86' | 'arm'>;

// ---------------------------------------------------------------------------------------------
// Actions

export const ActionStatuses = ['running', 'success', 'error'] as const;
export type ActionStatus = (typeof ActionStatuses)[number];

export interface ResourceRef {
  id: number;
  /** `server`, `floating_ip`, `image`, ... */
  type: string;
}

export interface ActionError {
  code: string;
  message: string;
}

export interface Action {
  id: number;
  /** e.g. `start_server`, `create_image`. */
  command: string;
  status: ActionStatus;
  /** 0..100 */
  progress: number;
  started: Date;
  finished?: Date;
  resources: ResourceRef[];
  error?: ActionError;
}

export type ActionSortField = 'id' | 'command' | 'status' | 'progress' | 'started' | 'finished';

export interface ActionListParams extends ListOptions {
  /** Only actions with one of these statuses. */
  status?: ActionStatus | ActionStatus[];
  sort?: SortBy<ActionSortField> | Array<SortBy<ActionSortField>>;
}

export interface ActionsListParams extends ActionListParams {
  /** Only these actions (`?id=1&id=2`; not in the spec, accepted by today's API). */
  id?: number | number[];
}

// ---------------------------------------------------------------------------------------------
// Catalog: locations, datacenters, server types, images, ISOs, prices

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
  /** 2018 contract; today's API reports 0 here: traffic is priced per location on the server types. */
  traffic: { perTb?: Money };
  /** Percent by which backups raise a server's price, e.g. 20 */
  serverBackupPercentage: number;
  serverTypes: ServerTypePricing[];
}

// ---------------------------------------------------------------------------------------------
// Servers

export const ServerStatuses = [
  'running',
  'initializing',
  'starting',
  'stopping',
  'off',
  'deleting',
  'migrating',
  'rebuilding',
  'unknown',
] as const;
export type ServerStatus = (typeof ServerStatuses)[number];

export type BackupWindow = '22-02' | '02-06' | '06-10' | '10-14' | '14-18' | '18-22';
export type RescueType = 'linux64' | 'linux32' | 'freebsd64';

export interface DnsPtr {
  ip: string;
  dnsPtr: string;
}

export interface ServerPublicNet {
  ipv4?: { ip: string; blocked: boolean; dnsPtr?: string };
  /** `ip` is the /64 network, e.g. `2001:db8::/64`; `dnsPtr` the entries set for single addresses in it. */
  ipv6?: { ip: string; blocked: boolean; dnsPtr: DnsPtr[] };
  floatingIpIds: number[];
}

export interface Server {
  id: number;
  name: string;
  status: ServerStatus;
  created: Date;
  publicNet: ServerPublicNet;
  serverType: ServerType;
  /** Absent when the API sends only `location` (today's API). */
  datacenter?: Datacenter;
  /**
   * From `datacenter.location`, or the top-level `location` today's API sends instead.
   * Absent only when the API sent neither.
   */
  location?: Location;
  image?: Image;
  iso?: Iso;
  rescueEnabled: boolean;
  locked: boolean;
  /** Absent when backups are off. */
  backupWindow?: Open<BackupWindow>;
  /** Bytes this billing period; absent while unknown. */
  outgoingTraffic?: number;
  ingoingTraffic?: number;
  includedTraffic: number;
  protection: { delete: boolean; rebuild: boolean };
  /** Today's API; absent in the 2018 contract. */
  labels?: Labels;
}

export interface ServerCreateParams {
  /** Unique per project, an RFC 1123 hostname. */
  name: string;
  /** ID or name. */
  serverType: string | number;
  /** ID or name. */
  image: string | number;
  /** ID or name; give this or `datacenter`. */
  location?: string | number;
  datacenter?: string | number;
  /** Default true. */
  startAfterCreate?: boolean;
  /** IDs or names. */
  sshKeys?: Array<string | number>;
  /** cloud-init user data, at most 32 KiB. */
  userData?: string;
  /** Today's API only. */
  labels?: Labels;
}

export interface ServerCreateResult {
  server: Server;
  action: Action;
  /** Only when no SSH keys were given. */
  rootPassword?: string;
}

/** Today's API: every list takes a label selector (`env=prod,tier!=db`). */
export interface LabelListParams extends ListOptions {
  labelSelector?: string;
}

export interface ServerListParams extends LabelListParams {
  name?: string;
}

export type MetricsType = 'cpu' | 'disk' | 'network';

export interface MetricsParams {
  type: MetricsType | MetricsType[];
  start: Date;
  end: Date;
  /** Seconds per sample; the API picks one (≤ 100 samples) when absent. */
  step?: number;
}

/**
 * One time series as parallel arrays: `timestamps[i]` (UNIX seconds, may be fractional) goes with
 * `values[i]`. `null` marks a sample whose value was unreadable (a gap for the chart).
 */
export interface MetricsSeries {
  timestamps: number[];
  values: Array<number | null>;
}

export interface Metrics {
  start: Date;
  end: Date;
  /** Seconds between samples. */
  step: number;
  /** By series name: `cpu`, `disk.0.iops.read`, `network.0.bandwidth.in`, ... */
  series: Record<string, MetricsSeries>;
}

export interface RootPasswordResult {
  action: Action;
  rootPassword?: string;
}

export interface CreateImageResult {
  image: Image;
  action: Action;
}

export interface ConsoleResult {
  /** Websocket URL with a token valid for about a minute. */
  wssUrl: string;
  /** VNC password for that URL. */
  password: string;
  action: Action;
}

// ---------------------------------------------------------------------------------------------
// Floating IPs, SSH keys

export type FloatingIpType = 'ipv4' | 'ipv6';

export interface FloatingIp {
  id: number;
  description?: string;
  /** One address for ipv4, a /64 network for ipv6. */
  ip: string;
  type: FloatingIpType;
  /** The server it is assigned to. */
  serverId?: number;
  dnsPtr: DnsPtr[];
  homeLocation: Location;
  blocked: boolean;
  protection: { delete: boolean };
  /** Today's API; absent in the 2018 contract. */
  name?: string;
  labels?: Labels;
}

export interface FloatingIpCreateParams {
  type: FloatingIpType;
  /** Assign to this server at once; or give `homeLocation`. */
  server?: number;
  /** Location ID or name. */
  homeLocation?: string | number;
  description?: string;
  /** Today's API only. */
  name?: string;
  labels?: Labels;
}

export interface FloatingIpCreateResult {
  floatingIp: FloatingIp;
  /** Only when a server was given: the assignment. */
  action?: Action;
}

export interface SshKey {
  id: number;
  name: string;
  fingerprint: string;
  publicKey: string;
  /** Today's API; absent in the 2018 contract. */
  labels?: Labels;
}

export interface SshKeyListParams extends LabelListParams {
  name?: string;
  fingerprint?: string;
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

export interface NameListParams extends ListOptions {
  name?: string;
}

export type FloatingIpListParams = LabelListParams;
