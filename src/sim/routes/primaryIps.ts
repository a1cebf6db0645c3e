// Primary IPs (today's API only; the 2018 mode answers 404 as for any unknown path): list (name,
// label_selector, ip), get, create (assigned to a server or in a location), update (name, labels,
// auto_delete), delete, and their actions (assign, unassign, change_dns_ptr, change_protection).
// Assign and unassign need the server off; the rules and codes are those of the API changelog.

import type { LocationSchema, PrimaryIpSchema } from '../../api/schema';
import { ApiError, invalidField, invalidInput, isProtected, uniqueness } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import { defaultIpv4Ptr } from '../net';
import { newPrimaryIp, primaryIpOf, type IpFamily } from '../primaryIps';
import { renderLocation } from '../render';
import type { Route, RouteContext } from '../router';
import { byIdOrName, type Effect, type SimServer } from '../state';
import { BodyInput, nonEmpty, QueryInput } from '../validate';
import { resourceActionRoutes } from './actions';
import { actionReply, created, deleteProtectionAction, find, findUnlocked, noContent, ok, only2026, patchAction } from './common';
import { readDnsPtr, withPtr } from './dnsPtr';

const render = (ctx: RouteContext) => (pip: PrimaryIpSchema): PrimaryIpSchema => ({
  ...pip,
  location: renderLocation(pip.location, ctx.world.view()),
  assignee_type: pip.assignee_id === null ? 'unassigned' : 'server',
  dns_ptr: pip.dns_ptr.map((d) => ({ ...d })),
  labels: { ...pip.labels },
});

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const byName = whereEquals([...ctx.world.state.primaryIps.values()], q.one('name'), (p) => p.name);
  const pips = whereLabels(ctx, q, whereEquals(byName, q.one('ip'), (p) => p.ip));
  return listReply(ctx, q, pips, { key: 'primary_ips', sort: { id: (p) => p.id, created: (p) => p.created }, render: render(ctx) });
}

function assertNameFree(ctx: RouteContext, name: string, self?: number): void {
  for (const pip of ctx.world.state.primaryIps.values()) {
    if (pip.name === name && pip.id !== self) throw uniqueness('name', `Primary IP name '${name}' is already used`);
  }
}

/** The server a Primary IP of `family` may be assigned to: off, without one of that family, in `location`. */
function assignableServer(ctx: RouteContext, serverId: number, family: IpFamily, location?: LocationSchema): SimServer {
  const server = ctx.world.state.servers.get(serverId);
  if (!server) throw invalidField('assignee_id', `server ${serverId} not found`);
  ctx.world.assertUnlocked('server', serverId);
  if (location && server.datacenter?.location.name !== location.name) {
    throw invalidField('assignee_id', `server ${serverId} is in ${server.datacenter?.location.name}, the Primary IP in ${location.name}`);
  }
  if (server.status !== 'off') throw new ApiError('server_not_stopped', `server ${serverId} must be powered off`);
  if (primaryIpOf(ctx.world.state, server, family)) throw new ApiError(`server_has_${family}`, `server ${serverId} already has an ${family} address`);
  return server;
}

function startAssign(ctx: RouteContext, pip: PrimaryIpSchema, serverId: number | null) {
  const affected = serverId ?? pip.assignee_id;
  return ctx.world.startAction({
    command: serverId === null ? 'unassign_primary_ip' : 'assign_primary_ip',
    resources: [{ type: 'primary_ip', id: pip.id }, ...(affected === null ? [] : [{ type: 'server' as const, id: affected }])],
    steps: [{ at: 1, effects: [{ kind: 'assign_primary_ip', id: pip.id, server: serverId }] }],
  });
}

function create(ctx: RouteContext) {
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { required: true, check: nonEmpty });
  const type = input.string('type', { required: true, oneOf: ['ipv4', 'ipv6'] }) as IpFamily;
  input.string('assignee_type', { required: true, oneOf: ['server'] });
  const serverId = input.integer('assignee_id');
  const locationRef = input.ref('location');
  const autoDelete = input.boolean('auto_delete') ?? false;
  const labels = input.labels();
  // Removed from the API on 2026-07-01 (the API changelog): `location` replaces it.
  if (input.has('datacenter')) input.fail('datacenter', 'the datacenter field was removed from the API: use location');
  if (serverId !== undefined && locationRef !== undefined) input.fail('location', 'assignee_id and location are mutually exclusive');
  input.done();
  assertNameFree(ctx, name);
  if (serverId === undefined && locationRef === undefined) {
    const message = 'assignee_id or location is required';
    throw invalidInput([{ name: 'assignee_id', messages: [message] }, { name: 'location', messages: [message] }]);
  }
  const server = serverId === undefined ? undefined : assignableServer(ctx, serverId, type);
  const location = server ? server.datacenter?.location : byIdOrName(ctx.world.state.locations, locationRef);
  if (!location) throw invalidField('location', `location '${locationRef}' not found`);
  const pip = newPrimaryIp(ctx.world.state, { type, location, name, autoDelete, labels, created: ctx.world.now() });
  const action = server ? startAssign(ctx, pip, server.id) : null;
  return created({ primary_ip: render(ctx)(pip), action });
}

function update(ctx: RouteContext) {
  const pip = find<PrimaryIpSchema>(ctx, 'primary_ip');
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { check: nonEmpty });
  const labels = input.labels();
  const autoDelete = input.boolean('auto_delete');
  input.done();
  if (typeof name === 'string') assertNameFree(ctx, name, pip.id);
  if (typeof name === 'string') pip.name = name;
  if (labels) pip.labels = labels;
  if (autoDelete !== undefined) pip.auto_delete = autoDelete;
  return ok({ primary_ip: render(ctx)(pip) });
}

function remove(ctx: RouteContext) {
  const pip = findUnlocked<PrimaryIpSchema>(ctx, 'primary_ip');
  if (pip.protection.delete) throw isProtected('Primary IP', pip.id);
  // Since 2026-05-01 the API no longer unassigns on delete (the OpenAPI description).
  if (pip.assignee_id !== null) throw new ApiError('must_be_unassigned', `Primary IP ${pip.id} is assigned to server ${pip.assignee_id}: unassign it first`);
  ctx.world.state.primaryIps.delete(pip.id);
  return noContent();
}

function assign(ctx: RouteContext) {
  const pip = findUnlocked<PrimaryIpSchema>(ctx, 'primary_ip');
  const input = BodyInput.of(ctx.body);
  const serverId = input.integer('assignee_id', { required: true });
  input.string('assignee_type', { required: true, oneOf: ['server'] });
  input.done();
  if (pip.assignee_id !== null) throw new ApiError('primary_ip_already_assigned', `Primary IP ${pip.id} is already assigned to server ${pip.assignee_id}`);
  const server = assignableServer(ctx, serverId as number, pip.type, pip.location);
  return actionReply(startAssign(ctx, pip, server.id));
}

function unassign(ctx: RouteContext) {
  const pip = findUnlocked<PrimaryIpSchema>(ctx, 'primary_ip');
  const server = pip.assignee_id === null ? undefined : ctx.world.state.servers.get(pip.assignee_id);
  if (server) {
    ctx.world.assertUnlocked('server', server.id);
    if (server.status !== 'off') throw new ApiError('server_not_stopped', `server ${server.id} must be powered off`);
  }
  return actionReply(startAssign(ctx, pip, null));
}

/** The patch of a Primary IP's PTR list for a change_dns_ptr body that names one of `pips`' addresses. */
function ptrEffect(ctx: RouteContext, v4: PrimaryIpSchema | undefined, v6: PrimaryIpSchema | undefined): Effect {
  const change = readDnsPtr(ctx, v4?.ip, v6?.ip);
  const pip = (change.family === 'ipv4' ? v4 : v6) as PrimaryIpSchema;
  const ptr = change.dnsPtr ?? (change.family === 'ipv4' ? defaultIpv4Ptr(pip.ip) : null);
  return { kind: 'patch', type: 'primary_ip', id: pip.id, patch: { dns_ptr: withPtr(pip.dns_ptr, change.ip, ptr) } };
}

function changeDnsPtr(ctx: RouteContext) {
  const pip = findUnlocked<PrimaryIpSchema>(ctx, 'primary_ip');
  const effect = ptrEffect(ctx, pip.type === 'ipv4' ? pip : undefined, pip.type === 'ipv6' ? pip : undefined);
  return actionReply(patchAction(ctx, 'primary_ip', 'change_dns_ptr', (effect as { patch: Record<string, unknown> }).patch));
}

/**
 * A 2026 server's change_dns_ptr: the reverse DNS belongs to its Primary IPs, so the effect patches the
 * Primary IP of the address. Undefined for a server without Primary IPs (the 2018 mode).
 */
export function serverPtrEffect(ctx: RouteContext, server: SimServer): Effect | undefined {
  if (server.public_net.ipv4.id === undefined && server.public_net.ipv6.id === undefined) return undefined;
  const { state } = ctx.world;
  return ptrEffect(ctx, primaryIpOf(state, server, 'ipv4'), primaryIpOf(state, server, 'ipv6'));
}

/** change_protection: delete protection only while `auto_delete` is off (the API's rule). */
function changeProtection(ctx: RouteContext) {
  const pip = find<PrimaryIpSchema>(ctx, 'primary_ip');
  if (BodyInput.of(ctx.body).boolean('delete') === true && pip.auto_delete) {
    throw invalidField('delete', 'delete protection needs auto_delete to be off');
  }
  return deleteProtectionAction(ctx, 'primary_ip');
}

const routes: Route[] = [
  { method: 'GET', path: '/primary_ips', handler: list },
  { method: 'GET', path: '/primary_ips/:id', handler: (ctx) => ok({ primary_ip: render(ctx)(find<PrimaryIpSchema>(ctx, 'primary_ip')) }) },
  { method: 'POST', path: '/primary_ips', handler: create },
  { method: 'PUT', path: '/primary_ips/:id', handler: update },
  { method: 'DELETE', path: '/primary_ips/:id', handler: remove },
  ...resourceActionRoutes('primary_ips', 'primary_ip'),
  { method: 'POST', path: '/primary_ips/:id/actions/assign', handler: assign },
  { method: 'POST', path: '/primary_ips/:id/actions/unassign', handler: unassign },
  { method: 'POST', path: '/primary_ips/:id/actions/change_dns_ptr', handler: changeDnsPtr },
  { method: 'POST', path: '/primary_ips/:id/actions/change_protection', handler: changeProtection },
];

export const primaryIpRoutes: Route[] = routes.map((r) => ({ ...r, handler: only2026(r.handler) }));
