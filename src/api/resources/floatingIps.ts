// /floating_ips: get, list, listAll, create, update, delete, assign, unassign, changeDnsPtr,
// changeProtection and the Floating IP's action list.

import { convertAction, convertFloatingIp } from '../convert';
import type { FloatingIpCreateRequestSchema, FloatingIpCreateResponseSchema, FloatingIpSchema, FloatingIpUpdateRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, FloatingIp, FloatingIpCreateParams, FloatingIpCreateResult, FloatingIpListParams, Labels } from '../types';
import { ActionResource, labelQuery } from './base';

export class FloatingIpsResource extends ActionResource<FloatingIpSchema, FloatingIp, FloatingIpListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/floating_ips', { one: 'floating_ip', many: 'floating_ips' }, convertFloatingIp);
  }

  protected override query(params: FloatingIpListParams): Query {
    return labelQuery(params);
  }

  /** Give `server` (assigned at once; the answer carries the assign action) or `homeLocation`. */
  async create(params: FloatingIpCreateParams, opts?: CallOptions): Promise<FloatingIpCreateResult> {
    const body: FloatingIpCreateRequestSchema = {
      type: params.type,
      server: params.server,
      home_location: params.homeLocation === undefined ? undefined : String(params.homeLocation),
      description: params.description,
      name: params.name,
      labels: params.labels,
    };
    const w = await this.transport.request<FloatingIpCreateResponseSchema>('POST', this.path, { ...opts, body });
    return { floatingIp: convertFloatingIp(w.floating_ip), action: w.action ? convertAction(w.action) : undefined };
  }

  /** Changes the description; today's API also the name and (replacing all) the labels. */
  update(id: number, changes: { description?: string; name?: string; labels?: Labels }, opts?: CallOptions): Promise<FloatingIp> {
    const body: FloatingIpUpdateRequestSchema = { description: changes.description, name: changes.name, labels: changes.labels };
    return this.put(id, body, opts);
  }

  /** Deletes (and so unassigns) a Floating IP. */
  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }

  assign(id: number, serverId: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'assign', { server: serverId }, opts);
  }

  unassign(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'unassign', undefined, opts);
  }

  /** Reverse DNS of the IP (ipv4) or of one address in its /64 (ipv6); `null` resets it. */
  changeDnsPtr(id: number, ip: string, dnsPtr: string | null, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_dns_ptr', { ip, dns_ptr: dnsPtr }, opts);
  }

  changeProtection(id: number, protection: { delete?: boolean }, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_protection', { delete: protection.delete }, opts);
  }
}
