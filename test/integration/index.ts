// Entry point of the integration suite in code-server: VS Code loads this file in its extension host
// (through extensionTestsPath, from scripts/vscode/run-integration.mjs) and awaits run(). In desktop
// VS Code, @vscode/test-cli runs the same *.test.js files with its own entry point (.vscode-test.mjs).
//
// Output goes to the console (the extension host log / debug console) and, when
// HCLOUD_INTEGRATION_REPORT names a file, to that file as text plus a JSON summary next to it
// (<file>.json), because console output of the extension host never reaches the runner's stdout.
// HCLOUD_TEST_GREP filters tests by title.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Mocha from 'mocha';

export interface IntegrationSummary {
  passed: number;
  failed: number;
  skipped: number;
  durationMs: number;
  failures: { title: string; error: string }[];
}

const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

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
    // The test in progress, so a runner that gives up on a hanging suite can name it.
    runner.on(EVENT_TEST_BEGIN, (test: Mocha.Test) => {
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
      // Console only: run-integration.mjs prints its own closing line from the JSON summary.
      console.log(`integration: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
      if (reportPath) {
        const summary: IntegrationSummary = { ...counts, durationMs: Date.now() - started, failures };
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

export function run(): Promise<void> {
  process.setSourceMapsEnabled(true); // stack traces point at the .ts sources (inline source maps)
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 20_000,
    reporter: ReportWriter,
    grep: process.env.HCLOUD_TEST_GREP || undefined,
  });
  const files = testFiles(__dirname);
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
        const summary: IntegrationSummary = { passed: 0, failed: 1, skipped: 0, durationMs: 0, failures: [{ title: 'loading the suite', error }] };
        writeFile(`${reportPath}.json`, JSON.stringify(summary, null, 2) + '\n');
      }
      reject(err);
    }
  });
}
