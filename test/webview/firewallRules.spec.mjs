/* global document */
// The Firewall rules editor page in headless Chromium with fixture messages
// (test/support/webviewHarness.mjs): the rules in two tables, the messages of bad ports, CIDR blocks
// and missing sources on their rows, Apply disabled while anything is invalid, the exact messages
// the page posts (edit after each change, one apply with every rule, discard), reorder by button and
// keyboard, a draft's offer, the API's field errors on their rows; never a CSP violation.
import * as assert from 'node:assert/strict';
import { test } from '../support/webviewTest.mjs';

const PANEL = { projectId: 'p1', firewallId: 7, firewallName: 'web <fw>' };
const HTTP = { direction: 'in', protocol: 'tcp', port: '80', sourceIps: ['0.0.0.0/0', '::/0'], destinationIps: [], description: 'http' };
const SSH = { direction: 'in', protocol: 'tcp', port: '22', sourceIps: ['192.0.2.0/24'], destinationIps: [], description: 'ssh' };
const PING = { direction: 'out', protocol: 'icmp', sourceIps: [], destinationIps: ['0.0.0.0/0'] };
const RULES = [HTTP, SSH, PING];

const init = (patch = {}) => ({ type: 'init', panel: PANEL, rules: RULES, applying: false, ...patch });
const inRows = (page) => page.locator('#rules-in tbody tr');
const outRows = (page) => page.locator('#rules-out tbody tr');
const field = (row, name) => row.locator(`[data-field="${name}"]`);
const error = (row, name) => row.locator(`.cell-${name} .field-error`);

async function noProblems(v) {
  assert.deepEqual(await v.problems(), { csp: [], errors: [] });
}

async function lastPosted(v, type) {
  const all = (await v.posted()).filter((m) => m.type === type);
  return all[all.length - 1];
}

test('rules editor: shows the rules of both directions; the name is text, not HTML; saves its panel state', async ({ open, page, saveScreenshot }) => {
  const v = await open('firewallRules');
  await v.send(init());
  await inRows(page).first().waitFor();
  assert.equal(await page.locator('#title').textContent(), 'Rules of firewall "web <fw>"');
  assert.equal(await inRows(page).count(), 2);
  assert.equal(await outRows(page).count(), 1);
  assert.equal(await field(inRows(page).nth(0), 'port').inputValue(), '80');
  assert.equal(await field(inRows(page).nth(0), 'ips').inputValue(), '0.0.0.0/0\n::/0');
  assert.equal(await field(outRows(page).nth(0), 'protocol').inputValue(), 'icmp');
  assert.equal(await field(outRows(page).nth(0), 'port').isDisabled(), true);
  assert.equal(await page.locator('#changes').textContent(), 'No unsaved changes');
  assert.equal(await page.locator('#apply').getAttribute('disabled'), '');
  assert.equal(await page.locator('#draft').isHidden(), true);
  assert.deepEqual(await v.state(), PANEL);
  await saveScreenshot('firewall rules dark');
  await noProblems(v);
});

test('rules editor: bad port, bare address and missing sources get their messages; Apply stays disabled until fixed', async ({ open, page }) => {
  const v = await open('firewallRules');
  await v.send(init());
  const first = inRows(page).nth(0);
  await first.waitFor();
  await field(first, 'port').fill('70000');
  assert.equal(await error(first, 'port').textContent(), "'70000' is not a port (1 to 65535) or a port range like 1024-5000");
  assert.equal(await field(first, 'port').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#apply').getAttribute('disabled'), '');
  await field(first, 'port').fill('443-80');
  assert.match(await error(first, 'port').textContent(), /from the lower to the higher port/);
  await field(first, 'port').fill('443');
  assert.equal(await error(first, 'port').textContent(), '');

  const second = inRows(page).nth(1);
  await field(second, 'ips').fill('203.0.113.5');
  assert.match(await error(second, 'ips').textContent(), /write 203\.0\.113\.5\/32/);
  await field(second, 'ips').fill('10.0.0.0/8, 2001:db8::/33 , 300.1.1.1/8');
  assert.match(await error(second, 'ips').textContent(), /'300\.1\.1\.1' is not an IPv4 or IPv6 address/);
  await field(second, 'ips').fill('10.0.0.1/8');
  assert.match(await error(second, 'ips').textContent(), /has host bits set/);
  await field(second, 'ips').fill('');
  assert.match(await error(second, 'ips').textContent(), /at least one source/);
  assert.equal(await page.locator('#apply').getAttribute('disabled'), '');
  await field(second, 'ips').fill('10.0.0.0/8\n2001:db8::/32');
  assert.equal(await error(second, 'ips').textContent(), '');
  assert.equal(await page.locator('#apply').getAttribute('disabled'), null);
  assert.equal(await page.locator('#changes').textContent(), '2 unsaved changes');
  // Every change was posted as an edit; the last one holds the list as it is now.
  assert.deepEqual(await lastPosted(v, 'edit'), {
    type: 'edit',
    rules: [{ ...HTTP, port: '443' }, { ...SSH, sourceIps: ['10.0.0.0/8', '2001:db8::/32'] }, PING],
  });
  assert.equal((await v.posted()).filter((m) => m.type === 'apply').length, 0, 'nothing applied yet');
  await noProblems(v);
});

test('rules editor: add, edit, delete and Apply post one apply with all rules of both directions', async ({ open, page }) => {
  const v = await open('firewallRules');
  await v.send(init());
  await inRows(page).first().waitFor();
  await page.locator('#add-out').click();
  const added = outRows(page).nth(1);
  // The new row has the focus and says what it lacks.
  assert.equal(await field(added, 'protocol').evaluate((e) => e === document.activeElement), true);
  assert.equal(await error(added, 'port').textContent(), 'Enter a port (80) or a port range (1024-5000).');
  await field(added, 'protocol').selectOption('udp');
  await field(added, 'port').fill('53');
  await field(added, 'ips').fill('9.9.9.9/32');
  await field(added, 'description').fill('dns');
  await inRows(page).nth(0).locator('.delete').click();
  assert.equal(await inRows(page).count(), 1);
  assert.equal(await page.locator('#changes').textContent(), '2 unsaved changes');
  await v.clearPosted();
  await page.locator('#apply').click();
  const applied = await v.waitForPosted('apply');
  assert.deepEqual(applied, {
    type: 'apply',
    rules: [SSH, PING, { direction: 'out', protocol: 'udp', port: '53', sourceIps: [], destinationIps: ['9.9.9.9/32'], description: 'dns' }],
  });
  assert.equal((await v.posted()).filter((m) => m.type === 'apply').length, 1);
  // Applying: buttons and fields are disabled until the answer.
  await v.send({ type: 'applying' });
  await page.locator('#applying').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#apply').getAttribute('disabled'), '');
  assert.equal(await field(inRows(page).nth(0), 'ips').isDisabled(), true);
  await v.send({ type: 'applied', rules: applied.rules });
  await page.locator('#changes', { hasText: 'No unsaved changes' }).waitFor();
  assert.equal(await field(inRows(page).nth(0), 'ips').isDisabled(), false);
  await noProblems(v);
});

test('rules editor: reorder with the buttons and with Alt+arrows, within a direction', async ({ open, page }) => {
  const v = await open('firewallRules');
  await v.send(init());
  await inRows(page).first().waitFor();
  assert.equal(await inRows(page).nth(0).locator('.move-up').getAttribute('disabled'), '');
  await inRows(page).nth(0).locator('.move-down').click();
  assert.deepEqual(await inRows(page).locator('[data-field="description"]').evaluateAll((es) => es.map((e) => e.value)), ['ssh', 'http']);
  assert.equal(await page.locator('#changes').textContent(), '1 unsaved change');
  assert.deepEqual((await lastPosted(v, 'edit')).rules, [SSH, HTTP, PING]);
  // Keyboard: Alt+↑ on the focused field of the second row moves it back up, the focus follows.
  await field(inRows(page).nth(1), 'port').focus();
  await page.keyboard.press('Alt+ArrowUp');
  assert.deepEqual((await lastPosted(v, 'edit')).rules, [HTTP, SSH, PING]);
  assert.equal(await page.locator('#changes').textContent(), 'No unsaved changes');
  // The outbound row cannot move into the inbound table.
  assert.equal(await outRows(page).nth(0).locator('.move-up').getAttribute('disabled'), '');
  await noProblems(v);
});

test('rules editor: Discard posts discard; a draft is offered with its time and a server change', async ({ open, page }) => {
  const v = await open('firewallRules');
  const savedAt = Date.parse('2026-11-29T17:04:05Z');
  await v.send(init({ edits: [SSH, PING], draft: { savedAt, serverChanged: true } }));
  await page.locator('#draft').waitFor({ state: 'visible' });
  assert.match(await page.locator('#draft-text').textContent(), /^You have unsaved changes from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d: Apply, Discard \(or keep editing\)\.$/);
  assert.match(await page.locator('#draft-server-changed').textContent(), /changed on the server/);
  assert.equal(await inRows(page).count(), 1);
  assert.equal(await page.locator('#changes').textContent(), '1 unsaved change');
  await page.locator('#draft-apply').click();
  assert.deepEqual(await v.waitForPosted('apply'), { type: 'apply', rules: [SSH, PING] });
  await page.locator('#draft-discard').click();
  assert.deepEqual(await v.waitForPosted('discard'), { type: 'discard' });
  // Keep editing: the offer goes away, the edits stay.
  await field(inRows(page).nth(0), 'description').fill('ssh only');
  await page.locator('#draft').waitFor({ state: 'hidden' });
  await page.locator('#discard').click();
  assert.deepEqual(await v.waitForPosted('discard', { n: 2 }), { type: 'discard' });
  await noProblems(v);
});

test('rules editor: an API error shows its message, puts field details on their rows and keeps the edits', async ({ open, page }) => {
  const v = await open('firewallRules');
  await v.send(init());
  await inRows(page).first().waitFor();
  await field(inRows(page).nth(1), 'description').fill('admin');
  await page.locator('#apply').click();
  await v.waitForPosted('apply');
  await v.send({
    type: 'failed',
    message: 'Apply the rules of "web <fw>" failed: invalid input in field rules (invalid_input)',
    fields: [
      { name: 'rules[1].source_ips', messages: ['<b>not allowed</b>'], rule: 1, field: 'ips' },
      { name: 'rules', messages: ['too many rules'] },
    ],
  });
  await page.locator('#failure').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#failure-message').textContent(), 'Apply the rules of "web <fw>" failed: invalid input in field rules (invalid_input)');
  assert.deepEqual(await page.locator('#failure-fields li').allTextContents(), ['rules: too many rules']);
  assert.equal(await error(inRows(page).nth(1), 'ips').textContent(), '<b>not allowed</b>');
  assert.equal(await page.locator('#failure b').count(), 0);
  assert.equal(await field(inRows(page).nth(1), 'description').inputValue(), 'admin');
  assert.equal(await page.locator('#changes').textContent(), '1 unsaved change');
  // Editing the field the API named clears its message.
  await field(inRows(page).nth(1), 'ips').fill('192.0.2.0/25');
  assert.equal(await error(inRows(page).nth(1), 'ips').textContent(), '');
  await noProblems(v);
});

test('rules editor: a load error shows as text; invalid messages are ignored', async ({ open, page }) => {
  const v = await open('firewallRules');
  await v.send({ type: 'init', panel: PANEL, rules: [{ ...HTTP, protocol: 'sctp' }], applying: false });
  await v.send({ type: 'error', message: 'Firewall "web <fw>" (ID 7) no longer exists.' });
  await page.locator('#load-error').waitFor();
  assert.equal(await page.locator('#load-error').textContent(), 'Firewall "web <fw>" (ID 7) no longer exists.');
  assert.equal(await page.locator('table').count(), 0);
  await noProblems(v);
});
