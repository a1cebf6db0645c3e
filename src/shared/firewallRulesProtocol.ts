// Messages between the extension and the Firewall rules editor webview (see protocol.ts for the
// rules). The webview edits a list of rules (inbound and outbound in one list, in the order the
// API gets them) and says each edit (the extension keeps it as a draft); Apply sends the whole list.
// Every parser accepts exactly the documented shape and returns undefined for anything else (never
// throws). A rule that parses need not be valid: a draft may be half-typed; firewallRuleCheck.ts
// says what is wrong, and the extension checks again before it sends.

import { FIREWALL_DIRECTIONS, FIREWALL_PROTOCOLS, type FirewallRule } from './firewallRule';
import { RULE_FIELDS, type RuleField } from './firewallRuleCheck';
import { asBoolean, asId, asNumber, asOneOf, asString, isRecord, type ReadyMessage } from './messages';

export { FIREWALL_RULES_VIEW_TYPE } from './viewTypes';

/** Bounds of what a message may carry: above the API's limits, so an over-long draft still shows (and says what is too long). */
export const MAX_RULES_IN_MESSAGE = 200;
export const MAX_IPS_IN_MESSAGE = 1000;
const MAX_IP_TEXT = 100;
const MAX_PORT_TEXT = 20;
const MAX_DESCRIPTION_TEXT = 2000;
const MAX_NAME = 200;
const MAX_MESSAGE = 4000;
const MAX_FIELD_ERRORS = 200;
/** 2000-01-01 .. 2200-01-01 in ms: when a draft was saved. */
const MIN_MS = 946_684_800_000;
const MAX_MS = 7_258_118_400_000;

/** Which editor a panel is (the webview's saved state; the serializer restores the panel from it). */
export interface FirewallRulesPanelState {
  projectId: string;
  firewallId: number;
  /** For the tab title until the firewall is read again. */
  firewallName: string;
}

/** An API field error (`rules[2].port`), with the row and the field it is about when the name says. */
export interface RuleFieldError {
  name: string;
  messages: string[];
  /** Index in the list that was sent. */
  rule?: number;
  field?: RuleField;
}

// --- extension → webview --------------------------------------------------------------------

/** Sent after every `ready`: the firewall's rules on the server, and the edits to show. */
export interface RulesInitMessage {
  type: 'init';
  panel: FirewallRulesPanelState;
  /** The rules the firewall has now (what "unsaved changes" count against). */
  rules: FirewallRule[];
  /** The edits to show instead of `rules` (a draft, or edits from before the panel was hidden). */
  edits?: FirewallRule[];
  /** A draft kept from an earlier editor: the page offers Apply or Discard. */
  draft?: { savedAt: number; serverChanged: boolean };
  /** An Apply is on its way (the page disables its buttons). */
  applying: boolean;
}

export interface RulesApplyingMessage {
  type: 'applying';
}

/** Apply succeeded: `rules` is what the firewall has now; the edits are gone. */
export interface RulesAppliedMessage {
  type: 'applied';
  rules: FirewallRule[];
}

/** Apply failed: the API's message and its field details; the edits stay. */
export interface RulesFailedMessage {
  type: 'failed';
  message: string;
  fields: RuleFieldError[];
}

/** The firewall cannot be loaded (gone, project removed, API error). */
export interface RulesErrorMessage {
  type: 'error';
  message: string;
}

export type FirewallRulesToWebview = RulesInitMessage | RulesApplyingMessage | RulesAppliedMessage | RulesFailedMessage | RulesErrorMessage;

// --- webview → extension --------------------------------------------------------------------

/** The list as the user has it now (after each change), for the draft. */
export interface RulesEditMessage {
  type: 'edit';
  rules: FirewallRule[];
}

/** Apply: set the firewall's rules to exactly these (one `set_rules`). */
export interface RulesApplyMessage {
  type: 'apply';
  rules: FirewallRule[];
}

/** Drop the edits (and the draft) and show the firewall's rules as they are now. */
export interface RulesDiscardMessage {
  type: 'discard';
}

export type FirewallRulesFromWebview = ReadyMessage | RulesEditMessage | RulesApplyMessage | RulesDiscardMessage;

// --- parsers ----------------------------------------------------------------------------------

function parseStringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_IPS_IN_MESSAGE) return undefined;
  const out: string[] = [];
  for (const item of value) {
    const s = asString(item, MAX_IP_TEXT);
    if (s === undefined) return undefined;
    out.push(s);
  }
  return out;
}

export function parseFirewallRule(value: unknown): FirewallRule | undefined {
  if (!isRecord(value)) return undefined;
  const direction = asOneOf(value.direction, FIREWALL_DIRECTIONS);
  const protocol = asOneOf(value.protocol, FIREWALL_PROTOCOLS);
  const sourceIps = parseStringList(value.sourceIps);
  const destinationIps = parseStringList(value.destinationIps);
  if (!direction || !protocol || !sourceIps || !destinationIps) return undefined;
  const rule: FirewallRule = { direction, protocol, sourceIps, destinationIps };
  if (value.port !== undefined) {
    const port = asString(value.port, MAX_PORT_TEXT);
    if (port === undefined) return undefined;
    rule.port = port;
  }
  if (value.description !== undefined) {
    const description = asString(value.description, MAX_DESCRIPTION_TEXT);
    if (description === undefined) return undefined;
    rule.description = description;
  }
  return rule;
}

export function parseFirewallRules(value: unknown): FirewallRule[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_RULES_IN_MESSAGE) return undefined;
  const out: FirewallRule[] = [];
  for (const item of value) {
    const rule = parseFirewallRule(item);
    if (!rule) return undefined;
    out.push(rule);
  }
  return out;
}

export function parseFirewallRulesPanelState(value: unknown): FirewallRulesPanelState | undefined {
  if (!isRecord(value)) return undefined;
  const projectId = asString(value.projectId, MAX_NAME);
  const firewallId = asId(value.firewallId);
  const firewallName = asString(value.firewallName, MAX_NAME);
  if (!projectId || firewallId === undefined || firewallName === undefined) return undefined;
  return { projectId, firewallId, firewallName };
}

function parseFieldError(value: unknown): RuleFieldError | undefined {
  if (!isRecord(value)) return undefined;
  const name = asString(value.name, MAX_NAME);
  const messages = Array.isArray(value.messages) && value.messages.length <= 20 ? value.messages.map((m) => asString(m, MAX_MESSAGE)) : undefined;
  if (name === undefined || !messages || messages.some((m) => m === undefined)) return undefined;
  const out: RuleFieldError = { name, messages: messages as string[] };
  if (value.rule !== undefined) {
    const rule = asNumber(value.rule, 0, MAX_RULES_IN_MESSAGE - 1);
    if (rule === undefined || !Number.isInteger(rule)) return undefined;
    out.rule = rule;
  }
  if (value.field !== undefined) {
    const field = asOneOf(value.field, RULE_FIELDS);
    if (!field) return undefined;
    out.field = field;
  }
  return out;
}

function parseDraftInfo(value: unknown): RulesInitMessage['draft'] | undefined {
  if (!isRecord(value)) return undefined;
  const savedAt = asNumber(value.savedAt, MIN_MS, MAX_MS);
  const serverChanged = asBoolean(value.serverChanged);
  return savedAt !== undefined && serverChanged !== undefined ? { savedAt, serverChanged } : undefined;
}

function parseInit(value: Record<string, unknown>): RulesInitMessage | undefined {
  const panel = parseFirewallRulesPanelState(value.panel);
  const rules = parseFirewallRules(value.rules);
  const applying = asBoolean(value.applying);
  if (!panel || !rules || applying === undefined) return undefined;
  const out: RulesInitMessage = { type: 'init', panel, rules, applying };
  if (value.edits !== undefined) {
    const edits = parseFirewallRules(value.edits);
    if (!edits) return undefined;
    out.edits = edits;
  }
  if (value.draft !== undefined) {
    const draft = parseDraftInfo(value.draft);
    if (!draft) return undefined;
    out.draft = draft;
  }
  return out;
}

/** Messages from the extension, checked in the webview. */
export function parseFirewallRulesToWebview(value: unknown): FirewallRulesToWebview | undefined {
  if (!isRecord(value)) return undefined;
  const type = value.type as FirewallRulesToWebview['type'];
  switch (type) {
    case 'init':
      return parseInit(value);
    case 'applying':
      return { type };
    case 'applied': {
      const rules = parseFirewallRules(value.rules);
      return rules && { type, rules };
    }
    case 'failed': {
      const message = asString(value.message, MAX_MESSAGE);
      if (!message || !Array.isArray(value.fields) || value.fields.length > MAX_FIELD_ERRORS) return undefined;
      const fields = value.fields.map(parseFieldError);
      return fields.every((f) => f !== undefined) ? { type, message, fields: fields as RuleFieldError[] } : undefined;
    }
    case 'error': {
      const message = asString(value.message, MAX_MESSAGE);
      return message ? { type, message } : undefined;
    }
    default: {
      const unknownType: never = type;
      void unknownType;
      return undefined;
    }
  }
}

/** Messages from the webview, checked in the extension (the webview is untrusted input). */
export function parseFirewallRulesFromWebview(value: unknown): FirewallRulesFromWebview | undefined {
  if (!isRecord(value)) return undefined;
  const type = value.type as FirewallRulesFromWebview['type'];
  switch (type) {
    case 'ready':
    case 'discard':
      return { type };
    case 'edit':
    case 'apply': {
      const rules = parseFirewallRules(value.rules);
      return rules && { type, rules };
    }
    default: {
      const unknownType: never = type;
      void unknownType;
      return undefined;
    }
  }
}

// --- helpers both sides use -------------------------------------------------------------------

const API_FIELDS: Record<string, RuleField> = {
  direction: 'direction',
  protocol: 'protocol',
  port: 'port',
  source_ips: 'ips',
  destination_ips: 'ips',
  description: 'description',
};

/** The API's field errors, each with its row and field when its name is `rules[i].field` (or `rules.i.field`). */
export function mapFieldErrors(fields: ReadonlyArray<{ name: string; messages: readonly string[] }>, ruleCount: number): RuleFieldError[] {
  return fields.slice(0, MAX_FIELD_ERRORS).map((f) => {
    const out: RuleFieldError = { name: f.name.slice(0, MAX_NAME), messages: f.messages.slice(0, 20).map((m) => m.slice(0, MAX_MESSAGE)) };
    const m = /^rules(?:\[(\d+)\]|\.(\d+))(?:\.([a-z_]+))?/.exec(f.name);
    if (m) {
      const index = Number(m[1] ?? m[2]);
      if (index < ruleCount && index < MAX_RULES_IN_MESSAGE) out.rule = index;
      const field = m[3] === undefined ? undefined : API_FIELDS[m[3]];
      if (out.rule !== undefined && field) out.field = field;
    }
    return out;
  });
}

/** A rule as a comparable key (what the API compares: every field, IPs in order). */
export function ruleKey(rule: FirewallRule): string {
  return JSON.stringify([rule.direction, rule.protocol, rule.port ?? '', rule.sourceIps, rule.destinationIps, rule.description ?? '']);
}

export function sameRules(a: readonly FirewallRule[], b: readonly FirewallRule[]): boolean {
  return a.length === b.length && a.every((r, i) => ruleKey(r) === ruleKey(b[i]));
}

/**
 * How many changes `edits` makes to `base`, as the page counts them: rules added, removed or
 * changed (a changed rule, an added and a removed one of the same direction, counts once), and one
 * more when the same rules only moved.
 */
export function countChanges(base: readonly FirewallRule[], edits: readonly FirewallRule[]): number {
  let changes = 0;
  for (const direction of FIREWALL_DIRECTIONS) {
    const left = new Map<string, number>();
    for (const r of base) if (r.direction === direction) left.set(ruleKey(r), (left.get(ruleKey(r)) ?? 0) + 1);
    let added = 0;
    for (const r of edits) {
      if (r.direction !== direction) continue;
      const n = left.get(ruleKey(r)) ?? 0;
      if (n > 0) left.set(ruleKey(r), n - 1);
      else added++;
    }
    let removed = 0;
    for (const n of left.values()) removed += n;
    changes += Math.max(added, removed);
  }
  if (changes > 0) return changes;
  return sameRules(base, edits) ? 0 : 1;
}
