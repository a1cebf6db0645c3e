import type { LabelsSchema } from './common';

export interface SshKeySchema {
  id: number;
  name: string;
  fingerprint: string;
  public_key: string;
  // Today's API (absent in the 2018 contract):
  labels?: LabelsSchema;
  created?: string;
}

export interface SshKeyListResponseSchema {
  ssh_keys: SshKeySchema[];
}

export interface SshKeyResponseSchema {
  ssh_key: SshKeySchema;
}

export interface SshKeyCreateRequestSchema {
  name: string;
  public_key: string;
  /** Today's API. */
  labels?: LabelsSchema;
}

export interface SshKeyUpdateRequestSchema {
  name?: string;
  /** Today's API: replaces all labels. */
  labels?: LabelsSchema;
}
