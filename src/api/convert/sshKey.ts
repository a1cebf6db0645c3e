// Wire -> domain for SSH keys.

import type { SshKeySchema } from '../schema';
import type { SshKey } from '../types';
import { convertLabels, requiredId, text } from './wire';

export function convertSshKey(w: SshKeySchema): SshKey {
  return { id: requiredId(w), name: text(w.name), fingerprint: text(w.fingerprint), publicKey: text(w.public_key), labels: convertLabels(w.labels) };
}
