// SSH When Ready's wait: a stand-in probe (no network) for the retries, the limit and cancelling;
// tcpProbe against a local listener on 127.0.0.1 only.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { tcpProbe, waitForPort, type PortProbe } from '../../../src/commands/connect/waitForPort';

describe('waitForPort (SSH When Ready)', () => {
  const options = (signal = new AbortController().signal) => ({ signal, intervalMs: 20, limitMs: 1000 });

  it('retries every interval until the probe succeeds, reporting each attempt', async () => {
    const calls: string[] = [];
    const attempts: number[] = [];
    const probe: PortProbe = async (host, port) => (calls.push(`${host}:${port}`), calls.length >= 3);
    const started = Date.now();
    const result = await waitForPort(probe, '203.0.113.5', 22, { ...options(), onAttempt: (n) => attempts.push(n) });
    assert.equal(result, 'ready');
    assert.deepEqual(calls, ['203.0.113.5:22', '203.0.113.5:22', '203.0.113.5:22']);
    assert.deepEqual(attempts, [1, 2, 3]);
    assert.ok(Date.now() - started >= 35, 'two intervals passed between three attempts');
  });

  it('gives up after the limit', async () => {
    let calls = 0;
    const started = Date.now();
    const result = await waitForPort(async () => (calls++, false), 'x', 22, { ...options(), limitMs: 100 });
    assert.equal(result, 'timeout');
    // It gives up when the next attempt would start past the limit: not before limit - interval (1 ms of timer slack).
    assert.ok(Date.now() - started >= 100 - 20 - 1, `not before the limit allows (${Date.now() - started} ms)`);
    // At most limit / interval attempts and a spare; a loaded machine's late timers make fewer (one CI run had 2).
    assert.ok(calls >= 2 && calls <= 7, `retried, at most about limit / interval attempts (${calls})`);
  });

  it('stops at once when cancelled, during a probe or between two', async () => {
    const during = new AbortController();
    const hanging: PortProbe = (_h, _p, signal) => new Promise((resolve) => signal.addEventListener('abort', () => resolve(false)));
    setTimeout(() => during.abort(), 30);
    assert.equal(await waitForPort(hanging, 'x', 22, options(during.signal)), 'cancelled');

    const between = new AbortController();
    let calls = 0;
    setTimeout(() => between.abort(), 30);
    const t0 = Date.now();
    assert.equal(await waitForPort(async () => (calls++, false), 'x', 22, { ...options(between.signal), intervalMs: 10_000, limitMs: 60_000 }), 'cancelled');
    assert.equal(calls, 1);
    assert.ok(Date.now() - t0 < 2000, 'did not wait out the interval');
  });

  it('tcpProbe: false while nothing listens on a loopback port, true once a listener accepts', async () => {
    const server: Server = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const probe = tcpProbe(1000);
    const signal = new AbortController().signal;
    try {
      assert.equal(await probe('127.0.0.1', port, signal), true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    assert.equal(await probe('127.0.0.1', port, signal), false, 'refused once closed');
  });
});
