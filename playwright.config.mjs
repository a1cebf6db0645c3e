// @playwright/test runs two phases of `npm test` (scripts/test.sh), one project each:
//   webview: each panel's real page and bundle in headless Chromium, outside VS Code (test/webview);
//   e2e:     scenarios against the real workbench, code-server + Chromium (test/e2e).
// Both need the build first (`node scripts/build.mjs --tests`: dist/, media/dist/, out/); e2e needs
// code-server (`npm run test:vscode:setup`). Run one with `npx playwright test --project=e2e`, part of
// one with `-g <text>`. Chromium is the system one (scripts/vscode/ensure-chromium.sh).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './scripts/vscode/harness.mjs';

export default defineConfig({
  testMatch: '*.spec.mjs',
  // Tests of a file run in order; the e2e files of a worker share one browser profile, and each file
  // leaves it clean for the next (see test/support/e2eTest.mjs). The machine may have two cores: one
  // worker (--workers=2 gives each of two workers its own code-server).
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['./test/support/phaseSummary.mjs']],
  use: {
    screenshot: 'only-on-failure',
    // A trace of every test, kept when it fails (`npx playwright show-trace test-output/<project>/<test>/trace.zip`):
    // the actions with their errors, the console and the network. Without DOM snapshots and screencast,
    // which made the e2e phase about twice and the webview phase 1.4 times as long; the failure
    // screenshot shows how the page ended.
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'webview',
      testDir: 'test/webview',
      outputDir: 'test-output/webview',
      timeout: 30_000,
      use: { viewport: { width: 1000, height: 800 } },
    },
    {
      name: 'e2e',
      testDir: 'test/e2e',
      outputDir: 'test-output/e2e',
      timeout: 120_000,
    },
  ],
});
