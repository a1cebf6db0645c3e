// Placement Groups (today's API; absent in the 2018 contract).

import type { ActionSchema, LabelsSchema } from './common';

/** `spread` is the only type: every server of the group runs on a different physical host. */
export type PlacementGroupTypeSchema = 'spread';

export interface PlacementGroupSchema {
  id: number;
  name: string;
  labels: LabelsSchema;
  type: PlacementGroupTypeSchema;
  /** IDs of the servers in the group. */
  servers: number[];
  created: string;
}

export interface PlacementGroupListResponseSchema {
  placement_groups: PlacementGroupSchema[];
}

export interface PlacementGroupResponseSchema {
  placement_group: PlacementGroupSchema;
}

export interface PlacementGroupCreateRequestSchema {
  name: string;
  type: PlacementGroupTypeSchema;
  labels?: LabelsSchema;
}

export interface PlacementGroupCreateResponseSchema {
  placement_group: PlacementGroupSchema;
  action?: ActionSchema | null;
}

export interface PlacementGroupUpdateRequestSchema {
  name?: string;
  labels?: LabelsSchema;
}

/** Body of `POST /servers/{id}/actions/add_to_placement_group`. */
export interface AddToPlacementGroupRequestSchema {
  placement_group: number;
}
