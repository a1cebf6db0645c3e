// VNC Authentication (RFB security type 2): the server sends a 16-byte challenge, the client answers with it
// DES-encrypted under the password. The key is the password's first 8 bytes (zero-padded), each byte with its
// bits reversed (the VNC quirk). Node 20's OpenSSL 3 refuses single `des-ecb`; `des-ede3-ecb` with the same
// 8-byte key three times (K1 = K2 = K3) is encrypt-decrypt-encrypt with one key, which is plain DES.

import { createCipheriv, randomBytes, timingSafeEqual } from 'node:crypto';

export const CHALLENGE_BYTES = 16;

export function vncChallenge(): Buffer {
  return randomBytes(CHALLENGE_BYTES);
}

function reverseBits(byte: number): number {
  let out = 0;
  for (let bit = 0; bit < 8; bit++) if (byte & (1 << bit)) out |= 1 << (7 - bit);
  return out;
}

export function vncKey(password: string): Buffer {
  const key = Buffer.alloc(8);
  Buffer.from(password, 'latin1').copy(key, 0, 0, 8);
  return Buffer.from(key.map(reverseBits));
}

/** The 16 bytes a client sends back for `challenge` under `password`. */
export function vncResponse(password: string, challenge: Buffer): Buffer {
  const key = vncKey(password);
  const cipher = createCipheriv('des-ede3-ecb', Buffer.concat([key, key, key]), null);
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(challenge), cipher.final()]);
}

export function vncResponseMatches(password: string, challenge: Buffer, response: Buffer): boolean {
  const expected = vncResponse(password, challenge);
  return response.length === expected.length && timingSafeEqual(expected, response);
}
