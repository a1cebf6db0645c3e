// The `test` of the webview specs (test/webview/*.spec.mjs): @playwright/test with each panel's
// real page and bundle, outside VS Code (test/support/webviewHarness.mjs). A fresh page per test
// (Playwright's own `page`, in a new browser context); `open(panel, options)` is harness.open on
// it, and `saveScreenshot(name)` saves test-output/webview/<name>.png. The harness serves the build
// that `node scripts/build.mjs --tests` writes (media/dist/ and out/).
import { test as base } from '@playwright/test';
import { screenshotFixture } from './screenshot.mjs';
import { startWebviewHarness } from './webviewHarness.mjs';

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  harness: [async ({}, use) => {
    const harness = await startWebviewHarness({ outDir: 'out' });
    await use(harness);
    await harness.close();
  }, { scope: 'worker' }],

  page: async ({ page }, use) => {
    page.setDefaultTimeout(10_000);
    await use(page);
  },

  open: async ({ harness, page }, use) => {
    await use((panel, options) => harness.open(page, panel, options));
  },

  saveScreenshot: screenshotFixture,
});
