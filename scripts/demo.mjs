// The demo: builds and packages the extension, starts the simulator with the demo project (its
// state kept in .cache/demo/sim-state.json, so changes survive a restart), installs the .vsix into
// a code-server of the project's own, starts it with HCLOUD_TOKEN / HCLOUD_ENDPOINT pointing at
// the simulator, and prints the URL to open. Ctrl-C stops everything it started.
//
//   npm run demo [-- --port=8080] [--sim-port=4780] [--reset] [--check] [--no-build]
//
// --reset  starts from a fresh demo project and a fresh VS Code profile.
// --no-build  packages dist/ and media/dist/ as they are and runs the simulator from out/ (npm test
//          builds them once for all its phases, which run at the same time).
// --check  opens the URL in headless Chromium, checks that the Hetzner Cloud view lists the demo
//          servers, that Show Metrics draws a running server's charts (light and dark theme) and
//          that Show Action Log lists the project's actions, that Open Console shows the
//          simulator's screen and that Show Costs draws the project's costs, saves screenshots
//          (demo.png, statusbar.png, metrics-light.png, metrics-dark.png, action-log.png, console.png, costs.png)
//          in test-output/demo/ (or in
//          --shots=<folder>, e.g. --shots=docs for the README's) and exits. npm test runs it as its
//          demo phase, with --port=0 --sim-port=0: free ports, and a fresh .cache/demo-check/ so it
//          never touches the demo's own state.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureCodeServer } from './vscode/ensure-code-server.mjs';
import { launchBrowser, onCleanup, parseArgs, projectRoot, seconds, startCodeServer, waitForWorkbench } from './vscode/harness.mjs';
import { canvasPixelsOf, drawnPixels, Workbench } from '../test/support/workbench.mjs';

const started = Date.now();
const opts = parseArgs();
function portOption(name, fallback) {
  const value = opts[name] ?? String(fallback);
  if (!/^\d+$/.test(String(value)) || Number(value) > 65535) {
    console.error(`demo: --${name}=<port> needs a port number (0 picks a free one), got ${value === true ? 'no value' : value}`);
    process.exit(2);
  }
  return Number(value);
}
const port = portOption('port', 8080);
const simPort = portOption('sim-port', 4780);
const demoDir = join(projectRoot, '.cache', opts.check ? 'demo-check' : 'demo');
const TOKEN = 'demo';

function step(text) {
  console.log(`demo: ${text} (${seconds(Date.now() - started)})`);
}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${what} failed (${cmd} ${args.join(' ')})`);
  }
  return r.stdout;
}

/** The simulator CLI in a child process; resolves with its /v1 URL once it listens. */
function startSimulator() {
  const child = spawn(process.execPath, [
    join(projectRoot, 'out', 'src', 'sim', 'cli.js'),
    '--port', String(simPort), '--token', TOKEN, '--state', join(demoDir, 'sim-state.json'),
  ], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  onCleanup(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
  });
  // Also on any other way out (an error, process.exit): SIGTERM makes it save its state and stop.
  process.on('exit', () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator exited with code ${code} (is port ${simPort} taken? try --sim-port)`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /listening on (http:\/\/\S+\/v1)/.exec(line);
      if (m) resolve({ url: m[1], child });
    });
  });
}

/** The status bar's request item: the demo project's requests left, its tooltip hovered; screenshot statusbar.png. */
async function checkStatusBar(page, shots) {
  const wb = new Workbench(page);
  const item = page.getByRole('button', { name: /^Hetzner Cloud requests of / });
  await wb.until(async () => /\d\/[\d,]+$/.test(((await item.textContent()) ?? '').trim()), 'the status bar shows the demo project\'s requests left', 30_000);
  await item.hover();
  const hover = page.locator('.monaco-hover').filter({ hasText: 'Hetzner Cloud requests of' });
  await hover.waitFor({ state: 'visible' });
  const box = await hover.boundingBox();
  const size = page.viewportSize();
  const top = Math.max(0, Math.floor(box.y) - 16);
  await page.screenshot({ path: join(shots, 'statusbar.png'), clip: { x: 0, y: top, width: Math.min(size.width, Math.ceil(box.x + box.width) + 40), height: size.height - top } });
  step(`check: the status bar shows ${((await item.textContent()) ?? '').trim()}`);
  await wb.parkMouse();
}

/** Show Metrics of `server` (light theme, then dark) and Show Action Log of the project, with screenshots. */
async function checkPanels(page, rows, server, shots) {
  const wb = new Workbench(page);
  const webview = wb.webview();
  await wb.contextMenu(rows.filter({ hasText: server }).first(), 'Show Metrics', page.locator('.tab', { hasText: `Metrics: ${server}` }));
  const canvases = webview.locator('#charts figure.chart canvas');
  await wb.until(async () => (await canvases.count()) === 5, 'the metrics panel shows five charts', 30_000);
  // charts.blue of the Light Modern and Dark Modern themes.
  await wb.until(async () => (await canvasPixelsOf(canvases.first(), '#1a85ff')) > 200, 'the CPU chart is drawn in the light theme', 30_000);
  await wb.parkMouse();
  await page.screenshot({ path: join(shots, 'metrics-light.png') });
  await wb.colorTheme('Dark Modern');
  await wb.until(async () => (await canvasPixelsOf(canvases.first(), '#3794ff')) > 200, 'the CPU chart is redrawn in the dark theme', 30_000);
  await wb.parkMouse();
  await page.screenshot({ path: join(shots, 'metrics-dark.png') });
  step(`check: Show Metrics draws the five charts of "${server}" in the light and the dark theme`);

  await wb.runCommand('View: Close All Editors');
  await wb.contextMenu(rows.filter({ hasText: 'HCLOUD_TOKEN' }).first(), 'Show Action Log', page.locator('iframe.webview.ready'));
  const actions = webview.locator('#actions tbody tr');
  await wb.until(async () => (await actions.count()) >= 3, 'the action log lists the demo project\'s actions', 30_000);
  await wb.parkMouse();
  await page.screenshot({ path: join(shots, 'action-log.png') });
  step(`check: Show Action Log lists ${await actions.count()} actions of the demo project`);
}

/** Open Console on `server`: the simulator's screen in the console tab, a typed word echoed; screenshot console.png. */
async function checkConsole(page, rows, server, shots) {
  const wb = new Workbench(page);
  await wb.runCommand('View: Close All Editors');
  await wb.contextMenu(rows.filter({ hasText: server }).first(), 'Open Console', page.locator('.tab', { hasText: `Console: ${server}` }));
  const canvas = wb.webview().locator('#screen canvas');
  // The simulator's red title band (src/sim/console/screen.ts).
  await wb.until(async () => (await canvas.count()) > 0 && (await canvasPixelsOf(canvas, '#d50c2d')) >= 10_000, 'the console shows the simulator\'s screen', 30_000);
  // The simulator echoes typed keys in its text colour: wait until the whole word is drawn.
  const text = () => canvasPixelsOf(canvas, '#d8dce0');
  const before = await text();
  await canvas.click();
  await page.keyboard.type('root');
  let last = -1;
  await wb.until(async () => {
    const now = await text();
    const settled = now > before && now === last;
    last = now;
    return settled;
  }, 'the typed word is echoed on the console', 30_000);
  await wb.parkMouse();
  await page.screenshot({ path: join(shots, 'console.png') });
  // The screen takes every key while it has focus: give the workbench the keyboard back.
  await wb.sideBarTitle().click();
  step(`check: Open Console shows the screen of "${server}"`);
}

/** Show Costs of the demo project: the total, the chart and the tables; screenshot costs.png. */
async function checkCosts(page, rows, shots) {
  const wb = new Workbench(page);
  await wb.runCommand('View: Close All Editors');
  await wb.contextMenu(rows.filter({ hasText: 'HCLOUD_TOKEN' }).first(), 'Show Costs', page.locator('iframe.webview.ready'));
  const webview = wb.webview();
  await wb.until(async () => (await webview.locator('#by-resource tbody tr').count()) >= 5, 'Show Costs lists the demo project\'s billed resources', 30_000);
  // Drawn, not only there: uPlot's bars fill thousands of the canvas's pixels.
  const drawn = () => drawnPixels(webview.locator('#chart canvas'));
  await wb.until(async () => (await webview.locator('#chart canvas').count()) === 1 && (await drawn()) > 2000, 'Show Costs draws its chart', 30_000);
  await wb.parkMouse();
  await page.screenshot({ path: join(shots, 'costs.png') });
  step(`check: Show Costs shows ${(await webview.locator('#total').textContent())?.trim()}`);
}

async function check(origin, servers, running) {
  const shots = typeof opts.shots === 'string' ? join(projectRoot, opts.shots) : join(projectRoot, 'test-output', 'demo');
  mkdirSync(shots, { recursive: true });
  const dirs = { profile: join(demoDir, 'check-browser-profile'), home: join(demoDir, 'check-home') };
  rmSync(dirs.profile, { recursive: true, force: true });
  mkdirSync(dirs.home, { recursive: true });
  const context = await launchBrowser({ dirs });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(30_000);
    await page.goto(origin);
    await waitForWorkbench(page);
    await page.locator('.activitybar a.action-label[aria-label="Hetzner Cloud"]').click();
    const rows = page.locator('[id="workbench.view.extension.hcloud"] .monaco-list[role="tree"] .monaco-list-row');
    // The environment project opens expanded when it is the only project: click it only if it did not.
    const serversFolder = rows.filter({ hasText: /^Servers/ }).first();
    await rows.filter({ hasText: 'HCLOUD_TOKEN' }).waitFor({ state: 'visible' });
    if (!(await serversFolder.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) await rows.filter({ hasText: 'HCLOUD_TOKEN' }).click();
    await serversFolder.click();
    for (const name of servers) await rows.filter({ hasText: name }).first().waitFor({ state: 'visible' });
    await page.mouse.move(1300, 450);
    await page.screenshot({ path: join(shots, 'demo.png') });
    step(`check: the Hetzner Cloud view lists the ${servers.length} demo servers; screenshot ${join(shots, 'demo.png')}`);
    await checkStatusBar(page, shots);
    await checkPanels(page, rows, running, shots);
    await checkConsole(page, rows, running, shots);
    await checkCosts(page, rows, shots);
    console.log('demo: 1 passed, 0 failed, 0 skipped');
  } finally {
    await context.close();
  }
}

try {
  if (opts.reset || opts.check) rmSync(demoDir, { recursive: true, force: true });
  mkdirSync(demoDir, { recursive: true });

  if (!opts['no-build']) run(process.execPath, ['scripts/build.mjs', '--tests', '--quiet'], 'the build');
  run('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', join(demoDir, 'hetzner-cloud.vsix')], 'packaging the extension');
  step(`${opts['no-build'] ? 'packaged' : 'built and packaged'} the extension`);

  const entryJs = await ensureCodeServer();
  const dirs = {
    root: demoDir,
    home: join(demoDir, 'home'),
    userData: join(demoDir, 'user-data'),
    extensions: join(demoDir, 'extensions'),
    workspace: join(demoDir, 'workspace'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  run(process.execPath, [entryJs, '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', join(demoDir, 'hetzner-cloud.vsix'), '--force'], 'installing the extension into code-server');
  step(`installed the extension into code-server (${readdirSync(dirs.extensions).filter((d) => d.includes('hetzner')).join(', ')})`);

  const sim = await startSimulator();
  step(`simulator with the demo project on ${sim.url} (token "${TOKEN}", state in ${join('.cache', basename(demoDir), 'sim-state.json')})`);

  const server = await startCodeServer({
    dirs,
    port,
    env: { HCLOUD_TOKEN: TOKEN, HCLOUD_ENDPOINT: sim.url },
  });
  onCleanup(() => server.stop());
  const url = `${server.origin}/?folder=${encodeURIComponent(dirs.workspace)}`;

  if (opts.check) {
    const res = await fetch(`${sim.url}/servers?per_page=50`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const { servers } = await res.json();
    const running = servers.find((s) => s.status === 'running' && s.name === 'web-1') ?? servers.find((s) => s.status === 'running');
    await check(url, servers.map((s) => s.name), running.name);
    await server.stop();
    sim.child.kill('SIGTERM');
    process.exit(0);
  }

  console.log(`\n  Hetzner Cloud demo ready in ${seconds(Date.now() - started)}: open ${url}`);
  console.log('  The Hetzner Cloud view is in the activity bar (cloud icon); its project "HCLOUD_TOKEN" is the simulator.');
  console.log('  Press Ctrl-C to stop code-server and the simulator.\n');
  await new Promise(() => {}); // until Ctrl-C: the harness's signal handler stops everything
} catch (err) {
  console.error(`demo: ERROR: ${err.message}`);
  if (opts.check) console.log('demo: 0 passed, 1 failed, 0 skipped');
  if (existsSync(join(demoDir, 'code-server.log'))) console.error('demo: code-server log: .cache/demo/code-server.log');
  process.exit(1);
}
