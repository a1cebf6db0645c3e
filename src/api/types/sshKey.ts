// Domain types of SSH keys.

import type { LabelListParams, Labels } from './common';

export interface SshKey {
  id: number;
  name: string;
  fingerprint: string;
  publicKey: string;
  /** Today's API; absent in the 2018 contract. */
  labels?: Labels;
}

export interface SshKeyListParams extends LabelListParams {
  name?: string;
  fingerprint?: string;
}
