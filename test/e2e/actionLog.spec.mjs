// The action log in the real workbench, against a simulator this file starts (project
// "e2e-actionlog", its own server "srv-log"): open the log from the project's context menu,
// power the server off from the tree, and watch the action appear in the log's webview and finish.
// After a window reload the log comes back (WebviewPanelSerializer). The project is removed at the
// end (projects.spec.mjs expects to start with no project). The webview is two iframes deep:
// iframe.webview.ready > #active-frame.
import * as assert from 'node:assert/strict';
import { startSpecSimulator } from '../support/simulator.mjs';

const TOKEN = 'e2e-actionlog-token-77f2';
const PROJECT = 'e2e-actionlog';
const SERVER = 'srv-log';
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

async function simulator(outDir) {
  if (!sim) {
    // Actions take 1.5 s so the log can show one running.
    sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 1500, seed: 'empty' });
    await api(sim, 'POST', '/servers', { name: SERVER, server_type: 'cx11', image: 'ubuntu-22.04', location: 'fsn1' });
    const deadline = Date.now() + 20_000;
    while ((await api(sim, 'GET', '/servers')).servers.some((s) => s.status !== 'running')) {
      if (Date.now() > deadline) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return sim;
}

/** Right-clicks `row` and runs the menu entry `name` until `shows` is visible (a click on a menu still placing itself is lost). */
async function contextMenu(wb, row, name, shows) {
  await wb.until(async () => {
    if (await shows.isVisible()) return true;
    await wb.page.keyboard.press('Escape');
    await row.click({ button: 'right' });
    const item = wb.page.locator('.monaco-menu').getByRole('menuitem', { name: new RegExp(`^${name}`) });
    await item.waitFor({ state: 'visible', timeout: 3_000 });
    await item.hover();
    await wb.page.keyboard.press('Enter');
    await shows.waitFor({ state: 'visible', timeout: 5_000 });
    return true;
  }, `the context menu entry "${name}" does not open what it should`, 30_000);
}

/** Reload Window (shuts the workbench down properly, so it writes its state) and waits for it. */
async function reloadWindow(wb, page) {
  const loaded = page.waitForEvent('load', { timeout: 60_000 });
  await wb.runCommand('Developer: Reload Window');
  await loaded;
  await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: 60_000 });
}

/** Removes the project and leaves the profile as a fresh one (as createServer.spec.mjs does): later files expect no project. */
async function cleanUp(wb, page) {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
  await wb.runCommand('View: Close All Editors');
  await wb.runCommand('Hetzner Cloud: Remove Project');
  await wb.waitForQuickInput(PROJECT);
  await wb.answerQuickInput(PROJECT);
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await wb.runCommand('View: Show Explorer');
  await page.locator('[id="workbench.view.explorer"]').waitFor({ state: 'visible' });
  await reloadWindow(wb, page);
  await page.locator('[id="workbench.view.explorer"]').waitFor({ state: 'visible' });
}

/** Row facts of the tree: text, level, expanded. */
async function rowFacts(wb) {
  return wb.treeRows('hcloud').evaluateAll((els) => els.map((e) => ({
    text: (e.querySelector('.label-name')?.textContent ?? e.textContent ?? '').trim(),
    level: Number(e.getAttribute('aria-level')),
    expanded: e.getAttribute('aria-expanded'),
  })));
}

/** @type {import('../support/workbench.mjs').Scenario[]} */
export const scenarios = [
  {
    name: 'action log: open it from the project\'s context menu, power a server off from the tree, see the action run and succeed',
    timeoutMs: 120_000,
    async run({ wb, page, screenshot, outDir }) {
      const s = await simulator(outDir);
      try {
        await wb.openContainer('Hetzner Cloud', 'hcloud');
        await wb.pane('hcloud', 'Projects').waitFor({ state: 'visible' });
        const projectRow = wb.treeRows('hcloud', PROJECT).first();
        if (!(await projectRow.isVisible().catch(() => false))) await wb.addProjectThroughPalette(PROJECT, TOKEN, s.url);
        await projectRow.waitFor({ state: 'visible', timeout: 20_000 });

        // Only this log's webview in the editor area.
        await wb.runCommand('View: Close All Editors');
        const log = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        await contextMenu(wb, projectRow, 'Show Action Log', page.locator('iframe.webview.ready'));
        await log.locator('h1', { hasText: `Action log of project "${PROJECT}"` }).waitFor({ timeout: 20_000 });
        await log.locator('#actions .command-words', { hasText: 'Create server' }).first().waitFor({ timeout: 20_000 });

        // The server's row: expand the project and its Servers folder.
        if ((await projectRow.getAttribute('aria-expanded')) !== 'true') await projectRow.click();
        const row = wb.treeRows('hcloud', SERVER).first();
        await wb.until(async () => {
          if (await row.isVisible()) return true;
          const facts = await rowFacts(wb);
          const p = facts.findIndex((f) => f.text === PROJECT);
          const folder = facts.findIndex((f, i) => i > p && f.text === 'Servers' && f.level === facts[p].level + 1);
          if (folder > p && facts[folder].expanded === 'false') await wb.treeRows('hcloud').nth(folder).click();
          return false;
        }, async () => `no row for server "${SERVER}"; rows: ${JSON.stringify(await rowFacts(wb))}`, 20_000);

        const dialog = page.locator('.monaco-dialog-box');
        await contextMenu(wb, row, 'Power Off', dialog);
        await dialog.getByRole('button', { name: 'Power Off', exact: true }).click();

        // At once (from the extension, no list request): the action on top, running, with a progress bar.
        const top = log.locator('#actions tbody tr').first();
        await top.locator('.command-words', { hasText: 'Power off' }).waitFor({ timeout: 10_000 });
        assert.match(await top.locator('.status-text').textContent(), /^Running \(\d+%\)$/);
        assert.equal(await top.locator('progress').count(), 1, 'a progress bar while it runs');
        assert.match(await top.locator('.resource-link').first().textContent(), new RegExp(`^Server "${SERVER}"$`));
        await screenshot('action-log-running');
        // Then it finishes.
        await top.locator('.status-text', { hasText: 'Succeeded' }).waitFor({ timeout: 20_000 });
        assert.equal(await top.locator('progress').count(), 0, 'no progress bar once finished');
        const server = (await api(s, 'GET', `/servers?name=${SERVER}`)).servers[0];
        assert.equal(server.status, 'off');
        await wb.parkMouse();
        await screenshot('action-log');

        // After a window reload the serializer brings the log back, with its list.
        await reloadWindow(wb, page);
        await log.locator('h1', { hasText: `Action log of project "${PROJECT}"` }).waitFor({ timeout: 30_000 });
        await log.locator('#actions tbody tr').first().locator('.command-words', { hasText: 'Power off' }).waitFor({ timeout: 20_000 });
        assert.equal(await log.locator('#actions tbody tr').first().locator('.status-text').textContent(), 'Succeeded');
      } finally {
        await cleanUp(wb, page);
      }
    },
  },
];
