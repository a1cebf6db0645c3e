// Self-signed certificates made with node:crypto alone, for the simulator's fake issuance, the demo
// seed and the tests: an Ed25519 key (from a 32-byte seed when given, so the demo's certificate is the
// same on every run: Ed25519 signatures are deterministic) and a small DER encoder for one
// X.509 v3 certificate with a common name and DNS subjectAltNames. Never a real key of anyone's.

import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export interface SelfSignedOptions {
  /** The subject's common name and first DNS name. */
  commonName: string;
  /** More DNS names (subjectAltName); the common name is always the first. */
  altNames?: string[];
  notBefore: Date;
  notAfter: Date;
  /** 32 bytes: the same seed gives the same key and the same certificate. Random when absent. */
  seed?: Buffer;
}

export interface SelfSigned {
  certificate: string;
  privateKey: string;
}

const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const n = body.length;
  const length = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, body]);
};
const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [40 * a + b];
  for (const n of rest) {
    const digits = [n & 0x7f];
    for (let v = n >> 7; v > 0; v >>= 7) digits.unshift((v & 0x7f) | 0x80);
    bytes.push(...digits);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime before 2050, GeneralizedTime from then on (RFC 5280 4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso));
}

const ED25519 = seq(oid('1.3.101.112'));
const name = (cn: string) => seq(tlv(0x31, seq(oid('2.5.4.3'), tlv(0x0c, Buffer.from(cn, 'utf8')))));
/** PKCS #8 of an Ed25519 key before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function keyPair(seed: Buffer | undefined): { privateKey: KeyObject; publicKey: KeyObject } {
  if (!seed) return generateKeyPairSync('ed25519');
  if (seed.length !== 32) throw new Error('the seed of an Ed25519 key is 32 bytes');
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** A self-signed certificate and its key, both PEM. */
export function selfSigned(options: SelfSignedOptions): SelfSigned {
  const { privateKey, publicKey } = keyPair(options.seed);
  const dns = [options.commonName, ...(options.altNames ?? []).filter((n) => n !== options.commonName)];
  const serial = Buffer.from(publicKey.export({ type: 'spki', format: 'der' }).subarray(-8));
  serial[0] &= 0x7f;
  const tbs = seq(
    tlv(0xa0, tlv(0x02, Buffer.from([2]))),
    tlv(0x02, serial),
    ED25519,
    name(options.commonName),
    seq(time(options.notBefore), time(options.notAfter)),
    name(options.commonName),
    publicKey.export({ type: 'spki', format: 'der' }),
    tlv(0xa3, seq(seq(oid('2.5.29.17'), tlv(0x04, seq(...dns.map((d) => tlv(0x82, Buffer.from(d, 'ascii')))))))),
  );
  const signature = sign(null, tbs, privateKey);
  const der = seq(tbs, ED25519, tlv(0x03, Buffer.from([0]), signature));
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return {
    certificate: `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`,
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}
