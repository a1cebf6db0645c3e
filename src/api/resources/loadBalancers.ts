// /load_balancers (today's API): get, list (name, label_selector, sort), listAll, create, update,
// delete, metrics, the 13 actions (services, targets, network, algorithm, type, reverse DNS,
// protection, public interface), the Load Balancer's action lists and the per-kind action list.

import { convertAction, convertLoadBalancer } from '../convert';
import { isLostAnswer, lostAnswerError, type AnswerLost } from '../lostAnswer';
import type {
  ActionResponseSchema,
  LoadBalancerCreateRequestSchema,
  LoadBalancerCreateResponseSchema,
  LoadBalancerSchema,
  LoadBalancerUpdateRequestSchema,
  ServiceRequestSchema,
  TargetRequestSchema,
} from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type {
  Action,
  LoadBalancer,
  LoadBalancerAttachParams,
  LoadBalancerCreateParams,
  LoadBalancerCreateResult,
  LoadBalancerListParams,
  LoadBalancerMetricsParams,
  LoadBalancerUpdateParams,
  Metrics,
  ServiceParams,
  ServiceUpdateParams,
  TargetParams,
} from '../types';
import { fetchMetrics } from './metrics';
import { ActionResource, itemPath, labelQuery, orUndefined } from './base';

/** A target as the API takes it. */
export function targetBody(t: TargetParams): TargetRequestSchema {
  switch (t.type) {
    case 'server':
      return { type: 'server', server: { id: t.serverId }, use_private_ip: t.usePrivateIp };
    case 'label_selector':
      return { type: 'label_selector', label_selector: { selector: t.labelSelector }, use_private_ip: t.usePrivateIp };
    case 'ip':
      return { type: 'ip', ip: { ip: t.ip } };
  }
}

/** A service (or the changes of one) as the API takes it. */
export function serviceBody(s: ServiceParams | ServiceUpdateParams): ServiceRequestSchema {
  const hc = s.healthCheck;
  const hh = hc?.http;
  return {
    protocol: s.protocol,
    listen_port: s.listenPort,
    destination_port: s.destinationPort,
    proxyprotocol: s.proxyprotocol,
    health_check: hc && {
      protocol: hc.protocol,
      port: hc.port,
      interval: hc.interval,
      timeout: hc.timeout,
      retries: hc.retries,
      http: hh && { domain: hh.domain, path: hh.path, response: hh.response, status_codes: hh.statusCodes, tls: hh.tls },
    },
    http: s.http && {
      cookie_name: s.http.cookieName,
      cookie_lifetime: s.http.cookieLifetime,
      certificates: s.http.certificates,
      redirect_http: s.http.redirectHttp,
      sticky_sessions: s.http.stickySessions,
    },
  };
}

export class LoadBalancersResource extends ActionResource<LoadBalancerSchema, LoadBalancer, LoadBalancerListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/load_balancers', { one: 'load_balancer', many: 'load_balancers' }, convertLoadBalancer);
  }

  protected override commandOf(name: string): string {
    return name === 'change_type' ? 'change_load_balancer_type' : name;
  }

  protected override query(params: LoadBalancerListParams): Query {
    return { name: params.name, sort: params.sort, ...labelQuery(params) };
  }

  /**
   * Creates a Load Balancer in `location` (or `networkZone`). Never sent twice: the name is unique,
   * so after a lost answer it is looked up by name and returned with `answerLost` set.
   */
  async create(params: LoadBalancerCreateParams, opts?: CallOptions): Promise<LoadBalancerCreateResult & AnswerLost> {
    const body: LoadBalancerCreateRequestSchema = {
      name: params.name,
      load_balancer_type: String(params.loadBalancerType),
      location: params.location,
      network_zone: params.networkZone,
      algorithm: params.algorithm ? { type: params.algorithm } : undefined,
      services: params.services?.map(serviceBody),
      targets: params.targets?.map(targetBody),
      network: params.network,
      public_interface: params.publicInterface,
      labels: params.labels,
    };
    let w: LoadBalancerCreateResponseSchema;
    try {
      w = await this.transport.request<LoadBalancerCreateResponseSchema>('POST', this.path, { ...opts, body });
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      let found: LoadBalancer | undefined;
      try {
        found = (await this.list({ name: params.name, perPage: 1 }, opts)).items.find((lb) => lb.name === params.name);
      } catch (why) {
        throw lostAnswerError(e, { found: undefined, why });
      }
      if (!found) throw lostAnswerError(e, { found: false, what: `no Load Balancer is named "${params.name}"` });
      return { loadBalancer: found, answerLost: e };
    }
    return { loadBalancer: this.convertOne(w.load_balancer, 'POST', this.path), action: w.action ? convertAction(w.action) : undefined };
  }

  /** Renames and/or replaces all labels. */
  update(id: number, changes: LoadBalancerUpdateParams, opts?: CallOptions): Promise<LoadBalancer> {
    const body: LoadBalancerUpdateRequestSchema = { name: changes.name, labels: changes.labels };
    return this.put(id, body, opts);
  }

  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }

  /** Open connections, connections/requests per second and/or bandwidth between `start` and `end`. */
  metrics(id: number, params: LoadBalancerMetricsParams, opts?: CallOptions): Promise<Metrics> {
    return fetchMetrics(this.transport, `${itemPath(this.path, id)}/metrics`, params, opts);
  }

  // --- actions -------------------------------------------------------------------------------

  addService(id: number, service: ServiceParams, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'add_service', serviceBody(service), opts);
  }

  /** Changes the service listening on `changes.listenPort`. */
  updateService(id: number, changes: ServiceUpdateParams, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'update_service', serviceBody(changes), opts);
  }

  deleteService(id: number, listenPort: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'delete_service', { listen_port: listenPort }, opts);
  }

  addTarget(id: number, target: TargetParams, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'add_target', targetBody(target), opts);
  }

  removeTarget(id: number, target: TargetParams, opts?: CallOptions): Promise<Action> {
    const { use_private_ip: _ignored, ...body } = targetBody(target) as TargetRequestSchema & { use_private_ip?: boolean };
    return this.runAction(id, 'remove_target', body, opts);
  }

  attachToNetwork(id: number, params: LoadBalancerAttachParams, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'attach_to_network', { network: params.network, ip: params.ip, ip_range: params.ipRange }, opts);
  }

  detachFromNetwork(id: number, network: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'detach_from_network', { network }, opts);
  }

  changeAlgorithm(id: number, algorithm: 'round_robin' | 'least_connections', opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_algorithm', { type: algorithm }, opts);
  }

  /** `type`: ID or name of the new Load Balancer type. */
  changeType(id: number, type: string | number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_type', { load_balancer_type: String(type) }, opts);
  }

  /** Sets (or with `null` resets) the reverse DNS entry of one of the Load Balancer's public IPs. */
  changeDnsPtr(id: number, ip: string, dnsPtr: string | null, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_dns_ptr', { ip, dns_ptr: dnsPtr }, opts);
  }

  changeProtection(id: number, protection: { delete?: boolean }, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_protection', { delete: protection.delete }, opts);
  }

  enablePublicInterface(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'enable_public_interface', undefined, opts);
  }

  disablePublicInterface(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'disable_public_interface', undefined, opts);
  }

  /** One action of any Load Balancer (`GET /load_balancers/actions/{id}`); `undefined` when it does not exist. */
  getKindAction(actionId: number, opts?: CallOptions): Promise<Action | undefined> {
    return orUndefined(this.transport.request<ActionResponseSchema>('GET', itemPath(`${this.path}/actions`, actionId), opts).then((b) => convertAction(b.action)));
  }
}
