// Volume rules shared by the volume routes and the server create: names, sizes, the per-location
// capacity, and the checks before a volume is attached to a server.

import type { LocationSchema, VolumeSchema } from '../api/schema';
import { ApiError, invalidField, uniqueness } from './http';
import { copy, nextId, type SimServer, type SimState } from './state';
import { isoTime } from './time';

export const VOLUME_MIN_GB = 10;
export const VOLUME_MAX_GB = 10240;

/**
 * The volume space of each location, GB (all volumes there together): the simulator's deterministic
 * way to `no_space_left_in_location`. Four volumes of the largest size fill a location, so a test
 * that creates (or resizes to) 10240 GB volumes in one location reaches it on the fifth.
 */
export const VOLUME_CAPACITY_GB = 4 * VOLUME_MAX_GB;

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/;

/** The API's rule for a volume name: alphanumerics, `-`, `_`, `.`, starting and ending alphanumeric, at most 64. */
export function volumeNameProblem(name: string): string | undefined {
  return NAME.test(name) ? undefined : 'must be 1 to 64 characters (letters, digits, -, _ and .), starting and ending with a letter or digit';
}

export function volumeSizeProblem(size: number): string | undefined {
  return size < VOLUME_MIN_GB || size > VOLUME_MAX_GB ? `must be between ${VOLUME_MIN_GB} and ${VOLUME_MAX_GB} GB` : undefined;
}

export function assertVolumeNameFree(state: SimState, name: string, self?: number): void {
  for (const v of state.volumes.values()) {
    if (v.name === name && v.id !== self) throw uniqueness('name', `volume name '${name}' is already used`);
  }
}

/** `no_space_left_in_location` when `extra` GB more would overfill the location. */
export function assertSpaceLeft(state: SimState, location: string, extra: number): void {
  let used = 0;
  for (const v of state.volumes.values()) if (v.location.name === location) used += v.size;
  if (used + extra > VOLUME_CAPACITY_GB) {
    throw new ApiError('no_space_left_in_location', `there is no volume space left in location ${location} (${VOLUME_CAPACITY_GB - used} GB free)`);
  }
}

/** Why `volume` cannot be attached to `server`: `volume_already_attached`, or another location (invalid_input on `field`). */
export function assertAttachable(volume: VolumeSchema, server: SimServer, field: string): void {
  assertDetached(volume);
  assertSameLocation(server, volume.location.name, field, `volume ${volume.id} in location ${volume.location.name}`);
}

/** `volume_already_attached` when the volume is attached (to any server). */
export function assertDetached(volume: VolumeSchema): void {
  if (volume.server !== null) throw new ApiError('volume_already_attached', `volume ${volume.id} is already attached to server ${volume.server}`);
}

/** invalid_input on `field` when `server` is not in `location` (`what` names the other side). */
export function assertSameLocation(server: SimServer, location: string, field: string, what: string): void {
  const where = server.datacenter?.location.name;
  if (where !== location) {
    throw invalidField(field, `server ${server.id} is in location ${where}, not ${location}: ${what} can only be attached to a server in the same location`);
  }
}

export interface VolumeInit {
  name: string;
  size: number;
  location: LocationSchema;
  format: string | null;
  labels?: Record<string, string>;
  created: number;
  status: 'creating' | 'available';
}

export function newVolume(state: SimState, init: VolumeInit): VolumeSchema {
  const id = nextId(state, 'volume');
  const volume: VolumeSchema = {
    id,
    name: init.name,
    created: isoTime(init.created),
    size: init.size,
    server: null,
    location: copy(init.location),
    linux_device: `/dev/disk/by-id/scsi-0HC_Volume_${id}`,
    protection: { delete: false },
    labels: { ...(init.labels ?? {}) },
    status: init.status,
    format: init.format,
  };
  state.volumes.set(id, volume);
  return volume;
}
