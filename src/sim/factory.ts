// Builders of new resources, shared by the seeds and the routes so both make the same shape.

import type { Labels } from '../api/types';
import type { DatacenterSchema, FloatingIpSchema, ImageSchema, LocationSchema, ServerStatusSchema, ServerTypeSchema, SshKeySchema } from '../api/schema';
import { INCLUDED_TRAFFIC } from './catalog';
import { allocateFloatingIpv4, allocateIpv6Network, allocateServerIpv4, defaultIpv4Ptr } from './net';
import { copy, nextId, type SimServer, type SimState } from './state';
import { givePrimaryIps, type PublicNetPlan } from './primaryIps';
import { isoTime } from './time';

export interface ServerInit {
  name: string;
  type: ServerTypeSchema;
  datacenter: DatacenterSchema;
  image: ImageSchema | null;
  status: ServerStatusSchema;
  created: number;
  labels?: Labels;
  /** Today's API: the server's Primary IPs (default: a new one of each family). */
  publicNet?: PublicNetPlan;
}

export function newServer(state: SimState, init: ServerInit): SimServer {
  const ipv4 = allocateServerIpv4(state.counters);
  const server: SimServer = {
    id: nextId(state, 'server'),
    name: init.name,
    status: init.status,
    created: isoTime(init.created),
    public_net: {
      ipv4: { ip: ipv4, blocked: false, dns_ptr: defaultIpv4Ptr(ipv4) },
      ipv6: { ip: allocateIpv6Network(state.counters), blocked: false, dns_ptr: null },
      floating_ips: [],
    },
    server_type: copy(init.type),
    datacenter: copy(init.datacenter),
    image: init.image && copy(init.image),
    iso: null,
    rescue_enabled: false,
    locked: false,
    backup_window: null,
    outgoing_traffic: 0,
    ingoing_traffic: 0,
    included_traffic: INCLUDED_TRAFFIC,
    protection: { delete: false, rebuild: false },
    primary_disk_size: init.type.disk,
    labels: { ...(init.labels ?? {}) },
  };
  state.servers.set(server.id, server);
  if (state.api === '2026') givePrimaryIps(state, server, init.publicNet);
  return server;
}

export interface ImageInit {
  type: 'snapshot' | 'backup';
  description: string;
  created: number;
  status: 'creating' | 'available';
  /** GB; null while creating. */
  imageSize: number | null;
}

export function newImageFromServer(state: SimState, server: SimServer, init: ImageInit): ImageSchema {
  const image: ImageSchema = {
    id: nextId(state, 'image'),
    type: init.type,
    status: init.status,
    name: null,
    description: init.description,
    image_size: init.imageSize,
    disk_size: server.primary_disk_size,
    created: isoTime(init.created),
    created_from: { id: server.id, name: server.name },
    bound_to: init.type === 'backup' ? server.id : null,
    os_flavor: server.image?.os_flavor ?? 'unknown',
    os_version: server.image?.os_version ?? null,
    rapid_deploy: false,
    protection: { delete: false },
    deprecated: null,
    architecture: server.server_type.architecture ?? 'x86',
    labels: {},
  };
  state.images.set(image.id, image);
  return image;
}

/** A snapshot's size in GB: a deterministic share of the disk, as a compressed image would be. */
export function imageSizeFor(server: SimServer): number {
  return Math.round((1.2 + (server.id % 7) * 0.45 + server.primary_disk_size * 0.02) * 100) / 100;
}

export interface FloatingIpInit {
  type: 'ipv4' | 'ipv6';
  home: LocationSchema;
  description: string | null;
  /** Default: defaultFloatingIpName(). */
  name?: string;
  labels?: Labels;
  created: number;
}

/**
 * The name of a Floating IP created without one. The live API's automatic name is not documented here; this
 * simulator picks `floating-ip-<id>` (with a numeric suffix if a Floating IP already has that name), so the
 * name stays unique per project.
 */
export function defaultFloatingIpName(state: SimState, id: number): string {
  const taken = new Set([...state.floatingIps.values()].map((f) => f.name));
  let name = `floating-ip-${id}`;
  for (let n = 2; taken.has(name); n++) name = `floating-ip-${id}-${n}`;
  return name;
}

export function newFloatingIp(state: SimState, init: FloatingIpInit): FloatingIpSchema {
  const ip = init.type === 'ipv4' ? allocateFloatingIpv4(state.counters) : allocateIpv6Network(state.counters);
  const id = nextId(state, 'floating_ip');
  const fip: FloatingIpSchema = {
    id,
    name: init.name ?? defaultFloatingIpName(state, id),
    description: init.description,
    ip,
    type: init.type,
    server: null,
    dns_ptr: init.type === 'ipv4' ? [{ ip, dns_ptr: defaultIpv4Ptr(ip) }] : [],
    home_location: copy(init.home),
    blocked: false,
    protection: { delete: false },
    labels: { ...(init.labels ?? {}) },
    created: isoTime(init.created),
  };
  state.floatingIps.set(fip.id, fip);
  return fip;
}

/** A new SSH key; `fingerprint` comes from parsePublicKey (sshKey.ts). */
export function newSshKey(state: SimState, name: string, publicKey: string, fingerprint: string, extra: { created: number; labels?: Labels }): SshKeySchema {
  const key: SshKeySchema = {
    id: nextId(state, 'ssh_key'),
    name,
    fingerprint,
    public_key: publicKey.trim(),
    labels: { ...(extra.labels ?? {}) },
    created: isoTime(extra.created),
  };
  state.sshKeys.set(key.id, key);
  return key;
}
