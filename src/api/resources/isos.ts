// /isos: get, list (name filter), listAll.

import { convertIso } from '../convert';
import type { IsoSchema } from '../schema';
import type { ApiTransport } from '../transport';
import type { Iso } from '../types';
import { NamedResource } from './base';

export class IsosResource extends NamedResource<IsoSchema, Iso> {
  constructor(transport: ApiTransport) {
    super(transport, '/isos', { one: 'iso', many: 'isos' }, convertIso);
  }
}
