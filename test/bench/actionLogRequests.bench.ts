// Benchmark (not a test): what the action log costs in API requests, against the simulator's demo
// project (8 servers, 4 Floating IPs, 6 snapshots/backups): first load, "Load older", refresh,
// with GET /actions and in fallback (drift refuseUnfilteredActions), and the idle rate of a visible
// log with the default setting (hcloud.autoRefreshSeconds = 60; a refresh of n requests comes n
// times less often, so fallback costs the same an hour).
// A hidden log makes no request; running actions cost one request per poll (2 s, backing off to
// 10 s) only when the extension does not already follow them.
//
//   node scripts/build.mjs --tests --quiet && node out/test/bench/actionLogRequests.bench.js
import { HcloudClient } from '../../src/api/client';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import { ActionSource } from '../../src/webview/actionLog/source';

const TOKEN = 'bench-token';
const INTERVAL_SECONDS = 60;

async function measure(refuse: boolean): Promise<void> {
  const sim: Simulator = await startSimulator({ token: TOKEN, seed: 'demo', drift: { refuseUnfilteredActions: refuse } });
  const client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
  try {
    const count = async (what: () => Promise<unknown>) => {
      sim.clearRequests();
      await what();
      return sim.requests.length;
    };
    const source = new ActionSource(client, { filter: 'all' });
    let shown: Awaited<ReturnType<ActionSource['load']>>['actions'] = [];
    const first = await count(async () => (shown = (await source.load()).actions));
    // Names of the resources shown when the tree has not loaded them (once per log).
    const names = await count(() => source.resolveNames(shown));
    const older = await count(() => source.loadOlder());
    const refresh = await count(() => source.refresh());
    const interval = INTERVAL_SECONDS * Math.max(1, source.refreshCost);
    const perHour = Math.round((3600 / interval) * refresh);
    const mode = source.fallback ? 'fallback (GET /actions refused)' : 'GET /actions';
    console.log(`action log, ${mode}: first load ${first} requests (+ ${names} once for resource names the tree does not have), Load older ${older}, refresh ${refresh}; idle while visible: 1 refresh every ${interval} s = ${perHour} requests/hour`);
  } finally {
    client.dispose();
    await sim.close();
  }
}

async function main(): Promise<void> {
  await measure(false);
  await measure(true);
}

void main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
