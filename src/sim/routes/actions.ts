// GET /actions, /actions/{id}, and the per-resource action lists
// (/servers|floating_ips|images/{id}/actions[/{action_id}]) built from one function.

import { invalidInput, notFound } from '../http';
import { listReply } from '../list';
import type { Route, RouteContext } from '../router';
import type { ActionRecord, ResourceType } from '../state';
import { QueryInput } from '../validate';
import { find, ok } from './common';

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
  if (ctx.world.options.drift.refuseUnfilteredActions && !wanted.length) {
    throw invalidInput([{ name: 'id', messages: ['is required'] }], 'listing all actions is not supported: filter by id');
  }
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

/** GET /<prefix>/{id}/actions and /<prefix>/{id}/actions/{action_id} for one resource kind. */
export function resourceActionRoutes(prefix: string, type: ResourceType): Route[] {
  return [
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

export const actionRoutes: Route[] = [
  { method: 'GET', path: '/actions', handler: listAll },
  { method: 'GET', path: '/actions/:id', handler: getOne },
];
