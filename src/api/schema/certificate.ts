// Certificates (today's API; absent in the 2018 contract): TLS certificates for Load Balancers,
// uploaded (PEM certificate and key) or managed (issued by Let's Encrypt for `domain_names`).

import type { ActionSchema, LabelsSchema, ResourceRefSchema } from './common';

export type CertificateTypeSchema = 'uploaded' | 'managed';

export interface CertificateStatusSchema {
  issuance: 'pending' | 'completed' | 'failed';
  renewal: 'scheduled' | 'pending' | 'failed' | 'unavailable';
  /** Set when issuance or renewal `failed`. */
  error: { code: string; message: string } | null;
}

export interface CertificateSchema {
  id: number;
  name: string;
  labels: LabelsSchema;
  type: CertificateTypeSchema;
  /** The certificate and its chain, PEM; null while a managed one is not issued. Never the key. */
  certificate: string | null;
  created: string;
  not_valid_before: string | null;
  not_valid_after: string | null;
  domain_names: string[];
  /** SHA-256, `03:c7:55:...`. */
  fingerprint: string | null;
  /** Null for an uploaded certificate. */
  status: CertificateStatusSchema | null;
  /** `{ id, type: 'load_balancer' }` of each resource using it. */
  used_by: ResourceRefSchema[];
}

export interface CertificateResponseSchema {
  certificate: CertificateSchema;
}

export interface CertificateListResponseSchema {
  certificates: CertificateSchema[];
}

export interface CertificateCreateRequestSchema {
  name: string;
  /** Default `uploaded`. */
  type?: CertificateTypeSchema;
  /** Uploaded: the certificate (and chain), PEM. */
  certificate?: string;
  /** Uploaded: its private key, PEM. */
  private_key?: string;
  /** Managed: the domains to issue it for. */
  domain_names?: string[];
  labels?: LabelsSchema;
}

export interface CertificateCreateResponseSchema {
  certificate: CertificateSchema;
  /** Managed: the `create_certificate` action (issuance); null for an uploaded certificate. */
  action: ActionSchema | null;
}

export interface CertificateUpdateRequestSchema {
  name?: string;
  labels?: LabelsSchema;
}
