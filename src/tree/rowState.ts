// A tree row's state in words, for its description and its screen-reader label: an icon's colour
// says nothing to a screen reader, nor to someone who cannot tell the colours apart. No vscode.
import type { ServerStatus } from '../api/types';
import { isTransitionalServer } from './format';
import type { ResourceKind } from './resourceNode';

/** `running`, `off`, `starting…`: a status that passes ends with an ellipsis, as its spinning icon. */
export function serverStateText(status: ServerStatus): string {
  return isTransitionalServer(status) ? `${status}…` : status;
}

/** What a screen reader calls each kind of row. */
export const KIND_NOUN: Record<ResourceKind, string> = {
  server: 'server',
  floatingIp: 'Floating IP',
  image: 'image',
  sshKey: 'SSH key',
  iso: 'ISO',
  serverType: 'server type',
  location: 'location',
  datacenter: 'datacenter',
  primaryIp: 'Primary IP',
  placementGroup: 'placement group',
  network: 'Network',
  subnet: 'subnet',
  route: 'route',
  volume: 'volume',
  certificate: 'certificate',
  loadBalancer: 'Load Balancer',
  loadBalancerService: 'service',
  loadBalancerTarget: 'target',
  loadBalancerType: 'Load Balancer type',
  loadBalancerServices: 'services',
  loadBalancerTargets: 'targets',
  firewall: 'firewall',
};

/**
 * The row's accessibility label: `web-1, server, running, 203.0.113.10, cx22, fsn1`. The state is
 * said once, after the kind, even where the description leaves it out (an available volume); the
 * description's ` · ` separators become commas, which a screen reader pauses on.
 */
export function rowAccessibilityLabel(label: string, kind: ResourceKind, state: string | undefined, description: string): string {
  const details = description.split(' · ').filter(Boolean);
  return [label, KIND_NOUN[kind], state && !details.includes(state) ? state : undefined, ...details].filter(Boolean).join(', ');
}
