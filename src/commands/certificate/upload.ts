// Upload Certificate: a PEM certificate (and chain) and its private key, from files or pasted text,
// checked here before anything is sent (X509Certificate reads it, checkPrivateKey matches the key, an
// expired certificate is refused), then the domains and the not-after date in a modal to confirm.
// The private key goes into the one create request and nowhere else: no log line, no message, no
// state, no webview (its input box hides what is typed).
import * as vscode from 'vscode';
import { checkCertificatePair, isPemProblem, normalizePem, readCertificate, type PemCertificate } from '../../api/certificateRules';
import type { Certificate } from '../../api/types';
import { certificateExpiry } from '../../tree/certificateFormat';
import { formatDate } from '../../tree/format';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { runCall } from '../runAction';
import { askCertificateName, askLabels, beginCreate } from './common';

const TITLE = 'Upload Certificate';
/** A PEM file larger than this is not a certificate chain or key. */
const MAX_PEM_BYTES = 64 * 1024;
const PEM_FILTERS = { 'PEM files': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] };

type Source = 'file' | 'paste';

/** Why a certificate cannot be uploaded as it is (unreadable, expired), or undefined. */
export function certificateProblem(pem: string, now = new Date()): string | undefined {
  const read = readCertificate(normalizePem(pem));
  if (isPemProblem(read)) return `The certificate ${read.message}.`;
  if (read.notValidAfter.getTime() <= now.getTime()) return `The certificate expired on ${formatDate(read.notValidAfter)}: upload a valid one.`;
  return undefined;
}

/** Why this key cannot go with the certificate (missing, unreadable, not its key), or undefined. The key is never quoted. */
export function keyProblem(certificate: string, key: string): string | undefined {
  if (!key.trim()) return 'The private key is missing: give the key of the certificate (PEM).';
  const pair = checkCertificatePair(normalizePem(certificate), normalizePem(key));
  return isPemProblem(pair) ? `The ${pair.field === 'private_key' ? 'private key' : 'certificate'} ${pair.message}.` : undefined;
}

/** A PEM text from a file (asked again after a file that cannot be used) or an input box; undefined when cancelled. */
async function readPem(ctx: CommandContext, source: Source, what: 'certificate' | 'private key', check: (text: string) => string | undefined): Promise<string | undefined> {
  const step = what === 'certificate' ? '1/4' : '2/4';
  if (source === 'paste') {
    const text = await ctx.input().inputBox({
      title: `${TITLE} (${step}): ${what}`,
      prompt: what === 'certificate' ? 'Paste the certificate (PEM, with its chain after it)' : 'Paste its private key (PEM, not encrypted); it is not shown, and only sent to Hetzner Cloud',
      placeHolder: `-----BEGIN ${what === 'certificate' ? 'CERTIFICATE' : 'PRIVATE KEY'}-----…`,
      password: what === 'private key',
      ignoreFocusOut: true,
      validateInput: (v) => check(v),
    });
    return text === undefined ? undefined : normalizePem(text);
  }
  for (;;) {
    const uri = await ctx.input().pickFile({ title: `${TITLE} (${step}): ${what} file`, openLabel: what === 'certificate' ? 'Use Certificate' : 'Use Private Key', filters: PEM_FILTERS });
    if (!uri) return undefined;
    const fileName = uri.path.split('/').pop() ?? uri.path;
    let problem: string | undefined;
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      if (size > MAX_PEM_BYTES) problem = `"${fileName}" is ${size} bytes: too large for a PEM ${what} (at most 64 KiB).`;
      else {
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
        problem = check(text);
        if (!problem) return normalizePem(text);
      }
    } catch (e) {
      problem = `Could not read "${fileName}": ${e instanceof Error ? e.message : String(e)}`;
    }
    ctx.input().error(`${problem} Pick another file, or cancel.`);
  }
}

function confirmText(name: string, read: PemCertificate): { message: string; detail: string } {
  return {
    message: `Upload certificate "${name}" for ${read.domainNames.join(', ') || 'no domain name'}, valid until ${formatDate(read.notValidAfter)}?`,
    detail: [
      `Domains: ${read.domainNames.join(', ') || 'none (the certificate names no DNS name)'}`,
      `Valid from ${formatDate(read.notValidBefore)} until ${formatDate(read.notValidAfter)} (${certificateExpiry(read).text}).`,
      `SHA-256 fingerprint: ${read.fingerprint}`,
      'The private key is sent to Hetzner Cloud with it and kept nowhere by this extension. You renew an uploaded certificate yourself. Certificates are free of charge.',
    ].join('\n'),
  };
}

export async function uploadCertificate(ctx: CommandContext, node?: TreeNode): Promise<Certificate | undefined> {
  const start = await beginCreate(ctx, node, TITLE);
  if (!start) return undefined;
  const { project, taken } = start;
  const source = await ctx.input().quickPick(
    [
      { label: 'From PEM files…', detail: 'Pick the certificate file, then its key file.', source: 'file' as Source },
      { label: 'Paste PEM text', detail: 'Paste the certificate, then its key.', source: 'paste' as Source },
    ],
    { title: TITLE, placeHolder: 'Where are the certificate and its private key?' },
  );
  if (!source) return undefined;
  const certificate = await readPem(ctx, source.source, 'certificate', (v) => certificateProblem(v));
  if (certificate === undefined) return undefined;
  const privateKey = await readPem(ctx, source.source, 'private key', (v) => keyProblem(certificate, v));
  if (privateKey === undefined) return undefined;
  const read = checkCertificatePair(certificate, privateKey);
  if (isPemProblem(read)) return undefined; // checked by readPem already
  const name = await askCertificateName(ctx, `${TITLE} (3/4): name`, read.domainNames[0] ?? '', taken);
  if (name === undefined) return undefined;
  const labels = await askLabels(ctx, `${TITLE} (4/4): labels`);
  if (!labels) return undefined;
  const { message, detail } = confirmText(name, read);
  if (!(await ctx.input().confirm(message, { detail, confirmLabel: 'Upload' }))) return undefined;
  const made = await runCall(ctx, project, `Upload certificate "${name}"`, (c) => c.certificates.create({ type: 'uploaded', name, certificate, privateKey, ...labels }));
  ctx.tree.resourceChanged(project.id, 'certificate');
  if (!made) return undefined;
  const lost = made.answerLost ? " The API's answer was lost on the way; the certificate was found by its name, and nothing was sent twice." : '';
  const text = `Certificate "${made.certificate.name}" uploaded for ${made.certificate.domainNames.join(', ')}.${lost}`;
  ctx.log.info(text);
  ctx.input().info(text);
  return made.certificate;
}
