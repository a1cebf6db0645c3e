// GET /actions, /actions/{id}, the per-resource action lists
// (/servers|floating_ips|images/{id}/actions[/{action_id}]) and today's per-kind lists
// (/servers|floating_ips|images/actions[/{id}]) built from one function.
//
// Today's API refuses an unfiltered GET /actions (410 deprecated_api_endpoint, as the simulator
// answers for the datacenters: the API changelog). A per-kind list holds the actions started
// on a resource of that kind (the first of their `resources`), so the three lists do not overlap.

import { notFound } from '../http';
import { listReply } from '../list';
import type { Route, RouteContext } from '../router';
import type { ActionRecord, ResourceType } from '../state';
import { QueryInput } from '../validate';
import { deprecatedEndpoint, find, ok, only2026 } from './common';

const STATUSES = ['running', 'success', 'error'] as const;

const ACTION_SORT = {
  id: (r: ActionRecord) => r.action.id,
  command: (r: ActionRecord) => r.action.command,
  status: (r: ActionRecord) => r.action.status,
  progress: (r: ActionRecord) => r.action.progress,
  started: (r: ActionRecord) => r.startedMs,
  finished: (r: ActionRecord) => (r.action.finished === null ? null : r.endMs),
};

function actionList(ctx: RouteContext, records: ActionRecord[]) {
  const q = new QueryInput(ctx.query);
  const statuses: string[] = q.all('status', { oneOf: STATUSES });
  const filtered = statuses.length ? records.filter((r) => statuses.includes(r.action.status)) : records;
  return listReply(ctx, q, filtered, { key: 'actions', sort: ACTION_SORT, render: (r) => r.action });
}

function listAll(ctx: RouteContext) {
  const ids = new QueryInput(ctx.query);
  const wanted = ids.integers('id');
  ids.done();
  if (ctx.world.api === '2026' && !wanted.length) throw deprecatedEndpoint('listing all actions without an id filter');
  const records = wanted.length
    ? wanted.flatMap((id) => ctx.world.state.actions.get(id) ?? []).sort((a, b) => a.action.id - b.action.id)
    : [...ctx.world.state.actions.values()];
  return actionList(ctx, records);
}

function getOne(ctx: RouteContext) {
  const record = ctx.world.state.actions.get(ctx.params.id);
  if (!record) throw notFound('action', ctx.params.id);
  return ok({ action: record.action });
}

/** GET /<prefix>/{id}/actions and /<prefix>/{id}/actions/{action_id} for one resource kind, and its per-kind lists. */
export function resourceActionRoutes(prefix: string, type: ResourceType): Route[] {
  return [
    ...kindActionRoutes(prefix, type),
    {
      method: 'GET',
      path: `/${prefix}/:id/actions`,
      handler: (ctx) => {
        find(ctx, type);
        return actionList(ctx, ctx.world.actionsOf(type, ctx.params.id));
      },
    },
    {
      method: 'GET',
      path: `/${prefix}/:id/actions/:action_id`,
      handler: (ctx) => {
        find(ctx, type);
        const record = ctx.world.actionsOf(type, ctx.params.id).find((r) => r.action.id === ctx.params.action_id);
        if (!record) throw notFound('action', ctx.params.action_id);
        return ok({ action: record.action });
      },
    },
  ];
}

/** GET /<prefix>/actions and /<prefix>/actions/{id} (today's API): the actions of one resource kind. */
export function kindActionRoutes(prefix: string, type: ResourceType): Route[] {
  const ofKind = (record: ActionRecord) => record.action.resources[0]?.type === type;
  return [
    {
      method: 'GET',
      path: `/${prefix}/actions`,
      handler: only2026((ctx) => {
        const ids = new QueryInput(ctx.query);
        const wanted = ids.integers('id');
        ids.done();
        const all = [...ctx.world.state.actions.values()].filter(ofKind);
        return actionList(ctx, wanted.length ? all.filter((r) => wanted.includes(r.action.id)) : all);
      }),
    },
    {
      method: 'GET',
      path: `/${prefix}/actions/:id`,
      handler: only2026((ctx) => {
        const record = ctx.world.state.actions.get(ctx.params.id);
        if (!record || !ofKind(record)) throw notFound('action', ctx.params.id);
        return ok({ action: record.action });
      }),
    },
  ];
}

export const actionRoutes: Route[] = [
  { method: 'GET', path: '/actions', handler: listAll },
  { method: 'GET', path: '/actions/:id', handler: getOne },
];
