// One /v1 request, in order: record it, take it from the rate limit, wait the injected
// latency, carry out an injected fault, advance the world to the clock, check the token,
// route, answer (RateLimit-* headers on every answer). A `truncated` fault handles the
// request and cuts the answer; a `drop` fault on a write (POST, PUT, DELETE) carries the write out
// and then closes the connection without an answer (the answer was lost, the write was not); the
// other faults, and `drop` on a GET, answer before the API sees the request.

import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiEra } from '../api/types';
import type { World } from './engine';
import { codeForStatus, MALFORMED_BODY, type FaultDecision, type Faults } from './faults';
import { ApiError, notFound, sendReply, type Query, type Reply } from './http';
import type { RateLimiter } from './rateLimit';
import type { Router } from './router';
import type { RecordedRequest } from './types';
import { recordedBody } from './certificates';

/** Oldest recorded requests are dropped beyond this count. */
export const MAX_RECORDED = 10_000;

export interface PipelineDeps {
  world: World;
  router: Router;
  rate: RateLimiter;
  faults: Faults;
  token: string;
  /** A second accepted token, with which every read works and every write is refused (403 `token_readonly`). */
  readOnlyToken?: string;
  requests: RecordedRequest[];
  onRequest?: (request: RecordedRequest) => void;
  /** Called after each answer (persistence). */
  afterRequest: () => void;
}

export interface ApiRequest {
  method: string;
  /** Path after /v1. */
  path: string;
  query: Query;
  rawBody: string;
}

export class Pipeline {
  /** Answers held open by a `hang` fault or waiting out latency; close() ends them. */
  private readonly open = new Set<ServerResponse>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly deps: PipelineDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse, request: ApiRequest): Promise<void> {
    const { deps } = this;
    const parsed = parseBody(request.rawBody);
    const record: RecordedRequest = {
      method: request.method,
      path: request.path,
      query: request.query,
      body: recordedBody(request.method, request.path, parsed.ok ? parsed.value : request.rawBody),
      status: 0,
      at: deps.world.now(),
      authorized: false,
    };
    const access = this.access(req.headers.authorization);
    record.authorized = access !== undefined;
    this.record(record);
    const allowed = deps.rate.take();
    const fault = deps.faults.pick(request.method, request.path);
    await this.delay(deps.faults.latencyFor(request.method, request.path), res);
    if (this.closed || res.destroyed) return;
    const answerLost = fault?.kind === 'truncated' || (fault?.kind === 'drop' && request.method !== 'GET');
    if (fault && !answerLost) {
      record.status = this.fault(fault, req, res);
    } else {
      const reply = allowed ? this.answer(request, access, parsed) : rateLimited(deps.rate.limit);
      record.status = reply.status;
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        record.status = 0;
      } else if (fault) this.truncate(res, reply);
      else sendReply(res, reply, deps.rate.headers());
    }
    deps.onRequest?.(record);
    deps.afterRequest();
  }

  /** Ends held answers and pending delays (close()). */
  shutdown(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const res of this.open) res.socket?.destroy();
    this.open.clear();
  }

  private record(record: RecordedRequest): void {
    const { requests } = this.deps;
    requests.push(record);
    if (requests.length > MAX_RECORDED) requests.splice(0, requests.length - MAX_RECORDED);
  }

  /** What the Authorization header's token may do: `write`, `read` (the read-only token) or nothing (undefined). */
  private access(header: string | undefined): 'write' | 'read' | undefined {
    if (sameToken(header, this.deps.token)) return 'write';
    return this.deps.readOnlyToken !== undefined && sameToken(header, this.deps.readOnlyToken) ? 'read' : undefined;
  }

  private answer(request: ApiRequest, access: 'write' | 'read' | undefined, parsed: ParsedBody): Reply {
    const { world, router } = this.deps;
    try {
      if (!access) throw new ApiError('unauthorized', 'unable to authenticate');
      if (access === 'read' && request.method !== 'GET') throw readOnlyRefusal(world.api);
      world.advance();
      const match = router.match(request.method, request.path);
      if (!match) throw notFound('resource');
      if (!parsed.ok) throw new ApiError('json_error', `invalid JSON in the request body: ${parsed.error}`);
      const reply = match.route.handler({ world, params: match.params, query: request.query, body: parsed.value, path: request.path });
      if (request.method !== 'GET') world.touch();
      return reply;
    } catch (e) {
      if (e instanceof ApiError) return e.toReply();
      console.error('simulator: handler failed', e);
      return new ApiError('service_error', `internal simulator error: ${(e as Error).message}`, {}, 500).toReply();
    }
  }

  /** Carries out a fault other than `truncated`; returns the status to record (0 = no answer). */
  private fault(fault: FaultDecision, req: IncomingMessage, res: ServerResponse): number {
    const headers = this.deps.rate.headers();
    switch (fault.kind) {
      case 'status': {
        const error = new ApiError(codeForStatus(fault.status), `simulated fault: HTTP ${fault.status}`, {}, fault.status);
        sendReply(res, error.toReply(), headers);
        return fault.status;
      }
      case 'malformed':
        res.writeHead(200, { ...headers, 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(MALFORMED_BODY)) });
        res.end(MALFORMED_BODY);
        return 200;
      case 'drop':
        req.socket.destroy();
        return 0;
      default:
        // hang: keep the request open until the client gives up or the simulator closes.
        this.open.add(res);
        res.on('close', () => this.open.delete(res));
        return 0;
    }
  }

  /** Valid headers (with the full Content-Length), half the body, then the connection ends. */
  private truncate(res: ServerResponse, reply: Reply): void {
    const text = reply.body === undefined ? '{"action":{"id":1,' : JSON.stringify(reply.body);
    const headers = { ...this.deps.rate.headers(), ...reply.headers, 'Content-Type': 'application/json' };
    res.writeHead(reply.status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
    res.write(text.slice(0, Math.ceil(text.length / 2)), () => res.socket?.destroy());
  }

  private delay(ms: number, res: ServerResponse): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    this.open.add(res);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.open.delete(res);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

function sameToken(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A write with the read-only token: today's API answers 403 `token_readonly` (its changelog); the
 * 2018 contract has no such code, so there it is its 403 `forbidden` ("insufficient permissions").
 */
function readOnlyRefusal(api: ApiEra): ApiError {
  return api === '2018'
    ? new ApiError('forbidden', 'insufficient permissions for this request')
    : new ApiError('token_readonly', 'the API token is read-only: it cannot change anything');
}

type ParsedBody = { ok: true; value: unknown } | { ok: false; error: string };

function parseBody(raw: string): ParsedBody {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

function rateLimited(limit: number): Reply {
  return new ApiError('rate_limit_exceeded', `limit of ${limit} requests per hour reached`).toReply();
}
