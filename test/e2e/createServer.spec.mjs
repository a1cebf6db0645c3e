// Create Server through the real multi-step input, against a simulator this file starts (today's
// API, the simulator's default mode: no /datacenters, server types with locations[], labels). Relies
// on nothing from other spec files: it adds its own project through the UI and removes it at the
// end (projects.spec.mjs, which runs later in file-name order, expects to start with no project).
import * as assert from 'node:assert/strict';
import { startSpecSimulator } from '../support/simulator.mjs';
import { test } from '../support/e2eTest.mjs';

const TOKEN = 'e2e-create-token-3b9e51';
const PROJECT = 'e2e-create';
const SERVER = 'e2e-web-7';
let sim;

async function simulator(outDir) {
  sim ??= await startSpecSimulator(outDir, { token: TOKEN, actionMs: 500 });
  return sim;
}

/** Adds the project through the real input boxes (as projects.spec.mjs does). */
async function addProject(wb, url) {
  await wb.addProjectThroughPalette(PROJECT, TOKEN, url);
}

/** Steps of Create Server against today's API: name … start after create, labels, options, summary. */
const STEPS = 10;

/** Waits for step `n` of Create Server. */
async function step(wb, n) {
  await wb.until(
    async () => {
      const text = await wb.quickInput().innerText();
      return (await wb.quickInput().isVisible()) && text.includes('Create Server') && text.includes(`${n}/${STEPS}`);
    },
    async () => `step ${n}/${STEPS} of Create Server does not show; the quick input shows: ${JSON.stringify(await wb.quickInput().innerText().catch(() => ''))}`,
  );
}

/** The gross monthly price of `type` in `location` as the simulator holds it, in the extension's format (`€4.58/mo`). */
function monthlyText(s, type, location) {
  const price = s.state.serverTypes.find((t) => t.name === type)?.prices.find((p) => p.location === location);
  assert.ok(price, `the simulator prices ${type} in ${location}`);
  return `€${Number(price.price_monthly.gross).toFixed(2)}/mo`;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('Create Server through the multi-step input against today\'s API (name, location, type, image, no keys, no user data, labels), no request to /datacenters, then it shows in the tree', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  await wb.openContainer('Hetzner Cloud', 'hcloud');
  await addProject(wb, s.url);
  try {
    const projectRow = wb.treeRows('hcloud', PROJECT).first();
    await projectRow.waitFor({ state: 'visible', timeout: 20_000 });

    // the inline "+" of the project row
    await projectRow.hover();
    await projectRow.locator('.actions .action-label[aria-label="Create Server"]').click();

    await step(wb, 1);
    assert.ok((await wb.quickInput().innerText()).includes(`Create Server (1/${STEPS})`), 'the title carries the step');
    await wb.answerQuickInput('web-1');
    await wb.until(async () => /already has a server named/.test(await wb.quickInput().innerText()), 'a taken name is refused in the box');
    await wb.answerQuickInput(SERVER);

    await step(wb, 2);
    const back = wb.quickInput().locator('.quick-input-left-action-bar .action-label[aria-label^="Back"]');
    assert.equal(await back.count(), 1, 'step 2 offers Back');
    assert.equal(await wb.quickInput().locator('.quick-input-title').innerText(), `Create Server (2/${STEPS})`);
    await wb.answerQuickInput('hel1');
    await step(wb, 3);
    await back.click(); // back to the location, pick another one
    await step(wb, 2);
    await wb.answerQuickInput('fsn1');

    await step(wb, 3);
    const price = monthlyText(s, 'cpx11', 'fsn1');
    assert.match(await wb.quickInput().innerText(), new RegExp(`cpx11[\\s\\S]*2 vCPU · 2 GB RAM · 40 GB disk · x86 · ${escapeRegExp(price)}`));
    await wb.answerQuickInput('cpx11');
    await step(wb, 4);
    await wb.answerQuickInput('ubuntu-24.04');
    await step(wb, 5);
    assert.match(await wb.quickInput().locator('input').first().getAttribute('placeholder'), /root password will be generated/);
    await wb.quickInput().locator('input').press('Enter'); // no key selected
    await step(wb, 6);
    await wb.answerQuickInput('No user data');
    await step(wb, 7);
    await wb.answerQuickInput('Start after create');
    await step(wb, 8);
    await wb.answerQuickInput('env=e2e, tier=web');
    await step(wb, 9); // today's options (volumes, networks, …): none of them
    await wb.answerQuickInput('Continue to the summary');
    await step(wb, 10);
    assert.match(await wb.quickInput().innerText(), new RegExp(escapeRegExp(price)));
    await saveScreenshot('create-server-summary');
    assert.match(await wb.quickInput().innerText(), /SSH keys: none \(a root password will be generated/);
    // "Create" is the first, focused item
    await wb.until(async () => (await wb.quickInput().locator('.monaco-list-row.focused').innerText()).startsWith('Create'), 'Create is focused');
    await wb.quickInput().locator('input').first().press('Enter');

    // without keys the root password shows once, in a modal
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await dialog.innerText(), new RegExp(`Root password of "${SERVER}"`));
    await dialog.getByRole('button', { name: 'Copy Password' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    const [post, ...more] = s.requests.filter((r) => r.method === 'POST' && r.path === '/servers');
    assert.equal(more.length, 0);
    assert.equal(post.body.name, SERVER);
    assert.equal(post.body.location, 'fsn1', 'Back changed the location');
    assert.equal(post.body.server_type, 'cpx11');
    assert.deepEqual(post.body.ssh_keys, []);
    assert.deepEqual(post.body.labels, { env: 'e2e', tier: 'web' }, 'the labels step reached the API');
    assert.equal(post.body.datacenter, undefined, 'no datacenter in the create body');
    const datacenterCalls = s.requests.filter((r) => r.path.startsWith('/datacenters'));
    assert.deepEqual(datacenterCalls.map((r) => `${r.method} ${r.path} ${r.status}`), [], 'no request went to /datacenters');

    // the server in the tree (inside a "Servers" folder when the tree has one)
    const serverRow = await wb.serverRow(PROJECT, SERVER);
    const ip = [...s.state.servers.values()].find((x) => x.name === SERVER)?.public_net.ipv4?.ip;
    assert.ok(ip, 'the simulator gave the server an IPv4');
    await wb.until(async () => (await serverRow.innerText()).includes(ip), `the row of ${SERVER} shows ${ip}`);
    await wb.parkMouse();
    await saveScreenshot('create-server-tree');
  } finally {
    await wb.leaveCleanProfile({ removeProject: PROJECT });
  }
});
