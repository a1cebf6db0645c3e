// /datacenters: get, list (name filter; the page carries the recommended datacenter), listAll. The 2018
// contract only: today's API answers 410 `deprecated_api_endpoint`; nothing in the client calls it on its own.

import { convertDatacenter } from '../convert';
import type { DatacenterSchema } from '../schema';
import type { ApiTransport, CallOptions } from '../transport';
import type { Datacenter, ListResult, NameListParams } from '../types';
import { NamedResource } from './base';

export interface DatacenterListResult extends ListResult<Datacenter> {
  /** ID of the datacenter the API recommends for new servers, when it names one. */
  recommendation?: number;
}

export class DatacentersResource extends NamedResource<DatacenterSchema, Datacenter> {
  constructor(transport: ApiTransport) {
    super(transport, '/datacenters', { one: 'datacenter', many: 'datacenters' }, convertDatacenter);
  }

  override async list(params?: NameListParams, opts?: CallOptions): Promise<DatacenterListResult> {
    const { body, result } = await this.fetchPage(params, opts);
    const recommendation = typeof body.recommendation === 'number' ? body.recommendation : undefined;
    return { ...result, recommendation };
  }
}
