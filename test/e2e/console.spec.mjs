// The console in the real workbench: right-click a running server → Open Console → the console tab
// shows the simulator's screen (pixels of noVNC's canvas inside the webview's iframes), and a key
// typed on it is echoed by the simulated server. Prints the time from the click to the first frame.
// Own simulator, project ("e2e-console") and server ("srv-console"), so it depends on no other spec.
import * as assert from 'node:assert/strict';
import { createRunningServers, simulatorApi, startSpecSimulator } from '../support/simulator.mjs';
import { canvasPixelsOf } from '../support/workbench.mjs';
import { test } from '../support/e2eTest.mjs';

const TOKEN = 'e2e-console-token-3b9e';
const PROJECT = 'e2e-console';
const SERVER = 'srv-console';
/** The simulator's title band (src/sim/console/screen.ts) and its text colour. */
const BAND = '#d50c2d';
const TEXT = '#d8dce0';

test('right-click a running server → Open Console → the tab shows the simulator\'s screen and echoes a typed key', async ({ wb, page, saveScreenshot, outDir }) => {
  const sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 300, seed: 'empty' });
  await createRunningServers(simulatorApi(sim, TOKEN), [SERVER]);
  try {
    await wb.openContainer('Hetzner Cloud', 'hcloud');
    await wb.pane('hcloud', 'Projects').waitFor({ state: 'visible' });
    await wb.addProjectThroughPalette(PROJECT, TOKEN, sim.url);
    const row = await wb.serverRow(PROJECT, SERVER);
    const tab = page.locator('.tab', { hasText: `Console: ${SERVER}` });

    const clicked = Date.now();
    await wb.contextMenu(row, 'Open Console', tab);
    const tabShown = Date.now();
    const canvas = wb.webview().locator('#screen canvas');
    // Polled more often than wb.until does (250 ms), for the figure.
    const drawn = async () => (await canvas.count()) > 0 && (await canvasPixelsOf(canvas, BAND)) >= 10_000;
    while (!(await drawn().catch(() => false))) {
      if (Date.now() - clicked > 30_000) assert.fail('the console tab does not show the simulator\'s red title band within 30 s');
      await new Promise((r) => setTimeout(r, 25));
    }
    const firstFrame = Date.now();
    console.log(`console: first frame ${firstFrame - clicked} ms after the click`);
    console.log(`console: (the tab showed ${tabShown - clicked} ms after the click)`);
    const requests = sim.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/actions/request_console'));
    assert.equal(requests.length, 1, 'one request_console');
    await wb.until(async () => (await wb.webview().locator('#status').textContent()) === `Connected to ${SERVER}. Click the screen to type on it.`, 'the status line says connected');

    // A key typed on the canvas reaches the server, which echoes it at its login prompt.
    const text = () => canvasPixelsOf(canvas, TEXT);
    const before = await text();
    await canvas.click();
    await page.keyboard.type('root');
    await wb.until(async () => (await text()) > before + 50, 'the typed text is echoed on the screen');
    await wb.parkMouse();
    await saveScreenshot('console-panel');
  } finally {
    // The console's screen takes every key while it has focus (F1 too): give the workbench the keyboard back.
    await wb.sideBarTitle().click().catch(() => undefined);
    await wb.leaveCleanProfile({ removeProject: PROJECT });
    await sim.close();
  }
});
