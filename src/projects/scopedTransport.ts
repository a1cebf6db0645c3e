// The transport the client pool gives each project's client: a decorator around the HTTP transport.
// - Every call also stops when the project is removed (`gone` fires): calls on their way reject with
//   code `aborted`, and no new call is sent. Waits, tree polls and panels stop with it, whatever
//   signal they passed themselves.
// - retire() (HcloudClient.dispose() calls it) closes the keep-alive connections once no call is on
//   its way: at once when the client is idle, else when its last call ends, so a write on its way
//   is never cut. A retired client may still be used by whoever holds it (a running wait after a
//   token update); its connections are closed again each time it falls idle.
// Pure: no vscode.

import { setMaxListeners } from 'node:events';
import { ClientErrorCode, HcloudError } from '../api/errors';
import type { ApiTransport, HttpMethod, Page, RequestOptions } from '../api/transport';
import { TransportDecorator } from './transportDecorator';

type Disposable = { dispose?(): void };

/** The code of a write refused because the project is read-only (nothing was sent). */
export const READ_ONLY_PROJECT = 'read_only_project';

export class ScopedTransport extends TransportDecorator<ApiTransport & Disposable> {
  private inFlight = 0;
  private retired = false;

  constructor(
    inner: ApiTransport & Disposable,
    /** Fires when the project is removed. */
    private readonly gone: AbortSignal,
    /** Told of every failed call (the pool learns a read-only token from it); the call still fails. */
    private readonly onError?: (error: unknown) => void,
    /** Why a write may not be sent now (a read-only project), or undefined: then no write is sent. */
    private readonly writeRefusal?: () => string | undefined,
  ) {
    super(inner);
    setMaxListeners(0, gone); // one listener per call on its way
  }

  /** Calls on their way (tests). */
  get pending(): number {
    return this.inFlight;
  }

  request<W>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<W> {
    // The last guard of a read-only project (the commands refuse first): a panel's write (Apply of the
    // rules editor, a console's Reconnect) opened before the project was marked is not sent either.
    const refusal = method === 'GET' ? undefined : this.writeRefusal?.();
    if (refusal) return Promise.reject(new HcloudError({ code: READ_ONLY_PROJECT, message: `${refusal} Not sent: ${method} ${path}.` }));
    return this.run(`${method} ${path}`, options, (o) => this.inner.request<W>(method, path, o));
  }

  getPage<W>(path: string, page: number, perPage: number, options: RequestOptions = {}): Promise<Page<W>> {
    return this.run(`GET ${path}`, options, (o) => this.inner.getPage<W>(path, page, perPage, o));
  }

  listAll<T>(path: string, key: string, options: RequestOptions = {}): Promise<T[]> {
    return this.run(`GET ${path}`, options, (o) => this.inner.listAll<T>(path, key, o));
  }

  /** Closes the connections as soon as no call is on its way. */
  retire(): void {
    this.retired = true;
    if (this.inFlight === 0) this.inner.dispose?.();
  }

  /** HcloudClient.dispose() lands here: the same as retire(). */
  dispose(): void {
    this.retire();
  }

  private async run<T>(what: string, options: RequestOptions, call: (options: RequestOptions) => Promise<T>): Promise<T> {
    if (this.gone.aborted) {
      throw new HcloudError({ code: ClientErrorCode.Aborted, message: `Not sent, the project was removed: ${what}.` });
    }
    const controller = new AbortController();
    const abort = () => controller.abort();
    const caller = options.signal;
    if (caller?.aborted) controller.abort();
    caller?.addEventListener('abort', abort, { once: true });
    this.gone.addEventListener('abort', abort, { once: true });
    this.inFlight++;
    try {
      return await call({ ...options, signal: controller.signal });
    } catch (e) {
      this.onError?.(e);
      throw e;
    } finally {
      caller?.removeEventListener('abort', abort);
      this.gone.removeEventListener('abort', abort);
      if (--this.inFlight === 0 && this.retired) this.inner.dispose?.();
    }
  }
}
