// /server_types: get, list (name filter), listAll. Prices per location as numbers; today's API adds
// where each type is offered (`locations[]`).

import { convertServerType } from '../convert';
import { ApiEraTracker, eraOfServerType } from '../era';
import type { ServerTypeSchema } from '../schema';
import type { ApiTransport } from '../transport';
import type { ServerType } from '../types';
import { NamedResource } from './base';

export class ServerTypesResource extends NamedResource<ServerTypeSchema, ServerType> {
  /** `era` learns from every server type this resource converts (with or without `locations[]`). */
  constructor(transport: ApiTransport, era = new ApiEraTracker()) {
    super(transport, '/server_types', { one: 'server_type', many: 'server_types' }, (w) => {
      era.note(eraOfServerType(w));
      return convertServerType(w);
    });
  }
}
