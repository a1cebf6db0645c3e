// Wire -> domain for Floating IPs.

import type { FloatingIpSchema } from '../schema';
import type { FloatingIp } from '../types';
import { convertLocation } from './catalog';
import { convertDnsPtr } from './server';
import { convertLabels, list, opt, required, requiredId, WireShapeError } from './wire';

export function convertFloatingIp(w: FloatingIpSchema): FloatingIp {
  const id = requiredId(w);
  if (typeof w.ip !== 'string') throw new WireShapeError('ip is missing');
  return {
    id,
    description: typeof w.description === 'string' ? w.description : undefined,
    ip: w.ip,
    type: w.type === 'ipv6' || (w.type !== 'ipv4' && w.ip.includes(':')) ? 'ipv6' : 'ipv4',
    serverId: opt(w.server),
    dnsPtr: list(w.dns_ptr).map(convertDnsPtr),
    homeLocation: convertLocation(required(w.home_location, 'home_location')),
    blocked: w.blocked === true,
    protection: { delete: w.protection?.delete === true },
    name: typeof w.name === 'string' ? w.name : undefined,
    labels: convertLabels(w.labels),
  };
}
