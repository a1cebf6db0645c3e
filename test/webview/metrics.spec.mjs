/* global document, getComputedStyle */
// The metrics page (media/dist/metrics.js under the real CSP) in headless Chromium with fixture
// messages: five charts drawn from 500 samples × 9 series, the hover read-out, the empty and
// error states, the messages the controls post, theme colours, and state kept over a reload.
import * as assert from 'node:assert/strict';
import { test } from '../support/webviewTest.mjs';
import { fixtureData, SERIES, STATE, STEP, T0 } from './metricsData.mjs';

const init = (state = STATE) => ({ type: 'init', state, refreshSeconds: 300 });

async function noProblems(view) {
  assert.deepEqual(await view.problems(), { csp: [], errors: [] });
}

/** Pixels of each chart's canvas close to `hex` (±24 per channel), by chart id. */
function colourPixels(page, hex) {
  return page.evaluate((h) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
    const out = {};
    for (const fig of document.querySelectorAll('#charts figure.chart')) {
      const canvas = fig.querySelector('canvas');
      if (!canvas) {
        out[fig.dataset.chart] = -1;
        continue;
      }
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 200 && Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24 && Math.abs(data[i + 2] - b) < 24) n++;
      }
      out[fig.dataset.chart] = n;
    }
    return out;
  }, hex);
}

async function drawFixture(open, options = {}) {
  const view = await open('metrics', options);
  await view.send(init(options.state ?? STATE));
  await view.send(fixtureData());
  const rendered = await view.waitForPosted('rendered');
  return { view, rendered };
}

const ids = ['cpu', 'diskIops', 'diskBandwidth', 'networkPps', 'networkBandwidth'];

/** Picks `label` in the toolkit dropdown the way a user does: open it, click the option. */
async function pickRange(page, label) {
  await page.locator('#range').click();
  await page.locator('#range vscode-option', { hasText: label }).click();
}

test('metrics: 500 samples × 9 series draw five charts (canvases not blank) and `rendered` reports them', async ({ open, page, saveScreenshot }) => {
  const { view, rendered } = await drawFixture(open);
  assert.equal(rendered.charts, 5);
  assert.equal(rendered.samples, 4500);
  assert.equal(rendered.empty, false);
  const blue = await colourPixels(page, '#3794ff');
  for (const id of ids) assert.ok(blue[id] > 200, `chart ${id} has lines in charts-blue (${blue[id]} pixels)`);
  // Two-series charts draw the second series in charts-orange.
  const orange = await colourPixels(page, '#d18616');
  for (const id of ids.slice(1)) assert.ok(orange[id] > 200, `chart ${id} has a second line in charts-orange (${orange[id]})`);
  assert.equal(await page.locator('#title').textContent(), 'Metrics: web-1');
  assert.match(await page.locator('#status').textContent(), /500 samples per series, one every 1 min/);
  // Units on the y axes: the captions and the axis labels (drawn on the canvas) use formatValue.
  assert.deepEqual(await page.locator('figcaption').allTextContents(), [
    'CPU (%)', 'Disk IOPS (iop/s)', 'Disk bandwidth (bytes/s)', 'Network packets (packets/s)', 'Network bandwidth (bytes/s)',
  ]);
  await saveScreenshot('metrics-dark');
  await noProblems(view);
});

test('metrics: hovering a chart shows the time and the formatted values in every chart\'s read-out', async ({ open, page }) => {
  const { view } = await drawFixture(open);
  const over = page.locator('figure[data-chart="cpu"] .u-over');
  const box = await over.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const readout = (chart) => page.locator(`figure[data-chart="${chart}"] .u-legend .u-value`).allTextContents();
  await page.waitForFunction(() => /\d/.test(document.querySelector('figure[data-chart="cpu"] .u-legend .u-value')?.textContent ?? ''));
  const [time, cpu] = await readout('cpu');
  // The time is one of the samples' times, written HH:MM in the page's time zone (24 h range).
  const times = await page.evaluate(([t0, step]) => {
    const f = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    return Array.from({ length: 500 }, (_, i) => f.format(new Date((t0 + i * step) * 1000)));
  }, [T0, STEP]);
  assert.ok(times.includes(time), `read-out time "${time}" is a sample time`);
  assert.match(cpu, /^\d+(\.\d+)?%$/);
  // Synced cursor: the other charts show the same time and their own units.
  const [time2, read, write] = await readout('diskBandwidth');
  assert.equal(time2, time);
  assert.match(read, /^\d+(\.\d+)? (KB\/s|MB\/s)$/);
  assert.match(write, /^\d+(\.\d+)? (KB\/s|MB\/s)$/);
  const [, pin] = await readout('networkPps');
  assert.match(pin, /^\d+(\.\d+)? packets\/s$/);
  await noProblems(view);
});

test('metrics: a server without samples shows the empty state (no charts) and reports it', async ({ open, page, saveScreenshot }) => {
  const view = await open('metrics');
  await view.send(init());
  await view.send({ type: 'data', start: T0, end: T0 + 3600, step: 10, series: Object.fromEntries(SERIES.map((s) => [s, { timestamps: [], values: [] }])) });
  const rendered = await view.waitForPosted('rendered');
  assert.deepEqual({ charts: rendered.charts, samples: rendered.samples, empty: rendered.empty }, { charts: 0, samples: 0, empty: true });
  assert.ok(await page.locator('#empty').isVisible());
  assert.match(await page.locator('#empty').innerText(), /No metrics in this time range yet/);
  assert.equal(await page.locator('#charts').isVisible(), false);
  await saveScreenshot('metrics-empty');
  await noProblems(view);
});

test('metrics: an error shows the API\'s message; Retry posts `refresh`; no Retry when it cannot help', async ({ open, page, saveScreenshot }) => {
  const view = await open('metrics');
  await view.send(init());
  await view.send({ type: 'loading' });
  assert.ok(await page.locator('#busy').isVisible(), 'the progress ring shows while loading');
  const message = 'Loading the metrics of "web-1" failed: service unavailable (service_error)';
  await view.send({ type: 'error', message, canRetry: true });
  await page.locator('#error').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#error-message').textContent(), message);
  assert.equal(await page.locator('#busy').isVisible(), false);
  await saveScreenshot('metrics-error');
  await view.clearPosted();
  await page.getByRole('button', { name: 'Retry loading the metrics' }).click();
  assert.deepEqual(await view.waitForPosted('refresh'), { type: 'refresh' });
  await view.send({ type: 'error', message: 'Server "web-1" (ID 42) no longer exists in project "p".', canRetry: false });
  await page.locator('#error-message', { hasText: 'no longer exists' }).waitFor();
  assert.equal(await page.locator('#retry').isVisible(), false);
  await noProblems(view);
});

test('metrics: picking a range posts setRange; a custom range is checked before it is sent', async ({ open, page }) => {
  const { view } = await drawFixture(open);
  await view.clearPosted();
  await pickRange(page, 'Last 7 days');
  assert.deepEqual(await view.waitForPosted('setRange'), { type: 'setRange', range: { kind: 'preset', id: '7d' } });
  // The page keeps the choice (and the default: no auto-refresh beyond 24 hours) for a reload.
  assert.deepEqual(await view.state(), { ...STATE, range: { kind: 'preset', id: '7d' }, autoRefresh: false });
  await view.clearPosted();
  await pickRange(page, 'Custom…');
  await page.locator('#custom').waitFor({ state: 'visible' });
  const fill = async (selector, text) => {
    const input = page.locator(`${selector} input`);
    await input.fill(text);
  };
  await fill('#custom-start', '2026-01-02 10:00');
  await fill('#custom-end', '2026-01-02 09:00');
  await page.locator('#custom-apply').click();
  await page.locator('#custom-message', { hasText: 'The start must be before the end.' }).waitFor();
  await fill('#custom-start', 'yesterday');
  await page.locator('#custom-apply').click();
  await page.locator('#custom-message', { hasText: 'Enter the start as YYYY-MM-DD HH:MM (local time).' }).waitFor();
  assert.deepEqual((await view.posted()).filter((m) => m.type === 'setRange'), [], 'nothing sent for an invalid range');
  // A valid range within the last 30 days (local time, as typed).
  const { startText, endText, start, end } = await page.evaluate(() => {
    const p = (n) => String(n).padStart(2, '0');
    const fmt = (d) => `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
    const e = new Date(Date.now() - 2 * 86_400_000);
    e.setSeconds(0, 0);
    const s = new Date(e.getTime() - 6 * 3_600_000);
    return { startText: fmt(s), endText: fmt(e), start: s.getTime() / 1000, end: e.getTime() / 1000 };
  });
  await fill('#custom-start', startText);
  await fill('#custom-end', endText);
  await page.locator('#custom-end input').press('Enter');
  assert.deepEqual(await view.waitForPosted('setRange'), { type: 'setRange', range: { kind: 'custom', start, end } });
  await noProblems(view);
});

test('metrics: Refresh, auto-refresh and Export CSV post their messages', async ({ open, page }) => {
  const view = await open('metrics');
  await view.send(init());
  assert.equal(await page.locator('#export').getAttribute('disabled'), '', 'nothing to export before data');
  assert.match(await page.locator('#auto-refresh').textContent(), /Auto-refresh \(every 5 min\)/);
  await view.send(fixtureData());
  await view.waitForPosted('rendered');
  await page.getByRole('button', { name: 'Export the shown metrics as CSV' }).click();
  assert.deepEqual(await view.waitForPosted('exportCsv'), { type: 'exportCsv' });
  await page.getByRole('button', { name: 'Refresh the metrics now' }).click();
  assert.deepEqual(await view.waitForPosted('refresh'), { type: 'refresh' });
  await page.locator('#auto-refresh').click();
  assert.deepEqual(await view.waitForPosted('setAutoRefresh'), { type: 'setAutoRefresh', enabled: false });
  assert.equal((await view.state()).autoRefresh, false);
  await noProblems(view);
});

test('metrics: light and high-contrast themes draw with their own colours; a theme switch redraws', async ({ open, page, saveScreenshot }) => {
  let { view } = await drawFixture(open, { theme: 'light' });
  const light = await colourPixels(page, '#1a85ff');
  for (const id of ids) assert.ok(light[id] > 200, `light: chart ${id} uses the light charts-blue (${light[id]})`);
  await saveScreenshot('metrics-light');
  await noProblems(view);

  ({ view } = await drawFixture(open, { theme: 'high-contrast' }));
  const hcText = await colourPixels(page, '#ffffff');
  for (const id of ids) assert.ok(hcText[id] > 50, `high contrast: chart ${id} has white axis text (${hcText[id]})`);
  const hcBlue = await colourPixels(page, '#3794ff');
  for (const id of ids) assert.ok(hcBlue[id] > 200, `high contrast: chart ${id} draws its line (${hcBlue[id]})`);

  // VS Code changes the variables in place when the user switches themes.
  await page.evaluate(() => document.documentElement.style.setProperty('--vscode-charts-blue', '#ff00ff'));
  await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--vscode-charts-blue').trim() === '#ff00ff');
  await page.waitForFunction(() => {
    const c = document.querySelector('figure[data-chart="cpu"] canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    for (let i = 0; i < data.length; i += 4) if (data[i] > 230 && data[i + 1] < 30 && data[i + 2] > 230) return true;
    return false;
  });
  const magenta = await colourPixels(page, '#ff00ff');
  for (const id of ids) assert.ok(magenta[id] > 200, `after the switch chart ${id} is redrawn in the new colour (${magenta[id]})`);
  await noProblems(view);
});

test('metrics: the saved state comes back on reload (range, auto-refresh, server name) before the extension answers', async ({ open, page }) => {
  const saved = { ...STATE, target: { ...STATE.target, name: 'db-1' }, range: { kind: 'custom', start: T0, end: T0 + 7200 }, autoRefresh: false };
  const view = await open('metrics', { state: saved });
  assert.equal(await page.locator('#title').textContent(), 'Metrics: db-1');
  assert.equal(await page.locator('#range').evaluate((e) => e.value), 'custom');
  assert.ok(await page.locator('#custom').isVisible());
  assert.equal(await page.locator('#auto-refresh').evaluate((e) => e.checked), false);
  // A saved state that does not parse is ignored (the page waits for the extension's init).
  await view.send(init());
  assert.deepEqual(await view.state(), STATE);
  await noProblems(view);
});

test('metrics: a state saved before Load Balancers had metrics (serverId, serverName) still comes back', async ({ open, page }) => {
  const view = await open('metrics', { state: { projectId: 'p-1', serverId: 42, serverName: 'old-1', range: { kind: 'preset', id: '6h' }, autoRefresh: true } });
  assert.equal(await page.locator('#title').textContent(), 'Metrics: old-1');
  assert.equal(await page.locator('#range').evaluate((e) => e.value), '6h');
  await noProblems(view);
});

test('metrics: invalid messages are dropped without drawing or throwing', async ({ open, page }) => {
  const view = await open('metrics', { state: { projectId: 'p', serverId: -1 } });
  assert.equal(await page.locator('#title').textContent(), 'Metrics', 'an invalid saved state is not used');
  await view.send(init());
  await view.send({ type: 'data', start: T0, end: T0 + 60, step: 60, series: { cpu: { timestamps: [T0], values: ['12'] } } });
  await view.send({ type: 'data', start: T0, end: T0 + 60, step: 60, series: { cpu: { timestamps: [T0, T0 + 60], values: [1] } } });
  await view.send({ type: 'script', code: 'alert(1)' });
  await view.send(fixtureData(10));
  const rendered = await view.waitForPosted('rendered');
  assert.equal(rendered.samples, 90, 'only the valid data message was drawn');
  assert.equal((await view.posted()).filter((m) => m.type === 'rendered').length, 1);
  await noProblems(view);
});

/** The left edge (CSS px) of each chart's plot area, by chart id. */
const plotLefts = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#charts figure.chart')].map((f) => [f.dataset.chart, f.querySelector('.u-over')?.getBoundingClientRect().left])));

test('metrics: every chart\'s y axis has the same width, so the plot areas start at the same x under the shared hover line', async ({ open, page }) => {
  const { view } = await drawFixture(open);
  // The labels differ in width (`100%` for CPU, `3 MB/s` for bandwidth, `1.2k packets/s`): the axes agree on the widest.
  const lefts = async () => {
    await page.waitForTimeout(50); // the axes agree in a second layout, a microtask after the first
    return plotLefts(page);
  };
  const first = await lefts();
  assert.deepEqual(Object.keys(first), ids);
  assert.ok(first.cpu > 0, `the plot area is right of a y axis (${first.cpu})`);
  for (const id of ids) assert.equal(first[id], first.cpu, `chart ${id} starts at the CPU chart's x: ${JSON.stringify(first)}`);
  // New data with narrower labels (small values): still one width for all.
  const small = fixtureData();
  for (const s of Object.values(small.series)) s.values = s.values.map((v) => v / 1e6);
  small.series.cpu.values = small.series.cpu.values.map(() => 100);
  await view.send(small);
  await view.waitForPosted('rendered', { n: 2 });
  const second = await lefts();
  for (const id of ids) assert.equal(second[id], second.cpu, `after new data, chart ${id}: ${JSON.stringify(second)}`);
  await noProblems(view);
});

test('metrics: a server that is not running gets a note with the time of its last activity; a running one none', async ({ open, page, saveScreenshot }) => {
  const view = await open('metrics');
  await view.send(init());
  const off = fixtureData();
  // It went off after sample 399: zeros from then on, in every series.
  for (const s of Object.values(off.series)) s.values = s.values.map((v, i) => (i < 400 ? v : 0));
  await view.send({ ...off, notRunning: 'off' });
  await view.waitForPosted('rendered');
  const since = await page.evaluate((t) => {
    const d = new Date(t * 1000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  }, T0 + 399 * STEP);
  const note = page.locator('#not-running');
  assert.ok(await note.isVisible());
  assert.equal(await note.textContent(), `The server is off: no data since ${since}.`);
  await saveScreenshot('metrics-off');
  // No activity at all in the range.
  for (const s of Object.values(off.series)) s.values = s.values.map(() => 0);
  await view.send({ ...off, notRunning: 'stopping' });
  await view.waitForPosted('rendered', { n: 2 });
  assert.equal(await note.textContent(), 'The server is stopping: no data in this time range.');
  // Running again: no note.
  await view.send(fixtureData());
  await view.waitForPosted('rendered', { n: 3 });
  assert.equal(await note.isVisible(), false);
  // A status the protocol does not know is not shown (the message is dropped).
  await view.send({ ...off, notRunning: '<b>x</b>' });
  await page.waitForTimeout(50);
  assert.equal((await view.posted()).filter((m) => m.type === 'rendered').length, 3, 'nothing drawn');
  assert.equal(await note.isVisible(), false);
  await noProblems(view);
});
