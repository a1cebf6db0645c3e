// SSH key commands inside VS Code, against a fresh simulator per test (demo seed: alice@laptop,
// bob@workstation, ci-deploy). Add lists `*.pub` files of $HCLOUD_SSH_DIR, or of ~/.ssh
// (os.homedir(), i.e. $HOME) when that is unset; the tests point both at temporary folders.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SshKey } from '../../src/api/types';
import { NounFixture } from './support/nounFixture';

// Made with `ssh-keygen -t ed25519 -C carol@desk`; MD5 fingerprint from `ssh-keygen -l -E md5`.
const CAROL = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0XRi9pZLviHger36TzX6Prv7h+88ZIrvha7OzaNfy2 carol@desk';
const CAROL_MD5 = 'e7:01:1d:f3:d5:a6:14:28:c9:24:4b:06:db:33:58:d3';
// Made with `ssh-keygen -t ecdsa -C ''`: no comment.
const NO_COMMENT =
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBMAZf0dlcRNX/MkgHfHKYxL8ln67qRvwAzyEnZ7kxCb9NhlkBNniVrSCb6N9AKDuHjk1wVMSwaZkTnmZODUhIp4=';

describe('SSH key commands', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  let keys: SshKey[];
  let tmp: string;
  const savedHome = process.env.HOME;
  const key = (name: string) => keys.find((k) => k.name === name)!;
  const wireKeys = () => [...f.sim.state.sshKeys.values()];

  beforeEach(async () => {
    await f.setUp();
    keys = await f.client.sshKeys.listAll();
    f.sim.clearRequests();
    tmp = mkdtempSync(join(tmpdir(), 'hcloud-ssh-'));
  });
  afterEach(async () => {
    delete process.env.HCLOUD_SSH_DIR;
    process.env.HOME = savedHome;
    rmSync(tmp, { recursive: true, force: true });
    await f.tearDown();
  });

  it('adds a key from a .pub file of $HCLOUD_SSH_DIR; the name defaults to its comment', async () => {
    writeFileSync(join(tmp, 'carol.pub'), `${CAROL}\n`);
    writeFileSync(join(tmp, 'broken.pub'), 'ssh-ed25519 not-base64!\n');
    writeFileSync(join(tmp, 'id_ed25519'), '-----BEGIN OPENSSH PRIVATE KEY-----\n');
    process.env.HCLOUD_SSH_DIR = tmp;

    const input = f.script({ quickPick: 'carol.pub' }, { inputBox: 'carol@desk' });
    const added = (await vscode.commands.executeCommand('hcloud.sshKey.add')) as SshKey;
    assert.deepEqual(input.prompts[0].items, ['broken.pub', 'carol.pub', 'Paste a key…'], 'only .pub files, and the paste choice');
    assert.equal(input.values[0], 'carol@desk', 'the name box starts with the key\'s comment');
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/ssh_keys', body: { name: 'carol@desk', public_key: CAROL } }]);
    assert.equal(added.fingerprint, CAROL_MD5);
    assert.ok(wireKeys().some((k) => k.name === 'carol@desk' && k.fingerprint === CAROL_MD5));
    assert.deepEqual(f.messages('info'), [`SSH key "carol@desk" added (${CAROL_MD5}).`]);
  });

  it('lists a .pub file over 16 KiB and a FIFO named .pub as skipped, with the reason, without reading them: nothing hangs', async () => {
    const data = CAROL.split(' ').slice(0, 2).join(' ');
    writeFileSync(join(tmp, 'carol.pub'), `${CAROL}\n`);
    writeFileSync(join(tmp, 'huge.pub'), `${data} ${'x'.repeat(1024 * 1024 - data.length - 2)}\n`); // 1 MiB
    execFileSync('mkfifo', [join(tmp, 'pipe.pub')]); // reading it would wait for a writer for ever
    process.env.HCLOUD_SSH_DIR = tmp;

    const input = f.script({ quickPick: 'pipe.pub' });
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('Add SSH Key hung on the .pub files')), 5_000)));
    await Promise.race([vscode.commands.executeCommand('hcloud.sshKey.add'), hung]).finally(() => clearTimeout(timer));
    assert.deepEqual(input.prompts[0].items, ['carol.pub', 'huge.pub', 'pipe.pub', 'Paste a key…']);
    assert.deepEqual(input.prompts[0].descriptions, [
      `ssh-ed25519 · carol@desk | MD5 ${CAROL_MD5}`,
      'skipped | Not read: it has 1 MiB, more than a public key can have (16 KiB).',
      'skipped | Not read: it is a FIFO, not a regular file.',
      undefined,
    ]);
    assert.deepEqual(f.messages('error'), [`${join(tmp, 'pipe.pub')} was skipped: Not read: it is a FIFO, not a regular file.`]);
    assert.deepEqual(f.changes(), []);
  });

  it('reads ~/.ssh of os.homedir() when $HCLOUD_SSH_DIR is unset, and refuses a .pub file that is not a key', async () => {
    mkdirSync(join(tmp, '.ssh'));
    writeFileSync(join(tmp, '.ssh', 'broken.pub'), 'ssh-ed25519 AAAA\n');
    process.env.HOME = tmp;
    const input = f.script({ quickPick: 'broken.pub' });
    await vscode.commands.executeCommand('hcloud.sshKey.add');
    assert.deepEqual(input.prompts[0].items, ['broken.pub', 'Paste a key…']);
    assert.match(f.messages('error')[0] ?? '', /broken\.pub is not a valid SSH public key/);
    assert.deepEqual(f.changes(), []);
  });

  it('validates a pasted key and the name in their boxes before sending anything', async () => {
    process.env.HCLOUD_SSH_DIR = join(tmp, 'missing');
    let input = f.script({ quickPick: 'Paste a key…' }, { inputBox: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0XRi9p carol' });
    await vscode.commands.executeCommand('hcloud.sshKey.add');
    assert.deepEqual(input.prompts[0].items, ['Paste a key…'], 'no ~/.ssh: only paste');
    assert.match(input.prompts[1].validation ?? '', /does not belong to a "ssh-ed25519" key/);

    input = f.script({ quickPick: 'Paste a key…' }, { inputBox: NO_COMMENT }, { inputBox: 'alice@laptop' });
    await vscode.commands.executeCommand('hcloud.sshKey.add');
    assert.equal(input.values[1], '', 'no comment, no default name');
    assert.match(input.prompts[2].validation ?? '', /already has an SSH key named "alice@laptop"/);
    assert.deepEqual(f.changes(), []);
  });

  it('refuses control and bidi characters in names and comments, and a key text over 16 KiB, before sending anything (issue 10, finding 11)', async () => {
    const data = CAROL.split(' ').slice(0, 2).join(' ');
    // A .pub file whose comment has an escape sequence: listed as not a valid key, refused when picked.
    process.env.HCLOUD_SSH_DIR = tmp;
    writeFileSync(join(tmp, 'esc.pub'), `${data} carol\u001b[31m@desk\n`);
    let input = f.script({ quickPick: 'esc.pub' });
    await vscode.commands.executeCommand('hcloud.sshKey.add');
    assert.ok(input.messages.some((m) => m.level === 'error' && /esc\.pub is not a valid SSH public key: The key's comment cannot contain control characters .*\(U\+001B at position 6\)/.test(m.text)), JSON.stringify(input.messages));

    input = f.script({ quickPick: 'Paste a key…' }, { inputBox: `${data} ${'x'.repeat(100_000)}` });
    await vscode.commands.executeCommand('hcloud.sshKey.add');
    assert.match(input.prompts[1].validation ?? '', /^A public key is at most 16384 characters \(this text has 100\d{3}\)\.$/);

    input = f.script({ quickPick: 'Paste a key…' }, { inputBox: `${data} evil\u202Egnp.exe` });
    await vscode.commands.executeCommand('hcloud.sshKey.add');
    assert.match(input.prompts[1].validation ?? '', /\(U\+202E at position 5\)/);

    for (const name of ['line\nbreak', 'nul\u0000', 'rtl\u2067x', 'c1\u0085x', 'del\u007f', 'x'.repeat(129)]) {
      input = f.script({ quickPick: 'Paste a key…' }, { inputBox: data }, { inputBox: name });
      await vscode.commands.executeCommand('hcloud.sshKey.add');
      assert.match(input.prompts[2].validation ?? '', name.length > 128 ? /At most 128 characters/ : /^An SSH key name cannot contain control characters/, JSON.stringify(name));
    }
    input = f.script({ quickPick: 'alice@laptop' }, { inputBox: 'alice\u202E' });
    await vscode.commands.executeCommand('hcloud.sshKey.rename');
    assert.match(input.prompts[1].validation ?? '', /^An SSH key name cannot contain control characters/);
    assert.deepEqual(f.changes(), []);
  });

  it('shows the API\'s uniqueness_error when the same key is already in the project', async () => {
    process.env.HCLOUD_SSH_DIR = tmp;
    const alice = key('alice@laptop');
    f.script({ quickPick: 'Paste a key…' }, { inputBox: alice.publicKey }, { inputBox: 'alice-again' });
    await vscode.commands.executeCommand('hcloud.sshKey.add');
    assert.deepEqual(f.changes(), [{ method: 'POST', path: '/ssh_keys', body: { name: 'alice-again', public_key: alice.publicKey } }]);
    assert.equal(f.sim.requests.at(-1)?.status, 409);
    const [error] = f.messages('error');
    assert.match(error ?? '', /^Add SSH key "alice-again" failed: SSH key with the same fingerprint already exists.*\(uniqueness_error\)$/);
    assert.equal(wireKeys().length, keys.length, 'nothing was added');
  });

  it('renames a key to a name that is not taken', async () => {
    const alice = key('alice@laptop');
    let input = f.script({ inputBox: 'ci-deploy' });
    await vscode.commands.executeCommand('hcloud.sshKey.rename', f.node('sshKey', alice));
    assert.equal(input.values[0], 'alice@laptop');
    assert.match(input.prompts[0].validation ?? '', /already has an SSH key named "ci-deploy"/);
    assert.deepEqual(f.changes(), []);

    input = f.script({ quickPick: 'alice@laptop' }, { inputBox: 'alice@new-laptop' });
    await vscode.commands.executeCommand('hcloud.sshKey.rename');
    assert.deepEqual(input.prompts[0].items, keys.map((k) => k.name));
    assert.deepEqual(f.changes(), [{ method: 'PUT', path: `/ssh_keys/${alice.id}`, body: { name: 'alice@new-laptop' } }]);
    assert.equal(f.sim.state.sshKeys.get(alice.id)?.name, 'alice@new-laptop');
    assert.deepEqual(f.messages('info'), ['SSH key "alice@laptop" renamed to "alice@new-laptop".']);
  });

  it('copies the fingerprint', async () => {
    const bob = key('bob@workstation');
    await vscode.env.clipboard.writeText('something else');
    f.script();
    await vscode.commands.executeCommand('hcloud.sshKey.copyFingerprint', f.node('sshKey', bob));
    assert.equal(await vscode.env.clipboard.readText(), bob.fingerprint);
    assert.deepEqual(f.changes(), []);
  });

  it('deletes a key after a modal confirmation; cancelling sends nothing', async () => {
    const ci = key('ci-deploy');
    const input = f.script({ quickPick: 'ci-deploy' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.sshKey.delete');
    assert.match(input.prompts[1].message ?? '', /Delete SSH key "ci-deploy"\?/);
    assert.match(input.details[0], /Servers that already have the key keep it/);
    assert.deepEqual(f.changes(), []);

    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.sshKey.delete', f.node('sshKey', ci));
    assert.deepEqual(f.changes(), [{ method: 'DELETE', path: `/ssh_keys/${ci.id}`, body: undefined }]);
    assert.equal(f.sim.state.sshKeys.get(ci.id), undefined);
    assert.deepEqual(f.messages('info'), ['SSH key "ci-deploy" deleted.']);
  });
});
