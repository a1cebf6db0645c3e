import type { NetGrossPriceSchema } from './common';
import type { ServerTypeLocationPriceSchema } from './serverType';

export interface ServerTypePricingSchema {
  id: number;
  name: string;
  prices: ServerTypeLocationPriceSchema[];
}

export interface PricingSchema {
  currency: string;
  vat_rate: string;
  image: { price_per_gb_month: NetGrossPriceSchema };
  floating_ip: { price_monthly: NetGrossPriceSchema };
  traffic: { price_per_tb: NetGrossPriceSchema };
  server_backup: { percentage: string };
  server_types: ServerTypePricingSchema[];
}

export interface PricingResponseSchema {
  pricing: PricingSchema;
}
