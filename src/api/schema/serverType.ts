import type { NetGrossPriceSchema } from './common';

export interface ServerTypeLocationPriceSchema {
  location: string;
  price_hourly: NetGrossPriceSchema;
  price_monthly: NetGrossPriceSchema;
}

export interface ServerTypeSchema {
  id: number;
  name: string;
  description: string;
  cores: number;
  /** GB */
  memory: number;
  /** GB */
  disk: number;
  prices: ServerTypeLocationPriceSchema[];
  storage_type: 'local' | 'network';
  cpu_type: 'shared' | string;
}

export interface ServerTypeListResponseSchema {
  server_types: ServerTypeSchema[];
}

export interface ServerTypeResponseSchema {
  server_type: ServerTypeSchema;
}
