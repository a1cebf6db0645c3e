// The words of a certificate's row and tooltip (no vscode: unit-tested in plain Node): type, domains,
// the days left before not-valid-after (a warning under 14 days, an error once expired), a managed
// certificate's issuance (pending, or failed with the API's error) and the Load Balancers using it.

import type { Certificate } from '../api/types';
import { formatDate, labelsLine, md, mdCode, type Lookup } from './format';

/** Fewer days left than this: the row warns. */
export const CERTIFICATE_WARN_DAYS = 14;
const DAY_MS = 86_400_000;

/** A Lookup that may also know Load Balancer names (today's API, once their folder has loaded). */
export type CertificateLookup = Lookup & { loadBalancerName?(id: number): string | undefined };

export type ExpiryLevel = 'ok' | 'warning' | 'expired' | 'unknown';

/** `expires in 12 days` / `expires today` / `expired 3 days ago`, and how urgent it is. */
export function certificateExpiry(c: Pick<Certificate, 'notValidAfter'> & Partial<Pick<Certificate, 'status' | 'type'>>, now: Date = new Date()): { text: string; level: ExpiryLevel } {
  const end = c.notValidAfter?.getTime();
  if (end === undefined || Number.isNaN(end)) return { text: c.status?.issuance === 'completed' || c.type !== 'managed' ? 'expiry unknown' : 'not issued', level: 'unknown' };
  const left = end - now.getTime();
  if (left <= 0) {
    const ago = Math.floor(-left / DAY_MS);
    return { text: ago === 0 ? 'expired today' : `expired ${ago} ${ago === 1 ? 'day' : 'days'} ago`, level: 'expired' };
  }
  const days = Math.floor(left / DAY_MS);
  const text = days === 0 ? 'expires today' : `expires in ${days} ${days === 1 ? 'day' : 'days'}`;
  return { text, level: days < CERTIFICATE_WARN_DAYS ? 'warning' : 'ok' };
}

/** `pending`, `failed: <message>`, or undefined (uploaded, or issued). */
export function certificateIssuanceText(c: Certificate): string | undefined {
  const s = c.status;
  if (!s || s.issuance === 'completed') return s?.renewal === 'failed' ? `renewal failed${s.error ? `: ${s.error.message}` : ''}` : undefined;
  if (s.issuance === 'failed') return `issuance failed${s.error ? `: ${s.error.message}` : ''}`;
  return `issuance ${s.issuance}`;
}

/** The Load Balancers using it, by name when known: `lb-web, load balancer 7`. */
export function certificateUsers(c: Certificate, lookup: CertificateLookup): string[] {
  return c.usedBy.map((u) => (u.type === 'load_balancer' ? (lookup.loadBalancerName?.(u.id) ?? `Load Balancer ${u.id}`) : `${u.type.replace(/_/g, ' ')} ${u.id}`));
}

/** `managed · issuance pending · www.example.com · expires in 88 days · used by lb-web` */
export function certificateDescription(c: Certificate, lookup: CertificateLookup, now: Date = new Date()): string {
  const issuance = certificateIssuanceText(c);
  const expiry = c.status && c.status.issuance !== 'completed' ? undefined : certificateExpiry(c, now).text;
  const users = certificateUsers(c, lookup);
  return [c.type, issuance, c.domainNames.join(', ') || undefined, expiry, users.length ? `used by ${users.join(', ')}` : 'unused'].filter(Boolean).join(' · ');
}

/** The row's icon name and how urgent it is: failed or expired -> error, under 14 days -> warning, pending -> watch. */
export function certificateIconState(c: Certificate, now: Date = new Date()): { icon: string; level: 'ok' | 'warning' | 'error' | 'pending' } {
  if (c.status?.issuance === 'failed' || c.status?.renewal === 'failed') return { icon: 'error', level: 'error' };
  if (c.status?.issuance === 'pending') return { icon: 'watch', level: 'pending' };
  const { level } = certificateExpiry(c, now);
  if (level === 'expired') return { icon: 'error', level: 'error' };
  if (level === 'warning') return { icon: 'warning', level: 'warning' };
  return { icon: 'workspace-trusted', level: 'ok' };
}

/** Markdown source of a certificate's tooltip: every value from the API escaped. */
export function certificateTooltip(c: Certificate, lookup: CertificateLookup, now: Date = new Date()): string {
  const users = certificateUsers(c, lookup);
  const expiry = certificateExpiry(c, now);
  return [
    `**${md(c.name)}** — ${c.type === 'managed' ? 'managed certificate (Let’s Encrypt)' : 'uploaded certificate'}`,
    '',
    `Domains: ${c.domainNames.length ? c.domainNames.map(mdCode).join(', ') : 'none'}`,
    c.status ? `Issuance: ${md(c.status.issuance)}${c.status.error ? ` — ${md(c.status.error.message)} (${mdCode(c.status.error.code)})` : ''}` : undefined,
    c.status ? `Renewal: ${md(c.status.renewal)}` : undefined,
    c.notValidBefore ? `Valid from: ${formatDate(c.notValidBefore)}` : undefined,
    c.notValidAfter ? `Valid until: ${formatDate(c.notValidAfter)} (${md(expiry.text)})` : undefined,
    c.fingerprint ? `Fingerprint (SHA-256): ${mdCode(c.fingerprint)}` : undefined,
    `Used by: ${users.length ? users.map(md).join(', ') : 'nothing'}`,
    `Created: ${formatDate(c.created)}`,
    labelsLine(c.labels),
  ]
    .filter((l): l is string => l !== undefined)
    .join('  \n');
}
