/* global document */
// The console page (media/dist/console.js, an ES module, under the real CSP) in Chromium against the
// simulator's own RFB server, through the real relay: Node runs src/webview/console/relay.ts (as the
// panel host does), which opens the WebSocket and posts bytes to the page; what the page posts goes
// back to the relay. Asserts the pixels noVNC draws, a typed key echoed by the server, the status
// line for a wrong password and a used URL, and no CSP violation.
import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createRunningServers, simulatorApi, startSpecSimulator } from '../support/simulator.mjs';
import { test } from '../support/webviewTest.mjs';

const outDir = join(process.cwd(), 'out');
const require = createRequire(import.meta.url);
const { ConsoleRelay } = require(join(outDir, 'src', 'webview', 'console', 'relay.js'));
const { parseConsoleFromWebview } = require(join(outDir, 'src', 'shared', 'consoleProtocol.js'));

const TOKEN = 'webview-console-token';
const SERVER = 'web-console';
let sim;
let api;

test.beforeAll(async () => {
  sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 1, seed: 'empty', consoleLifetimeMs: 20_000 });
  api = simulatorApi(sim, TOKEN);
  await createRunningServers(api, [SERVER]);
});
test.afterAll(async () => sim?.close());

/** A fresh request_console (retried while the last one's action still locks the server). */
async function requestConsole() {
  const server = (await api('GET', '/servers')).servers.find((s) => s.name === SERVER);
  for (let attempt = 0; ; attempt++) {
    try {
      const r = await api('POST', `/servers/${server.id}/actions/request_console`);
      return { wssUrl: r.wss_url, password: r.password };
    } catch (e) {
      if (attempt > 20 || !/locked/.test(String(e))) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Opens the page and bridges it to a relay (the page's posts are handled in order, like the host's). */
async function openConsole(open) {
  let relay;
  const view = await open('console', { module: true, onPost: (m) => { const message = parseConsoleFromWebview(m); if (message) relay?.handle(message); } });
  let chain = Promise.resolve();
  relay = new ConsoleRelay({ post: (m) => { chain = chain.then(() => view.send(m)).catch(() => undefined); } });
  return { view, relay };
}

const statusOf = (page) => page.locator('#status');

/** Pixels within ±24 per channel of `rgb` in `rect` of the console's canvas. */
function pixelsLike(page, rgb, rect) {
  return page.evaluate(([[r, g, b], { x, y, width, height }]) => {
    const canvas = document.querySelector('#screen canvas');
    if (!canvas) return -1;
    const { data } = canvas.getContext('2d').getImageData(x, y, width, height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24 && Math.abs(data[i + 2] - b) < 24) n++;
    return n;
  }, [rgb, rect]);
}

// The simulator's screen (src/sim/console/screen.ts): a red band with the name over 640x32 pixels,
// light text on dark below; cells of 12x16 pixels, the login prompt on text row 6.
const BAND = [0xd5, 0x0c, 0x2d];
const WHITE = [0xff, 0xff, 0xff];
const TEXT = [0xd8, 0xdc, 0xe0];
const PROMPT_CHARS = `${SERVER} login: `.length;
const NEXT_CELL = { x: PROMPT_CHARS * 12, y: 6 * 16, width: 12, height: 16 };

test('console: the page draws the simulator\'s screen through the relay, and a typed key reaches the server', async ({ open, page, saveScreenshot }) => {
  const { view, relay } = await openConsole(open);
  const ticket = await requestConsole();
  relay.connect(ticket, SERVER);
  await page.locator('#status[data-state="connected"]').waitFor();
  assert.equal(await statusOf(page).textContent(), `Connected to ${SERVER}. Click the screen to type on it.`);
  assert.equal(await page.locator('#title').textContent(), `Console: ${SERVER}`);
  // The framebuffer is drawn: the red band across the top, the server's name in white on it.
  await page.waitForFunction(() => document.querySelector('#screen canvas')?.width === 640);
  await expectSoon(async () => (await pixelsLike(page, BAND, { x: 0, y: 0, width: 640, height: 32 })) > 10_000, 'the red title band is drawn');
  assert.ok((await pixelsLike(page, WHITE, { x: 0, y: 0, width: 640, height: 32 })) > 50, 'the server\'s name is written in the band');
  // The cell after the login prompt is empty until a key is typed; the server echoes it there.
  assert.equal(await pixelsLike(page, TEXT, NEXT_CELL), 0);
  await page.locator('#screen canvas').click();
  await page.keyboard.type('x');
  await expectSoon(async () => (await pixelsLike(page, TEXT, NEXT_CELL)) > 5, 'the typed key is echoed on the screen');
  // Paste as keystrokes types a text with Shift where a keyboard needs it; the field is emptied.
  await page.locator('#paste').click();
  await page.locator('#paste-text').fill('Ab');
  await page.locator('#paste-type').click();
  const after = { ...NEXT_CELL, x: NEXT_CELL.x + 12, width: 24 };
  await expectSoon(async () => (await pixelsLike(page, TEXT, after)) > 10, 'the pasted text is echoed');
  assert.equal(await page.locator('#paste-form').isHidden(), true);
  await saveScreenshot('console-dark');
  // The password reached RFB only: not in the page's saved state, not in what it posted.
  assert.equal((await view.state()) ?? null, null);
  assert.ok(!JSON.stringify(await view.posted()).includes(ticket.password));
  assert.deepEqual(await view.problems(), { csp: [], errors: [] });
  relay.dispose();
});

test('console: a wrong password and a used URL show their reasons in the status line', async ({ open, page }) => {
  const { view, relay } = await openConsole(open);
  const ticket = await requestConsole();
  relay.connect({ ...ticket, password: 'wrong-pw' }, SERVER);
  await page.locator('#status[data-state="closed"]').waitFor();
  assert.match(await statusOf(page).textContent(), /^Closed: The server refused the VNC password \(Authentication failed: wrong password\)/);
  assert.equal(await page.locator('#reconnect').isEnabled(), true);
  // The same URL again: the simulator answers 410, which the relay words.
  relay.connect(ticket, SERVER);
  await page.locator('#status', { hasText: 'expired or was used already' }).waitFor();
  assert.match(await statusOf(page).textContent(), /HTTP 410 Gone/);
  // Reconnect asks the host for a new console.
  await view.clearPosted();
  await page.locator('#reconnect').click();
  assert.deepEqual(await view.waitForPosted('reconnect'), { type: 'reconnect' });
  assert.equal(await page.locator('#status').getAttribute('data-state'), 'requesting');
  assert.deepEqual(await view.problems(), { csp: [], errors: [] });
  relay.dispose();
});

async function expectSoon(check, what, timeout = 5000) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
