// The metrics panel in the real workbench: right-click a server → Show Metrics → inside the
// webview's iframes the five chart canvases are drawn; picking another range in the page's own
// dropdown makes the extension ask the simulator for that window (start, end, step).
// Own simulator, project ("e2e-metrics") and server ("srv-metrics"), so it depends on no other spec.
import * as assert from 'node:assert/strict';
import { startSpecSimulator } from '../support/simulator.mjs';

const TOKEN = 'e2e-metrics-token-6f1d';
const PROJECT = 'e2e-metrics';
const SERVER = 'srv-metrics';
let sim;

async function api(s, method, path, body) {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** The simulator with one running server, backdated three days so it has a history of samples. */
async function simulator(outDir) {
  if (sim) return sim;
  sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 300, seed: 'empty' });
  await api(sim, 'POST', '/servers', { name: SERVER, server_type: 'cx11', image: 'ubuntu-22.04', location: 'fsn1' });
  const deadline = Date.now() + 20_000;
  while ((await api(sim, 'GET', '/servers')).servers.some((s) => s.status !== 'running')) {
    if (Date.now() > deadline) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const s of sim.state.servers.values()) s.created = new Date(Date.now() - 3 * 86_400_000).toISOString();
  return sim;
}

/** Adds the project, expands it (and its Servers folder) and returns the server's row. */
async function serverRow(wb, s) {
  await wb.openContainer('Hetzner Cloud', 'hcloud');
  await wb.pane('hcloud', 'Projects').waitFor({ state: 'visible' });
  const projectRow = wb.treeRows('hcloud', PROJECT).first();
  if (!(await projectRow.isVisible())) await wb.addProjectThroughPalette(PROJECT, TOKEN, s.url);
  await projectRow.waitFor({ state: 'visible', timeout: 20_000 });
  const collapseAll = wb.page.locator('.part.sidebar a.action-label[aria-label="Collapse All"]');
  if (await collapseAll.isVisible().catch(() => false)) await collapseAll.click();
  if ((await projectRow.getAttribute('aria-expanded')) !== 'true') await projectRow.click();
  const row = wb.treeRows('hcloud', SERVER).first();
  await wb.until(async () => {
    if (await row.isVisible()) return true;
    const folder = wb.treeRows('hcloud', 'Servers').first();
    if ((await folder.isVisible()) && (await folder.getAttribute('aria-expanded')) === 'false') await folder.click();
    return false;
  }, `no row for server "${SERVER}"`, 20_000);
  return row;
}

/** Removes the project again (palette and modal), so later files start with no project. */
async function removeProject(wb, page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await wb.runCommand('Hetzner Cloud: Remove Project');
  await wb.waitForQuickInput(PROJECT);
  await wb.answerQuickInput(PROJECT);
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await wb.treeRows('hcloud', PROJECT).first().waitFor({ state: 'detached' });
}

/**
 * Leaves the shared profile as a fresh one: no editor open (the metrics panel would come back),
 * the Explorer in the side bar, written to the workbench's storage by Reload Window.
 */
async function leaveCleanProfile(wb, page) {
  await wb.runCommand('View: Close All Editors');
  await wb.runCommand('View: Show Explorer');
  await page.locator('[id="workbench.view.explorer"]').waitFor({ state: 'visible' });
  const loaded = page.waitForEvent('load', { timeout: 60_000 });
  await wb.runCommand('Developer: Reload Window');
  await loaded;
  await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('[id="workbench.view.explorer"]').waitFor({ state: 'visible' });
}

/** Pixels of a canvas that are drawn (not transparent). */
const drawnPixels = (canvas) => canvas.evaluate((c) => {
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
  return n;
});

/** @type {import('../support/workbench.mjs').Scenario[]} */
export const scenarios = [
  {
    name: 'right-click a server → Show Metrics → five charts drawn in the webview; another range → a request for that window; a dark theme redraws; Reload Window restores the panel',
    timeoutMs: 120_000,
    async run({ wb, page, screenshot, outDir }) {
      const s = await simulator(outDir);
      const { servers: [server] } = await api(s, 'GET', `/servers?name=${SERVER}`);
      try {
        const row = await serverRow(wb, s);
        const tab = page.locator('.tab', { hasText: `Metrics: ${SERVER}` });
        await wb.until(async () => {
          if (await tab.isVisible()) return true;
          await page.keyboard.press('Escape');
          await row.click({ button: 'right' });
          const item = page.locator('.monaco-menu').getByRole('menuitem', { name: /^Show Metrics/ });
          await item.waitFor({ state: 'visible', timeout: 3_000 });
          await item.hover();
          await page.keyboard.press('Enter');
          await tab.waitFor({ state: 'visible', timeout: 5_000 });
          return true;
        }, 'Show Metrics does not open the panel', 30_000);

        const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
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
        await screenshot('metrics-panel-1h');

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
        await screenshot('metrics-panel-7d');

        // The profile's theme is light; in a dark theme the page redraws its charts in that theme's
        // chart colours (then the light theme comes back for the other specs).
        const pixels = (hex) => canvases.first().evaluate((c, h) => {
          const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
          const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 200 && Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24 && Math.abs(data[i + 2] - b) < 24) n++;
          return n;
        }, hex);
        const theme = async (name) => {
          await wb.runCommand('Preferences: Color Theme');
          await wb.answerQuickInput(name);
          await wb.quickInput().waitFor({ state: 'hidden' });
        };
        await wb.until(async () => (await pixels('#1a85ff')) > 200, 'the CPU chart uses the light theme\'s charts.blue');
        await screenshot('metrics-panel-light');
        await theme('Dark Modern');
        try {
          await wb.until(async () => (await pixels('#3794ff')) > 200, 'the CPU chart is redrawn in the dark theme\'s charts.blue', 20_000);
          await wb.parkMouse();
          await screenshot('metrics-panel-dark');
        } finally {
          await theme('Light Modern');
        }
        await wb.until(async () => (await pixels('#1a85ff')) > 200, 'the CPU chart is back in the light theme\'s charts.blue', 20_000);

        // Reload Window: the serializer brings the panel back with the range its webview saved.
        s.clearRequests();
        const loaded = page.waitForEvent('load', { timeout: 60_000 });
        await wb.runCommand('Developer: Reload Window');
        await loaded;
        await tab.waitFor({ state: 'visible', timeout: 60_000 });
        await wb.until(async () => (await canvases.count()) === 5 && (await drawnPixels(canvases.first())) > 1000, 'the restored panel draws its charts', 30_000);
        assert.equal(await view.locator('#range').evaluate((e) => e.value), '7d', 'the restored panel keeps its range');
        const again = s.requests.filter((r) => r.path === `/servers/${server.id}/metrics`);
        assert.ok(again.length >= 1 && again.every((r) => r.query.step[0] === '1800'), 'it fetched the 7-day window again');
      } finally {
        await removeProject(wb, page).catch(() => {});
        await leaveCleanProfile(wb, page);
      }
    },
  },
];
