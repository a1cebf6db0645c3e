// Domain types of Load Balancers and Load Balancer types (today's API only; the 2018 contract has none).

import type { Action } from './action';
import type { Location, ServerTypePrice } from './catalog';
import type { LabelListParams, Labels, ListOptions, Open, SortBy } from './common';

export type LoadBalancerAlgorithm = Open<'round_robin' | 'least_connections'>;
export type LoadBalancerProtocol = Open<'tcp' | 'http' | 'https'>;
export type HealthCheckProtocol = Open<'tcp' | 'http'>;
export type TargetHealth = Open<'healthy' | 'unhealthy' | 'unknown'>;
export type LoadBalancerTargetType = Open<'server' | 'label_selector' | 'ip'>;

/** A Load Balancer type's price in one location: the same shape as a server type's. */
export type LoadBalancerTypePrice = ServerTypePrice;

export interface LoadBalancerType {
  id: number;
  /** e.g. `lb11` */
  name: string;
  description: string;
  maxConnections: number;
  maxServices: number;
  maxTargets: number;
  maxAssignedCertificates: number;
  /** Prices per location (net excludes VAT). */
  prices: LoadBalancerTypePrice[];
  deprecated?: Date;
}

export interface LoadBalancerHealthCheckHttp {
  /** Host header sent; `undefined` when none. */
  domain?: string;
  path: string;
  /** Expected string in the body, if any. */
  response?: string;
  /** e.g. `['2??', '3??']`. */
  statusCodes: string[];
  tls: boolean;
}

export interface LoadBalancerHealthCheck {
  protocol: HealthCheckProtocol;
  port: number;
  /** Seconds. */
  interval: number;
  /** Seconds. */
  timeout: number;
  retries: number;
  /** Only with protocol `http`. */
  http?: LoadBalancerHealthCheckHttp;
}

export interface LoadBalancerServiceHttp {
  cookieName: string;
  /** Seconds. */
  cookieLifetime: number;
  /** IDs of certificates (https only). */
  certificates: number[];
  /** https only: also listen on port 80 and redirect to https. */
  redirectHttp: boolean;
  stickySessions: boolean;
}

export interface LoadBalancerService {
  protocol: LoadBalancerProtocol;
  listenPort: number;
  destinationPort: number;
  proxyprotocol: boolean;
  healthCheck: LoadBalancerHealthCheck;
  /** Only for http and https services. */
  http?: LoadBalancerServiceHttp;
}

/** The health of a target for one service (by the service's listen port). */
export interface TargetHealthStatus {
  listenPort: number;
  status: TargetHealth;
}

/** A server a label selector matched. */
export interface LoadBalancerSelectedTarget {
  serverId: number;
  usePrivateIp: boolean;
  healthStatus: TargetHealthStatus[];
}

export interface LoadBalancerTarget {
  type: LoadBalancerTargetType;
  /** type `server`. */
  serverId?: number;
  /** type `label_selector`. */
  labelSelector?: string;
  /** type `ip`. */
  ip?: string;
  usePrivateIp: boolean;
  healthStatus: TargetHealthStatus[];
  /** type `label_selector`: the servers it matched. */
  targets?: LoadBalancerSelectedTarget[];
}

export interface LoadBalancerPublicNet {
  enabled: boolean;
  ipv4?: { ip?: string; dnsPtr?: string };
  ipv6?: { ip?: string; dnsPtr?: string };
}

export interface LoadBalancerPrivateNet {
  networkId: number;
  ip: string;
}

export interface LoadBalancer {
  id: number;
  name: string;
  created: Date;
  publicNet: LoadBalancerPublicNet;
  privateNet: LoadBalancerPrivateNet[];
  location: Location;
  loadBalancerType: LoadBalancerType;
  algorithm: LoadBalancerAlgorithm;
  services: LoadBalancerService[];
  targets: LoadBalancerTarget[];
  /** Bytes per month. */
  includedTraffic: number;
  /** Bytes this billing period; absent while unknown. */
  ingoingTraffic?: number;
  outgoingTraffic?: number;
  protection: { delete: boolean };
  labels: Labels;
}

// ---- parameters ----

export interface HealthCheckParams {
  protocol: 'tcp' | 'http';
  port: number;
  interval: number;
  timeout: number;
  retries: number;
  http?: { domain?: string | null; path: string; response?: string; statusCodes?: string[]; tls?: boolean };
}

export interface ServiceHttpParams {
  cookieName?: string;
  cookieLifetime?: number;
  certificates?: number[];
  redirectHttp?: boolean;
  stickySessions?: boolean;
}

export interface ServiceParams {
  protocol: 'tcp' | 'http' | 'https';
  listenPort?: number;
  destinationPort?: number;
  proxyprotocol?: boolean;
  /** Absent: the API's defaults (see the simulator's `defaultHealthCheck`). */
  healthCheck?: HealthCheckParams;
  http?: ServiceHttpParams;
}

/** update_service: the service is named by its listen port; everything else is optional. */
export interface ServiceUpdateParams {
  listenPort: number;
  protocol?: 'tcp' | 'http' | 'https';
  destinationPort?: number;
  proxyprotocol?: boolean;
  healthCheck?: Partial<Omit<HealthCheckParams, 'http'>> & { http?: Partial<NonNullable<HealthCheckParams['http']>> };
  http?: ServiceHttpParams;
}

/** One target to add or remove: a server, a label selector or an IP. */
export type TargetParams =
  | { type: 'server'; serverId: number; usePrivateIp?: boolean }
  | { type: 'label_selector'; labelSelector: string; usePrivateIp?: boolean }
  | { type: 'ip'; ip: string };

export interface LoadBalancerCreateParams {
  name: string;
  /** ID or name. */
  loadBalancerType: string | number;
  /** Give `location` or `networkZone`. */
  location?: string;
  networkZone?: string;
  algorithm?: 'round_robin' | 'least_connections';
  services?: ServiceParams[];
  targets?: TargetParams[];
  /** ID of a Network to attach to. */
  network?: number;
  /** Default true. */
  publicInterface?: boolean;
  labels?: Labels;
}

export interface LoadBalancerCreateResult {
  loadBalancer: LoadBalancer;
  /** `create_load_balancer`. */
  action?: Action;
}

export interface LoadBalancerUpdateParams {
  name?: string;
  /** Replaces all labels. */
  labels?: Labels;
}

export interface LoadBalancerAttachParams {
  network: number;
  /** Without it the API picks a free IP. */
  ip?: string;
  ipRange?: string;
}

export interface LoadBalancerListParams extends LabelListParams {
  name?: string;
  sort?: SortBy<'id' | 'name' | 'created'> | Array<SortBy<'id' | 'name' | 'created'>>;
}

export interface LoadBalancerTypeListParams extends ListOptions {
  name?: string;
}

export const LoadBalancerMetricsTypes = ['open_connections', 'connections_per_second', 'requests_per_second', 'bandwidth'] as const;
export type LoadBalancerMetricsType = (typeof LoadBalancerMetricsTypes)[number];

export interface LoadBalancerMetricsParams {
  type: LoadBalancerMetricsType | LoadBalancerMetricsType[];
  start: Date;
  end: Date;
  /** Seconds per sample; the API picks one when absent. */
  step?: number;
}
