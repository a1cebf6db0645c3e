/* global document */
// The metrics page with a Load Balancer's series (media/dist/metrics.js under the real CSP, headless
// Chromium): its four charts drawn from open connections, connections and requests per second and
// bandwidth in/out, their captions and read-outs, its empty state, and no CSP violation.
import * as assert from 'node:assert/strict';
import { test } from '../support/webviewTest.mjs';
import { fixtureData, LB_SERIES, LB_STATE, SERIES, T0 } from './metricsData.mjs';

const init = (state = LB_STATE) => ({ type: 'init', state, refreshSeconds: 300 });
const LB_CHARTS = ['open_connections', 'connections_per_second', 'requests_per_second', 'bandwidth'];

/** Per chart id: how many canvas pixels are drawn opaque in the series colours (blue or orange). */
function linePixels(page) {
  return page.evaluate(() => {
    const out = {};
    for (const fig of document.querySelectorAll('#charts figure.chart')) {
      const canvas = fig.querySelector('canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const near = (i, [r, g, b]) => Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24 && Math.abs(data[i + 2] - b) < 24;
      const count = { blue: 0, orange: 0 };
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] <= 200) continue;
        if (near(i, [0x37, 0x94, 0xff])) count.blue++;
        else if (near(i, [0xd1, 0x86, 0x16])) count.orange++;
      }
      out[fig.dataset.chart] = count;
    }
    return out;
  });
}

test("metrics: a Load Balancer's five series draw its four charts, with units, and no CSP violation", async ({ open, page, saveScreenshot }) => {
  const view = await open('metrics');
  await view.send(init());
  await view.send(fixtureData(500, LB_SERIES));
  const rendered = await view.waitForPosted('rendered');
  assert.deepEqual({ charts: rendered.charts, samples: rendered.samples, empty: rendered.empty }, { charts: 4, samples: 2500, empty: false });
  assert.equal(await page.locator('#title').textContent(), 'Metrics: lb-web');
  assert.deepEqual(await page.locator('#charts figure.chart').evaluateAll((fs) => fs.map((f) => f.dataset.chart)), LB_CHARTS);
  assert.deepEqual(await page.locator('figcaption').allTextContents(), [
    'Open connections (connections)', 'New connections (connections/s)', 'Requests (requests/s)', 'Bandwidth (bytes/s)',
  ]);
  const pixels = await linePixels(page);
  for (const id of LB_CHARTS) assert.ok(pixels[id].blue > 200, `chart ${id} draws its line (${pixels[id].blue} pixels)`);
  assert.ok(pixels.bandwidth.orange > 200, `bandwidth draws "out" as a second line (${pixels.bandwidth.orange})`);
  // The synced read-out gives every chart its own unit.
  const over = page.locator('figure[data-chart="open_connections"] .u-over');
  const box = await over.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.waitForFunction(() => /\d/.test(document.querySelector('figure[data-chart="open_connections"] .u-legend .u-value')?.textContent ?? ''));
  const readout = async (chart) => (await page.locator(`figure[data-chart="${chart}"] .u-legend .u-value`).allTextContents()).slice(1);
  assert.match((await readout('open_connections'))[0], /^\d+(\.\d+)? connections$/);
  assert.match((await readout('connections_per_second'))[0], /^\d+(\.\d+)? connections\/s$/);
  assert.match((await readout('requests_per_second'))[0], /^\d+(\.\d+)? requests\/s$/);
  for (const v of await readout('bandwidth')) assert.match(v, /^\d+(\.\d+)? (KB\/s|MB\/s)$/);
  await saveScreenshot('metrics-load-balancer');
  assert.deepEqual(await view.problems(), { csp: [], errors: [] });
});

test("metrics: a Load Balancer without samples shows its own empty state; server series draw nothing there", async ({ open, page }) => {
  const view = await open('metrics');
  await view.send(init());
  // A server's series are not a Load Balancer's: nothing of them is drawn.
  await view.send(fixtureData(10, SERIES));
  const rendered = await view.waitForPosted('rendered');
  assert.equal(rendered.empty, true);
  assert.match(await page.locator('#empty').innerText(), /A new Load Balancer reports its first samples/);
  await view.clearPosted();
  await view.send({ type: 'data', start: T0, end: T0 + 600, step: 60, series: Object.fromEntries(LB_SERIES.map((s) => [s, { timestamps: [], values: [] }])) });
  assert.equal((await view.waitForPosted('rendered')).empty, true);
  assert.equal(await page.locator('#charts').isVisible(), false);
  assert.deepEqual(await view.problems(), { csp: [], errors: [] });
});

test("metrics: a Load Balancer panel's saved state comes back on reload with its kind", async ({ open, page }) => {
  const view = await open('metrics', { state: LB_STATE });
  assert.equal(await page.locator('#title').textContent(), 'Metrics: lb-web');
  await view.send(init());
  await view.send(fixtureData(20, LB_SERIES));
  assert.equal((await view.waitForPosted('rendered')).charts, 4);
  assert.deepEqual(await view.state(), LB_STATE);
  assert.deepEqual(await view.problems(), { csp: [], errors: [] });
});
