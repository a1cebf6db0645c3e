import type { DeleteProtectionSchema, LabelsSchema } from './common';

/** `cloud`, `vswitch`, or the deprecated `server` (same as `cloud`). */
export type SubnetTypeSchema = 'cloud' | 'server' | 'vswitch';

export interface SubnetSchema {
  type: SubnetTypeSchema;
  ip_range: string;
  network_zone: string;
  gateway: string;
  /** Only for `vswitch`. */
  vswitch_id?: number | null;
}

export interface RouteSchema {
  destination: string;
  gateway: string;
}

export interface NetworkSchema {
  id: number;
  name: string;
  ip_range: string;
  subnets: SubnetSchema[];
  routes: RouteSchema[];
  servers: number[];
  load_balancers?: number[];
  protection: DeleteProtectionSchema;
  labels: LabelsSchema;
  created: string;
  expose_routes_to_vswitch: boolean;
}

export interface NetworkListResponseSchema {
  networks: NetworkSchema[];
}

export interface NetworkResponseSchema {
  network: NetworkSchema;
}

/** A subnet to add: without `gateway`; `ip_range` optional (the first free /24). */
export interface SubnetRequestSchema {
  type: SubnetTypeSchema;
  network_zone: string;
  ip_range?: string;
  vswitch_id?: number;
}

export interface NetworkCreateRequestSchema {
  name: string;
  ip_range: string;
  subnets?: SubnetRequestSchema[];
  routes?: RouteSchema[];
  labels?: LabelsSchema;
  expose_routes_to_vswitch?: boolean;
}

export interface NetworkUpdateRequestSchema {
  name?: string;
  labels?: LabelsSchema;
  expose_routes_to_vswitch?: boolean;
}

/** One entry of a server's `private_net` (today's API). */
export interface ServerPrivateNetSchema {
  network: number;
  ip: string;
  alias_ips: string[];
  mac_address: string;
}

export interface AttachToNetworkRequestSchema {
  network: number;
  ip?: string;
  alias_ips?: string[];
  ip_range?: string;
}
