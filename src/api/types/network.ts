// Domain types of Networks (today's API; the 2018 contract has none).

import type { LabelListParams, Labels, Open } from './common';

/** `server` is deprecated (the same as `cloud`): shown where it exists, offered nowhere. */
export type SubnetType = Open<'cloud' | 'server' | 'vswitch'>;

export interface Subnet {
  type: SubnetType;
  /** CIDR, e.g. `10.0.1.0/24`. */
  ipRange: string;
  networkZone: string;
  gateway: string;
  /** Only for `vswitch` subnets. */
  vswitchId?: number;
}

export interface NetworkRoute {
  destination: string;
  gateway: string;
}

export interface Network {
  id: number;
  name: string;
  ipRange: string;
  subnets: Subnet[];
  routes: NetworkRoute[];
  serverIds: number[];
  loadBalancerIds: number[];
  protection: { delete: boolean };
  labels?: Labels;
  created?: Date;
  exposeRoutesToVswitch: boolean;
}

/** A subnet to add; without `ipRange` the API takes the first free /24. */
export interface SubnetParams {
  type: 'cloud' | 'vswitch' | 'server';
  networkZone: string;
  ipRange?: string;
  /** Required for `vswitch`. */
  vswitchId?: number;
}

export interface NetworkCreateParams {
  name: string;
  ipRange: string;
  subnets?: SubnetParams[];
  routes?: NetworkRoute[];
  labels?: Labels;
  exposeRoutesToVswitch?: boolean;
}

export interface NetworkUpdateParams {
  name?: string;
  /** Replaces all labels. */
  labels?: Labels;
  exposeRoutesToVswitch?: boolean;
}

export interface NetworkListParams extends LabelListParams {
  name?: string;
}

/** A server's interface in a network. */
export interface ServerPrivateNet {
  networkId: number;
  ip: string;
  aliasIps: string[];
  macAddress?: string;
}

export interface AttachToNetworkParams {
  network: number;
  /** Without it (and without `ipRange`), the API picks a free IP. */
  ip?: string;
  aliasIps?: string[];
  /** A subnet of the network to pick the IP from. */
  ipRange?: string;
}
