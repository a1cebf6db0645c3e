// SSH public keys: `<type> <base64 blob> [comment]`, where the blob starts with the type
// again (RFC 4253 string). The fingerprint is the MD5 of the blob in colon hex, as the API shows.

import { createHash } from 'node:crypto';

const KEY_TYPES = new Set([
  'ssh-rsa',
  'ssh-dss',
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
]);

export interface ParsedKey {
  type: string;
  fingerprint: string;
}

export function parsePublicKey(text: string): ParsedKey | undefined {
  const [type, data] = text.trim().split(/\s+/);
  if (!type || !data || !KEY_TYPES.has(type)) return undefined;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data) || data.length % 4 !== 0) return undefined;
  const blob = Buffer.from(data, 'base64');
  if (blob.length < 4 + type.length) return undefined;
  const length = blob.readUInt32BE(0);
  if (length !== type.length || blob.subarray(4, 4 + length).toString('latin1') !== type) return undefined;
  return { type, fingerprint: md5Fingerprint(blob) };
}

function md5Fingerprint(blob: Buffer): string {
  return createHash('md5').update(blob).digest('hex').match(/../g)?.join(':') ?? '';
}
