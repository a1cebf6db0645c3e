// Domain types of Firewalls (today's API only). A rule is src/shared/firewallRule.ts's FirewallRule,
// which the rules editor webview shares.

import type { FirewallRule } from '../../shared/firewallRule';
import type { Action } from './action';
import type { LabelListParams, Labels, Open, SortBy } from './common';

export {
  FIREWALL_DIRECTIONS,
  FIREWALL_MAX_DESCRIPTION,
  FIREWALL_MAX_IPS_PER_RULE,
  FIREWALL_MAX_RULES,
  FIREWALL_PROTOCOLS,
  type FirewallDirection,
  type FirewallProtocol,
  type FirewallRule,
} from '../../shared/firewallRule';

/** What a Firewall is applied to, or is to be applied to / removed from. */
export type FirewallResource = { type: 'server'; serverId: number } | { type: 'labelSelector'; selector: string };

/** An entry of `appliedTo`: a selector carries the servers it matches now. */
export type FirewallAppliedTo = { type: 'server'; serverId: number } | { type: 'labelSelector'; selector: string; serverIds: number[] };

export interface Firewall {
  id: number;
  name: string;
  labels: Labels;
  created: Date;
  rules: FirewallRule[];
  appliedTo: FirewallAppliedTo[];
}

/** A server's `public_net.firewalls[]` entry. */
export interface ServerFirewall {
  id: number;
  status: Open<'applied' | 'pending'>;
}

export interface FirewallCreateParams {
  /** Unique per project, at most 128 characters. */
  name: string;
  labels?: Labels;
  rules?: FirewallRule[];
  applyTo?: FirewallResource[];
}

export interface FirewallCreateResult {
  firewall: Firewall;
  /** `set_firewall_rules`, `apply_firewall`. */
  actions: Action[];
}

export interface FirewallListParams extends LabelListParams {
  name?: string;
  sort?: SortBy<'id' | 'name' | 'created'> | Array<SortBy<'id' | 'name' | 'created'>>;
}
