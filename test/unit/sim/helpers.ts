// Test helpers for the simulator suites: a fake clock, and a tiny fetch wrapper that returns
// status, parsed JSON and headers (Node's global fetch, not the project's client).

import { startSimulator } from '../../../src/sim';
import type { Simulator, SimulatorOptions } from '../../../src/sim/types';

/** Answers are JSON of many shapes; tests read them as the API docs describe them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export class FakeClock {
  constructor(public ms = Date.UTC(2024, 4, 15, 12, 0, 0)) {}
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface Answer<T = Json> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export interface Api {
  sim: Simulator;
  call<T = Json>(method: string, path: string, body?: unknown, init?: { token?: string | null; raw?: string }): Promise<Answer<T>>;
  get<T = Json>(path: string): Promise<Answer<T>>;
  post<T = Json>(path: string, body?: unknown): Promise<Answer<T>>;
  put<T = Json>(path: string, body?: unknown): Promise<Answer<T>>;
  del<T = Json>(path: string): Promise<Answer<T>>;
}

export function api(sim: Simulator): Api {
  const call = async (method: string, path: string, body?: unknown, init: { token?: string | null; raw?: string } = {}) => {
    const token = init.token === undefined ? sim.token : init.token;
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    const payload = init.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    const res = await fetch(`${sim.url}${path}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as Json, headers: res.headers, text };
  };
  return {
    sim,
    call,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    del: (path) => call('DELETE', path),
  };
}

/** Starts a simulator and wraps it; close it in after(). */
export async function startApi(options: SimulatorOptions = {}): Promise<Api> {
  return api(await startSimulator(options));
}

/**
 * Starts a simulator before the tests of the enclosing describe() and closes it after them.
 * The returned Api delegates to it (usable inside the tests, not at describe time).
 */
export function withSim(options: SimulatorOptions = {}): Api {
  let current: Api | undefined;
  before(async () => {
    current = await startApi(options);
  });
  after(() => current?.sim.close());
  const live = (): Api => {
    if (!current) throw new Error('the simulator is not started yet');
    return current;
  };
  return {
    get sim() {
      return live().sim;
    },
    call: (method, path, body, init) => live().call(method, path, body, init),
    get: (path) => live().get(path),
    post: (path, body) => live().post(path, body),
    put: (path, body) => live().put(path, body),
    del: (path) => live().del(path),
  };
}

/** The field names of an invalid_input answer. */
export function fieldNames(answer: Answer): string[] {
  return (answer.body?.error?.details?.fields ?? []).map((f: { name: string }) => f.name);
}
