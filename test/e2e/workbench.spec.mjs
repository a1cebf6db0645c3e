// The extension's place in the workbench: its activity-bar container, the Projects view and
// the Show Log command, as a user sees them.
import * as assert from 'node:assert/strict';
import { test } from '../support/e2eTest.mjs';

test('the Hetzner Cloud activity-bar entry opens the container with the Projects view', async ({ wb, saveScreenshot }) => {
  await wb.activity('Hetzner Cloud').waitFor({ state: 'visible' });
  await wb.openContainer('Hetzner Cloud', 'hcloud');
  // One view in the container: VS Code merges its header into the side-bar title.
  const title = (await wb.sideBarTitle().innerText()).toLowerCase();
  assert.ok(title.includes('hetzner cloud'), `side bar title is "${title}"`);
  const pane = wb.pane('hcloud', 'Projects');
  await pane.waitFor({ state: 'visible' });
  assert.equal((await pane.locator('.pane-header h3.title').textContent())?.trim(), 'Projects');
  await pane.locator('.pane-body').waitFor({ state: 'visible' });
  await wb.parkMouse();
  await saveScreenshot('hetzner-cloud-view');
});

test('Hetzner Cloud: Show Log from the command palette shows the extension\'s output channel', async ({ wb }) => {
  // The activity-bar entry can come from the workbench's cache before the extension host has
  // registered the extension; the Projects view's own content (rows or the welcome view) cannot.
  await wb.openContainer('Hetzner Cloud', 'hcloud');
  const pane = wb.pane('hcloud', 'Projects');
  await pane.locator('.monaco-list-row, .welcome-view').first().waitFor({ state: 'visible', timeout: 30_000 });
  await wb.runCommand('Hetzner Cloud: Show Log');
  await wb.panel().waitFor({ state: 'visible' });
  await wb.panel().locator('.composite-bar li.checked a.action-label', { hasText: 'Output' }).waitFor({ state: 'visible' });
  await wb.until(async () => (await wb.outputChannel()) === 'Hetzner Cloud',
    async () => `the Output view shows channel "${await wb.outputChannel()}", not "Hetzner Cloud"`);
});
