// Wire -> domain for Volumes.

import type { VolumeSchema } from '../schema';
import type { Volume } from '../types';
import { convertLocation } from './catalog';
import { convertLabels, opt, required, requiredDate, requiredId, text } from './wire';

export function convertVolume(w: VolumeSchema): Volume {
  const id = requiredId(w);
  return {
    id,
    name: text(w.name),
    created: requiredDate(w.created),
    size: typeof w.size === 'number' ? w.size : 0,
    serverId: opt(w.server),
    location: convertLocation(required(w.location, 'location')),
    linuxDevice: text(w.linux_device),
    protection: { delete: w.protection?.delete === true },
    labels: convertLabels(w.labels) ?? {},
    status: text(w.status, 'available'),
    format: typeof w.format === 'string' ? w.format : undefined,
  };
}
