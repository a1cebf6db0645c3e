// Volumes and Networks in the real workbench (issue 12), against a simulator this file starts
// (today's API, no demo data): Create Volume and Attach Volume from the context menu, Attach to
// Network, and Create Server with a network and a new volume. The scenarios add their own project
// ("e2e-resources") through the palette when the profile has none of that name, and act on servers,
// volumes and networks with names no other spec uses, so they depend neither on the other spec
// files nor on each other (each passes alone with -g).
import * as assert from 'node:assert/strict';
import { createRunningServers, simulatorApi, startSpecSimulator } from '../support/simulator.mjs';
import { test } from '../support/e2eTest.mjs';
import { specProject } from '../support/workbench.mjs';

const TOKEN = 'e2e-resources-token-5c2a';
const PROJECT = 'e2e-resources';
let sim;
let api;
const project = specProject(PROJECT, TOKEN);

/** The simulator (started once for this file, in the Playwright worker's process) with this file's servers and network. */
async function simulator(outDir) {
  if (!sim) {
    sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 300, seed: 'empty' });
    api = simulatorApi(sim, TOKEN);
    await createRunningServers(api, ['srv-volume', 'srv-network']);
    await api('POST', '/networks', {
      name: 'net-backend',
      ip_range: '10.20.0.0/16',
      subnets: [{ type: 'cloud', network_zone: 'eu-central', ip_range: '10.20.1.0/24' }],
    });
  }
  return sim;
}

async function byName(kind, name) {
  const answer = await api('GET', `/${kind}?name=${encodeURIComponent(name)}`);
  return answer[kind][0];
}

/** Opens the view (adding this file's project on first use) and shows the row of server `name`. */
const serverRow = (wb, s, name) => project.serverRow(wb, s.url, name);

test.describe.configure({ timeout: 90_000 });

test('Create Volume from the Volumes folder (price shown first), attach it to a server from its context menu: it shows under the server', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  const VOLUME = 'vol-e2e-data';
  const server = await byName('servers', 'srv-volume');
  const row = await serverRow(wb, s, 'srv-volume');
  const serverLevel = Number(await row.getAttribute('aria-level'));

  // Create Volume from the Volumes folder's context menu, through its real quick inputs
  const folder = wb.rowLabelled('Volumes', serverLevel - 1);
  await wb.contextMenu(folder, 'Create Volume', wb.quickInput());
  await wb.waitForQuickInput('Create Volume (1/6)');
  await wb.answerQuickInput(VOLUME);
  await wb.waitForQuickInput('Create Volume (2/6)');
  await wb.answerQuickInput('20');
  await wb.waitForQuickInput('Create Volume (3/6)');
  await wb.answerQuickInput('Pick a location');
  await wb.waitForQuickInput('Create Volume (3/6): location');
  await wb.answerQuickInput('fsn1');
  await wb.waitForQuickInput('Create Volume (4/6)');
  await wb.answerQuickInput('ext4');
  await wb.waitForQuickInput('Create Volume (6/6)');
  await wb.answerQuickInput('');

  // the monthly price, asked about before anything is sent
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible' });
  const { pricing } = await api('GET', '/pricing');
  const perGb = pricing.volume.price_per_gb_month;
  const price = `€${(Number(perGb.gross) * 20).toFixed(2)}/mo (€${(Number(perGb.net) * 20).toFixed(2)}/mo net)`;
  assert.match(await dialog.innerText(), new RegExp(`Create volume "${VOLUME}" of 20 GB in fsn1 for ${price.replace(/[.()]/g, '\\$&')}\\?`));
  assert.equal(s.requests.filter((r) => r.method === 'POST' && r.path === '/volumes').length, 0, 'nothing is created before the confirmation');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });

  await wb.until(async () => (await byName('volumes', VOLUME))?.status === 'available', `volume ${VOLUME} is available in the simulator`);
  const posts = s.requests.filter((r) => r.method === 'POST' && r.path === '/volumes');
  assert.equal(posts.length, 1);
  assert.deepEqual(posts[0].body, { name: VOLUME, size: 20, format: 'ext4', location: 'fsn1' });

  // the volume in the Volumes folder, then Attach Volume from its context menu
  await wb.expandRow(folder);
  const volumeRow = wb.rowLabelled(VOLUME, serverLevel);
  await volumeRow.waitFor({ state: 'visible', timeout: 20_000 });
  await wb.until(async () => /not attached/.test(await volumeRow.innerText()), 'the volume row says it is not attached');
  await wb.contextMenu(volumeRow, 'Attach Volume', wb.quickInput());
  await wb.waitForQuickInput(`Attach Volume: ${VOLUME} (fsn1)`);
  await wb.answerQuickInput('srv-volume');
  await wb.waitForQuickInput(`Attach Volume: ${VOLUME} → srv-volume`);
  await wb.answerQuickInput('Do not mount');
  await wb.quickInput().waitFor({ state: 'hidden' });

  const volume = await byName('volumes', VOLUME);
  const attach = `/volumes/${volume.id}/actions/attach`;
  await wb.until(async () => (await byName('volumes', VOLUME)).server === server.id, `the simulator attached ${VOLUME} to srv-volume`);
  const attaches = s.requests.filter((r) => r.method === 'POST' && r.path === attach);
  assert.equal(attaches.length, 1, `the API received one ${attach}`);
  assert.deepEqual(attaches[0].body, { server: server.id, automount: false });
  assert.ok((await byName('servers', 'srv-volume')).volumes.includes(volume.id), 'the server lists the volume');

  // the server's children: the volume's row, naming its Linux device
  const serverRowAgain = wb.rowLabelled('srv-volume', serverLevel);
  await wb.expandRow(serverRowAgain);
  await wb.until(async () => (await wb.childRows('srv-volume', serverLevel)).some((f) => f.label === VOLUME),
    async () => `no row "${VOLUME}" under srv-volume; rows: ${JSON.stringify(await wb.rowFacts())}`, 20_000);
  const under = (await wb.childRows('srv-volume', serverLevel)).find((f) => f.label === VOLUME);
  assert.ok(under.description.includes(`20 GB · fsn1 · srv-volume · ${volume.linux_device}`), `the row under the server shows size, location, server and device: ${under.description}`);
  // and the row in the Volumes folder names the server now
  await wb.until(async () => (await wb.childRows('Volumes', serverLevel - 1)).some((f) => f.label === VOLUME && f.description.includes('srv-volume')),
    async () => `the Volumes folder's row of ${VOLUME} does not name srv-volume: ${JSON.stringify(await wb.childRows('Volumes', serverLevel - 1))}`);
  await wb.parkMouse();
  await saveScreenshot('volume-under-server');
});

test('Attach a server to a network from its context menu, IP left to the API: the private IP shows under the server', async ({ wb, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  const server = await byName('servers', 'srv-network');
  const network = await byName('networks', 'net-backend');
  const row = await serverRow(wb, s, 'srv-network');
  const serverLevel = Number(await row.getAttribute('aria-level'));

  await wb.contextMenu(row, 'Network > Attach Server to Network', wb.quickInput());
  await wb.waitForQuickInput('Attach Server to Network: srv-network');
  assert.match(await wb.quickInput().innerText(), /net-backend[\s\S]*10\.20\.0\.0\/16/);
  await wb.answerQuickInput('net-backend');
  await wb.waitForQuickInput('leave empty to get a free one');
  await wb.answerQuickInput('');
  await wb.waitForQuickInput('Alias IPs');
  await wb.answerQuickInput('');
  await wb.quickInput().waitFor({ state: 'hidden' });

  const path = `/servers/${server.id}/actions/attach_to_network`;
  await wb.until(async () => (await byName('servers', 'srv-network')).private_net.length === 1, 'the simulator attached srv-network');
  const posts = s.requests.filter((r) => r.method === 'POST' && r.path === path);
  assert.equal(posts.length, 1, `the API received one ${path}`);
  assert.deepEqual(posts[0].body, { network: network.id }, 'no IP and no alias IPs: the API picks the IP');
  const [net] = (await byName('servers', 'srv-network')).private_net;
  assert.equal(net.network, network.id);
  assert.match(net.ip, /^10\.20\.1\.\d+$/, 'the simulator gave an IP of the subnet');

  await wb.expandRow(wb.rowLabelled('srv-network', serverLevel));
  const leaf = { label: 'Private IP (net-backend)', description: net.ip };
  await wb.until(async () => (await wb.childRows('srv-network', serverLevel)).some((f) => f.label === leaf.label && f.description === leaf.description),
    async () => `no leaf ${JSON.stringify(leaf)} under srv-network; children: ${JSON.stringify(await wb.childRows('srv-network', serverLevel))}`, 20_000);
  await wb.parkMouse();
  await saveScreenshot('server-private-ip');
});

/** Steps of Create Server against today's API: name … labels, the options (volumes, networks, …), summary. */
const STEPS = 10;

/** Waits for step `n` of Create Server whose box's placeholder contains `placeholder` (each option's prompt is a step of its own). */
const createStep = (wb, n, placeholder) => wb.waitForStep('Create Server', n, STEPS, placeholder);

test('Create Server with a network and a new volume through the multi-step input: the summary prices them, the API gets the network and the volume, the tree shows both under the server', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  const SERVER = 'srv-e2e-full';
  const VOLUME = 'vol-e2e-full';
  const network = await byName('networks', 'net-backend');
  await serverRow(wb, s, 'srv-network');
  const projectRow = wb.rowLabelled(PROJECT);
  await projectRow.hover();
  await projectRow.locator('.actions .action-label[aria-label="Create Server"]').click();

  await createStep(wb, 1, '');
  await wb.answerQuickInput(SERVER);
  await createStep(wb, 2, '');
  await wb.answerQuickInput('fsn1');
  await createStep(wb, 3, '');
  await wb.answerQuickInput('cpx11');
  await createStep(wb, 4, '');
  await wb.answerQuickInput('ubuntu-24.04');
  await createStep(wb, 5, 'root password will be generated');
  await wb.quickInput().locator('input').press('Enter'); // no key
  await createStep(wb, 6, '');
  await wb.answerQuickInput('No user data');
  await createStep(wb, 7, '');
  await wb.answerQuickInput('Start after create');
  await createStep(wb, 8, '');
  await wb.answerQuickInput('');

  // the options: a network …
  await createStep(wb, 9, 'Volumes, networks, placement group and public network');
  await wb.answerQuickInput('Networks…');
  await createStep(wb, 9, 'Private networks to attach');
  await wb.tickQuickPick('net-backend', 1);
  await wb.quickInput().locator('input').first().press('Enter');
  // … and a new volume
  await createStep(wb, 9, 'Volumes, networks, placement group and public network');
  assert.match(await wb.quickInput().innerText(), /Networks…\s*net-backend/, 'the options list shows the network picked');
  await wb.answerQuickInput('Volumes…');
  await createStep(wb, 9, 'Volumes to attach and mount');
  await wb.tickQuickPick('New volume…', 1);
  await wb.quickInput().locator('input').first().press('Enter');
  await wb.waitForQuickInput('Create Server: new volume');
  await wb.answerQuickInput('15');
  await wb.until(async () => (await wb.quickInput().innerText()).includes('Name of the new 15 GB volume'), 'the new volume\'s name is asked');
  await wb.answerQuickInput(VOLUME);
  await wb.until(async () => (await wb.quickInput().locator('input').first().getAttribute('placeholder')) === 'Filesystem of the new volume', 'the filesystem is asked');
  await wb.answerQuickInput('ext4');
  await createStep(wb, 9, 'Volumes to attach and mount');
  assert.match(await wb.quickInput().innerText(), new RegExp(`${VOLUME}\\s*15 GB · new · ext4 · €`), 'the new volume is listed, priced');
  await wb.quickInput().locator('input').first().press('Enter');
  await createStep(wb, 9, 'Volumes, networks, placement group and public network');
  await wb.answerQuickInput('Continue to the summary');

  // the summary: the network, and the new volume with its price, in the total
  await createStep(wb, 10, `Create "${SERVER}" in fsn1 for`);
  const { pricing } = await api('GET', '/pricing');
  const volumePrice = `€${(Number(pricing.volume.price_per_gb_month.gross) * 15).toFixed(2)}/mo`;
  const summary = await wb.quickInput().innerText();
  assert.ok(summary.includes(`Volumes: new ${VOLUME} (15 GB, ext4, ${volumePrice})`), `the summary lists the new volume with its price: ${summary}`);
  assert.ok(summary.includes('Networks: net-backend'), `the summary lists the network: ${summary}`);
  // the total: the server, the new volume and the two new Primary IPs, at the simulator's prices
  const monthly = (prices) => Number(prices.find((p) => p.location === 'fsn1').price_monthly.gross);
  const total = monthly(pricing.server_types.find((x) => x.name === 'cpx11').prices)
    + Number(pricing.volume.price_per_gb_month.gross) * 15
    + pricing.primary_ips.reduce((sum, ip) => sum + monthly(ip.prices), 0);
  assert.ok(summary.includes(`Total with the new volumes and Primary IPs: €${total.toFixed(2)}/mo`), `the summary's total is €${total.toFixed(2)}/mo: ${summary}`);
  await saveScreenshot('create-server-volumes-networks');
  assert.equal(s.requests.filter((r) => r.method === 'POST' && (r.path === '/servers' || r.path === '/volumes') && [SERVER, VOLUME].includes(r.body?.name)).length, 0, 'nothing is sent before Create');
  await wb.until(async () => (await wb.quickInput().locator('.monaco-list-row.focused').innerText()).startsWith('Create'), 'Create is focused');
  await wb.quickInput().locator('input').first().press('Enter');

  // without keys the root password shows once, in a modal
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });

  await wb.until(async () => (await byName('volumes', VOLUME))?.server != null, `the simulator has ${VOLUME}, attached`, 30_000);
  const server = await byName('servers', SERVER);
  const [post, ...more] = s.requests.filter((r) => r.method === 'POST' && r.path === '/servers' && r.body.name === SERVER);
  assert.equal(more.length, 0);
  assert.deepEqual(post.body.networks, [network.id], 'the create request names the network');
  assert.equal(post.body.volumes, undefined, 'a new volume is not part of the server\'s request');
  const volumePosts = s.requests.filter((r) => r.method === 'POST' && r.path === '/volumes' && r.body.name === VOLUME);
  assert.deepEqual(volumePosts.map((r) => r.body), [{ name: VOLUME, size: 15, server: server.id, automount: true, format: 'ext4' }]);
  const volume = await byName('volumes', VOLUME);
  assert.equal(volume.server, server.id);
  assert.deepEqual(server.private_net.map((n) => n.network), [network.id]);

  // the tree: the server with its private IP and its volume
  const row = await wb.serverRow(PROJECT, SERVER);
  const level = Number(await row.getAttribute('aria-level'));
  await wb.expandRow(row);
  const ip = server.private_net[0].ip;
  await wb.until(async () => {
    const children = await wb.childRows(SERVER, level);
    return children.some((f) => f.label === 'Private IP (net-backend)' && f.description === ip) && children.some((f) => f.label === VOLUME);
  }, async () => `${SERVER} does not show its private IP ${ip} and ${VOLUME}; children: ${JSON.stringify(await wb.childRows(SERVER, level))}`, 20_000);
  await wb.parkMouse();
  await saveScreenshot('create-server-tree-volumes-networks');
  await wb.leaveCleanProfile({ removeProject: PROJECT }); // the next file goes on in this page
});
