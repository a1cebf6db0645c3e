// Servers: list, get, create (placement, root password), rename, delete, metrics.

import type { DatacenterSchema, ImageSchema, LocationSchema, MetricsTypeSchema, ServerTypeSchema } from '../../api/schema';
import type { Labels } from '../../api/types';
import { newServer } from '../factory';
import { ApiError, isProtected, uniqueness } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import { METRIC_TYPES, serverMetrics } from '../metrics';
import { recommendedLocation, renderServer, typeAvailableIn, typeLocations, type View } from '../render';
import type { Route, RouteContext } from '../router';
import { byIdOrName, findImage, type Effect, type SimServer, type SimState } from '../state';
import { parseTime } from '../time';
import { BodyInput, hostname, maxBytes, QueryInput, type Ref } from '../validate';
import { created, find, findUnlocked, ok } from './common';
import { readServerPublicNet } from '../primaryIps';
import { placementForCreate } from './serverPlacementActions';
import { joinNetworksOnCreate } from './serverNetworkActions';
import { volumesForNewServer } from './volumeActions';
import { firewallsForNewServer } from '../firewalls';

export const USER_DATA_LIMIT = 32 * 1024;
export const ROOT_PASSWORD_LENGTH = 20;

export const render = (ctx: RouteContext) => {
  const view = ctx.world.view();
  return (server: SimServer) => renderServer(server, view);
};

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const servers = whereLabels(ctx, q, whereEquals([...ctx.world.state.servers.values()], q.one('name'), (s) => s.name));
  return listReply(ctx, q, servers, {
    key: 'servers',
    sort: { id: (s) => s.id, name: (s) => s.name, created: (s) => s.created },
    render: render(ctx),
  });
}

export function assertServerNameFree(state: SimState, name: string, self?: number): void {
  for (const server of state.servers.values()) {
    if (server.name === name && server.id !== self) throw uniqueness('name', `server name '${name}' is already used`);
  }
}

/** Why an image cannot be used for a server with `disk` GB, or undefined when it can. */
export function imageProblem(image: ImageSchema, disk: number, now: number): string | undefined {
  if (image.status !== 'available') return `image ${image.id} is not available yet`;
  if (image.type === 'system' && image.deprecated !== null && Date.parse(image.deprecated) <= now) return `image '${image.name}' is deprecated`;
  if (image.disk_size > disk) return `image ${image.id} needs a disk of ${image.disk_size} GB`;
  return undefined;
}

/** Resolves an "ID or name" reference, recording a field error when it does not exist. */
function resolve<T extends { id: number; name: string | null }>(input: BodyInput, field: string, items: Iterable<T>, ref: Ref | undefined): T | undefined {
  if (ref === undefined) return undefined;
  return byIdOrName(items, ref) ?? input.fail(field, `'${ref}' not found`);
}

interface CreateRequest {
  name: string;
  type: ServerTypeSchema;
  image: ImageSchema;
  location?: LocationSchema;
  datacenter?: DatacenterSchema;
  start: boolean;
  sshKeys: number[];
  labels?: Labels;
}

function readCreate(ctx: RouteContext): CreateRequest {
  const { state } = ctx.world;
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { required: true, check: hostname });
  const today = ctx.world.api === '2026';
  const type = resolve(input, 'server_type', state.serverTypes, input.ref('server_type', { required: true }));
  // By name, the image of the type's architecture (one per architecture under the same name in today's API).
  const imageRef = input.ref('image', { required: true });
  const image = imageRef === undefined ? undefined : (findImage(state.images.values(), imageRef, type?.architecture) ?? input.fail('image', `'${imageRef}' not found`));
  const location = resolve(input, 'location', state.locations, input.ref('location'));
  // Removed from today's API on 2026-07-01 (the API changelog): refused, `location` replaces it.
  if (today && input.has('datacenter')) input.fail('datacenter', 'the datacenter field was removed from the API: use location');
  const datacenter = today ? undefined : resolve(input, 'datacenter', state.datacenters, input.ref('datacenter'));
  const labels = today ? input.labels() : undefined;
  if (today && image && type && (image.architecture ?? 'x86') !== (type.architecture ?? 'x86')) {
    input.fail('image', `image ${image.id} is for ${image.architecture} and server type ${type.name} is ${type.architecture}`);
  }
  const start = input.boolean('start_after_create') ?? true;
  const keys = (input.refs('ssh_keys') ?? []).map((ref) => resolve(input, 'ssh_keys', state.sshKeys.values(), ref));
  input.string('user_data', { check: maxBytes(USER_DATA_LIMIT) });
  if (location && datacenter) input.fail('datacenter', 'location and datacenter are mutually exclusive');
  const problem = image && type && imageProblem(image, type.disk, ctx.world.now());
  if (problem) input.fail('image', problem);
  input.done();
  return {
    name,
    type: type as ServerTypeSchema,
    image: image as ImageSchema,
    location,
    datacenter,
    start,
    sshKeys: keys.map((k) => k?.id ?? 0),
    labels,
  };
}

/** A datacenter of the location that has the type available, if any. */
function datacenterFor(view: View, type: ServerTypeSchema, dcs: DatacenterSchema[]): DatacenterSchema | undefined {
  return dcs.find((d) => d.server_types.available.includes(type.id) && typeAvailableIn(view, type.id, d.location.name));
}

/** 2018: the datacenter asked for, one of the location, or the recommended one first. */
function place2018(view: View, req: CreateRequest): DatacenterSchema {
  const { state } = view;
  const recommended = state.datacenters.filter((d) => d.id === state.recommendation);
  const candidates = req.datacenter
    ? [req.datacenter]
    : req.location
      ? state.datacenters.filter((d) => d.location.id === req.location?.id)
      : [...recommended, ...state.datacenters];
  const found = datacenterFor(view, req.type, candidates);
  if (found) return found;
  const where = req.datacenter?.name ?? req.location?.name ?? 'any datacenter';
  throw new ApiError('placement_error', `server type ${req.type.name} is not available in ${where}`);
}

/**
 * Today: the location asked for, or the type's recommended one. A type is creatable only where its `locations[]`
 * lists it with `available: true`: not listed there -> `placement_error`; listed but not available (e.g. its
 * deprecation there has passed) -> `resource_unavailable`.
 */
function place2026(view: View, req: CreateRequest): DatacenterSchema {
  const name = req.location?.name ?? recommendedLocation(view, req.type);
  if (name === undefined) throw new ApiError('placement_error', `server type ${req.type.name} is not available in any location`);
  const entry = typeLocations(view, req.type).find((l) => l.name === name);
  if (!entry) throw new ApiError('placement_error', `server type ${req.type.name} is not offered in location ${name}`);
  const found = entry.available ? datacenterFor(view, req.type, view.state.datacenters.filter((d) => d.location.name === name)) : undefined;
  if (!found) throw new ApiError('resource_unavailable', `server type ${req.type.name} is not available in location ${name}`);
  return found;
}

function create(ctx: RouteContext) {
  const { world } = ctx;
  const req = readCreate(ctx);
  assertServerNameFree(world.state, req.name);
  if (world.state.servers.size >= world.options.maxServers) {
    throw new ApiError('resource_limit_exceeded', `server limit of ${world.options.maxServers} reached`);
  }
  const datacenter = world.api === '2026' ? place2026(world.view(), req) : place2018(world.view(), req);
  const publicNet = world.api === '2026' ? readServerPublicNet(ctx, datacenter.location) : undefined;
  const joinPlacementGroup = placementForCreate(ctx);
  const attachVolumes = volumesForNewServer(ctx, datacenter.location.name);
  const applyFirewalls = firewallsForNewServer(ctx);
  const server = newServer(world.state, { ...req, datacenter, status: 'initializing', created: world.now(), publicNet });
  joinPlacementGroup(server.id);
  joinNetworksOnCreate(ctx, server);
  attachVolumes(server.id);
  applyFirewalls(server.id);
  const status = (s: string): Effect => ({ kind: 'patch', type: 'server', id: server.id, patch: { status: s } });
  const action = world.startAction({
    command: 'create_server',
    resources: [{ type: 'server', id: server.id }],
    steps: req.start ? [{ at: 0.5, effects: [status('starting')] }, { at: 1, effects: [status('running')] }] : [{ at: 1, effects: [status('off')] }],
    onError: [status('off')],
  });
  const rootPassword = req.sshKeys.length ? null : world.random.string(ROOT_PASSWORD_LENGTH);
  return created({ server: render(ctx)(server), action, root_password: rootPassword });
}

function update(ctx: RouteContext) {
  const server = find<SimServer>(ctx, 'server');
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { check: hostname });
  const labels = ctx.world.api === '2026' ? input.labels() : undefined;
  input.done();
  if (typeof name === 'string') {
    assertServerNameFree(ctx.world.state, name, server.id);
    server.name = name;
  }
  if (labels) server.labels = labels;
  return ok({ server: render(ctx)(server) });
}

function remove(ctx: RouteContext) {
  const server = findUnlocked<SimServer>(ctx, 'server');
  if (server.protection.delete) throw isProtected('server', server.id);
  const previous = server.status;
  server.status = 'deleting';
  const action = ctx.world.startAction({
    command: 'delete_server',
    resources: [{ type: 'server', id: server.id }],
    steps: [{ at: 1, effects: [{ kind: 'delete_server', id: server.id }] }],
    onError: [{ kind: 'patch', type: 'server', id: server.id, patch: { status: previous } }],
  });
  return ok({ action });
}

function metrics(ctx: RouteContext) {
  const server = find<SimServer>(ctx, 'server');
  const q = new QueryInput(ctx.query);
  const typeText = q.one('type');
  const types = typeText === undefined ? [] : typeText.split(',');
  if (!types.length) q.fail('type', 'is required');
  for (const t of types) if (!METRIC_TYPES.includes(t as MetricsTypeSchema)) q.fail('type', `'${t}' is not one of: ${METRIC_TYPES.join(', ')}`);
  const time = (name: string) => {
    const text = q.one(name);
    const ms = text === undefined ? undefined : parseTime(text);
    return ms ?? q.fail(name, text === undefined ? 'is required' : 'is not an ISO-8601 time');
  };
  const startMs = time('start');
  const endMs = time('end');
  const step = q.integer('step');
  if (startMs !== undefined && endMs !== undefined && endMs < startMs) q.fail('end', 'must not be before start');
  q.done();
  const request = { types: types as MetricsTypeSchema[], startMs: startMs as number, endMs: endMs as number, step };
  return ok({ metrics: serverMetrics(server, request, ctx.world.now()) });
}

export const serverRoutes: Route[] = [
  { method: 'GET', path: '/servers', handler: list },
  { method: 'GET', path: '/servers/:id', handler: (ctx) => ok({ server: render(ctx)(find<SimServer>(ctx, 'server')) }) },
  { method: 'POST', path: '/servers', handler: create },
  { method: 'PUT', path: '/servers/:id', handler: update },
  { method: 'DELETE', path: '/servers/:id', handler: remove },
  { method: 'GET', path: '/servers/:id/metrics', handler: metrics },
];
