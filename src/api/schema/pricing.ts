import type { NetGrossPriceSchema } from './common';
import type { ServerTypeLocationPriceSchema } from './serverType';

export interface ServerTypePricingSchema {
  id: number;
  name: string;
  prices: ServerTypeLocationPriceSchema[];
}

/** Today's API: the monthly price of a Floating IP of one type, per location. */
export interface FloatingIpPricingSchema {
  type: 'ipv4' | 'ipv6';
  prices: Array<{ location: string; price_monthly: NetGrossPriceSchema }>;
}

export interface PricingSchema {
  currency: string;
  vat_rate: string;
  image: { price_per_gb_month: NetGrossPriceSchema };
  /** Deprecated in today's API in favour of `floating_ips`. */
  floating_ip?: { price_monthly: NetGrossPriceSchema };
  /** Reports 0 in today's API (since 2024-08-05): read `server_types[].prices[].price_per_tb_traffic`. */
  traffic?: { price_per_tb: NetGrossPriceSchema };
  floating_ips?: FloatingIpPricingSchema[];
  /** Today's API: the monthly price of a Primary IP of one type, per location. */
  primary_ips?: FloatingIpPricingSchema[];
  server_backup: { percentage: string };
  /** Today's API: the monthly price of one GB of volume. */
  volume?: { price_per_gb_month: NetGrossPriceSchema };
  server_types: ServerTypePricingSchema[];
  /** Today's API: Load Balancer types' prices per location (same shape as a server type's). */
  load_balancer_types?: ServerTypePricingSchema[];
}

export interface PricingResponseSchema {
  pricing: PricingSchema;
}
