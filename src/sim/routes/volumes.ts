// Volumes (today's API only: in the 2018 mode every path here answers as an unknown one): list,
// get, create (in a location, or for a server: then attached), update, delete; the actions are in
// volumeActions.ts. The rules (names, sizes, capacity, attaching) are in ../volumes.ts.

import type { LocationSchema, VolumeSchema } from '../../api/schema';
import { invalidInput, invalidState, isProtected } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import { renderVolume } from '../render';
import type { Route, RouteContext } from '../router';
import { byIdOrName, type SimServer } from '../state';
import { BodyInput, QueryInput } from '../validate';
import { assertSameLocation, assertSpaceLeft, assertVolumeNameFree, newVolume, volumeNameProblem, volumeSizeProblem } from '../volumes';
import { resourceActionRoutes } from './actions';
import { created, deleteProtectionAction, find, findUnlocked, noContent, ok, only2026 } from './common';
import { volumeActionRoutes } from './volumeActions';

export const renderVolumes = (ctx: RouteContext) => {
  const view = ctx.world.view();
  return (volume: VolumeSchema) => renderVolume(volume, view);
};

const STATUSES = ['available', 'creating'] as const;

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const statuses = q.all('status', { oneOf: STATUSES });
  let volumes = whereLabels(ctx, q, whereEquals([...ctx.world.state.volumes.values()], q.one('name'), (v) => v.name));
  if (statuses.length) volumes = volumes.filter((v) => statuses.includes(v.status));
  return listReply(ctx, q, volumes, {
    key: 'volumes',
    sort: { id: (v) => v.id, name: (v) => v.name, created: (v) => v.created },
    render: renderVolumes(ctx),
  });
}

interface CreateRequest {
  name: string;
  size: number;
  location: LocationSchema;
  server?: SimServer;
  format: string | null;
  labels?: Record<string, string>;
}

function readCreate(ctx: RouteContext): CreateRequest {
  const { state } = ctx.world;
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { required: true, check: volumeNameProblem });
  const size = input.integer('size', { required: true });
  if (size !== undefined && volumeSizeProblem(size)) input.fail('size', volumeSizeProblem(size) as string);
  const locationRef = input.ref('location');
  const serverId = input.integer('server');
  const automount = input.boolean('automount');
  const format = input.string('format', { oneOf: ['ext4', 'xfs'] });
  const labels = input.labels();
  if (automount !== undefined && serverId === undefined) input.fail('automount', 'needs server: only a volume created for a server can be mounted');
  const location = locationRef === undefined ? undefined : (byIdOrName(state.locations, locationRef) ?? input.fail('location', `location '${locationRef}' not found`));
  const server = serverId === undefined ? undefined : (state.servers.get(serverId) ?? input.fail('server', `server ${serverId} not found`));
  input.done();
  if (!location && !server) {
    const message = 'location or server is required';
    throw invalidInput([{ name: 'location', messages: [message] }, { name: 'server', messages: [message] }]);
  }
  const where = location ?? (server?.datacenter?.location as LocationSchema);
  return { name: name as string, size: size as number, location: where, server, format: format ?? null, labels };
}

function create(ctx: RouteContext) {
  const { world } = ctx;
  const req = readCreate(ctx);
  assertVolumeNameFree(world.state, req.name);
  if (req.server) world.assertUnlocked('server', req.server.id);
  assertSpaceLeft(world.state, req.location.name, req.size);
  // A server in another location than the one asked for: refused like an attach there.
  if (req.server) assertSameLocation(req.server, req.location.name, 'server', `the volume's location ${req.location.name}`);
  const volume = newVolume(world.state, { ...req, created: world.now(), status: 'creating' });
  const action = world.startAction({
    command: 'create_volume',
    resources: [{ type: 'volume', id: volume.id }],
    steps: [{ at: 1, effects: [{ kind: 'patch', type: 'volume', id: volume.id, patch: { status: 'available' } }] }],
  });
  const next = req.server
    ? [
        world.startAction({
          command: 'attach_volume',
          resources: [{ type: 'volume', id: volume.id }, { type: 'server', id: req.server.id }],
          steps: [{ at: 1, effects: [{ kind: 'patch', type: 'volume', id: volume.id, patch: { server: req.server.id } }] }],
        }),
      ]
    : [];
  return created({ volume: renderVolumes(ctx)(volume), action, next_actions: next });
}

function update(ctx: RouteContext) {
  const volume = find<VolumeSchema>(ctx, 'volume');
  const input = BodyInput.of(ctx.body);
  const changes: Partial<VolumeSchema> = { name: input.string('name', { check: volumeNameProblem }) ?? undefined, labels: input.labels() };
  input.done();
  if (changes.name !== undefined) assertVolumeNameFree(ctx.world.state, changes.name, volume.id);
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) Object.assign(volume, { [key]: value });
  return ok({ volume: renderVolumes(ctx)(volume) });
}

/**
 * Hetzner's OpenAPI description says a volume to delete "must not be attached" but names no code for it: the
 * simulator answers `invalid_input` (the rule where no specific code fits), without fields.
 */
function remove(ctx: RouteContext) {
  const volume = findUnlocked<VolumeSchema>(ctx, 'volume');
  const attached = volume.server === null ? undefined : invalidState(`volume ${volume.id} is attached to server ${volume.server}: detach it before deleting it`);
  const refusal = volume.protection.delete ? isProtected('Volume', volume.id) : attached;
  if (refusal) throw refusal;
  ctx.world.state.volumes.delete(volume.id);
  return noContent();
}

/** By path: the collection, one volume, its actions. */
const routes: Route[] = [
  { method: 'GET', path: '/volumes', handler: list },
  { method: 'POST', path: '/volumes', handler: create },
  { method: 'GET', path: '/volumes/:id', handler: (ctx) => ok({ volume: renderVolumes(ctx)(find<VolumeSchema>(ctx, 'volume')) }) },
  { method: 'PUT', path: '/volumes/:id', handler: update },
  { method: 'DELETE', path: '/volumes/:id', handler: remove },
  { method: 'POST', path: '/volumes/:id/actions/change_protection', handler: (ctx) => deleteProtectionAction(ctx, 'volume') },
  ...volumeActionRoutes,
  ...resourceActionRoutes('volumes', 'volume'),
];

export const volumeRoutes: Route[] = routes.map((r) => ({ ...r, handler: only2026(r.handler) }));
