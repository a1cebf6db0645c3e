// /firewalls (today's API): get, list (name, label_selector, sort), listAll, create, update, delete,
// then the actions setRules, applyToResources and removeFromResources (each answers with the
// actions it started: `{ actions: [...] }`), the firewall's action list and the per-kind action list.

import { convertAction, convertFirewall, firewallResourceToWire, firewallRuleToWire } from '../convert';
import type { HcloudError } from '../errors';
import { isLostAnswer, lostAnswerError, type AnswerLost } from '../lostAnswer';
import type { ActionResponseSchema, FirewallActionsResponseSchema, FirewallCreateRequestSchema, FirewallCreateResponseSchema, FirewallSchema, FirewallUpdateRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, Firewall, FirewallCreateParams, FirewallCreateResult, FirewallListParams, FirewallResource, FirewallRule, Labels } from '../types';
import { ActionResource, itemPath, labelQuery, orUndefined } from './base';

export class FirewallsResource extends ActionResource<FirewallSchema, Firewall, FirewallListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/firewalls', { one: 'firewall', many: 'firewalls' }, convertFirewall);
  }

  /**
   * Creates a firewall with its rules, applied to servers and label selectors. Never sent twice: the
   * name is unique, so after a lost answer it is looked up by name and returned with `answerLost` set
   * (without its actions).
   */
  async create(params: FirewallCreateParams, opts?: CallOptions): Promise<FirewallCreateResult & AnswerLost> {
    const body: FirewallCreateRequestSchema = {
      name: params.name,
      labels: params.labels,
      rules: params.rules?.map(firewallRuleToWire),
      apply_to: params.applyTo?.map(firewallResourceToWire),
    };
    let w: FirewallCreateResponseSchema;
    try {
      w = await this.transport.request<FirewallCreateResponseSchema>('POST', this.path, { ...opts, body });
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      return { firewall: await this.findLost(params.name, e, opts), actions: [], answerLost: e };
    }
    return { firewall: this.convertOne(w.firewall, 'POST', this.path), actions: (w.actions ?? []).map(convertAction) };
  }

  /** After a lost create: the firewall of that name, or an error that says it was not made (or could not be checked). */
  private async findLost(name: string, lost: HcloudError, opts?: CallOptions): Promise<Firewall> {
    const found = await this.list({ name, perPage: 1 }, opts).then(
      (page) => page.items.find((f) => f.name === name),
      (why: unknown) => Promise.reject(lostAnswerError(lost, { found: undefined, why })),
    );
    if (found) return found;
    throw lostAnswerError(lost, { found: false, what: `no firewall is named "${name}"` });
  }

  /** Renames and/or replaces all labels. */
  update(id: number, changes: { name?: string; labels?: Labels }, opts?: CallOptions): Promise<Firewall> {
    const body: FirewallUpdateRequestSchema = { name: changes.name, labels: changes.labels };
    return this.put(id, body, opts);
  }

  /** Deletes a firewall that is applied to nothing (204; `resource_in_use` otherwise). */
  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }

  /** Replaces every rule (`[]` removes them all): `set_firewall_rules`, and `apply_firewall` per server it is applied to. */
  setRules(id: number, rules: FirewallRule[], opts?: CallOptions): Promise<Action[]> {
    return this.firewallActions(id, 'set_rules', { rules: rules.map(firewallRuleToWire) }, opts);
  }

  /** Applies the firewall to more servers and label selectors: `apply_firewall` actions. */
  applyToResources(id: number, resources: FirewallResource[], opts?: CallOptions): Promise<Action[]> {
    return this.firewallActions(id, 'apply_to_resources', { apply_to: resources.map(firewallResourceToWire) }, opts);
  }

  /** Removes the firewall from servers and label selectors: `remove_firewall` actions. */
  removeFromResources(id: number, resources: FirewallResource[], opts?: CallOptions): Promise<Action[]> {
    return this.firewallActions(id, 'remove_from_resources', { remove_from: resources.map(firewallResourceToWire) }, opts);
  }

  /** One action of any firewall (`GET /firewalls/actions/{id}`); `undefined` when it does not exist. */
  getKindAction(actionId: number, opts?: CallOptions): Promise<Action | undefined> {
    return orUndefined(this.transport.request<ActionResponseSchema>('GET', itemPath(`${this.path}/actions`, actionId), opts).then((b) => convertAction(b.action)));
  }

  private async firewallActions(id: number, name: string, body: unknown, opts?: CallOptions): Promise<Action[]> {
    const w = await this.transport.request<FirewallActionsResponseSchema>('POST', `${this.actionsPath(id)}/${name}`, { ...opts, body });
    return (Array.isArray(w?.actions) ? w.actions : []).map(convertAction);
  }

  /** Filters and sort of a list: name, label_selector, sort. */
  protected override query(params: FirewallListParams): Query {
    return { name: params.name, sort: params.sort, ...labelQuery(params) };
  }
}
