// Draws media/icon.png, the extension's icon (package.json `icon`: the Extensions and Running
// Extensions views), from media/hcloud.svg: the cloud in white on a rounded square of Hetzner red,
// 128×128 with transparent corners. Run it after changing the SVG: `node scripts/renderIcon.mjs`.
// It uses the headless Chromium the tests use (scripts/vscode/ensure-chromium.sh); nothing is fetched.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './vscode/harness.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
const svg = readFileSync(join(root, 'media/hcloud.svg'), 'utf8');
const page = `<!doctype html><html><head><style>
  html, body { margin: 0; background: transparent; }
  #icon { width: ${SIZE}px; height: ${SIZE}px; border-radius: 24px; background: #d50c2d; color: #fff;
          display: flex; align-items: center; justify-content: center; }
  #icon svg { width: 104px; height: 104px; }
</style></head><body><div id="icon">${svg}</div></body></html>`;

const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
try {
  const tab = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  // No network: the page is inline and loads nothing.
  await tab.route('**/*', (route) => route.abort());
  await tab.setContent(page);
  const png = await tab.locator('#icon').screenshot({ omitBackground: true });
  writeFileSync(join(root, 'media/icon.png'), png);
  console.log(`media/icon.png: ${SIZE}×${SIZE}, ${png.length} bytes`);
} finally {
  await browser.close();
}
