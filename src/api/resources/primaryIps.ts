// /primary_ips (today's API only): get, list, listAll, create, update, delete, assign, unassign,
// changeDnsPtr, changeProtection and the Primary IP's action list.

import { convertAction, convertPrimaryIp } from '../convert';
import type { HcloudError } from '../errors';
import { isLostAnswer, lostAnswerError, type AnswerLost } from '../lostAnswer';
import type { PrimaryIpCreateRequestSchema, PrimaryIpCreateResponseSchema, PrimaryIpSchema, PrimaryIpUpdateRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, Labels, PrimaryIp, PrimaryIpCreateParams, PrimaryIpCreateResult, PrimaryIpListParams } from '../types';
import { ActionResource, labelQuery } from './base';

export class PrimaryIpsResource extends ActionResource<PrimaryIpSchema, PrimaryIp, PrimaryIpListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/primary_ips', { one: 'primary_ip', many: 'primary_ips' }, convertPrimaryIp);
  }

  protected override query(params: PrimaryIpListParams): Query {
    return { name: params.name, ip: params.ip, sort: params.sort, ...labelQuery(params) };
  }

  /**
   * Give `server` (assigned at once, it must be off; the answer carries the assign action) or
   * `location`. Never sent twice: the name is unique per project, so after a lost answer the new
   * IP is looked up by it and returned with `answerLost` set.
   */
  async create(params: PrimaryIpCreateParams, opts?: CallOptions): Promise<PrimaryIpCreateResult & AnswerLost> {
    const body: PrimaryIpCreateRequestSchema = {
      name: params.name,
      type: params.type,
      assignee_type: 'server',
      assignee_id: params.server,
      location: params.location === undefined ? undefined : String(params.location),
      auto_delete: params.autoDelete,
      labels: params.labels,
    };
    const since = Date.now();
    let w: PrimaryIpCreateResponseSchema;
    try {
      w = await this.transport.request<PrimaryIpCreateResponseSchema>('POST', this.path, { ...opts, body });
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      return this.findCreated(params, since, e, opts);
    }
    return { primaryIp: convertPrimaryIp(w.primary_ip), action: w.action ? convertAction(w.action) : undefined };
  }

  private async findCreated(params: PrimaryIpCreateParams, since: number, lost: HcloudError, opts?: CallOptions): Promise<PrimaryIpCreateResult & AnswerLost> {
    let found: PrimaryIp | undefined;
    let action: Action | undefined;
    try {
      found = (await this.list({ name: params.name, perPage: 1 }, opts)).items.find((p) => p.name === params.name);
      if (found && params.server !== undefined) action = await this.findStartedAction(found.id, 'assign_primary_ip', since, opts);
    } catch (why) {
      throw lostAnswerError(lost, { found: undefined, why });
    }
    if (!found) throw lostAnswerError(lost, { found: false, what: `no Primary IP is named "${params.name}"` });
    return { primaryIp: found, action, answerLost: lost };
  }

  /** Changes the name, the labels (replacing all) and whether it is deleted with its server. */
  update(id: number, changes: { name?: string; labels?: Labels; autoDelete?: boolean }, opts?: CallOptions): Promise<PrimaryIp> {
    const body: PrimaryIpUpdateRequestSchema = { name: changes.name, labels: changes.labels, auto_delete: changes.autoDelete };
    return this.put(id, body, opts);
  }

  /** Deletes an unassigned Primary IP (an assigned one answers `must_be_unassigned`). */
  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }

  /** Assigns to a server that is off and has no Primary IP of this type. */
  assign(id: number, serverId: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'assign', { assignee_id: serverId, assignee_type: 'server' }, opts);
  }

  /** Unassigns from its server, which must be off. */
  unassign(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'unassign', undefined, opts);
  }

  /** Reverse DNS of the IP (ipv4) or of one address in its /64 (ipv6); `null` resets it. */
  changeDnsPtr(id: number, ip: string, dnsPtr: string | null, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_dns_ptr', { ip, dns_ptr: dnsPtr }, opts);
  }

  /** Delete protection; the API allows it only when `auto_delete` is off. */
  changeProtection(id: number, protection: { delete?: boolean }, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_protection', { delete: protection.delete }, opts);
  }
}
