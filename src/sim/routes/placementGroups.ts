// Placement Groups (today's API; the 2018 mode answers 404 as for any unknown path): list (name,
// label_selector, type, sort), get, create (type spread), update (name, labels), delete (only an
// empty group: one with servers is invalid_input, as the API documents no code of its own for it).

import type { PlacementGroupSchema } from '../../api/schema';
import { invalidState, notFound, uniqueness } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import { newPlacementGroup, renderPlacementGroup } from '../placementGroups';
import type { Route, RouteContext } from '../router';
import { BodyInput, nonEmpty, QueryInput } from '../validate';
import { created, noContent, ok, only2026 } from './common';

export const PLACEMENT_GROUP_TYPES = ['spread'] as const;

function groupOf(ctx: RouteContext): PlacementGroupSchema {
  const group = ctx.world.state.placementGroups.get(ctx.params.id);
  if (!group) throw notFound('placement group', ctx.params.id);
  return group;
}

function assertNameFree(ctx: RouteContext, name: string, self?: number): void {
  for (const group of ctx.world.state.placementGroups.values()) {
    if (group.name === name && group.id !== self) throw uniqueness('name', `placement group name '${name}' is already used`);
  }
}

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const types = q.all('type', { oneOf: PLACEMENT_GROUP_TYPES });
  let groups = whereEquals([...ctx.world.state.placementGroups.values()], q.one('name'), (g) => g.name);
  if (types.length) groups = groups.filter((g) => types.includes(g.type));
  groups = whereLabels(ctx, q, groups);
  return listReply(ctx, q, groups, {
    key: 'placement_groups',
    sort: { id: (g) => g.id, name: (g) => g.name, created: (g) => g.created },
    render: renderPlacementGroup,
  });
}

function create(ctx: RouteContext) {
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { required: true, check: nonEmpty });
  input.string('type', { required: true, oneOf: PLACEMENT_GROUP_TYPES });
  const labels = input.labels();
  input.done();
  assertNameFree(ctx, name);
  const group = newPlacementGroup(ctx.world.state, { name, labels, created: ctx.world.now() });
  return created({ placement_group: renderPlacementGroup(group), action: null });
}

function update(ctx: RouteContext) {
  const group = groupOf(ctx);
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { check: nonEmpty });
  const labels = input.labels();
  input.done();
  if (typeof name === 'string') {
    assertNameFree(ctx, name, group.id);
    group.name = name;
  }
  if (labels) group.labels = labels;
  return ok({ placement_group: renderPlacementGroup(group) });
}

function remove(ctx: RouteContext) {
  const group = groupOf(ctx);
  if (group.servers.length) {
    throw invalidState(`placement group ${group.id} still holds servers ${group.servers.join(', ')}: remove them from it first`);
  }
  ctx.world.state.placementGroups.delete(group.id);
  return noContent();
}

export const placementGroupRoutes: Route[] = [
  { method: 'GET', path: '/placement_groups', handler: only2026(list) },
  { method: 'GET', path: '/placement_groups/:id', handler: only2026((ctx) => ok({ placement_group: renderPlacementGroup(groupOf(ctx)) })) },
  { method: 'POST', path: '/placement_groups', handler: only2026(create) },
  { method: 'PUT', path: '/placement_groups/:id', handler: only2026(update) },
  { method: 'DELETE', path: '/placement_groups/:id', handler: only2026(remove) },
];
