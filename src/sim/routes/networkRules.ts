// The rules of a Network's subnets and routes (today's API), shared by POST /networks and the
// add_subnet / add_route actions: CIDR notation, inside the Network's range, no overlaps, vSwitch
// ids used once, gateways inside the Network. A broken rule is `invalid_input` with the field's
// name (prefixed for the create body's arrays: `subnets[0].ip_range`), except a vSwitch id already
// used: `vswitch_id_already_used`.

import { cidrContains, cidrHasIp, cidrsOverlap, parseCidr, parseIpv4, isPrivateRange, type Cidr } from '../../api/cidr';
import type { RouteSchema, SubnetSchema, SubnetTypeSchema } from '../../api/schema';
import { ApiError, invalidField } from '../http';
import { firstFreeBlock, subnetGateway } from '../networks';
import type { SimState } from '../state';
import { BodyInput } from '../validate';

export const SUBNET_TYPES: readonly SubnetTypeSchema[] = ['cloud', 'server', 'vswitch'];
/** The public interface's gateway of every server: never a route's gateway or destination. */
const PUBLIC_GATEWAY = '172.31.1.1';
const ANY = parseCidr('0.0.0.0/0') as Cidr;

const cidrCheck = (value: string) => (parseCidr(value) ? undefined : 'must be an IPv4 range in CIDR notation with no host bits set');
const ipCheck = (value: string) => (parseIpv4(value) === undefined ? 'must be an IPv4 address' : undefined);

/** What a Network holds that a new subnet or route must fit into. */
export interface NetworkShape {
  id?: number;
  ip_range: string;
  subnets: SubnetSchema[];
  routes: RouteSchema[];
}

export interface SubnetInput {
  type: SubnetTypeSchema;
  network_zone: string;
  ip_range?: string;
  vswitch_id?: number;
}

/** Reads a subnet body (add_subnet, or one entry of the create body's `subnets`). */
export function readSubnet(input: BodyInput, zones: string[]): SubnetInput {
  const type = input.string('type', { required: true, oneOf: SUBNET_TYPES });
  const zone = input.string('network_zone', { required: true, oneOf: zones });
  const ipRange = input.string('ip_range', { check: cidrCheck });
  const vswitchId = input.integer('vswitch_id');
  if (type === 'vswitch' && !input.has('vswitch_id')) input.fail('vswitch_id', 'is required for a subnet of type vswitch');
  if (type !== undefined && type !== 'vswitch' && input.has('vswitch_id')) input.fail('vswitch_id', 'is only allowed for a subnet of type vswitch');
  input.done();
  return { type: type as SubnetTypeSchema, network_zone: zone as string, ip_range: ipRange ?? undefined, vswitch_id: vswitchId };
}

export function readRoute(input: BodyInput): RouteSchema {
  const destination = input.string('destination', { required: true, check: cidrCheck });
  const gateway = input.string('gateway', { required: true, check: ipCheck });
  input.done();
  return { destination, gateway };
}

/** Runs `read` on `value` as a body of its own, naming its fields `<prefix>.<name>` in an invalid_input. */
export function readNested<T>(value: unknown, prefix: string, read: (input: BodyInput) => T): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidField(prefix, 'must be an object');
  try {
    return read(BodyInput.of(value));
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'invalid_input') throw e;
    const fields = (e.details.fields ?? []) as Array<{ name: string; messages?: string[] }>;
    const renamed = fields.map((f) => ({ ...f, name: `${prefix}.${f.name}` }));
    throw new ApiError('invalid_input', e.message.replace(/'([^']+)'/g, `'${prefix}.$1'`), { fields: renamed });
  }
}

/** The ranges a new subnet must not overlap: the other subnets and the routes' destinations. */
const usedRanges = (net: NetworkShape) => [...net.subnets.map((s) => s.ip_range), ...net.routes.map((r) => r.destination)];

/** The subnet `s` placed in `net` (its range the first free /24 when not given), with its gateway; throws when a rule is broken. */
export function placeSubnet(state: SimState, net: NetworkShape, s: SubnetInput, field = ''): SubnetSchema {
  const ipRange = s.ip_range ?? firstFreeBlock(net.ip_range, usedRanges(net));
  if (ipRange === undefined) throw invalidField(`${field}ip_range`, `no free /24 is left in the network's IP range ${net.ip_range}`);
  const range = parseCidr(ipRange) as Cidr;
  const outer = parseCidr(net.ip_range) as Cidr;
  if (range.prefix > 30) throw invalidField(`${field}ip_range`, 'must be at least a /30');
  if (!cidrContains(outer, range)) {
    throw invalidField(`${field}ip_range`, `${ipRange} is not inside the network's IP range ${net.ip_range}`);
  }
  const clash = usedRanges(net).find((u) => cidrsOverlap(parseCidr(u) as Cidr, range));
  if (clash !== undefined) throw invalidField(`${field}ip_range`, `${ipRange} overlaps ${clash}, a subnet or route destination of the network`);
  if (s.type === 'vswitch') {
    for (const other of state.networks.values()) {
      if (other.subnets.some((x) => x.type === 'vswitch' && x.vswitch_id === s.vswitch_id)) {
        throw new ApiError('vswitch_id_already_used', `vSwitch ${s.vswitch_id} is already used by network ${other.id}`, { fields: [{ name: `${field}vswitch_id` }] });
      }
    }
  }
  const subnet: SubnetSchema = { type: s.type, ip_range: ipRange, network_zone: s.network_zone, gateway: subnetGateway(net.ip_range, s.type, ipRange) };
  if (s.type === 'vswitch') subnet.vswitch_id = s.vswitch_id;
  return subnet;
}

/** Throws unless `route` may be added to `net`. */
export function checkRoute(net: NetworkShape, route: RouteSchema, field = ''): void {
  const destination = parseCidr(route.destination) as Cidr;
  const gateway = parseIpv4(route.gateway) as number;
  const dest = `${field}destination`;
  if (!isPrivateRange(destination) && !(destination.base === ANY.base && destination.prefix === 0)) {
    throw invalidField(dest, 'must lie in a private range of RFC 1918 or be 0.0.0.0/0');
  }
  if (cidrHasIp(destination, parseIpv4(PUBLIC_GATEWAY) as number) && destination.prefix > 0) throw invalidField(dest, `must not contain ${PUBLIC_GATEWAY}`);
  const clash = usedRanges(net).find((u) => cidrsOverlap(parseCidr(u) as Cidr, destination));
  if (clash !== undefined) throw invalidField(dest, `${route.destination} overlaps ${clash}, a subnet or route destination of the network`);
  const outer = parseCidr(net.ip_range) as Cidr;
  const gw = `${field}gateway`;
  if (!cidrHasIp(outer, gateway)) throw invalidField(gw, `${route.gateway} is not inside the network's IP range ${net.ip_range}`);
  if (gateway === outer.base || gateway === outer.base + 1) throw invalidField(gw, `${route.gateway} is reserved by the network`);
  if (net.subnets.some((s) => s.type === 'vswitch' && cidrHasIp(parseCidr(s.ip_range) as Cidr, gateway))) {
    throw invalidField(gw, `${route.gateway} lies behind a vSwitch`);
  }
}

/** The API's network zones (some without a location in the simulator's catalog). */
const API_ZONES = ['eu-central', 'us-east', 'us-west', 'ap-southeast'];

/** The network zones a subnet may be in: the API's and those of the catalog's locations. */
export function networkZones(state: SimState): string[] {
  return [...new Set([...API_ZONES, ...state.locations.map((l) => l.network_zone).filter((z): z is string => typeof z === 'string')])];
}
