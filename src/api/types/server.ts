// Domain types of servers: the server, its create parameters and results, its metrics. The
// metrics shapes are defined in src/shared/apiTypes.ts, which the metrics webview shares.

import type { Action } from './action';
import type { Datacenter, Image, Iso, Location, ServerType } from './catalog';
import type { LabelListParams, Labels, Open } from './common';
import type { PlacementGroup } from './placementGroup';
import type { ServerPrivateNet } from './network';
import type { ServerFirewall } from './firewall';

export type { Metrics, MetricsParams, MetricsSeries, MetricsType } from '../../shared/apiTypes';

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
  /** `primaryIpId`: today's API, the Primary IP that is this address. */
  ipv4?: { ip: string; blocked: boolean; dnsPtr?: string; primaryIpId?: number };
  /** `ip` is the /64 network, e.g. `2001:db8::/64`; `dnsPtr` the entries set for single addresses in it. */
  ipv6?: { ip: string; blocked: boolean; dnsPtr: DnsPtr[]; primaryIpId?: number };
  floatingIpIds: number[];
  /** Today's API: the firewalls applied to the server (absent in the 2018 contract). */
  firewalls?: ServerFirewall[];
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
  /** Today's API: the placement group the server is in. */
  placementGroup?: PlacementGroup;
  /** Today's API: the server's interfaces in private Networks (absent in the 2018 contract). */
  privateNet?: ServerPrivateNet[];
  /** Today's API: ids of the attached volumes. */
  volumeIds?: number[];
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
  /** Today's API: IDs of Volumes (in the server's location) attached at creation. */
  volumes?: number[];
  /** Today's API: mount the volumes after attaching them. */
  automount?: boolean;
  /** Today's API: IDs of Networks the server is attached to at creation. */
  networks?: number[];
  /** Today's API: ID of the Placement Group the server joins. */
  placementGroup?: number;
  /**
   * Today's API: the public interface. Both addresses are on unless switched off; an existing
   * Primary IP (its ID) instead of a new one.
   */
  publicNet?: { enableIpv4?: boolean; enableIpv6?: boolean; ipv4?: number; ipv6?: number };
  /** Today's API: IDs of Firewalls applied to the new server. */
  firewalls?: number[];
}

export interface ServerCreateResult {
  server: Server;
  action: Action;
  /** Today's API: what runs after `action` (start_server, attach_volume, attach_to_network, ...). */
  nextActions?: Action[];
  /** Only when no SSH keys were given. */
  rootPassword?: string;
}

export interface ServerListParams extends LabelListParams {
  name?: string;
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
