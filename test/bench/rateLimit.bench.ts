// Benchmark (not a test): the 429 scenario of issue 10. A project with 3 requests left lists 1,000
// servers, at the default limit (3600/h: one request a second refills) and at 360/h (one every
// 10 s). Prints the requests sent, the 429s received (requests beyond the budget), the time, and
// the messages the user would see. Time is a fake clock that the simulator and the transport
// share, so the refill happens in virtual time and the run takes a moment of real time; both are
// printed. Target: no request beyond the budget, at most one message. Last, a command's write
// (Power on) with the budget spent, as the transport says it and as the command shows it.
//
//   node out/test/bench/rateLimit.bench.js [--servers N] [--left N]
import { HcloudClient } from '../../src/api/client';
import { HcloudError } from '../../src/api/errors';
import { describeError } from '../../src/ui/describeError';
import { startSimulator } from '../../src/sim/simulator';
import { FakeClock } from '../unit/api/fakeClock';

const TOKEN = 'bench-token';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function scenario(limit: number, servers: number, left: number): Promise<void> {
  // 20 real ms a tick: the answers on their way land before virtual time moves on.
  const clock = new FakeClock(undefined, Date.now(), 20);
  const sim = await startSimulator({ token: TOKEN, seed: 'empty', extraServers: servers, rateLimit: limit, now: () => clock.now() });
  const client = new HcloudClient({ token: TOKEN, endpoint: sim.url, clock });
  try {
    sim.setRateLimitRemaining(left);
    const virtual0 = clock.now();
    const real0 = performance.now();
    let outcome: string;
    const messages: string[] = [];
    try {
      outcome = `listed ${(await client.servers.listAll()).length} servers`;
    } catch (e) {
      outcome = `failed: ${e instanceof HcloudError ? e.code : String(e)}`;
      // The tree's error node shows the error's full message.
      messages.push(`tree: ${e instanceof HcloudError ? e.fullMessage : String(e)}`);
    }
    const virtualS = (clock.now() - virtual0) / 1000;
    const realMs = performance.now() - real0;
    const sent = sim.requests.length;
    const tooMany = sim.requests.filter((r) => r.status === 429).length;
    console.log(
      `  ${String(limit).padStart(4)}/h, ${left} left: ${outcome}; ${sent} requests reached the API, ${tooMany} x 429; ` +
        `${virtualS.toFixed(1)} s virtual (${realMs.toFixed(0)} ms real); ${messages.length} message(s)`,
    );
    for (const m of messages) console.log(`      ${m}`);
  } finally {
    client.dispose();
    await sim.close();
  }
}

/** Power on with the budget spent by another client: the transport's message, and the command's. */
async function write(): Promise<void> {
  const clock = new FakeClock(undefined, Date.now(), 20);
  const sim = await startSimulator({ token: TOKEN, seed: 'empty', extraServers: 1, now: () => clock.now() });
  const client = new HcloudClient({ token: TOKEN, endpoint: sim.url, clock });
  try {
    const [server] = (await client.servers.list()).items;
    sim.setRateLimitRemaining(0);
    sim.clearRequests();
    await client.servers.powerOn(server.id).catch((e: unknown) => {
      console.log(`  power on, budget spent elsewhere: ${sim.requests.length} request, not retried`);
      console.log(`      transport: ${e instanceof HcloudError ? e.fullMessage : String(e)}`);
      // As runAction shows it (src/commands/runAction.ts).
      console.log(`      command:   ${describeError(e, { action: 'Power on' })}`);
    });
  } finally {
    client.dispose();
    await sim.close();
  }
}

async function main(): Promise<void> {
  const servers = arg('servers', 1000);
  const left = arg('left', 3);
  console.log(`bench: 429 scenario, listing ${servers} servers with ${left} requests left (fake clock shared by simulator and transport)`);
  await scenario(3600, servers, left);
  await scenario(360, servers, left);
  console.log('  (before issue 10: 189 requests, 168 x 429, 18 s at 3600/h; at 360/h a failure after 60 s)');
  await write();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
