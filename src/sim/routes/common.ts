// Small helpers every route file uses: replies, lookups that 404, and the checks before an
// action starts (exists, not locked).

import type { ActionSchema } from '../../api/schema';
import { ApiError, notFound, type Reply } from '../http';
import type { Handler, RouteContext } from '../router';
import { entityMap, type ResourceType } from '../state';
import { BodyInput } from '../validate';

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const created = (body: unknown): Reply => ({ status: 201, body });
export const noContent = (): Reply => ({ status: 204 });

const LABEL: Record<ResourceType, string> = { server: 'server', floating_ip: 'Floating IP', image: 'image',
  primary_ip: 'Primary IP', network: 'network', volume: 'Volume',
  firewall: 'Firewall' };

/** The resource named by `:id`, or 404. */
export function find<T>(ctx: RouteContext, type: ResourceType): T {
  const id = ctx.params.id;
  const entity = entityMap(ctx.world.state, type).get(id);
  if (!entity) throw notFound(LABEL[type], id);
  return entity as T;
}

/** The resource named by `:id` when no action runs on it; 404 or 423 otherwise. */
export function findUnlocked<T>(ctx: RouteContext, type: ResourceType): T {
  const entity = find<T>(ctx, type);
  ctx.world.assertUnlocked(type, ctx.params.id);
  return entity;
}

export const actionReply = (action: ActionSchema, extra: Record<string, unknown> = {}): Reply => created({ action, ...extra });

/** Starts an action on one resource whose only effect is a patch of it when the action succeeds. */
export function patchAction(ctx: RouteContext, type: ResourceType, command: string, patch: Record<string, unknown>): ActionSchema {
  const id = ctx.params.id;
  return ctx.world.startAction({ command, resources: [{ type, id }], steps: [{ at: 1, effects: [{ kind: 'patch', type, id, patch }] }] });
}

/** change_protection of Floating IPs and images: `delete` only. */
export function deleteProtectionAction(ctx: RouteContext, type: ResourceType): Reply {
  findUnlocked(ctx, type);
  const input = BodyInput.of(ctx.body);
  const del = input.boolean('delete');
  input.done();
  return actionReply(patchAction(ctx, type, 'change_protection', del === undefined ? {} : { protection: { delete: del } }));
}

/** An endpoint of today's API only: the 2018 mode answers 404 as for any unknown path. */
export function only2026(handler: Handler): Handler {
  return (ctx) => {
    if (ctx.world.api === '2018') throw notFound('resource');
    return handler(ctx);
  };
}

/** The answer of an endpoint today's API has removed (the API changelog): 410 `deprecated_api_endpoint`. */
export function deprecatedEndpoint(what: string): ApiError {
  return new ApiError('deprecated_api_endpoint', `${what} was removed from the API`, {}, 410);
}
