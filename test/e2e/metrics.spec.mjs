// The metrics panel in the real workbench: right-click a server → Show Metrics → inside the
// webview's iframes the five chart canvases are drawn; picking another range in the page's own
// dropdown makes the extension ask the simulator for that window (start, end, step).
// Own simulator, project ("e2e-metrics") and server ("srv-metrics"), so it depends on no other spec.
import * as assert from 'node:assert/strict';
import { createRunningServers, simulatorApi, startSpecSimulator } from '../support/simulator.mjs';
import { canvasPixelsOf, drawnPixels } from '../support/workbench.mjs';
import { test } from '../support/e2eTest.mjs';

const TOKEN = 'e2e-metrics-token-6f1d';
const PROJECT = 'e2e-metrics';
const SERVER = 'srv-metrics';
let sim;
let api;

/** The simulator with one running server, backdated three days so it has a history of samples. */
async function simulator(outDir) {
  if (sim) return sim;
  sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 300, seed: 'empty' });
  api = simulatorApi(sim, TOKEN);
  await createRunningServers(api, [SERVER]);
  for (const s of sim.state.servers.values()) s.created = new Date(Date.now() - 3 * 86_400_000).toISOString();
  return sim;
}

/** Adds the project (when the profile lacks it) and returns the server's row. */
async function serverRow(wb, s) {
  await wb.openContainer('Hetzner Cloud', 'hcloud');
  await wb.pane('hcloud', 'Projects').waitFor({ state: 'visible' });
  const projectRow = wb.treeRows('hcloud', PROJECT).first();
  if (!(await projectRow.isVisible())) await wb.addProjectThroughPalette(PROJECT, TOKEN, s.url);
  return wb.serverRow(PROJECT, SERVER);
}

test('right-click a server → Show Metrics → five charts drawn in the webview; another range → a request for that window; a dark theme redraws; Reload Window restores the panel', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  const { servers: [server] } = await api('GET', `/servers?name=${SERVER}`);
  try {
    const row = await serverRow(wb, s);
    const tab = page.locator('.tab', { hasText: `Metrics: ${SERVER}` });
    await wb.contextMenu(row, 'Show Metrics', tab);

    const view = wb.webview();
    const canvases = view.locator('#charts figure.chart canvas');
    await wb.until(async () => (await canvases.count()) === 5, 'the webview shows five chart canvases', 30_000);
    for (let i = 0; i < 5; i++) {
      const n = await drawnPixels(canvases.nth(i));
      assert.ok(n > 1000, `chart ${i + 1} is drawn (${n} pixels)`);
    }
    assert.equal(await view.locator('#title').textContent(), `Metrics: ${SERVER}`);
    const first = s.requests.filter((r) => r.path === `/servers/${server.id}/metrics`);
    assert.equal(first.length, 1);
    assert.equal(first[0].query.type[0], 'cpu,disk,network');
    await wb.parkMouse();
    await saveScreenshot('metrics-panel-1h');

    s.clearRequests();
    const before = Date.now();
    await view.locator('#range').click();
    await view.locator('#range vscode-option', { hasText: 'Last 7 days' }).click();
    let request;
    await wb.until(async () => {
      request = s.requests.find((r) => r.path === `/servers/${server.id}/metrics`);
      return !!request;
    }, 'a metrics request after picking "Last 7 days"', 20_000);
    const start = Date.parse(request.query.start[0]);
    const end = Date.parse(request.query.end[0]);
    assert.equal(end - start, 7 * 86_400_000, 'a 7-day window');
    assert.ok(end >= before - 1000 && end <= Date.now() + 1000, 'ending now');
    assert.equal(request.query.step[0], '1800', '≤ 500 samples: one every 30 minutes');
    await wb.until(async () => (await view.locator('#status').textContent()).includes('one every 30 min'), 'the page shows the 7-day data', 20_000);
    await wb.until(async () => (await drawnPixels(canvases.first())) > 1000, 'the CPU chart is drawn again');
    await saveScreenshot('metrics-panel-7d');

    // The profile's theme is light; in a dark theme the page redraws its charts in that theme's
    // chart colours (then the light theme comes back for the other specs).
    const pixels = (hex) => canvasPixelsOf(canvases.first(), hex);
    const theme = (name) => wb.colorTheme(name);
    await wb.until(async () => (await pixels('#1a85ff')) > 200, 'the CPU chart uses the light theme\'s charts.blue');
    await saveScreenshot('metrics-panel-light');
    await theme('Dark Modern');
    try {
      await wb.until(async () => (await pixels('#3794ff')) > 200, 'the CPU chart is redrawn in the dark theme\'s charts.blue', 20_000);
      await wb.parkMouse();
      await saveScreenshot('metrics-panel-dark');
    } finally {
      await theme('Light Modern');
    }
    await wb.until(async () => (await pixels('#1a85ff')) > 200, 'the CPU chart is back in the light theme\'s charts.blue', 20_000);

    // Reload Window: the serializer brings the panel back with the range its webview saved.
    s.clearRequests();
    await wb.reloadWindow();
    await tab.waitFor({ state: 'visible', timeout: 60_000 });
    await wb.until(async () => (await canvases.count()) === 5 && (await drawnPixels(canvases.first())) > 1000, 'the restored panel draws its charts', 30_000);
    assert.equal(await view.locator('#range').evaluate((e) => e.value), '7d', 'the restored panel keeps its range');
    const again = s.requests.filter((r) => r.path === `/servers/${server.id}/metrics`);
    assert.ok(again.length >= 1 && again.every((r) => r.query.step[0] === '1800'), 'it fetched the 7-day window again');
  } finally {
    await wb.leaveCleanProfile({ removeProject: PROJECT });
  }
});
