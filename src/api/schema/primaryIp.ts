import type { ActionSchema, DeleteProtectionSchema, LabelsSchema } from './common';
import type { DatacenterSchema } from './datacenter';
import type { LocationSchema } from './location';

/** Today's API only (absent in the 2018 contract). */
export interface PrimaryIpSchema {
  id: number;
  name: string;
  ip: string;
  type: 'ipv4' | 'ipv6';
  /** `null` when not assigned. */
  assignee_id: number | null;
  /** `unassigned` when not assigned (since 2026-08-01). */
  assignee_type: 'server' | 'unassigned';
  auto_delete: boolean;
  blocked: boolean;
  dns_ptr: Array<{ ip: string; dns_ptr: string }>;
  location: LocationSchema;
  /** Removed on 2026-07-01; older answers still carry it. */
  datacenter?: DatacenterSchema;
  protection: DeleteProtectionSchema;
  labels: LabelsSchema;
  created: string;
}

export interface PrimaryIpListResponseSchema {
  primary_ips: PrimaryIpSchema[];
}

export interface PrimaryIpResponseSchema {
  primary_ip: PrimaryIpSchema;
}

export interface PrimaryIpCreateRequestSchema {
  name: string;
  type: 'ipv4' | 'ipv6';
  assignee_type: 'server';
  assignee_id?: number;
  location?: string;
  auto_delete?: boolean;
  labels?: LabelsSchema;
}

export interface PrimaryIpCreateResponseSchema {
  primary_ip: PrimaryIpSchema;
  /** Only present when an assignee was given. */
  action?: ActionSchema | null;
}

export interface PrimaryIpUpdateRequestSchema {
  name?: string;
  labels?: LabelsSchema;
  auto_delete?: boolean;
}

export interface PrimaryIpAssignRequestSchema {
  assignee_id: number;
  assignee_type: 'server';
}
