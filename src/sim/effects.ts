// Applies an Effect (state.ts) to the state. Actions carry effects for their steps; routes
// apply the immediate ones (deleting a Floating IP, an image) through the same functions.

import { setPlacementGroup } from './placementGroups';
import { removeServerFromFirewalls } from './firewalls';
import { detachEverywhere } from './networks';
import { entityMap, type Effect, type SimState } from './state';
import { assignPrimaryIp, releasePrimaryIps } from './primaryIps';

export function applyEffects(state: SimState, effects: Effect[]): void {
  for (const effect of effects) applyEffect(state, effect);
}

export function applyEffect(state: SimState, effect: Effect): void {
  switch (effect.kind) {
    case 'patch': {
      const target = entityMap(state, effect.type).get(effect.id);
      if (target) merge(target as unknown as Record<string, unknown>, effect.patch);
      return;
    }
    case 'delete_server':
      return deleteServer(state, effect.id);
    case 'assign_floating_ip':
      return assignFloatingIp(state, effect.id, effect.server);
    case 'delete_backups':
      return deleteBackups(state, effect.server);
    case 'delete_image':
      return deleteImage(state, effect.id);
    case 'assign_primary_ip':
      return assignPrimaryIp(state, effect.id, effect.server);
    case 'placement_group':
      return setPlacementGroup(state, effect.server, effect.group);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge: nested objects merge, everything else (arrays, null, scalars) replaces. */
function merge(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (isPlainObject(value) && isPlainObject(current)) merge(current, value);
    else target[key] = structuredClone(value);
  }
}

function deleteServer(state: SimState, id: number): void {
  if (!state.servers.has(id)) return;
  deleteBackups(state, id);
  for (const fip of state.floatingIps.values()) if (fip.server === id) fip.server = null;
  releasePrimaryIps(state, id);
  setPlacementGroup(state, id, null);
  detachEverywhere(state, id);
  // The volumes stay, detached (the API deletes no volume with its server).
  for (const volume of state.volumes.values()) if (volume.server === id) volume.server = null;
  removeServerFromFirewalls(state, id);
  state.servers.delete(id);
}

function assignFloatingIp(state: SimState, id: number, serverId: number | null): void {
  const fip = state.floatingIps.get(id);
  if (!fip) return;
  const previous = fip.server === null ? undefined : state.servers.get(fip.server);
  if (previous) previous.public_net.floating_ips = previous.public_net.floating_ips.filter((f) => f !== id);
  const next = serverId === null ? undefined : state.servers.get(serverId);
  fip.server = next ? next.id : null;
  if (next && !next.public_net.floating_ips.includes(id)) next.public_net.floating_ips.push(id);
}

function deleteBackups(state: SimState, serverId: number): void {
  for (const image of [...state.images.values()]) {
    if (image.type === 'backup' && image.bound_to === serverId) deleteImage(state, image.id);
  }
}

function deleteImage(state: SimState, id: number): void {
  if (!state.images.delete(id)) return;
  for (const server of state.servers.values()) if (server.image?.id === id) server.image = null;
}
