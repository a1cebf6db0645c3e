import type { ActionSchema, LabelsSchema } from './common';
import type { ServerFirewallSchema } from './firewall';
import type { DatacenterSchema } from './datacenter';
import type { ImageSchema } from './image';
import type { IsoSchema } from './iso';
import type { LocationSchema } from './location';
import type { PlacementGroupSchema } from './placementGroup';
import type { ServerPrivateNetSchema } from './network';
import type { ServerTypeSchema } from './serverType';

export type ServerStatusSchema =
  | 'running'
  | 'initializing'
  | 'starting'
  | 'stopping'
  | 'off'
  | 'deleting'
  | 'migrating'
  | 'rebuilding'
  | 'unknown';

export interface Ipv6DnsPtrSchema {
  ip: string;
  dns_ptr: string;
}

export interface PublicNetSchema {
  /** Today's API: `id` is the Primary IP's. */
  ipv4: { ip: string; blocked: boolean; dns_ptr: string; id?: number | null };
  ipv6: { ip: string; blocked: boolean; dns_ptr: Ipv6DnsPtrSchema[] | null; id?: number | null };
  floating_ips: number[];
  /** Today's API: the firewalls applied to the server. */
  firewalls?: ServerFirewallSchema[];
}

export interface ServerSchema {
  id: number;
  name: string;
  status: ServerStatusSchema;
  created: string;
  public_net: PublicNetSchema;
  server_type: ServerTypeSchema;
  /** Required by the 2018 contract; gone from today's API since 2026-07-01, which sends `location`. */
  datacenter?: DatacenterSchema;
  /** Today's API (not in the 2018 contract). */
  location?: LocationSchema;
  labels?: LabelsSchema;
  primary_disk_size?: number;
  private_net?: ServerPrivateNetSchema[];
  /** Today's API: ids of the attached volumes. */
  volumes?: number[];
  image: ImageSchema | null;
  iso: IsoSchema | null;
  rescue_enabled: boolean;
  locked: boolean;
  backup_window: string | null;
  outgoing_traffic: number | null;
  ingoing_traffic: number | null;
  included_traffic: number;
  protection: { delete: boolean; rebuild: boolean };
  /** Today's API: the group the server is in, or null. */
  placement_group?: PlacementGroupSchema | null;
}

export interface ServerListResponseSchema {
  servers: ServerSchema[];
}

export interface ServerResponseSchema {
  server: ServerSchema;
}

export interface ServerCreateRequestSchema {
  name: string;
  server_type: string;
  image: string;
  location?: string;
  datacenter?: string;
  start_after_create?: boolean;
  ssh_keys?: Array<string | number>;
  user_data?: string;
  /** Today's API. */
  labels?: LabelsSchema;
  /** Today's API from here on. */
  volumes?: number[];
  automount?: boolean;
  networks?: number[];
  placement_group?: number;
  public_net?: { enable_ipv4?: boolean; enable_ipv6?: boolean; ipv4?: number; ipv6?: number };
  /** Today's API: firewalls applied to the new server. */
  firewalls?: Array<{ firewall: number }>;
}

export interface ServerCreateResponseSchema {
  server: ServerSchema;
  action: ActionSchema;
  /** Today's API: the actions that follow `action`. */
  next_actions?: ActionSchema[];
  root_password: string | null;
}

export interface ServerUpdateRequestSchema {
  name?: string;
  /** Today's API: replaces all labels. */
  labels?: LabelsSchema;
}

export interface RootPasswordActionResponseSchema {
  action: ActionSchema;
  root_password: string | null;
}

export interface EnableRescueRequestSchema {
  type?: 'linux64' | 'linux32' | 'freebsd64';
  ssh_keys?: number[];
}

export interface CreateImageRequestSchema {
  description?: string;
  type?: 'snapshot' | 'backup';
}

export interface CreateImageResponseSchema {
  image: ImageSchema;
  action: ActionSchema;
}

export interface RebuildRequestSchema {
  image: string;
}

export interface ChangeTypeRequestSchema {
  server_type: string;
  upgrade_disk?: boolean;
}

export type BackupWindowSchema = '22-02' | '02-06' | '06-10' | '10-14' | '14-18' | '18-22';

export interface EnableBackupRequestSchema {
  backup_window?: BackupWindowSchema;
}

export interface AttachIsoRequestSchema {
  iso: string;
}

export interface RequestConsoleResponseSchema {
  wss_url: string;
  password: string;
  action: ActionSchema;
}
