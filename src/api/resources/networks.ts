// /networks (today's API): get, list (name, label_selector), listAll, create, update, delete, the
// actions add_subnet, delete_subnet, add_route, delete_route, change_ip_range, change_protection,
// and the Network's action lists.

import { convertNetwork } from '../convert';
import type { HcloudError } from '../errors';
import { isLostAnswer, lostAnswerError, type AnswerLost } from '../lostAnswer';
import type { NetworkCreateRequestSchema, NetworkResponseSchema, NetworkSchema, NetworkUpdateRequestSchema, SubnetRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, Network, NetworkCreateParams, NetworkListParams, NetworkRoute, NetworkUpdateParams, SubnetParams } from '../types';
import { ActionResource, labelQuery } from './base';

function subnetBody(s: SubnetParams): SubnetRequestSchema {
  return { type: s.type, network_zone: s.networkZone, ip_range: s.ipRange, vswitch_id: s.vswitchId };
}

export class NetworksResource extends ActionResource<NetworkSchema, Network, NetworkListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/networks', { one: 'network', many: 'networks' }, convertNetwork);
  }

  protected override query(params: NetworkListParams): Query {
    return { name: params.name, ...labelQuery(params) };
  }

  /**
   * Creates a Network (at once: no action). Never sent twice: the name is unique in a project, so
   * after a lost answer the Network is looked for by its name and returned with `answerLost` set.
   */
  async create(params: NetworkCreateParams, opts?: CallOptions): Promise<Network & AnswerLost> {
    const body: NetworkCreateRequestSchema = {
      name: params.name,
      ip_range: params.ipRange,
      subnets: params.subnets?.map(subnetBody),
      routes: params.routes,
      labels: params.labels,
      expose_routes_to_vswitch: params.exposeRoutesToVswitch,
    };
    try {
      const w = await this.transport.request<NetworkResponseSchema>('POST', this.path, { ...opts, body });
      return convertNetwork(w.network);
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      return this.findByName(params, e, opts);
    }
  }

  private async findByName(params: NetworkCreateParams, lost: HcloudError, opts?: CallOptions): Promise<Network & AnswerLost> {
    let network: Network | undefined;
    try {
      network = (await this.list({ name: params.name, perPage: 1 }, opts)).items.find((n) => n.name === params.name && n.ipRange === params.ipRange);
    } catch (why) {
      throw lostAnswerError(lost, { found: undefined, why });
    }
    if (!network) throw lostAnswerError(lost, { found: false, what: `the project has no Network "${params.name}" with the range ${params.ipRange}` });
    return { ...network, answerLost: lost };
  }

  /** Renames, replaces the labels and/or switches exposing the routes to the vSwitch. */
  update(id: number, changes: NetworkUpdateParams, opts?: CallOptions): Promise<Network> {
    const body: NetworkUpdateRequestSchema = { name: changes.name, labels: changes.labels, expose_routes_to_vswitch: changes.exposeRoutesToVswitch };
    return this.put(id, body, opts);
  }

  /** Deletes a Network; attached servers are detached by the API. */
  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }

  addSubnet(id: number, subnet: SubnetParams, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'add_subnet', subnetBody(subnet), opts);
  }

  /** Deletes the subnet with this IP range (it must have no attached servers). */
  deleteSubnet(id: number, ipRange: string, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'delete_subnet', { ip_range: ipRange }, opts);
  }

  addRoute(id: number, route: NetworkRoute, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'add_route', { destination: route.destination, gateway: route.gateway }, opts);
  }

  deleteRoute(id: number, route: NetworkRoute, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'delete_route', { destination: route.destination, gateway: route.gateway }, opts);
  }

  /** Extends the range (same first address, a shorter prefix); it never shrinks. */
  changeIpRange(id: number, ipRange: string, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_ip_range', { ip_range: ipRange }, opts);
  }

  changeProtection(id: number, protection: { delete?: boolean }, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_protection', { delete: protection.delete }, opts);
  }
}
