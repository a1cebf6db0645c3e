import type { ActionSchema, DeleteProtectionSchema, LabelsSchema } from './common';
import type { LocationSchema } from './location';

export interface FloatingIpDnsPtrSchema {
  ip: string;
  dns_ptr: string;
}

export interface FloatingIpSchema {
  id: number;
  description: string | null;
  ip: string;
  type: 'ipv4' | 'ipv6';
  server: number | null;
  dns_ptr: FloatingIpDnsPtrSchema[];
  home_location: LocationSchema;
  blocked: boolean;
  protection: DeleteProtectionSchema;
  // Today's API (absent in the 2018 contract):
  name?: string;
  labels?: LabelsSchema;
  created?: string;
}

export interface FloatingIpListResponseSchema {
  floating_ips: FloatingIpSchema[];
}

export interface FloatingIpResponseSchema {
  floating_ip: FloatingIpSchema;
}

export interface FloatingIpCreateRequestSchema {
  type: 'ipv4' | 'ipv6';
  server?: number;
  home_location?: string;
  description?: string;
  /** Today's API. */
  name?: string;
  labels?: LabelsSchema;
}

export interface FloatingIpCreateResponseSchema {
  floating_ip: FloatingIpSchema;
  /** Only present when a server was given. */
  action?: ActionSchema;
}

export interface FloatingIpUpdateRequestSchema {
  description?: string;
  /** Today's API. */
  name?: string;
  labels?: LabelsSchema;
}

export interface FloatingIpAssignRequestSchema {
  server: number;
}
