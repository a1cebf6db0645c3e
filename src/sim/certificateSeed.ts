// The demo project's certificates (today's API only): `demo-upload`, uploaded and self-signed for
// demo.example.com (made at seed time from a fixed Ed25519 seed); `www-managed`, a managed certificate
// for www.example.com whose issuance completed; `caa-denied`, a managed one whose issuance failed.

import type { ActionErrorSchema } from '../api/schema';
import { createHash } from 'node:crypto';
import { issuanceFailure, issuedFields, newCertificate } from './certificates';
import { selfSigned } from './selfSigned';
import type { ResourceType, SimState } from './state';
import { DAY, HOUR } from './time';

type AddHistory = (command: string, resources: Array<[ResourceType, number]>, at: number, seconds: number, error?: ActionErrorSchema | null) => void;

/** The demo's uploaded certificate (for the Load Balancer seed's https service). */
export const DEMO_UPLOADED_CERTIFICATE = 'demo-upload';
/** The demo's managed certificate, issued. */
export const DEMO_MANAGED_CERTIFICATE = 'www-managed';

/** The id of a demo certificate by name (the Load Balancer seed's https service), if the state has it. */
export function demoCertificateId(state: SimState, name: string = DEMO_UPLOADED_CERTIFICATE): number | undefined {
  for (const c of state.certificates.values()) if (c.name === name) return c.id;
  return undefined;
}

export function seedDemoCertificates(state: SimState, base: number, history: AddHistory): void {
  const seed = createHash('sha256').update('hcloud-sim demo certificate').digest();
  const uploadedAt = base - 60 * DAY + 9 * HOUR;
  const pair = selfSigned({ commonName: 'demo.example.com', notBefore: new Date(base - 61 * DAY), notAfter: new Date(base + 304 * DAY), seed });
  newCertificate(state, { name: DEMO_UPLOADED_CERTIFICATE, type: 'uploaded', labels: { env: 'production' }, created: uploadedAt, domainNames: [], certificate: pair.certificate });

  const issuedAt = base - 20 * DAY + 14 * HOUR;
  const managed = newCertificate(state, { name: DEMO_MANAGED_CERTIFICATE, type: 'managed', labels: { env: 'production' }, created: issuedAt, domainNames: ['www.example.com'] });
  Object.assign(managed, issuedFields(managed, issuedAt + 40_000));
  history('create_certificate', [['certificate', managed.id]], issuedAt, 40);

  const failedAt = base - 2 * DAY + 11 * HOUR;
  const domains = ['shop.caa-deny.example.com'];
  const failed = newCertificate(state, { name: 'caa-denied', type: 'managed', created: failedAt, domainNames: domains });
  const error = issuanceFailure(domains);
  failed.status = { issuance: 'failed', renewal: 'unavailable', error };
  history('create_certificate', [['certificate', failed.id]], failedAt, 25, error);
}
