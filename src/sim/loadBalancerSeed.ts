// The demo project's Load Balancer (today's API only): `web-lb` (lb11, round robin, fsn1) in front of
// web-1 (running: healthy) and ci-runner (off: unhealthy), with an https service on 443 that uses the
// demo's uploaded certificate and redirects http, and a tcp service. Deterministic: its id and addresses
// follow from the empty Load Balancer map, its history from the seed's day.
import { demoCertificateId } from './certificateSeed';
import { defaultHealthCheck } from './loadBalancerServices';
import { loadBalancerType, newLoadBalancer } from './loadBalancers';
import type { ResourceType, SimServer, SimState } from './state';
import { DAY, HOUR } from './time';

type AddHistory = (command: string, resources: Array<[ResourceType, number]>, at: number, seconds: number) => void;

export function seedDemoLoadBalancers(state: SimState, base: number, targets: SimServer[], history: AddHistory): void {
  const type = loadBalancerType('lb11');
  const location = state.locations.find((l) => l.name === 'fsn1');
  const certificate = demoCertificateId(state);
  if (!type || !location || certificate === undefined) return;
  const created = base - 50 * DAY + 11 * HOUR;
  const lb = newLoadBalancer(state, { name: 'web-lb', type, location, algorithm: 'round_robin', publicInterface: true, labels: { env: 'production', tier: 'web' }, created });
  lb.services = [
    {
      protocol: 'https',
      listen_port: 443,
      destination_port: 80,
      proxyprotocol: false,
      health_check: { ...defaultHealthCheck('https', 80), interval: 10 },
      http: { cookie_name: 'HCLBSTICKY', cookie_lifetime: 300, certificates: [certificate], redirect_http: true, sticky_sessions: false },
    },
    { protocol: 'tcp', listen_port: 8443, destination_port: 8443, proxyprotocol: true, health_check: defaultHealthCheck('tcp', 8443) },
  ];
  lb.targets = targets.map((s) => ({ type: 'server', server: { id: s.id }, use_private_ip: false }));
  lb.ingoing_traffic = 48_318_382_080;
  lb.outgoing_traffic = 311_385_128_960;
  const ref: Array<[ResourceType, number]> = [['load_balancer', lb.id]];
  history('create_load_balancer', ref, created, 12);
  history('add_service', ref, created + 5 * 60_000, 2);
  history('add_service', ref, created + 6 * 60_000, 2);
  for (const [i, s] of targets.entries()) history('add_target', [['load_balancer', lb.id], ['server', s.id]], created + (10 + i) * 60_000, 2);
}
