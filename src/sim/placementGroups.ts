// Placement Groups in the simulator's state (today's API): the group's `servers` list is the one
// record of membership; a server's `placement_group` is rendered from it. The rules of joining
// (a spread group holds at most 10 servers) live here, shared by add_to_placement_group and by
// POST /servers with `placement_group`.

import type { PlacementGroupSchema } from '../api/schema';
import type { Labels } from '../api/types';
import { ApiError } from './http';
import type { View } from './render';
import type { SimServer, SimState } from './state';
import { DAY, isoTime } from './time';

/** A spread group places each server on its own host: at most 10 servers (the live API's limit). */
export const SPREAD_GROUP_MAX_SERVERS = 10;

/** The first id of a state without a placement group counter (a seed, or a file from before). */
const FIRST_ID = 101;

export function newPlacementGroup(state: SimState, init: { name: string; labels?: Labels; created: number }): PlacementGroupSchema {
  const id = state.counters.placement_group ?? FIRST_ID;
  state.counters.placement_group = id + 1;
  const group: PlacementGroupSchema = { id, name: init.name, labels: { ...(init.labels ?? {}) }, type: 'spread', servers: [], created: isoTime(init.created) };
  state.placementGroups.set(id, group);
  return group;
}

/** The group a server is in, if any. */
export function placementGroupOf(state: SimState, serverId: number): PlacementGroupSchema | undefined {
  for (const group of state.placementGroups.values()) if (group.servers.includes(serverId)) return group;
  return undefined;
}

/** Throws `placement_error` when the group has no room for one more server. */
export function assertRoomIn(group: PlacementGroupSchema): void {
  if (group.servers.length >= SPREAD_GROUP_MAX_SERVERS) {
    throw new ApiError('placement_error', `placement group ${group.id} already holds ${SPREAD_GROUP_MAX_SERVERS} servers, the most a spread group can hold`);
  }
}

/** Moves a server into a group (null: out of any); a missing group or server leaves it out of every group. */
export function setPlacementGroup(state: SimState, serverId: number, groupId: number | null): void {
  for (const group of state.placementGroups.values()) group.servers = group.servers.filter((id) => id !== serverId);
  const next = groupId === null ? undefined : state.placementGroups.get(groupId);
  if (next && state.servers.has(serverId)) next.servers.push(serverId);
}

export function renderPlacementGroup(group: PlacementGroupSchema): PlacementGroupSchema {
  return { ...group, labels: { ...group.labels }, servers: [...group.servers] };
}

/** A server's `placement_group` in today's API: the whole group, or null. */
export function renderServerPlacementGroup(view: View, serverId: number): PlacementGroupSchema | null {
  const group = placementGroupOf(view.state, serverId);
  return group ? renderPlacementGroup(group) : null;
}

/** The demo (today's API): `production-spread` with web-1 and db-main (both in fsn1), made with them 380 days ago. */
export function seedPlacementGroups(state: SimState, base: number, web1: SimServer, db: SimServer): void {
  const group = newPlacementGroup(state, { name: 'production-spread', labels: { env: 'production' }, created: base - 380 * DAY });
  setPlacementGroup(state, web1.id, group.id);
  setPlacementGroup(state, db.id, group.id);
}
