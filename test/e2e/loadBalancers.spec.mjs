// Load Balancers in the real workbench (issue 13), against a simulator this file starts (today's API,
// no demo data): Create Load Balancer through the palette and its real multi-step input, with a
// server as its target, then the target's health in the tree; and Show Metrics of a Load Balancer
// from its context menu, whose webview draws its four charts. Own project ("e2e-load-balancers"),
// servers and Load Balancers, so the file depends on no other spec, nor its tests on each other.
import * as assert from 'node:assert/strict';
import { createRunningServers, simulatorApi, startSpecSimulator } from '../support/simulator.mjs';
import { test } from '../support/e2eTest.mjs';
import { specProject } from '../support/workbench.mjs';

const TOKEN = 'e2e-load-balancers-token-81b3';
const PROJECT = 'e2e-load-balancers';
const STEPS = 8;
let sim;
let api;
const project = specProject(PROJECT, TOKEN);

/** The simulator with two running servers and `lb-metrics` (an http service, a target, a day of history). */
async function simulator(outDir) {
  if (sim) return sim;
  sim = await startSpecSimulator(outDir, { token: TOKEN, actionMs: 300, seed: 'empty' });
  api = simulatorApi(sim, TOKEN);
  await createRunningServers(api, ['srv-lb-target', 'srv-lb-metrics']);
  const { servers } = await api('GET', '/servers?name=srv-lb-metrics');
  const { load_balancer: lb } = await api('POST', '/load_balancers', {
    name: 'lb-metrics',
    load_balancer_type: 'lb11',
    location: 'fsn1',
    services: [{ protocol: 'http', listen_port: 80, destination_port: 80 }],
    targets: [{ type: 'server', server: { id: servers[0].id } }],
  });
  sim.state.loadBalancers.get(lb.id).created = new Date(Date.now() - 86_400_000).toISOString();
  return sim;
}

async function byName(kind, name) {
  const answer = await api('GET', `/${kind}?name=${encodeURIComponent(name)}`);
  return answer[kind][0];
}

/** The description of the rendered row `label` at level `level`. */
const descriptionOf = (wb, label, level) => wb.rowLabelled(label, level).locator('.label-description').textContent().then((t) => (t ?? '').trim());

/** Opens the view (adding the project on first use) and expands the project's Load Balancers folder; its level. */
async function loadBalancersFolder(wb, s) {
  const server = await project.serverRow(wb, s.url, 'srv-lb-target');
  const level = Number(await server.getAttribute('aria-level')) - 1;
  const folder = wb.rowLabelled('Load Balancers', level);
  await wb.expandRow(folder);
  return level;
}

/** Waits for step `n` of Create Load Balancer whose box's placeholder contains `placeholder`. */
const createStep = (wb, n, placeholder) => wb.waitForStep('Create Load Balancer', n, STEPS, placeholder);

test.describe.configure({ timeout: 120_000 });

test('Create Load Balancer through the palette with a server target: the type step and the summary show the price, one POST, then the target is healthy in the tree', async ({ wb, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  const LB = 'lb-e2e-web';
  const target = await byName('servers', 'srv-lb-target');
  const level = await loadBalancersFolder(wb, s);
  const { load_balancer_types: types } = await api('GET', '/load_balancer_types');
  const gross = Number(types.find((t) => t.name === 'lb11').prices.find((p) => p.location === 'fsn1').price_monthly.gross);
  const price = `€${gross.toFixed(2)}/mo`;

  await wb.runCommand('Hetzner Cloud: Create Load Balancer');
  await createStep(wb, 1, 'e.g. lb-web');
  await wb.answerQuickInput(LB);
  await createStep(wb, 2, 'Location');
  await wb.answerQuickInput('fsn1');
  await createStep(wb, 3, 'Load Balancer type');
  assert.match(await wb.quickInput().innerText(), new RegExp(`lb11\\s*10000 connections · 5 services · 25 targets · ${price.replace(/[.$]/g, '\\$&')}`), 'each type with its monthly price in fsn1');
  await wb.answerQuickInput('lb11');
  await createStep(wb, 4, 'Algorithm');
  await wb.answerQuickInput('round robin');
  await createStep(wb, 5, 'Attach to a Network');
  await wb.answerQuickInput('No network');
  await createStep(wb, 6, 'First targets');
  await wb.answerQuickInput('Servers');
  await createStep(wb, 6, 'Target servers in fsn1');
  await wb.tickQuickPick('srv-lb-target', 1);
  await wb.quickInput().locator('input').first().press('Enter');
  await createStep(wb, 7, 'First service');
  await wb.answerQuickInput('http 80');
  await createStep(wb, 8, `Create "${LB}" in fsn1 for ${price}?`);
  const summary = await wb.quickInput().innerText();
  assert.ok(summary.includes(`Price: ${price}`) && summary.includes('Targets: "srv-lb-target"'), `the summary shows the price and the target: ${summary}`);
  assert.equal(s.requests.filter((r) => r.method === 'POST' && r.path === '/load_balancers' && r.body?.name === LB).length, 0, 'nothing is sent before Create');
  await wb.answerQuickInput('Create');
  await wb.quickInput().waitFor({ state: 'hidden' });

  await wb.until(async () => !!(await byName('load_balancers', LB)), `the simulator has ${LB}`);
  const posts = s.requests.filter((r) => r.method === 'POST' && r.path === '/load_balancers' && r.body?.name === LB);
  assert.equal(posts.length, 1);
  assert.deepEqual(posts[0].body, {
    name: LB,
    load_balancer_type: 'lb11',
    location: 'fsn1',
    algorithm: { type: 'round_robin' },
    targets: [{ type: 'server', server: { id: target.id }, use_private_ip: false }],
    services: [{ protocol: 'http', listen_port: 80, destination_port: 80 }],
  });

  // The row (once the create action finished, the folder lists it again): its targets' health, then the target's.
  const row = wb.rowLabelled(LB, level + 1);
  await wb.until(async () => (await row.isVisible()) && /1\/1 healthy/.test(await descriptionOf(wb, LB, level + 1)),
    async () => `no healthy row for ${LB}; rows: ${JSON.stringify(await wb.rowFacts())}`, 30_000);
  await wb.expandRow(row);
  const targets = wb.rowLabelled('Targets', level + 2);
  await wb.expandRow(targets);
  await wb.until(async () => (await descriptionOf(wb, 'srv-lb-target', level + 3)) === 'healthy on 80',
    async () => `the target row does not say "healthy on 80"; rows: ${JSON.stringify(await wb.rowFacts())}`, 20_000);
  const services = wb.rowLabelled('Services', level + 2);
  await wb.expandRow(services);
  await wb.rowLabelled('http 80 → 80', level + 3).waitFor({ state: 'visible' });
  await wb.parkMouse();
  await saveScreenshot('load-balancer-tree');
});

test('Show Metrics of a Load Balancer from its context menu: one request for its four types, four charts drawn in the webview', async ({ wb, page, saveScreenshot, outDir }) => {
  const s = await simulator(outDir);
  const lb = await byName('load_balancers', 'lb-metrics');
  try {
    const level = await loadBalancersFolder(wb, s);
    const row = wb.rowLabelled('lb-metrics', level + 1);
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    s.clearRequests();
    const tab = page.locator('.tab', { hasText: 'Metrics: lb-metrics' });
    await wb.contextMenu(row, 'Show Metrics of Load Balancer', tab);

    const view = wb.webview();
    const canvases = view.locator('#charts figure.chart canvas');
    await wb.until(async () => (await canvases.count()) === 4, 'the webview shows four chart canvases', 30_000);
    for (let i = 0; i < 4; i++) {
      const n = await canvases.nth(i).evaluate((c) => {
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        let drawn = 0;
        for (let k = 3; k < data.length; k += 4) if (data[k] > 0) drawn++;
        return drawn;
      });
      assert.ok(n > 1000, `chart ${i + 1} is drawn (${n} pixels)`);
    }
    assert.deepEqual(await view.locator('figcaption').allTextContents(), ['Open connections (connections)', 'New connections (connections/s)', 'Requests (requests/s)', 'Bandwidth (bytes/s)']);
    assert.equal(await view.locator('#title').textContent(), 'Metrics: lb-metrics');
    const requests = s.requests.filter((r) => r.path === `/load_balancers/${lb.id}/metrics`);
    assert.equal(requests.length, 1);
    assert.equal(requests[0].query.type[0], 'open_connections,connections_per_second,requests_per_second,bandwidth');
    await wb.parkMouse();
    await saveScreenshot('load-balancer-metrics');
  } finally {
    await wb.leaveCleanProfile({ removeProject: PROJECT });
  }
});
