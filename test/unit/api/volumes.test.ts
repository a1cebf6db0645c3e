// Volumes (today's API): every endpoint through the client against the simulator over HTTP, and the
// failure codes of the family. The 2018 contract has no volumes: its paths answer as unknown ones.
import * as assert from 'node:assert/strict';
import type { VolumeSchema } from '../../../src/api/schema';
import { volumeMonthly } from '../../../src/shared/price';
import { lastReceived, raw, rejectsWith, settle, uniqueName, useSimulator, type Env } from './helpers';

/** Two servers of the demo project in one location and one in another. */
async function servers(env: Env) {
  const all = await env.client.servers.listAll();
  const fsn = all.filter((s) => s.location?.name === 'fsn1');
  const other = all.find((s) => s.location?.name === 'nbg1');
  assert.ok(fsn.length >= 2 && other, 'the demo project has servers in fsn1 and nbg1');
  return { a: fsn[0], b: fsn[1], elsewhere: other };
}

describe('volumes [api 2026]', () => {
  const env = useSimulator({ api: '2026', seed: 'demo' });

  it('create in a location: the create action, then available; get, list with filters, get of a missing id', async () => {
    const name = uniqueName('data');
    const made = await env.client.volumes.create({ name, size: 20, location: 'fsn1', format: 'ext4', labels: { env: 'test' } });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/volumes').body, { name, size: 20, location: 'fsn1', format: 'ext4', labels: { env: 'test' } });
    assert.equal(made.volume.status, 'creating');
    assert.equal(made.action?.command, 'create_volume');
    assert.deepEqual(made.nextActions, []);
    assert.equal(made.volume.linuxDevice, `/dev/disk/by-id/scsi-0HC_Volume_${made.volume.id}`);
    await settle(env, made.action!);

    const got = await env.client.volumes.get(made.volume.id);
    assert.equal(got?.status, 'available');
    assert.deepEqual([got?.size, got?.location.name, got?.format, got?.serverId, got?.labels], [20, 'fsn1', 'ext4', undefined, { env: 'test' }]);
    const wire = await raw<{ volume: VolumeSchema }>(env.sim, `/volumes/${made.volume.id}`);
    assert.equal(got?.created.toISOString(), new Date(wire.volume.created).toISOString());
    assert.equal(await env.client.volumes.get(424242), undefined);

    assert.deepEqual((await env.client.volumes.list({ name })).items.map((v) => v.id), [made.volume.id]);
    assert.deepEqual(lastReceived(env.sim, 'GET', '/volumes').query, { name: [name], page: ['1'], per_page: ['25'] });
    assert.ok((await env.client.volumes.listAll({ labelSelector: 'env=test' })).some((v) => v.id === made.volume.id));
    assert.ok(!(await env.client.volumes.listAll({ status: 'creating' })).some((v) => v.id === made.volume.id));
    assert.ok((await env.client.volumes.listAll({ status: ['available'] })).some((v) => v.id === made.volume.id));
    const sorted = (await env.client.volumes.listAll({ sort: 'id:desc' })).map((v) => v.id);
    assert.deepEqual(sorted, [...sorted].sort((x, y) => y - x));
    await rejectsWith(() => env.client.volumes.list({ status: 'gone' }), 'invalid_input');
  });

  it('create for a server: made in its location and attached (next_actions), the server lists it; automount only with a server', async () => {
    const { a } = await servers(env);
    const made = await env.client.volumes.create({ name: uniqueName('for-server'), size: 10, server: a.id, automount: true });
    assert.equal(made.volume.location.name, 'fsn1');
    assert.deepEqual(made.nextActions.map((x) => x.command), ['attach_volume']);
    await settle(env, [made.action!, ...made.nextActions]);
    assert.equal((await env.client.volumes.get(made.volume.id))?.serverId, a.id);
    assert.ok((await env.client.servers.get(a.id))?.volumeIds?.includes(made.volume.id));

    const e = await rejectsWith(() => env.client.volumes.create({ name: uniqueName('x'), size: 10, location: 'fsn1', automount: true }), 'invalid_input');
    assert.deepEqual(e.fields.map((f) => f.name), ['automount']);
  });

  it('create refuses bad sizes and names, a missing location, a taken name', async () => {
    const small = await rejectsWith(() => env.client.volumes.create({ name: uniqueName('s'), size: 9, location: 'fsn1' }), 'invalid_input');
    assert.deepEqual(small.fields.map((f) => f.name), ['size']);
    await rejectsWith(() => env.client.volumes.create({ name: uniqueName('s'), size: 10241, location: 'fsn1' }), 'invalid_input');
    const bad = await rejectsWith(() => env.client.volumes.create({ name: '-bad name', size: 10, location: 'fsn1' }), 'invalid_input');
    assert.deepEqual(bad.fields.map((f) => f.name), ['name']);
    const nowhere = await rejectsWith(() => env.client.volumes.create({ name: uniqueName('s'), size: 10 }), 'invalid_input');
    assert.deepEqual(nowhere.fields.map((f) => f.name), ['location', 'server']);
    const name = uniqueName('taken');
    await env.client.volumes.create({ name, size: 10, location: 'hel1' });
    await rejectsWith(() => env.client.volumes.create({ name, size: 10, location: 'hel1' }), 'uniqueness_error');
  });

  it('update renames and replaces the labels; a taken name is uniqueness_error', async () => {
    const one = (await env.client.volumes.create({ name: uniqueName('u'), size: 10, location: 'nbg1', labels: { a: '1' } })).volume;
    const other = (await env.client.volumes.create({ name: uniqueName('u'), size: 10, location: 'nbg1' })).volume;
    const name = uniqueName('renamed');
    const updated = await env.client.volumes.update(one.id, { name, labels: { b: '2' } });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/volumes/${one.id}`).body, { name, labels: { b: '2' } });
    assert.deepEqual([updated.name, updated.labels], [name, { b: '2' }]);
    await rejectsWith(() => env.client.volumes.update(other.id, { name }), 'uniqueness_error');
  });

  it('attach and detach; another location is invalid_input on server; attached twice is volume_already_attached; a running action is locked', async () => {
    const { a, b, elsewhere } = await servers(env);
    const made = await env.client.volumes.create({ name: uniqueName('att'), size: 10, location: 'fsn1' });
    await rejectsWith(() => env.client.volumes.attach(made.volume.id, a.id), 'locked');
    await settle(env, made.action!);
    const far = await rejectsWith(() => env.client.volumes.attach(made.volume.id, elsewhere.id), 'invalid_input');
    assert.deepEqual(far.fields.map((f) => f.name), ['server']);

    const attach = await env.client.volumes.attach(made.volume.id, a.id, { automount: false });
    assert.deepEqual(lastReceived(env.sim, 'POST', `/volumes/${made.volume.id}/actions/attach`).body, { server: a.id, automount: false });
    assert.equal(attach.command, 'attach_volume');
    assert.deepEqual(attach.resources.map((r) => r.type).sort(), ['server', 'volume']);
    await settle(env, attach);
    await rejectsWith(() => env.client.volumes.attach(made.volume.id, b.id), 'volume_already_attached');

    const detach = await env.client.volumes.detach(made.volume.id);
    assert.equal(detach.command, 'detach_volume');
    await settle(env, detach);
    assert.equal((await env.client.volumes.get(made.volume.id))?.serverId, undefined);
    await rejectsWith(() => env.client.volumes.detach(made.volume.id), 'invalid_input');
  });

  it('resize only larger; the new price follows the size', async () => {
    const made = await env.client.volumes.create({ name: uniqueName('rs'), size: 50, location: 'nbg1' });
    await settle(env, made.action!);
    await rejectsWith(() => env.client.volumes.resize(made.volume.id, 50), 'invalid_input');
    const smaller = await rejectsWith(() => env.client.volumes.resize(made.volume.id, 40), 'invalid_input');
    assert.deepEqual(smaller.fields.map((f) => f.name), ['size']);
    const action = await env.client.volumes.resize(made.volume.id, 80);
    assert.deepEqual(lastReceived(env.sim, 'POST', `/volumes/${made.volume.id}/actions/resize`).body, { size: 80 });
    assert.equal(action.command, 'resize_volume');
    await settle(env, action);
    assert.equal((await env.client.volumes.get(made.volume.id))?.size, 80);

    const pricing = await env.client.pricing.get();
    const perGb = pricing.volume?.perGbMonth;
    assert.ok(perGb && perGb.gross > perGb.net, 'today\'s /pricing has volume.price_per_gb_month');
    assert.deepEqual(volumeMonthly(perGb, 80), { net: perGb.net * 80, gross: perGb.gross * 80, currency: 'EUR' });
  });

  it('no_space_left_in_location when a location is full, for a create and for a resize', async () => {
    const small = await env.client.volumes.create({ name: uniqueName('small'), size: 10, location: 'hel1' });
    const made = [small.volume.id];
    const creates = [small.action!];
    const fill = async (size: number) => {
      try {
        const big = await env.client.volumes.create({ name: uniqueName('big'), size, location: 'hel1' });
        made.push(big.volume.id);
        creates.push(big.action!);
        return undefined;
      } catch (e) {
        return e;
      }
    };
    let failure: unknown;
    for (let i = 0; i < 6 && !failure; i++) failure = await fill(10240);
    assert.ok(made.length > 1 && made.length < 6, `10 TB volumes fill hel1 after a few (made ${made.length})`);
    await rejectsWith(() => Promise.reject(failure), 'no_space_left_in_location');
    // Fill what is left to under 10 GB, then growing the small volume by 10 GB does not fit either.
    for (let size = 5120; size >= 10; size /= 2) await fill(size);
    await settle(env, creates);
    await rejectsWith(() => env.client.volumes.resize(small.volume.id, 20), 'no_space_left_in_location');
    for (const id of made) await env.client.volumes.delete(id);
  });

  it('change_protection; delete: protected, attached (invalid_input), then deleted', async () => {
    const { a } = await servers(env);
    const made = await env.client.volumes.create({ name: uniqueName('del'), size: 10, server: a.id });
    await settle(env, [made.action!, ...made.nextActions]);
    const protect = await env.client.volumes.changeProtection(made.volume.id, { delete: true });
    assert.deepEqual(lastReceived(env.sim, 'POST', `/volumes/${made.volume.id}/actions/change_protection`).body, { delete: true });
    await settle(env, protect);
    assert.equal((await env.client.volumes.get(made.volume.id))?.protection.delete, true);
    await rejectsWith(() => env.client.volumes.delete(made.volume.id), 'protected');
    await settle(env, await env.client.volumes.changeProtection(made.volume.id, { delete: false }));
    await rejectsWith(() => env.client.volumes.delete(made.volume.id), 'invalid_input');
    await settle(env, await env.client.volumes.detach(made.volume.id));
    await env.client.volumes.delete(made.volume.id);
    assert.equal(lastReceived(env.sim, 'DELETE', `/volumes/${made.volume.id}`).status, 204);
    assert.equal(await env.client.volumes.get(made.volume.id), undefined);
  });

  it('the action lists: of one volume, one of its actions, of every volume, one by id', async () => {
    const made = await env.client.volumes.create({ name: uniqueName('acts'), size: 10, location: 'fsn1' });
    const [done] = await settle(env, made.action!);
    const own = await env.client.volumes.listActions(made.volume.id);
    assert.deepEqual(own.items.map((a) => a.command), ['create_volume']);
    assert.deepEqual(await env.client.volumes.listAllActions(made.volume.id), own.items);
    assert.equal((await env.client.volumes.getAction(made.volume.id, done.id))?.status, 'success');
    assert.equal(await env.client.volumes.getAction(made.volume.id, 1), undefined);
    const kind = await env.client.volumes.listKindActions({ id: done.id });
    assert.deepEqual(kind.items.map((a) => a.id), [done.id]);
    assert.ok((await env.client.volumes.listKindActions({ perPage: 50 })).items.every((a) => a.resources[0]?.type === 'volume'));
    assert.equal((await env.client.volumes.getKindAction(done.id))?.command, 'create_volume');
    const serverAction = (await env.client.servers.listKindActions({ perPage: 1 })).items[0];
    assert.equal(await env.client.volumes.getKindAction(serverAction.id), undefined);
  });

  it('a new server takes volumes of its location (and automount); deleting it detaches them', async () => {
    const volume = await env.client.volumes.create({ name: uniqueName('boot'), size: 10, location: 'fsn1' });
    await settle(env, volume.action!);
    const server = await env.client.servers.create({ name: uniqueName('with-vol'), serverType: 'cx21', image: 'ubuntu-22.04', location: 'fsn1', volumes: [volume.volume.id], automount: true });
    assert.deepEqual((lastReceived(env.sim, 'POST', '/servers').body as { volumes?: number[] }).volumes, [volume.volume.id]);
    assert.deepEqual(server.server.volumeIds, [volume.volume.id]);
    await rejectsWith(
      () => env.client.servers.create({ name: uniqueName('twice'), serverType: 'cx21', image: 'ubuntu-22.04', location: 'fsn1', volumes: [volume.volume.id] }),
      'volume_already_attached',
    );
    await settle(env, server.action);
    await settle(env, await env.client.servers.delete(server.server.id));
    const after = await env.client.volumes.get(volume.volume.id);
    assert.equal(after?.serverId, undefined, 'the volume stays, detached');
  });
});

describe('volumes [api 2018]', () => {
  const env = useSimulator({ api: '2018', seed: 'demo' });

  it('every volume path answers as an unknown path does', async () => {
    const unknown = await rejectsWith(() => env.client.transport.request('GET', '/no_such_things'), 'not_found');
    const list = await rejectsWith(() => env.client.volumes.list(), 'not_found');
    assert.equal(list.message, unknown.message);
    await rejectsWith(() => env.client.volumes.create({ name: 'v', size: 10, location: 'fsn1' }), 'not_found');
    await rejectsWith(() => env.client.volumes.listKindActions(), 'not_found');
    assert.equal(await env.client.volumes.get(1), undefined);
    assert.equal((await env.client.pricing.get()).volume, undefined);
    assert.equal((await env.client.servers.listAll())[0].volumeIds, undefined);
  });
});
