// Installs code-server (VS Code's server + web workbench, from the npm registry) into the
// project's cache folder, .cache/code-server/, when it is missing. Idempotent: a marker file
// makes the second run take milliseconds.
//
//   node scripts/vscode/ensure-code-server.mjs [--force]
//
// Env: HCLOUD_CODE_SERVER_DIR overrides the cache folder.
//
// What stands in the way of a plain `npm install code-server` here, and how it is handled:
// - npm 11 blocks dependency install scripts unless approved. The cache folder gets its own
//   package.json whose `allowScripts` approves argon2 (pinned). code-server's own postinstall
//   runs `npm install` again inside lib/vscode, a separate npm project with no policy, so it
//   is denied in the first pass; we then add an `allowScripts` field (exact versions, read from
//   a reviewed list below, each allowed or denied) to lib/vscode/package.json and run code-server's postinstall
//   ourselves with `npm run postinstall`.
// - node-gyp needs make, g++ and python3 (kerberos, which also needed libkrb5-dev, is not built).
//   Missing Debian packages are installed with apt-get when running as root.
// - @vscode/ripgrep 1.15.x downloads rg from GitHub. Its download cache
//   ($TMPDIR/vscode-ripgrep-cache-<version>/) is seeded with a tarball of the rg binary from
//   the npm package @vscode/ripgrep-linux-x64. TMPDIR points inside the cache folder.
// - code-server's postinstall refuses to run as root without npm_config_unsafe_perm=true;
//   node-pty's postinstall runs `npx node-gyp`, which needs npm_config_yes=true.
// - node-gyp cannot download Node headers offline: npm_config_nodedir points at the headers
//   that ship with the installed Node (nodesource / Debian packages put them in /usr/include/node).
// - Speed (the install is on npm test's critical path): npm_config_prefer_offline takes packages
//   that are in npm's cache without asking the registry again (code-server installs without a
//   lockfile, so otherwise each of its ~215 packages costs a round trip: 35-53 s instead of
//   19-23 s); JOBS=max lets node-gyp compile a module's files at once (make -j<cores>):
//   spdlog's two files took 70-90 s one after the other on a loaded machine.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, readdirSync, openSync, closeSync, statSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_BINARY_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';
// The asset @vscode/ripgrep 1.15.x looks for (its VERSION constant + target triple).
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

// Dependencies whose install scripts we reviewed and approve, per npm project.
// The top-level cache project: code-server itself is denied here and run by hand later.
const TOP_ALLOW = { 'argon2@0.31.2': true, 'code-server': false };
// lib/vscode (code-server 4.100.3 = VS Code 1.100.3): native modules built with node-gyp and
// ripgrep's download step (true), and the reviewed scripts that are not run (false):
// - two Windows-only modules whose gyp files build nothing on Linux (node-gyp still configured
//   them, a few CPU seconds each);
// - kerberos, which VS Code imports only to answer a proxy that asks for Negotiate/Kerberos
//   authentication; the tests use no proxy. Its four C++ files took 8-12 CPU seconds (40 s on a
//   machine loaded to 13), on npm test's critical path.
const VSCODE_SCRIPTS = {
  '@parcel/watcher@2.5.1': true,
  '@vscode/deviceid@0.1.1': true,
  '@vscode/ripgrep@1.15.11': true,
  '@vscode/spdlog@0.15.1': true,
  '@vscode/windows-process-tree@0.6.0': false,
  '@vscode/windows-registry@1.1.0': false,
  'kerberos@2.1.1': false,
  'native-watchdog@1.4.2': true,
  'node-pty@1.1.0-beta33': true,
};
// Native modules that must load after the install: [npm project under node_modules/code-server, module].
const NATIVE_CHECKS = [
  ['.', 'argon2'],
  ['lib/vscode', 'node-pty'],
  ['lib/vscode', '@vscode/spdlog'],
  ['lib/vscode', 'native-watchdog'],
  ['lib/vscode', '@parcel/watcher'],
  ['lib/vscode', '@vscode/deviceid'],
];

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = process.env.HCLOUD_CODE_SERVER_DIR || join(projectRoot, '.cache', 'code-server');
const packageDir = join(cacheDir, 'node_modules', 'code-server');
export const entryJs = join(packageDir, 'out', 'node', 'entry.js');
const markerPath = join(cacheDir, 'installed.json');
const logPath = join(cacheDir, 'install.log');
const tmpDir = join(cacheDir, 'tmp');

const log = (msg) => console.log(`code-server: ${msg}`);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

class SetupError extends Error {}

function wantedMarker() {
  return { codeServer: CODE_SERVER_VERSION, nodeAbi: process.versions.modules, platform: `${process.platform}-${process.arch}` };
}

function isInstalled() {
  if (!existsSync(markerPath) || !existsSync(entryJs)) return false;
  try {
    const marker = JSON.parse(readFileSync(markerPath, 'utf8'));
    return Object.entries(wantedMarker()).every(([k, v]) => marker[k] === v);
  } catch {
    return false;
  }
}

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new SetupError(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new SetupError(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

/** Debian packages the native builds need: a C++ toolchain. */
function ensureSystemPackages() {
  const missing = [];
  if (!have('make')) missing.push('make');
  if (!have('g++')) missing.push('g++');
  if (!have('python3')) missing.push('python3');
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !have('apt-get')) {
    throw new SetupError(`missing system packages: ${missing.join(', ')}. Install them as root with:\n  ${cmd}`);
  }
  log(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-q'], { env });
  run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}

/** Headers of the running Node, so node-gyp does not try to download them. */
function nodeDir() {
  const prefix = join(dirname(process.execPath), '..');
  if (existsSync(join(prefix, 'include', 'node', 'node.h'))) return prefix;
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  throw new SetupError(`no Node headers next to ${process.execPath} (include/node/node.h); node-gyp would need the internet. Set npm_config_nodedir.`);
}

function installEnv() {
  return {
    ...process.env,
    TMPDIR: tmpDir, // ripgrep's download cache lives under os.tmpdir()
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_nodedir: nodeDir(),
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_prefer_offline: 'true',
    JOBS: 'max', // node-gyp: make -j<cores>
    ...(existsSync('/usr/bin/python3') ? { PYTHON: '/usr/bin/python3' } : {}), // node-gyp's choice
  };
}

/** Runs a command with its output appended to install.log, printing a heartbeat. */
function runLogged(label, cmd, args, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const fd = openSync(logPath, 'a');
    writeFileSync(logPath, `\n### ${label}: (cd ${cwd} && ${cmd} ${args.join(' ')})\n`, { flag: 'a' });
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', fd, fd] });
    const beat = setInterval(() => log(`  ... ${label} still running (${seconds(Date.now() - started)})`), 30_000);
    const stop = () => { clearInterval(beat); closeSync(fd); };
    child.on('error', (err) => { stop(); reject(new SetupError(`${label}: ${err.message}`)); });
    child.on('exit', (code, signal) => {
      stop();
      if (code === 0) resolve(Date.now() - started);
      else reject(new SetupError(`${label} failed (${signal ?? `exit ${code}`}); see ${logPath}`));
    });
  });
}

function tailOfLog(lines = 60) {
  try {
    return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no install log)';
  }
}

/** Seeds @vscode/ripgrep's download cache with rg from the @vscode/ripgrep-linux-x64 npm package. */
function seedRipgrepCache(env) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new SetupError(`ripgrep seeding only knows linux-x64 (this is ${process.platform}-${process.arch})`);
  }
  const shrinkwrap = JSON.parse(readFileSync(join(packageDir, 'lib', 'vscode', 'npm-shrinkwrap.json'), 'utf8'));
  const versions = new Set(
    Object.entries(shrinkwrap.packages)
      .filter(([path, p]) => path.endsWith('node_modules/@vscode/ripgrep') && p.version.startsWith('1.15.'))
      .map(([, p]) => p.version),
  );
  if (versions.size === 0) return;
  const work = join(tmpDir, 'ripgrep-binary');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const packed = spawnSync('npm', ['pack', RIPGREP_BINARY_PACKAGE, '--pack-destination', work, '--json'], { cwd: work, env, encoding: 'utf8' });
  if (packed.status !== 0) throw new SetupError(`npm pack ${RIPGREP_BINARY_PACKAGE} failed:\n${packed.stderr}`);
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  run('tar', ['xzf', join(work, tgz), '-C', work]);
  const binDir = join(work, 'package', 'bin');
  if (!existsSync(join(binDir, 'rg'))) throw new SetupError(`${RIPGREP_BINARY_PACKAGE} has no bin/rg`);
  for (const version of versions) {
    const dir = join(tmpDir, `vscode-ripgrep-cache-${version}`);
    mkdirSync(dir, { recursive: true });
    run('tar', ['czf', join(dir, RIPGREP_ASSET), '-C', binDir, 'rg']);
    log(`seeded ripgrep cache for @vscode/ripgrep ${version} from ${RIPGREP_BINARY_PACKAGE}`);
  }
}

/** Adds our reviewed allowScripts policy to lib/vscode/package.json; fails on unreviewed scripts. */
function approveVscodeScripts() {
  const vscodeDir = join(packageDir, 'lib', 'vscode');
  const shrinkwrap = JSON.parse(readFileSync(join(vscodeDir, 'npm-shrinkwrap.json'), 'utf8'));
  const unreviewed = Object.entries(shrinkwrap.packages)
    .filter(([path, p]) => path && p.hasInstallScript && !p.dev && !(p.os && !p.os.includes(process.platform)))
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version}`)
    .filter((spec) => !(spec in VSCODE_SCRIPTS));
  if (unreviewed.length) {
    throw new SetupError(`lib/vscode has install scripts not in the reviewed list (VSCODE_SCRIPTS): ${unreviewed.join(', ')}`);
  }
  const pkgPath = join(vscodeDir, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.allowScripts = { ...VSCODE_SCRIPTS };
  writeFileSync(pkgPath, JSON.stringify(pkg, null, 2) + '\n');
}

/** Loads every native module and runs rg and `code-server --version`; throws on the first failure. */
function verify() {
  const problems = [];
  for (const [project, mod] of NATIVE_CHECKS) {
    const code = `require(require.resolve(${JSON.stringify(mod)}, { paths: [${JSON.stringify(join(packageDir, project))}] }))`;
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
    if (r.status !== 0) problems.push(`${mod} (${project}) does not load: ${r.stderr.trim().split('\n').slice(0, 6).join(' | ')}`);
  }
  const rg = join(packageDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (spawnSync(rg, ['--version']).status !== 0) problems.push(`${rg} does not run`);
  const home = join(tmpDir, 'home');
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local', 'share') };
  const r = spawnSync(process.execPath, [entryJs, '--version'], { encoding: 'utf8', env });
  const version = (r.stdout ?? '').split('\n').find((l) => l.startsWith(`${CODE_SERVER_VERSION} `));
  if (r.status !== 0 || !version) problems.push(`code-server --version: ${(r.stdout + r.stderr).trim()}`);
  if (problems.length) throw new SetupError(`install is broken:\n  - ${problems.join('\n  - ')}`);
  return version;
}

async function install() {
  ensureSystemPackages();
  for (const name of ['node_modules', 'package-lock.json', 'tmp', 'installed.json', 'install.log']) {
    rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
  mkdirSync(tmpDir, { recursive: true });
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify({
    name: 'hcloud-vscode-code-server-cache',
    private: true,
    description: 'code-server for the Hetzner Cloud extension tests; written by scripts/vscode/ensure-code-server.mjs',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: TOP_ALLOW,
  }, null, 2) + '\n');
  const env = installEnv();

  log(`1/4 npm install code-server@${CODE_SERVER_VERSION} (its postinstall deferred) into ${relative(process.cwd(), cacheDir) || cacheDir}`);
  let ms = await runLogged('npm install', 'npm', ['install', '--no-package-lock', '--omit=dev', '--foreground-scripts'], { cwd: cacheDir, env });
  log(`    done in ${seconds(ms)}`);

  log('2/4 seeding the ripgrep download cache, approving lib/vscode install scripts');
  seedRipgrepCache(env);
  approveVscodeScripts();

  log('3/4 running code-server\'s postinstall (npm install in lib/vscode and lib/vscode/extensions, native builds)');
  ms = await runLogged('code-server postinstall', 'npm', ['run', '--foreground-scripts', 'postinstall'], { cwd: packageDir, env });
  log(`    done in ${seconds(ms)}`);
  const skipped = readFileSync(logPath, 'utf8').split('\n').filter((l) => /install-scripts/.test(l) && !/code-server/.test(l));
  if (skipped.length) log(`npm reported skipped install scripts:\n  ${skipped.join('\n  ')}`);

  log('4/4 verifying native modules, rg and code-server --version');
  const version = verify();
  writeFileSync(markerPath, JSON.stringify({ ...wantedMarker(), installedAt: new Date().toISOString() }, null, 2) + '\n');
  rmSync(join(tmpDir, 'ripgrep-binary'), { recursive: true, force: true });
  return version;
}

/** Serialises concurrent installs (e.g. integration and e2e started together). */
async function withLock(fn) {
  const lock = `${cacheDir}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let pid = 0;
      try { pid = Number(readFileSync(join(lock, 'pid'), 'utf8')); } catch { /* being written */ }
      let alive = false;
      try { if (pid) { process.kill(pid, 0); alive = true; } } catch { /* gone */ }
      const age = Date.now() - (existsSync(lock) ? statSync(lock).mtimeMs : 0);
      if ((pid && !alive) || (!pid && age > 10_000)) { rmSync(lock, { recursive: true, force: true }); continue; }
      if (Date.now() > deadline) throw new SetupError(`timed out waiting for ${lock} (held by pid ${pid})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Makes sure code-server is installed; returns the path of its entry.js. */
export async function ensureCodeServer({ force = false, quiet = false } = {}) {
  const started = Date.now();
  if (!force && isInstalled()) {
    if (!quiet) log(`${CODE_SERVER_VERSION} already installed in ${cacheDir} (checked in ${Date.now() - started} ms)`);
    return entryJs;
  }
  return withLock(async () => {
    if (!force && isInstalled()) {
      log(`${CODE_SERVER_VERSION} was installed by another process meanwhile`);
      return entryJs;
    }
    mkdirSync(cacheDir, { recursive: true });
    log(`installing ${CODE_SERVER_VERSION} into ${cacheDir} (takes a few minutes; log: ${logPath})`);
    try {
      const version = await install();
      log(`installed ${version} in ${seconds(Date.now() - started)}`);
      return entryJs;
    } catch (err) {
      if (err instanceof SetupError && existsSync(logPath)) {
        console.error(`code-server: last lines of ${logPath}:\n${tailOfLog()}`);
      }
      throw err;
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureCodeServer({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(`code-server: FAILED: ${err instanceof SetupError ? err.message : err.stack}`);
    process.exit(1);
  });
}
