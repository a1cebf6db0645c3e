// Domain types of Placement Groups (today's API).

import type { LabelListParams, Labels, Open, SortBy } from './common';

export type PlacementGroupType = Open<'spread'>;

export interface PlacementGroup {
  id: number;
  name: string;
  labels: Labels;
  type: PlacementGroupType;
  /** IDs of the servers in the group. */
  serverIds: number[];
  created: Date;
}

export interface PlacementGroupCreateParams {
  /** Unique per project. */
  name: string;
  type: 'spread';
  labels?: Labels;
}

export interface PlacementGroupListParams extends LabelListParams {
  name?: string;
  /** Only groups of these types. */
  type?: PlacementGroupType[];
  sort?: SortBy<'id' | 'name' | 'created'> | Array<SortBy<'id' | 'name' | 'created'>>;
}
