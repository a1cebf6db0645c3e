// The demo Networks of a 2026 state: `backend` (a cloud and a vSwitch subnet, a route, web-1 and
// db-main attached) and `legacy-net`, which still has a subnet of the deprecated type `server`.

import { macAddress, newNetwork } from './networks';
import type { SimServer, SimState } from './state';

import { DAY } from './time';

export function seedNetworks(state: SimState, base: number, attached: SimServer[]): void {
  const backend = newNetwork(state, {
    name: 'backend',
    ipRange: '10.0.0.0/16',
    subnets: [
      { type: 'cloud', ip_range: '10.0.1.0/24', network_zone: 'eu-central' },
      { type: 'vswitch', ip_range: '10.0.2.0/24', network_zone: 'eu-central', vswitch_id: 1000 },
    ],
    routes: [{ destination: '10.100.1.0/24', gateway: '10.0.1.10' }],
    labels: { env: 'production' },
    created: base - 380 * DAY,
  });
  backend.protection.delete = true;
  attached.forEach((server, i) => {
    backend.attachments.push({ server: server.id, ip: `10.0.1.${i + 2}`, alias_ips: i === 0 ? ['10.0.1.100'] : [], mac_address: macAddress(backend.id, server.id) });
  });
  newNetwork(state, {
    name: 'legacy-net',
    ipRange: '172.16.0.0/16',
    subnets: [{ type: 'server', ip_range: '172.16.0.0/24', network_zone: 'eu-central' }],
    created: base - 900 * DAY,
  });
}
