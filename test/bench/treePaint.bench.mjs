// Benchmark (not a test): the tree's first paint of a project of 5,000 servers in the real workbench
// (code-server + headless Chromium), and the extension host's memory. The simulator (in this
// process) holds 5,000 servers; the project is the HCLOUD_TOKEN one. For each run the workbench is
// loaded afresh (a new extension host), the project is expanded, and the time is taken from the
// click on "Servers" until the first server rows are visible (100 pages of 50 fetched, 5,000 nodes
// built, the first rows drawn). The extension host's memory (proportional set size, from /proc) is
// read before the click and once the rows show; its resident size and peak resident size as well.
//
//   npm run bench     (or, after node scripts/build.mjs --tests: flock /tmp/hcloud-vscode.lock node test/bench/treePaint.bench.mjs)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer } from '../../scripts/vscode/ensure-code-server.mjs';
import { ensureChromium, parseArgs, pidsWithArg, projectRoot, seconds, startSession, treePssMb, waitForWorkbench } from '../../scripts/vscode/harness.mjs';
import { startSpecSimulator } from '../support/simulator.mjs';
import { Workbench } from '../support/workbench.mjs';

const SERVERS = 5000;
const RUNS = 3;
const TOKEN = 'bench-paint-token';
const opts = parseArgs();
const outDir = join(projectRoot, typeof opts.outdir === 'string' ? opts.outdir : 'out');

/** The parent pid of a process (0 when it is gone). */
function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** The extension host processes started under code-server (pid `rootPid`), found by their command line. */
function extensionHostPids(rootPid) {
  const under = (pid) => {
    for (let p = pid; p > 1; p = parentOf(p)) if (p === rootPid) return true;
    return false;
  };
  return pidsWithArg('extensionHost').filter(under);
}

/** kB value of a /proc/<pid>/status field (VmRSS, VmHWM) in MB. */
function statusMb(pid, field) {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

const started = Date.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await ensureCodeServer({ quiet: true });
ensureChromium();
const sim = await startSpecSimulator(outDir, { token: TOKEN, seed: 'empty', extraServers: SERVERS });
const session = await startSession({ label: 'paint', env: { HCLOUD_TOKEN: TOKEN, HCLOUD_ENDPOINT: sim.url }, settings: { 'hcloud.autoRefreshSeconds': 60 } });
const runs = [];
try {
  let page = session.context.pages()[0] ?? (await session.context.newPage());
  for (let run = 1; run <= RUNS; run++) {
    if (run > 1) {
      await page.close();
      page = await session.context.newPage();
    }
    page.setDefaultTimeout(60_000);
    const hostsBefore = new Set(extensionHostPids(session.server.pid));
    await page.goto(session.url());
    await waitForWorkbench(page);
    const wb = new Workbench(page);
    await wb.openContainer('Hetzner Cloud', 'hcloud');
    const project = wb.treeRows('hcloud', 'HCLOUD_TOKEN').first();
    await project.waitFor({ state: 'visible' });
    if ((await project.getAttribute('aria-expanded')) !== 'true') await project.click();
    const folder = wb.treeRows('hcloud', /^Servers/).first();
    await folder.waitFor({ state: 'visible' });
    // This window's extension host: the one that was not there before the page loaded.
    let host;
    await wb.until(async () => (host = extensionHostPids(session.server.pid).find((p) => !hostsBefore.has(p))) !== undefined, 'the extension host of this window starts');
    await new Promise((r) => setTimeout(r, 2000)); // let the host settle after activation
    const before = treePssMb([host]);
    const requestsBefore = sim.requests.length;
    const t0 = Date.now();
    await folder.click();
    await wb.treeRows('hcloud', /^scale-\d{4}/).first().waitFor({ state: 'visible', timeout: 120_000 });
    const ms = Date.now() - t0;
    const listed = sim.requests.slice(requestsBefore).filter((r) => r.method === 'GET' && r.path === '/servers').length;
    const after = treePssMb([host]);
    runs.push({ ms, listed, before, after, rss: statusMb(host, 'VmRSS'), peak: statusMb(host, 'VmHWM') });
    const r = runs.at(-1);
    console.log(`tree paint run ${run}: first server rows ${ms} ms after expanding Servers (${listed} list requests); extension host ${before} MB before, ${after} MB after (PSS), RSS ${r.rss} MB, peak RSS ${r.peak} MB`);
  }
} finally {
  await session.close();
  await sim.close();
}
console.log(
  `tree paint: ${SERVERS} servers, first rows after ${median(runs.map((r) => r.ms))} ms (median of ${RUNS}: ${runs.map((r) => r.ms).join(', ')} ms); ` +
    `extension host ${median(runs.map((r) => r.after))} MB with them, ${median(runs.map((r) => r.after - r.before))} MB more than before (PSS); RSS ${median(runs.map((r) => r.rss))} MB, peak ${median(runs.map((r) => r.peak))} MB`,
);
console.log(`tree paint: finished in ${seconds(Date.now() - started)}`);
