/* global document, getComputedStyle, window, HTMLElement */
// The action log page in headless Chromium with fixture messages (test/support/webviewHarness.mjs):
// what a user sees (order, words, icons with text, progress, errors, states) and what the page
// posts back (reveal, filter, Load older, Retry); never a CSP violation or an uncaught error.
import * as assert from 'node:assert/strict';
import { test } from '../support/webviewTest.mjs';

const T0 = Date.parse('2026-11-20T10:00:00Z');
const iso = (ms) => new Date(ms).toISOString();
const res = (type, id, label) => ({ type, id, label });

const ACTIONS = [
  // Deliberately not in order: the page shows newest first.
  { id: 11, command: 'create_image', status: 'success', progress: 100, started: iso(T0 - 3600_000), finished: iso(T0 - 3600_000 + 95_000), resources: [res('server', 42, 'Server "web-1"'), res('image', 7, 'Image "web-1 golden image"')] },
  { id: 13, command: 'start_server', status: 'running', progress: 40, started: iso(T0), resources: [res('server', 42, 'Server "web-1"')] },
  { id: 12, command: 'rebuild_server', status: 'error', progress: 100, started: iso(T0 - 60_000), finished: iso(T0 - 1000), resources: [res('server', 43, 'Server #43')], error: { code: 'action_failed', message: 'Rebuilding the server failed' } },
  { id: 10, command: 'frobnicate_widget', status: 'success', progress: 100, started: iso(T0 - 7200_000), finished: iso(T0 - 7200_000 + 400), resources: [] },
];

function view(patch = {}) {
  return {
    panel: { projectId: 'p1', filter: 'all' },
    title: 'Action log of project "demo"',
    phase: 'ready',
    actions: ACTIONS,
    hasMore: true,
    loadingMore: false,
    ...patch,
  };
}

async function noProblems(v) {
  const p = await v.problems();
  assert.deepEqual(p.csp, [], 'no CSP violations');
  assert.deepEqual(p.errors, [], 'no uncaught errors');
}

const rows = (page) => page.locator('#actions tbody tr');

test('action log: newest first, plain words, status icons with text, progress while running, error code and message', async ({ open, page, saveScreenshot }) => {
  const v = await open('actionLog');
  await v.send({ type: 'state', view: view() });
  await rows(page).first().waitFor();
  assert.deepEqual(await rows(page).evaluateAll((trs) => trs.map((tr) => tr.dataset.actionId)), ['13', '12', '11', '10']);
  assert.deepEqual(await page.locator('#actions .command-words').allTextContents(), ['Power on', 'Rebuild server', 'Create image', 'Frobnicate widget']);
  assert.deepEqual(await page.locator('#actions .status-text').allTextContents(), ['Running (40%)', 'Failed', 'Succeeded', 'Succeeded']);
  // Icons are decoration next to the words (not colour alone), hidden from screen readers.
  assert.equal(await page.locator('#actions svg.icon').count(), 4);
  assert.equal(await page.locator('#actions svg.icon[aria-hidden="true"]').count(), 4);
  // A progress bar only for the running action.
  const bars = page.locator('#actions progress');
  assert.equal(await bars.count(), 1);
  assert.equal(await bars.first().evaluate((b) => b.value), 40);
  assert.match((await bars.first().getAttribute('aria-label')) ?? '', /Power on: 40%/);
  const failed = rows(page).nth(1);
  assert.equal((await failed.locator('.error-code').textContent()), 'action_failed');
  assert.equal((await failed.locator('.error-text').textContent()), 'Rebuilding the server failed');
  assert.equal(await rows(page).nth(0).locator('.finished').textContent(), 'Not yet');
  assert.match(await rows(page).nth(0).locator('.duration').textContent(), /so far$/);
  assert.equal(await rows(page).nth(2).locator('.duration').textContent(), '1 min 35 s');
  assert.equal(await rows(page).nth(3).locator('.duration').textContent(), 'less than a second');
  assert.match(await rows(page).nth(2).locator('.started').textContent(), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  assert.deepEqual(await rows(page).nth(2).locator('.resource-link').allTextContents(), ['Server "web-1"', 'Image "web-1 golden image"']);
  const body = await page.locator('#app').textContent();
  assert.doesNotMatch(body, /undefined|null|NaN|_server/);
  // The state the extension restores the panel from.
  assert.deepEqual(await v.state(), { projectId: 'p1', filter: 'all' });
  await saveScreenshot('action log dark');
  await noProblems(v);
});

test('action log: a resource link (mouse and keyboard) posts reveal; Load older and Refresh post theirs', async ({ open, page }) => {
  const v = await open('actionLog');
  await v.send({ type: 'state', view: view() });
  await rows(page).first().waitFor();
  await rows(page).nth(2).locator('.resource-link', { hasText: 'Image' }).click();
  assert.deepEqual(await v.waitForPosted('reveal'), { type: 'reveal', resource: { type: 'image', id: 7 } });
  await v.clearPosted();
  await rows(page).nth(1).locator('.resource-link').focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await v.waitForPosted('reveal'), { type: 'reveal', resource: { type: 'server', id: 43 } });
  // Focus survives a re-render (a poll sends a new state every few seconds).
  await v.send({ type: 'state', view: view({ notice: 'refreshed' }) });
  await page.locator('#notice').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Server #43');
  // When the page is not focused (the user works in the editor), a re-render focuses nothing:
  // in VS Code that would take the focus from the editor or an open quick input.
  await page.evaluate(() => {
    document.hasFocus = () => false;
    window.__focusCalls = 0;
    const focus = HTMLElement.prototype.focus;
    HTMLElement.prototype.focus = function (...args) {
      window.__focusCalls++;
      return focus.apply(this, args);
    };
  });
  await v.send({ type: 'state', view: view({ notice: 'refreshed again' }) });
  await page.locator('#notice', { hasText: 'refreshed again' }).waitFor();
  assert.equal(await page.evaluate(() => window.__focusCalls), 0, 'no focus() while the page is not focused');
  await page.evaluate(() => { delete document.hasFocus; });
  await page.locator('#load-older').click();
  await v.waitForPosted('loadOlder');
  await page.locator('#refresh').click();
  await v.waitForPosted('refresh');
  await v.send({ type: 'state', view: view({ loadingMore: true }) });
  await page.locator('#load-older[disabled]').waitFor();
  await v.send({ type: 'state', view: view({ hasMore: false }) });
  await page.locator('#load-older').waitFor({ state: 'detached' });
  await noProblems(v);
});

test('action log: the status filter (toolkit dropdown) posts setFilter and shows the filter it is given', async ({ open, page }) => {
  const v = await open('actionLog');
  await v.send({ type: 'state', view: view() });
  await rows(page).first().waitFor();
  const dropdown = page.locator('#filter');
  assert.equal(await dropdown.getAttribute('aria-labelledby'), 'filter-label');
  await dropdown.click();
  // A state arriving while the list is open (a poll every few seconds) does not close it.
  await v.send({ type: 'state', view: view({ notice: 'polled' }) });
  await page.locator('#notice').waitFor();
  assert.equal(await dropdown.evaluate((d) => d.open), true, 'the dropdown stays open');
  await page.locator('vscode-option', { hasText: 'Failed' }).click();
  assert.deepEqual(await v.waitForPosted('setFilter'), { type: 'setFilter', filter: 'error' });
  await v.send({ type: 'state', view: view({ panel: { projectId: 'p1', filter: 'error' }, actions: [] }) });
  await page.locator('#empty').waitFor();
  assert.equal(await page.locator('#empty').textContent(), 'No failed actions.');
  assert.equal(await dropdown.evaluate((d) => d.value), 'error');
  assert.deepEqual(await v.state(), { projectId: 'p1', filter: 'error' });
  await noProblems(v);
});

test('action log: loading, empty, error with Retry, removed project', async ({ open, page, saveScreenshot }) => {
  const v = await open('actionLog');
  await v.send({ type: 'state', view: view({ phase: 'loading', actions: [] }) });
  await page.locator('#loading').waitFor();
  assert.equal(await page.locator('#app').getAttribute('aria-busy'), 'true');
  await v.send({ type: 'state', view: view({ actions: [], hasMore: false }) });
  await page.locator('#empty').waitFor();
  assert.match(await page.locator('#empty').textContent(), /^No actions yet/);
  assert.equal(await page.locator('#app').getAttribute('aria-busy'), 'false');
  await v.send({ type: 'state', view: view({ phase: 'error', actions: [], message: 'The token was refused (unauthorized).' }) });
  await page.locator('#error').waitFor();
  assert.equal(await page.locator('#error .error-message').textContent(), 'The token was refused (unauthorized).');
  await page.locator('#retry').click();
  await v.waitForPosted('refresh');
  await v.send({ type: 'state', view: view({ phase: 'gone', actions: [], message: 'This project is no longer in the Hetzner Cloud view (it was removed).' }) });
  await page.locator('#gone').waitFor();
  assert.match(await page.locator('#gone').textContent(), /no longer in the Hetzner Cloud view/);
  assert.equal(await page.locator('#filter').isVisible(), false, 'nothing to filter');
  // An invalid message is ignored (logged), the page keeps what it shows.
  await v.send({ type: 'state', view: { ...view(), phase: 'exploded' } });
  await v.send({ type: 'state', view: view({ notice: 'Server #987654 no longer exists in project "demo".' }) });
  await page.locator('#notice').waitFor();
  assert.equal(await page.locator('#gone').count(), 0, 'the invalid state was dropped; the valid one after it shows');
  await saveScreenshot('action log notice');
  await noProblems(v);
});

test('action log: light theme uses the theme colours', async ({ open, page, saveScreenshot }) => {
  const v = await open('actionLog', { theme: 'light' });
  await v.send({ type: 'state', view: view() });
  await rows(page).first().waitFor();
  const colors = await page.evaluate(() => {
    const css = (sel, prop) => getComputedStyle(document.querySelector(sel)).getPropertyValue(prop).trim();
    const root = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return {
      bg: css('body', 'background-color'),
      link: css('.resource-link', 'color'),
      error: css('.action-error', 'color'),
      passed: css('svg.icon-success', 'fill'),
      want: { bg: root('--vscode-editor-background'), link: root('--vscode-textLink-foreground'), error: root('--vscode-errorForeground'), passed: root('--vscode-testing-iconPassed') },
    };
  });
  const rgb = (hex) => {
    const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex);
    return m ? `rgb(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)})` : hex;
  };
  assert.equal(colors.bg, rgb(colors.want.bg));
  assert.equal(colors.link, rgb(colors.want.link));
  assert.equal(colors.error, rgb(colors.want.error));
  assert.equal(colors.passed, rgb(colors.want.passed));
  await saveScreenshot('action log light');
  await noProblems(v);
});

test('action log: high contrast theme, keyboard focus shows an outline on a resource link', async ({ open, page, saveScreenshot }) => {
  const v = await open('actionLog', { theme: 'high-contrast' });
  await v.send({ type: 'state', view: view() });
  await rows(page).first().waitFor();
  await page.locator('#refresh').focus();
  // Tab from Refresh reaches the first resource link (within a few stops).
  for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.className)) !== 'resource-link'; i++) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({ cls: document.activeElement?.className, outline: getComputedStyle(document.activeElement).outlineStyle }));
  assert.equal(focused.cls, 'resource-link', 'Tab reaches the resource links');
  assert.notEqual(focused.outline, 'none', 'a visible focus outline');
  await saveScreenshot('action log high contrast');
  await noProblems(v);
});
