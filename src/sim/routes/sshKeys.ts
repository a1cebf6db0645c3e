// SSH keys: list (name, fingerprint filters; label_selector in today's API), get, create,
// update (name; labels in today's API), delete.

import type { SshKeySchema } from '../../api/schema';
import { newSshKey } from '../factory';
import { invalidField, notFound, uniqueness } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import { renderSshKey } from '../render';
import type { Route, RouteContext } from '../router';
import { parsePublicKey } from '../sshKey';
import { BodyInput, nonEmpty, QueryInput } from '../validate';
import { created, noContent, ok } from './common';

const render = (ctx: RouteContext) => {
  const view = ctx.world.view();
  return (key: SshKeySchema) => renderSshKey(key, view);
};

function keyOf(ctx: RouteContext): SshKeySchema {
  const key = ctx.world.state.sshKeys.get(ctx.params.id);
  if (!key) throw notFound('SSH key', ctx.params.id);
  return key;
}

function assertNameFree(ctx: RouteContext, name: string, self?: number): void {
  for (const key of ctx.world.state.sshKeys.values()) {
    if (key.name === name && key.id !== self) throw uniqueness('name', `SSH key with the name '${name}' already exists`);
  }
}

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  let keys = [...ctx.world.state.sshKeys.values()];
  keys = whereEquals(keys, q.one('name'), (k) => k.name);
  keys = whereEquals(keys, q.one('fingerprint'), (k) => k.fingerprint);
  keys = whereLabels(ctx, q, keys);
  return listReply(ctx, q, keys, { key: 'ssh_keys', sort: { id: (k) => k.id, name: (k) => k.name }, render: render(ctx) });
}

function create(ctx: RouteContext) {
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { required: true, check: nonEmpty });
  const publicKey = input.string('public_key', { required: true });
  const labels = ctx.world.api === '2026' ? input.labels() : undefined;
  input.done();
  const parsed = parsePublicKey(publicKey);
  if (!parsed) throw invalidField('public_key', 'is not a valid SSH public key (<type> <base64> [comment])');
  assertNameFree(ctx, name);
  for (const key of ctx.world.state.sshKeys.values()) {
    if (key.fingerprint === parsed.fingerprint) throw uniqueness('public_key', 'SSH key with the same fingerprint already exists');
  }
  const key = newSshKey(ctx.world.state, name, publicKey, parsed.fingerprint, { created: ctx.world.now(), labels });
  return created({ ssh_key: render(ctx)(key) });
}

function update(ctx: RouteContext) {
  const key = keyOf(ctx);
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { check: nonEmpty });
  const labels = ctx.world.api === '2026' ? input.labels() : undefined;
  input.done();
  if (name !== undefined && name !== null) {
    assertNameFree(ctx, name, key.id);
    key.name = name;
  }
  if (labels) key.labels = labels;
  return ok({ ssh_key: render(ctx)(key) });
}

function remove(ctx: RouteContext) {
  ctx.world.state.sshKeys.delete(keyOf(ctx).id);
  return noContent();
}

export const sshKeyRoutes: Route[] = [
  { method: 'GET', path: '/ssh_keys', handler: list },
  { method: 'GET', path: '/ssh_keys/:id', handler: (ctx) => ok({ ssh_key: render(ctx)(keyOf(ctx)) }) },
  { method: 'POST', path: '/ssh_keys', handler: create },
  { method: 'PUT', path: '/ssh_keys/:id', handler: update },
  { method: 'DELETE', path: '/ssh_keys/:id', handler: remove },
];
