// The placement group server actions of today's API (the 2018 mode answers 404 as for any unknown
// path), and `placement_group` of POST /servers:
// - add_to_placement_group: the server must be off (`server_not_stopped`) and in no group yet
//   (`server_already_attached`); a full spread group is `placement_error`; an unknown group is
//   invalid_input on `placement_group`.
// - remove_from_placement_group: a server in no group is invalid_input.
// Membership changes when the request is accepted (so two requests cannot overfill a group); a
// failed action puts the server back where it was.

import type { PlacementGroupSchema } from '../../api/schema';
import { ApiError, invalidField, invalidState } from '../http';
import { assertRoomIn, placementGroupOf, setPlacementGroup } from '../placementGroups';
import type { Route, RouteContext } from '../router';
import type { SimServer } from '../state';
import { BodyInput } from '../validate';
import { actionReply, findUnlocked, only2026 } from './common';

/** The group named by the `placement_group` field, or a field error. */
function namedGroup(ctx: RouteContext, id: number): PlacementGroupSchema {
  const group = ctx.world.state.placementGroups.get(id);
  if (!group) throw invalidField('placement_group', `placement group ${id} not found`);
  return group;
}

function move(ctx: RouteContext, server: SimServer, command: string, group: PlacementGroupSchema | undefined) {
  const previous = placementGroupOf(ctx.world.state, server.id)?.id ?? null;
  setPlacementGroup(ctx.world.state, server.id, group?.id ?? null);
  return actionReply(
    ctx.world.startAction({
      command,
      resources: [{ type: 'server', id: server.id }],
      onError: [{ kind: 'placement_group', server: server.id, group: previous }],
    }),
  );
}

function add(ctx: RouteContext) {
  const server = findUnlocked<SimServer>(ctx, 'server');
  const input = BodyInput.of(ctx.body);
  const id = input.integer('placement_group', { required: true });
  input.done();
  const group = namedGroup(ctx, id as number);
  if (server.status !== 'off') throw new ApiError('server_not_stopped', `server ${server.id} must be off to be added to a placement group (status: ${server.status})`);
  const current = placementGroupOf(ctx.world.state, server.id);
  if (current) throw new ApiError('server_already_attached', `server ${server.id} is already in placement group ${current.id}: remove it from that group first`);
  assertRoomIn(group);
  return move(ctx, server, 'add_to_placement_group', group);
}

function remove(ctx: RouteContext) {
  const server = findUnlocked<SimServer>(ctx, 'server');
  if (!placementGroupOf(ctx.world.state, server.id)) throw invalidState(`server ${server.id} is not in a placement group`);
  return move(ctx, server, 'remove_from_placement_group', undefined);
}

/**
 * POST /servers with `placement_group` (today's API): checks the group before the server is made and
 * returns what puts the new server into it (a no-op without a group, and in the 2018 mode, where the
 * field is unknown and ignored).
 */
export function placementForCreate(ctx: RouteContext): (serverId: number) => void {
  if (ctx.world.api !== '2026') return () => undefined;
  const input = BodyInput.of(ctx.body);
  const id = input.integer('placement_group');
  input.done();
  if (id === undefined) return () => undefined;
  const group = namedGroup(ctx, id);
  assertRoomIn(group);
  return (serverId) => setPlacementGroup(ctx.world.state, serverId, group.id);
}

export const serverPlacementActionRoutes: Route[] = [
  { method: 'POST', path: '/servers/:id/actions/add_to_placement_group', handler: only2026(add) },
  { method: 'POST', path: '/servers/:id/actions/remove_from_placement_group', handler: only2026(remove) },
];
