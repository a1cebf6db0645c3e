// Public, programmatic interface of the simulator (tests, benchmarks, the demo).
// Implementation: src/sim/simulator.ts (`startSimulator`). No vscode, no DOM.

import type { ApiEra } from '../api/types';
import type { SimState } from './state';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The one valid Bearer token. Default `demo`. */
  token?: string;
  /**
   * A read-only API token, accepted beside `token`: every read works, every write (POST, PUT, DELETE)
   * answers 403 `token_readonly` (against the 2018 contract 403 `forbidden`). Default none.
   */
  readOnlyToken?: string;
  /** `demo` (default): the realistic demo project. `empty`: only the catalog (types, locations, datacenters, images, ISOs, prices). */
  seed?: 'demo' | 'empty';
  /** Adds n more servers (for scale tests), named `scale-0001` ... */
  extraServers?: number;
  /** How long every action runs, from progress 0 to 100. Default 1000 ms. */
  actionMs?: number;
  /** JSON file the state is loaded from (when it exists) and saved to after each change. */
  statePath?: string;
  /** Rate limit budget: `limit` per hour, refilled `limit / 3600` per second. Default 3600. */
  rateLimit?: number;
  /**
   * Which API the simulator speaks: `2026` (default) today's API (the API changelog), `2018` exactly the 2018
   * contract (the 2018 API reference). A state file made in the other mode is not reused (seed.ts, simulator.ts).
   */
  api?: ApiEra;
  /** Clock in ms since epoch (default Date.now): lets tests move time. */
  now?: () => number;
  /** Creating a server beyond this count answers 403 `resource_limit_exceeded`. Default 5000. */
  maxServers?: number;
  /** How long a request_console URL (the simulator's own console, src/sim/console/) stays valid. Default 60 s, like the API. */
  consoleLifetimeMs?: number;
  /** Called after every /v1 request is answered (the CLI logs with it). The token is never part of it. */
  onRequest?: (request: RecordedRequest) => void;
}

export type FaultKind = 'status' | 'malformed' | 'truncated' | 'drop' | 'hang';

export interface FaultMatch {
  method?: string;
  /** Matched against the path after /v1, e.g. /^\/servers/ . */
  path?: RegExp;
}

export interface FaultConfig {
  /** Added to every answer (before the fault, if any). */
  latencyMs?: number;
  /** Share 0..1 of matching requests that get a fault of `kind` (seeded PRNG: repeatable). */
  rate?: number;
  /** The next `count` matching requests get the fault, then it switches itself off. */
  failNext?: number;
  /** Default `status`. */
  kind?: FaultKind;
  /** For kind `status`: the statuses to answer with, in turn. Default [503]. */
  statuses?: number[];
  /** Which requests the fault applies to; default all of /v1. */
  match?: FaultMatch;
  /** Actions whose command is listed end in `error` with this code and message. */
  failActions?: Array<{ command: string; code?: string; message?: string }>;
  /** Seed of the PRNG behind `rate` (default 1): the same seed gives the same faulted requests. */
  seed?: number;
}

export interface RecordedRequest {
  method: string;
  /** Path after /v1, e.g. `/servers/42/actions/poweron`. */
  path: string;
  /** Query string parameters; repeated keys keep all values. */
  query: Record<string, string[]>;
  /** Parsed JSON body, or the raw text when it was not JSON, or undefined. */
  body: unknown;
  /** The status the simulator answered (0 when dropped). */
  status: number;
  /** ms since epoch (the simulator's clock). */
  at: number;
  /** True when the Authorization header carried the right token (the token itself is never recorded). */
  authorized: boolean;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:43123/v1 */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Every request to /v1, oldest first. */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  /** Replaces the fault configuration (an empty object switches all faults off). */
  setFaults(faults: FaultConfig): void;
  /** Sets the remaining rate-limit budget now (e.g. 0 to get 429 on the next request). */
  setRateLimitRemaining(remaining: number): void;
  /** The live state (wire-format objects); tests may read it. */
  readonly state: SimState;
  /** Writes the state to `statePath` now (no-op without one). close() saves too. */
  save(): Promise<void>;
  close(): Promise<void>;
}
