// /placement_groups (today's API): get, list (name, label_selector, type, sort), listAll, create,
// update, delete. Adding a server to a group and removing it are server actions (servers.ts).

import { convertAction, convertPlacementGroup } from '../convert';
import type { HcloudError } from '../errors';
import { isLostAnswer, lostAnswerError, type AnswerLost } from '../lostAnswer';
import type { PlacementGroupCreateRequestSchema, PlacementGroupCreateResponseSchema, PlacementGroupSchema, PlacementGroupUpdateRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, Labels, PlacementGroup, PlacementGroupCreateParams, PlacementGroupListParams } from '../types';
import { labelQuery, ReadResource } from './base';

export interface PlacementGroupCreateResult {
  placementGroup: PlacementGroup;
  /** The API may answer with an action; a spread group is usable at once either way. */
  action?: Action;
}

export class PlacementGroupsResource extends ReadResource<PlacementGroupSchema, PlacementGroup, PlacementGroupListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/placement_groups', { one: 'placement_group', many: 'placement_groups' }, convertPlacementGroup);
  }

  protected override query(params: PlacementGroupListParams): Query {
    return { name: params.name, type: params.type, sort: params.sort, ...labelQuery(params) };
  }

  /**
   * Creates a group; the name must be unique in the project. Never sent twice: after a lost answer the
   * group is looked for by its name and returned with `answerLost` set.
   */
  async create(params: PlacementGroupCreateParams, opts?: CallOptions): Promise<PlacementGroupCreateResult & AnswerLost> {
    const body: PlacementGroupCreateRequestSchema = { name: params.name, type: params.type, labels: params.labels };
    let w: PlacementGroupCreateResponseSchema;
    try {
      w = await this.transport.request<PlacementGroupCreateResponseSchema>('POST', this.path, { ...opts, body });
    } catch (e) {
      if (!isLostAnswer(e)) throw e;
      return this.findCreated(params.name, e, opts);
    }
    const placementGroup = this.convertOne(w?.placement_group, 'POST', this.path);
    return w.action ? { placementGroup, action: convertAction(w.action) } : { placementGroup };
  }

  private async findCreated(name: string, lost: HcloudError, opts?: CallOptions): Promise<PlacementGroupCreateResult & AnswerLost> {
    let group: PlacementGroup | undefined;
    try {
      group = (await this.list({ name, perPage: 1 }, opts)).items.find((g) => g.name === name);
    } catch (why) {
      throw lostAnswerError(lost, { found: undefined, why });
    }
    if (!group) throw lostAnswerError(lost, { found: false, what: `the project has no placement group "${name}"` });
    return { placementGroup: group, answerLost: lost };
  }

  /** Renames a group and/or replaces its labels. */
  update(id: number, changes: { name?: string; labels?: Labels }, opts?: CallOptions): Promise<PlacementGroup> {
    const body: PlacementGroupUpdateRequestSchema = { name: changes.name, labels: changes.labels };
    return this.put(id, body, opts);
  }

  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }
}
