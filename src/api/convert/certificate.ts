// Wire -> domain for Certificates.

import type { CertificateSchema } from '../schema';
import type { Certificate, CertificateStatus } from '../types';
import { convertLabels, isRecord, list, opt, parseDate, requiredDate, requiredId, text } from './wire';

function convertStatus(w: unknown): CertificateStatus | undefined {
  if (!isRecord(w)) return undefined;
  const error = isRecord(w.error) ? { code: text(w.error.code), message: text(w.error.message) } : undefined;
  return { issuance: text(w.issuance, 'pending'), renewal: text(w.renewal, 'unavailable'), ...(error ? { error } : {}) };
}

export function convertCertificate(w: CertificateSchema): Certificate {
  return {
    id: requiredId(w),
    name: text(w.name),
    labels: convertLabels(w.labels) ?? {},
    type: text(w.type, 'uploaded'),
    certificate: opt(w.certificate),
    created: requiredDate(w.created),
    notValidBefore: parseDate(w.not_valid_before),
    notValidAfter: parseDate(w.not_valid_after),
    domainNames: list(w.domain_names).filter((d) => typeof d === 'string'),
    fingerprint: opt(w.fingerprint),
    status: convertStatus(w.status),
    usedBy: list(w.used_by).filter((r) => isRecord(r) && typeof r.id === 'number').map((r) => ({ id: r.id, type: text(r.type) })),
  };
}
