import type { LocationSchema } from './location';

export interface DatacenterServerTypesSchema {
  supported: number[];
  available: number[];
}

export interface DatacenterSchema {
  id: number;
  name: string;
  description: string;
  location: LocationSchema;
  server_types: DatacenterServerTypesSchema;
}

export interface DatacenterListResponseSchema {
  datacenters: DatacenterSchema[];
  recommendation: number;
}

export interface DatacenterResponseSchema {
  datacenter: DatacenterSchema;
}
