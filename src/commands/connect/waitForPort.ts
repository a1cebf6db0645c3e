// SSH When Ready: waiting until a port accepts a TCP connection. No vscode: unit-tested in
// test/unit/commands/waitForPort.test.ts with a stand-in probe. The probe is a seam: tests replace
// it (through the extension's test API) with one that maps a server's address to a local
// listener, since the simulator's addresses (documentation ranges) are on no network here.
import { connect } from 'node:net';

/** One attempt: resolves true when host:port accepted a TCP connection, false otherwise. Never rejects. */
export type PortProbe = (host: string, port: number, signal: AbortSignal) => Promise<boolean>;

/** Opens one TCP connection (closed at once) and says whether it was accepted within `timeoutMs`. */
export const tcpProbe = (timeoutMs = 3000): PortProbe => (host, port, signal) =>
  new Promise<boolean>((resolve) => {
    if (signal.aborted) return resolve(false);
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      socket.destroy();
      resolve(ok);
    };
    const abort = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    signal.addEventListener('abort', abort, { once: true });
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

export interface WaitOptions {
  signal: AbortSignal;
  /** Time between the starts of two attempts. */
  intervalMs: number;
  /** No further attempt starts after this. */
  limitMs: number;
  /** Called before each attempt (1, 2, …) with the time waited so far. */
  onAttempt?(attempt: number, waitedMs: number): void;
}

export type WaitResult = 'ready' | 'timeout' | 'cancelled';

/** Probes host:port every `intervalMs` until it accepts, the limit passes, or the signal aborts. */
export async function waitForPort(probe: PortProbe, host: string, port: number, o: WaitOptions): Promise<WaitResult> {
  const start = Date.now();
  for (let attempt = 1; ; attempt++) {
    if (o.signal.aborted) return 'cancelled';
    const begun = Date.now();
    o.onAttempt?.(attempt, begun - start);
    if (await probe(host, port, o.signal)) return o.signal.aborted ? 'cancelled' : 'ready';
    if (o.signal.aborted) return 'cancelled';
    const next = begun + o.intervalMs;
    if (next - start > o.limitMs) return 'timeout';
    if (!(await sleep(Math.max(0, next - Date.now()), o.signal))) return 'cancelled';
  }
}

/** Resolves true after `ms`, false at once when the signal aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve(true);
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', abort, { once: true });
  });
}
