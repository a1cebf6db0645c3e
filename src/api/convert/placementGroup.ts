// Wire -> domain for Placement Groups.

import type { PlacementGroupSchema } from '../schema';
import type { PlacementGroup } from '../types';
import { convertLabels, isRecord, list, requiredDate, requiredId, text } from './wire';

export function convertPlacementGroup(w: PlacementGroupSchema): PlacementGroup {
  return {
    id: requiredId(w),
    name: text(w.name),
    labels: convertLabels(w.labels) ?? {},
    type: text(w.type, 'spread'),
    serverIds: list(w.servers).filter((s) => typeof s === 'number'),
    created: requiredDate(w.created),
  };
}

/** A server's `placement_group` (today's API): the group, or undefined for null, absent or unreadable. */
export function convertServerPlacementGroup(w: unknown): PlacementGroup | undefined {
  return isRecord(w) && typeof w.id === 'number' ? convertPlacementGroup(w as unknown as PlacementGroupSchema) : undefined;
}
