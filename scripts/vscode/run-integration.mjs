// Runs the mocha suite in test/integration inside VS Code's extension host (code-server +
// headless Chromium), prints its report and a closing line
// "integration: N passed, N failed, N skipped"; exits non-zero on failure or timeout.
//
//   node scripts/vscode/run-integration.mjs [--no-build] [--outdir=out-vsc] [--timeout=480] [--grep=text] [--shards=N]
//
// --shards=N splits the test files over N code-server sessions that run at the same time (the
// split is shardFiles() in test/integration/index.ts). The suite mostly waits (on simulator
// actions, polls, webviews loading): alone on two cores it keeps them about a third busy, so two
// sessions finish in a little over half the time. npm test runs it with --shards=2.
//
// Env: HCLOUD_VSC_OUTDIR (transpile folder, default out-vsc; separate from out/ so unit-test
// runs of other people are not clobbered), HCLOUD_VSC_TIMEOUT (seconds), HCLOUD_TEST_GREP,
// HCLOUD_VSC_SHARDS (as --shards), HCLOUD_VSC_KEEP=1 (keep the temp run folder),
// HCLOUD_VSC_MEMORY=1 (print memory use).
// Every other environment variable reaches the extension host, e.g. a simulator URL.
// On failure: test-output/integration/{failure.png, logs/} (exthost log, code-server log, browser
// console); with shards, test-output/integration/shard-<k>/.
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
const shards = Math.max(1, Math.floor(Number(opts.shards || process.env.HCLOUD_VSC_SHARDS || 1)) || 1);

const started = Date.now();
const outputDir = freshOutputDir(PHASE);
const reportPath = join(outputDir, 'report.txt');

/** Runs shard `k` of `shards` (or the whole suite) in its own session; never throws. */
async function runShard(k) {
  const name = shards > 1 ? `${PHASE} ${k}/${shards}` : PHASE;
  const dir = shards > 1 ? join(outputDir, `shard-${k}`) : outputDir;
  mkdirSync(dir, { recursive: true });
  const r = { name, dir, reportPath: join(dir, 'report.txt'), exitCode: 1, exitLogs: [], runStarted: 0 };
  try {
    r.session = await startSession({
      label: shards > 1 ? `${PHASE}-${k}` : PHASE,
      env: {
        HCLOUD_INTEGRATION_REPORT: r.reportPath,
        ...(grep ? { HCLOUD_TEST_GREP: grep } : {}),
        ...(shards > 1 ? { HCLOUD_TEST_SHARD: `${k}/${shards}` } : {}),
      },
    });
    r.page = r.session.context.pages()[0] ?? await r.session.context.newPage();
    const exited = new Promise((resolve, reject) => {
      // The workbench calls this when run() of the test entry settles: 0 = passed, 1 = failed.
      r.page.exposeFunction('codeAutomationExit', (code, logs) => {
        r.exitLogs = Array.isArray(logs) ? logs : [];
        resolve(code);
      }).catch(reject);
      r.page.on('crash', () => reject(new Error('the workbench page crashed')));
    });
    r.runStarted = Date.now();
    const entry = join(projectRoot, outdir, 'test', 'integration', 'index.js');
    await r.page.goto(r.session.url({ extensionTestsPath: entry }));
    await waitForWorkbench(r.page).catch(() => { /* the timeout below reports it */ });
    r.exitCode = await withTimeout(exited, timeoutMs,
      `timed out after ${seconds(timeoutMs)}: the suite never finished (codeAutomationExit was not called). ` +
      'The extension host may have failed to start, or a test hangs.');
    console.log(`harness: ${name} finished with exit code ${r.exitCode} after ${seconds(Date.now() - r.runStarted)}`);
  } catch (err) {
    r.problem = err;
  }
  return r;
}

/** Prints shard `r`'s report, saves what a failure leaves, closes its session; returns its counts and whether it failed. */
async function finishShard(r) {
  if (r.exitLogs.length) {
    mkdirSync(join(r.dir, 'exit-logs'), { recursive: true });
    r.exitLogs.forEach((l, i) => writeFileSync(join(r.dir, 'exit-logs', `${i}-${String(l.relativePath ?? 'log').replace(/[/\\]/g, '_')}`), String(l.contents ?? '')));
  }
  if (process.env.HCLOUD_VSC_MEMORY && r.session) {
    const m = r.session.memory();
    console.log(`memory (${r.name}): code-server ${m.codeServerMb} MB, chromium ${m.browserMb} MB (proportional set size)`);
  }
  let summary;
  if (existsSync(r.reportPath)) console.log(`\n${readFileSync(r.reportPath, 'utf8').trimEnd()}\n`);
  if (existsSync(`${r.reportPath}.json`)) summary = JSON.parse(readFileSync(`${r.reportPath}.json`, 'utf8'));
  else if (!r.problem) r.problem = new Error(`the suite wrote no report (${r.reportPath}); it may have failed to load`);
  if (summary?.loadedAt && r.runStarted) console.log(`harness: ${r.name}: the extension host loaded the suite ${seconds(summary.loadedAt - r.runStarted)} after the workbench page was opened`);

  const failed = !!r.problem || r.exitCode !== 0 || !summary || summary.failed > 0;
  if (failed && r.session) {
    if (r.page) await r.page.screenshot({ path: join(r.dir, 'failure.png') }).catch(() => {});
    r.session.saveLogs(join(r.dir, 'logs'));
    const exthost = r.session.exthostLogs().find((p) => p.endsWith('remoteexthost.log'));
    if (exthost) {
      const tail = readFileSync(exthost, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
      console.log(`--- last lines of the extension host log of ${r.name} (${exthost}):\n${tail}\n---`);
    }
    console.log(`${r.name}: screenshot and logs saved under ${r.dir}`);
  }
  if (r.problem) console.error(`${r.name}: ERROR: ${r.problem.message}`);
  if (existsSync(`${r.reportPath}.current`)) {
    console.error(`${r.name}: the test still running was: ${readFileSync(`${r.reportPath}.current`, 'utf8')}`);
  }
  if (r.exitCode !== 0 && summary && summary.failed === 0 && !r.problem) {
    console.error(`${r.name}: ERROR: VS Code reported exit code ${r.exitCode} although the report shows no failed test`);
  }
  await r.session?.close();
  return { summary: summary ?? { passed: 0, failed: 0, skipped: 0 }, failed };
}

try {
  await ensureCodeServer();
  ensureChromium();
  if (!opts['no-build']) buildForTests(outdir);
  const entry = join(projectRoot, outdir, 'test', 'integration', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing; build with: node scripts/build.mjs --tests --outdir=${outdir}`);

  const runs = await Promise.all(Array.from({ length: shards }, (_, i) => runShard(i + 1)));
  const totals = { passed: 0, failed: 0, skipped: 0 };
  let anyFailed = false;
  for (const r of runs) {
    const { summary, failed } = await finishShard(r);
    for (const key of Object.keys(totals)) totals[key] += summary[key];
    // A run error with no failed test still has to show up as a failure in the closing line.
    if (failed && summary.failed === 0) totals.failed++;
    anyFailed ||= failed;
  }
  if (shards > 1) {
    // One report with every test's time, as a whole run writes it.
    writeFileSync(reportPath, runs.map((r) => (existsSync(r.reportPath) ? readFileSync(r.reportPath, 'utf8') : `${r.name}: no report\n`)).join('\n'));
  }
  console.log(`${PHASE}: finished in ${seconds(Date.now() - started)}`);
  console.log(`${PHASE}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(anyFailed ? 1 : 0);
} catch (err) {
  console.error(`${PHASE}: ERROR: ${err.stack}`);
  console.log(`${PHASE}: finished in ${seconds(Date.now() - started)}`);
  console.log(`${PHASE}: 0 passed, 1 failed, 0 skipped`);
  process.exit(1);
}
