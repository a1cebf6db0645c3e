// The Firewall rules editor in the real workbench: "Edit Firewall Rules" from the palette opens the
// editor of a firewall; an edit in the page survives Reload Window (the serializer brings the editor
// back and it offers the draft); a new outbound rule is added in the page and Apply makes the
// simulator receive exactly one set_rules with every rule. Own simulator, project ("e2e-firewall")
// and firewall ("fw-e2e"), so it depends on no other spec.
import * as assert from 'node:assert/strict';
import { simulatorApi, startSpecSimulator } from '../support/simulator.mjs';
import { test } from '../support/e2eTest.mjs';

const SPEC = { token: 'e2e-firewall-token-3b9e', project: 'e2e-firewall', firewall: 'fw-e2e' };
let started;

/** This file's simulator (empty seed) with its one firewall, started on first use in the Playwright worker: `{ sim, api }`. */
function simulator(outDir) {
  started ??= (async () => {
    const sim = await startSpecSimulator(outDir, { token: SPEC.token, actionMs: 300, seed: 'empty' });
    const api = simulatorApi(sim, SPEC.token);
    const rules = [
      { direction: 'in', protocol: 'tcp', port: '22', source_ips: ['203.0.113.0/24'], description: 'SSH' },
      { direction: 'in', protocol: 'icmp', source_ips: ['0.0.0.0/0', '::/0'] },
    ];
    const { firewall } = await api('POST', '/firewalls', { name: SPEC.firewall, rules });
    sim.clearRequests();
    return { sim, api, fw: firewall };
  })();
  return started;
}

test.describe.configure({ timeout: 120_000 });

test('Edit Firewall Rules → edit a port, Reload Window keeps the draft, add an outbound rule, Apply → one set_rules with every rule', async ({ wb, page, saveScreenshot, outDir }) => {
  const { sim: s, api, fw } = await simulator(outDir);
  const { project: PROJECT, firewall: FIREWALL } = SPEC;
  try {
    await wb.openContainer('Hetzner Cloud', 'hcloud');
    await wb.pane('hcloud', 'Projects').waitFor({ state: 'visible' });
    if (!(await wb.treeRows('hcloud', PROJECT).first().isVisible())) await wb.addProjectThroughPalette(PROJECT, SPEC.token, s.url);

    // From the palette: the project (when the profile has several), then the firewall.
    await wb.runCommand('Hetzner Cloud: Edit Firewall Rules');
    const tab = page.locator('.tab', { hasText: `Rules: ${FIREWALL}` });
    await wb.until(async () => {
      if (await tab.isVisible()) return true;
      const text = (await wb.quickInput().isVisible()) ? await wb.quickInput().innerText() : '';
      if (text.includes(FIREWALL)) await wb.answerQuickInput(FIREWALL);
      else if (text.includes(PROJECT)) await wb.answerQuickInput(PROJECT);
      return false;
    }, 'the rules editor of fw-e2e opens', 30_000);

    const view = wb.webview();
    const inRows = view.locator('#rules-in tbody tr');
    await wb.until(async () => (await inRows.count()) === 2, 'the editor shows the two inbound rules', 30_000);
    assert.deepEqual(s.requests.filter((r) => r.method !== 'GET'), [], 'opening sends nothing');
    await inRows.nth(0).locator('[data-field="port"]').fill('2222');
    await wb.until(async () => (await view.locator('#changes').textContent()) === '1 unsaved change', 'the page counts the change');

    // Reload Window: the serializer brings the editor back, which offers the unsaved change.
    await page.waitForTimeout(800); // the host saves the draft half a second after the last edit
    await wb.reloadWindow();
    await tab.waitFor({ state: 'visible', timeout: 60_000 });
    await view.locator('#draft').waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await view.locator('#draft-text').textContent(), /^You have unsaved changes from .*: Apply, Discard \(or keep editing\)\.$/);
    assert.equal(await inRows.nth(0).locator('[data-field="port"]').inputValue(), '2222');

    // Keep editing: an outbound DNS rule.
    await view.locator('#add-out').click();
    const out = view.locator('#rules-out tbody tr').first();
    await out.locator('[data-field="protocol"]').selectOption('udp');
    await out.locator('[data-field="port"]').fill('53');
    await out.locator('[data-field="ips"]').fill('0.0.0.0/0\n::/0');
    await out.locator('[data-field="description"]').fill('DNS');
    await wb.until(async () => (await view.locator('#changes').textContent()) === '2 unsaved changes', 'the page counts two changes');
    await wb.parkMouse();
    await saveScreenshot('firewall-rules-editor');

    s.clearRequests();
    await view.locator('#apply').click();
    await wb.until(async () => (await view.locator('#changes').textContent()) === 'No unsaved changes', 'the page shows the applied rules', 30_000);
    const sent = s.requests.filter((r) => r.method !== 'GET');
    assert.deepEqual(sent.map((r) => `${r.method} ${r.path}`), [`POST /firewalls/${fw.id}/actions/set_rules`], 'exactly one set_rules');
    assert.deepEqual(sent[0].body, {
      rules: [
        { direction: 'in', protocol: 'tcp', port: '2222', source_ips: ['203.0.113.0/24'], description: 'SSH' },
        { direction: 'in', protocol: 'icmp', port: null, source_ips: ['0.0.0.0/0', '::/0'], description: null },
        { direction: 'out', protocol: 'udp', port: '53', destination_ips: ['0.0.0.0/0', '::/0'], description: 'DNS' },
      ],
    });
    const { firewall } = await api('GET', `/firewalls/${fw.id}`);
    assert.deepEqual(firewall.rules.map((r) => `${r.direction} ${r.protocol} ${r.port ?? '-'}`), ['in tcp 2222', 'in icmp -', 'out udp 53']);
  } finally {
    await wb.leaveCleanProfile({ removeProject: PROJECT });
  }
});
