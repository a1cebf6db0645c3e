import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs, UsageError, USAGE } from '../../../src/sim/cli';

/** The compiled CLI next to this compiled test (same outdir). */
const CLI = join(__dirname, '..', '..', '..', 'src', 'sim', 'cli.js');

interface Run {
  child: ChildProcess;
  url: string;
  exit: Promise<number | null>;
  /** Every stdout line so far. */
  lines: string[];
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts the CLI and resolves with the URL from its first line. */
function startCli(args: string[]): Promise<Run> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = exitOf(child);
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (lines.length > 1) return;
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+\/v1)$/.exec(line);
      if (match) resolve({ child, url: match[1], exit, lines });
      else reject(new Error(`unexpected first line: ${line}`));
    });
    exit.then((code) => reject(new Error(`cli exited with ${code} before listening`)));
  });
}

/** Runs the CLI to its end and returns the exit code and output. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return exitOf(child).then((code) => ({ code, stdout, stderr }));
}

describe('sim: CLI', function () {
  this.timeout(10_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'hcloud-sim-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the listening line, serves /v1 with the demo token, exits 0 on SIGTERM', async () => {
    const run = await startCli(['--port', '0', '--verbose']);
    try {
      const res = await fetch(`${run.url}/servers`, { headers: { Authorization: 'Bearer demo' } });
      assert.equal(res.status, 200);
      const body = (await res.json()) as { servers: Array<{ name: string; location?: { name: string } }> };
      assert.equal(body.servers.length, 9, 'the 2026 demo project (with arm-builder)');
      assert.ok(body.servers.every((s) => s.location && !('datacenter' in s)), 'today\'s API by default');
      const health = (await (await fetch(run.url.replace(/\/v1$/, '/__sim/health'))).json()) as { api: string };
      assert.equal(health.api, '2026');
      assert.equal((await fetch(`${run.url}/servers`)).status, 401);
      const deadline = Date.now() + 2000;
      while (run.lines.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.match(run.lines[1], / GET \/v1\/servers 200$/, '--verbose logs each request');
      assert.match(run.lines[2], / GET \/v1\/servers 401$/);
      assert.ok(!run.lines.join('\n').includes('demo'), 'the token is never logged');
    } finally {
      run.child.kill('SIGTERM');
    }
    assert.equal(await run.exit, 0);
  });

  it('takes --token, --seed, --servers, --action-ms, --state and --api 2018; saves the state on SIGINT', async () => {
    const statePath = join(dir, 'cli-state.json');
    const run = await startCli(['--port=0', '--token', 's3cret', '--seed', 'empty', '--servers', '3', '--action-ms', '10', '--state', statePath, '--api', '2018']);
    try {
      assert.equal((await fetch(`${run.url}/servers`, { headers: { Authorization: 'Bearer demo' } })).status, 401);
      const res = await fetch(`${run.url}/servers`, { headers: { Authorization: 'Bearer s3cret' } });
      const body = (await res.json()) as { servers: Array<{ name: string; datacenter?: { name: string } }> };
      assert.deepEqual(
        body.servers.map((s) => s.name),
        ['scale-0001', 'scale-0002', 'scale-0003'],
      );
      assert.ok(body.servers.every((s) => s.datacenter?.name), 'the 2018 contract: servers carry their datacenter');
      const dcs = await fetch(`${run.url}/datacenters`, { headers: { Authorization: 'Bearer s3cret' } });
      assert.equal(dcs.status, 200);
      const health = (await (await fetch(run.url.replace(/\/v1$/, '/__sim/health'))).json()) as { api: string };
      assert.equal(health.api, '2018');
    } finally {
      run.child.kill('SIGINT');
    }
    assert.equal(await run.exit, 0);
    assert.ok(existsSync(statePath));
  });

  it('prints usage for --help', async () => {
    const { code, stdout } = await runCli(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Usage: npm run sim -- \[options\]/);
    assert.match(stdout, /--action-ms/);
    assert.match(stdout, /--api 2026\|2018/);
    assert.doesNotMatch(stdout, /--drift/);
  });

  it('exits 2 with a clear message on bad arguments', async function () {
    this.timeout(30_000); // four processes, each loading the simulator, on a machine npm test keeps busy
    const cases: Array<[string[], RegExp]> = [
      [['--port', 'abc'], /--port needs a whole number/],
      [['--bogus'], /unknown option --bogus/],
      [['--api', '2020'], /--api must be 2026 or 2018, got '2020'/],
      [['--drift', 'extra-fields'], /unknown option --drift/],
    ];
    // Started together: each run loads the simulator (about a second of CPU), and the unit phase
    // runs its files in parallel beside other phases.
    const runs = await Promise.all(cases.map(([args]) => runCli(args)));
    cases.forEach(([args, message], i) => {
      assert.equal(runs[i].code, 2, args.join(' '));
      assert.match(runs[i].stderr, message, args.join(' '));
    });
  });

  it('parses every option and refuses bad values (in-process)', () => {
    assert.deepEqual(parseArgs(['--port=8080', '--host', '0.0.0.0', '--action-ms', '0', '--rate-limit', '100', '--servers', '5']).sim, {
      port: 8080,
      host: '0.0.0.0',
      token: 'demo',
      seed: 'demo',
      extraServers: 5,
      actionMs: 0,
      rateLimit: 100,
      statePath: undefined,
      api: '2026',
    });
    assert.equal(parseArgs(['--api', '2018']).sim.api, '2018');
    assert.equal(parseArgs(['--api=2026']).sim.api, '2026');
    assert.equal(parseArgs([]).sim.actionMs, 3000, 'the CLI default');
    for (const [args, message] of [
      [['--port', '70000'], /--port needs a whole number up to 65535/],
      [['--seed', 'full'], /--seed must be demo or empty/],
      [['--token'], /--token needs a value/],
      [['--token', 'a b'], /--token must be printable ASCII/],
      [['--servers', '-1'], /--servers needs a whole number/],
      [['stray'], /unexpected argument 'stray'/],
      [['--api', 'latest'], /--api must be 2026 or 2018, got 'latest'/],
      [['--api'], /--api needs a value/],
      [['--drift', 'no-datacenter'], /unknown option --drift/],
    ] as Array<[string[], RegExp]>) {
      assert.throws(() => parseArgs(args), (e: Error) => e instanceof UsageError && message.test(e.message), args.join(' '));
    }
  });

  it('--console-lifetime-ms sets how long a console URL is valid; without it the simulator keeps its 60 s', () => {
    assert.equal(parseArgs(['--console-lifetime-ms', '1500']).sim.consoleLifetimeMs, 1500);
    assert.equal(parseArgs(['--console-lifetime-ms=0']).sim.consoleLifetimeMs, 1, 'at least 1 ms');
    assert.equal('consoleLifetimeMs' in parseArgs([]).sim, false);
    assert.match(USAGE, /--console-lifetime-ms <ms>/);
    assert.throws(() => parseArgs(['--console-lifetime-ms', '1m']), (e: Error) => e instanceof UsageError && /--console-lifetime-ms needs a whole number, got '1m'/.test(e.message));
  });
});
