// /pricing: every price of the project's currency, as numbers.

import { convertPricing } from '../convert';
import type { PricingResponseSchema } from '../schema';
import type { ApiTransport, CallOptions } from '../transport';
import type { Pricing } from '../types';

export class PricingResource {
  constructor(private readonly transport: ApiTransport) {}

  async get(opts?: CallOptions): Promise<Pricing> {
    const w = await this.transport.request<PricingResponseSchema>('GET', '/pricing', opts);
    return convertPricing(w.pricing);
  }
}
