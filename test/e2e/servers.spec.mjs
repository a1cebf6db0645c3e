// Server commands in the real workbench, against a simulator this file starts. The scenarios add
// their own project ("e2e-servers") through the palette when the profile has none of that name,
// and act on servers this file creates with names no other spec uses, so they do not depend on
// projects.spec.mjs (which shares the browser profile and runs first) nor on each other.
// Works whether servers sit right under the project or in a "Servers" folder.
import * as assert from 'node:assert/strict';
import { startSpecSimulator } from '../support/simulator.mjs';

const TOKEN = 'e2e-servers-token-3b8e';
const PROJECT = 'e2e-servers';
let sim;
/** Whether a scenario of this run added the project (the browser profile keeps it for the next ones). */
let projectAdded = false;

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

/** The simulator (started once for this file, in the runner's process) with this file's servers. */
async function simulator(outDir) {
  if (!sim) {
    sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 300, seed: 'empty' });
    for (const name of ['srv-poweroff', 'srv-delete', 'srv-tooltip']) {
      await api(sim, 'POST', '/servers', { name, server_type: 'cx11', image: 'ubuntu-22.04', location: 'fsn1' });
    }
    const deadline = Date.now() + 20_000;
    while ((await api(sim, 'GET', '/servers')).servers.some((s) => s.status !== 'running')) {
      if (Date.now() > deadline) throw new Error('the servers did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return sim;
}

async function serverByName(s, name) {
  const { servers } = await api(s, 'GET', `/servers?name=${encodeURIComponent(name)}`);
  return servers[0];
}

/** Row facts of the tree (only rendered rows): text, level, expanded. */
async function rowFacts(wb) {
  return wb.treeRows('hcloud').evaluateAll((els) => els.map((e) => ({
    text: (e.querySelector('.label-name')?.textContent ?? e.textContent ?? '').trim(),
    level: Number(e.getAttribute('aria-level')),
    expanded: e.getAttribute('aria-expanded'),
  })));
}

/** Opens the container, adds this file's project if the profile lacks it, and shows the row of server `name`. */
async function serverRow(wb, s, name) {
  await wb.openContainer('Hetzner Cloud', 'hcloud');
  await wb.pane('hcloud', 'Projects').waitFor({ state: 'visible' });
  const projectRow = wb.treeRows('hcloud', PROJECT);
  // Each run has a fresh profile: the first scenario of this file adds the project, the others find it.
  if (projectAdded) {
    await projectRow.first().waitFor({ state: 'visible', timeout: 20_000 });
  } else {
    await wb.addProjectThroughPalette(PROJECT, TOKEN, s.url);
    await projectRow.first().waitFor({ state: 'visible', timeout: 20_000 });
    projectAdded = true;
  }
  // Collapse other projects (keeps our rows in view; names here are unique anyway), then expand ours.
  const collapseAll = wb.page.locator('.part.sidebar a.action-label[aria-label="Collapse All"]');
  if (await collapseAll.isVisible().catch(() => false)) await collapseAll.click();
  if ((await projectRow.first().getAttribute('aria-expanded')) !== 'true') await projectRow.first().click();
  await wb.until(async () => (await projectRow.first().getAttribute('aria-expanded')) === 'true', 'the project row expands');
  const row = wb.treeRows('hcloud', name).first();
  await wb.until(async () => {
    if (await row.isVisible()) return true;
    // On a tree with folders: expand the project's "Servers" folder.
    const facts = await rowFacts(wb);
    const p = facts.findIndex((f) => f.text === PROJECT);
    const folder = facts.findIndex((f, i) => i > p && f.text === 'Servers' && f.level === facts[p].level + 1);
    if (folder > p && facts[folder].expanded === 'false') await wb.treeRows('hcloud').nth(folder).click();
    return false;
  }, async () => `no row for server "${name}"; rows: ${JSON.stringify(await rowFacts(wb))}`, 20_000);
  return row;
}

/**
 * Right-clicks `row` and chooses the context-menu entry `name`, until `shows` (what the command
 * opens) is visible: a click that lands while the menu still places itself is lost, so it retries.
 */
async function contextMenu(wb, row, name, shows) {
  await wb.until(async () => {
    if (await shows.isVisible()) return true;
    await wb.page.keyboard.press('Escape');
    await row.click({ button: 'right' });
    // Scoped to the menu: the row's inline buttons carry the same names.
    const item = wb.page.locator('.monaco-menu').getByRole('menuitem', { name: new RegExp(`^${name}`) });
    await item.waitFor({ state: 'visible', timeout: 3_000 });
    // Hover focuses the entry, Enter runs it (a mouse click right after the menu opened can be ignored).
    await item.hover();
    await wb.page.keyboard.press('Enter');
    await shows.waitFor({ state: 'visible', timeout: 3_000 });
    return true;
  }, `the context menu entry "${name}" does not open what it should`, 20_000);
}

/** @type {import('../support/workbench.mjs').Scenario[]} */
export const scenarios = [
  {
    name: 'right-click a running server → Power Off → confirm in the modal → its icon becomes the off icon',
    timeoutMs: 90_000,
    async run({ wb, page, screenshot, outDir }) {
      const s = await simulator(outDir);
      const row = await serverRow(wb, s, 'srv-poweroff');
      await row.locator('.codicon-vm-running').waitFor({ state: 'visible' });
      const dialog = page.locator('.monaco-dialog-box');
      await contextMenu(wb, row, 'Power Off', dialog);
      assert.match(await dialog.innerText(), /Power off "srv-poweroff"\?/);
      await dialog.getByRole('button', { name: 'Power Off', exact: true }).click();
      await row.locator('.codicon-vm-outline').waitFor({ state: 'visible', timeout: 20_000 });
      const server = await serverByName(s, 'srv-poweroff');
      assert.equal(server.status, 'off');
      assert.ok(s.requests.some((r) => r.method === 'POST' && r.path === `/servers/${server.id}/actions/poweroff`), 'the API received poweroff');
      await wb.parkMouse();
      await screenshot('server-powered-off');
    },
  },
  {
    name: 'delete a server by typing its name: the row disappears',
    timeoutMs: 90_000,
    async run({ wb, screenshot, outDir }) {
      const s = await simulator(outDir);
      const { id } = await serverByName(s, 'srv-delete');
      const row = await serverRow(wb, s, 'srv-delete');
      await contextMenu(wb, row, 'Delete Server', wb.quickInput());
      await wb.waitForQuickInput('Type "srv-delete" to confirm');
      await screenshot('server-delete-typed-name');
      await wb.answerQuickInput('srv-delete');
      await wb.quickInput().waitFor({ state: 'hidden' });
      await wb.treeRows('hcloud', 'srv-delete').waitFor({ state: 'detached', timeout: 20_000 });
      assert.ok(s.requests.some((r) => r.method === 'DELETE' && r.path === `/servers/${id}`), 'the API received the DELETE');
      assert.equal(await serverByName(s, 'srv-delete'), undefined);
      await wb.treeRows('hcloud', 'srv-tooltip').first().waitFor({ state: 'visible' });
    },
  },
  {
    name: 'the tooltip of a server shows its IPv4',
    timeoutMs: 90_000,
    async run({ wb, page, screenshot, outDir }) {
      const s = await simulator(outDir);
      const ip = (await serverByName(s, 'srv-tooltip')).public_net.ipv4.ip;
      const row = await serverRow(wb, s, 'srv-tooltip');
      const hover = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: ip });
      await wb.until(async () => {
        await row.locator('.label-name').hover();
        return hover.first().isVisible();
      }, async () => `no tooltip with ${ip}; hovers: ${JSON.stringify(await page.locator('.monaco-hover, .workbench-hover').allInnerTexts())}`, 20_000);
      assert.match(await hover.first().innerText(), /srv-tooltip/);
      await screenshot('server-tooltip');
    },
  },
];
