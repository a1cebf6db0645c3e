// The rules of a certificate upload and of a managed certificate's domains, for the simulator (which
// answers with them) and the Upload / Create Managed commands (which check the same before sending).
// A PEM certificate (and chain) and its private key are read with node:crypto. The key is only parsed and compared: nothing here keeps, returns or prints it.

import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';

/** What a certificate says about itself (the fields the API fills from it). */
export interface PemCertificate {
  /** The subject's common name, then the subjectAltName DNS names, without repeats. */
  domainNames: string[];
  notValidBefore: Date;
  notValidAfter: Date;
  /** SHA-256 of the DER, lower-case hex pairs with colons (`03:c7:55:...`). */
  fingerprint: string;
}

/** A problem with one field of an upload: `certificate` or `private_key`, and why. */
export interface PemProblem {
  field: 'certificate' | 'private_key';
  message: string;
}

const BEGIN_CERTIFICATE = '-----BEGIN CERTIFICATE-----';

function domainNames(x: X509Certificate): string[] {
  const cn = x.subject.split('\n').find((line) => line.startsWith('CN='))?.slice(3);
  const alt = (x.subjectAltName ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
  return [...new Set([...(cn ? [cn] : []), ...alt])];
}

/** The first certificate of a PEM text, or a problem. */
export function readCertificate(pem: string): PemCertificate | PemProblem {
  if (!pem.includes(BEGIN_CERTIFICATE)) return { field: 'certificate', message: `is not a PEM certificate (no "${BEGIN_CERTIFICATE}" line)` };
  let x: X509Certificate;
  try {
    x = new X509Certificate(pem);
  } catch {
    return { field: 'certificate', message: 'is not a valid PEM certificate' };
  }
  return { domainNames: domainNames(x), notValidBefore: new Date(x.validFrom), notValidAfter: new Date(x.validTo), fingerprint: x.fingerprint256.toLowerCase() };
}

export const isPemProblem = (v: PemCertificate | PemProblem): v is PemProblem => 'field' in v;

/**
 * Reads the certificate and checks that `privateKey` is a PEM private key that belongs to it. The
 * messages never quote the key.
 */
export function checkCertificatePair(certificate: string, privateKey: string): PemCertificate | PemProblem {
  const read = readCertificate(certificate);
  if (isPemProblem(read)) return read;
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: privateKey, format: 'pem' });
  } catch {
    return { field: 'private_key', message: 'is not a valid PEM private key (or it is encrypted: upload it without a passphrase)' };
  }
  const matches = new X509Certificate(certificate).checkPrivateKey(key);
  return matches ? read : { field: 'private_key', message: 'does not belong to the certificate (its public key does not match)' };
}

const DNS_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * Why `name` cannot be a domain of a managed certificate, or undefined: a DNS name (RFC 1123 labels,
 * at least two of them, at most 253 characters), optionally a wildcard `*.` in front.
 */
export function domainNameProblem(name: string): string | undefined {
  const bare = name.startsWith('*.') ? name.slice(2) : name;
  const labels = bare.split('.');
  if (!name.length || name.length > 253 || labels.length < 2 || !labels.every((l) => DNS_LABEL.test(l))) {
    return `"${name}" is not a domain name (like example.com, www.example.com or *.example.com)`;
  }
  return undefined;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * The PEM blocks of a text, each with its base64 wrapped at 64 characters again: a PEM pasted into a
 * one-line input box loses its line breaks, which PEM needs. Text outside the blocks is dropped; a
 * text without a block is returned trimmed (the reader then says what is wrong).
 */
export function normalizePem(text: string): string {
  const blocks = [...text.matchAll(PEM_BLOCK)].map(([, label, body]) => {
    const base64 = body.replace(/\s+/g, '');
    return `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;
  });
  return blocks.length ? blocks.join('') : text.trim();
}
