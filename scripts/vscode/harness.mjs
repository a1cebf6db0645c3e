// Helpers that run the extension inside real VS Code: code-server (VS Code's server and web
// workbench, installed offline by ensure-code-server.mjs) driven by headless Chromium through
// playwright-core. Used by run-integration.mjs, the e2e fixtures (test/support/e2eTest.mjs), the
// demo (scripts/demo.mjs), the tree-paint benchmark and .vscode-test.mjs; plain ESM, no build step.
//
// Every run gets fresh folders (HOME, XDG_*, user-data-dir, extensions-dir, browser profile)
// in a temp folder, so nothing is read from or written to the real home folder. Everything
// started here is stopped by session.close(), on Ctrl-C/SIGTERM, and (as a last resort) when
// the process exits.
import { spawn, spawnSync } from 'node:child_process';
import {
  createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './ensure-code-server.mjs';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const chromiumPath = process.env.HCLOUD_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', // /dev/shm is small in containers
];
/** Settings that keep the workbench quiet and deterministic (no welcome page, no update or gallery checks). */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  // The palette lists exact matches only, in a fixed order: "similar commands" arrive late and
  // re-order the list under a scenario's Enter (seen in CI: Show Log chose another row), and the
  // recently-used section moves rows between runs.
  'workbench.commandPalette.experimental.enableNaturalLanguageSearch': false,
  'workbench.commandPalette.experimental.suggestCommands': false,
  'workbench.commandPalette.history': 0,
};
// Environment variables that would change how code-server starts (PORT overrides
// --bind-addr, VSCODE_IPC_HOOK_CLI makes it open a folder in another instance, ...).
const STRIPPED_ENV = /^(VSCODE_|ELECTRON_|CODE_SERVER_|CS_)|^(PORT|PASSWORD|HASHED_PASSWORD|GITHUB_TOKEN|EXTENSIONS_GALLERY)$/;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Cleanup on every way out

const cleanups = new Set();
const codeServerGroups = new Set();
let signalsHooked = false;

function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.once(signal, async () => {
      console.error(`\nharness: ${signal}, shutting down VS Code and the browser`);
      const all = [...cleanups].map((fn) => fn().catch(() => {}));
      await Promise.race([Promise.all(all), sleep(10_000)]);
      process.exit(code);
    });
  }
  // Last resort, synchronous: no code-server process may outlive us.
  process.on('exit', () => {
    for (const pgid of codeServerGroups) {
      try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
    }
  });
}

/** Registers an async cleanup run on Ctrl-C/SIGTERM; returns a function that unregisters it. */
export function onCleanup(fn) {
  hookSignals();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

// ---------------------------------------------------------------------------------------------
// Small utilities

/** Resolves with `promise`, or rejects with `message` after `ms`. */
export function withTimeout(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new TimeoutError(message)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
export class TimeoutError extends Error {}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Reads `--name=value` / `--flag` options. */
export function parseArgs(argv = process.argv.slice(2)) {
  const opts = {};
  for (const arg of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (m) opts[m[1]] = m[2] ?? true;
  }
  return opts;
}

/** A fresh, empty test-output/<name>/ folder. */
export function freshOutputDir(name) {
  const dir = join(projectRoot, 'test-output', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Builds dist/extension.js and transpiles src/ + test/ into `outdir` (default out-vsc). */
export function buildForTests(outdir) {
  const started = Date.now();
  const r = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'build.mjs'), '--tests', '--quiet', `--outdir=${outdir}`], {
    cwd: projectRoot, stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error(`build failed (node scripts/build.mjs --tests --outdir=${outdir} exited with ${r.status})`);
  console.log(`harness: built dist/ and ${outdir}/ in ${seconds(Date.now() - started)}`);
}

/** Installs Chromium through ensure-chromium.sh when it is missing (as root; otherwise it prints the command). */
export function ensureChromium() {
  if (existsSync(chromiumPath)) return;
  const r = spawnSync('bash', [join(projectRoot, 'scripts', 'vscode', 'ensure-chromium.sh')], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing and scripts/vscode/ensure-chromium.sh could not install it`);
  }
}

/** Proportional set size (MB) of a process and all its descendants, from /proc. */
export function treePssMb(rootPids) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch { /* exited */ }
  }
  let kb = 0;
  const seen = new Set();
  const stack = [...rootPids];
  while (stack.length) {
    const pid = stack.pop();
    if (seen.has(pid)) continue;
    seen.add(pid);
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* exited or not readable */ }
    stack.push(...(children.get(pid) ?? []));
  }
  return Math.round(kb / 1024);
}

/** pids of processes whose command line contains `needle` (used to find the browser). */
export function pidsWithArg(needle) {
  const pids = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(needle)) pids.push(Number(name));
    } catch { /* exited */ }
  }
  return pids;
}

// ---------------------------------------------------------------------------------------------
// code-server

/** Fresh folders for one run, in a temp folder. */
export function makeRunDirs(label = 'vsc') {
  const root = mkdtempSync(join(tmpdir(), `hcloud-${label}-`));
  const dirs = {
    root,
    home: join(root, 'home'),
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    workspace: join(root, 'workspace'),
    profile: join(root, 'browser-profile'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return dirs;
}

/** Writes QUIET_SETTINGS, with `settings` over them, as the user settings of `userDataDir`. */
export function writeUserSettings(userDataDir, settings = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

function isolatedEnv(home, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!STRIPPED_ENV.test(k)) env[k] = v;
  return {
    ...env,
    ...extra,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
  };
}

/**
 * Starts code-server on a free loopback port and waits for /healthz.
 * @param {object} o
 * @param {ReturnType<typeof makeRunDirs>} o.dirs
 * @param {Record<string,string>} [o.env] extra environment for code-server and the extension host
 * @param {object} [o.settings] user settings (merged over QUIET_SETTINGS)
 * @param {number} [o.startTimeoutMs]
 * @param {number} [o.port] a fixed port (default: a free one, retried when taken)
 */
export async function startCodeServer({ dirs, env = {}, settings = {}, startTimeoutMs = 60_000, port: fixedPort }) {
  const entryJs = await ensureCodeServer({ quiet: true });
  writeUserSettings(dirs.userData, settings);
  const configFile = join(dirs.root, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\n');
  const logFile = join(dirs.root, 'code-server.log');

  let lastError;
  for (let attempt = 1; attempt <= (fixedPort ? 1 : 3); attempt++) {
    const port = fixedPort || (await freePort());
    const args = [
      entryJs,
      '--config', configFile,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      dirs.workspace,
    ];
    const childEnv = isolatedEnv(dirs.home, {
      // An unreachable gallery fails at once instead of waiting on DNS.
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
      ...env,
    });
    const out = createWriteStream(logFile, { flags: 'a' });
    const tail = [];
    const child = spawn(process.execPath, args, { cwd: dirs.root, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    codeServerGroups.add(child.pid);
    hookSignals();
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        out.write(chunk);
        tail.push(...chunk.toString().split('\n').filter(Boolean));
        tail.splice(0, Math.max(0, tail.length - 40));
      });
    }
    let exited = null;
    const exitedPromise = new Promise((r) => child.on('exit', (code, signal) => { exited = signal ?? code; r(); }));

    const server = {
      port,
      origin: `http://127.0.0.1:${port}`,
      pid: child.pid,
      logFile,
      entryJs,
      /** SIGTERM to the process group, SIGKILL after 5 s; always kills leftovers of the group. */
      async stop() {
        if (exited === null) {
          try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
          await Promise.race([exitedPromise, sleep(5000)]);
        }
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group empty */ }
        codeServerGroups.delete(child.pid);
        await new Promise((r) => out.end(r));
      },
    };

    const started = Date.now();
    try {
      await withTimeout((async () => {
        for (;;) {
          if (exited !== null) throw new Error(`code-server exited (${exited}) before it was healthy:\n  ${tail.join('\n  ')}`);
          try {
            const res = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(2000) });
            if (res.ok) return;
          } catch { /* not listening yet */ }
          await sleep(200);
        }
      })(), startTimeoutMs, `code-server was not healthy after ${seconds(startTimeoutMs)}; last output:\n  ${tail.join('\n  ')}`);
      console.log(`harness: code-server up on ${server.origin} in ${seconds(Date.now() - started)} (pid ${child.pid})`);
      return server;
    } catch (err) {
      await server.stop();
      lastError = err;
      if (!/EADDRINUSE/.test(String(err.message))) break;
      console.log(`harness: port ${port} was taken, retrying`);
    }
  }
  throw lastError;
}

// ---------------------------------------------------------------------------------------------
// Chromium

/** Headless Chromium with a fresh profile, through playwright-core. */
export async function launchBrowser({ dirs, headless = true, viewport = { width: 1400, height: 900 } }) {
  ensureChromium();
  const { chromium } = await import('playwright-core');
  const started = Date.now();
  const context = await chromium.launchPersistentContext(dirs.profile, {
    executablePath: chromiumPath,
    headless,
    args: CHROMIUM_ARGS,
    env: isolatedEnv(dirs.home),
    viewport,
    handleSIGINT: false, // our own handler closes the browser and code-server together
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: 60_000,
  });
  console.log(`harness: chromium up in ${seconds(Date.now() - started)}`);
  return context;
}

/**
 * The workbench URL that opens `folder` and loads the extension from `extensionDevelopmentPath`
 * (development mode), optionally running the test entry `extensionTestsPath` in the extension host.
 */
export function workbenchUrl({ port, folder, extensionDevelopmentPath = projectRoot, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${resolve(p)}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDevelopmentPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Waits for the workbench shell to render. */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

// ---------------------------------------------------------------------------------------------
// A session: code-server + browser, stopped together

/**
 * Starts code-server and Chromium with fresh folders.
 * @returns {Promise<{dirs, server, context, consoleLines: string[], close(): Promise<void>, memory(): {codeServerMb:number, browserMb:number}, exthostLogs(): string[], saveLogs(dest:string): void}>}
 */
export async function startSession({ label = 'vsc', env = {}, settings = {}, keepDirs = !!process.env.HCLOUD_VSC_KEEP } = {}) {
  const dirs = makeRunDirs(label);
  let server;
  let context;
  let closed = false;
  const consoleLines = [];
  const close = async () => {
    if (closed) return;
    closed = true;
    unregister();
    if (context) await withTimeout(context.close(), 15_000, 'browser close timed out').catch((e) => console.error(`harness: ${e.message}`));
    if (server) await server.stop();
    if (keepDirs) console.log(`harness: kept run folder ${dirs.root}`);
    else rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
  };
  const unregister = onCleanup(close);
  try {
    server = await startCodeServer({ dirs, env, settings });
    context = await launchBrowser({ dirs });
    context.on('page', (page) => {
      page.on('console', (msg) => consoleLines.push(`[${msg.type()}] ${msg.text()}`));
      page.on('pageerror', (err) => consoleLines.push(`[pageerror] ${err.message}`));
    });
  } catch (err) {
    await close();
    throw err;
  }
  return {
    dirs,
    server,
    context,
    consoleLines,
    close,
    url: (opts = {}) => workbenchUrl({ port: server.port, folder: dirs.workspace, ...opts }),
    memory: () => ({ codeServerMb: treePssMb([server.pid]), browserMb: treePssMb(pidsWithArg(dirs.profile)) }),
    /** The extension host logs of this run (remoteexthost.log and the extension's own output channels). */
    exthostLogs: () => findFiles(join(dirs.userData, 'logs'), (p) => /exthost/.test(p) && p.endsWith('.log')),
    /** Copies code-server's log, the user-data logs and the browser console into `dest`. */
    saveLogs(dest) {
      mkdirSync(dest, { recursive: true });
      if (existsSync(server.logFile)) cpSync(server.logFile, join(dest, 'code-server.log'));
      const logs = join(dirs.userData, 'logs');
      if (existsSync(logs)) cpSync(logs, join(dest, 'vscode-logs'), { recursive: true });
      writeFileSync(join(dest, 'browser-console.log'), consoleLines.join('\n') + '\n');
    },
  };
}

function findFiles(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((p) => join(dir, String(p)))
    .filter((p) => keep(p));
}
