// Networks (today's API only; the 2018 mode answers 404 as for any unknown path): list (name,
// label_selector), get, create, update, delete, the actions add_subnet, delete_subnet, add_route,
// delete_route, change_ip_range, change_protection, and the action lists. A Network is created,
// changed and deleted at once; its actions change it when they succeed (the Network is locked
// meanwhile). Deleting it detaches its servers, as the API does.

import { cidrHasIp, networkRangeProblem, parseCidr, parseIpv4, type Cidr } from '../../api/cidr';
import type { RouteSchema } from '../../api/schema';
import { invalidField, isProtected, uniqueness } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import { newNetwork, renderNetwork } from '../networks';
import type { Route, RouteContext } from '../router';
import type { SimNetwork } from '../state';
import { BodyInput, nonEmpty, QueryInput } from '../validate';
import { resourceActionRoutes } from './actions';
import { checkRoute, networkZones, placeSubnet, readNested, readRoute, readSubnet, type NetworkShape } from './networkRules';
import { actionReply, created, deleteProtectionAction, find, findUnlocked, noContent, ok, only2026, patchAction } from './common';

const rangeCheck = (value: string) => networkRangeProblem(value);

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const networks = whereLabels(ctx, q, whereEquals([...ctx.world.state.networks.values()], q.one('name'), (n) => n.name));
  return listReply(ctx, q, networks, { key: 'networks', sort: { id: (n) => n.id, name: (n) => n.name, created: (n) => n.created }, render: (n) => renderNetwork(n, ctx.world.state) });
}

function assertNameFree(ctx: RouteContext, name: string, self?: number): void {
  for (const n of ctx.world.state.networks.values()) {
    if (n.name === name && n.id !== self) throw uniqueness('name', `network name '${name}' is already used`);
  }
}

/** The create body's array `field`, or [] when absent. */
function arrayOf(ctx: RouteContext, input: BodyInput, field: string): unknown[] {
  const value = (ctx.body as Record<string, unknown>)[field];
  if (value === undefined) return [];
  if (Array.isArray(value)) return value;
  input.fail(field, 'must be an array');
  return [];
}

function create(ctx: RouteContext) {
  const { state } = ctx.world;
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { required: true, check: nonEmpty });
  const ipRange = input.string('ip_range', { required: true, check: rangeCheck });
  const labels = input.labels();
  const expose = input.boolean('expose_routes_to_vswitch');
  const subnetBodies = arrayOf(ctx, input, 'subnets');
  const routeBodies = arrayOf(ctx, input, 'routes');
  input.done();
  assertNameFree(ctx, name);
  const zones = networkZones(state);
  const shape: NetworkShape = { ip_range: ipRange, subnets: [], routes: [] };
  subnetBodies.forEach((body, i) => {
    const s = readNested(body, `subnets[${i}]`, (b) => readSubnet(b, zones));
    shape.subnets.push(placeSubnet(state, shape, s, `subnets[${i}].`));
  });
  routeBodies.forEach((body, i) => {
    const r = readNested(body, `routes[${i}]`, readRoute);
    checkRoute(shape, r, `routes[${i}].`);
    shape.routes.push(r);
  });
  const network = newNetwork(state, {
    name,
    ipRange,
    subnets: shape.subnets,
    routes: shape.routes,
    labels,
    exposeRoutesToVswitch: expose,
    created: ctx.world.now(),
  });
  return created({ network: renderNetwork(network, ctx.world.state) });
}

function update(ctx: RouteContext) {
  const network = find<SimNetwork>(ctx, 'network');
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { check: nonEmpty });
  const labels = input.labels();
  const expose = input.boolean('expose_routes_to_vswitch');
  input.done();
  if (typeof name === 'string') assertNameFree(ctx, name, network.id);
  if (typeof name === 'string') network.name = name;
  if (labels) network.labels = labels;
  if (expose !== undefined) network.expose_routes_to_vswitch = expose;
  return ok({ network: renderNetwork(network, ctx.world.state) });
}

function remove(ctx: RouteContext) {
  const network = findUnlocked<SimNetwork>(ctx, 'network');
  if (network.protection.delete) throw isProtected('network', network.id);
  // The API detaches attached servers: they leave with the Network's attachments.
  ctx.world.state.networks.delete(network.id);
  return noContent();
}

const patch = (ctx: RouteContext, command: string, change: Partial<SimNetwork>) => actionReply(patchAction(ctx, 'network', command, change));

function addSubnet(ctx: RouteContext) {
  const network = findUnlocked<SimNetwork>(ctx, 'network');
  const s = readSubnet(BodyInput.of(ctx.body), networkZones(ctx.world.state));
  const subnet = placeSubnet(ctx.world.state, network, s);
  return patch(ctx, 'add_subnet', { subnets: [...network.subnets, subnet] });
}

function deleteSubnet(ctx: RouteContext) {
  const network = findUnlocked<SimNetwork>(ctx, 'network');
  const input = BodyInput.of(ctx.body);
  const ipRange = input.string('ip_range', { required: true });
  input.done();
  const subnet = network.subnets.find((s) => s.ip_range === ipRange);
  if (!subnet) throw invalidField('ip_range', `the network has no subnet ${ipRange}`);
  const range = parseCidr(subnet.ip_range) as Cidr;
  const inside = network.attachments.filter((a) => [a.ip, ...a.alias_ips].some((ip) => cidrHasIp(range, parseIpv4(ip) ?? -1)));
  if (inside.length) {
    throw invalidField('ip_range', `servers ${inside.map((a) => a.server).join(', ')} are attached in subnet ${ipRange}: detach them first`);
  }
  return patch(ctx, 'delete_subnet', { subnets: network.subnets.filter((s) => s !== subnet) });
}

const sameRoute = (a: RouteSchema, b: RouteSchema) => a.destination === b.destination && a.gateway === b.gateway;

function addRoute(ctx: RouteContext) {
  const network = findUnlocked<SimNetwork>(ctx, 'network');
  const route = readRoute(BodyInput.of(ctx.body));
  checkRoute(network, route);
  return patch(ctx, 'add_route', { routes: [...network.routes, route] });
}

function deleteRoute(ctx: RouteContext) {
  const network = findUnlocked<SimNetwork>(ctx, 'network');
  const route = readRoute(BodyInput.of(ctx.body));
  if (!network.routes.some((r) => sameRoute(r, route))) throw invalidField('destination', `the network has no route to ${route.destination} via ${route.gateway}`);
  return patch(ctx, 'delete_route', { routes: network.routes.filter((r) => !sameRoute(r, route)) });
}

/** Only larger: the same first address with a shorter prefix (the API's rule). */
function changeIpRange(ctx: RouteContext) {
  const network = findUnlocked<SimNetwork>(ctx, 'network');
  const input = BodyInput.of(ctx.body);
  const ipRange = input.string('ip_range', { required: true, check: rangeCheck });
  input.done();
  const now = parseCidr(network.ip_range) as Cidr;
  const next = parseCidr(ipRange) as Cidr;
  if (next.base !== now.base || next.prefix >= now.prefix) {
    throw invalidField('ip_range', `can only be extended: start at ${network.ip_range.split('/')[0]} with a prefix shorter than /${now.prefix}`);
  }
  return patch(ctx, 'change_ip_range', { ip_range: ipRange });
}

const routes: Route[] = [
  { method: 'GET', path: '/networks', handler: list },
  { method: 'GET', path: '/networks/:id', handler: (ctx) => ok({ network: renderNetwork(find<SimNetwork>(ctx, 'network'), ctx.world.state) }) },
  { method: 'POST', path: '/networks', handler: create },
  { method: 'PUT', path: '/networks/:id', handler: update },
  { method: 'DELETE', path: '/networks/:id', handler: remove },
  ...resourceActionRoutes('networks', 'network'),
  { method: 'POST', path: '/networks/:id/actions/add_subnet', handler: addSubnet },
  { method: 'POST', path: '/networks/:id/actions/delete_subnet', handler: deleteSubnet },
  { method: 'POST', path: '/networks/:id/actions/add_route', handler: addRoute },
  { method: 'POST', path: '/networks/:id/actions/delete_route', handler: deleteRoute },
  { method: 'POST', path: '/networks/:id/actions/change_ip_range', handler: changeIpRange },
  { method: 'POST', path: '/networks/:id/actions/change_protection', handler: (ctx) => deleteProtectionAction(ctx, 'network') },
];

/** Every Network route; in the 2018 mode each answers as an unknown path. */
export const networkRoutes: Route[] = routes.map((r) => ({ ...r, handler: only2026(r.handler) }));

