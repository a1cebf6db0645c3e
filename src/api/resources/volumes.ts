// /volumes (today's API): get, list, listAll, create, update, delete, then the actions attach,
// detach, resize and changeProtection, the volume's action list and the per-kind action list.

import { convertAction, convertVolume } from '../convert';
import type { ActionResponseSchema, VolumeCreateRequestSchema, VolumeCreateResponseSchema, VolumeSchema, VolumeUpdateRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, Labels, Volume, VolumeCreateParams, VolumeCreateResult, VolumeListParams } from '../types';
import { isLostAnswer, lostAnswerError, type AnswerLost } from '../lostAnswer';
import { ActionResource, itemPath, labelQuery, orUndefined } from './base';

export class VolumesResource extends ActionResource<VolumeSchema, Volume, VolumeListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/volumes', { one: 'volume', many: 'volumes' }, convertVolume);
  }

  protected override query(params: VolumeListParams): Query {
    return { name: params.name, status: params.status, sort: params.sort, ...labelQuery(params) };
  }

  /**
   * Give `location` or `server` (made in its location, then attached: `nextActions` holds the
   * attach). Never sent twice: the name is unique, so after a lost answer the volume is looked
   * up by it and returned with `answerLost` set (without its actions).
   */
  async create(params: VolumeCreateParams, opts?: CallOptions): Promise<VolumeCreateResult & AnswerLost> {
    // The parameters are named as on the wire; only `location` may be an id.
    const body: VolumeCreateRequestSchema = { ...params, location: params.location === undefined ? undefined : String(params.location) };
    let w: VolumeCreateResponseSchema;
    try {
      w = await this.transport.request<VolumeCreateResponseSchema>('POST', this.path, { ...opts, body });
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      let found: Volume | undefined;
      try {
        found = (await this.list({ name: params.name, perPage: 1 }, opts)).items.find((v) => v.name === params.name);
      } catch (why) {
        throw lostAnswerError(e, { found: undefined, why });
      }
      if (!found) throw lostAnswerError(e, { found: false, what: `no volume is named "${params.name}"` });
      return { volume: found, nextActions: [], answerLost: e };
    }
    return {
      volume: this.convertOne(w.volume, 'POST', this.path),
      action: w.action ? convertAction(w.action) : undefined,
      nextActions: (w.next_actions ?? []).map(convertAction),
    };
  }

  /** Renames and/or replaces all labels. */
  update(id: number, changes: { name?: string; labels?: Labels }, opts?: CallOptions): Promise<Volume> {
    const body: VolumeUpdateRequestSchema = { name: changes.name, labels: changes.labels };
    return this.put(id, body, opts);
  }

  /** Deletes a detached volume and its data (204). */
  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }

  attach(id: number, serverId: number, options: { automount?: boolean } = {}, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'attach', { server: serverId, automount: options.automount }, opts);
  }

  detach(id: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'detach', undefined, opts);
  }

  /** Only larger: `size` in GB. */
  resize(id: number, size: number, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'resize', { size }, opts);
  }

  changeProtection(id: number, protection: { delete?: boolean }, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_protection', { delete: protection.delete }, opts);
  }

  /** One action of any volume (`GET /volumes/actions/{id}`); `undefined` when it does not exist. */
  getKindAction(actionId: number, opts?: CallOptions): Promise<Action | undefined> {
    return orUndefined(this.transport.request<ActionResponseSchema>('GET', itemPath(`${this.path}/actions`, actionId), opts).then((b) => convertAction(b.action)));
  }
}
