// Floating IPs: list, get, create (with an optional assign action), update, delete, and their
// actions (assign, unassign, change_dns_ptr, change_protection). Today's API adds `name`
// (unique per project), `labels` and `created`.

import type { FloatingIpSchema, LocationSchema } from '../../api/schema';
import { applyEffect } from '../effects';
import { newFloatingIp } from '../factory';
import { invalidField, invalidInput, isProtected, uniqueness } from '../http';
import { listReply, whereEquals, whereLabels, type SortValue } from '../list';
import { defaultIpv4Ptr } from '../net';
import { renderFloatingIp } from '../render';
import type { Route, RouteContext } from '../router';
import { byIdOrName, type ResourceType, type SimServer } from '../state';
import { BodyInput, nonEmpty, QueryInput } from '../validate';
import { resourceActionRoutes } from './actions';
import { actionReply, created, deleteProtectionAction, find, findUnlocked, noContent, ok, patchAction } from './common';
import { readDnsPtr, withPtr } from './dnsPtr';

const render = (ctx: RouteContext) => {
  const view = ctx.world.view();
  return (fip: FloatingIpSchema) => renderFloatingIp(fip, view);
};

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  let fips = [...ctx.world.state.floatingIps.values()];
  if (ctx.world.api === '2026') fips = whereLabels(ctx, q, whereEquals(fips, q.one('name'), (f) => f.name));
  const sort: Record<string, SortValue<FloatingIpSchema>> = { id: (f) => f.id };
  if (ctx.world.api === '2026') sort.created = (f) => f.created ?? null;
  return listReply(ctx, q, fips, { key: 'floating_ips', sort, render: render(ctx) });
}

function assertNameFree(ctx: RouteContext, name: string, self?: number): void {
  for (const fip of ctx.world.state.floatingIps.values()) {
    if (fip.name === name && fip.id !== self) throw uniqueness('name', `Floating IP name '${name}' is already used`);
  }
}

/** The server of a `server` field: it must exist and have no running action. */
function targetServer(ctx: RouteContext, id: number): SimServer {
  const server = ctx.world.state.servers.get(id);
  if (!server) throw invalidField('server', `server ${id} not found`);
  ctx.world.assertUnlocked('server', id);
  return server;
}

function startAssign(ctx: RouteContext, fip: FloatingIpSchema, server: SimServer | undefined) {
  const resources: Array<{ type: ResourceType; id: number }> = [{ type: 'floating_ip', id: fip.id }];
  const serverId = server?.id ?? fip.server;
  if (serverId !== null) resources.push({ type: 'server', id: serverId });
  return ctx.world.startAction({
    command: server ? 'assign_floating_ip' : 'unassign_floating_ip',
    resources,
    steps: [{ at: 1, effects: [{ kind: 'assign_floating_ip', id: fip.id, server: server?.id ?? null }] }],
  });
}

function create(ctx: RouteContext) {
  const input = BodyInput.of(ctx.body);
  const type = input.string('type', { required: true, oneOf: ['ipv4', 'ipv6'] });
  const serverId = input.integer('server');
  const homeRef = input.ref('home_location');
  const description = input.string('description', { nullable: true });
  const today = ctx.world.api === '2026';
  const name = today ? input.string('name', { check: nonEmpty }) : undefined;
  const labels = today ? input.labels() : undefined;
  input.done();
  if (typeof name === 'string') assertNameFree(ctx, name);
  if (serverId === undefined && homeRef === undefined) {
    const message = 'server or home_location is required';
    throw invalidInput([{ name: 'server', messages: [message] }, { name: 'home_location', messages: [message] }]);
  }
  const server = serverId === undefined ? undefined : targetServer(ctx, serverId);
  let home: LocationSchema | undefined = server?.datacenter?.location;
  if (homeRef !== undefined) {
    home = byIdOrName(ctx.world.state.locations, homeRef);
    if (!home) throw invalidField('home_location', `location '${homeRef}' not found`);
  }
  const fip = newFloatingIp(ctx.world.state, {
    type: type as 'ipv4' | 'ipv6',
    home: home as LocationSchema,
    description: description ?? null,
    name: name ?? undefined,
    labels,
    created: ctx.world.now(),
  });
  const action = server ? startAssign(ctx, fip, server) : undefined;
  const wire = render(ctx)(fip);
  return created(action ? { floating_ip: wire, action } : { floating_ip: wire });
}

function update(ctx: RouteContext) {
  const fip = find<FloatingIpSchema>(ctx, 'floating_ip');
  const input = BodyInput.of(ctx.body);
  const description = input.string('description', { nullable: true });
  const today = ctx.world.api === '2026';
  const name = today ? input.string('name', { check: nonEmpty }) : undefined;
  const labels = today ? input.labels() : undefined;
  input.done();
  if (typeof name === 'string') assertNameFree(ctx, name, fip.id);
  if (description !== undefined) fip.description = description;
  if (typeof name === 'string') fip.name = name;
  if (labels) fip.labels = labels;
  return ok({ floating_ip: render(ctx)(fip) });
}

function remove(ctx: RouteContext) {
  const fip = findUnlocked<FloatingIpSchema>(ctx, 'floating_ip');
  if (fip.protection.delete) throw isProtected('Floating IP', fip.id);
  applyEffect(ctx.world.state, { kind: 'assign_floating_ip', id: fip.id, server: null });
  ctx.world.state.floatingIps.delete(fip.id);
  return noContent();
}

function assign(ctx: RouteContext) {
  const fip = findUnlocked<FloatingIpSchema>(ctx, 'floating_ip');
  const input = BodyInput.of(ctx.body);
  const serverId = input.integer('server', { required: true });
  input.done();
  return actionReply(startAssign(ctx, fip, targetServer(ctx, serverId as number)));
}

function unassign(ctx: RouteContext) {
  const fip = findUnlocked<FloatingIpSchema>(ctx, 'floating_ip');
  if (fip.server !== null) ctx.world.assertUnlocked('server', fip.server);
  return actionReply(startAssign(ctx, fip, undefined));
}

function changeDnsPtr(ctx: RouteContext) {
  const fip = findUnlocked<FloatingIpSchema>(ctx, 'floating_ip');
  const change = fip.type === 'ipv4' ? readDnsPtr(ctx, fip.ip, undefined) : readDnsPtr(ctx, undefined, fip.ip);
  const ptr = change.dnsPtr ?? (fip.type === 'ipv4' ? defaultIpv4Ptr(fip.ip) : null);
  return actionReply(patchAction(ctx, 'floating_ip', 'change_dns_ptr', { dns_ptr: withPtr(fip.dns_ptr, change.ip, ptr) }));
}

export const floatingIpRoutes: Route[] = [
  { method: 'GET', path: '/floating_ips', handler: list },
  { method: 'GET', path: '/floating_ips/:id', handler: (ctx) => ok({ floating_ip: render(ctx)(find<FloatingIpSchema>(ctx, 'floating_ip')) }) },
  { method: 'POST', path: '/floating_ips', handler: create },
  { method: 'PUT', path: '/floating_ips/:id', handler: update },
  { method: 'DELETE', path: '/floating_ips/:id', handler: remove },
  ...resourceActionRoutes('floating_ips', 'floating_ip'),
  { method: 'POST', path: '/floating_ips/:id/actions/assign', handler: assign },
  { method: 'POST', path: '/floating_ips/:id/actions/unassign', handler: unassign },
  { method: 'POST', path: '/floating_ips/:id/actions/change_dns_ptr', handler: changeDnsPtr },
  { method: 'POST', path: '/floating_ips/:id/actions/change_protection', handler: (ctx) => deleteProtectionAction(ctx, 'floating_ip') },
];
