// Control endpoints under /__sim (no token, not rate limited, not recorded): for tests that
// run in another process (e.g. inside VS Code). Documented in simulator.ts.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, notFound, readBody, sendReply, type Reply } from './http';
import type { FaultConfig, FaultKind, RecordedRequest } from './types';

export interface ControlDeps {
  requests: RecordedRequest[];
  clearRequests(): void;
  setFaults(faults: FaultConfig): void;
  setRateLimitRemaining(remaining: number): void;
  health(): Record<string, unknown>;
}

const KINDS: FaultKind[] = ['status', 'malformed', 'truncated', 'drop', 'hang'];

export async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, deps: ControlDeps): Promise<void> {
  let reply: Reply;
  try {
    reply = route(`${req.method} ${path}`, await readJson(req), deps);
  } catch (e) {
    reply = (e instanceof ApiError ? e : new ApiError('invalid_input', (e as Error).message)).toReply();
  }
  sendReply(res, reply, {});
}

function route(call: string, body: unknown, deps: ControlDeps): Reply {
  switch (call) {
    case 'GET /__sim/health':
      return { status: 200, body: deps.health() };
    case 'GET /__sim/requests':
      return { status: 200, body: deps.requests };
    case 'DELETE /__sim/requests':
      deps.clearRequests();
      return { status: 204 };
    case 'PUT /__sim/faults':
      deps.setFaults(faultConfigFromJson(body));
      return { status: 204 };
    case 'PUT /__sim/ratelimit': {
      const remaining = (body as { remaining?: unknown } | undefined)?.remaining;
      if (typeof remaining !== 'number' || remaining < 0) throw new ApiError('invalid_input', 'body must be {"remaining": <number >= 0>}');
      deps.setRateLimitRemaining(remaining);
      return { status: 204 };
    }
    default:
      throw notFound(`control endpoint ${call}`);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('json_error', 'the body is not JSON');
  }
}

/** FaultConfig from JSON: `match.path` is a regular expression source string. */
export function faultConfigFromJson(body: unknown): FaultConfig {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null) throw new Error('faults must be a JSON object');
  const raw = body as FaultConfig & { match?: { method?: string; path?: unknown } };
  if (raw.kind !== undefined && !KINDS.includes(raw.kind)) throw new Error(`kind must be one of: ${KINDS.join(', ')}`);
  if (raw.rate !== undefined && (typeof raw.rate !== 'number' || raw.rate < 0 || raw.rate > 1)) throw new Error('rate must be a number in 0..1');
  if (raw.statuses !== undefined && !(Array.isArray(raw.statuses) && raw.statuses.every((s) => Number.isInteger(s) && s >= 100 && s < 600))) {
    throw new Error('statuses must be HTTP status codes');
  }
  const path = raw.match?.path;
  if (path !== undefined && typeof path !== 'string') throw new Error('match.path must be a regular expression source string');
  return { ...raw, match: raw.match ? { method: raw.match.method, path: path === undefined ? undefined : new RegExp(path) } : undefined };
}
