// Benchmark (not a test): API requests of an idle Hetzner Cloud view with one project of 20, 1,000
// and 5,000 servers, every folder expanded (catalog included), the view visible. It drives the tree's
// own RefreshPolicy (src/tree/refreshPolicy.ts), fetch functions (src/tree/fetch.ts) and change check
// (src/tree/changeCheck.ts) over simulated hours with a fake clock, against the simulator, and counts
// what the simulator received.
// The first load (the user expanding every folder) is counted apart; the idle figure is the mean over
// IDLE_HOURS hours after it (a project of 5,000 servers lists them in full less often than hourly, so
// one hour alone would say too little or too much). The busiest of those hours is printed as well.
// The full-listing period is the longest gap seen between two full listings of a folder.
// Today's API (the simulator's default) has no Datacenters folder; the 2018 contract has one.
// Against today's API the project also has a Load Balancer whose two server targets are one healthy
// and one unhealthy (its server is off), and a managed certificate whose issuance stays pending for
// the whole run: neither may cost a request of its own (the folders' listings show them).
// The project's monthly total (src/tree/projectCosts.ts) is computed when the project is expanded,
// before its folders: its requests count in the first load; idle it asks nothing (printed per run).
// Target: at most 120 requests an hour with the default settings (hcloud.autoRefreshSeconds = 60).
//
//   npm run bench            (or: node out/test/bench/idleRequests.bench.js)
import { HcloudClient } from '../../src/api/client';
import { formatDuration } from '../../src/shared/duration';
import { startSimulator } from '../../src/sim/simulator';
import type { Simulator } from '../../src/sim/types';
import type { Certificate, LoadBalancer } from '../../src/api/types';
import { ChangeCheck, checkWork } from '../../src/tree/changeCheck';
import { fetchFolder, fetchResource, folderClass, TODAY_CATALOG_FOLDERS, TODAY_FOLDERS, isSettled, unsettled, type FolderData, type ListWhat, type PolledKind } from '../../src/tree/fetch';
import { listingPages, RefreshPolicy } from '../../src/tree/refreshPolicy';
import { isCostWhat, ProjectCostCache, type CostWhat } from '../../src/tree/projectCosts';

const TOKEN = 'bench-token';
const HOUR = 3_600_000;
const IDLE_HOURS = 12;
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
  primaryIps: 'primaryIps',
  placementGroups: 'placementGroups',
  networks: 'networks',
  volumes: 'volumes',
  certificates: 'certificates',
  loadBalancers: 'loadBalancers',
  loadBalancerTypes: 'catalog/loadBalancerTypes',
  firewalls: 'firewalls',
};


type Api = '2018' | '2026';

/** The folders a project shows: no Datacenters where the API has none (today's). */
function foldersOf(api: Api): ListWhat[] {
  return (Object.keys(FOLDER_PATH) as ListWhat[]).filter((w) => (api === '2018' ? !TODAY_FOLDERS.includes(w) && !TODAY_CATALOG_FOLDERS.includes(w) : w !== 'datacenters'));
}

interface Result {
  api: Api;
  servers: number;
  intervalSeconds: number;
  firstLoad: number;
  idle: number;
  busiestHour: number;
  byPurpose: Map<string, number>;
  /** Per folder listed periodically: the longest gap between two full listings (ms). */
  longestGap: Map<ListWhat, number>;
  /** Requests of the project's monthly total: at the expansion, and while idle (none expected). */
  totalRequests: { expand: number; idle: number };
}

async function idleHours(intervalSeconds: number, api: Api, servers: number): Promise<Result> {
  let clock = Date.UTC(2026, 0, 1);
  const now = () => clock;
  const sim = await startSimulator({ token: TOKEN, seed: 'empty', extraServers: servers, now, rateLimit: 3600, api });
  try {
    const client = new HcloudClient({ token: TOKEN, endpoint: sim.url, maxTries: 1 });
    if (api === '2026') {
      await addServiceLayer(sim, client);
      sim.clearRequests();
      clock += 60_000; // the Load Balancer's create action ends: its targets' health is known from the first listing
    }
    const policy = new RefreshPolicy(now, { intervalSeconds });
    policy.setVisible(true);
    const keyOf = (what: ListWhat) => `${PROJECT}/${FOLDER_PATH[what]}`;
    const whatOf = new Map(foldersOf(api).map((w) => [keyOf(w), w]));
    const polled = new Map<string, { kind: PolledKind; id: number }>();
    const checks = new Map<string, ChangeCheck>();
    const purposes: string[] = [];
    const times: number[] = [];
    const listedAt = new Map<ListWhat, number[]>();
    const lastListing = new Map<ListWhat, unknown>();
    const count = (before: number, purpose: string) => {
      for (let i = before; i < sim.requests.length; i++) {
        purposes.push(purpose);
        times.push(clock);
      }
    };
    const watch = (kind: PolledKind, id: number, at: 'now' | 'later') => {
      const key = `${PROJECT}/${kind}/${id}`;
      polled.set(key, { kind, id });
      policy.watch(key, at);
    };

    const loadFolder = async (what: ListWhat, why: string) => {
      const before = sim.requests.length;
      // A folder's first load takes the listing the total made moments ago (src/tree/folderNode.ts).
      const onHand = why === 'expand' && isCostWhat(what) ? (costs.handover(what) as Promise<FolderData[typeof what]> | undefined) : undefined;
      const data = await (onHand ?? fetchFolder(client, what));
      lastListing.set(what, data);
      policy.folderLoaded(keyOf(what), folderClass[what], listingPages(data));
      listedAt.set(what, [...(listedAt.get(what) ?? []), clock]);
      for (const r of unsettled(what, data)) watch(r.kind, r.id, 'later');
      count(before, `${why}: ${what}`);
    };

    // The user opens the project: its monthly total (src/tree/projectCosts.ts) lists each billed kind
    // once and asks the prices, before any folder is open; kept 10 minutes, never asked again idle.
    const costs = projectTotal(client, api, now, lastListing);
    const beforeCosts = sim.requests.length;
    await costs.ensure();
    count(beforeCosts, 'expand: project total');
    // The user opens the project and expands every folder (servers too: their leaves cost nothing).
    for (const what of foldersOf(api)) await loadFolder(what, 'expand');
    const firstLoad = purposes.length;
    const start = clock;

    const end = clock + IDLE_HOURS * HOUR;
    for (;;) {
      const next = policy.nextDue();
      if (next === undefined || next > end) break;
      clock = Math.max(clock, next);
      for (const item of policy.due()) {
        if (item.reason === 'periodic') {
          await loadFolder(whatOf.get(item.key)!, 'periodic');
        } else if (item.reason === 'check') {
          const before = sim.requests.length;
          let check = checks.get(item.key);
          if (!check) checks.set(item.key, (check = new ChangeCheck()));
          const outcome = await check.run(client);
          count(before, `check: ${whatOf.get(item.key)}`);
          if (!outcome) {
            policy.checkUnavailable(item.key);
            continue;
          }
          const work = checkWork(outcome);
          for (const r of work.poll) watch(r.kind, r.id, 'now');
          for (const what of work.stale) policy.folderStale(keyOf(what));
        } else {
          const w = polled.get(item.key)!;
          const before = sim.requests.length;
          const r = await fetchResource(client, w.kind, w.id);
          policy.pollResult(item.key, isSettled(w.kind, r));
          count(before, `poll: ${w.kind}`);
        }
      }
    }
    client.dispose();
    if (api === '2026') assertServiceLayer(lastListing, servers);
    if (!costs.current()?.total) throw new Error(`${servers} servers: the project total was not computed`);
    const seen = sim.requests.length;
    if (seen !== purposes.length) throw new Error(`the simulator saw ${seen} requests, the benchmark attributed ${purposes.length}`);
    const byPurpose = new Map<string, number>();
    for (const p of purposes.slice(firstLoad)) byPurpose.set(p, (byPurpose.get(p) ?? 0) + 1);
    const perHour = Array.from({ length: IDLE_HOURS }, (_, h) => times.slice(firstLoad).filter((t) => t >= start + h * HOUR && t < start + (h + 1) * HOUR).length);
    const longestGap = new Map<ListWhat, number>();
    for (const [what, at] of listedAt) {
      if (folderClass[what] === 'static') continue;
      // Up to the end of the run: a folder not listed again for longer than that shows it.
      const gaps = [...at.slice(1), end].map((t, i) => t - at[i]);
      longestGap.set(what, Math.max(...gaps));
    }
    const totalRequests = { expand: purposes.filter((p) => p === 'expand: project total').length, idle: purposes.slice(firstLoad).filter((p) => p.includes('project total')).length };
    return { api, servers, intervalSeconds, firstLoad, idle: (seen - firstLoad) / IDLE_HOURS, busiestHour: Math.max(...perHour), byPurpose, longestGap, totalRequests };
  } finally {
    await sim.close();
  }
}

/** The tree's project total on the bench's client: folders read from the last listings, the other billed kinds listed. */
function projectTotal(client: HcloudClient, api: Api, now: () => number, listings: Map<ListWhat, unknown>): ProjectCostCache {
  return new ProjectCostCache({
    now,
    today: async () => api === '2026',
    loaded: <W extends CostWhat>(w: W) => listings.get(w) as FolderData[W] | undefined,
    list: (w) => fetchFolder(client, w),
    pricing: () => fetchFolder(client, 'prices'),
  });
}

/**
 * A Load Balancer with one running and one stopped server as targets (healthy, unhealthy), and a
 * managed certificate whose issuance action never ends within the run (pending throughout).
 */
async function addServiceLayer(sim: Simulator, client: HcloudClient): Promise<void> {
  const servers = await client.servers.listAll();
  const location = servers[0]?.location?.name ?? 'fsn1';
  const here = servers.filter((s) => s.location?.name === location);
  const on = here.find((s) => s.status === 'running');
  const off = here.find((s) => s.status === 'off');
  if (!on || !off) throw new Error(`the bench needs a running and a stopped server in ${location}`);
  await client.loadBalancers.create({
    name: 'bench-lb',
    loadBalancerType: 'lb11',
    location,
    services: [{ protocol: 'http', listenPort: 80, destinationPort: 80 }],
    targets: [on, off].map((s) => ({ type: 'server' as const, serverId: s.id })),
  });
  const made = await client.certificates.create({ type: 'managed', name: 'bench-managed', domainNames: ['bench.example.com'] });
  const issuance = made.action && sim.state.actions.get(made.action.id);
  if (!issuance) throw new Error('the managed certificate came without its issuance action');
  issuance.endMs = Number.MAX_SAFE_INTEGER;
}

/** What the last listings showed at the end of the run: the bench measured what it says it did. */
function assertServiceLayer(last: Map<ListWhat, unknown>, servers: number): void {
  const lbs = (last.get('loadBalancers') ?? []) as LoadBalancer[];
  const health = lbs.flatMap((lb) => lb.targets.flatMap((t) => t.healthStatus.map((h) => h.status)));
  if (!health.includes('healthy') || !health.includes('unhealthy')) throw new Error(`${servers} servers: the Load Balancer's targets were ${health.join(', ') || 'none'}`);
  const certs = (last.get('certificates') ?? []) as Certificate[];
  if (!certs.some((c) => c.status?.issuance === 'pending')) throw new Error('no certificate was pending at the end of the run');
}

async function main(): Promise<void> {
  console.log(`idle requests: one project, every folder expanded, view visible; mean of ${IDLE_HOURS} simulated hours after the first load`);
  const results: Result[] = [];
  for (const servers of [20, 1000, 5000]) results.push(await idleHours(60, '2026', servers));
  for (const seconds of [30, 15, 0]) results.push(await idleHours(seconds, '2026', 20));
  results.push(await idleHours(60, '2018', 20));
  for (const r of results) {
    const label = r.intervalSeconds === 0 ? 'autoRefreshSeconds=0 (off)' : `autoRefreshSeconds=${r.intervalSeconds}${r.intervalSeconds === 60 ? ' (default)' : ''}`;
    console.log(`\n${r.api === '2026' ? "today's API" : '2018 contract'}, ${r.servers} servers, ${label}: ${r.idle.toFixed(1)} requests/hour idle (busiest hour ${r.busiestHour}; first load ${r.firstLoad})`);
    for (const [purpose, n] of [...r.byPurpose].sort((a, b) => b[1] - a[1])) console.log(`  ${(n / IDLE_HOURS).toFixed(1).padStart(6)}/h  ${purpose}`);
    console.log(`  project total: ${r.totalRequests.expand} requests when the project is expanded (in the first load), ${r.totalRequests.idle} while idle`);
    if (r.intervalSeconds) console.log(`  full listing at least every: ${[...r.longestGap].map(([w, ms]) => `${w} ${formatDuration(ms)}`).join(', ')}`);
  }
  console.log("\nidle requests/hour with the default settings, today's API (target ≤ 120 each):");
  for (const r of results.filter((x) => x.api === '2026' && x.intervalSeconds === 60)) {
    const period = Math.max(...r.longestGap.values());
    console.log(`  ${String(r.servers).padStart(5)} servers: ${r.idle.toFixed(1).padStart(6)}/h (${r.idle <= 120 ? 'met' : 'MISSED'}), every folder listed in full at least every ${formatDuration(period)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
