// Placement Groups (today's API) through the client against the simulator: the five /placement_groups
// endpoints, the two server actions, `placement_group` of a server and of POST /servers, and every
// failure the simulator answers for them. The 2018 contract has none of it: every path is a 404.
import * as assert from 'node:assert/strict';
import type { PlacementGroupSchema, ServerSchema } from '../../../src/api/schema';
import type { Server } from '../../../src/api/types';
import { forEachApi, lastReceived, raw, rejectsWith, serverSpec, settle, uniqueName, useSimulator, type Env } from './helpers';

/** A new server that is off (created without starting it). */
async function offServer(env: Env, placementGroup?: number): Promise<Server> {
  const { type, location, image } = await serverSpec(env);
  const created = await env.client.servers.create({ name: uniqueName('pg'), serverType: type.name, image: image.id, location: location.name, startAfterCreate: false, placementGroup });
  await settle(env, created.action);
  return created.server;
}

forEachApi('placement groups', (api) => {
  const env = useSimulator({ api, seed: 'demo' });

  if (api === '2018') {
    it('every placement group path answers not_found, as any unknown path of the 2018 contract', async () => {
      await rejectsWith(() => env.client.placementGroups.list(), 'not_found');
      await rejectsWith(() => env.client.placementGroups.listAll(), 'not_found');
      await rejectsWith(() => env.client.placementGroups.create({ name: 'pg', type: 'spread' }), 'not_found');
      await rejectsWith(() => env.client.placementGroups.update(1, { name: 'x' }), 'not_found');
      await rejectsWith(() => env.client.placementGroups.delete(1), 'not_found');
      assert.equal(await env.client.placementGroups.get(1), undefined);
      const server = await offServer(env, 1);
      assert.equal(lastReceived(env.sim, 'POST', '/servers').status, 201, 'the 2018 mode ignores placement_group as an unknown field');
      assert.equal(server.placementGroup, undefined);
      await rejectsWith(() => env.client.servers.addToPlacementGroup(server.id, 1), 'not_found');
      await rejectsWith(() => env.client.servers.removeFromPlacementGroup(server.id), 'not_found');
      const wire = await raw<{ server: ServerSchema }>(env.sim, `/servers/${server.id}`);
      assert.equal('placement_group' in wire.server, false);
    });
    return;
  }

  it('create, get, list with every filter, update, delete; a missing id resolves undefined', async () => {
    const run = uniqueName('run');
    const name = uniqueName('group');
    const { placementGroup: group, action } = await env.client.placementGroups.create({ name, type: 'spread', labels: { run, tier: 'web' } });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/placement_groups').body, { name, type: 'spread', labels: { run, tier: 'web' } });
    assert.equal(action, undefined);
    assert.deepEqual([group.name, group.type, group.serverIds, group.labels], [name, 'spread', [], { run, tier: 'web' }]);
    assert.ok(group.created instanceof Date && !Number.isNaN(group.created.getTime()));
    const other = (await env.client.placementGroups.create({ name: `${name}-b`, type: 'spread', labels: { run } })).placementGroup;

    assert.deepEqual(await env.client.placementGroups.get(group.id), group);
    assert.equal(await env.client.placementGroups.get(424242), undefined);
    const wire = await raw<{ placement_group: PlacementGroupSchema }>(env.sim, `/placement_groups/${group.id}`);
    assert.deepEqual(wire.placement_group, { id: group.id, name, labels: { run, tier: 'web' }, type: 'spread', servers: [], created: wire.placement_group.created });

    assert.deepEqual((await env.client.placementGroups.list({ name })).items, [group]);
    assert.deepEqual(lastReceived(env.sim, 'GET', '/placement_groups').query.name, [name]);
    const byLabel = await env.client.placementGroups.listAll({ labelSelector: `run=${run}`, sort: 'id:desc', type: ['spread'] });
    assert.deepEqual(lastReceived(env.sim, 'GET', '/placement_groups').query, { label_selector: [`run=${run}`], sort: ['id:desc'], type: ['spread'], page: ['1'], per_page: ['50'] });
    assert.deepEqual(byLabel.map((g) => g.id), [other.id, group.id]);
    assert.deepEqual((await env.client.placementGroups.listAll({ labelSelector: `run=${run},tier=web` })).map((g) => g.id), [group.id]);
    assert.deepEqual((await env.client.placementGroups.listAll({ labelSelector: `run=${run}`, sort: ['name:desc'] })).map((g) => g.name), [`${name}-b`, name]);

    const updated = await env.client.placementGroups.update(group.id, { name: `${name}-2`, labels: { run } });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/placement_groups/${group.id}`).body, { name: `${name}-2`, labels: { run } });
    assert.deepEqual([updated.name, updated.labels], [`${name}-2`, { run }]);

    await env.client.placementGroups.delete(group.id);
    assert.equal(lastReceived(env.sim, 'DELETE', `/placement_groups/${group.id}`).status, 204);
    assert.equal(await env.client.placementGroups.get(group.id), undefined);
    await env.client.placementGroups.delete(other.id);
    await rejectsWith(() => env.client.placementGroups.delete(group.id), 'not_found');
  });

  it('refuses a taken name (uniqueness_error), a type other than spread and an empty name (invalid_input)', async () => {
    const name = uniqueName('taken');
    const { placementGroup: group } = await env.client.placementGroups.create({ name, type: 'spread' });
    const taken = await rejectsWith(() => env.client.placementGroups.create({ name, type: 'spread' }), 'uniqueness_error');
    assert.deepEqual(taken.fields.map((f) => f.name), ['name']);
    const other = (await env.client.placementGroups.create({ name: `${name}-b`, type: 'spread' })).placementGroup;
    await rejectsWith(() => env.client.placementGroups.update(other.id, { name }), 'uniqueness_error');
    const badType = await rejectsWith(() => env.client.placementGroups.create({ name: `${name}-c`, type: 'cluster' as 'spread' }), 'invalid_input');
    assert.deepEqual(badType.fields.map((f) => f.name), ['type']);
    await rejectsWith(() => env.client.placementGroups.create({ name: ' ', type: 'spread' }), 'invalid_input');
    await rejectsWith(() => env.client.placementGroups.list({ type: ['cluster'] }), 'invalid_input');
    await env.client.placementGroups.delete(group.id);
    await env.client.placementGroups.delete(other.id);
  });

  it('add and remove a server: the group and the server say so; every refusal has its code', async () => {
    const { placementGroup: group } = await env.client.placementGroups.create({ name: uniqueName('members'), type: 'spread' });
    const server = await offServer(env);

    const action = await env.client.servers.addToPlacementGroup(server.id, group.id);
    assert.deepEqual(lastReceived(env.sim, 'POST', `/servers/${server.id}/actions/add_to_placement_group`).body, { placement_group: group.id });
    assert.equal(action.command, 'add_to_placement_group');
    assert.equal((await settle(env, action))[0].status, 'success');
    assert.deepEqual((await env.client.placementGroups.get(group.id))?.serverIds, [server.id]);
    const member = await env.client.servers.get(server.id);
    assert.deepEqual([member?.placementGroup?.id, member?.placementGroup?.name, member?.placementGroup?.serverIds], [group.id, group.name, [server.id]]);

    const again = await rejectsWith(() => env.client.servers.addToPlacementGroup(server.id, group.id), 'server_already_attached');
    assert.equal(again.status, 422, 'the OpenAPI table gives 422 for server_already_attached');
    const unknown = await rejectsWith(() => env.client.servers.addToPlacementGroup(server.id, 424242), 'invalid_input');
    assert.deepEqual(unknown.fields.map((f) => f.name), ['placement_group']);
    const inUse = await rejectsWith(() => env.client.placementGroups.delete(group.id), 'invalid_input');
    assert.match(inUse.message, new RegExp(`servers ${server.id}`));

    const removal = await env.client.servers.removeFromPlacementGroup(server.id);
    assert.equal(lastReceived(env.sim, 'POST', `/servers/${server.id}/actions/remove_from_placement_group`).status, 201);
    assert.equal(removal.command, 'remove_from_placement_group');
    await settle(env, removal);
    assert.deepEqual((await env.client.placementGroups.get(group.id))?.serverIds, []);
    assert.equal((await env.client.servers.get(server.id))?.placementGroup, undefined);
    assert.equal((await raw<{ server: ServerSchema }>(env.sim, `/servers/${server.id}`)).server.placement_group, null);
    await rejectsWith(() => env.client.servers.removeFromPlacementGroup(server.id), 'invalid_input');

    const on = await env.client.servers.powerOn(server.id);
    await settle(env, on);
    const running = await rejectsWith(() => env.client.servers.addToPlacementGroup(server.id, group.id), 'server_not_stopped');
    assert.equal(running.status, 422, 'the OpenAPI table gives 422 for server_not_stopped');
    assert.deepEqual((await env.client.placementGroups.get(group.id))?.serverIds, []);
    await env.client.placementGroups.delete(group.id);
  });

  it('POST /servers with placement_group joins it; a spread group holds 10 servers (placement_error); deleting a server leaves the group', async () => {
    const { placementGroup: group } = await env.client.placementGroups.create({ name: uniqueName('full'), type: 'spread' });
    const members: Server[] = [];
    for (let i = 0; i < 10; i++) members.push(await offServer(env, group.id));
    assert.equal((lastReceived(env.sim, 'POST', '/servers').body as { placement_group: number }).placement_group, group.id);
    assert.equal(members[0].placementGroup?.id, group.id, 'the create answer carries the group');
    assert.deepEqual((await env.client.placementGroups.get(group.id))?.serverIds, members.map((s) => s.id));

    const { type, location, image } = await serverSpec(env);
    const count = (await env.client.servers.listAll()).length;
    await rejectsWith(() => env.client.servers.create({ name: uniqueName('pg'), serverType: type.name, image: image.id, location: location.name, placementGroup: group.id }), 'placement_error');
    assert.equal((await env.client.servers.listAll()).length, count, 'no server was made');
    const outsider = await offServer(env);
    await rejectsWith(() => env.client.servers.addToPlacementGroup(outsider.id, group.id), 'placement_error');
    const unknown = await rejectsWith(() => env.client.servers.create({ name: uniqueName('pg'), serverType: type.name, image: image.id, placementGroup: 424242 }), 'invalid_input');
    assert.deepEqual(unknown.fields.map((f) => f.name), ['placement_group']);

    await settle(env, await env.client.servers.delete(members[0].id));
    assert.deepEqual((await env.client.placementGroups.get(group.id))?.serverIds, members.slice(1).map((s) => s.id));
    await settle(env, await env.client.servers.addToPlacementGroup(outsider.id, group.id));
    assert.equal((await env.client.placementGroups.get(group.id))?.serverIds.length, 10);
    for (const s of [...members.slice(1), outsider]) await settle(env, await env.client.servers.delete(s.id));
    assert.deepEqual((await env.client.placementGroups.get(group.id))?.serverIds, []);
    await env.client.placementGroups.delete(group.id);
  });
}, ['2026', '2018']);
