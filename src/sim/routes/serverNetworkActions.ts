// A server's private networks (today's API only): the actions attach_to_network,
// detach_from_network and change_alias_ips, and the `networks` of POST /servers. An IP is picked
// from a `cloud` (or deprecated `server`) subnet in the server's network zone; the codes are the
// Hetzner OpenAPI description's (422): server_already_attached, ip_not_available, no_subnet_available,
// networks_overlap. The attachment is kept on the Network (networks.ts); the action changes it when
// it succeeds, with the server and the Network locked meanwhile.

import { cidrHasIp, cidrsOverlap, parseCidr, parseIpv4, type Cidr } from '../../api/cidr';
import type { SubnetSchema } from '../../api/schema';
import { ApiError, invalidField } from '../http';
import { attachmentOf, detachEverywhere, freeIpIn, isHostOf, macAddress, takenIps } from '../networks';
import type { Route, RouteContext } from '../router';
import type { SimAttachment, SimNetwork, SimServer } from '../state';
import { BodyInput } from '../validate';
import { actionReply, findUnlocked, only2026 } from './common';

// The status (422) comes from ApiError's table of Hetzner's OpenAPI description's codes (../http.ts).
const conflict = (code: string, message: string) => new ApiError(code, message);

function zoneOf(server: SimServer): string | undefined {
  return server.datacenter?.location.network_zone;
}

/** The Network of a body's `network` field: it must exist and have no running action. */
function networkOf(ctx: RouteContext, id: number): SimNetwork {
  const network = ctx.world.state.networks.get(id);
  if (!network) throw invalidField('network', `network ${id} not found`);
  ctx.world.assertUnlocked('network', id);
  return network;
}

/** Subnets a server of that zone can get an IP in: `cloud` and the deprecated `server`, not `vswitch`. */
const usable = (network: SimNetwork, zone: string | undefined) => network.subnets.filter((s) => s.type !== 'vswitch' && s.network_zone === zone);

/** Checks alias IPs: IPv4 host addresses of a usable subnet, free, not the primary IP. */
function checkAliases(subnets: SubnetSchema[], aliases: string[], primary: string, taken: Set<string>): void {
  for (const alias of aliases) {
    if (!subnets.some((s) => isHostOf(s, alias))) throw invalidField('alias_ips', `${alias} is not a host address of a subnet the server can use`);
    if (alias === primary || taken.has(alias) || aliases.filter((a) => a === alias).length > 1) throw conflict('ip_not_available', `IP ${alias} is not available`);
  }
}

interface AttachRequest {
  ip?: string;
  ipRange?: string;
  aliasIps: string[];
}

/** Builds the server's attachment to the Network, or throws the API's error. */
export function plan(ctx: RouteContext, server: SimServer, network: SimNetwork, req: AttachRequest): SimAttachment {
  const { state } = ctx.world;
  if (attachmentOf(network, server.id)) throw conflict('server_already_attached', `server ${server.id} is already attached to network ${network.id}`);
  const range = parseCidr(network.ip_range) as Cidr;
  for (const other of state.networks.values()) {
    if (other.id !== network.id && attachmentOf(other, server.id) && cidrsOverlap(parseCidr(other.ip_range) as Cidr, range)) {
      throw conflict('networks_overlap', `the IP range of network ${network.id} overlaps network ${other.id} of server ${server.id}`);
    }
  }
  let subnets = usable(network, zoneOf(server));
  if (req.ipRange !== undefined) {
    const chosen = network.subnets.find((s) => s.ip_range === req.ipRange);
    if (!chosen) throw invalidField('ip_range', `the network has no subnet ${req.ipRange}`);
    subnets = subnets.filter((s) => s === chosen);
  }
  if (!subnets.length) throw conflict('no_subnet_available', `network ${network.id} has no subnet in network zone ${zoneOf(server)} for server ${server.id}`);
  const taken = takenIps(network);
  let ip = req.ip;
  if (ip !== undefined) {
    const n = parseIpv4(ip) as number;
    if (!subnets.some((s) => cidrHasIp(parseCidr(s.ip_range) as Cidr, n))) throw invalidField('ip', `${ip} is not in a subnet of network ${network.id} the server can use`);
    if (taken.has(ip) || !subnets.some((s) => isHostOf(s, ip as string))) throw conflict('ip_not_available', `IP ${ip} is not available`);
  } else {
    ip = subnets.map((s) => freeIpIn(s, taken)).find((x) => x !== undefined);
    if (ip === undefined) throw conflict('no_subnet_available', `no IP is left in the subnets of network ${network.id} for server ${server.id}`);
  }
  checkAliases(subnets, req.aliasIps, ip, taken);
  return { server: server.id, ip, alias_ips: [...req.aliasIps], mac_address: macAddress(network.id, server.id) };
}

const ipCheck = (v: string) => (parseIpv4(v) === undefined ? 'must be an IPv4 address' : undefined);

function readAliases(ctx: RouteContext, input: BodyInput, required: boolean): string[] {
  if (!input.has('alias_ips')) {
    if (required) input.fail('alias_ips', 'is required');
    return [];
  }
  const value = (ctx.body as Record<string, unknown>).alias_ips;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && ipCheck(v) === undefined)) {
    input.fail('alias_ips', 'must be an array of IPv4 addresses');
    return [];
  }
  return value as string[];
}

function startNetworkAction(ctx: RouteContext, server: SimServer, network: SimNetwork, command: string, attachments: SimAttachment[]) {
  return ctx.world.startAction({
    command,
    resources: [
      { type: 'server', id: server.id },
      { type: 'network', id: network.id },
    ],
    steps: [{ at: 1, effects: [{ kind: 'patch', type: 'network', id: network.id, patch: { attachments } }] }],
  });
}

function attach(ctx: RouteContext) {
  const server = findUnlocked<SimServer>(ctx, 'server');
  const input = BodyInput.of(ctx.body);
  const networkId = input.integer('network', { required: true });
  const ip = input.string('ip', { check: ipCheck });
  const ipRange = input.string('ip_range', { check: (v) => (parseCidr(v) ? undefined : 'must be an IPv4 range in CIDR notation') });
  const aliasIps = readAliases(ctx, input, false);
  input.done();
  const network = networkOf(ctx, networkId as number);
  const entry = plan(ctx, server, network, { ip: ip ?? undefined, ipRange: ipRange ?? undefined, aliasIps });
  return actionReply(startNetworkAction(ctx, server, network, 'attach_to_network', [...network.attachments, entry]));
}

/** The server's attachment to the body's `network`; invalid_input when it is not attached. */
function attached(server: SimServer, network: SimNetwork): SimAttachment {
  const entry = attachmentOf(network, server.id);
  if (!entry) throw invalidField('network', `server ${server.id} is not attached to network ${network.id}`);
  return entry;
}

function detach(ctx: RouteContext) {
  const server = findUnlocked<SimServer>(ctx, 'server');
  const input = BodyInput.of(ctx.body);
  const networkId = input.integer('network', { required: true });
  input.done();
  const network = networkOf(ctx, networkId as number);
  attached(server, network);
  return actionReply(startNetworkAction(ctx, server, network, 'detach_from_network', network.attachments.filter((a) => a.server !== server.id)));
}

function changeAliasIps(ctx: RouteContext) {
  const server = findUnlocked<SimServer>(ctx, 'server');
  const input = BodyInput.of(ctx.body);
  const networkId = input.integer('network', { required: true });
  const aliasIps = readAliases(ctx, input, true);
  input.done();
  const network = networkOf(ctx, networkId as number);
  const entry = attached(server, network);
  checkAliases(usable(network, zoneOf(server)), aliasIps, entry.ip, takenIps(network, server.id));
  const next = network.attachments.map((a) => (a === entry ? { ...a, alias_ips: [...aliasIps] } : a));
  return actionReply(startNetworkAction(ctx, server, network, 'change_alias_ips', next));
}

/**
 * POST /servers with `networks: [ids]` (today's API): attaches the new server to each at once, with
 * an IP the API picks. Called right after the server is made; when a Network is missing or has no
 * IP for it, the server is taken back out and the error answered, so nothing is created.
 */
export function joinNetworksOnCreate(ctx: RouteContext, server: SimServer): void {
  const ids = ctx.world.api === '2026' ? (ctx.body as { networks?: unknown }).networks : undefined;
  if (ids === undefined) return;
  const { state } = ctx.world;
  try {
    if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) throw invalidField('networks', 'must be an array of network IDs');
    for (const id of ids as number[]) {
      const network = state.networks.get(id);
      if (!network) throw invalidField('networks', `network ${id} not found`);
      ctx.world.assertUnlocked('network', id);
      network.attachments.push(plan(ctx, server, network, { aliasIps: [] }));
    }
  } catch (e) {
    detachEverywhere(state, server.id);
    state.servers.delete(server.id);
    throw e;
  }
}

const post = (name: string, handler: Route['handler']): Route => ({ method: 'POST', path: `/servers/:id/actions/${name}`, handler: only2026(handler) });

export const serverNetworkActionRoutes: Route[] = [post('attach_to_network', attach), post('detach_from_network', detach), post('change_alias_ips', changeAliasIps)];
