// A Firewall rule as the extension and the rules editor webview both handle it (the API's `rule`
// object, in camelCase). It lives in src/shared because the webview shows and edits it;
// src/api/types re-exports it for the extension's floors.

export const FIREWALL_DIRECTIONS = ['in', 'out'] as const;
export type FirewallDirection = (typeof FIREWALL_DIRECTIONS)[number];

export const FIREWALL_PROTOCOLS = ['tcp', 'udp', 'icmp', 'esp', 'gre'] as const;
export type FirewallProtocol = (typeof FIREWALL_PROTOCOLS)[number];

/** The API's limits: rules per Firewall, CIDR blocks per rule, characters of a description. */
export const FIREWALL_MAX_RULES = 50;
export const FIREWALL_MAX_IPS_PER_RULE = 100;
export const FIREWALL_MAX_DESCRIPTION = 255;

export interface FirewallRule {
  direction: FirewallDirection;
  protocol: FirewallProtocol;
  /** tcp and udp only: `80`, or a range `1024-5000`; absent for the other protocols. */
  port?: string;
  /** CIDR blocks; direction `in` only (empty for `out`). */
  sourceIps: string[];
  /** CIDR blocks; direction `out` only (empty for `in`). */
  destinationIps: string[];
  /** At most 255 characters; absent when the API says null. */
  description?: string;
}
