// Shared set-up of the resource tests: a simulator on loopback, a client on it, and small helpers
// to read what the API received and what it holds (raw JSON, as a reference for converted values).
import * as assert from 'node:assert/strict';
import { HcloudClient } from '../../../src/api/client';
import { HcloudError } from '../../../src/api/errors';
import type { Action, ActionListParams, ApiEra, Image, Location, ServerType } from '../../../src/api/types';
import { startSimulator } from '../../../src/sim/simulator';
import type { RecordedRequest, Simulator, SimulatorOptions } from '../../../src/sim/types';

export interface Env {
  sim: Simulator;
  client: HcloudClient;
}

/** Which API the simulator speaks: today's (2026, its default) or the 2018 contract. */
export type ApiMode = ApiEra;
export const API_MODES: readonly ApiMode[] = ['2026', '2018'];

/**
 * Runs the suite `fn` once per API mode, as `<title> [api 2026]` and `<title> [api 2018]`; `fn`
 * gets the mode to pass to useSimulator and to pin tests with `only2018` / `only2026`.
 */
export function forEachApi(title: string, fn: (api: ApiMode) => void, modes: readonly ApiMode[] = API_MODES): void {
  for (const api of modes) describe(`${title} [api ${api}]`, () => fn(api));
}

/** Fast polling for the waiter in tests. */
export const FAST_POLL = { min: 10, max: 40 };

/**
 * Starts a simulator (and a client on it) before the suite and closes it after. The returned object
 * is filled in `before`, so read its fields inside tests only.
 */
export function useSimulator(options: SimulatorOptions = {}): Env {
  const env = {} as Env;
  before(async () => {
    env.sim = await startSimulator({ port: 0, token: 'test-token', actionMs: 60, ...options });
    env.client = new HcloudClient({ token: env.sim.token, endpoint: env.sim.url, retryBaseMs: 5 });
  });
  after(async () => {
    env.client?.dispose();
    await env.sim?.close();
  });
  return env;
}

/** The requests (after /v1) that match method and path, oldest first. */
export function received(sim: Simulator, method: string, path: string | RegExp): RecordedRequest[] {
  return sim.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
}

/** The one latest request with that method and path; fails the test when there is none. */
export function lastReceived(sim: Simulator, method: string, path: string | RegExp): RecordedRequest {
  const all = received(sim, method, path);
  assert.ok(all.length > 0, `the API received no ${method} ${path}`);
  return all[all.length - 1];
}

/** The simulator's raw JSON answer to a GET (bypassing the client), as the reference for conversions. */
export async function raw<T = Record<string, unknown>>(sim: Simulator, path: string): Promise<T> {
  const res = await fetch(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${sim.token}` } });
  assert.equal(res.status, 200, `raw GET ${path}`);
  return (await res.json()) as T;
}

/** Runs `fn`, expecting an HcloudError; returns it for more assertions. */
export async function rejectsWith(fn: () => Promise<unknown>, code: string): Promise<HcloudError> {
  try {
    await fn();
  } catch (e) {
    assert.ok(e instanceof HcloudError, `expected HcloudError, got ${String(e)}`);
    assert.equal(e.code, code, `code (message: ${e.message})`);
    return e;
  }
  assert.fail(`expected a rejection with code ${code}`);
}

/** Waits for an action with the fast test polling. */
export function settle(env: Env, action: Action | Action[]): Promise<Action[]> {
  return env.client.waitForActions(action, { pollMs: FAST_POLL });
}

/**
 * What a new server needs, in both modes: the cheapest-listed server type, a location where it can be
 * created (today's API says so in `locations[]`; the 2018 catalog offers every type everywhere the
 * tests go) and a system image of its architecture.
 */
export async function serverSpec(env: Env): Promise<{ type: ServerType; location: Location; image: Image }> {
  const [types, locations, images] = await Promise.all([
    env.client.serverTypes.listAll(),
    env.client.locations.listAll(),
    env.client.images.listAll({ type: 'system' }),
  ]);
  for (const type of types) {
    const where = type.locations ? type.locations.filter((l) => l.available).map((l) => l.name) : locations.map((l) => l.name);
    const location = locations.find((l) => where.includes(l.name));
    const image = images.find((i) => (i.architecture ?? 'x86') === (type.architecture ?? 'x86'));
    if (location && image) return { type, location, image };
  }
  assert.fail('no server type with a location and an image');
}

/**
 * Actions of the project (up to 50 with `perPage` unset): the unfiltered `GET /actions` of the 2018
 * contract, or the servers' `GET /servers/actions` of today's API (which refuses the unfiltered list).
 */
export async function projectActions(env: Env, api: ApiMode, params: ActionListParams = {}): Promise<Action[]> {
  if (api === '2018') return (await env.client.actions.list({ perPage: 50, ...params })).items;
  return (await env.client.servers.listKindActions({ perPage: 50, ...params })).items;
}

let counter = 0;
/** A server name unique within the test run. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}
