// A server's private networks (today's API): POST /servers/{id}/actions/attach_to_network,
// detach_from_network and change_alias_ips. Beside servers.ts so that file keeps its own verbs;
// the client offers them as `client.serverNetworks`.

import { convertServer } from '../convert';
import type { AttachToNetworkRequestSchema, ServerSchema } from '../schema';
import type { ApiTransport, CallOptions } from '../transport';
import type { Action, AttachToNetworkParams, Server } from '../types';
import { ActionResource } from './base';

export class ServerNetworksResource extends ActionResource<ServerSchema, Server> {
  constructor(transport: ApiTransport) {
    super(transport, '/servers', { one: 'server', many: 'servers' }, convertServer);
  }

  /** Attaches the server to a Network: the given IP, or one the API picks (from `ipRange` when given). */
  attachToNetwork(serverId: number, params: AttachToNetworkParams, opts?: CallOptions): Promise<Action> {
    const body: AttachToNetworkRequestSchema = { network: params.network, ip: params.ip, alias_ips: params.aliasIps, ip_range: params.ipRange };
    return this.runAction(serverId, 'attach_to_network', body, opts);
  }

  detachFromNetwork(serverId: number, networkId: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(serverId, 'detach_from_network', { network: networkId }, opts);
  }

  /** Replaces the server's alias IPs in that Network (an empty list removes them all). */
  changeAliasIps(serverId: number, networkId: number, aliasIps: string[], opts?: CallOptions): Promise<Action> {
    return this.runAction(serverId, 'change_alias_ips', { network: networkId, alias_ips: aliasIps }, opts);
  }
}
