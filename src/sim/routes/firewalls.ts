// Firewalls (today's API only: in the 2018 mode every path here answers as an unknown one): list,
// get, create (with rules and apply_to), update, delete; the actions are in firewallActions.ts. The
// rules (rule checks, what a firewall is applied to) are in ../firewalls.ts.

import { addTargets, assertFirewallNameFree, checkApply, firewallNameProblem, newFirewall, readRules, readTargets, renderFirewall, type SimFirewall } from '../firewalls';
import { ApiError } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import type { Route, RouteContext } from '../router';
import { BodyInput, QueryInput } from '../validate';
import { resourceActionRoutes } from './actions';
import { created, find, findUnlocked, noContent, ok, only2026 } from './common';
import { applyActions, describeAppliedTo, firewallActionRoutes, hasPublicInterface } from './firewallActions';

export const renderFirewalls = (ctx: RouteContext) => (firewall: SimFirewall) => renderFirewall(firewall, ctx.world.state);

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const firewalls = whereLabels(ctx, q, whereEquals([...ctx.world.state.firewalls.values()], q.one('name'), (f) => f.name));
  return listReply(ctx, q, firewalls, {
    key: 'firewalls',
    sort: { id: (f) => f.id, name: (f) => f.name, created: (f) => f.created },
    render: renderFirewalls(ctx),
  });
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

/** By path: the collection, one firewall, its actions. */
const routes: Route[] = [
  { method: 'GET', path: '/firewalls', handler: list },
  { method: 'POST', path: '/firewalls', handler: create },
  { method: 'GET', path: '/firewalls/:id', handler: (ctx) => ok({ firewall: renderFirewalls(ctx)(find<SimFirewall>(ctx, 'firewall')) }) },
  { method: 'PUT', path: '/firewalls/:id', handler: update },
  { method: 'DELETE', path: '/firewalls/:id', handler: remove },
  ...firewallActionRoutes,
  ...resourceActionRoutes('firewalls', 'firewall'),
];

export const firewallRoutes: Route[] = routes.map((r) => ({ ...r, handler: only2026(r.handler) }));
