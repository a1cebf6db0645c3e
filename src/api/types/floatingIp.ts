// Domain types of Floating IPs.

import type { Action } from './action';
import type { Location } from './catalog';
import type { LabelListParams, Labels } from './common';
import type { DnsPtr } from './server';

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

export type FloatingIpListParams = LabelListParams;
