// SSH key commands: Add (a ~/.ssh/*.pub file or a pasted key; the name defaults to the key's
// comment), Rename, Copy Fingerprint, Delete.
//
// The folder Add lists is `$HCLOUD_SSH_DIR` when that environment variable is set, otherwise
// `~/.ssh` (os.homedir()). Tests point it at a temporary folder. Each `*.pub` there is looked at
// (stat) before it is read: one that is not a regular file (a FIFO would block the read for ever)
// or is larger than a key text can be (16 KiB) is listed as skipped, with the reason, and not read.
import { constants, type Stats } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SshKey } from '../api/types';
import { formatBytes } from '../tree/format';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { pickProject, pickTarget, type Target } from './pick';
import { runCall } from './runAction';
import { MAX_PUBLIC_KEY_TEXT, parsePublicKey, validatePublicKey, validateSshKeyName, type PublicKey } from './sshKeyParse';

/** Where Add looks for `*.pub` files. */
export function sshDir(): string {
  return process.env.HCLOUD_SSH_DIR || join(homedir(), '.ssh');
}

interface PubFile {
  file: string;
  path: string;
  key?: PublicKey;
  /** Why the file is not a valid key (it was read), or why it was skipped (it was not). */
  error?: string;
  skipped?: boolean;
}

async function pubFiles(dir: string): Promise<PubFile[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.pub')).sort();
  } catch {
    return []; // no ~/.ssh: only "Paste a key…"
  }
  return Promise.all(
    names.map(async (file) => {
      const path = join(dir, file);
      try {
        const skip = whySkipped(await stat(path));
        if (skip) return { file, path, error: skip, skipped: true };
        return { file, path, ...parsePublicKey(await readKeyText(path)) };
      } catch (e) {
        return { file, path, error: (e as Error).message };
      }
    }),
  );
}

/** Why a `.pub` file is not read, or undefined when it is a regular file small enough to be a key. */
function whySkipped(info: Stats): string | undefined {
  if (!info.isFile()) {
    const what = info.isFIFO() ? 'a FIFO' : info.isDirectory() ? 'a folder' : info.isSocket() ? 'a socket' : 'a device';
    return `Not read: it is ${what}, not a regular file.`;
  }
  if (info.size > MAX_PUBLIC_KEY_TEXT) {
    return `Not read: it has ${formatBytes(info.size)}, more than a public key can have (${formatBytes(MAX_PUBLIC_KEY_TEXT)}).`;
  }
  return undefined;
}

/**
 * The file's text, at most one byte more than a key may have (a file that grew since its stat is
 * still refused by the parser, never read whole). Opened without blocking: a file swapped for a
 * FIFO since its stat does not hang the read (it reads as empty).
 */
async function readKeyText(path: string): Promise<string> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const buffer = Buffer.alloc(MAX_PUBLIC_KEY_TEXT + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length).toString('utf8');
  } finally {
    await handle.close();
  }
}

function pickSshKey(ctx: CommandContext, node: TreeNode | undefined, title: string): Promise<Target<SshKey> | undefined> {
  return pickTarget<SshKey>(ctx, node, {
    kind: 'sshKey',
    title,
    list: (c) => c.sshKeys.listAll(),
    item: (k) => ({ label: k.name, description: k.fingerprint }),
    none: 'The project has no SSH key.',
  });
}

export async function addSshKey(ctx: CommandContext, node?: TreeNode): Promise<SshKey | undefined> {
  const TITLE = 'Add SSH Key';
  const project = await pickProject(ctx, node, TITLE);
  if (!project) return undefined;
  const existing = await runCall(ctx, project, TITLE, (c) => c.sshKeys.listAll());
  if (!existing) return undefined;
  const dir = sshDir();
  const files = await pubFiles(dir);
  const PASTE = 'Paste a key…';
  const picked = await ctx.input().quickPick(
    [
      ...files.map((f) => ({
        label: f.file,
        description: f.key ? [f.key.type, f.key.comment].filter(Boolean).join(' · ') : f.skipped ? 'skipped' : 'not a valid public key',
        detail: f.key ? `MD5 ${f.key.fingerprint}${existing.some((k) => k.fingerprint === f.key!.fingerprint) ? ' · already in the project' : ''}` : f.error,
        file: f,
      })),
      { label: PASTE, description: files.length ? undefined : `no .pub file in ${dir}`, file: undefined },
    ],
    { title: `${TITLE} to "${project.name}"`, placeHolder: `A public key from ${dir}, or paste one` },
  );
  if (!picked) return undefined;
  let key: PublicKey;
  if (picked.file) {
    if (!picked.file.key) {
      ctx.input().error(`${picked.file.path} ${picked.file.skipped ? 'was skipped' : 'is not a valid SSH public key'}: ${picked.file.error}`);
      return undefined;
    }
    key = picked.file.key;
  } else {
    const text = await ctx.input().inputBox({
      title: `${TITLE}: public key`,
      prompt: 'The public key line: <type> <base64> [comment], e.g. the content of ~/.ssh/id_ed25519.pub',
      placeHolder: 'ssh-ed25519 AAAA… you@host',
      ignoreFocusOut: true,
      validateInput: validatePublicKey,
    });
    if (text === undefined) return undefined;
    const parsed = parsePublicKey(text);
    if (!parsed.key) return undefined;
    key = parsed.key;
  }
  const taken = existing.map((k) => k.name);
  const name = await ctx.input().inputBox({
    title: `${TITLE}: name`,
    prompt: 'A name for the key, unique in the project',
    value: key.comment ?? '',
    validateInput: (v) => validateSshKeyName(v, taken),
  });
  if (name === undefined) return undefined;
  const created = await runCall(ctx, project, `Add SSH key "${name.trim()}"`, (c) => c.sshKeys.create({ name: name.trim(), publicKey: key.line }));
  ctx.tree.resourceChanged(project.id, 'sshKey');
  if (!created) return undefined;
  const lost = created.answerLost ? ' The API\'s answer to the request was lost on the way; the key was found by its name, and nothing was sent twice.' : '';
  ctx.log.info(`SSH key "${created.name}" added (${created.fingerprint}).${lost}`);
  ctx.input().info(`SSH key "${created.name}" added (${created.fingerprint}).${lost}`);
  return created;
}

export async function renameSshKey(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Rename SSH Key';
  const t = await pickSshKey(ctx, node, TITLE);
  if (!t) return;
  const key = t.resource;
  const all = await runCall(ctx, t.project, TITLE, (c) => c.sshKeys.listAll());
  if (!all) return;
  const taken = all.filter((k) => k.id !== key.id).map((k) => k.name);
  const name = await ctx.input().inputBox({
    title: `${TITLE}: "${key.name}"`,
    prompt: 'New name, unique in the project',
    value: key.name,
    validateInput: (v) => validateSshKeyName(v, taken),
  });
  if (name === undefined || name.trim() === key.name) return;
  const updated = await runCall(ctx, t.project, `Rename SSH key "${key.name}"`, (c) => c.sshKeys.update(key.id, { name: name.trim() }));
  ctx.tree.resourceChanged(t.project.id, 'sshKey', key.id);
  if (updated) ctx.input().info(`SSH key "${key.name}" renamed to "${updated.name}".`);
}

export async function copySshKeyFingerprint(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickSshKey(ctx, node, 'Copy Fingerprint of SSH Key');
  if (!t) return;
  await vscode.env.clipboard.writeText(t.resource.fingerprint);
  ctx.input().info(`Copied the fingerprint of "${t.resource.name}" (${t.resource.fingerprint}).`);
}

export async function deleteSshKey(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickSshKey(ctx, node, 'Delete SSH Key');
  if (!t) return;
  const key = t.resource;
  const ok = await ctx.input().confirm(`Delete SSH key "${key.name}"?`, {
    detail: `Fingerprint ${key.fingerprint}. Servers that already have the key keep it; new servers and rescue systems can no longer get it.`,
    confirmLabel: 'Delete',
  });
  if (!ok) return;
  const done = await runCall(ctx, t.project, `Delete SSH key "${key.name}"`, (c) => c.sshKeys.delete(key.id).then(() => true));
  ctx.tree.resourceChanged(t.project.id, 'sshKey', key.id);
  if (done) ctx.input().info(`SSH key "${key.name}" deleted.`);
}

