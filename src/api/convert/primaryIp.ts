// Wire -> domain for Primary IPs.

import type { PrimaryIpSchema } from '../schema';
import type { PrimaryIp } from '../types';
import { convertLocation } from './catalog';
import { convertDnsPtr } from './server';
import { convertLabels, isRecord, list, opt, parseDate, requiredId, WireShapeError } from './wire';

export function convertPrimaryIp(w: PrimaryIpSchema): PrimaryIp {
  const id = requiredId(w);
  if (typeof w.ip !== 'string') throw new WireShapeError('ip is missing');
  // `location` replaced `datacenter` on 2026-07-01; an older answer has only the datacenter's.
  const location = isRecord(w.location) ? w.location : w.datacenter?.location;
  if (!isRecord(location)) throw new WireShapeError('location is missing');
  return {
    id,
    name: typeof w.name === 'string' ? w.name : '',
    ip: w.ip,
    type: w.type === 'ipv6' || (w.type !== 'ipv4' && w.ip.includes(':')) ? 'ipv6' : 'ipv4',
    // `assignee_type` is `unassigned` (not `server`) when nothing is assigned: the id decides.
    assigneeId: w.assignee_type === 'unassigned' ? undefined : opt(w.assignee_id),
    autoDelete: w.auto_delete === true,
    blocked: w.blocked === true,
    dnsPtr: list(w.dns_ptr).map(convertDnsPtr),
    location: convertLocation(location),
    protection: { delete: w.protection?.delete === true },
    labels: convertLabels(w.labels) ?? {},
    created: parseDate(w.created),
  };
}
