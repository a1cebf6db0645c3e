// The `saveScreenshot(name)` fixture of the e2e and webview tests: saves the page as
// test-output/<project>/<name>.png (next to Playwright's own failure screenshots and traces).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A file-name-safe form of a screenshot's name. */
export const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);

export async function screenshotFixture({ page }, use, testInfo) {
  await use(async (name) => {
    mkdirSync(testInfo.project.outputDir, { recursive: true });
    const path = join(testInfo.project.outputDir, `${slug(name)}.png`);
    await page.screenshot({ path });
    return path;
  });
}
