// Images: list (sort, type, bound_to, name), get, update (description, backup -> snapshot), delete,
// changeProtection and the image's action list.
import * as assert from 'node:assert/strict';
import type { ImageSchema } from '../../../src/api/schema';
import type { Image, Server } from '../../../src/api/types';
import { forEachApi, lastReceived, raw, rejectsWith, serverSpec, settle, uniqueName, useSimulator } from './helpers';

forEachApi('images', (api) => {
  const env = useSimulator({ api, seed: 'demo' });
  let server: Server;

  before(async () => {
    const { type, location, image } = await serverSpec(env);
    const created = await env.client.servers.create({ name: uniqueName('img'), serverType: type.name, image: image.id, location: location.name });
    await settle(env, created.action);
    server = created.server;
  });

  async function snapshot(description: string): Promise<Image> {
    const { image, action } = await env.client.servers.createImage(server.id, { description });
    await settle(env, action);
    return image;
  }

  it('list filters by repeated type, bound_to, name and sorts; values as on the wire', async () => {
    const page = await env.client.images.list({ type: ['system', 'snapshot'], sort: ['name:desc', 'id'], perPage: 50 });
    const req = lastReceived(env.sim, 'GET', '/images');
    assert.deepEqual(req.query.type, ['system', 'snapshot']);
    assert.deepEqual(req.query.sort, ['name:desc', 'id']);
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((i) => i.type === 'system' || i.type === 'snapshot'));
    const wire = await raw<{ images: ImageSchema[] }>(env.sim, '/images?type=system&type=snapshot&sort=name:desc&sort=id&per_page=50');
    assert.deepEqual(
      page.items.map((i) => [i.id, i.name ?? null, i.diskSize, i.created.getTime(), i.osFlavor, i.deprecated?.getTime() ?? null, i.architecture ?? null, i.labels ?? null]),
      wire.images.map((w) => [w.id, w.name, w.disk_size, Date.parse(w.created), w.os_flavor, w.deprecated ? Date.parse(w.deprecated) : null, w.architecture ?? null, w.labels ?? null]),
    );

    const named = await env.client.images.list({ name: 'ubuntu-22.04' });
    assert.deepEqual(lastReceived(env.sim, 'GET', '/images').query.name, ['ubuntu-22.04']);
    // Today's API has one per architecture under the same name.
    const namedWire = await raw<{ images: ImageSchema[] }>(env.sim, '/images?name=ubuntu-22.04');
    assert.deepEqual(named.items.map((i) => [i.id, i.name, i.type, i.architecture]), namedWire.images.map((w) => [w.id, 'ubuntu-22.04', 'system', w.architecture]));
    assert.equal(named.items.length, api === '2026' ? 2 : 1);

    const bound = await env.client.images.listAll({ boundTo: [server.id, 1], type: 'backup' });
    assert.deepEqual(lastReceived(env.sim, 'GET', '/images').query.bound_to, [String(server.id), '1']);
    assert.ok(bound.every((i) => i.type === 'backup' && (i.boundTo === server.id || i.boundTo === 1)));
  });

  it('get; a missing id resolves undefined', async () => {
    const snap = await snapshot('get me');
    const got = await env.client.images.get(snap.id);
    assert.equal(got?.description, 'get me');
    assert.equal(got?.type, 'snapshot');
    assert.equal(got?.status, 'available');
    assert.equal(got?.createdFrom?.name, server.name);
    assert.ok(got?.created instanceof Date);
    assert.equal(await env.client.images.get(31337000), undefined);
  });

  it('update the description; convert a backup to a snapshot', async () => {
    const snap = await snapshot('old text');
    const updated = await env.client.images.update(snap.id, { description: 'new text' });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/images/${snap.id}`).body, { description: 'new text' });
    assert.equal(updated.description, 'new text');

    await settle(env, await env.client.servers.enableBackup(server.id));
    const { image: backup, action } = await env.client.servers.createImage(server.id, { type: 'backup' });
    await settle(env, action);
    assert.equal(backup.type, 'backup');
    assert.equal(backup.boundTo, server.id);
    const listed = await env.client.images.listAll({ type: 'backup', boundTo: server.id });
    assert.deepEqual(listed.map((i) => i.id), [backup.id]);

    const converted = await env.client.images.update(backup.id, { type: 'snapshot' });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/images/${backup.id}`).body, { type: 'snapshot' });
    assert.equal(converted.type, 'snapshot');
    assert.equal(converted.boundTo, undefined);
  });

  if (api === '2026') {
    it('architecture filter; labels: update replaces them, list by label_selector', async () => {
      const arm = await env.client.images.listAll({ type: 'system', architecture: 'arm' });
      assert.deepEqual(lastReceived(env.sim, 'GET', '/images').query.architecture, ['arm']);
      assert.ok(arm.length > 0, 'today\'s catalog has arm images');
      assert.ok(arm.every((i) => i.architecture === 'arm'));
      const x86 = await env.client.images.listAll({ type: 'system', architecture: 'x86' });
      assert.ok(x86.length > 0 && x86.every((i) => i.architecture === 'x86'));

      const snap = await snapshot('labelled');
      assert.deepEqual(snap.labels, {});
      const run = uniqueName('run');
      const updated = await env.client.images.update(snap.id, { description: 'labelled', labels: { run, keep: 'yes' } });
      assert.deepEqual(lastReceived(env.sim, 'PUT', `/images/${snap.id}`).body, { description: 'labelled', labels: { run, keep: 'yes' } });
      assert.deepEqual(updated.labels, { run, keep: 'yes' });
      const found = await env.client.images.list({ labelSelector: `run=${run},keep`, type: 'snapshot' });
      assert.deepEqual(lastReceived(env.sim, 'GET', '/images').query.label_selector, [`run=${run},keep`]);
      assert.deepEqual(found.items.map((i) => i.id), [snap.id]);
      assert.deepEqual(await env.client.images.listAll({ labelSelector: `run=${run},keep=no` }), []);
    });
  } else {
    it('the 2018 contract has no labels and no architecture on images', async () => {
      const all = await env.client.images.listAll();
      assert.ok(all.length > 0);
      assert.ok(all.every((i) => i.labels === undefined && i.architecture === undefined));
    });
  }

  it('changeProtection guards delete; delete removes the snapshot; system images cannot be deleted', async () => {
    const snap = await snapshot('guarded');
    const protect = await env.client.images.changeProtection(snap.id, { delete: true });
    assert.deepEqual(lastReceived(env.sim, 'POST', `/images/${snap.id}/actions/change_protection`).body, { delete: true });
    assert.equal(protect.command, 'change_protection');
    assert.deepEqual(protect.resources, [{ id: snap.id, type: 'image' }]);
    await settle(env, protect);
    assert.equal((await env.client.images.get(snap.id))?.protection.delete, true);
    const e = await rejectsWith(() => env.client.images.delete(snap.id), 'protected');
    assert.equal(e.status, 403);

    const actions = await env.client.images.listActions(snap.id, { sort: 'id:desc' });
    assert.deepEqual(lastReceived(env.sim, 'GET', `/images/${snap.id}/actions`).query.sort, ['id:desc']);
    assert.equal(actions.items[0].id, protect.id);
    assert.equal(actions.items[0].status, 'success');
    assert.equal((await env.client.images.listAllActions(snap.id)).length, actions.items.length);
    assert.equal((await env.client.images.getAction(snap.id, protect.id))?.command, 'change_protection');
    assert.equal(await env.client.images.getAction(snap.id, 99999999), undefined);

    await settle(env, await env.client.images.changeProtection(snap.id, { delete: false }));
    await env.client.images.delete(snap.id);
    assert.equal(lastReceived(env.sim, 'DELETE', `/images/${snap.id}`).status, 204);
    assert.equal(await env.client.images.get(snap.id), undefined);

    const [system] = await env.client.images.listAll({ type: 'system' });
    const refused = await rejectsWith(() => env.client.images.delete(system.id), 'forbidden');
    assert.equal(refused.status, 403);
    assert.ok(await env.client.images.get(system.id), 'the system image is still there');
  });
});
