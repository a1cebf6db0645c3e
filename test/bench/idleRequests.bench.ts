// Benchmark (not a test): API requests in one hour of an idle Hetzner Cloud view with one project
// of 20 servers, every folder expanded (catalog included), the view visible. It drives the tree's
// own RefreshPolicy (src/tree/refreshPolicy.ts) and fetch functions (src/tree/fetch.ts) over a
// simulated hour with a fake clock, against the simulator, and counts what the simulator received.
// Today's API (the simulator's default) has no Datacenters folder; the 2018 contract has one.
// Target: at most 120 requests an hour with the default settings (hcloud.autoRefreshSeconds = 60).
//
//   npm run bench            (or: node out/test/bench/idleRequests.bench.js)
import { HcloudClient } from '../../src/api/client';
import { startSimulator } from '../../src/sim/simulator';
import { fetchFolder, fetchResource, folderClass, isSettled, unsettled, type ListWhat } from '../../src/tree/fetch';
import { RefreshPolicy } from '../../src/tree/refreshPolicy';

const TOKEN = 'bench-token';
const HOUR = 3_600_000;
const PROJECT = 'project/bench';
/** Where each folder sits in the tree (its key in the policy is the folder node's id). */
const FOLDER_PATH: Record<ListWhat, string> = {
  servers: 'servers',
  floatingIps: 'floatingIps',
  snapshots: 'images/snapshots',
  backups: 'images/backups',
  systemImages: 'images/systemImages',
  sshKeys: 'sshKeys',
  isos: 'isos',
  serverTypes: 'catalog/serverTypes',
  locations: 'catalog/locations',
  datacenters: 'catalog/datacenters',
  prices: 'catalog/prices',
};

type Api = '2018' | '2026';

/** The folders a project shows: no Datacenters where the API has none (today's). */
function foldersOf(api: Api): ListWhat[] {
  return (Object.keys(FOLDER_PATH) as ListWhat[]).filter((w) => api === '2018' || w !== 'datacenters');
}

interface Result {
  api: Api;
  intervalSeconds: number;
  total: number;
  byPurpose: Map<string, number>;
}

async function idleHour(intervalSeconds: number, api: Api): Promise<Result> {
  let clock = Date.UTC(2026, 0, 1);
  const now = () => clock;
  const sim = await startSimulator({ token: TOKEN, seed: 'empty', extraServers: 20, now, rateLimit: 3600, api });
  try {
    const client = new HcloudClient({ token: TOKEN, endpoint: sim.url, maxTries: 1 });
    const policy = new RefreshPolicy(now, { intervalSeconds });
    policy.setVisible(true);
    const keyOf = (what: ListWhat) => `${PROJECT}/${FOLDER_PATH[what]}`;
    const whatOf = new Map(foldersOf(api).map((w) => [keyOf(w), w]));
    const polled = new Map<string, { kind: 'server' | 'image'; id: number }>();
    const purposes: string[] = [];

    const loadFolder = async (what: ListWhat, why: string) => {
      const before = sim.requests.length;
      const data = await fetchFolder(client, what);
      policy.folderLoaded(keyOf(what), folderClass[what]);
      for (const r of unsettled(what, data)) {
        const key = `${PROJECT}/${r.kind}/${r.id}`;
        if (r.kind === 'server' || r.kind === 'image') polled.set(key, { kind: r.kind, id: r.id });
        policy.watch(key, 'later');
      }
      for (let i = before; i < sim.requests.length; i++) purposes.push(`${why}: ${what}`);
    };

    // The user opens the project and expands every folder (servers too: their leaves cost nothing).
    for (const what of foldersOf(api)) await loadFolder(what, 'expand');

    const end = clock + HOUR;
    for (;;) {
      const next = policy.nextDue();
      if (next === undefined || next > end) break;
      clock = Math.max(clock, next);
      for (const item of policy.due()) {
        if (item.reason === 'periodic') {
          await loadFolder(whatOf.get(item.key)!, 'periodic');
        } else {
          const w = polled.get(item.key)!;
          const before = sim.requests.length;
          const r = await fetchResource(client, w.kind, w.id);
          policy.pollResult(item.key, isSettled(w.kind, r));
          for (let i = before; i < sim.requests.length; i++) purposes.push(`poll: ${w.kind}`);
        }
      }
    }
    client.dispose();
    const byPurpose = new Map<string, number>();
    for (const p of purposes) byPurpose.set(p, (byPurpose.get(p) ?? 0) + 1);
    const seen = sim.requests.length;
    if (seen !== purposes.length) throw new Error(`the simulator saw ${seen} requests, the benchmark attributed ${purposes.length}`);
    return { api, intervalSeconds, total: seen, byPurpose };
  } finally {
    await sim.close();
  }
}

async function main(): Promise<void> {
  console.log('idle requests: one project, 20 servers, every folder expanded, view visible, one simulated hour');
  const results: Result[] = [];
  for (const seconds of [60, 30, 15, 0]) results.push(await idleHour(seconds, '2026'));
  results.push(await idleHour(60, '2018'));
  for (const r of results) {
    const label = r.intervalSeconds === 0 ? 'autoRefreshSeconds=0 (off)' : `autoRefreshSeconds=${r.intervalSeconds}${r.intervalSeconds === 60 ? ' (default)' : ''}`;
    console.log(`\n${r.api === '2026' ? "today's API" : '2018 contract'}, ${label}: ${r.total} requests/hour`);
    for (const [purpose, n] of [...r.byPurpose].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${purpose}`);
  }
  const def = results[0];
  console.log(`\nidle requests/hour with the default settings, today's API: ${def.total} (target ≤ 120: ${def.total <= 120 ? 'met' : 'MISSED'})`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
