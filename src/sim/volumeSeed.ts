// The demo project's volumes (today's API only): one attached to db-main and protected, two loose.
import type { ResourceType, SimServer, SimState } from './state';
import { DAY, HOUR } from './time';
import { newVolume } from './volumes';

type AddHistory = (command: string, resources: Array<[ResourceType, number]>, at: number, seconds: number) => void;

export function seedDemoVolumes(state: SimState, base: number, db: SimServer, history: AddHistory): void {
  const location = (name: string) => state.locations.find((l) => l.name === name) ?? state.locations[0];
  const made = (name: string, size: number, where: string, format: string | null, daysAgo: number, labels?: Record<string, string>) => {
    const created = base - daysAgo * DAY + 10 * HOUR;
    const volume = newVolume(state, { name, size, location: location(where), format, labels, created, status: 'available' });
    history('create_volume', [['volume', volume.id]], created, 8);
    return volume;
  };
  const data = made('db-data', 100, db.datacenter?.location.name ?? 'fsn1', 'ext4', 380, { env: 'production', tier: 'db' });
  data.server = db.id;
  data.protection = { delete: true };
  history('attach_volume', [['volume', data.id], ['server', db.id]], Date.parse(data.created) + 60_000, 3);
  history('change_protection', [['volume', data.id]], Date.parse(data.created) + HOUR, 1);
  made('scratch', 50, 'nbg1', 'xfs', 40, { env: 'staging' });
  made('archive', 500, 'hel1', null, 200);
}
