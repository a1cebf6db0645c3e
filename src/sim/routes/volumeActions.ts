// The actions of a volume (attach, detach, resize) and the volumes of a new server
// (POST /servers with `volumes` and `automount`, today's API). `automount` is accepted and checked;
// mounting happens inside the server, which the simulator does not run.

import type { VolumeSchema } from '../../api/schema';
import { invalidField, invalidState } from '../http';
import type { Route, RouteContext } from '../router';
import type { SimServer } from '../state';
import { BodyInput } from '../validate';
import { assertAttachable, assertDetached, assertSpaceLeft, VOLUME_MAX_GB } from '../volumes';
import { actionReply, findUnlocked } from './common';

function attachAction(ctx: RouteContext, volume: VolumeSchema, server: SimServer | undefined, serverId: number) {
  return ctx.world.startAction({
    command: server ? 'attach_volume' : 'detach_volume',
    resources: [{ type: 'volume', id: volume.id }, { type: 'server', id: serverId }],
    steps: [{ at: 1, effects: [{ kind: 'patch', type: 'volume', id: volume.id, patch: { server: server ? server.id : null } }] }],
  });
}

function attach(ctx: RouteContext) {
  const volume = findUnlocked<VolumeSchema>(ctx, 'volume');
  const input = BodyInput.of(ctx.body);
  const serverId = input.integer('server', { required: true }) as number;
  input.boolean('automount');
  input.done();
  const server = ctx.world.state.servers.get(serverId);
  if (!server) throw invalidField('server', `server ${serverId} not found`);
  assertAttachable(volume, server, 'server');
  ctx.world.assertUnlocked('server', server.id);
  return actionReply(attachAction(ctx, volume, server, server.id));
}

function detach(ctx: RouteContext) {
  const volume = findUnlocked<VolumeSchema>(ctx, 'volume');
  if (volume.server === null) throw invalidState(`volume ${volume.id} is not attached to a server`);
  ctx.world.assertUnlocked('server', volume.server);
  return actionReply(attachAction(ctx, volume, undefined, volume.server));
}

function resize(ctx: RouteContext) {
  const volume = findUnlocked<VolumeSchema>(ctx, 'volume');
  const input = BodyInput.of(ctx.body);
  const size = input.integer('size', { required: true });
  if (size !== undefined && size <= volume.size) input.fail('size', `must be greater than the current size (${volume.size} GB): a volume cannot shrink`);
  if (size !== undefined && size > VOLUME_MAX_GB) input.fail('size', `must be at most ${VOLUME_MAX_GB} GB`);
  input.done();
  assertSpaceLeft(ctx.world.state, volume.location.name, (size as number) - volume.size);
  return actionReply(
    ctx.world.startAction({
      command: 'resize_volume',
      resources: [{ type: 'volume', id: volume.id }],
      steps: [{ at: 1, effects: [{ kind: 'patch', type: 'volume', id: volume.id, patch: { size } }] }],
    }),
  );
}

export const volumeActionRoutes: Route[] = [
  { method: 'POST', path: '/volumes/:id/actions/attach', handler: attach },
  { method: 'POST', path: '/volumes/:id/actions/detach', handler: detach },
  { method: 'POST', path: '/volumes/:id/actions/resize', handler: resize },
];

/**
 * POST /servers (today's API): checks `volumes` (ids of detached volumes in `location`, none locked)
 * and `automount` (only with volumes) before the server is made; the returned function attaches them
 * to the new server. The 2018 contract has neither field (ignored there, as unknown fields are).
 */
export function volumesForNewServer(ctx: RouteContext, location: string): (serverId: number) => void {
  if (ctx.world.api === '2018') return () => undefined;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const input = BodyInput.of(body);
  const ids = (input.refs('volumes', { idsOnly: true }) ?? []) as number[];
  const automount = input.boolean('automount');
  if (automount !== undefined && !ids.length) input.fail('automount', 'needs volumes');
  const volumes = ids.map((id) => ctx.world.state.volumes.get(id) ?? input.fail('volumes', `volume ${id} not found`));
  input.done();
  for (const volume of volumes as VolumeSchema[]) {
    assertDetached(volume);
    if (volume.location.name !== location) throw invalidField('volumes', `volume ${volume.id} is in location ${volume.location.name}, not ${location}: a volume can only be attached to a server in the same location`);
    ctx.world.assertUnlocked('volume', volume.id);
  }
  return (serverId) => {
    for (const volume of volumes as VolumeSchema[]) volume.server = serverId;
  };
}
