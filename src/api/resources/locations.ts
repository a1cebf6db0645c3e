// /locations: get, list (name filter), listAll.

import { convertLocation } from '../convert';
import type { LocationSchema } from '../schema';
import type { ApiTransport } from '../transport';
import type { Location } from '../types';
import { NamedResource } from './base';

export class LocationsResource extends NamedResource<LocationSchema, Location> {
  constructor(transport: ApiTransport) {
    super(transport, '/locations', { one: 'location', many: 'locations' }, convertLocation);
  }
}
