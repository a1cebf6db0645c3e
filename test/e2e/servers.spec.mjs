// Server commands in the real workbench, against a simulator this file starts. The scenarios add
// their own project ("e2e-servers") through the palette when the profile has none of that name,
// and act on servers this file creates with names no other spec uses, so they do not depend on
// projects.spec.mjs (which shares the browser profile and runs first) nor on each other.
// Works whether servers sit right under the project or in a "Servers" folder.
import * as assert from 'node:assert/strict';
import { createRunningServers, simulatorApi, startSpecSimulator } from '../support/simulator.mjs';
import { test } from '../support/e2eTest.mjs';
import { drawnPixels, specProject } from '../support/workbench.mjs';

const TOKEN = 'e2e-servers-token-3b8e';
const PROJECT = 'e2e-servers';
let sim;
let api;
const project = specProject(PROJECT, TOKEN);
/** The servers of the multi-selection scenario. */
const BULK = ['srv-bulk-1', 'srv-bulk-2', 'srv-bulk-3'];

/** The simulator (started once for this file, in the Playwright worker's process) with this file's servers. */
async function simulator(outDir) {
  if (!sim) {
    sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 300, seed: 'empty' });
    api = simulatorApi(sim, TOKEN);
    await createRunningServers(api, ['srv-poweroff', 'srv-delete', 'srv-tooltip', 'srv-rename', ...BULK]);
  }
  return sim;
}

async function serverByName(name) {
  const { servers } = await api('GET', `/servers?name=${encodeURIComponent(name)}`);
  return servers[0];
}

/** Opens the view (adding this file's project on first use) and shows the row of server `name`. */
const serverRow = (wb, s, name) => project.serverRow(wb, s.url, name);

test.describe.configure({ timeout: 90_000 });

// VS Code's extension host registers a node's children under the node they were asked for; a
// refresh of that node while they are on their way used to orphan them, and the node's next listing
// failed with "Element with id … is already registered" and showed no rows (src/tree/treeRaceGuard.ts).
test('expand a server and rename it while its rows are on their way: the rows show, and again after the next rename', async ({ wb, outDir }) => {
  const s = await simulator(outDir);
  const { id } = await serverByName('srv-rename');
  const row = await serverRow(wb, s, 'srv-rename');
  const level = Number(await row.getAttribute('aria-level'));
  const ipRows = async (name) => (await wb.childRows(name, level)).filter((r) => /^IPv[46]/.test(r.label));
  const errors = async () => (await wb.notifications().allInnerTexts()).filter((t) => /already registered/.test(t));
  const rename = async (from, to) => {
    await wb.contextMenu(wb.rowLabelled(from, level), 'Protection & Settings > Rename Server', wb.quickInput());
    await wb.answerQuickInput(to);
    await wb.rowLabelled(to, level).waitFor({ state: 'visible', timeout: 20_000 });
  };

  // The server's rows wait for the Primary IPs' names (listed once per project, so this scenario
  // comes first in this file): hold that answer back while the rename lands.
  const HELD_MS = 6000;
  s.setFaults({ latencyMs: HELD_MS, match: { method: 'GET', path: /^\/primary_ips$/ } });
  const before = s.requests.length;
  await wb.expandRow(row);
  await rename('srv-rename', 'srv-renamed');
  s.setFaults({});
  const sent = s.requests.slice(before);
  const listing = sent.find((r) => r.method === 'GET' && r.path === '/primary_ips');
  const renamed = sent.find((r) => r.method === 'PUT' && r.path === `/servers/${id}`);
  assert.ok(listing && renamed && renamed.at >= listing.at && renamed.at < listing.at + HELD_MS,
    `the rename reached the API while the Primary IPs were held back: ${JSON.stringify(sent.map((r) => [r.method, r.path, r.at]))}`);
  await wb.until(async () => (await ipRows('srv-renamed')).length === 2, async () => `no IPv4 and IPv6 rows under srv-renamed: ${JSON.stringify(await wb.rowFacts())}`, 20_000);

  await rename('srv-renamed', 'srv-renamed-2');
  await wb.until(async () => (await ipRows('srv-renamed-2')).length === 2 || (await errors()).length > 0,
    async () => `no IPv4 and IPv6 rows under srv-renamed-2: ${JSON.stringify(await wb.rowFacts())}`, 20_000);
  assert.deepEqual(await errors(), []);
  assert.equal((await ipRows('srv-renamed-2')).length, 2);
});

test('right-click a running server → Power Off → confirm in the modal → its icon becomes the off icon', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  const row = await serverRow(wb, s, 'srv-poweroff');
  await row.locator('.codicon-vm-running').waitFor({ state: 'visible' });
  const dialog = page.locator('.monaco-dialog-box');
  await wb.contextMenu(row, 'Power > Power Off', dialog);
  assert.match(await dialog.innerText(), /Power off "srv-poweroff"\?/);
  await dialog.getByRole('button', { name: 'Power Off', exact: true }).click();
  await row.locator('.codicon-vm-outline').waitFor({ state: 'visible', timeout: 20_000 });
  const server = await serverByName('srv-poweroff');
  assert.equal(server.status, 'off');
  assert.ok(s.requests.some((r) => r.method === 'POST' && r.path === `/servers/${server.id}/actions/poweroff`), 'the API received poweroff');
  await wb.parkMouse();
  await saveScreenshot('server-powered-off');
});

test('delete a server by typing its name: the row disappears', async ({ wb, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  const { id } = await serverByName('srv-delete');
  const row = await serverRow(wb, s, 'srv-delete');
  await wb.contextMenu(row, 'Delete Server', wb.quickInput());
  await wb.waitForQuickInput('Type "srv-delete" to confirm');
  await saveScreenshot('server-delete-typed-name');
  await wb.answerQuickInput('srv-delete');
  await wb.quickInput().waitFor({ state: 'hidden' });
  await wb.treeRows('hcloud', 'srv-delete').waitFor({ state: 'detached', timeout: 20_000 });
  assert.ok(s.requests.some((r) => r.method === 'DELETE' && r.path === `/servers/${id}`), 'the API received the DELETE');
  assert.equal(await serverByName('srv-delete'), undefined);
  await wb.treeRows('hcloud', 'srv-tooltip').first().waitFor({ state: 'visible' });
});

test('select three servers with Shift- and Ctrl-click → Power Off from the context menu → one confirmation → three icons off', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  await serverRow(wb, s, BULK[0]);
  const rows = BULK.map((name) => wb.rowLabelled(name));
  for (const row of rows) await row.locator('.codicon-vm-running').waitFor({ state: 'visible' });
  const select = async () => {
    await rows[0].locator('.label-name').click();
    await rows[1].locator('.label-name').click({ modifiers: ['Shift'] });
    await rows[2].locator('.label-name').click({ modifiers: ['ControlOrMeta'] });
    await wb.until(async () => (await Promise.all(rows.map((r) => r.getAttribute('aria-selected')))).every((a) => a === 'true'), 'the three rows are selected');
  };
  const dialog = page.locator('.monaco-dialog-box');
  await wb.contextMenu(rows[1], 'Power > Power Off', dialog, 30_000, select);
  assert.match(await dialog.innerText(), /Power off 3 servers\?/);
  assert.match(await dialog.innerText(), /srv-bulk-1, srv-bulk-2 and srv-bulk-3/);
  await saveScreenshot('servers-bulk-power-off');
  await dialog.getByRole('button', { name: 'Power Off', exact: true }).click();
  for (const row of rows) await row.locator('.codicon-vm-outline').waitFor({ state: 'visible', timeout: 20_000 });
  const ids = await Promise.all(BULK.map(async (name) => (await serverByName(name)).id));
  const sent = s.requests.filter((r) => r.method === 'POST' && /\/actions\/poweroff$/.test(r.path)).map((r) => r.path);
  assert.deepEqual(sent.filter((p) => ids.some((id) => p === `/servers/${id}/actions/poweroff`)).sort(), ids.map((id) => `/servers/${id}/actions/poweroff`).sort(), 'one poweroff per selected server');
  await wb.parkMouse();
});

test('Show Costs from the project\'s context menu: every server in the table by resource, the Primary IPs the simulator has, the bar chart drawn', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  await serverRow(wb, s, 'srv-tooltip');
  const names = (await api('GET', '/servers')).servers.map((x) => x.name);
  await wb.contextMenu(wb.rowLabelled(PROJECT, 1), 'Show Costs', page.locator('iframe.webview.ready'));
  const view = wb.webview();
  const listed = () => view.locator('#by-resource tbody').innerText().catch(() => '');
  await wb.until(async () => { const text = await listed(); return names.every((n) => text.includes(n)); },
    async () => `the table by resource does not list every server (${names.join(', ')}): ${JSON.stringify(await listed())}`, 30_000);
  // The delete scenario's server took its auto-deleted Primary IPs with it: none of them is counted.
  const primaryIps = (await api('GET', '/primary_ips')).primary_ips.length;
  const countOf = async (kind) => (await view.locator('#by-kind tbody tr').allInnerTexts()).map((t) => t.split('\t')).find((c) => c[0] === kind)?.[1];
  await wb.until(async () => (await countOf('Primary IPs')) === String(primaryIps),
    async () => `the table by kind does not count the simulator's ${primaryIps} Primary IPs: ${JSON.stringify(await view.locator('#by-kind tbody').innerText())}`);
  assert.ok(!(await listed()).includes('srv-delete'), 'the deleted server is not billed');
  const canvas = view.locator('#chart canvas');
  await wb.until(async () => (await canvas.count()) === 1 && (await drawnPixels(canvas)) > 2000, 'Show Costs draws its chart', 30_000);
  assert.match(await view.locator('#total').innerText(), /€\d+\.\d\d/);
  await wb.parkMouse();
  await saveScreenshot('costs-panel');
  await wb.runCommand('View: Close All Editors');
});

test('the tooltip of a server shows its IPv4', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  const ip = (await serverByName('srv-tooltip')).public_net.ipv4.ip;
  const row = await serverRow(wb, s, 'srv-tooltip');
  const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: ip });
  await wb.until(async () => {
    await row.locator('.label-name').hover();
    return hover.first().isVisible();
  }, async () => `no tooltip with ${ip}; hovers: ${JSON.stringify(await page.locator('.monaco-hover, .workbench-hover').allInnerTexts())}`, 20_000);
  assert.match(await hover.first().innerText(), /srv-tooltip/);
  await saveScreenshot('server-tooltip');
  await wb.leaveCleanProfile({ removeProject: PROJECT }); // the next file goes on in this page
});
