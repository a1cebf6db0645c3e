// startSimulator(): a stateful Hetzner Cloud API on loopback, plain Node `http`. It speaks
// today's API (`api: '2026'`, default; the API changelog at https://docs.hetzner.cloud/changelog) or exactly the 2018
// contract (`api: '2018'`, the 2018 API reference); render.ts shapes the answers.
// In-process for tests (src/sim/types.ts is the interface) and standalone through cli.ts.
//
// /v1/...   the API: Bearer token, rate limit, faults, recorded requests (pipeline.ts).
//
// Control endpoints for other processes (no token, not rate limited, not recorded):
//   GET    /__sim/health     -> 200 {"status":"ok","api":"2026"|"2018","url":…,"servers":n,"time":…}
//   GET    /__sim/requests   -> 200 [RecordedRequest, …] (oldest first)
//   DELETE /__sim/requests   -> 204, forgets them
//   PUT    /__sim/faults     -> 204; body: FaultConfig as JSON, `match.path` as a regex source
//                               string, e.g. {"failNext":1,"kind":"drop","match":{"path":"^/servers"}};
//                               {} switches faults off
//   PUT    /__sim/ratelimit  -> 204; body {"remaining": n}
// Anything else outside /v1 answers 404.
//
// ws://…/console/<token>: the console of request_console (WebSocket upgrade; console/server.ts).
//
// Timing, locking and root password rules: see engine.ts and routes/serverActions.ts.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachConsole } from './console/server';
import { handleControl } from './control';
import { World } from './engine';
import { Faults } from './faults';
import { ApiError, parseQuery, readBody, sendReply } from './http';
import { loadState, StateSaver } from './persistence';
import { Pipeline } from './pipeline';
import { RateLimiter } from './rateLimit';
import { Router } from './router';
import { ROUTES } from './routes';
import { createState } from './seed';
import { isoTime } from './time';
import type { FaultConfig, RecordedRequest, Simulator, SimulatorOptions } from './types';

export const DEFAULT_TOKEN = 'demo';
export const DEFAULT_ACTION_MS = 1000;
export const DEFAULT_RATE_LIMIT = 3600;
export const DEFAULT_MAX_SERVERS = 5000;

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? Date.now;
  const token = options.token ?? DEFAULT_TOKEN;
  const api = options.api ?? '2026';
  const note = (message: string) => console.error(`simulator: ${message}`);
  const state = (options.statePath && loadState(options.statePath, api, note)) || createState(options.seed ?? 'demo', now(), options.extraServers ?? 0, api);
  const world = new World(state, {
    actionMs: options.actionMs ?? DEFAULT_ACTION_MS,
    maxServers: options.maxServers ?? DEFAULT_MAX_SERVERS,
    api,
    now,
  });
  const saver = options.statePath ? new StateSaver(options.statePath, state, (e) => console.error(`simulator: saving state failed: ${e.message}`)) : undefined;
  let savedChanges = world.changes;
  const requests: RecordedRequest[] = [];
  const rate = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, now);
  const faults = new Faults();
  const pipeline = new Pipeline({
    world,
    router: new Router(ROUTES),
    rate,
    faults,
    token,
    readOnlyToken: options.readOnlyToken,
    requests,
    onRequest: options.onRequest,
    afterRequest: () => {
      if (!saver || world.changes === savedChanges) return;
      savedChanges = world.changes;
      saver.schedule();
    },
  });

  const setFaults = (config: FaultConfig) => {
    faults.set(config);
    world.failActions = config.failActions ?? [];
  };
  const clearRequests = () => {
    requests.length = 0;
  };
  const setRateLimitRemaining = (remaining: number) => rate.set(remaining);
  const save = async () => {
    if (!saver) return;
    savedChanges = world.changes;
    await saver.save();
  };

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      console.error('simulator: request failed', e);
      if (!res.headersSent) sendReply(res, new ApiError('service_error', 'internal simulator error', {}, 500).toReply(), {});
    });
  });
  const control = {
    requests,
    clearRequests,
    setFaults,
    setRateLimitRemaining,
    health: () => ({ status: 'ok', api, url, servers: state.servers.size, time: isoTime(now()) }),
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const parsed = new URL(req.url ?? '/', 'http://simulator');
    const path = parsed.pathname;
    if (path.startsWith('/__sim/')) return handleControl(req, res, path, control);
    if (path !== '/v1' && !path.startsWith('/v1/')) {
      await readBody(req);
      return sendReply(res, new ApiError('not_found', 'not found: the API lives under /v1').toReply(), {});
    }
    const rawBody = await readBody(req);
    const request = { method: req.method ?? 'GET', path: path.slice(3) || '/', query: parseQuery(parsed.searchParams), rawBody };
    await pipeline.handle(req, res, request);
  }

  const port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/v1`;
  world.baseUrl = url;
  const consoles = attachConsole(server, { tickets: world.consoles, now, lifetimeMs: options.consoleLifetimeMs });

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    token,
    requests,
    clearRequests,
    setFaults,
    setRateLimitRemaining,
    state,
    save,
    close: () => (closing ??= (consoles.close(), shutdown(server, pipeline, save))),
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function shutdown(server: Server, pipeline: Pipeline, save: () => Promise<void>): Promise<void> {
  pipeline.shutdown();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
  await save();
}
