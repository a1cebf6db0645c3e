// /ssh_keys: get, list (name and fingerprint filters), listAll, create, update, delete.

import { convertSshKey } from '../convert';
import type { SshKeyCreateRequestSchema, SshKeyResponseSchema, SshKeySchema, SshKeyUpdateRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Labels, SshKey, SshKeyListParams } from '../types';
import type { HcloudError } from '../errors';
import { isLostAnswer, lostAnswerError, type AnswerLost } from '../lostAnswer';
import { labelQuery, ReadResource } from './base';

export class SshKeysResource extends ReadResource<SshKeySchema, SshKey, SshKeyListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/ssh_keys', { one: 'ssh_key', many: 'ssh_keys' }, convertSshKey);
  }

  protected override query(params: SshKeyListParams): Query {
    return { name: params.name, fingerprint: params.fingerprint, ...labelQuery(params) };
  }

  /**
   * Adds a public key (`ssh-ed25519 AAAA...`); the name must be unique in the project. Never sent
   * twice: after a lost answer the key is looked for by its name (and must hold the same key), and
   * returned with `answerLost` set.
   */
  async create(params: { name: string; publicKey: string; labels?: Labels }, opts?: CallOptions): Promise<SshKey & AnswerLost> {
    const body: SshKeyCreateRequestSchema = { name: params.name, public_key: params.publicKey, labels: params.labels };
    let w: SshKeyResponseSchema;
    try {
      w = await this.transport.request<SshKeyResponseSchema>('POST', this.path, { ...opts, body });
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      return this.findCreated(params, e, opts);
    }
    return convertSshKey(w.ssh_key);
  }

  private async findCreated(params: { name: string; publicKey: string }, lost: HcloudError, opts?: CallOptions): Promise<SshKey & AnswerLost> {
    let key: SshKey | undefined;
    try {
      key = (await this.list({ name: params.name, perPage: 1 }, opts)).items.find((k) => k.name === params.name && sameKey(k.publicKey, params.publicKey));
    } catch (why) {
      throw lostAnswerError(lost, { found: undefined, why });
    }
    if (!key) throw lostAnswerError(lost, { found: false, what: `the project has no SSH key "${params.name}" with this public key` });
    return { ...key, answerLost: lost };
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

/** Same key type and key data (the comment may differ or be dropped by the API). */
function sameKey(a: string, b: string): boolean {
  const parts = (k: string) => k.trim().split(/\s+/).slice(0, 2).join(' ');
  return parts(a) === parts(b);
}
