// Benchmark (not a test): wall time and request count to list every server of a project with
// 1,000 servers behind 20 ms of added latency.
// - Ours against the limit, measured in the same run against the same simulator: plain fetch (Node's
//   own) asks for page 1, then for every other page at once, and parses each answer (no conversion).
//   That is the least time any client can take: two round trips. Each run measures both back to back
//   (in turn first), so a busy machine slows both; the ratio is the median of the runs' ratios.
//   Target: at most 1.15x, with no more requests than the limit (one per page).
// - Ours against the `hcloud-js` npm package (one page after the other).
// The simulators run in their own processes, as the real API would; figures are medians of several runs.
// hcloud-js 1.4.1 (2020) reads neither today's API (it builds a Datacenter from every server, gone
// since 2026-07-01) nor the 2018 contract (it maps `private_net`, added in 2019): the comparison runs on
// the 2018 mode with `private_net: []` (and `[]` for the contract's null IPv6 reverse DNS list, which it
// maps too) added to each server by an axios interceptor in its own process (no extra hop). Ours is measured on both modes.
//
//   npm run bench            (or: node out/test/bench/listServers.bench.js [--servers N] [--latency MS] [--runs N])
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { HcloudClient } from '../../src/api/client';
import { DEFAULT_PAGE_CONCURRENCY } from '../../src/api/http';

// hcloud-js ships no types; this is the part of it the benchmark uses.
interface HcloudJsServerList {
  servers: unknown[];
  nextPage: number | null;
  next(): Promise<HcloudJsServerList>;
}
interface HcloudJsClient {
  servers: { list(params: { perPage: number }): Promise<HcloudJsServerList> };
  axios: { interceptors: { response: { use(onAnswer: (answer: { data?: { servers?: Array<Record<string, unknown>> } }) => unknown): void } } };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const HcloudJs = require('hcloud-js') as { Client: new (opts: { token: string; baseURL: string; timeout: number }) => HcloudJsClient };

const TOKEN = 'bench-token';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function startSimulatorProcess(servers: number, api: '2018' | '2026'): Promise<{ url: string; control: string; child: ChildProcess }> {
  const cli = join(__dirname, '..', '..', 'src', 'sim', 'cli.js');
  const child = spawn(process.execPath, [cli, '--port', '0', '--token', TOKEN, '--seed', 'empty', '--servers', String(servers), '--api', api], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/\S+\/v1)/.exec(line);
      if (m) resolve(m[1]);
    });
  });
  return { url, control: url.replace(/\/v1$/, '/__sim'), child };
}

async function control(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(base + path, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

async function countRequests(base: string): Promise<number> {
  return ((await control(base, 'GET', '/requests')) as unknown[]).length;
}

interface Figure {
  name: string;
  ms: number[];
  /** Requests of each run. */
  requests: number[];
  items: number;
}

type Listing = { name: string; list: () => Promise<number> };

/** One run of `listing`: its time, and the requests the simulator received for it. */
async function once(controlBase: string, listing: Listing, figure: Figure): Promise<void> {
  await control(controlBase, 'DELETE', '/requests');
  const t0 = performance.now();
  figure.items = await listing.list();
  figure.ms.push(performance.now() - t0);
  figure.requests.push(await countRequests(controlBase));
}

/** Listings of each kind before the runs: connections open, code compiled, heap grown. */
const WARM_UP = 10;

/** `runs` runs of each listing after a warm-up; the listings take turns, and turns going first. */
async function measure(runs: number, controlBase: string, ...listings: Listing[]): Promise<Figure[]> {
  for (let i = 0; i < WARM_UP; i++) for (const l of listings) await l.list();
  const figures = listings.map((l) => ({ name: l.name, ms: [] as number[], requests: [] as number[], items: 0 }));
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? figures.keys() : [...figures.keys()].reverse();
    for (const k of order) await once(controlBase, listings[k], figures[k]);
  }
  return figures;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The limit: plain fetch, page 1, then every other page at once, each answer parsed; nothing else
 * (no retry, no conversion, no checks). Returns the number of servers.
 */
async function plainFetchListing(url: string, perPage: number): Promise<number> {
  const page = async (n: number): Promise<{ servers: unknown[]; meta: { pagination: { last_page: number } } }> => {
    const res = await fetch(`${url}/servers?page=${n}&per_page=${perPage}`, { headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' } });
    if (!res.ok) throw new Error(`plain fetch: HTTP ${res.status} on page ${n}`);
    return (await res.json()) as { servers: unknown[]; meta: { pagination: { last_page: number } } };
  };
  const first = await page(1);
  const rest = await Promise.all(Array.from({ length: first.meta.pagination.last_page - 1 }, (_, i) => page(i + 2)));
  return rest.reduce((n, p) => n + p.servers.length, first.servers.length);
}

function line(f: Figure): string {
  const requests = [...new Set(f.requests)].join('/');
  return (
    `  ${f.name.padEnd(52)} ${median(f.ms).toFixed(0).padStart(6)} ms  ${requests.padStart(4)} requests  ${f.items} servers` +
    `  (runs: ${f.ms.map((m) => m.toFixed(0)).join(', ')} ms)`
  );
}

async function main(): Promise<void> {
  const servers = arg('servers', 1000);
  const latencyMs = arg('latency', 20);
  const runs = arg('runs', 15);
  const sim = await startSimulatorProcess(servers, '2018');
  const today = await startSimulatorProcess(servers, '2026');
  try {
    for (const s of [sim, today]) {
      await control(s.control, 'PUT', '/faults', { latencyMs });
      await control(s.control, 'PUT', '/ratelimit', { remaining: 1_000_000 });
    }

    const ours = new HcloudClient({ token: TOKEN, endpoint: sim.url });
    const oursToday = new HcloudClient({ token: TOKEN, endpoint: today.url });
    const theirs = new HcloudJs.Client({ token: TOKEN, baseURL: sim.url + '/', timeout: 30_000 });
    theirs.axios.interceptors.response.use((answer) => {
      for (const server of answer.data?.servers ?? []) {
        server.private_net ??= [];
        const ipv6 = (server.public_net as { ipv6?: { dns_ptr: unknown } } | undefined)?.ipv6;
        if (ipv6) ipv6.dns_ptr ??= [];
      }
      return answer;
    });

    const [limit, oursVsLimit] = await measure(
      runs,
      today.control,
      { name: 'limit: plain fetch, page 1 then all others at once', list: () => plainFetchListing(today.url, 50) },
      { name: 'ours (HcloudClient.servers.listAll)', list: async () => (await oursToday.servers.listAll()).length },
    );
    const [oursOld, hcloudJs] = await measure(
      runs,
      sim.control,
      { name: 'ours (HcloudClient.servers.listAll)', list: async () => (await ours.servers.listAll()).length },
      {
        name: 'hcloud-js 1.4.1 (list + next())',
        list: async () => {
          let page = await theirs.servers.list({ perPage: 50 });
          let n = page.servers.length;
          while (page.nextPage) {
            page = await page.next();
            n += page.servers.length;
          }
          return n;
        },
      },
    );
    ours.dispose();
    oursToday.dispose();

    console.log(`bench: list all servers — ${servers} servers, ${latencyMs} ms added latency, median of ${runs} runs`);
    console.log("  today's API (--api 2026):");
    console.log(line(limit));
    console.log(line(oursVsLimit));
    const ratio = median(oursVsLimit.ms.map((ms, i) => ms / limit.ms[i]));
    const moreRequests = Math.max(...oursVsLimit.requests) - Math.min(...limit.requests);
    console.log(
      `  ours / limit: ${ratio.toFixed(2)}x (median of the runs' ratios; target at most 1.15x), ` +
        `${moreRequests > 0 ? `${moreRequests} more requests` : 'no more requests'} than the limit, at most ${DEFAULT_PAGE_CONCURRENCY} at once after page 1`,
    );
    console.log('  the 2018 contract (--api 2018):');
    console.log(line(oursOld));
    console.log(line(hcloudJs));
    console.log(`  hcloud-js / ours: ours is ${(median(hcloudJs.ms) / median(oursOld.ms)).toFixed(1)}x faster (target: at least 4x)`);
    if ([limit, oursVsLimit, oursOld, hcloudJs].some((f) => f.items !== servers)) throw new Error('a client did not return every server');
  } finally {
    sim.child.kill('SIGTERM');
    today.child.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error('bench failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
