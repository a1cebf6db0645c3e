// OpenSSH public key lines (`<type> <base64 blob> [comment]`, as in a `~/.ssh/*.pub` file) and
// names of SSH keys. Pure: no vscode, unit-tested (test/unit/commands/sshKeyParse.test.ts).

import { createHash } from 'node:crypto';
import { unsafeCharacterProblem } from './validate';

/** Key types the Hetzner Cloud API accepts. */
export const SSH_KEY_TYPES: readonly string[] = [
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-dss',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
];

export interface PublicKey {
  type: string;
  /** The base64 blob as written. */
  data: string;
  /** Text after the blob (often `user@host`); undefined when there is none. */
  comment?: string;
  /** `type data comment`, trimmed, single spaces: what is uploaded. */
  line: string;
  /** MD5 of the blob in colon hex, as the API shows fingerprints. */
  fingerprint: string;
}

/**
 * The longest public key text taken (16 KiB): an OpenSSH public key line of any type, RSA with
 * 16,384 bits included, is under 3 KB, so more is not a key (or has a comment nobody wants uploaded).
 */
export const MAX_PUBLIC_KEY_TEXT = 16 * 1024;
export const MAX_SSH_KEY_NAME = 128;

export type ParseResult = { key: PublicKey; error?: undefined } | { key?: undefined; error: string };

/** Parses one public key line; the error says what is wrong in words a user can act on. */
export function parsePublicKey(text: string): ParseResult {
  if (text.length > MAX_PUBLIC_KEY_TEXT) return { error: `A public key is at most ${MAX_PUBLIC_KEY_TEXT} characters (this text has ${text.length}).` };
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (lines.length === 0) return { error: 'Paste a public key, e.g. "ssh-ed25519 AAAA… you@host".' };
  if (/PRIVATE KEY/.test(text)) return { error: 'This is a private key. Paste the public key (the .pub file) instead.' };
  if (lines.length > 1) return { error: 'Paste one key on one line.' };
  const [type, data, ...rest] = lines[0].split(/\s+/);
  if (!SSH_KEY_TYPES.includes(type)) {
    return { error: `"${type.slice(0, 40)}" is not an SSH key type (expected one of ${SSH_KEY_TYPES.slice(0, 3).join(', ')}, …).` };
  }
  if (!data) return { error: `The key has no base64 data after "${type}".` };
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data) || data.length % 4 !== 0) return { error: 'The key data is not valid base64.' };
  const blob = Buffer.from(data, 'base64');
  const fields = sshFields(blob);
  if (!fields || fields[0]?.toString('latin1') !== type || !shapeFits(type, fields.slice(1))) {
    return { error: `The key data does not belong to a "${type}" key (damaged or cut off?).` };
  }
  const comment = rest.length ? rest.join(' ') : undefined;
  const unsafe = comment && unsafeCharacterProblem(comment, "The key's comment");
  if (unsafe) return { error: unsafe };
  const line = [type, data, ...(comment ? [comment] : [])].join(' ');
  const fingerprint = createHash('md5').update(blob).digest('hex').match(/../g)!.join(':');
  return { key: { type, data, comment, line, fingerprint } };
}

/** The blob as RFC 4253 length-prefixed fields; undefined unless they use it up exactly. */
function sshFields(blob: Buffer): Buffer[] | undefined {
  const fields: Buffer[] = [];
  for (let at = 0; at < blob.length; ) {
    if (at + 4 > blob.length) return undefined;
    const length = blob.readUInt32BE(at);
    if (at + 4 + length > blob.length) return undefined;
    fields.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

/** Whether the fields after the type have the count (and, where fixed, the sizes) of that key type. */
function shapeFits(type: string, f: Buffer[]): boolean {
  switch (type) {
    case 'ssh-ed25519':
      return f.length === 1 && f[0].length === 32;
    case 'sk-ssh-ed25519@openssh.com':
      return f.length === 2 && f[0].length === 32;
    case 'ssh-rsa':
      return f.length === 2;
    case 'ssh-dss':
      return f.length === 4;
    case 'sk-ecdsa-sha2-nistp256@openssh.com':
      return f.length === 3 && f[0].toString('latin1') === 'nistp256';
    default: // ecdsa-sha2-<curve>: the curve again, then the point
      return f.length === 2 && f[0].toString('latin1') === type.slice('ecdsa-sha2-'.length);
  }
}

/** validateInput of the paste box: undefined when the line is a valid key. */
export function validatePublicKey(text: string): string | undefined {
  return parsePublicKey(text).error;
}

/** validateInput of the name box: non-empty, at most 128 characters, no control or bidi character, and not one of `taken` (names are unique per project). */
export function validateSshKeyName(name: string, taken: readonly string[]): string | undefined {
  const n = name.trim();
  if (!n) return 'Give the key a name.';
  if (n.length > MAX_SSH_KEY_NAME) return `At most ${MAX_SSH_KEY_NAME} characters.`;
  const unsafe = unsafeCharacterProblem(n, 'An SSH key name');
  if (unsafe) return unsafe;
  if (taken.includes(n)) return `The project already has an SSH key named "${n}".`;
  return undefined;
}
