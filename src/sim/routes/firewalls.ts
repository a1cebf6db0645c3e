// Firewalls (today's API only: in the 2018 mode every path here answers as an unknown one): list,
// get, create (with rules and apply_to), update, delete; the actions are in firewallActions.ts. The
// rules (rule checks, what a firewall is applied to) are in ../firewalls.ts.

import { addTargets, assertFirewallNameFree, checkApply, firewallNameProblem, newFirewall, readRules, readTargets, renderFirewall, type SimFirewall } from '../firewalls';
import { ApiError } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import type { Handler, HttpMethod, Route, RouteContext } from '../router';
import { BodyInput, QueryInput } from '../validate';
import { resourceActionRoutes } from './actions';
import { created, find, findUnlocked, noContent, ok, only2026 } from './common';
import { applyActions, describeAppliedTo, firewallActionRoutes, hasPublicInterface } from './firewallActions';

export const renderFirewalls = (ctx: RouteContext) => (firewall: SimFirewall) => renderFirewall(firewall, ctx.world.state);

const SORT = { id: (f: SimFirewall) => f.id, name: (f: SimFirewall) => f.name, created: (f: SimFirewall) => f.created };

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const all = [...ctx.world.state.firewalls.values()];
  return listReply(ctx, q, whereLabels(ctx, q, whereEquals(all, q.one('name'), (f) => f.name)), { key: 'firewalls', sort: SORT, render: renderFirewalls(ctx) });
}

function create(ctx: RouteContext) {
  const { world } = ctx;
  const input = BodyInput.of(ctx.body);
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const name = input.string('name', { required: true, check: firewallNameProblem });
  const labels = input.labels();
  const rules = readRules(input, body, false);
  const targets = readTargets(input, body, 'apply_to', false);
  input.done();
  assertFirewallNameFree(world.state, name as string);
  checkApply(world.state, undefined, targets, hasPublicInterface(ctx), 422);
  const firewall = newFirewall(world.state, { name: name as string, labels, rules, created: world.now() });
  const actions = rules?.length ? [world.startAction({ command: 'set_firewall_rules', resources: [{ type: 'firewall', id: firewall.id }] })] : [];
  addTargets(firewall, targets);
  actions.push(...applyActions(ctx, firewall, targets));
  return created({ firewall: renderFirewalls(ctx)(firewall), actions });
}

function update(ctx: RouteContext) {
  const firewall = find<SimFirewall>(ctx, 'firewall');
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { check: firewallNameProblem }) ?? undefined;
  const labels = input.labels();
  input.done();
  if (name !== undefined) assertFirewallNameFree(ctx.world.state, name, firewall.id);
  if (name !== undefined) firewall.name = name;
  if (labels !== undefined) firewall.labels = labels;
  return ok({ firewall: renderFirewalls(ctx)(firewall) });
}

/** `resource_in_use` while the firewall is applied to anything (servers or selectors), naming them. */
function remove(ctx: RouteContext) {
  const firewall = findUnlocked<SimFirewall>(ctx, 'firewall');
  if (firewall.applied_to.length) {
    throw new ApiError('resource_in_use', `firewall ${firewall.id} is still applied to ${describeAppliedTo(ctx, firewall)}: remove it from them first`);
  }
  ctx.world.state.firewalls.delete(firewall.id);
  return noContent();
}

/** A route of today's API only (the 2018 mode answers as for an unknown path). */
const route = (method: HttpMethod, path: string, handler: Handler): Route => ({ method, path, handler: only2026(handler) });
const getOne = (ctx: RouteContext) => ok({ firewall: renderFirewalls(ctx)(find<SimFirewall>(ctx, 'firewall')) });

/** By path: the collection, one firewall, its actions. */
export const firewallRoutes: Route[] = [
  route('GET', '/firewalls', list),
  route('POST', '/firewalls', create),
  route('GET', '/firewalls/:id', getOne),
  route('PUT', '/firewalls/:id', update),
  route('DELETE', '/firewalls/:id', remove),
  ...[...firewallActionRoutes, ...resourceActionRoutes('firewalls', 'firewall')].map((r) => route(r.method, r.path, r.handler)),
];
