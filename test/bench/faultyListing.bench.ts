// Benchmark (not a test): 60 listings of 1,000 servers while 30 % of the requests fail with a
// mixed fault (500, 502, 503 or a dropped connection), for today's retry policy (retry until 15 s
// after the first try, backoff 500 ms base, 4 s cap, full jitter) and, for comparison, the policy
// before issue 10 (5 tries, 250 ms base, 8 s cap). Prints how many listings returned every server,
// wall time and requests. The simulator runs in this process; after each answer it arms a fault
// for the next request with a chance of 30 % (seeded, so a run repeats).
//
//   node out/test/bench/faultyListing.bench.js [--servers N] [--listings N] [--rate 0.3] [--latency MS]
import { HcloudClient } from '../../src/api/client';
import type { HttpTransportOptions } from '../../src/api/transport';
import { mulberry32 as seeded } from '../../src/sim/random';
import { startSimulator } from '../../src/sim/simulator';
import type { FaultConfig, Simulator } from '../../src/sim/types';

const TOKEN = 'bench-token';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}


interface Row {
  name: string;
  ok: number;
  listings: number;
  ms: number;
  requests: number;
  faults: number;
  errors: Map<string, number>;
}

async function run(name: string, sim: Simulator, options: Partial<HttpTransportOptions>, listings: number, servers: number, arm: { on: boolean }): Promise<Row> {
  const client = new HcloudClient({ token: TOKEN, endpoint: sim.url, ...options });
  const row: Row = { name, ok: 0, listings, ms: 0, requests: 0, faults: 0, errors: new Map() };
  sim.clearRequests();
  const t0 = performance.now();
  arm.on = true;
  for (let i = 0; i < listings; i++) {
    try {
      const list = await client.servers.listAll();
      if (list.length === servers) row.ok++;
      else row.errors.set(`${list.length} servers`, (row.errors.get(`${list.length} servers`) ?? 0) + 1);
    } catch (e) {
      const code = (e as { code?: string }).code ?? String(e);
      row.errors.set(code, (row.errors.get(code) ?? 0) + 1);
    }
  }
  arm.on = false;
  row.ms = performance.now() - t0;
  row.requests = sim.requests.length;
  row.faults = sim.requests.filter((r) => r.status !== 200).length;
  client.dispose();
  return row;
}

async function main(): Promise<void> {
  const servers = arg('servers', 1000);
  const listings = arg('listings', 60);
  const rate = arg('rate', 0.3);
  const latencyMs = arg('latency', 0);
  const draw = seeded(2026);
  const arm = { on: false };
  let sim: Simulator | undefined = undefined;
  const next = (): FaultConfig => {
    if (!arm.on || draw() >= rate) return { latencyMs };
    const kind = Math.floor(draw() * 4);
    return kind === 3 ? { latencyMs, kind: 'drop', failNext: 1 } : { latencyMs, kind: 'status', statuses: [[500, 502, 503][kind]], failNext: 1 };
  };
  sim = await startSimulator({ token: TOKEN, seed: 'empty', extraServers: servers, rateLimit: 100_000_000, onRequest: () => sim?.setFaults(next()) });
  try {
    sim.setFaults({ latencyMs });
    const rows = [
      await run("today's policy (retry window 15 s, 500 ms base, 4 s cap)", sim, {}, listings, servers, arm),
      await run('before issue 10 (5 tries, 250 ms base, 8 s cap)', sim, { maxTries: 5, retryBaseMs: 250, retryMaxDelayMs: 8000, retryWindowMs: 1e12 }, listings, servers, arm),
    ];
    console.log(`bench: ${listings} listings of ${servers} servers, ${Math.round(rate * 100)} % mixed faults (500/502/503/drop), ${latencyMs} ms added latency`);
    for (const r of rows) {
      const errors = [...r.errors].map(([k, n]) => `${n}x ${k}`).join(', ');
      console.log(
        `  ${r.name.padEnd(58)} ${String(r.ok).padStart(3)}/${r.listings} complete  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ` +
          `${String(r.requests).padStart(6)} requests (${r.faults} faulted, ${(r.requests / r.listings).toFixed(1)} per listing)${errors ? `  failures: ${errors}` : ''}`,
      );
    }
    console.log(`  target: ${listings} of ${listings} with today's policy`);
  } finally {
    await sim.close();
  }
}

main().catch((e: unknown) => {
  console.error('bench failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
