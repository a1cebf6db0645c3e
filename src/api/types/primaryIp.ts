// Domain types of Primary IPs (today's API only).

import type { Action } from './action';
import type { Location } from './catalog';
import type { LabelListParams, Labels } from './common';
import type { DnsPtr } from './server';

export type PrimaryIpType = 'ipv4' | 'ipv6';

export interface PrimaryIp {
  id: number;
  name: string;
  /** One address for ipv4, a /64 network for ipv6. */
  ip: string;
  type: PrimaryIpType;
  /** The server it is assigned to; undefined when unassigned. */
  assigneeId?: number;
  /** Deleted with its server when true. */
  autoDelete: boolean;
  blocked: boolean;
  dnsPtr: DnsPtr[];
  location: Location;
  protection: { delete: boolean };
  labels: Labels;
  created?: Date;
}

export interface PrimaryIpCreateParams {
  name: string;
  type: PrimaryIpType;
  /** Assign to this server at once (it must be off); or give `location`. */
  server?: number;
  /** Location ID or name. */
  location?: string | number;
  autoDelete?: boolean;
  labels?: Labels;
}

export interface PrimaryIpCreateResult {
  primaryIp: PrimaryIp;
  /** Only when a server was given: the assignment. */
  action?: Action;
}

export interface PrimaryIpListParams extends LabelListParams {
  name?: string;
  /** The exact IP (an IPv4 address or an IPv6 /64 network). */
  ip?: string;
  sort?: 'id' | 'id:asc' | 'id:desc' | 'created' | 'created:asc' | 'created:desc';
}
