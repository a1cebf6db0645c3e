// Benchmark (not a test): the extension's activation time as VS Code reports it in
// "Developer: Show Running Extensions" (the time to load dist/extension.js plus the activate()
// call; the figure users see), over several window reloads in code-server with headless Chromium.
// It loads the bundle that is in dist/ (npm run bench builds it with --production, as the demo
// does) in development mode, with the project of HCLOUD_TOKEN on the simulator. Each window load
// shows the Explorer; once the workbench has settled (its startup extensions activated), a click on
// the Hetzner Cloud entry opens the view, which activates the extension; when the project's row
// shows, the figure is read, and the built-in Merge Conflict's beside it when VS Code lists it.
// With --restored the Hetzner Cloud view is left open across the reloads instead, so the extension
// activates during the window's startup, while Git, GitHub, Emmet and the workbench itself compete
// for the CPU: the figure (wall-clock) is then larger and far noisier, the more so on a busy machine.
// Both figures swing with the load of the machine (Merge Conflict, a few small modules, reads 31 to
// over 100 ms on the same machine), so the ratio of ours to Merge Conflict's in each load is printed too.
//
//   npm run bench     (or, after node scripts/build.mjs --tests --production: flock /tmp/hcloud-vscode.lock node test/bench/activation.bench.mjs [--runs=7] [--restored])
import { join } from 'node:path';
import { ensureCodeServer } from '../../scripts/vscode/ensure-code-server.mjs';
import { ensureChromium, parseArgs, projectRoot, seconds, startSession, waitForWorkbench } from '../../scripts/vscode/harness.mjs';
import { startSpecSimulator } from '../support/simulator.mjs';
import { Workbench } from '../support/workbench.mjs';

const opts = parseArgs();
const RUNS = Number(opts.runs ?? 7);
const RESTORED = !!opts.restored;
/** How long the workbench is left alone after a load before the view is opened. */
const SETTLE_MS = 5000;
const TOKEN = 'bench-activation-token';
const outDir = join(projectRoot, typeof opts.outdir === 'string' ? opts.outdir : 'out');
/** The names the Running Extensions editor may show: the display name, or the identifier when it has none at hand. */
const OURS = ['Hetzner Cloud', 'hcloud-vscode.hetzner-cloud-vscode'];
const MERGE_CONFLICT = ['Merge Conflict', 'vscode.merge-conflict'];

const started = Date.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const stats = (xs) => `min ${Math.min(...xs)} ms, median ${median(xs)} ms (${xs.join(', ')} ms)`;

/** The rows of the open Running Extensions editor: name and activation figure (ms; undefined while activating). */
async function runningExtensions(page) {
  return page.locator('.runtime-extensions-editor .monaco-list-row').evaluateAll((rows) => rows.map((r) => {
    const m = /Activation: (\d+)ms/.exec(r.querySelector('.activation-time')?.textContent ?? '');
    return { name: (r.querySelector('.name')?.textContent ?? '').trim(), ms: m ? Number(m[1]) : undefined };
  }));
}
const figureOf = (rows, names) => rows.find((r) => names.includes(r.name))?.ms;

await ensureCodeServer({ quiet: true });
ensureChromium();
const sim = await startSpecSimulator(outDir, { token: TOKEN });
const session = await startSession({ label: 'activation', env: { HCLOUD_TOKEN: TOKEN, HCLOUD_ENDPOINT: sim.url } });
const ours = [];
const mergeConflict = [];
/** Ours over Merge Conflict's in the same window load: the load of the machine cancels out. */
const ratios = [];
try {
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  page.setDefaultTimeout(60_000);
  // Tall enough that the Running Extensions list shows every running extension without scrolling.
  await page.setViewportSize({ width: 1400, height: 2400 });
  await page.goto(session.url());
  await waitForWorkbench(page);
  const wb = new Workbench(page);
  for (let run = 1; run <= RUNS; run++) {
    if (run > 1) {
      await wb.runCommand('View: Close All Editors');
      if (!RESTORED) await wb.runCommand('View: Show Explorer');
      await wb.reloadWindow();
    }
    if (!RESTORED) {
      await page.locator('[id="workbench.view.explorer"]').waitFor({ state: 'visible' });
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    }
    await wb.openContainer('Hetzner Cloud', 'hcloud');
    await wb.treeRows('hcloud', 'HCLOUD_TOKEN').first().waitFor({ state: 'visible' });
    await wb.runCommand('Developer: Show Running Extensions');
    let rows = [];
    await wb.until(async () => figureOf((rows = await runningExtensions(page)), OURS) !== undefined,
      () => Promise.resolve(`the Running Extensions editor shows no activation time for ${OURS[0]}; rows: ${JSON.stringify(rows)}`), 30_000);
    const ms = figureOf(rows, OURS);
    const merge = figureOf(rows, MERGE_CONFLICT);
    if (run === 1) console.log(`activation: running extensions: ${rows.map((r) => `${r.name} ${r.ms ?? '-'} ms`).join(', ')}`);
    ours.push(ms);
    if (merge !== undefined) {
      mergeConflict.push(merge);
      if (merge > 0) ratios.push(ms / merge);
    }
    console.log(`activation run ${run}: ${ms} ms${merge === undefined ? '' : ` (Merge Conflict ${merge} ms)`}`);
  }
} finally {
  await session.close();
  await sim.close();
}
console.log(`activation: ${RUNS} window loads, view ${RESTORED ? 'restored at startup' : 'opened after startup'}, Running Extensions reports ${stats(ours)}` +
  (mergeConflict.length ? `; Merge Conflict ${stats(mergeConflict)}` : '; Merge Conflict not listed'));
if (ratios.length) {
  const r = ratios.map((x) => x.toFixed(2));
  console.log(`activation: ours / Merge Conflict in the same load: median ${median(ratios).toFixed(2)}, min ${Math.min(...ratios).toFixed(2)} (${r.join(', ')})`);
}
console.log(`activation: finished in ${seconds(Date.now() - started)}`);
