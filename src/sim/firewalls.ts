// Firewalls in the simulator's state: the rules as the API checks them (src/shared/firewallRuleCheck.ts),
// what a firewall is applied to (servers directly, label selectors matching servers by their labels),
// a server's `public_net.firewalls`, and what other routes call: POST /servers with `firewalls`,
// and the clean-up when a server goes.

import { matchesLabelSelector, parseLabelSelector } from '../api/labels';
import type { FirewallAppliedToSchema, FirewallResourceSchema, FirewallRuleSchema, ServerFirewallSchema } from '../api/schema';
import type { FirewallRule, Labels } from '../api/types';
import { FIREWALL_MAX_RULES } from '../shared/firewallRule';
import { canonicalFirewallRule, firewallRuleProblems } from '../shared/firewallRuleCheck';
import { ApiError, invalidField, uniqueness } from './http';
import type { RouteContext } from './router';
import type { SimServer, SimState } from './state';
import { isoTime } from './time';
import { BodyInput } from './validate';

/** A firewall as the simulator keeps it: `applied_to` without the derived `applied_to_resources`. */
export interface SimFirewall {
  id: number;
  name: string;
  labels: Labels;
  created: string;
  rules: FirewallRuleSchema[];
  applied_to: FirewallResourceSchema[];
  /** Server id -> true while its apply_firewall action runs (its status is `pending` then). */
  pending: Record<string, boolean>;
}

const FIRST_FIREWALL_ID = 38;
export const FIREWALL_NAME_MAX = 128;

export function nextFirewallId(state: SimState): number {
  const id = state.counters.firewall ?? Math.max(FIRST_FIREWALL_ID, ...[...state.firewalls.keys()].map((k) => k + 1));
  state.counters.firewall = id + 1;
  return id;
}

export function firewallNameProblem(name: string): string | undefined {
  if (!name.trim()) return 'must not be empty';
  return name.length > FIREWALL_NAME_MAX ? `is too long (at most ${FIREWALL_NAME_MAX} characters)` : undefined;
}

export function assertFirewallNameFree(state: SimState, name: string, self?: number): void {
  for (const f of state.firewalls.values()) {
    if (f.name === name && f.id !== self) throw uniqueness('name', `firewall name '${name}' is already used`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** One rule of a body as a FirewallRule, or undefined after noting its type errors on `input`. */
function readRule(input: BodyInput, raw: unknown, at: string): FirewallRule | undefined {
  if (!isObject(raw)) return input.fail(at, 'must be an object');
  const fails: Array<[string, string]> = [];
  for (const key of ['direction', 'protocol']) if (typeof raw[key] !== 'string') fails.push([key, raw[key] === undefined ? 'is required' : 'must be a string']);
  for (const key of ['port', 'description']) if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== 'string') fails.push([key, 'must be a string or null']);
  for (const key of ['source_ips', 'destination_ips']) if (raw[key] !== undefined && !isStrings(raw[key])) fails.push([key, 'must be an array of strings']);
  for (const [key, message] of fails) input.fail(`${at}.${key}`, message);
  if (fails.length) return undefined;
  return {
    direction: raw.direction as FirewallRule['direction'],
    protocol: raw.protocol as FirewallRule['protocol'],
    ...(typeof raw.port === 'string' ? { port: raw.port } : {}),
    sourceIps: (raw.source_ips as string[] | undefined) ?? [],
    destinationIps: (raw.destination_ips as string[] | undefined) ?? [],
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
  };
}

/** The wire rule the API keeps and answers: IPv6 blocks canonical, every field present. */
function wireRule(rule: FirewallRule): FirewallRuleSchema {
  const c = canonicalFirewallRule(rule);
  return { direction: c.direction, protocol: c.protocol, port: c.port ?? null, source_ips: c.sourceIps, destination_ips: c.destinationIps, description: c.description ?? null };
}

/**
 * `rules` of a body (create, set_rules): every problem is noted on `input` as `rules[2].port` and the
 * like; the rules as the API keeps them when there is none.
 */
export function readRules(input: BodyInput, body: Record<string, unknown>, required: boolean): FirewallRuleSchema[] | undefined {
  const raw = body.rules;
  if (raw === undefined || raw === null) {
    if (required) input.fail('rules', 'is required');
    return undefined;
  }
  if (!Array.isArray(raw)) return input.fail('rules', 'must be an array of rules');
  if (raw.length > FIREWALL_MAX_RULES) input.fail('rules', `at most ${FIREWALL_MAX_RULES} rules per firewall`);
  const rules: FirewallRuleSchema[] = [];
  raw.forEach((item, i) => {
    const rule = readRule(input, item, `rules[${i}]`);
    if (!rule) return;
    const problems = firewallRuleProblems(rule);
    for (const p of problems) input.fail(`rules[${i}].${p.field}`, p.message);
    if (!problems.length) rules.push(wireRule(rule));
  });
  return rules;
}

/** A resource of `apply_to` / `remove_from`: a server of the state, or a label selector. */
export type FirewallTarget = { type: 'server'; id: number; server?: SimServer } | { type: 'label_selector'; selector: string };

/** `apply_to` / `remove_from` entries, checked for shape (invalid_input on `<key>[i]...`); servers are looked up, not checked. */
export function readTargets(input: BodyInput, body: Record<string, unknown>, key: string, required: boolean): FirewallTarget[] {
  const raw = body[key];
  if (raw === undefined || raw === null) {
    if (required) input.fail(key, 'is required');
    return [];
  }
  if (!Array.isArray(raw)) return input.fail(key, 'must be an array of resources') ?? [];
  const out: FirewallTarget[] = [];
  raw.forEach((item, i) => {
    const at = `${key}[${i}]`;
    if (!isObject(item)) return input.fail(at, 'must be an object');
    if (item.type === 'server') {
      const id = isObject(item.server) ? item.server.id : undefined;
      if (!Number.isSafeInteger(id) || (id as number) <= 0) return input.fail(`${at}.server.id`, 'must be a server ID');
      out.push({ type: 'server', id: id as number });
    } else if (item.type === 'label_selector') {
      const selector = isObject(item.label_selector) ? item.label_selector.selector : undefined;
      const parsed = typeof selector === 'string' ? parseLabelSelector(selector) : undefined;
      if (typeof selector !== 'string' || !selector.trim()) return input.fail(`${at}.label_selector.selector`, 'must be a label selector');
      if (parsed && 'error' in parsed) return input.fail(`${at}.label_selector.selector`, `invalid label selector: ${parsed.error}`);
      out.push({ type: 'label_selector', selector });
    } else input.fail(`${at}.type`, 'must be one of: server, label_selector');
    return undefined;
  });
  return out;
}

/**
 * The servers of `targets`, checked for applying to `firewall` (undefined for a new one): each exists
 * (`firewall_resource_not_found`, with `notFoundStatus`), once (`server_already_added`), not applied yet
 * (`firewall_already_applied`), with a public interface (`private_net_only_server`).
 */
export function checkApply(state: SimState, firewall: SimFirewall | undefined, targets: FirewallTarget[], hasPublic: (s: SimServer) => boolean, notFoundStatus: number): void {
  const seen = new Set<string>();
  for (const t of targets) {
    const key = t.type === 'server' ? `server:${t.id}` : `selector:${t.selector}`;
    if (seen.has(key)) {
      throw t.type === 'server' ? new ApiError('server_already_added', `server ${t.id} is given more than once`) : invalidField('apply_to', `label selector '${t.selector}' is given more than once`);
    }
    seen.add(key);
    if (firewall && isApplied(firewall, t)) {
      throw new ApiError('firewall_already_applied', `firewall ${firewall.id} is already applied to ${t.type === 'server' ? `server ${t.id}` : `label selector '${t.selector}'`}`);
    }
    if (t.type !== 'server') continue;
    t.server = state.servers.get(t.id);
    if (!t.server) throw new ApiError('firewall_resource_not_found', `server ${t.id} not found`, {}, notFoundStatus);
    if (!hasPublic(t.server)) throw new ApiError('private_net_only_server', `server ${t.id} has no public interface: a firewall filters public traffic only`);
  }
}

function isApplied(firewall: SimFirewall, t: FirewallTarget): boolean {
  return firewall.applied_to.some((a) => (t.type === 'server' ? a.type === 'server' && a.server?.id === t.id : a.type === 'label_selector' && a.label_selector?.selector === t.selector));
}

/** Why a target cannot be removed: not applied (`firewall_resource_not_found`), or only through a selector. */
export function checkRemove(state: SimState, firewall: SimFirewall, targets: FirewallTarget[]): void {
  for (const t of targets) {
    if (isApplied(firewall, t)) continue;
    const what = t.type === 'server' ? `server ${t.id}` : `label selector '${t.selector}'`;
    const server = t.type === 'server' ? state.servers.get(t.id) : undefined;
    if (server && selectorsMatching(firewall, server).length) {
      throw new ApiError('firewall_managed_by_label_selector', `${what} has firewall ${firewall.id} through the label selector '${selectorsMatching(firewall, server)[0]}': change its labels or remove the selector`);
    }
    throw new ApiError('firewall_resource_not_found', `firewall ${firewall.id} is not applied to ${what}`, {}, 404);
  }
}

const selectorsOf = (firewall: SimFirewall): string[] => firewall.applied_to.flatMap((a) => (a.type === 'label_selector' && a.label_selector ? [a.label_selector.selector] : []));

function matches(selector: string, labels: Labels | undefined): boolean {
  const parsed = parseLabelSelector(selector);
  return 'expressions' in parsed && matchesLabelSelector(labels ?? {}, parsed.expressions);
}

function selectorsMatching(firewall: SimFirewall, server: SimServer): string[] {
  return selectorsOf(firewall).filter((s) => matches(s, server.labels));
}

/** The servers a selector matches now, by id. */
export function serversMatching(state: SimState, selector: string): number[] {
  return [...state.servers.values()].filter((s) => matches(selector, s.labels)).map((s) => s.id);
}

/** The servers the firewall is applied to, directly or through a selector, each once. */
export function firewallServers(state: SimState, firewall: SimFirewall): number[] {
  const direct = firewall.applied_to.flatMap((a) => (a.type === 'server' && a.server ? [a.server.id] : []));
  return [...new Set([...direct, ...selectorsOf(firewall).flatMap((s) => serversMatching(state, s))])];
}

/** Adds what `targets` names to `applied_to`; the servers are `pending` until their action ends. */
export function addTargets(firewall: SimFirewall, targets: FirewallTarget[]): void {
  for (const t of targets) {
    if (t.type === 'server') {
      firewall.applied_to.push({ type: 'server', server: { id: t.id } });
      firewall.pending[t.id] = true;
    } else firewall.applied_to.push({ type: 'label_selector', label_selector: { selector: t.selector } });
  }
}

export function removeTargets(firewall: SimFirewall, targets: FirewallTarget[]): void {
  firewall.applied_to = firewall.applied_to.filter((a) => !targets.some((t) => isApplied({ ...firewall, applied_to: [a] }, t)));
  for (const t of targets) if (t.type === 'server') delete firewall.pending[t.id];
}

export function renderFirewall(firewall: SimFirewall, state: SimState): unknown {
  const appliedTo: FirewallAppliedToSchema[] = firewall.applied_to.map((a) =>
    a.type === 'label_selector' && a.label_selector
      ? { ...a, label_selector: { ...a.label_selector }, applied_to_resources: serversMatching(state, a.label_selector.selector).map((id) => ({ type: 'server', server: { id } })) }
      : { type: 'server', server: { id: a.server?.id as number } },
  );
  return { id: firewall.id, name: firewall.name, labels: { ...firewall.labels }, created: firewall.created, rules: firewall.rules.map((r) => ({ ...r, source_ips: [...(r.source_ips ?? [])], destination_ips: [...(r.destination_ips ?? [])] })), applied_to: appliedTo };
}

/** A server's `public_net.firewalls` (today's API): each firewall applied to it, `pending` while its apply runs. */
export function serverFirewalls(state: SimState, server: SimServer): ServerFirewallSchema[] {
  const out: ServerFirewallSchema[] = [];
  for (const f of state.firewalls.values()) {
    const direct = f.applied_to.some((a) => a.type === 'server' && a.server?.id === server.id);
    if (direct) out.push({ id: f.id, status: f.pending[server.id] ? 'pending' : 'applied' });
    else if (selectorsMatching(f, server).length) out.push({ id: f.id, status: 'applied' });
  }
  return out;
}

/** A deleted server leaves every firewall it was applied to. */
export function removeServerFromFirewalls(state: SimState, serverId: number): void {
  for (const f of state.firewalls?.values() ?? []) {
    f.applied_to = f.applied_to.filter((a) => !(a.type === 'server' && a.server?.id === serverId));
    delete f.pending[serverId];
  }
}

export interface FirewallInit {
  name: string;
  labels?: Labels;
  rules?: FirewallRuleSchema[];
  created: number;
}

export function newFirewall(state: SimState, init: FirewallInit): SimFirewall {
  const firewall: SimFirewall = { id: nextFirewallId(state), name: init.name, labels: { ...(init.labels ?? {}) }, created: isoTime(init.created), rules: init.rules ?? [], applied_to: [], pending: {} };
  state.firewalls.set(firewall.id, firewall);
  return firewall;
}

/**
 * POST /servers (today's API): `firewalls: [{ firewall: id }]`, checked before the server is made (each exists,
 * once; not with a server without public interface); the returned function applies them to the new server.
 */
export function firewallsForNewServer(ctx: RouteContext): (serverId: number) => void {
  if (ctx.world.api === '2018') return () => undefined;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  if (body.firewalls === undefined) return () => undefined;
  const input = BodyInput.of(body);
  const raw = body.firewalls;
  const ids = Array.isArray(raw) ? raw.map((f) => (isObject(f) && Number.isSafeInteger(f.firewall) ? (f.firewall as number) : 0)) : [];
  if (!Array.isArray(raw) || ids.includes(0)) input.fail('firewalls', 'must be an array of { "firewall": <ID> }');
  const firewalls = ids.filter((id) => id > 0).map((id) => ctx.world.state.firewalls.get(id) ?? input.fail('firewalls', `firewall ${id} not found`));
  if (new Set(ids).size !== ids.length) input.fail('firewalls', 'a firewall is given more than once');
  input.done();
  const pub = isObject(body.public_net) ? body.public_net : {};
  if (ids.length && pub.enable_ipv4 === false && pub.enable_ipv6 === false) {
    throw new ApiError('private_net_only_server', 'a server without public interface cannot have firewalls');
  }
  return (serverId) => {
    for (const f of firewalls as SimFirewall[]) f.applied_to.push({ type: 'server', server: { id: serverId } });
  };
}
