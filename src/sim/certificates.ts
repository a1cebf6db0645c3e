// Certificates in the simulator's state (today's API): what an upload is checked against, the fake
// issuance of a managed certificate, where a certificate is used, and its rendering.
//
// The simulator keeps only what the API returns: an upload's private key is checked against the
// certificate (src/api/certificateRules.ts) and dropped; it is never stored, persisted or answered.
//
// Fake issuance (never contacts a CA or a domain): `create_certificate` (and `issue_certificate` for
// a retry) ends `completed` with a self-signed certificate for the domains, valid 90 days, unless
// one of the domains ends in `.invalid` or contains `caa-deny`: then the action fails and the
// certificate's issuance is `failed` with `caa_record_does_not_allow_ca`. So a retry of such a
// certificate fails again; a failure from the fault config (failActions) can be retried with success.

import { createHash } from 'node:crypto';
import type { ActionErrorSchema, ActionSchema, CertificateSchema, ResourceRefSchema } from '../api/schema';
import { readCertificate, isPemProblem } from '../api/certificateRules';
import type { Labels } from '../api/types';
import { ApiError, uniqueness } from './http';
import type { World } from './engine';
import { selfSigned } from './selfSigned';
import type { SimState } from './state';
import { DAY, isoTime } from './time';
import { certificateUsers } from './loadBalancers';

/** The first id of a state without a certificate counter (a seed, or a file from before). */
const FIRST_ID = 201;
/** How long an issued (managed) certificate is valid, as Let's Encrypt's. */
export const MANAGED_VALID_DAYS = 90;

/** The resources using a certificate: the Load Balancers with an https service that names it. */
export function certificateUsedBy(state: SimState, id: number): ResourceRefSchema[] {
  return (certificateUsers(state).get(id) ?? []).map((lb) => ({ id: lb, type: 'load_balancer' }));
}

/** `resource_in_use` when a Load Balancer uses the certificate. */
export function assertCertificateUnused(state: SimState, certificate: CertificateSchema): void {
  const users = certificateUsedBy(state, certificate.id);
  if (users.length) {
    const names = users.map((u) => `${u.type.replace(/_/g, ' ')} ${u.id}`).join(', ');
    throw new ApiError('resource_in_use', `certificate ${certificate.id} is used by ${names}: remove it from there before deleting it`);
  }
}

export function assertCertificateNameFree(state: SimState, name: string, self?: number): void {
  for (const c of state.certificates.values()) {
    if (c.name === name && c.id !== self) throw uniqueness('name', `certificate name '${name}' is already used`);
  }
}

/** The deterministic issuance failure of a domain list (see the top of this file), or null. */
export function issuanceFailure(domains: string[]): ActionErrorSchema | null {
  const denied = domains.find((d) => d.endsWith('.invalid') || d.includes('caa-deny'));
  return denied ? { code: 'caa_record_does_not_allow_ca', message: `CAA record of ${denied} does not allow the certificate authority` } : null;
}

interface CertificateInit {
  name: string;
  type: 'uploaded' | 'managed';
  labels?: Labels;
  created: number;
  domainNames: string[];
  /** Uploaded: the PEM certificate (already checked). */
  certificate?: string;
}

export function newCertificate(state: SimState, init: CertificateInit): CertificateSchema {
  const id = state.counters.certificate ?? FIRST_ID;
  state.counters.certificate = id + 1;
  const read = init.certificate === undefined ? undefined : readCertificate(init.certificate);
  const pem = read && !isPemProblem(read) ? read : undefined;
  const certificate: CertificateSchema = {
    id,
    name: init.name,
    labels: { ...(init.labels ?? {}) },
    type: init.type,
    certificate: pem ? (init.certificate as string) : null,
    created: isoTime(init.created),
    not_valid_before: pem ? pem.notValidBefore.toISOString().replace('.000Z', 'Z') : null,
    not_valid_after: pem ? pem.notValidAfter.toISOString().replace('.000Z', 'Z') : null,
    domain_names: pem ? pem.domainNames : [...init.domainNames],
    fingerprint: pem ? pem.fingerprint : null,
    status: init.type === 'managed' ? { issuance: 'pending', renewal: 'unavailable', error: null } : null,
    used_by: [],
  };
  state.certificates.set(id, certificate);
  return certificate;
}

/** The fields of a managed certificate once issued at `now` (a self-signed stand-in, the same for the same id and time). */
export function issuedFields(certificate: CertificateSchema, now: number): Partial<CertificateSchema> {
  const [first, ...rest] = certificate.domain_names;
  const seed = createHash('sha256').update(`hcloud-sim certificate ${certificate.id} ${now}`).digest();
  const made = selfSigned({ commonName: first, altNames: rest, notBefore: new Date(now), notAfter: new Date(now + MANAGED_VALID_DAYS * DAY), seed });
  const read = readCertificate(made.certificate);
  if (isPemProblem(read)) throw new Error(`the simulator made a certificate it cannot read: ${read.message}`);
  return {
    certificate: made.certificate,
    not_valid_before: isoTime(read.notValidBefore.getTime()),
    not_valid_after: isoTime(read.notValidAfter.getTime()),
    fingerprint: read.fingerprint,
    status: { issuance: 'completed', renewal: 'unavailable', error: null },
  };
}

/**
 * Starts the issuance of a managed certificate (`create_certificate`, or `issue_certificate` for a
 * retry): pending now; completed or failed when the action ends (see the top of this file).
 */
export function startIssuance(world: World, certificate: CertificateSchema, command: 'create_certificate' | 'issue_certificate'): ActionSchema {
  certificate.status = { issuance: 'pending', renewal: 'unavailable', error: null };
  const id = certificate.id;
  const action = world.startAction({
    command,
    resources: [{ type: 'certificate', id }],
    steps: [{ at: 1, effects: [{ kind: 'patch', type: 'certificate', id, patch: issuedFields(certificate, world.now() + world.options.actionMs) }] }],
  });
  const record = world.state.actions.get(action.id);
  if (record) {
    record.failure ??= issuanceFailure(certificate.domain_names);
    const error = record.failure ?? { code: 'action_failed', message: 'Action failed' };
    record.onError = [{ kind: 'patch', type: 'certificate', id, patch: { status: { issuance: 'failed', renewal: 'unavailable', error } } }];
  }
  return action;
}

/** A certificate as the API answers: `used_by` from the Load Balancers, copies of the nested parts. */
export function renderCertificate(state: SimState, certificate: CertificateSchema): CertificateSchema {
  return {
    ...certificate,
    labels: { ...certificate.labels },
    domain_names: [...certificate.domain_names],
    status: certificate.status ? { ...certificate.status, error: certificate.status.error ? { ...certificate.status.error } : null } : null,
    used_by: certificateUsedBy(state, certificate.id),
  };
}

/**
 * What the request recorder (GET /__sim/requests, the tests' "what the API received") keeps of a body:
 * an upload's `private_key` is replaced by its length, so the simulator holds the key nowhere, not even
 * there (a 201 proves the key matched the certificate). Every other body is kept as it came.
 */
export function recordedBody(method: string, path: string, body: unknown): unknown {
  if (method !== 'POST' || path !== '/certificates') return body;
  if (typeof body === 'string') return body.includes('PRIVATE KEY') ? '[a body that is not JSON, holding a private key: not kept]' : body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const key = (body as Record<string, unknown>).private_key;
  return typeof key === 'string' ? { ...body, private_key: redactedKey(key) } : body;
}

/** What the recorder keeps instead of a private key. */
export const redactedKey = (key: string): string => `[private key, ${key.length} characters: not kept]`;
