// Runs the webview specs (test/webview/*.spec.mjs) in headless Chromium: each panel's real page
// and bundle, outside VS Code (test/support/webviewHarness.mjs), one fresh page per scenario.
// Prints "webview: N passed, N failed, N skipped" last.
//
//   node scripts/webview/run-webview-tests.mjs [--no-build] [--outdir=out-webview] [--grep=text]
//
// A spec exports `scenarios`: [{ name, run({ page, harness, open, screenshot }), skip?, timeoutMs? }]
// where `open(panel, options)` is harness.open on the scenario's page. Screenshots go to
// test-output/webview/ (<scenario>-failure.png on failure).
import { join } from 'node:path';
import {
  buildForTests, CHROMIUM_ARGS, chromiumPath, ensureChromium, freshOutputDir, loadScenarios, parseArgs, seconds, slug, withTimeout,
} from '../vscode/harness.mjs';
import { startWebviewHarness } from '../../test/support/webviewHarness.mjs';

const PHASE = 'webview';
const opts = parseArgs();
const OUTDIR = opts.outdir || 'out-webview';
const grep = typeof opts.grep === 'string' ? opts.grep : process.env.HCLOUD_WEBVIEW_GREP;
const outputDir = freshOutputDir(PHASE);

const started = Date.now();
const counts = { passed: 0, failed: 0, skipped: 0 };
let browser;
let harness;
let exitCode = 0;
try {
  const scenarios = await loadScenarios('webview', grep);
  ensureChromium();
  if (!opts['no-build']) buildForTests(OUTDIR);
  harness = await startWebviewHarness({ outDir: OUTDIR });
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });

  for (const scenario of scenarios) {
    const title = `${scenario.name} [${scenario.file}]`;
    if (scenario.skip) {
      counts.skipped++;
      console.log(`  - ${title} (skipped${typeof scenario.skip === 'string' ? `: ${scenario.skip}` : ''})`);
      continue;
    }
    const t0 = Date.now();
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    try {
      const ctx = {
        page,
        harness,
        open: (panel, options) => harness.open(page, panel, options),
        screenshot: async (name, path = join(outputDir, `${slug(name)}.png`)) => {
          await page.screenshot({ path });
          return path;
        },
      };
      const timeoutMs = scenario.timeoutMs ?? 30_000;
      await withTimeout(Promise.resolve(scenario.run(ctx)), timeoutMs, `timed out after ${seconds(timeoutMs)}`);
      counts.passed++;
      console.log(`  ✓ ${title} (${seconds(Date.now() - t0)})`);
    } catch (err) {
      counts.failed++;
      const shot = join(outputDir, `${slug(scenario.name)}-failure.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`  ✗ ${title} (${seconds(Date.now() - t0)})\n      ${String(err?.stack ?? err).split('\n').slice(0, 12).join('\n      ')}\n      screenshot: ${shot}`);
    } finally {
      await context.close().catch(() => {});
    }
  }
} catch (err) {
  console.error(`${PHASE}: ERROR: ${err.stack ?? err.message}`);
  if (counts.passed + counts.failed + counts.skipped === 0) counts.failed = 1;
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  await harness?.close().catch(() => {});
}
console.log(`${PHASE}: finished in ${seconds(Date.now() - started)}`);
console.log(`${PHASE}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(exitCode || (counts.failed > 0 ? 1 : 0));
