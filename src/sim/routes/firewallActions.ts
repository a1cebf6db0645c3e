// The actions of a firewall: set_rules, apply_to_resources, remove_from_resources. Each answers
// `{ actions: [...] }`: set_firewall_rules (and apply_firewall for each server it is applied to),
// apply_firewall and remove_firewall per resource. A server applied to is `pending` in its
// `public_net.firewalls` until its action ends.

import type { ActionSchema } from '../../api/schema';
import { addTargets, checkApply, checkRemove, firewallServers, readRules, readTargets, removeTargets, serversMatching, type FirewallTarget, type SimFirewall } from '../firewalls';
import { renderServerIps } from '../primaryIps';
import type { Route, RouteContext } from '../router';
import type { SimServer } from '../state';
import { BodyInput } from '../validate';
import { created, findUnlocked } from './common';

/** Whether a server has a public IPv4 or IPv6 (else it is on private networks only). */
export const hasPublicInterface = (ctx: RouteContext) => (server: SimServer) => {
  const ips = renderServerIps(server, ctx.world.view());
  return Boolean(ips.ipv4 || ips.ipv6);
};

type Resources = Array<{ type: 'firewall' | 'server'; id: number }>;

/** One apply_firewall (or remove_firewall) per target: a server, or a selector with the servers it matches. */
function targetActions(ctx: RouteContext, firewall: SimFirewall, targets: FirewallTarget[], command: string): ActionSchema[] {
  return targets.map((t) => {
    const servers = t.type === 'server' ? [t.id] : serversMatching(ctx.world.state, t.selector);
    const resources: Resources = [{ type: 'firewall', id: firewall.id }, ...servers.map((id) => ({ type: 'server' as const, id }))];
    const steps = command === 'apply_firewall' && t.type === 'server' ? [{ at: 1, effects: [{ kind: 'patch' as const, type: 'firewall' as const, id: firewall.id, patch: { pending: { [t.id]: false } } }] }] : [];
    return ctx.world.startAction({ command, resources, steps });
  });
}

export function applyActions(ctx: RouteContext, firewall: SimFirewall, targets: FirewallTarget[]): ActionSchema[] {
  return targetActions(ctx, firewall, targets, 'apply_firewall');
}

/** `server web-1, server 43 and label selector 'env=prod'`: what a firewall is applied to, for messages. */
export function describeAppliedTo(ctx: RouteContext, firewall: SimFirewall): string {
  const names = firewall.applied_to.map((a) =>
    a.type === 'server' ? `server ${ctx.world.state.servers.get(a.server?.id as number)?.name ?? a.server?.id}` : `label selector '${a.label_selector?.selector}'`,
  );
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
}

function setRules(ctx: RouteContext) {
  const firewall = findUnlocked<SimFirewall>(ctx, 'firewall');
  const input = BodyInput.of(ctx.body);
  const rules = readRules(input, (ctx.body ?? {}) as Record<string, unknown>, true);
  input.done();
  firewall.rules = rules ?? [];
  const { world } = ctx;
  const actions = [world.startAction({ command: 'set_firewall_rules', resources: [{ type: 'firewall', id: firewall.id }] })];
  for (const id of firewallServers(world.state, firewall)) {
    actions.push(world.startAction({ command: 'apply_firewall', resources: [{ type: 'firewall', id: firewall.id }, { type: 'server', id }] }));
  }
  return created({ actions });
}

function apply(ctx: RouteContext) {
  const firewall = findUnlocked<SimFirewall>(ctx, 'firewall');
  const input = BodyInput.of(ctx.body);
  const targets = readTargets(input, (ctx.body ?? {}) as Record<string, unknown>, 'apply_to', true);
  input.done();
  checkApply(ctx.world.state, firewall, targets, hasPublicInterface(ctx), 404);
  addTargets(firewall, targets);
  return created({ actions: applyActions(ctx, firewall, targets) });
}

function removeFrom(ctx: RouteContext) {
  const firewall = findUnlocked<SimFirewall>(ctx, 'firewall');
  const input = BodyInput.of(ctx.body);
  const targets = readTargets(input, (ctx.body ?? {}) as Record<string, unknown>, 'remove_from', true);
  input.done();
  checkRemove(ctx.world.state, firewall, targets);
  const actions = targetActions(ctx, firewall, targets, 'remove_firewall');
  removeTargets(firewall, targets);
  return created({ actions });
}

export const firewallActionRoutes: Route[] = [
  { method: 'POST', path: '/firewalls/:id/actions/set_rules', handler: setRules },
  { method: 'POST', path: '/firewalls/:id/actions/apply_to_resources', handler: apply },
  { method: 'POST', path: '/firewalls/:id/actions/remove_from_resources', handler: removeFrom },
];
