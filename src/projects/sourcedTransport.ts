// A view of a project's transport for one sender: every call it passes on carries `source` (unless the
// caller set one), so the request log and the status bar know who sent it. It shares the project's one
// transport, its connections and its request budget; disposing the view leaves them alone (the pool
// disposes the project's client). Pure: no vscode.

import type { ApiTransport, HttpMethod, Page, RequestOptions } from '../api/transport';
import type { RequestSource } from './requestUsage';
import { TransportDecorator } from './transportDecorator';

export class SourcedTransport extends TransportDecorator {
  constructor(
    inner: ApiTransport,
    readonly source: RequestSource,
  ) {
    super(inner);
  }

  request<W>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<W> {
    return this.inner.request<W>(method, path, this.tag(options));
  }

  getPage<W>(path: string, page: number, perPage: number, options: RequestOptions = {}): Promise<Page<W>> {
    return this.inner.getPage<W>(path, page, perPage, this.tag(options));
  }

  listAll<T>(path: string, key: string, options: RequestOptions = {}): Promise<T[]> {
    return this.inner.listAll<T>(path, key, this.tag(options));
  }

  private tag(options: RequestOptions): RequestOptions {
    return options.source ? options : { ...options, source: this.source };
  }
}
