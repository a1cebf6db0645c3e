// Runs the mocha suite in test/integration inside VS Code's extension host (code-server +
// headless Chromium), prints its report and a closing line
// "integration: N passed, N failed, N skipped"; exits non-zero on failure or timeout.
//
//   node scripts/vscode/run-integration.mjs [--no-build] [--outdir=out-vsc] [--timeout=480] [--grep=text]
//
// Env: HCLOUD_VSC_OUTDIR (transpile folder, default out-vsc; separate from out/ so unit-test
// runs of other people are not clobbered), HCLOUD_VSC_TIMEOUT (seconds), HCLOUD_TEST_GREP,
// HCLOUD_VSC_KEEP=1 (keep the temp run folder), HCLOUD_VSC_MEMORY=1 (print memory use).
// Every other environment variable reaches the extension host, e.g. a simulator URL.
// On failure: test-output/integration/{failure.png, logs/} (exthost log, code-server log, browser console).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCodeServer } from './ensure-code-server.mjs';
import {
  ensureChromium, buildForTests, freshOutputDir, parseArgs, projectRoot, seconds, startSession, waitForWorkbench, withTimeout,
} from './harness.mjs';

const PHASE = 'integration';
const opts = parseArgs();
const outdir = opts.outdir || process.env.HCLOUD_VSC_OUTDIR || 'out-vsc';
const timeoutMs = Number(opts.timeout || process.env.HCLOUD_VSC_TIMEOUT || 480) * 1000;
const grep = typeof opts.grep === 'string' ? opts.grep : process.env.HCLOUD_TEST_GREP;

const started = Date.now();
const outputDir = freshOutputDir(PHASE);
const reportPath = join(outputDir, 'report.txt');
let session;
let page;
let exitCode = 1;
let summary;
let problem;

try {
  await ensureCodeServer();
  ensureChromium();
  if (!opts['no-build']) buildForTests(outdir);
  const entry = join(projectRoot, outdir, 'test', 'integration', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing; build with: node scripts/build.mjs --tests --outdir=${outdir}`);

  session = await startSession({
    label: PHASE,
    env: { HCLOUD_INTEGRATION_REPORT: reportPath, ...(grep ? { HCLOUD_TEST_GREP: grep } : {}) },
  });
  page = session.context.pages()[0] ?? await session.context.newPage();

  let exitLogs = [];
  const exited = new Promise((resolve, reject) => {
    // The workbench calls this when run() of the test entry settles: 0 = passed, 1 = failed.
    page.exposeFunction('codeAutomationExit', (code, logs) => {
      exitLogs = Array.isArray(logs) ? logs : [];
      resolve(code);
    }).catch(reject);
    page.on('crash', () => reject(new Error('the workbench page crashed')));
  });
  const runStarted = Date.now();
  await page.goto(session.url({ extensionTestsPath: entry }));
  await waitForWorkbench(page).catch(() => { /* the timeout below reports it */ });
  exitCode = await withTimeout(exited, timeoutMs,
    `timed out after ${seconds(timeoutMs)}: the suite never finished (codeAutomationExit was not called). ` +
    'The extension host may have failed to start, or a test hangs.');
  console.log(`harness: suite finished with exit code ${exitCode} after ${seconds(Date.now() - runStarted)}`);
  if (exitLogs.length) {
    mkdirSync(join(outputDir, 'exit-logs'), { recursive: true });
    exitLogs.forEach((l, i) => writeFileSync(join(outputDir, 'exit-logs', `${i}-${String(l.relativePath ?? 'log').replace(/[/\\]/g, '_')}`), String(l.contents ?? '')));
  }
  if (process.env.HCLOUD_VSC_MEMORY) {
    const m = session.memory();
    console.log(`memory: code-server ${m.codeServerMb} MB, chromium ${m.browserMb} MB (proportional set size)`);
  }
} catch (err) {
  problem = err;
}

try {
  if (existsSync(reportPath)) console.log(`\n${readFileSync(reportPath, 'utf8').trimEnd()}\n`);
  if (existsSync(`${reportPath}.json`)) summary = JSON.parse(readFileSync(`${reportPath}.json`, 'utf8'));
  else if (!problem) problem = new Error(`the suite wrote no report (${reportPath}); it may have failed to load`);

  const failed = !!problem || exitCode !== 0 || !summary || summary.failed > 0;
  if (failed && session) {
    if (page) await page.screenshot({ path: join(outputDir, 'failure.png') }).catch(() => {});
    session.saveLogs(join(outputDir, 'logs'));
    const exthost = session.exthostLogs().find((p) => p.endsWith('remoteexthost.log'));
    if (exthost) {
      const tail = readFileSync(exthost, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
      console.log(`--- last lines of the extension host log (${exthost}):\n${tail}\n---`);
    }
    console.log(`${PHASE}: screenshot and logs saved under ${outputDir}`);
  }
  if (problem) console.error(`${PHASE}: ERROR: ${problem.message}`);
  if (existsSync(`${reportPath}.current`)) {
    console.error(`${PHASE}: the test still running was: ${readFileSync(`${reportPath}.current`, 'utf8')}`);
  }
  if (exitCode !== 0 && summary && summary.failed === 0 && !problem) {
    console.error(`${PHASE}: ERROR: VS Code reported exit code ${exitCode} although the report shows no failed test`);
  }
  await session?.close();
  console.log(`${PHASE}: finished in ${seconds(Date.now() - started)}`);
  const s = summary ?? { passed: 0, failed: 0, skipped: 0 };
  // A run error with no failed test still has to show up as a failure in the closing line.
  const failedCount = s.failed + (failed && s.failed === 0 ? 1 : 0);
  console.log(`${PHASE}: ${s.passed} passed, ${failedCount} failed, ${s.skipped} skipped`);
  process.exit(failed ? 1 : 0);
} catch (err) {
  console.error(`${PHASE}: ERROR while reporting: ${err.stack}`);
  await session?.close().catch(() => {});
  console.log(`${PHASE}: 0 passed, 1 failed, 0 skipped`);
  process.exit(1);
}
