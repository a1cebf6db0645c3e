// Load Balancers and Load Balancer types (today's API; absent in the 2018 contract).

import type { ActionSchema, DeleteProtectionSchema, LabelsSchema } from './common';
import type { LocationSchema } from './location';
import type { ServerTypeLocationPriceSchema } from './serverType';

export interface LoadBalancerTypeSchema {
  id: number;
  name: string;
  description: string;
  max_connections: number;
  max_services: number;
  max_targets: number;
  max_assigned_certificates: number;
  prices: ServerTypeLocationPriceSchema[];
  deprecated: string | null;
}

export interface LoadBalancerTypeListResponseSchema {
  load_balancer_types: LoadBalancerTypeSchema[];
}

export interface HealthCheckHttpSchema {
  domain: string | null;
  path: string;
  response?: string;
  status_codes?: string[];
  tls?: boolean;
}

export interface HealthCheckSchema {
  protocol: 'tcp' | 'http';
  port: number;
  interval: number;
  timeout: number;
  retries: number;
  http?: HealthCheckHttpSchema;
}

export interface ServiceHttpSchema {
  cookie_name?: string;
  cookie_lifetime?: number;
  certificates?: number[];
  redirect_http?: boolean;
  sticky_sessions?: boolean;
}

export interface LoadBalancerServiceSchema {
  protocol: 'tcp' | 'http' | 'https';
  listen_port: number;
  destination_port: number;
  proxyprotocol: boolean;
  health_check: HealthCheckSchema;
  http?: ServiceHttpSchema;
}

export interface HealthStatusSchema {
  listen_port: number;
  status: 'healthy' | 'unhealthy' | 'unknown';
}

export interface LoadBalancerTargetSchema {
  type: 'server' | 'label_selector' | 'ip';
  server?: { id: number };
  label_selector?: { selector: string };
  ip?: { ip: string };
  use_private_ip?: boolean;
  health_status?: HealthStatusSchema[];
  /** label_selector: the servers it matched. */
  targets?: Array<{ type: 'server'; server: { id: number }; use_private_ip?: boolean; health_status?: HealthStatusSchema[] }>;
}

export interface LoadBalancerSchema {
  id: number;
  name: string;
  created: string;
  public_net: {
    enabled: boolean;
    ipv4: { ip: string | null; dns_ptr: string | null };
    ipv6: { ip: string | null; dns_ptr: string | null };
  };
  private_net: Array<{ network: number; ip: string }>;
  location: LocationSchema;
  load_balancer_type: LoadBalancerTypeSchema;
  protection: DeleteProtectionSchema;
  labels: LabelsSchema;
  algorithm: { type: 'round_robin' | 'least_connections' };
  services: LoadBalancerServiceSchema[];
  targets: LoadBalancerTargetSchema[];
  included_traffic: number;
  ingoing_traffic: number | null;
  outgoing_traffic: number | null;
}

export interface LoadBalancerListResponseSchema {
  load_balancers: LoadBalancerSchema[];
}

export interface LoadBalancerResponseSchema {
  load_balancer: LoadBalancerSchema;
}

export type TargetRequestSchema =
  | { type: 'server'; server: { id: number }; use_private_ip?: boolean }
  | { type: 'label_selector'; label_selector: { selector: string }; use_private_ip?: boolean }
  | { type: 'ip'; ip: { ip: string } };

export interface ServiceRequestSchema {
  protocol?: 'tcp' | 'http' | 'https';
  listen_port?: number;
  destination_port?: number;
  proxyprotocol?: boolean;
  health_check?: Partial<Omit<HealthCheckSchema, 'http'>> & { http?: Partial<HealthCheckHttpSchema> };
  http?: ServiceHttpSchema;
}

export interface LoadBalancerCreateRequestSchema {
  name: string;
  load_balancer_type: string;
  location?: string;
  network_zone?: string;
  algorithm?: { type: 'round_robin' | 'least_connections' };
  services?: ServiceRequestSchema[];
  targets?: TargetRequestSchema[];
  network?: number;
  public_interface?: boolean;
  labels?: LabelsSchema;
}

export interface LoadBalancerCreateResponseSchema {
  load_balancer: LoadBalancerSchema;
  action: ActionSchema;
}

export interface LoadBalancerUpdateRequestSchema {
  name?: string;
  labels?: LabelsSchema;
}
