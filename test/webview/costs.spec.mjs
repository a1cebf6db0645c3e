/* global document */
// The Show Costs page in headless Chromium with a fixture message (test/support/webviewHarness.mjs):
// the total, the bar chart (one bar per priced kind), the tables by kind and by resource (dearest
// first, API names shown as text), and what the buttons post; never a CSP violation or an error.
import * as assert from 'node:assert/strict';
import { test } from '../support/webviewTest.mjs';

const VIEW = {
  title: 'Monthly costs of project "demo"',
  currency: 'EUR',
  total: { gross: 40.4, net: 33.95 },
  byKind: [
    { kind: 'Servers', count: 2, gross: 24.99 },
    { kind: 'Backups', count: 1, gross: 1.19 },
    { kind: 'Volumes', count: 1, gross: 5.24 },
    { kind: 'Load Balancers', count: 1, gross: 8.98 },
  ],
  rows: [
    { kind: 'Servers', name: 'web-1', gross: 5.99, net: 5.03 },
    { kind: 'Servers', name: '<img src=x onerror=alert(1)>', gross: 19, net: 15.97 },
    { kind: 'Backups', name: 'web-1', gross: 1.19, net: 1 },
    { kind: 'Volumes', name: 'db-data', gross: 5.24, net: 4.4 },
    { kind: 'Load Balancers', name: 'lb-1', gross: 8.98, net: 7.55 },
  ],
  computedAt: '2026-11-30T09:00:00.000Z',
};

test('costs: total, a bar per kind, tables by kind and by resource (dearest first); Refresh and Export CSV post their messages', async ({ open, page, saveScreenshot }) => {
  const v = await open('costs');
  await v.send({ type: 'costs', projectId: 'p-1', view: VIEW });
  await page.locator('#by-resource tbody tr').first().waitFor();
  assert.equal(await page.locator('#total').textContent(), 'Total: €40.40/mo (€33.95/mo net)');
  assert.deepEqual(await page.locator('#by-kind tbody tr td:first-child').allTextContents(), ['Servers', 'Backups', 'Volumes', 'Load Balancers']);
  assert.deepEqual(await page.locator('#by-resource tbody tr td:nth-child(2)').allTextContents(), ['<img src=x onerror=alert(1)>', 'lb-1', 'web-1', 'db-data', 'web-1']);
  assert.equal(await page.locator('#by-resource img').count(), 0, 'an API name is text, never HTML');
  assert.deepEqual(await page.locator('#by-resource tbody tr:first-child td').allTextContents(), ['Servers', '<img src=x onerror=alert(1)>', '€19.00/mo', '€15.97/mo']);
  // The chart: uPlot's canvas with the kinds on its axis, and the figures in its label for screen readers.
  assert.equal(await page.locator('#chart canvas').count(), 1);
  assert.match((await page.locator('#chart').getAttribute('aria-label')) ?? '', /Servers €24\.99\/mo, Backups €1\.19\/mo/);
  const bars = await page.locator('#chart canvas').evaluate((c) => {
    // Count the columns of bar colour along a row near the bottom of the plot: one run per bar.
    const ctx = c.getContext('2d');
    const y = Math.floor(c.height * 0.7);
    const row = ctx.getImageData(0, y, c.width, 1).data;
    let runs = 0;
    let inBar = false;
    for (let x = 0; x < c.width; x++) {
      const [r, g, b] = row.slice(x * 4, x * 4 + 3);
      const blue = b > 200 && r < 120 && g > 100 && g < 190; // --vscode-charts-blue
      if (blue && !inBar) runs++;
      inBar = blue;
    }
    return runs;
  });
  assert.ok(bars >= 3, `the chart draws a bar per kind (the tallest ones cross the sampled row): ${bars}`);
  await saveScreenshot('costs');

  await page.locator('#export').click();
  assert.deepEqual(await v.waitForPosted('exportCsv'), { type: 'exportCsv' });
  await page.locator('#refresh').click();
  assert.deepEqual(await v.waitForPosted('refresh'), { type: 'refresh' });

  // A message that does not parse changes nothing.
  assert.deepEqual(await v.state(), { projectId: 'p-1' }, 'the page saves its project: the panel comes back after a reload');
  await v.send({ type: 'costs', projectId: 'p-1', view: { ...VIEW, rows: 'nope' } });
  assert.equal(await page.locator('#by-resource tbody tr').count(), 5);
  const p = await v.problems();
  assert.deepEqual(p.csp, [], 'no CSP violations');
  assert.deepEqual(p.errors, [], 'no uncaught errors');
  assert.equal(await page.evaluate(() => document.title), VIEW.title);
});
