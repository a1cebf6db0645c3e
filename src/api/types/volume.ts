// Domain types of Volumes (today's API only).

import type { Action } from './action';
import type { Location } from './catalog';
import type { LabelListParams, Labels, Open, SortBy } from './common';

export type VolumeStatus = Open<'creating' | 'available'>;
export type VolumeFormat = 'ext4' | 'xfs';

export const VOLUME_MIN_GB = 10;
export const VOLUME_MAX_GB = 10240;

export interface Volume {
  id: number;
  name: string;
  created: Date;
  /** GB. */
  size: number;
  /** The server it is attached to. */
  serverId?: number;
  location: Location;
  linuxDevice: string;
  protection: { delete: boolean };
  labels: Labels;
  status: VolumeStatus;
  /** The filesystem made on creation; absent when it was not formatted. */
  format?: Open<VolumeFormat>;
}

export interface VolumeCreateParams {
  name: string;
  /** GB, 10 to 10240. */
  size: number;
  /** Location ID or name; or give `server` (the volume is made in its location and attached). */
  location?: string | number;
  server?: number;
  /** Only with `server`. */
  automount?: boolean;
  format?: VolumeFormat;
  labels?: Labels;
}

export interface VolumeCreateResult {
  volume: Volume;
  /** `create_volume`. */
  action?: Action;
  /** With a server: `attach_volume`. */
  nextActions: Action[];
}

export interface VolumeListParams extends LabelListParams {
  name?: string;
  status?: VolumeStatus | VolumeStatus[];
  sort?: SortBy<'id' | 'name' | 'created'> | Array<SortBy<'id' | 'name' | 'created'>>;
}
