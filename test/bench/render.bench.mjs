/* global window */
// Benchmark (not a test): how long the metrics page takes from a data message of 500 samples of
// all nine series to the `rendered` message (five uPlot charts drawn), measured inside headless
// Chromium with performance.now(): from window.postMessage (structured clone and validation
// included) until the page posts `rendered`. Median of 20 runs after 5 warm-up runs; the first,
// cold render (the charts are created) is printed apart. Target: under 16 ms (one frame).
// Also prints the sizes of the production bundles.
//
//   npm run bench     (builds with --production first; or: node test/bench/render.bench.mjs [--outdir=out])
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS, chromiumPath, ensureChromium, parseArgs, projectRoot } from '../../scripts/vscode/harness.mjs';
import { startWebviewHarness } from '../support/webviewHarness.mjs';
import { fixtureData, STATE } from '../webview/metricsData.mjs';

const WARMUP = 5;
const RUNS = 20;
const opts = parseArgs();
const outDir = typeof opts.outdir === 'string' ? opts.outdir : 'out';

/** Posts `message` as the extension would and resolves with the ms until the page posts `rendered`. */
function timeRender(page, message) {
  return page.evaluate((msg) => new Promise((resolve) => {
    const posted = window.__hcloud.posted;
    const push = posted.push;
    const t0 = performance.now();
    posted.push = function (...items) {
      const n = push.apply(this, items);
      const rendered = items.find((m) => m.type === 'rendered');
      if (rendered) {
        posted.push = push;
        resolve({ ms: performance.now() - t0, inPage: rendered.ms, charts: rendered.charts, samples: rendered.samples });
      }
      return n;
    };
    window.postMessage(msg, '*');
  }), message);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const size = (rel) => {
  const bytes = readFileSync(join(projectRoot, rel));
  return `${(statSync(join(projectRoot, rel)).size / 1024).toFixed(1)} KB (${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzipped)`;
};

ensureChromium();
const harness = await startWebviewHarness({ outDir });
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const view = await harness.open(page, 'metrics', { theme: 'dark', viewport: { width: 1200, height: 900 } });
  await view.send({ type: 'init', state: STATE, refreshSeconds: 300 });
  // Two data sets in turn, so every run draws new numbers.
  const a = fixtureData(500);
  const b = fixtureData(500);
  for (const s of Object.values(b.series)) s.values = s.values.map((v) => v * 1.5);
  const cold = await timeRender(page, a);
  if (cold.charts !== 5 || cold.samples !== 4500) throw new Error(`unexpected render: ${JSON.stringify(cold)}`);
  for (let i = 0; i < WARMUP; i++) await timeRender(page, i % 2 ? a : b);
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeRender(page, i % 2 ? a : b));
  const problems = await view.problems();
  if (problems.csp.length || problems.errors.length) throw new Error(`page problems: ${JSON.stringify(problems)}`);
  const ms = runs.map((r) => r.ms);
  console.log(`render: median ${median(ms).toFixed(2)} ms (${RUNS} runs, 500 samples × 9 series; min ${Math.min(...ms).toFixed(2)}, max ${Math.max(...ms).toFixed(2)}; in the page's handler ${median(runs.map((r) => r.inPage)).toFixed(2)} ms); first render with chart creation ${cold.ms.toFixed(2)} ms; target < 16 ms`);
} finally {
  await browser.close();
  await harness.close();
}
console.log(`bundle: media/dist/metrics.js ${size('media/dist/metrics.js')}, media/dist/metrics.css ${size('media/dist/metrics.css')}`);
console.log(`bundle: media/dist/actionLog.js ${size('media/dist/actionLog.js')}, media/dist/actionLog.css ${size('media/dist/actionLog.css')}`);
console.log(`bundle: dist/extension.js ${size('dist/extension.js')}`);
