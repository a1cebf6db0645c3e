// The demo project's firewalls (today's API only): `web-fw` (SSH from one documentation range, HTTP and
// HTTPS from anywhere, ICMP) applied to the two web servers, and `staging-fw` applied by the label
// selector env=staging.
import type { FirewallRuleSchema } from '../api/schema';
import { newFirewall } from './firewalls';
import type { ResourceType, SimServer, SimState } from './state';
import { DAY, HOUR } from './time';

type AddHistory = (command: string, resources: Array<[ResourceType, number]>, at: number, seconds: number) => void;

const ANYWHERE = ['0.0.0.0/0', '::/0'];
const tcpIn = (port: string, sourceIps: string[], description: string): FirewallRuleSchema => ({
  direction: 'in',
  protocol: 'tcp',
  port,
  source_ips: sourceIps,
  destination_ips: [],
  description,
});

export function seedDemoFirewalls(state: SimState, base: number, webServers: SimServer[], history: AddHistory): void {
  const webCreated = base - 300 * DAY + 11 * HOUR;
  const web = newFirewall(state, {
    name: 'web-fw',
    labels: { env: 'production', tier: 'web' },
    created: webCreated,
    rules: [
      tcpIn('22', ['203.0.113.0/24'], 'SSH from the office'),
      tcpIn('80', ANYWHERE, 'HTTP'),
      tcpIn('443', ANYWHERE, 'HTTPS'),
      { direction: 'in', protocol: 'icmp', port: null, source_ips: ANYWHERE, destination_ips: [], description: 'Ping' },
    ],
  });
  history('set_firewall_rules', [['firewall', web.id]], webCreated, 2);
  for (const server of webServers) {
    web.applied_to.push({ type: 'server', server: { id: server.id } });
    history('apply_firewall', [['firewall', web.id], ['server', server.id]], webCreated + 60_000, 3);
  }

  const stagingCreated = base - 90 * DAY + 15 * HOUR;
  const staging = newFirewall(state, {
    name: 'staging-fw',
    labels: { env: 'staging' },
    created: stagingCreated,
    rules: [
      tcpIn('22', ['198.51.100.0/24', '2001:db8:1234::/48'], 'SSH from the VPN'),
      tcpIn('8000-8999', ['198.51.100.0/24'], 'App ports'),
      { direction: 'out', protocol: 'udp', port: '53', source_ips: [], destination_ips: ['192.0.2.53/32'], description: 'DNS' },
    ],
  });
  staging.applied_to.push({ type: 'label_selector', label_selector: { selector: 'env=staging' } });
  history('set_firewall_rules', [['firewall', staging.id]], stagingCreated, 2);
  history('apply_firewall', [['firewall', staging.id]], stagingCreated + 60_000, 3);
}
