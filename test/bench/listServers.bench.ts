// Benchmark (not a test): wall time and request count to list every server of a project with
// 1,000 servers behind 20 ms of added latency, for our client and for the `hcloud-js` npm package.
// The simulator runs in its own process, as the real API would; figures are medians of several runs.
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
  requests: number;
  items: number;
}

async function measure(name: string, runs: number, controlBase: string, list: () => Promise<number>): Promise<Figure> {
  await list(); // warm-up: connections, JIT
  const ms: number[] = [];
  let requests = 0;
  let items = 0;
  for (let i = 0; i < runs; i++) {
    await control(controlBase, 'DELETE', '/requests');
    const t0 = performance.now();
    items = await list();
    ms.push(performance.now() - t0);
    requests = await countRequests(controlBase);
  }
  return { name, ms, requests, items };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const servers = arg('servers', 1000);
  const latencyMs = arg('latency', 20);
  const runs = arg('runs', 5);
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

    const figures = [
      await measure('ours (HcloudClient.servers.listAll)', runs, sim.control, async () => (await ours.servers.listAll()).length),
      await measure('hcloud-js 1.4.1 (list + next())', runs, sim.control, async () => {
        let page = await theirs.servers.list({ perPage: 50 });
        let n = page.servers.length;
        while (page.nextPage) {
          page = await page.next();
          n += page.servers.length;
        }
        return n;
      }),
    ];

    const ofToday = await measure("ours on today's API (--api 2026)", runs, today.control, async () => (await oursToday.servers.listAll()).length);

    console.log(`bench: list all servers — ${servers} servers, ${latencyMs} ms added latency, median of ${runs} runs (2018 contract mode unless said)`);
    for (const f of [...figures, ofToday]) {
      console.log(
        `  ${f.name.padEnd(40)} ${median(f.ms).toFixed(0).padStart(6)} ms  ${String(f.requests).padStart(4)} requests  ${f.items} servers` +
          `  (runs: ${f.ms.map((m) => m.toFixed(0)).join(', ')} ms)`,
      );
    }
    const ratio = median(figures[1].ms) / median(figures[0].ms);
    console.log(`  ratio: ours is ${ratio.toFixed(1)}x faster (target: at least 4x)`);
    if ([...figures, ofToday].some((f) => f.items !== servers)) throw new Error('a client did not return every server');
  } finally {
    sim.child.kill('SIGTERM');
    today.child.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error('bench failed:', e instanceof Error ? e.message : e);
  process.exit(1);
});
