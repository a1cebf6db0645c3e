// Entry point of the integration suite in code-server: VS Code loads this file in its extension host
// (through extensionTestsPath, from scripts/vscode/run-integration.mjs) and awaits run(). In desktop
// VS Code, @vscode/test-cli runs the same *.test.js files with its own entry point (.vscode-test.mjs).
//
// Output goes to the console (the extension host log / debug console) and, when
// HCLOUD_INTEGRATION_REPORT names a file, to that file as text plus a JSON summary next to it
// (<file>.json), because console output of the extension host never reaches the runner's stdout.
// HCLOUD_TEST_GREP filters tests by title.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Mocha from 'mocha';

export interface IntegrationSummary {
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
  /** When the extension host loaded this file (epoch ms): the runner prints how long the workbench took to get there. */
  loadedAt: number;
  failures: { title: string; error: string }[];
}

const loaded = Date.now();
const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END, EVENT_HOOK_BEGIN, EVENT_HOOK_END } = Mocha.Runner.constants;

/** Spec-like lines, collected so they can go to a file as well as to the console. */
class ReportWriter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    const reportPath = process.env.HCLOUD_INTEGRATION_REPORT;
    const lines: string[] = [];
    const failures: IntegrationSummary['failures'] = [];
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const started = Date.now();
    let depth = 0;
    const line = (text: string) => {
      lines.push(text);
      console.log(text);
    };
    const indent = () => '  '.repeat(depth);

    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.title) line(`${indent()}${suite.title}`);
      depth++;
    });
    runner.on(EVENT_SUITE_END, () => { depth--; });
    // Where the time between tests goes: hooks per top-level suite, and the wait before the first test
    // (the workbench and the extension loading), both printed at the end of the report.
    const hookMs = new Map<string, number>();
    let hookStarted = 0;
    let firstTestAt = 0;
    runner.on(EVENT_HOOK_BEGIN, () => { hookStarted = Date.now(); });
    runner.on(EVENT_HOOK_END, (hook: Mocha.Hook) => {
      let suite = hook.parent;
      while (suite?.parent && !suite.parent.root) suite = suite.parent;
      const key = suite?.title || '(root)';
      hookMs.set(key, (hookMs.get(key) ?? 0) + Date.now() - hookStarted);
    });
    // The test in progress, so a runner that gives up on a hanging suite can name it.
    runner.on(EVENT_TEST_BEGIN, (test: Mocha.Test) => {
      firstTestAt ||= Date.now();
      if (reportPath) writeFile(`${reportPath}.current`, test.fullTitle());
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      counts.passed++;
      line(`${indent()}✓ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      counts.skipped++;
      line(`${indent()}- ${test.title} (skipped)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
      counts.failed++;
      failures.push({ title: test.fullTitle(), error: err?.stack ?? String(err) });
      line(`${indent()}✗ ${failures.length}) ${test.title}`);
    });
    runner.once(EVENT_RUN_END, () => {
      failures.forEach((f, i) => line(`\n${i + 1}) ${f.title}\n${indent1(f.error)}`));
      const hooks = [...hookMs].filter(([, ms]) => ms >= 500).sort((a, b) => b[1] - a[1]);
      line(`\nbefore the first test: ${firstTestAt ? firstTestAt - loaded : 0} ms after the suite loaded; hooks (before/after each, 500 ms or more per suite): ${hooks.map(([t, ms]) => `${t} ${ms} ms`).join(', ') || 'none'}`);
      // Console only: run-integration.mjs prints its own closing line from the JSON summary.
      console.log(`integration: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
      if (reportPath) {
        const summary: IntegrationSummary = { ...counts, durationMs: Date.now() - started, loadedAt: loaded, failures };
        writeFile(reportPath, lines.join('\n') + '\n');
        writeFile(`${reportPath}.json`, JSON.stringify(summary, null, 2) + '\n');
        rmSync(`${reportPath}.current`, { force: true });
      }
    });
  }
}

function writeFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function indent1(text: string): string {
  return text.split('\n').map((l) => `   ${l}`).join('\n');
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Seconds each file took in a whole run, its tests and its hooks (test-output/integration/report.txt:
 * the test times, and the hooks line at its end), used only to split the files between shards; a file
 * not listed counts as SHARD_DEFAULT_S. Update when a file grows much: a stale figure makes one shard
 * longer, never a test fail. (These are the mean of two fresh-clone runs of npm test; the hooks count:
 * connect's config updates before and after each test take 19 s.)
 */
const SHARD_WEIGHTS_S: Record<string, number> = {
  actionLog: 79, serverCommands: 55, metricsPanel: 52, connect: 36, firewallRules: 31, loadBalancerCommands: 30,
  floatingIpCommands: 28, loadBalancerUi: 17, certificateCommands: 13, volumeCommands: 12, placementGroupCommands: 11,
  tree: 11, createServer: 10, deleteServerLeftovers: 8, firewallCommands: 8, networkCommands: 8, consoleCommands: 7,
  actionLogNames: 6, costs: 6, nextSteps: 6, projects: 6, createServerOptions: 5, primaryIpCommands: 5, imageCommands: 4,
  sshKeyCommands: 4, labels: 2, extension: 1, volumeTree: 1,
};
const SHARD_DEFAULT_S = 5;

/**
 * HCLOUD_TEST_SHARD="k/n" (1-based): the files of shard k of n. Heaviest first, each to the shard with
 * the least so far; every shard computes the same split, and the shards together run every file once.
 */
export function shardFiles(files: string[], shard: string | undefined): string[] {
  const m = /^(\d+)\/(\d+)$/.exec(shard ?? '');
  if (!m) return files;
  const [k, n] = [Number(m[1]), Number(m[2])];
  const weight = (f: string) => SHARD_WEIGHTS_S[basename(f, '.test.js')] ?? SHARD_DEFAULT_S;
  const load = new Array<number>(n).fill(0);
  const owner = new Map<string, number>();
  for (const f of [...files].sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const i = load.indexOf(Math.min(...load));
    owner.set(f, i + 1);
    load[i] += weight(f);
  }
  return files.filter((f) => owner.get(f) === k);
}

export function run(): Promise<void> {
  process.setSourceMapsEnabled(true); // stack traces point at the .ts sources (inline source maps)
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 20_000,
    reporter: ReportWriter,
    grep: process.env.HCLOUD_TEST_GREP || undefined,
  });
  const files = shardFiles(testFiles(__dirname), process.env.HCLOUD_TEST_SHARD);
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (err) {
      // A test file that throws while loading: report it like a failed run.
      const reportPath = process.env.HCLOUD_INTEGRATION_REPORT;
      const error = err instanceof Error ? err.stack ?? err.message : String(err);
      console.error(`integration: could not load the suite: ${error}`);
      if (reportPath) {
        writeFile(reportPath, `could not load the suite:\n${error}\n`);
        const summary: IntegrationSummary = { passed: 0, failed: 1, skipped: 0, durationMs: 0, loadedAt: loaded, failures: [{ title: 'loading the suite', error }] };
        writeFile(`${reportPath}.json`, JSON.stringify(summary, null, 2) + '\n');
      }
      reject(err);
    }
  });
}
