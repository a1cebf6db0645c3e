// Wire -> domain (and back, for request bodies) for Firewalls.

import type { FirewallAppliedToSchema, FirewallResourceSchema, FirewallRuleSchema, FirewallSchema, ServerFirewallSchema } from '../schema';
import type { Firewall, FirewallAppliedTo, FirewallResource, FirewallRule, ServerFirewall } from '../types';
import { convertLabels, isRecord, list, requiredDate, requiredId, text } from './wire';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

export function convertFirewallRule(w: FirewallRuleSchema): FirewallRule {
  return {
    direction: w.direction,
    protocol: w.protocol,
    ...(typeof w.port === 'string' ? { port: w.port } : {}),
    sourceIps: strings(w.source_ips),
    destinationIps: strings(w.destination_ips),
    ...(typeof w.description === 'string' ? { description: w.description } : {}),
  };
}

/** A rule as a request body holds it (only the IPs of its direction). */
export function firewallRuleToWire(rule: FirewallRule): FirewallRuleSchema {
  return {
    direction: rule.direction,
    protocol: rule.protocol,
    port: rule.port ?? null,
    ...(rule.direction === 'in' ? { source_ips: rule.sourceIps } : { destination_ips: rule.destinationIps }),
    description: rule.description ?? null,
  };
}

export function firewallResourceToWire(r: FirewallResource): FirewallResourceSchema {
  return r.type === 'server' ? { type: 'server', server: { id: r.serverId } } : { type: 'label_selector', label_selector: { selector: r.selector } };
}

function convertAppliedTo(w: FirewallAppliedToSchema): FirewallAppliedTo | undefined {
  if (w?.type === 'server' && typeof w.server?.id === 'number') return { type: 'server', serverId: w.server.id };
  if (w?.type === 'label_selector' && typeof w.label_selector?.selector === 'string') {
    const serverIds = list(w.applied_to_resources).flatMap((r) => (typeof r?.server?.id === 'number' ? [r.server.id] : []));
    return { type: 'labelSelector', selector: w.label_selector.selector, serverIds };
  }
  return undefined;
}

export function convertFirewall(w: FirewallSchema): Firewall {
  return {
    id: requiredId(w),
    name: text(w.name),
    labels: convertLabels(w.labels) ?? {},
    created: requiredDate(w.created),
    rules: list(w.rules).filter(isRecord).map((r) => convertFirewallRule(r as unknown as FirewallRuleSchema)),
    appliedTo: list(w.applied_to).flatMap((a) => convertAppliedTo(a) ?? []),
  };
}

/** A server's `public_net.firewalls` (today's API); undefined when absent (the 2018 contract). */
export function convertServerFirewalls(w: unknown): ServerFirewall[] | undefined {
  if (!Array.isArray(w)) return undefined;
  return (w as ServerFirewallSchema[]).flatMap((f) => (isRecord(f) && typeof f.id === 'number' ? [{ id: f.id, status: text(f.status, 'applied') }] : []));
}
