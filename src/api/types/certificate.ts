// Domain types of Certificates (today's API only).

import type { Action } from './action';
import type { LabelListParams, Labels, Open, SortBy } from './common';

export type CertificateType = Open<'uploaded' | 'managed'>;
export type CertificateIssuance = Open<'pending' | 'completed' | 'failed'>;
export type CertificateRenewal = Open<'scheduled' | 'pending' | 'failed' | 'unavailable'>;

/** A managed certificate's issuance and renewal (absent for an uploaded one). */
export interface CertificateStatus {
  issuance: CertificateIssuance;
  renewal: CertificateRenewal;
  /** Why issuance or renewal failed. */
  error?: { code: string; message: string };
}

export interface Certificate {
  id: number;
  name: string;
  labels: Labels;
  type: CertificateType;
  /** The certificate and chain (PEM); absent while a managed one is not issued. */
  certificate?: string;
  created: Date;
  notValidBefore?: Date;
  notValidAfter?: Date;
  domainNames: string[];
  /** SHA-256, `03:c7:55:...`. */
  fingerprint?: string;
  status?: CertificateStatus;
  /** Resources using it (Load Balancers). */
  usedBy: Array<{ id: number; type: string }>;
}

/** Upload a certificate (and chain) with its key, both PEM. */
export interface UploadedCertificateParams {
  type: 'uploaded';
  name: string;
  certificate: string;
  privateKey: string;
  labels?: Labels;
}

/** Have the API issue one (Let's Encrypt) for these domains. */
export interface ManagedCertificateParams {
  type: 'managed';
  name: string;
  domainNames: string[];
  labels?: Labels;
}

export type CertificateCreateParams = UploadedCertificateParams | ManagedCertificateParams;

export interface CertificateCreateResult {
  certificate: Certificate;
  /** Managed: `create_certificate` (the issuance). */
  action?: Action;
}

export interface CertificateListParams extends LabelListParams {
  name?: string;
  type?: 'uploaded' | 'managed' | Array<'uploaded' | 'managed'>;
  sort?: SortBy<'id' | 'name' | 'created'> | Array<SortBy<'id' | 'name' | 'created'>>;
}
