// Images: list (type, bound_to, name filters; id/name/created sort; today's API adds
// label_selector, architecture and include_deprecated), get, update (description, backup ->
// snapshot; labels today), delete, and their actions (change_protection).

import type { ImageSchema } from '../../api/schema';
import { applyEffect } from '../effects';
import { ApiError, invalidState, isProtected } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import { renderImage } from '../render';
import type { Route, RouteContext } from '../router';
import { BodyInput, QueryInput } from '../validate';
import { resourceActionRoutes } from './actions';
import { ARCHITECTURES, notDeprecated } from './catalog';
import { deleteProtectionAction, find, findUnlocked, noContent, ok } from './common';

const IMAGE_TYPES = ['system', 'snapshot', 'backup'] as const;

const render = (ctx: RouteContext) => {
  const view = ctx.world.view();
  return (image: ImageSchema) => renderImage(image, view);
};

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const today = ctx.world.api === '2026';
  const types: string[] = q.all('type', { oneOf: IMAGE_TYPES });
  const boundTo = q.integers('bound_to');
  const [architecture] = today ? q.all('architecture', { oneOf: ARCHITECTURES }) : [];
  const includeDeprecated = today && q.all('include_deprecated', { oneOf: ['true', 'false'] }).includes('true');
  const now = ctx.world.now();
  const images = [...ctx.world.state.images.values()].filter(
    (i) =>
      (i.type !== 'system' || includeDeprecated || notDeprecated(i, now)) &&
      (!types.length || types.includes(i.type)) &&
      (!boundTo.length || (i.bound_to !== null && boundTo.includes(i.bound_to))) &&
      (architecture === undefined || (i.architecture ?? 'x86') === architecture),
  );
  return listReply(ctx, q, whereLabels(ctx, q, whereEquals(images, q.one('name'), (i) => i.name)), {
    key: 'images',
    sort: { id: (i) => i.id, name: (i) => i.name, created: (i) => i.created },
    render: render(ctx),
  });
}

/** System images belong to Hetzner: the project may not change or delete them. */
function ownImage(image: ImageSchema): ImageSchema {
  if (image.type === 'system') throw new ApiError('forbidden', `image ${image.id} is a system image and cannot be changed or deleted`);
  return image;
}

function update(ctx: RouteContext) {
  const image = ownImage(find<ImageSchema>(ctx, 'image'));
  const input = BodyInput.of(ctx.body);
  const description = input.string('description');
  const type = input.string('type', { oneOf: ['snapshot'] });
  const labels = ctx.world.api === '2026' ? input.labels() : undefined;
  input.done();
  if (typeof description === 'string') image.description = description;
  if (type === 'snapshot' && image.type === 'backup') Object.assign(image, { type: 'snapshot', bound_to: null });
  if (labels) image.labels = labels;
  return ok({ image: render(ctx)(image) });
}

function remove(ctx: RouteContext) {
  const image = ownImage(findUnlocked<ImageSchema>(ctx, 'image'));
  if (image.protection.delete) throw isProtected('image', image.id);
  applyEffect(ctx.world.state, { kind: 'delete_image', id: image.id });
  return noContent();
}

function changeProtection(ctx: RouteContext) {
  const image = findUnlocked<ImageSchema>(ctx, 'image');
  if (image.type !== 'snapshot') throw invalidState(`protection can only be changed on snapshots; image ${image.id} is a ${image.type} image`);
  return deleteProtectionAction(ctx, 'image');
}

export const imageRoutes: Route[] = [
  { method: 'GET', path: '/images', handler: list },
  { method: 'GET', path: '/images/:id', handler: (ctx) => ok({ image: render(ctx)(find<ImageSchema>(ctx, 'image')) }) },
  { method: 'PUT', path: '/images/:id', handler: update },
  { method: 'DELETE', path: '/images/:id', handler: remove },
  ...resourceActionRoutes('images', 'image'),
  { method: 'POST', path: '/images/:id/actions/change_protection', handler: changeProtection },
];
