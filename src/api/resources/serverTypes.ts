// /server_types: get, list (name filter), listAll. Prices per location as numbers.

import { convertServerType } from '../convert';
import type { ServerTypeSchema } from '../schema';
import type { ApiTransport } from '../transport';
import type { ServerType } from '../types';
import { NamedResource } from './base';

export class ServerTypesResource extends NamedResource<ServerTypeSchema, ServerType> {
  constructor(transport: ApiTransport) {
    super(transport, '/server_types', { one: 'server_type', many: 'server_types' }, convertServerType);
  }
}
