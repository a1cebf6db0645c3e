// Turns state objects (a superset of both API modes, see state.ts) into wire objects of the
// simulator's mode: 2018 strips what the contract lacks; 2026 adds what today's API derives or
// always sends (server_type.locations[], a server's location and empty lists of the resources
// this simulator does not have, deprecation objects, ...) and drops what it no longer sends
// (a server's datacenter). Handlers render every object through these functions.

import type {
  DatacenterSchema,
  DeprecationSchema,
  FloatingIpSchema,
  ImageSchema,
  IsoSchema,
  LocationSchema,
  ServerSchema,
  ServerTypeLocationSchema,
  ServerTypeSchema,
  SshKeySchema,
  VolumeSchema,
} from '../api/schema';
import type { ApiEra } from '../api/types';
import { renderServerPlacementGroup } from './placementGroups';
import { serverFirewalls } from './firewalls';
import { privateNetOf } from './networks';
import { FLOATING_IP_MONTHLY, isPast, netGross, VOLUME_GB_MONTHLY } from './catalog';
import type { SimServer, SimState } from './state';
import { PRIMARY_IP_MONTHLY, renderServerIps } from './primaryIps';
import { DAY, isoTime } from './time';

/** What rendering needs: the mode, the state (for derived fields) and the clock. */
export interface View {
  api: ApiEra;
  state: SimState;
  now: number;
}

export function renderLocation(location: LocationSchema, view: View): LocationSchema {
  if (view.api === '2026') return location;
  const { network_zone: _zone, ...wire } = location;
  return wire;
}

export function renderDatacenter(dc: DatacenterSchema, view: View): DatacenterSchema {
  const available = dc.server_types.available.filter((id) => typeAvailableIn(view, id, dc.location.name));
  return { ...dc, location: renderLocation(dc.location, view), server_types: { ...dc.server_types, available } };
}

/** The deprecation of a type in a location: its own there, or the type's. */
function deprecationIn(state: SimState, type: ServerTypeSchema, location: string): DeprecationSchema | null {
  return state.typeLocationDeprecations[type.name]?.[location] ?? type.deprecation ?? null;
}

/**
 * A type is available in a location when a datacenter there has it available (the datacenter tables, shared by
 * both modes) and its deprecation there (its own, or the type's) has not passed.
 */
export function typeAvailableIn(view: View, typeId: number, location: string): boolean {
  const type = view.state.serverTypes.find((t) => t.id === typeId);
  if (!type) return false;
  const inTable = view.state.datacenters.some((d) => d.location.name === location && d.server_types.available.includes(typeId));
  return inTable && !isPast(deprecationIn(view.state, type, location), view.now);
}

/** Today's `server_type.locations[]`: every location where a datacenter supports the type. */
export function typeLocations(view: View, type: ServerTypeSchema): ServerTypeLocationSchema[] {
  const { state } = view;
  const listed = state.locations.filter((l) => state.datacenters.some((d) => d.location.id === l.id && d.server_types.supported.includes(type.id)));
  const recommended = recommendedLocation(view, type);
  return listed.map((l) => ({
    id: l.id,
    name: l.name,
    available: typeAvailableIn(view, type.id, l.name),
    recommended: l.name === recommended,
    deprecation: deprecationIn(state, type, l.name),
  }));
}

/**
 * The one recommended location of a type: the first (in the catalog's order, fsn1 first as the recommended
 * datacenter is there) where it is available and not deprecated; else the first where it is available.
 */
export function recommendedLocation(view: View, type: ServerTypeSchema): string | undefined {
  const available = view.state.locations.map((l) => l.name).filter((name) => typeAvailableIn(view, type.id, name));
  return available.find((name) => !view.state.typeLocationDeprecations[type.name]?.[name]) ?? available[0];
}

export function renderServerType(type: ServerTypeSchema, view: View): ServerTypeSchema {
  const { architecture, category, deprecated, deprecation, locations: _l, included_traffic: _t, ...base } = type;
  if (view.api === '2018') {
    return { ...base, prices: type.prices.map(({ included_traffic: _t, price_per_tb_traffic: _p, ...price }) => price) };
  }
  return {
    ...base,
    architecture,
    category,
    deprecated: deprecated ?? false,
    deprecation: deprecation ?? null,
    locations: typeLocations(view, type),
    // Reports 0 since 2024-08-05: the traffic is per location in prices[].
    included_traffic: 0,
  };
}

export function renderImage(image: ImageSchema, view: View): ImageSchema {
  const { architecture, labels, ...base } = image;
  if (view.api === '2018') return base;
  return { ...base, architecture: architecture ?? 'x86', labels: { ...(labels ?? {}) }, deleted: null } as ImageSchema;
}

/** Today's ISO: `deprecation` (announced 90 days before) instead of `deprecated`; `architecture` null = any. */
export function renderIso(iso: IsoSchema, view: View): IsoSchema {
  const { architecture, deprecation: _d, deprecated, ...base } = iso;
  if (view.api === '2018') return { ...base, deprecated: deprecated ?? null };
  const deprecation = deprecated ? { announced: isoTime(Date.parse(deprecated) - 90 * DAY), unavailable_after: deprecated } : null;
  return { ...base, architecture: architecture ?? null, deprecation };
}

export function renderServer(server: SimServer, view: View): ServerSchema {
  const { primary_disk_size, labels, datacenter, location: _l, ...base } = server;
  const common = {
    ...base,
    // A test may break a server in the state (server_type null): it is served as it is.
    server_type: server.server_type && renderServerType(server.server_type, view),
    image: server.image && renderImage(server.image, view),
    iso: server.iso && renderIso(server.iso, view),
  };
  if (view.api === '2018') return { ...common, datacenter: datacenter && renderDatacenter(datacenter, view) };
  return {
    ...common,
    location: datacenter && renderLocation(datacenter.location, view),
    labels: { ...(labels ?? {}) },
    primary_disk_size,
    private_net: privateNetOf(view.state, server.id),
    volumes: [...view.state.volumes.values()].filter((v) => v.server === server.id).map((v) => v.id),
    load_balancers: [],
    placement_group: renderServerPlacementGroup(view, server.id),
    // The public addresses are Primary IPs (primaryIps.ts).
    public_net: { ...server.public_net, ...renderServerIps(server, view), firewalls: serverFirewalls(view.state, server) },
  } as ServerSchema;
}

export function renderFloatingIp(fip: FloatingIpSchema, view: View): FloatingIpSchema {
  const { name, labels, created, ...base } = fip;
  const wire = { ...base, home_location: renderLocation(fip.home_location, view) };
  if (view.api === '2018') return wire;
  return { ...wire, name, labels: { ...(labels ?? {}) }, created };
}

export function renderSshKey(key: SshKeySchema, view: View): SshKeySchema {
  const { labels, created, ...base } = key;
  if (view.api === '2018') return base;
  return { ...base, labels: { ...(labels ?? {}) }, created };
}

/** /pricing of the mode: 2026 reports traffic 0, Floating IPs per type and location, traffic per location. */
export function renderPricing(view: View): unknown {
  const { state } = view;
  const serverTypes = state.serverTypes.map((t) => ({ id: t.id, name: t.name, prices: renderServerType(t, view).prices }));
  if (view.api === '2018') return { ...state.pricing, server_types: serverTypes };
  const perLocation = (monthly: number) => state.locations.map((l) => ({ location: l.name, price_monthly: netGross(monthly) }));
  return {
    ...state.pricing,
    // Deprecated in favour of floating_ips; the live API keeps it at the IPv4 price.
    floating_ip: { price_monthly: netGross(FLOATING_IP_MONTHLY.ipv4) },
    floating_ips: [
      { type: 'ipv4', prices: perLocation(FLOATING_IP_MONTHLY.ipv4) },
      { type: 'ipv6', prices: perLocation(FLOATING_IP_MONTHLY.ipv6) },
    ],
    traffic: { price_per_tb: netGross(0) },
    server_types: serverTypes,
    primary_ips: (['ipv4', 'ipv6'] as const).map((type) => ({ type, prices: perLocation(PRIMARY_IP_MONTHLY[type]) })),
    volume: { price_per_gb_month: netGross(VOLUME_GB_MONTHLY) },
  };
}

/** A volume (today's API only): its location in the mode's shape, its labels as a copy. */
export function renderVolume(volume: VolumeSchema, view: View): VolumeSchema {
  return { ...volume, location: renderLocation(volume.location, view), labels: { ...volume.labels }, protection: { ...volume.protection } };
}
