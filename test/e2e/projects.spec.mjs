// Projects in the real workbench: the welcome view with no project, then adding one through the
// real input boxes against a simulator this file starts, and its servers in the tree.
// Scenarios run in order in one browser profile: the first must see no project.
import * as assert from 'node:assert/strict';
import { startSpecSimulator } from '../support/simulator.mjs';
import { test } from '../support/e2eTest.mjs';

const TOKEN = 'e2e-token-7d1f0b';
const PROJECT = 'e2e-demo';
let sim;

/** The simulator, started once for this file in the Playwright worker's process (and closed on exit). */
async function simulator(outDir) {
  sim ??= await startSpecSimulator(outDir, { token: TOKEN, actionMs: 500 });
  return sim;
}

test('with no project, the Projects view explains what to do and offers Add Project', async ({ wb, saveScreenshot }) => {
  await wb.openContainer('Hetzner Cloud', 'hcloud');
  const pane = wb.pane('hcloud', 'Projects');
  const welcome = pane.locator('.welcome-view');
  await welcome.waitFor({ state: 'visible' });
  assert.match(await welcome.innerText(), /No Hetzner Cloud project yet/);
  assert.match(await welcome.innerText(), /Secret Storage/);
  await welcome.getByRole('button', { name: 'Add Project' }).waitFor({ state: 'visible' });
  await wb.parkMouse();
  await saveScreenshot('projects-welcome');
});

test('Add Project through the real input boxes, then the project\'s servers show in the tree', async ({ wb, page, saveScreenshot, outDir }) => {
  test.setTimeout(90_000);
  const s = await simulator(outDir);
  const res = await fetch(`${s.url}/servers?per_page=50`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const { servers } = await res.json();
  assert.ok(servers.length > 2, 'the demo project has servers');

  await wb.openContainer('Hetzner Cloud', 'hcloud');
  await wb.pane('hcloud', 'Projects').locator('.welcome-view').getByRole('button', { name: 'Add Project' }).click();

  await wb.waitForQuickInput('Add Hetzner Cloud Project (1/3)');
  await wb.answerQuickInput(PROJECT);
  await wb.waitForQuickInput('Add Hetzner Cloud Project (2/3)');
  assert.equal(await wb.quickInput().locator('input').getAttribute('type'), 'password', 'the token box hides what is typed');
  await wb.answerQuickInput(TOKEN);
  await wb.waitForQuickInput('API endpoint');
  await wb.answerQuickInput('Other endpoint');
  await wb.waitForQuickInput('Base URL of the API');
  await wb.answerQuickInput(s.url);
  await wb.quickInput().waitFor({ state: 'hidden' });

  const projectRow = wb.treeRows('hcloud', PROJECT);
  await projectRow.waitFor({ state: 'visible', timeout: 20_000 });
  await projectRow.click();
  // The project's children are folders; the servers are in the Servers folder.
  const serversRow = wb.treeRows('hcloud', 'Servers').first();
  await serversRow.waitFor({ state: 'visible', timeout: 20_000 });
  await serversRow.click();
  for (const server of servers) {
    const row = wb.treeRows('hcloud', server.name).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    assert.ok((await row.innerText()).includes(server.public_net.ipv4.ip), `${server.name} shows its IPv4`);
  }
  const checks = s.requests.filter((r) => r.path === '/servers');
  assert.ok(checks.every((r) => r.authorized), 'every request carried the right token');
  // The status bar shows the selected project's requests left: what the API's answers said, refilled since.
  const budget = page.getByRole('button', { name: /^Hetzner Cloud requests of e2e-demo: / });
  const budgetText = async () => ((await budget.textContent()) ?? '').trim();
  await wb.until(async () => /^e2e-demo [\d,]+\/3,600$/.test(await budgetText()), 'the status bar shows the project\'s request budget', 20_000);
  const left = Number(/ ([\d,]+)\//.exec(await budgetText())[1].replace(/,/g, ''));
  assert.ok(left <= 3600 && left >= 3600 - s.requests.length, `${left} requests left after ${s.requests.length}`);
  await wb.parkMouse();
  await saveScreenshot('projects-servers');
  assert.ok(!(await page.content()).includes(TOKEN), 'the token appears nowhere in the workbench');
  await wb.leaveCleanProfile({ removeProject: PROJECT }); // the next file goes on in this page
});
