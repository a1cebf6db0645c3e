// The simulator's state: wire-format objects (src/api/schema) kept in maps by id, plus the
// counters that make new ids, addresses and secrets. Everything here is plain JSON-able data
// (see persistence.ts); derived indexes (locks, actions per resource) live in engine.ts.
//
// One superset for both API modes: the objects carry today's fields too (labels, architecture,
// network_zone, Floating IP name, ...); render.ts strips what the 2018 contract lacks. What does
// not exist in 2018 at all (arm types, images, ISOs and servers) is only seeded in a 2026 state.

import type { ApiEra } from '../api/types';
import type {
  ActionErrorSchema,
  ActionSchema,
  DatacenterSchema,
  DeprecationSchema,
  FloatingIpSchema,
  ImageSchema,
  IsoSchema,
  LocationSchema,
  PlacementGroupSchema,
  NetworkSchema,
  PricingSchema,
  PrimaryIpSchema,
  ServerSchema,
  ServerTypeSchema,
  SshKeySchema,
  VolumeSchema,
} from '../api/schema';
import type { SimFirewall } from './firewalls';

/** A server as the simulator keeps it: the wire object plus the live API's `primary_disk_size`. */
export interface SimServer extends ServerSchema {
  /** GB. Stays when a type change is made with `upgrade_disk: false`. */
  primary_disk_size: number;
}

/** Resource kinds that actions refer to (ResourceRef.type) and that effects change. */
export type ResourceType = 'server' | 'floating_ip' | 'image'
  | 'primary_ip' | 'network' | 'volume'
  | 'firewall';

/** A server's interface in a Network, kept on the Network (the server's `private_net` is derived). */
export interface SimAttachment {
  server: number;
  ip: string;
  alias_ips: string[];
  mac_address: string;
}

/** A Network as the simulator keeps it: `servers` is derived from `attachments` (networks.ts). */
export interface SimNetwork extends Omit<NetworkSchema, 'servers'> {
  attachments: SimAttachment[];
}
/** A change to the state, applied when an action reaches a step or fails. Plain data, so it persists. */
export type Effect =
  | { kind: 'patch'; type: ResourceType; id: number; patch: Record<string, unknown> }
  | { kind: 'delete_server'; id: number }
  | { kind: 'assign_floating_ip'; id: number; server: number | null }
  | { kind: 'delete_backups'; server: number }
  | { kind: 'delete_image'; id: number }
  | { kind: 'assign_primary_ip'; id: number; server: number | null }
  | { kind: 'placement_group'; server: number; group: number | null };

export interface ActionStep {
  /** Fraction of the action's run time (0..1) at which the effects apply; 1 = on success. */
  at: number;
  effects: Effect[];
}

export interface ActionRecord {
  /** The wire object; `progress`, `status`, `finished` and `error` move with the clock. */
  action: ActionSchema;
  startedMs: number;
  endMs: number;
  /** Steps still to apply (emptied when the action ends). */
  steps: ActionStep[];
  /** Applied instead of the final step when the action fails. */
  onError: Effect[];
  /** Set when the action is going to fail (FaultConfig.failActions). */
  failure: ActionErrorSchema | null;
}

/** /pricing without `server_types`, which is derived from the server types' prices. */
export type PricingBase = Omit<PricingSchema, 'server_types'>;

export interface Counters {
  server: number;
  floating_ip: number;
  image: number;
  ssh_key: number;
  action: number;
  /** Next index into the server IPv4 pools (net.ts). */
  ipv4: number;
  /** Next index into the Floating IPv4 pool. */
  floating_ipv4: number;
  /** Next /64 network number. */
  ipv6: number;
  /** State of the PRNG behind passwords, tokens and default backup windows. */
  rng: number;
  /** Next Primary IP id (primaryIps.ts; absent in an older state: starts at PRIMARY_IP_FIRST_ID). */
  primary_ip?: number;
  /** Next placement group id (absent in a state made before placement groups: see sim/placementGroups.ts). */
  placement_group?: number;
  /** Next Network id (absent in a state file made before Networks: networks.ts starts it). */
  network?: number;
  /** Next volume id (a state file without it starts where its volumes end: persistence.ts). */
  volume: number;
  /** Next firewall id (absent in a state file made before Firewalls: firewalls.ts starts it). */
  firewall?: number;
}

/** The state file's format; a file of another version is not read (persistence.ts). */
export const STATE_VERSION = 2;

export interface SimState {
  version: typeof STATE_VERSION;
  /** The API mode the state was made for (its seed differs: no arm catalog in 2018). */
  api: ApiEra;
  counters: Counters;
  locations: LocationSchema[];
  datacenters: DatacenterSchema[];
  /** The datacenter GET /datacenters recommends. */
  recommendation: number;
  /** Superset: architecture, deprecated, deprecation and per-location traffic prices are kept in both modes. */
  serverTypes: ServerTypeSchema[];
  /** Deprecations of a server type in one location: type name -> location name -> deprecation. */
  typeLocationDeprecations: Record<string, Record<string, DeprecationSchema>>;
  pricing: PricingBase;
  isos: IsoSchema[];
  images: Map<number, ImageSchema>;
  servers: Map<number, SimServer>;
  floatingIps: Map<number, FloatingIpSchema>;
  /** Today's API only (empty in a 2018 state). */
  networks: Map<number, SimNetwork>;
  sshKeys: Map<number, SshKeySchema>;
  /** Today's API only (a 2018 state keeps it empty). */
  primaryIps: Map<number, PrimaryIpSchema>;
  actions: Map<number, ActionRecord>;
  /** Today's API only (empty in a 2018 state). */
  placementGroups: Map<number, PlacementGroupSchema>;
  volumes: Map<number, VolumeSchema>;
  /** Today's API only (empty in a 2018 state). */
  firewalls: Map<number, SimFirewall>;
}

/** The maps of SimState, by the resource kind of their entries. */
export function entityMap(state: SimState, type: ResourceType): Map<number, { id: number }> {
  if (type === 'server') return state.servers;
  if (type === 'floating_ip') return state.floatingIps;
  if (type === 'primary_ip') return state.primaryIps;
  if (type === 'network') return state.networks;
  if (type === 'volume') return state.volumes;
  if (type === 'firewall') return state.firewalls;
  return state.images;
}

/** Takes the next id of a kind and advances the counter. */
export function nextId(state: SimState, kind: 'server' | 'floating_ip' | 'image' | 'ssh_key' | 'action' | 'volume'): number {
  const id = state.counters[kind];
  state.counters[kind] = id + 1;
  return id;
}

/** Looks an entry up by id (a number or a numeric string) or by name, as the API's "ID or name" fields. */
export function byIdOrName<T extends { id: number; name: string | null }>(items: Iterable<T>, ref: unknown): T | undefined {
  const asId = typeof ref === 'number' ? ref : typeof ref === 'string' && /^\d+$/.test(ref) ? Number(ref) : undefined;
  for (const item of items) {
    if (asId !== undefined ? item.id === asId : item.name === ref) return item;
  }
  return undefined;
}

/**
 * An image by id, or by name preferring the given architecture: the live API has one system image per
 * architecture under the same name (`ubuntu-24.04` x86 and arm).
 */
export function findImage<T extends { id: number; name: string | null; architecture?: string }>(images: Iterable<T>, ref: unknown, architecture?: string): T | undefined {
  const list = [...images];
  if (typeof ref === 'number' || (typeof ref === 'string' && /^\d+$/.test(ref))) return byIdOrName(list, ref);
  return list.find((i) => i.name === ref && (i.architecture ?? 'x86') === (architecture ?? 'x86')) ?? byIdOrName(list, ref);
}

/** A deep copy of JSON data (entities embedded in other entities are copies, as on the wire). */
export function copy<T>(value: T): T {
  return structuredClone(value);
}
