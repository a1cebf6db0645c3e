import type { ArchitectureSchema, DeprecationSchema, NetGrossPriceSchema } from './common';

export interface ServerTypeLocationPriceSchema {
  location: string;
  price_hourly: NetGrossPriceSchema;
  price_monthly: NetGrossPriceSchema;
  /** Today's API: bytes of traffic included per month in this location. */
  included_traffic?: number;
  /** Today's API: the price of each TB beyond it. */
  price_per_tb_traffic?: NetGrossPriceSchema;
}

/** Today's API: where a type is offered (the API changelog, 2025-09-24 and 2026-04-01). */
export interface ServerTypeLocationSchema {
  id: number;
  name: string;
  /** A type is offered in a location only where it is listed with `available: true`. */
  available?: boolean;
  recommended?: boolean;
  deprecation: DeprecationSchema | null;
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
  // Today's API (absent in the 2018 contract):
  architecture?: ArchitectureSchema;
  category?: string;
  /** Being phased out in favour of `locations[].deprecation`. */
  deprecated?: boolean | null;
  deprecation?: DeprecationSchema | null;
  locations?: ServerTypeLocationSchema[];
  /** Reports 0 since 2024-08-05: read `prices[].included_traffic`. */
  included_traffic?: number;
}

export interface ServerTypeListResponseSchema {
  server_types: ServerTypeSchema[];
}

export interface ServerTypeResponseSchema {
  server_type: ServerTypeSchema;
}
