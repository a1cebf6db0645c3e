// Turns state objects into wire objects: drops internal fields, and applies the drift options
// (servers with `location` instead of `datacenter`, extra unknown fields everywhere).

import type { ServerSchema } from '../api/schema';
import type { DriftOptions } from './types';
import type { SimServer } from './state';

export function renderServer(server: SimServer, drift: DriftOptions): ServerSchema {
  const { primary_disk_size, ...wire } = server;
  if (drift.extraFields) {
    // Fields today's live API sends that the spec does not have, and its [] for an empty IPv6 rDNS list.
    const ipv6 = { ...wire.public_net.ipv6, dns_ptr: wire.public_net.ipv6.dns_ptr ?? [] };
    Object.assign(wire, { primary_disk_size, private_net: [], public_net: { ...wire.public_net, ipv6 } });
  }
  if (!drift.serversWithoutDatacenter) return wire;
  const { datacenter, ...rest } = wire;
  return { ...rest, location: datacenter?.location };
}

/** A copy of a JSON body in which every object with a numeric `id` carries fields the spec does not know. */
export function withExtraFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withExtraFields);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withExtraFields(v);
  if (typeof out.id === 'number') {
    out.labels ??= {};
    out.x_sim_future_field = { added: '2099-01-01', values: [1, 2, 3] };
  }
  return out;
}
