// Volumes (today's API; absent in the 2018 contract): block storage in one location, attached to at
// most one server of that location.

import type { ActionSchema, DeleteProtectionSchema, LabelsSchema } from './common';
import type { LocationSchema } from './location';

export type VolumeStatusSchema = 'creating' | 'available';

export interface VolumeSchema {
  id: number;
  name: string;
  created: string;
  /** GB. */
  size: number;
  server: number | null;
  location: LocationSchema;
  /** `/dev/disk/by-id/scsi-0HC_Volume_<id>` */
  linux_device: string;
  protection: DeleteProtectionSchema;
  labels: LabelsSchema;
  status: VolumeStatusSchema;
  /** The filesystem it was formatted with on creation; null when not formatted. */
  format: string | null;
}

export interface VolumeListResponseSchema {
  volumes: VolumeSchema[];
}

export interface VolumeResponseSchema {
  volume: VolumeSchema;
}

export interface VolumeCreateRequestSchema {
  name: string;
  size: number;
  /** ID or name; or give `server`. */
  location?: string;
  server?: number;
  /** Only with `server`. */
  automount?: boolean;
  format?: 'ext4' | 'xfs';
  labels?: LabelsSchema;
}

export interface VolumeCreateResponseSchema {
  volume: VolumeSchema;
  action: ActionSchema;
  /** With a server: the `attach_volume` action. */
  next_actions: ActionSchema[];
}

export interface VolumeUpdateRequestSchema {
  name?: string;
  labels?: LabelsSchema;
}

export interface VolumeAttachRequestSchema {
  server: number;
  automount?: boolean;
}

export interface VolumeResizeRequestSchema {
  size: number;
}
