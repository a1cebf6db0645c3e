// Firewalls (today's API; absent in the 2018 contract): rules, and what they are applied to (servers,
// label selectors with the servers they match).

import type { ActionSchema, LabelsSchema } from './common';

export interface FirewallRuleSchema {
  direction: 'in' | 'out';
  protocol: 'tcp' | 'udp' | 'icmp' | 'esp' | 'gre';
  /** tcp and udp: `80` or `1024-5000`; null for the other protocols. */
  port?: string | null;
  source_ips?: string[];
  destination_ips?: string[];
  description?: string | null;
}

export interface FirewallServerRefSchema {
  id: number;
}

export interface FirewallAppliedToResourceSchema {
  type: 'server';
  server?: FirewallServerRefSchema;
}

export interface FirewallResourceSchema {
  type: 'server' | 'label_selector';
  server?: FirewallServerRefSchema;
  label_selector?: { selector: string };
}

/** An entry of `applied_to`: a server, or a label selector with the servers it matches now. */
export interface FirewallAppliedToSchema extends FirewallResourceSchema {
  applied_to_resources?: FirewallAppliedToResourceSchema[];
}

export interface FirewallSchema {
  id: number;
  name: string;
  labels: LabelsSchema;
  created: string;
  rules: FirewallRuleSchema[];
  applied_to: FirewallAppliedToSchema[];
}

export interface FirewallCreateRequestSchema {
  name: string;
  labels?: LabelsSchema;
  rules?: FirewallRuleSchema[];
  apply_to?: FirewallResourceSchema[];
}

export interface FirewallCreateResponseSchema {
  firewall: FirewallSchema;
  actions: ActionSchema[];
}

export interface FirewallUpdateRequestSchema {
  name?: string;
  labels?: LabelsSchema;
}

/** The answer of set_rules, apply_to_resources and remove_from_resources. */
export interface FirewallActionsResponseSchema {
  actions: ActionSchema[];
}

/** `public_net.firewalls[]` of a server (today's API). */
export interface ServerFirewallSchema {
  id: number;
  status: 'applied' | 'pending';
}
