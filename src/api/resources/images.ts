// /images: get, list (sort, type, bound_to, name; today's architecture and label_selector), listAll, update (description, backup -> snapshot),
// delete, changeProtection and the image's action list.

import { convertImage } from '../convert';
import type { ImageSchema, ImageUpdateRequestSchema } from '../schema';
import type { ApiTransport, CallOptions, Query } from '../transport';
import type { Action, Image, ImageListParams, Labels } from '../types';
import { ActionResource, labelQuery } from './base';

export class ImagesResource extends ActionResource<ImageSchema, Image, ImageListParams> {
  constructor(transport: ApiTransport) {
    super(transport, '/images', { one: 'image', many: 'images' }, convertImage);
  }

  protected override query(params: ImageListParams): Query {
    return { sort: params.sort, type: params.type, bound_to: params.boundTo, name: params.name, architecture: params.architecture, ...labelQuery(params) };
  }

  /** Changes the description, converts a backup image to a snapshot (`type: 'snapshot'`) and/or replaces the labels (today's API). */
  update(id: number, changes: { description?: string; type?: 'snapshot'; labels?: Labels }, opts?: CallOptions): Promise<Image> {
    const body: ImageUpdateRequestSchema = { description: changes.description, type: changes.type, labels: changes.labels };
    return this.put(id, body, opts);
  }

  /** Deletes a snapshot or backup image. */
  delete(id: number, opts?: CallOptions): Promise<void> {
    return this.remove(id, opts);
  }

  /** Only snapshots can be protected. */
  changeProtection(id: number, protection: { delete?: boolean }, opts?: CallOptions): Promise<Action> {
    return this.runAction(id, 'change_protection', { delete: protection.delete }, opts);
  }
}
