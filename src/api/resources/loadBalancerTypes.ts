// /load_balancer_types (today's API): get, list (name filter), listAll. Prices per location.

import { convertLoadBalancerType } from '../convert';
import type { LoadBalancerTypeSchema } from '../schema';
import type { ApiTransport } from '../transport';
import type { LoadBalancerType } from '../types';
import { NamedResource } from './base';

export class LoadBalancerTypesResource extends NamedResource<LoadBalancerTypeSchema, LoadBalancerType> {
  constructor(transport: ApiTransport) {
    super(transport, '/load_balancer_types', { one: 'load_balancer_type', many: 'load_balancer_types' }, convertLoadBalancerType);
  }
}
