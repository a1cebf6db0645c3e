// /ssh_keys: get, list (name and fingerprint filters), listAll, create, update, delete.

import { convertSshKey } from '../convert';
import type { SshKeyCreateRequestSchema, SshKeyResponseSchema, SshKeySchema, SshKeyUpdateRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Labels, SshKey, SshKeyListParams } from '../types';
import { labelQuery, ReadResource } from './base';

export class SshKeysResource extends ReadResource<SshKeySchema, SshKey, SshKeyListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/ssh_keys', { one: 'ssh_key', many: 'ssh_keys' }, convertSshKey);
  }

  protected override query(params: SshKeyListParams): Query {
    return { name: params.name, fingerprint: params.fingerprint, ...labelQuery(params) };
  }

  /** Adds a public key (`ssh-ed25519 AAAA...`); the name must be unique in the project. */
  async create(params: { name: string; publicKey: string; labels?: Labels }, opts?: CallOptions): Promise<SshKey> {
    const body: SshKeyCreateRequestSchema = { name: params.name, public_key: params.publicKey, labels: params.labels };
    const w = await this.transport.request<SshKeyResponseSchema>('POST', this.path, { ...opts, body });
    return convertSshKey(w.ssh_key);
  }

  /** Renames a key and/or replaces its labels (today's API). */
  update(id: number, changes: { name?: string; labels?: Labels }, opts?: CallOptions): Promise<SshKey> {
    const body: SshKeyUpdateRequestSchema = { name: changes.name, labels: changes.labels };
    return this.put(id, body, opts);
  }

  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }
}
