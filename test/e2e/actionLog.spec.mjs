// The action log in the real workbench, against a simulator this file starts (project
// "e2e-actionlog", its own server "srv-log"): open the log from the project's context menu,
// power the server off from the tree, and watch the action appear in the log's webview and finish.
// After a window reload the log comes back (WebviewPanelSerializer). The project is removed at the
// end (projects.spec.mjs expects to start with no project). The webview is two iframes deep:
// iframe.webview.ready > #active-frame.
import * as assert from 'node:assert/strict';
import { createRunningServers, simulatorApi, startSpecSimulator } from '../support/simulator.mjs';
import { test } from '../support/e2eTest.mjs';

const TOKEN = 'e2e-actionlog-token-77f2';
const PROJECT = 'e2e-actionlog';
const SERVER = 'srv-log';
let sim;
let api;

async function simulator(outDir) {
  if (!sim) {
    // Actions take 1.5 s so the log can show one running.
    sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 1500, seed: 'empty' });
    api = simulatorApi(sim, TOKEN);
    await createRunningServers(api, [SERVER]);
  }
  return sim;
}

test('action log: open it from the project\'s context menu, power a server off from the tree, see the action run and succeed', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  try {
    await wb.openContainer('Hetzner Cloud', 'hcloud');
    await wb.pane('hcloud', 'Projects').waitFor({ state: 'visible' });
    const projectRow = wb.treeRows('hcloud', PROJECT).first();
    if (!(await projectRow.isVisible().catch(() => false))) await wb.addProjectThroughPalette(PROJECT, TOKEN, s.url);
    await projectRow.waitFor({ state: 'visible', timeout: 20_000 });

    // Only this log's webview in the editor area.
    await wb.runCommand('View: Close All Editors');
    const log = wb.webview();
    await wb.contextMenu(projectRow, 'Show Action Log', page.locator('iframe.webview.ready'));
    await log.locator('h1', { hasText: `Action log of project "${PROJECT}"` }).waitFor({ timeout: 20_000 });
    await log.locator('#actions .command-words', { hasText: 'Create server' }).first().waitFor({ timeout: 20_000 });

    // The server's row: expand the project and its Servers folder.
    const row = await wb.serverRow(PROJECT, SERVER);

    const dialog = page.locator('.monaco-dialog-box');
    await wb.contextMenu(row, 'Power > Power Off', dialog);
    await dialog.getByRole('button', { name: 'Power Off', exact: true }).click();

    // At once (from the extension, no list request): the action on top, running, with a progress bar.
    const top = log.locator('#actions tbody tr').first();
    await top.locator('.command-words', { hasText: 'Power off' }).waitFor({ timeout: 10_000 });
    assert.match(await top.locator('.status-text').textContent(), /^Running \(\d+%\)$/);
    assert.equal(await top.locator('progress').count(), 1, 'a progress bar while it runs');
    assert.match(await top.locator('.resource-link').first().textContent(), new RegExp(`^Server "${SERVER}"$`));
    await saveScreenshot('action-log-running');
    // Then it finishes.
    await top.locator('.status-text', { hasText: 'Succeeded' }).waitFor({ timeout: 20_000 });
    assert.equal(await top.locator('progress').count(), 0, 'no progress bar once finished');
    const server = (await api('GET', `/servers?name=${SERVER}`)).servers[0];
    assert.equal(server.status, 'off');
    await wb.parkMouse();
    await saveScreenshot('action-log');

    // After a window reload the serializer brings the log back, with its list.
    await wb.reloadWindow();
    await log.locator('h1', { hasText: `Action log of project "${PROJECT}"` }).waitFor({ timeout: 30_000 });
    await log.locator('#actions tbody tr').first().locator('.command-words', { hasText: 'Power off' }).waitFor({ timeout: 20_000 });
    assert.equal(await log.locator('#actions tbody tr').first().locator('.status-text').textContent(), 'Succeeded');
  } finally {
    await wb.leaveCleanProfile({ removeProject: PROJECT });
  }
});
