// What the client pool's transport decorators (./scopedTransport.ts, ./sourcedTransport.ts) share:
// they pass the project's rate limit, budget and API clock through from the transport they wrap.
// Pure: no vscode.

import type { ApiTransport, BudgetState, HttpMethod, Page, RateLimitInfo, RequestOptions } from '../api/transport';

export abstract class TransportDecorator<Inner extends ApiTransport = ApiTransport> implements ApiTransport {
  constructor(protected readonly inner: Inner) {}

  get rateLimit(): RateLimitInfo | undefined {
    return this.inner.rateLimit;
  }

  get budget(): BudgetState | undefined {
    return this.inner.budget;
  }

  get apiClockOffsetMs(): number | undefined {
    return this.inner.apiClockOffsetMs;
  }

  abstract request<W>(method: HttpMethod, path: string, options?: RequestOptions): Promise<W>;
  abstract getPage<W>(path: string, page: number, perPage: number, options?: RequestOptions): Promise<Page<W>>;
  abstract listAll<T>(path: string, key: string, options?: RequestOptions): Promise<T[]>;
}
