// Open Folder on Server (Remote-SSH) and SSH When Ready inside VS Code, against a fresh simulator.
// code-server cannot run Remote-SSH: the command executor is the extension's seam, and the test
// records what reaches it. Nothing probes a simulated address (203.0.113.x is on no network
// here): the probe seam maps the server's address to a listener on 127.0.0.1 that the test starts
// late. ssh and ssh-keygen are copies of test/support/record-argv.mjs, with a temporary HOME.
import * as assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { tcpProbe } from '../../src/commands/connect/waitForPort';
import type { ConnectSeams } from '../../src/commands/connect/seams';
import type { Server } from '../../src/api/types';
import { useNounFixture } from './support/nounFixture';
import type { Answer } from './support/scriptedInput';
import { until } from './support/until';

const SSH = 'Open SSH When Ready';

describe('connect: Open Folder on Server and SSH When Ready', function () {
  this.timeout(30_000);
  const f = useNounFixture();
  let seams: ConnectSeams;
  let saved: Partial<ConnectSeams>;
  let executed: Array<{ command: string; args: unknown[] }>;
  let dir: string;
  let home: string | undefined;

  const server = async (name: string): Promise<Server> => {
    const [s] = await f.client.servers.listAll({ name });
    assert.ok(s, `server ${name} exists`);
    return s;
  };
  const node = async (name: string, patch: Partial<Server> = {}) => f.node<Server>('server', { ...(await server(name)), ...patch });
  const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);
  /** The arguments a stand-in was started with, once it ran. */
  const argv = (name: string) => until(`${name} was started`, () => (existsSync(join(dir, `${name}.argv.json`)) ? (JSON.parse(readFileSync(join(dir, `${name}.argv.json`), 'utf8')) as string[]) : undefined));
  const ran = (name: string) => existsSync(join(dir, `${name}.argv.json`));
  const config = () => vscode.workspace.getConfiguration('hcloud');

  /** A listener on 127.0.0.1 that accepts and closes; the probe reaches it in place of `ip`:22. */
  const standInPort = async (ip: string, opts: { listenAfterMs?: number } = {}) => {
    let listener: NetServer | undefined;
    const port = await new Promise<number>((resolve) => {
      const probeFree = createServer();
      probeFree.listen(0, '127.0.0.1', () => {
        const p = (probeFree.address() as { port: number }).port;
        probeFree.close(() => resolve(p));
      });
    });
    const attempts: number[] = [];
    let listening = 0;
    const timer = opts.listenAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          listening = Date.now();
          listener = createServer((socket) => socket.destroy()).listen(port, '127.0.0.1');
        }, opts.listenAfterMs);
    const real = tcpProbe(500);
    seams.probe = async (host, p, signal) => {
      assert.equal(`${host}:${p}`, `${ip}:22`, 'only the server\'s port 22 is asked for');
      attempts.push(Date.now());
      return real('127.0.0.1', port, signal);
    };
    return {
      attempts,
      listeningSince: () => listening,
      close: async () => {
        clearTimeout(timer);
        await new Promise((r) => (listener ? listener.close(r) : r(undefined)));
      },
    };
  };

  beforeEach(async () => {
    seams = f.api.connect;
    saved = { probe: seams.probe, intervalMs: seams.intervalMs, limitMs: seams.limitMs, executeCommand: seams.executeCommand, hasExtension: seams.hasExtension };
    executed = [];
    // Recorded, never run: code-server has no Remote-SSH, and an install would reach a marketplace.
    seams.executeCommand = async (command, ...args) => void executed.push({ command, args });
    seams.probe = async () => assert.fail('no probe unless a test gives one');
    seams.intervalMs = 200;
    seams.limitMs = 10_000;
    dir = mkdtempSync(join(tmpdir(), 'hcloud-connect-'));
    for (const name of ['ssh', 'ssh-keygen']) {
      copyFileSync(join(__dirname, '..', '..', '..', 'test', 'support', 'record-argv.mjs'), join(dir, name));
      chmodSync(join(dir, name), 0o755);
    }
    await config().update('ssh.path', join(dir, 'ssh'), vscode.ConfigurationTarget.Global);
    await config().update('ssh.keygenPath', join(dir, 'ssh-keygen'), vscode.ConfigurationTarget.Global);
    home = process.env.HOME;
    process.env.HOME = dir;
  });

  afterEach(async () => {
    Object.assign(seams, saved);
    for (const w of seams.waits) w.abort();
    process.env.HOME = home;
    await config().update('ssh.path', undefined, vscode.ConfigurationTarget.Global);
    await config().update('ssh.keygenPath', undefined, vscode.ConfigurationTarget.Global);
    await config().update('ssh.user', undefined, vscode.ConfigurationTarget.Global);
    for (const t of vscode.window.terminals) if (t.name.startsWith('web-') || t.name === 'connect-new') t.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Open Folder on Server runs vscode.openFolder with vscode-remote://ssh-remote+<user>@<IPv4><folder> in a new window, remembers the folder per server; cancel and an invalid folder open nothing', async () => {
    seams.hasExtension = (id) => id === 'ms-vscode-remote.remote-ssh';
    const web1 = await node('web-1');
    const ip = web1.resource.publicNet.ipv4!.ip;
    const input = f.script({ inputBox: '/srv/my app/' });
    await run('hcloud.server.openFolder', web1);
    assert.deepEqual(input.values, ['/root'], 'root opens /root at first');
    assert.equal(executed.length, 1);
    const [{ command, args }] = executed;
    assert.equal(command, 'vscode.openFolder');
    const uri = args[0] as vscode.Uri;
    assert.equal(uri.scheme, 'vscode-remote');
    assert.equal(uri.authority, `ssh-remote+root@${ip}`);
    assert.equal(uri.path, '/srv/my app');
    assert.equal(vscode.Uri.parse(uri.toString()).path, '/srv/my app', 'the string form decodes to the same folder');
    assert.deepEqual(args[1], { forceNewWindow: true });

    // Remembered for web-1 (and not for web-2); cancelling sends nothing; a relative folder is refused.
    const again = f.script({ inputBox: undefined });
    await run('hcloud.server.openFolder', web1);
    assert.deepEqual(again.values, ['/srv/my app']);
    await config().update('ssh.user', 'deploy', vscode.ConfigurationTarget.Global);
    const other = f.script({ inputBox: 'srv' });
    await run('hcloud.server.openFolder', await node('web-2'));
    assert.deepEqual(other.values, ['/home/deploy']);
    assert.match(other.prompts[0].validation ?? '', /absolute path/);
    assert.equal(executed.length, 1, 'nothing more was opened');

    // IPv6 only: says why (the colons and the port syntax), asks nothing, opens nothing.
    const v6 = f.script();
    await run('hcloud.server.openFolder', await node('web-2', { publicNet: { ...web1.resource.publicNet, ipv4: undefined } }));
    assert.equal(v6.prompts.length, 0);
    assert.match(v6.messages[0]?.text ?? '', /"web-2" cannot be opened: it has no public IPv4, only IPv6 .*colons.*port separator/);
    assert.equal(executed.length, 1);
    assert.deepEqual(f.changes(), []);
  });

  it('Open Folder on Server without Remote - SSH offers to install it (the offer is not accepted here) or to show it', async () => {
    seams.hasExtension = () => false;
    const input = f.script();
    await run('hcloud.server.openFolder', await node('web-1'));
    assert.deepEqual(input.prompts, [], 'no folder is asked');
    assert.deepEqual(input.messages, [{ level: 'info', text: 'Open Folder on Server needs the Remote - SSH extension (ms-vscode-remote.remote-ssh), which is not installed.', buttons: ['Install Remote - SSH', 'Show in Extensions'] }]);
    assert.deepEqual(executed, []);
    f.script({ offer: 'Show in Extensions' });
    await run('hcloud.server.openFolder', await node('web-1'));
    await until('the Extensions view was asked', () => executed.length > 0);
    assert.deepEqual(executed, [{ command: 'workbench.extensions.search', args: ['@id:ms-vscode-remote.remote-ssh'] }]);
  });

  it('Open SSH When Ready waits until port 22 accepts (a listener that starts late), then opens the terminal with -- root@<IPv4>, no shell', async () => {
    const web1 = await node('web-1');
    const ip = web1.resource.publicNet.ipv4!.ip;
    const port = await standInPort(ip, { listenAfterMs: 1000 });
    try {
      f.script();
      const started = Date.now();
      const terminal = await run<vscode.Terminal>('hcloud.server.openSshWhenReady', web1);
      assert.ok(terminal, 'a terminal was opened');
      assert.equal(terminal.name, 'web-1');
      assert.deepEqual(await argv('ssh'), ['--', `root@${ip}`]);
      const before = port.attempts.filter((t) => t < port.listeningSince()).length;
      assert.ok(port.listeningSince() >= started + 900, 'the listener started a second after the command');
      assert.ok(before >= 3, `it retried while nothing listened (${before} attempts before, ${port.attempts.length} in all)`);
      assert.deepEqual(f.sim.requests.filter((r) => r.method !== 'GET'), []);
    } finally {
      await port.close();
    }
  });

  it('Cancel stops waiting: no terminal, no ssh, and it says so; an off server is not waited for', async () => {
    const web1 = await node('web-1');
    const port = await standInPort(web1.resource.publicNet.ipv4!.ip);
    const input = f.script();
    const terminals = vscode.window.terminals.length;
    const waiting = run<vscode.Terminal | undefined>('hcloud.server.openSshWhenReady', web1);
    await until('two attempts', () => port.attempts.length >= 2);
    assert.equal(seams.waits.size, 1, 'one wait runs');
    for (const w of seams.waits) w.abort(); // what the progress notification's Cancel does
    assert.equal(await waiting, undefined);
    const attempts = port.attempts.length;
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(port.attempts.length, attempts, 'no attempt after the cancel');
    assert.equal(vscode.window.terminals.length, terminals);
    assert.equal(ran('ssh'), false);
    assert.match(input.messages.at(-1)?.text ?? '', /stopped waiting for "web-1"/);
    await port.close();

    // A server that is off: it says to power it on, and waits for nothing.
    seams.probe = async () => assert.fail('an off server is not probed');
    const off = f.script();
    assert.equal(await run('hcloud.server.openSshWhenReady', await node('ci-runner')), undefined);
    assert.deepEqual(off.messages.map((m) => m.text), ['Open SSH When Ready: "ci-runner" is off. Power it on: its message offers Open SSH When Ready.']);
  });

  it('the success messages of Create Server (with Show Metrics), Power On and Reboot into rescue offer Open SSH When Ready', async () => {
    // Create Server's ten steps (today's API): a started cx11 without keys, labels or options.
    const pick = (label: string): Answer => ({ stepQuickPick: label });
    const input = f.script({ stepInputBox: 'connect-new' }, pick('fsn1'), pick('cx11'), pick('ubuntu-24.04'), { stepQuickPickMany: [] }, pick('No user data'), pick('Start after create'), { stepInputBox: '' }, pick('Continue to the summary'), pick('Create'));
    const projectNode = (await f.api.tree.getChildren()).find((n) => n.id === `project/${f.project.id}`);
    await run('hcloud.server.create', projectNode);
    await run('hcloud.server.powerOn', await node('ci-runner'));
    await run('hcloud.server.reboot', await node('legacy-app'));
    await run('hcloud.server.reboot', await node('web-1'));
    const offered = input.messages.filter((m) => m.buttons).map((m) => [m.text.replace(/\(IPv4 [^)]*\)/, '(IPv4 …)'), m.buttons]);
    assert.deepEqual(offered, [
      ['Server "connect-new" created (IPv4 …).', ['Show Metrics', SSH]],
      ['Power on "ci-runner": done.', [SSH]],
      ['Reboot "legacy-app": done.', [SSH]],
    ]);
    assert.ok(input.messages.some((m) => m.text === 'Reboot "web-1": done.' && !m.buttons), 'a reboot without rescue offers nothing');
    assert.equal(seams.waits.size, 0, 'nothing waits until a button is pressed');
  });

  it('after Rebuild, Open SSH When Ready says the host key changed, runs ssh-keygen -R <ip> (no shell) when agreed, then opens the terminal', async () => {
    const web1 = await node('web-1');
    const ip = web1.resource.publicNet.ipv4!.ip;
    const port = await standInPort(ip, { listenAfterMs: 0 });
    try {
      const input = f.script({ quickPick: 'Ubuntu 24.04' }, { inputBox: 'web-1' }, { offer: SSH }, { confirm: true });
      await run('hcloud.server.rebuild', web1);
      assert.deepEqual(input.messages[0]?.buttons, [SSH]);
      assert.deepEqual(await argv('ssh-keygen'), ['-R', ip]);
      assert.deepEqual(await argv('ssh'), ['--', `root@${ip}`]);
      const confirm = input.prompts.find((p) => p.kind === 'confirm');
      assert.equal(confirm?.message, '"web-1" was rebuilt: its new system has a new SSH host key.');
      assert.equal(confirm?.confirmLabel, 'Remove Old Key');
      await until('the outcome is shown', () => input.messages.some((m) => m.text === `ssh-keygen -R ${ip} done: known_hosts holds no old key of ${ip} now.`));
      assert.equal(input.remaining, 0);
    } finally {
      await port.close();
    }
  });
});
