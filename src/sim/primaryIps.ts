// Primary IPs in the simulator's state (today's API only). Every public IPv4 and IPv6 of a 2026
// server is a Primary IP: newServer gives a server new ones (`auto_delete: true`, named
// `primary_ip-<id>`) or the existing ones its create asked for; the Primary IP is the truth for the
// address and its reverse DNS, and the server keeps only `public_net.ipv4/ipv6.id` (null when none
// is assigned). Deleting a server deletes its auto_delete Primary IPs and unassigns the others.

import type { LocationSchema, PrimaryIpSchema, PublicNetSchema } from '../api/schema';
import type { Labels } from '../api/types';
import { ApiError, invalidField } from './http';
import { allocateIpv6Network, allocateServerIpv4, defaultIpv4Ptr } from './net';
import type { View } from './render';
import type { RouteContext } from './router';
import type { SimServer, SimState } from './state';
import { isoTime } from './time';
import { BodyInput } from './validate';

export type IpFamily = 'ipv4' | 'ipv6';
export const IP_FAMILIES: readonly IpFamily[] = ['ipv4', 'ipv6'];

/** The first Primary IP id of a state (the counter is absent in an older state). */
export const PRIMARY_IP_FIRST_ID = 80_000_001;

/** Today's `pricing.primary_ips`: monthly net EUR per IP type, the same in every location (IPv6 is free). */
export const PRIMARY_IP_MONTHLY = { ipv4: 0.5, ipv6: 0 } as const;

export interface PrimaryIpInit {
  type: IpFamily;
  location: LocationSchema;
  /** Default: `primary_ip-<id>`. */
  name?: string;
  autoDelete: boolean;
  labels?: Labels;
  created: number;
  /** The address; default: a fresh one from the server pools. */
  ip?: string;
}

export function newPrimaryIp(state: SimState, init: PrimaryIpInit): PrimaryIpSchema {
  const id = state.counters.primary_ip ?? PRIMARY_IP_FIRST_ID;
  state.counters.primary_ip = id + 1;
  const ip = init.ip ?? (init.type === 'ipv4' ? allocateServerIpv4(state.counters) : allocateIpv6Network(state.counters));
  const pip: PrimaryIpSchema = {
    id,
    name: init.name ?? defaultPrimaryIpName(state, id),
    ip,
    type: init.type,
    assignee_id: null,
    assignee_type: 'unassigned',
    auto_delete: init.autoDelete,
    blocked: false,
    dns_ptr: init.type === 'ipv4' ? [{ ip, dns_ptr: defaultIpv4Ptr(ip) }] : [],
    location: structuredClone(init.location),
    protection: { delete: false },
    labels: { ...(init.labels ?? {}) },
    created: isoTime(init.created),
  };
  state.primaryIps.set(id, pip);
  return pip;
}

/** `primary_ip-<id>`, as the live API names the Primary IPs a server create makes (a suffix if taken). */
function defaultPrimaryIpName(state: SimState, id: number): string {
  const taken = new Set([...state.primaryIps.values()].map((p) => p.name));
  let name = `primary_ip-${id}`;
  for (let n = 2; taken.has(name); n++) name = `primary_ip-${id}-${n}`;
  return name;
}

/** What a new server gets per family: a new Primary IP, an existing one (id), or none. */
export type PublicNetPlan = Record<IpFamily, 'new' | number | null>;

/** Gives a new 2026 server its Primary IPs (both new without a plan). */
export function givePrimaryIps(state: SimState, server: SimServer, plan: PublicNetPlan = { ipv4: 'new', ipv6: 'new' }): void {
  for (const family of IP_FAMILIES) {
    const want = plan[family];
    const ip = family === 'ipv4' ? server.public_net.ipv4.ip : server.public_net.ipv6.ip;
    server.public_net[family].id = null;
    if (want === null) continue;
    const pip =
      want === 'new'
        ? newPrimaryIp(state, { type: family, location: server.datacenter?.location as LocationSchema, autoDelete: true, created: Date.parse(server.created), ip })
        : state.primaryIps.get(want);
    if (pip) assignPrimaryIp(state, pip.id, server.id);
  }
}

/** The `assign_primary_ip` effect: moves a Primary IP to a server (or off any with null). */
export function assignPrimaryIp(state: SimState, id: number, serverId: number | null): void {
  const pip = state.primaryIps.get(id);
  if (!pip) return;
  const family = pip.type;
  const previous = pip.assignee_id === null ? undefined : state.servers.get(pip.assignee_id);
  if (previous && previous.public_net[family].id === id) previous.public_net[family].id = null;
  const next = serverId === null ? undefined : state.servers.get(serverId);
  pip.assignee_id = next ? next.id : null;
  pip.assignee_type = next ? 'server' : 'unassigned';
  if (next) Object.assign(next.public_net[family], { ip: pip.ip, id });
}

/** On a server's deletion: its auto_delete Primary IPs go with it, the others stay unassigned. */
export function releasePrimaryIps(state: SimState, serverId: number): void {
  for (const pip of [...state.primaryIps.values()]) {
    if (pip.assignee_id !== serverId) continue;
    if (pip.auto_delete) state.primaryIps.delete(pip.id);
    else assignPrimaryIp(state, pip.id, null);
  }
}

/** The Primary IP assigned to a server for one family, if any. */
export function primaryIpOf(state: SimState, server: SimServer, family: IpFamily): PrimaryIpSchema | undefined {
  const id = server.public_net[family].id;
  return typeof id === 'number' ? state.primaryIps.get(id) : undefined;
}

/**
 * A 2026 server's `public_net.ipv4/ipv6`: its Primary IPs (null where none is assigned). A server that
 * never had Primary IPs (a state saved before them) keeps its own addresses, with `id: null`.
 */
export function renderServerIps(server: SimServer, view: View): Pick<PublicNetSchema, 'ipv4' | 'ipv6'> {
  const { ipv4, ipv6 } = server.public_net;
  if (ipv4.id === undefined && ipv6.id === undefined) {
    return { ipv4: { ...ipv4, id: null }, ipv6: { ...ipv6, id: null, dns_ptr: ipv6.dns_ptr ?? [] } };
  }
  const v4 = primaryIpOf(view.state, server, 'ipv4');
  const v6 = primaryIpOf(view.state, server, 'ipv6');
  return {
    ipv4: (v4 ? { id: v4.id, ip: v4.ip, blocked: v4.blocked, dns_ptr: v4.dns_ptr.find((d) => d.ip === v4.ip)?.dns_ptr ?? defaultIpv4Ptr(v4.ip) } : null) as PublicNetSchema['ipv4'],
    ipv6: (v6 ? { id: v6.id, ip: v6.ip, blocked: v6.blocked, dns_ptr: [...v6.dns_ptr] } : null) as PublicNetSchema['ipv6'],
  };
}

/**
 * POST /servers (today's API): `public_net: { enable_ipv4, enable_ipv6, ipv4, ipv6 }`, read and checked before
 * the server is made. An existing Primary IP must be of the family (`primary_ip_version_mismatch`), unassigned
 * (`primary_ip_assigned`) and in the server's location (`invalid_input`).
 */
export function readServerPublicNet(ctx: RouteContext, location: LocationSchema): PublicNetPlan {
  const body = BodyInput.of(ctx.body);
  if (!body.has('public_net')) return { ipv4: 'new', ipv6: 'new' };
  const raw = (ctx.body as Record<string, unknown>).public_net;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidField('public_net', 'must be an object');
  const input = BodyInput.of(raw);
  const enabled = { ipv4: input.boolean('enable_ipv4') ?? true, ipv6: input.boolean('enable_ipv6') ?? true };
  const ids = { ipv4: input.integer('ipv4'), ipv6: input.integer('ipv6') };
  for (const family of IP_FAMILIES) {
    if (!enabled[family] && ids[family] !== undefined) input.fail(family, `enable_${family} is false`);
  }
  input.done();
  const plan: PublicNetPlan = { ipv4: null, ipv6: null };
  for (const family of IP_FAMILIES) {
    const id = ids[family];
    plan[family] = id === undefined ? (enabled[family] ? 'new' : null) : existingFor(ctx, family, id, location);
  }
  if (plan.ipv4 === null && plan.ipv6 === null && !Array.isArray((ctx.body as Record<string, unknown>).networks)) {
    throw invalidField('public_net', 'a server without public IPs needs a network');
  }
  return plan;
}

function existingFor(ctx: RouteContext, family: IpFamily, id: number, location: LocationSchema): number {
  const field = `public_net.${family}`;
  const pip = ctx.world.state.primaryIps.get(id);
  if (!pip) throw invalidField(field, `Primary IP ${id} not found`);
  ctx.world.assertUnlocked('primary_ip', id);
  if (pip.type !== family) throw new ApiError('primary_ip_version_mismatch', `Primary IP ${id} is ${pip.type}, not ${family}`);
  if (pip.assignee_id !== null) throw new ApiError('primary_ip_assigned', `Primary IP ${id} is assigned to server ${pip.assignee_id}`);
  if (pip.location.name !== location.name) throw invalidField(field, `Primary IP ${id} is in ${pip.location.name}, the server in ${location.name}`);
  return id;
}

/**
 * The demo (2026 state): the servers' Primary IPs take over the reverse DNS the seed set on the servers;
 * the database keeps its IPv4 when deleted (auto_delete off, protected), and one IPv4 waits unassigned.
 */
export function seedPrimaryIps(state: SimState, created: number): void {
  for (const server of state.servers.values()) {
    const v4 = primaryIpOf(state, server, 'ipv4');
    const v6 = primaryIpOf(state, server, 'ipv6');
    if (v4) v4.dns_ptr = [{ ip: v4.ip, dns_ptr: server.public_net.ipv4.dns_ptr }];
    if (v6) v6.dns_ptr = [...(server.public_net.ipv6.dns_ptr ?? [])];
  }
  const db = [...state.servers.values()].find((s) => s.name === 'db-main');
  const dbIp = db && primaryIpOf(state, db, 'ipv4');
  if (dbIp) Object.assign(dbIp, { name: 'db-main-ipv4', auto_delete: false, protection: { delete: true }, labels: { env: 'production', tier: 'db' } });
  const fsn1 = state.locations.find((l) => l.name === 'fsn1') ?? state.locations[0];
  newPrimaryIp(state, { type: 'ipv4', location: fsn1, name: 'spare-primary-ipv4', autoDelete: false, labels: { env: 'staging' }, created });
}
