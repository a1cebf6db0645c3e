// Messages between the extension and the Firewall rules editor webview (see protocol.ts for the
// rules). The webview edits a list of rules (inbound and outbound in one list, in the order the
// API gets them) and says each edit (the extension keeps it as a draft); Apply sends the whole list.
// Every parser accepts exactly the documented shape and returns undefined for anything else (never
// throws). A rule that parses need not be valid: a draft may be half-typed; firewallRuleCheck.ts
// says what is wrong, and the extension checks again before it sends.

import { FIREWALL_DIRECTIONS, FIREWALL_PROTOCOLS, type FirewallRule } from './firewallRule';
import { RULE_FIELDS, type RuleField } from './firewallRuleCheck';
import { asBoolean, asId, asNumber, asOneOf, asString, isRecord, parseByType, type ParserTable, type ReadyMessage } from './messages';

export { FIREWALL_RULES_VIEW_TYPE } from './viewTypes';

/**
 * Bounds of what a message may carry: above the API's limits (50 rules, 100 blocks, 255 characters),
 * so an over-long draft still shows and says what is too long.
 */
export const MESSAGE_LIMITS = { rules: 200, ips: 1000, ipText: 100, portText: 20, descriptionText: 2000, name: 200, message: 4000, fieldErrors: 200 } as const;
const L = MESSAGE_LIMITS;
/** When a draft was saved: between 2000-01-01 and 2200-01-01 (ms). */
const SAVED_AT = { min: 946_684_800_000, max: 7_258_118_400_000 } as const;

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

/** Each item parsed, or undefined when the list is too long or any item does not parse. */
function parseList<T>(value: unknown, max: number, item: (v: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length > max) return undefined;
  const out = value.map(item);
  return out.every((x) => x !== undefined) ? (out as T[]) : undefined;
}

const parseStringList = (value: unknown) => parseList(value, L.ips, (s) => asString(s, L.ipText));

export function parseFirewallRule(value: unknown): FirewallRule | undefined {
  if (!isRecord(value)) return undefined;
  const direction = asOneOf(value.direction, FIREWALL_DIRECTIONS);
  const protocol = asOneOf(value.protocol, FIREWALL_PROTOCOLS);
  const sourceIps = parseStringList(value.sourceIps);
  const destinationIps = parseStringList(value.destinationIps);
  if (!direction || !protocol || !sourceIps || !destinationIps) return undefined;
  const rule: FirewallRule = { direction, protocol, sourceIps, destinationIps };
  if (value.port !== undefined) {
    const port = asString(value.port, L.portText);
    if (port === undefined) return undefined;
    rule.port = port;
  }
  if (value.description !== undefined) {
    const description = asString(value.description, L.descriptionText);
    if (description === undefined) return undefined;
    rule.description = description;
  }
  return rule;
}

export function parseFirewallRules(value: unknown): FirewallRule[] | undefined {
  return parseList(value, L.rules, parseFirewallRule);
}

export function parseFirewallRulesPanelState(value: unknown): FirewallRulesPanelState | undefined {
  if (!isRecord(value)) return undefined;
  const state = { projectId: asString(value.projectId, L.name), firewallId: asId(value.firewallId), firewallName: asString(value.firewallName, L.name) };
  return state.projectId && state.firewallId !== undefined && state.firewallName !== undefined ? (state as FirewallRulesPanelState) : undefined;
}

function parseFieldError(value: unknown): RuleFieldError | undefined {
  if (!isRecord(value)) return undefined;
  const name = asString(value.name, L.name);
  const messages = parseList(value.messages, 20, (m) => asString(m, L.message));
  if (name === undefined || !messages) return undefined;
  const out: RuleFieldError = { name, messages };
  if (value.rule !== undefined) {
    const rule = asNumber(value.rule, 0, L.rules - 1);
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
  const savedAt = asNumber(value.savedAt, SAVED_AT.min, SAVED_AT.max);
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

const withRules =
  <T extends 'applied' | 'edit' | 'apply'>(type: T) =>
  (message: Record<string, unknown>) => {
    const rules = parseFirewallRules(message.rules);
    return rules && { type, rules };
  };

function parseFailed(message: Record<string, unknown>): RulesFailedMessage | undefined {
  const text = asString(message.message, L.message);
  const fields = parseList(message.fields, L.fieldErrors, parseFieldError);
  return text && fields ? { type: 'failed', message: text, fields } : undefined;
}

const TO_WEBVIEW: ParserTable<FirewallRulesToWebview> = {
  init: parseInit,
  applying: () => ({ type: 'applying' }),
  applied: withRules('applied'),
  failed: parseFailed,
  error: (message) => {
    const text = asString(message.message, L.message);
    return text ? { type: 'error', message: text } : undefined;
  },
};

const FROM_WEBVIEW: ParserTable<FirewallRulesFromWebview> = {
  ready: () => ({ type: 'ready' }),
  discard: () => ({ type: 'discard' }),
  edit: withRules('edit'),
  apply: withRules('apply'),
};

/** Messages from the extension, checked in the webview. */
export function parseFirewallRulesToWebview(value: unknown): FirewallRulesToWebview | undefined {
  return parseByType(value, TO_WEBVIEW);
}

/** Messages from the webview, checked in the extension (the webview is untrusted input). */
export function parseFirewallRulesFromWebview(value: unknown): FirewallRulesFromWebview | undefined {
  return parseByType(value, FROM_WEBVIEW);
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
  return fields.slice(0, L.fieldErrors).map((f) => {
    const out: RuleFieldError = { name: f.name.slice(0, L.name), messages: f.messages.slice(0, 20).map((m) => m.slice(0, L.message)) };
    const m = /^rules(?:\[(\d+)\]|\.(\d+))(?:\.([a-z_]+))?/.exec(f.name);
    if (m) {
      const index = Number(m[1] ?? m[2]);
      if (index < ruleCount && index < L.rules) out.rule = index;
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
