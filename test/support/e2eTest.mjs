// The `test` of the e2e specs (test/e2e/*.spec.mjs): @playwright/test with the real workbench.
// One code-server and one browser profile per worker (the config runs one); the tests get
// `page` (a workbench with the extension in development mode), `wb` (test/support/workbench.mjs),
// `saveScreenshot(name)` (test-output/e2e/<name>.png) and `outDir` (the transpiled src/ and test/ that
// `node scripts/build.mjs --tests` writes to out/, e.g. `${outDir}/src/sim/simulator.js`).
//
// Loading the workbench is most of what a test costs (about 10 s of CPU), so pages are shared
// where that changes nothing a test sees: the first test of a spec file gets a freshly loaded
// workbench in a new tab; the next tests of that file go on in the same page (a file's tests
// already share the browser profile, its projects and its simulator). The first test of the next
// file takes over the page when the previous test left the workbench clean (no editor, no project,
// the Explorer showing: Workbench.leaveCleanProfile), which is what a new tab would show. After a failure Playwright
// starts a new worker: a new code-server and a fresh profile.
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { projectRoot, startSession, waitForWorkbench } from '../../scripts/vscode/harness.mjs';
import { screenshotFixture } from './screenshot.mjs';
import { Workbench } from './workbench.mjs';

export const test = base.extend({
  /** code-server and Chromium with fresh folders, for the whole worker. */
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  session: [async ({}, use) => {
    const session = await startSession({ label: 'e2e' });
    await use(session);
    if (process.env.HCLOUD_VSC_MEMORY) {
      const m = session.memory();
      console.log(`memory: code-server ${m.codeServerMb} MB, chromium ${m.browserMb} MB (proportional set size)`);
    }
    await session.close();
  }, { scope: 'worker', timeout: 120_000 }],

  /** The page the next test may go on in, and which spec file may (`carryOn.file`; any when undefined). */
  shared: [async ({ session }, use) => {
    await use({ page: session.context.pages()[0], carryOn: undefined, wb: undefined });
  }, { scope: 'worker' }],

  page: async ({ session, shared }, use, testInfo) => {
    const file = testInfo.file;
    const goOn = !!shared.carryOn && !shared.page?.isClosed() && (shared.carryOn.file === undefined || shared.carryOn.file === file);
    if (shared.carryOn && !goOn) {
      await shared.page?.close().catch(() => {});
      shared.page = undefined;
    }
    shared.carryOn = undefined;
    if (!shared.page || shared.page.isClosed()) shared.page = await session.context.newPage();
    const page = shared.page;
    page.setDefaultTimeout(30_000);
    if (goOn) {
      testInfo.annotations.push({ type: 'page', description: 'went on in the page of the test before' });
    } else {
      // A fresh workbench is the session's cost, not the test's: loading it took up to a minute while
      // npm test's other phases loaded theirs at the same time, so it gets its own minute on top.
      testInfo.setTimeout(testInfo.timeout + 60_000);
      await page.goto(session.url());
      await waitForWorkbench(page);
    }
    shared.wb = undefined;
    await use(page);
    if (testInfo.status === testInfo.expectedStatus) {
      // A workbench left clean at the end goes to any next test; otherwise only to this file's.
      shared.carryOn = { file: shared.wb?.reloadedClean ? undefined : file };
    } else {
      session.saveLogs(testInfo.outputPath('logs'));
      await page.close().catch(() => {});
      shared.page = undefined;
    }
  },

  wb: async ({ page, shared }, use) => {
    shared.wb = new Workbench(page);
    await use(shared.wb);
  },

  saveScreenshot: screenshotFixture,

  outDir: join(projectRoot, 'out'),
});
