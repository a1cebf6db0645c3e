// Runs the Playwright scenarios in test/e2e/*.spec.mjs against the real workbench (code-server
// + headless Chromium, one of each for the whole run), then prints a closing line
// "e2e: N passed, N failed, N skipped".
//
// Loading the workbench is most of what a scenario costs (about 10 s of CPU), so pages are shared
// where that changes nothing a scenario sees: the first scenario of a spec file gets a freshly
// loaded workbench in a new tab; the next scenarios of that file go on in the same page (a file's
// scenarios already share the browser profile, its projects and its simulator). The first scenario
// of the next file takes over the page when the previous scenario ended on a workbench it reloaded
// in a clean state (Workbench.leaveCleanProfile), which is what a new tab would load. After a
// failure the next scenario always gets a new tab.
//
//   node scripts/vscode/run-e2e.mjs [--no-build] [--outdir=out-e2e] [--grep=text] [--timeout=120]
//
// A spec file exports `scenarios`: [{ name, run({ page, wb, screenshot, env }), skip?, timeoutMs? }]
// (see test/support/workbench.mjs). Screenshots go to test-output/e2e/: <scenario>-failure.png
// on failure, and whatever a scenario saves with screenshot(name). On failure the logs go to
// test-output/e2e/logs/. Env: HCLOUD_E2E_GREP, HCLOUD_VSC_KEEP=1, HCLOUD_VSC_MEMORY=1; every
// other variable reaches code-server and the extension host.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCodeServer } from './ensure-code-server.mjs';
import {
  buildForTests, ensureChromium, freshOutputDir, loadScenarios, parseArgs, projectRoot, seconds, slug, startSession, waitForWorkbench, withTimeout,
} from './harness.mjs';

const PHASE = 'e2e';
const opts = parseArgs();
const E2E_OUTDIR = opts.outdir || 'out-e2e';
const grep = typeof opts.grep === 'string' ? opts.grep : process.env.HCLOUD_E2E_GREP;
const defaultTimeoutMs = Number(opts.timeout || 120) * 1000;
const outputDir = freshOutputDir(PHASE);

const started = Date.now();
const counts = { passed: 0, failed: 0, skipped: 0 };
let session;
let exitCode = 0;
try {
  const scenarios = await loadScenarios('e2e', grep);
  await ensureCodeServer();
  ensureChromium();
  // The bundle for code-server, and out-e2e/ so scenarios can start the simulator in this process.
  if (!opts['no-build']) buildForTests(E2E_OUTDIR);
  const { Workbench } = await import(pathToFileURL(join(projectRoot, 'test', 'support', 'workbench.mjs')).href);
  session = await startSession({ label: PHASE });
  let page = session.context.pages()[0];
  let needsLogs = false;
  /** Set when the next scenario may go on in `page`: `file`, the spec file whose scenarios may, or any when undefined (see the top). */
  let carryOn;

  for (const scenario of scenarios) {
    const title = `${scenario.name} [${scenario.file}]`;
    if (scenario.skip) {
      counts.skipped++;
      console.log(`  - ${title} (skipped${typeof scenario.skip === 'string' ? `: ${scenario.skip}` : ''})`);
      continue;
    }
    const t0 = Date.now();
    const goOn = !!carryOn && !page.isClosed() && (carryOn.file === undefined || carryOn.file === scenario.file);
    if (carryOn && !goOn) {
      await page.close().catch(() => {});
      page = undefined;
    }
    carryOn = undefined;
    try {
      if (!page || page.isClosed()) page = await session.context.newPage();
      page.setDefaultTimeout(30_000);
      const ctx = {
        page,
        wb: new Workbench(page),
        env: process.env,
        outDir: join(projectRoot, E2E_OUTDIR),
        screenshot: async (name) => {
          const path = join(outputDir, `${slug(name)}.png`);
          await page.screenshot({ path });
          return path;
        },
      };
      await withTimeout((async () => {
        if (!goOn) {
          await page.goto(session.url());
          await waitForWorkbench(page);
        }
        await scenario.run(ctx);
      })(), scenario.timeoutMs ?? defaultTimeoutMs, `timed out after ${seconds(scenario.timeoutMs ?? defaultTimeoutMs)}`);
      counts.passed++;
      console.log(`  ✓ ${title} (${seconds(Date.now() - t0)}${goOn ? ', same page' : ''})`);
      // A clean reload at the end hands a fresh workbench to any next scenario; otherwise only to this file's.
      carryOn = { file: ctx.wb.reloadedClean ? undefined : scenario.file };
    } catch (err) {
      counts.failed++;
      needsLogs = true;
      const shot = join(outputDir, `${slug(scenario.name)}-failure.png`);
      await page?.screenshot({ path: shot }).catch(() => {});
      console.log(`  ✗ ${title} (${seconds(Date.now() - t0)})\n      ${String(err?.stack ?? err).split('\n').slice(0, 12).join('\n      ')}\n      screenshot: ${shot}`);
    }
    if (!carryOn) {
      await page?.close().catch(() => {});
      page = undefined;
    }
  }
  await page?.close().catch(() => {});
  if (process.env.HCLOUD_VSC_MEMORY) {
    const m = session.memory();
    console.log(`memory: code-server ${m.codeServerMb} MB, chromium ${m.browserMb} MB (proportional set size)`);
  }
  if (needsLogs) {
    session.saveLogs(join(outputDir, 'logs'));
    console.log(`${PHASE}: logs saved under ${join(outputDir, 'logs')}`);
  }
} catch (err) {
  console.error(`${PHASE}: ERROR: ${err.message}`);
  if (session) session.saveLogs(join(outputDir, 'logs'));
  if (counts.passed + counts.failed + counts.skipped === 0) counts.failed = 1;
  exitCode = 1;
} finally {
  await session?.close().catch((e) => console.error(`${PHASE}: close failed: ${e.message}`));
}
console.log(`${PHASE}: finished in ${seconds(Date.now() - started)}`);
console.log(`${PHASE}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(exitCode || (counts.failed > 0 ? 1 : 0));
