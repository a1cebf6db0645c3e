// The rules editor's rows as the user types them (an IP list is one text), turned into the API's
// rules and back; moves within a direction; the checks and API errors of each row. No DOM here.

import type { FirewallDirection, FirewallProtocol, FirewallRule } from '../../src/shared/firewallRule';
import { checkRules, protocolHasPort, splitIpList, type RuleField, type RuleProblems } from '../../src/shared/firewallRuleCheck';
import type { RuleFieldError } from '../../src/shared/firewallRulesProtocol';

export interface Row {
  /** Stable while the page lives (moves keep it): focus and API errors follow the row. */
  key: number;
  direction: FirewallDirection;
  protocol: FirewallProtocol;
  port: string;
  /** One CIDR block per line, or comma separated. */
  ips: string;
  description: string;
  /** What the API said about this row at the last Apply (cleared field by field as it is edited). */
  apiErrors: Partial<Record<RuleField, string>>;
}

let nextKey = 1;

export function toRow(rule: FirewallRule): Row {
  const ips = rule.direction === 'in' ? rule.sourceIps : rule.destinationIps;
  return { key: nextKey++, direction: rule.direction, protocol: rule.protocol, port: rule.port ?? '', ips: ips.join('\n'), description: rule.description ?? '', apiErrors: {} };
}

export function newRow(direction: FirewallDirection): Row {
  return { key: nextKey++, direction, protocol: 'tcp', port: '', ips: '', description: '', apiErrors: {} };
}

export function toRule(row: Row): FirewallRule {
  const ips = splitIpList(row.ips);
  const rule: FirewallRule = {
    direction: row.direction,
    protocol: row.protocol,
    sourceIps: row.direction === 'in' ? ips : [],
    destinationIps: row.direction === 'out' ? ips : [],
  };
  if (protocolHasPort(row.protocol)) rule.port = row.port.trim();
  if (row.description !== '') rule.description = row.description;
  return rule;
}

/** Inbound rows first, then outbound, each in its own order: the list the API gets. */
export function ordered(rows: readonly Row[]): Row[] {
  return [...rows.filter((r) => r.direction === 'in'), ...rows.filter((r) => r.direction === 'out')];
}

/** Moves the row one place up (-1) or down (+1) among the rows of its direction; false at an end. */
export function move(rows: Row[], key: number, by: -1 | 1): boolean {
  const i = rows.findIndex((r) => r.key === key);
  if (i < 0) return false;
  let j = i + by;
  while (j >= 0 && j < rows.length && rows[j].direction !== rows[i].direction) j += by;
  if (j < 0 || j >= rows.length) return false;
  [rows[i], rows[j]] = [rows[j], rows[i]];
  return true;
}

export interface RowsCheck {
  byKey: Map<number, RuleProblems>;
  list?: string;
  ok: boolean;
}

/** The checker's messages per row; API messages where the checker has none for that field. */
export function check(rows: readonly Row[]): RowsCheck {
  const result = checkRules(rows.map(toRule));
  const byKey = new Map<number, RuleProblems>();
  rows.forEach((row, i) => byKey.set(row.key, { ...row.apiErrors, ...result.rules[i] }));
  return { byKey, list: result.list, ok: result.ok };
}

/**
 * Puts the API's field errors on the rows they name (`rules[i]` of the list that was sent);
 * returns the ones that name no row, to show above the tables.
 */
export function placeApiErrors(sent: readonly Row[], fields: readonly RuleFieldError[]): RuleFieldError[] {
  for (const row of sent) row.apiErrors = {};
  const rest: RuleFieldError[] = [];
  for (const f of fields) {
    const row = f.rule === undefined ? undefined : sent[f.rule];
    if (!row || !f.field) {
      rest.push(f);
      continue;
    }
    const text = f.messages.join(' ') || 'The API refused this value.';
    row.apiErrors[f.field] = row.apiErrors[f.field] ? `${row.apiErrors[f.field]} ${text}` : text;
  }
  return rest;
}

export function changesText(n: number): string {
  if (n === 0) return 'No unsaved changes';
  return n === 1 ? '1 unsaved change' : `${n} unsaved changes`;
}
