// Networks through the client against the simulator (today's API): every /networks endpoint, the
// server actions attach_to_network / detach_from_network / change_alias_ips, POST /servers with
// `networks`, and each failure code. Against the 2018 contract every one of these paths is unknown.
import * as assert from 'node:assert/strict';
import type { NetworkSchema } from '../../../src/api/schema';
import type { Network } from '../../../src/api/types';
import { lastReceived, raw, rejectsWith, serverSpec, settle, uniqueName, useSimulator, type Env } from './helpers';

async function newServer(env: Env): Promise<number> {
  const spec = await serverSpec(env);
  const r = await env.client.servers.create({ name: uniqueName('net-srv'), serverType: spec.type.name, image: spec.image.id, location: 'fsn1' });
  await settle(env, r.action);
  return r.server.id;
}

async function newNetwork(env: Env, ipRange = '10.20.0.0/16'): Promise<Network> {
  return env.client.networks.create({ name: uniqueName('net'), ipRange, subnets: [{ type: 'cloud', networkZone: 'eu-central', ipRange: ipRange.replace(/\.0\.0\/16$/, '.1.0/24') }] });
}

const fieldsOf = (e: { details?: unknown }) => ((e.details as { fields?: Array<{ name: string }> })?.fields ?? []).map((f) => f.name);

describe('networks [api 2026]', () => {
  const env = useSimulator({ api: '2026', seed: 'demo' });

  it('list (name, label_selector), listAll and get convert like the wire; a missing id resolves undefined', async () => {
    const page = await env.client.networks.list();
    const wire = await raw<{ networks: NetworkSchema[] }>(env.sim, '/networks');
    assert.deepEqual(
      page.items.map((n) => [n.id, n.name, n.ipRange, n.subnets.map((s) => [s.type, s.ipRange, s.networkZone, s.gateway, s.vswitchId ?? null]), n.serverIds, n.protection.delete]),
      wire.networks.map((n) => [n.id, n.name, n.ip_range, n.subnets.map((s) => [s.type, s.ip_range, s.network_zone, s.gateway, s.vswitch_id ?? null]), n.servers, n.protection.delete]),
    );
    const backend = page.items.find((n) => n.name === 'backend') as Network;
    assert.deepEqual(backend.routes, [{ destination: '10.100.1.0/24', gateway: '10.0.1.10' }]);
    assert.deepEqual(backend.subnets.map((s) => s.gateway), ['10.0.0.1', '10.0.2.1']);
    assert.deepEqual((await env.client.networks.list({ name: 'backend' })).items.map((n) => n.id), [backend.id]);
    assert.deepEqual((await env.client.networks.list({ labelSelector: 'env=production' })).items.map((n) => n.id), [backend.id]);
    assert.equal(lastReceived(env.sim, 'GET', '/networks').query.label_selector?.[0], 'env=production');
    assert.equal((await env.client.networks.listAll()).length, wire.networks.length);
    assert.deepEqual(await env.client.networks.get(backend.id), backend);
    assert.equal(await env.client.networks.get(999999), undefined);
    assert.ok((await env.client.networks.list()).items.some((n) => n.subnets.some((s) => s.type === 'server')), 'the seed keeps a deprecated server subnet');
  });

  it('create with subnets (ip_range optional: first free /24), routes, labels, expose_routes_to_vswitch', async () => {
    const name = uniqueName('net');
    const net = await env.client.networks.create({
      name,
      ipRange: '10.30.0.0/16',
      subnets: [{ type: 'cloud', networkZone: 'eu-central' }, { type: 'vswitch', networkZone: 'eu-central', ipRange: '10.30.8.0/24', vswitchId: 77001 }],
      routes: [{ destination: '192.168.50.0/24', gateway: '10.30.0.5' }],
      labels: { team: 'a' },
      exposeRoutesToVswitch: true,
    });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/networks').body, {
      name,
      ip_range: '10.30.0.0/16',
      subnets: [{ type: 'cloud', network_zone: 'eu-central' }, { type: 'vswitch', network_zone: 'eu-central', ip_range: '10.30.8.0/24', vswitch_id: 77001 }],
      routes: [{ destination: '192.168.50.0/24', gateway: '10.30.0.5' }],
      labels: { team: 'a' },
      expose_routes_to_vswitch: true,
    });
    assert.deepEqual(net.subnets.map((s) => [s.type, s.ipRange, s.gateway, s.vswitchId]), [['cloud', '10.30.0.0/24', '10.30.0.1', undefined], ['vswitch', '10.30.8.0/24', '10.30.8.1', 77001]]);
    assert.equal(net.exposeRoutesToVswitch, true);
    assert.deepEqual(net.labels, { team: 'a' });
  });

  it('create refuses: bad range, subnet outside, overlapping subnets, route gateway outside (invalid_input with fields); used name; used vSwitch id', async () => {
    const bad = async (body: Parameters<Env['client']['networks']['create']>[0], field: string) => {
      const e = await rejectsWith(() => env.client.networks.create(body), 'invalid_input');
      assert.ok(fieldsOf(e).includes(field), `${field} in ${JSON.stringify(e.details)}`);
    };
    await bad({ name: uniqueName('n'), ipRange: '8.8.0.0/16' }, 'ip_range');
    await bad({ name: uniqueName('n'), ipRange: '10.0.0.0/28' }, 'ip_range');
    await bad({ name: uniqueName('n'), ipRange: '10.40.0.0/16', subnets: [{ type: 'cloud', networkZone: 'eu-central', ipRange: '10.41.0.0/24' }] }, 'subnets[0].ip_range');
    const twice = { type: 'cloud' as const, networkZone: 'eu-central', ipRange: '10.40.1.0/24' };
    await bad({ name: uniqueName('n'), ipRange: '10.40.0.0/16', subnets: [twice, { ...twice, ipRange: '10.40.1.128/25' }] }, 'subnets[1].ip_range');
    await bad({ name: uniqueName('n'), ipRange: '10.40.0.0/16', subnets: [{ type: 'vswitch', networkZone: 'eu-central' }] }, 'subnets[0].vswitch_id');
    await bad({ name: uniqueName('n'), ipRange: '10.40.0.0/16', routes: [{ destination: '10.60.0.0/24', gateway: '10.41.0.1' }] }, 'routes[0].gateway');
    await rejectsWith(() => env.client.networks.create({ name: 'backend', ipRange: '10.50.0.0/16' }), 'uniqueness_error');
    const used = await rejectsWith(
      () => env.client.networks.create({ name: uniqueName('n'), ipRange: '10.50.0.0/16', subnets: [{ type: 'vswitch', networkZone: 'eu-central', vswitchId: 1000 }] }),
      'vswitch_id_already_used',
    );
    assert.match(used.message, /1000/);
  });

  it('update: rename, labels, expose_routes_to_vswitch; a used name is uniqueness_error', async () => {
    const net = await newNetwork(env, '10.21.0.0/16');
    const name = uniqueName('renamed');
    const updated = await env.client.networks.update(net.id, { name, labels: { x: 'y' }, exposeRoutesToVswitch: true });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/networks/${net.id}`).body, { name, labels: { x: 'y' }, expose_routes_to_vswitch: true });
    assert.deepEqual([updated.name, updated.labels, updated.exposeRoutesToVswitch], [name, { x: 'y' }, true]);
    await rejectsWith(() => env.client.networks.update(net.id, { name: 'backend' }), 'uniqueness_error');
  });

  it('add_subnet / delete_subnet, add_route / delete_route, change_ip_range (larger only), with their failures', async () => {
    const n = env.client.networks;
    const net = await newNetwork(env, '10.22.0.0/16');
    await settle(env, await n.addSubnet(net.id, { type: 'vswitch', networkZone: 'eu-central', ipRange: '10.22.9.0/24', vswitchId: 77002 }));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/networks/${net.id}/actions/add_subnet`).body, { type: 'vswitch', network_zone: 'eu-central', ip_range: '10.22.9.0/24', vswitch_id: 77002 });
    await settle(env, await n.addSubnet(net.id, { type: 'cloud', networkZone: 'eu-central' }));
    assert.deepEqual((await n.get(net.id))?.subnets.map((s) => s.ipRange), ['10.22.1.0/24', '10.22.9.0/24', '10.22.0.0/24']);
    const outside = await rejectsWith(() => n.addSubnet(net.id, { type: 'cloud', networkZone: 'eu-central', ipRange: '10.99.0.0/24' }), 'invalid_input');
    assert.deepEqual(fieldsOf(outside), ['ip_range']);
    await rejectsWith(() => n.addSubnet(net.id, { type: 'cloud', networkZone: 'eu-central', ipRange: '10.22.1.0/25' }), 'invalid_input');
    await rejectsWith(() => n.addSubnet(net.id, { type: 'vswitch', networkZone: 'eu-central', ipRange: '10.22.20.0/24', vswitchId: 1000 }), 'vswitch_id_already_used');

    await settle(env, await n.deleteSubnet(net.id, '10.22.9.0/24'));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/networks/${net.id}/actions/delete_subnet`).body, { ip_range: '10.22.9.0/24' });
    await rejectsWith(() => n.deleteSubnet(net.id, '10.22.9.0/24'), 'invalid_input');

    const route = { destination: '172.20.0.0/16', gateway: '10.22.1.5' };
    await settle(env, await n.addRoute(net.id, route));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/networks/${net.id}/actions/add_route`).body, route);
    assert.deepEqual((await n.get(net.id))?.routes, [route]);
    await rejectsWith(() => n.addRoute(net.id, { destination: '172.20.5.0/24', gateway: '10.22.1.6' }), 'invalid_input');
    await rejectsWith(() => n.addRoute(net.id, { destination: '172.21.0.0/16', gateway: '10.23.0.1' }), 'invalid_input');
    await settle(env, await n.deleteRoute(net.id, route));
    assert.deepEqual((await n.get(net.id))?.routes, []);

    await rejectsWith(() => n.changeIpRange(net.id, '10.22.0.0/17'), 'invalid_input');
    await rejectsWith(() => n.changeIpRange(net.id, '10.24.0.0/15'), 'invalid_input');
    await settle(env, await n.changeIpRange(net.id, '10.22.0.0/15'));
    assert.equal((await n.get(net.id))?.ipRange, '10.22.0.0/15');
  });

  it('an action on a Network with one running is locked; action lists and get', async () => {
    const net = await newNetwork(env, '10.25.0.0/16');
    const action = await env.client.networks.addRoute(net.id, { destination: '172.25.0.0/16', gateway: '10.25.1.9' });
    await rejectsWith(() => env.client.networks.changeIpRange(net.id, '10.24.0.0/15'), 'locked');
    await settle(env, action);
    const list = await env.client.networks.listActions(net.id);
    assert.deepEqual(list.items.map((a) => a.command), ['add_route']);
    assert.equal((await env.client.networks.getAction(net.id, action.id))?.status, 'success');
    assert.ok((await env.client.networks.listKindActions({ id: [action.id] })).items.some((a) => a.id === action.id));
    assert.equal((await env.client.networks.listAllActions(net.id)).length, 1);
  });

  it('change_protection; a protected Network is not deleted (protected); delete detaches its servers', async () => {
    const net = await newNetwork(env, '10.26.0.0/16');
    await settle(env, await env.client.networks.changeProtection(net.id, { delete: true }));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/networks/${net.id}/actions/change_protection`).body, { delete: true });
    await rejectsWith(() => env.client.networks.delete(net.id), 'protected');
    await settle(env, await env.client.networks.changeProtection(net.id, { delete: false }));
    const server = await newServer(env);
    await settle(env, await env.client.serverNetworks.attachToNetwork(server, { network: net.id }));
    await env.client.networks.delete(net.id);
    assert.equal(await env.client.networks.get(net.id), undefined);
    assert.deepEqual((await env.client.servers.get(server))?.privateNet, []);
  });

  it('attach_to_network: a free IP, or the one asked; alias IPs; the server and the Network show it', async () => {
    const net = await newNetwork(env, '10.27.0.0/16');
    const a = await newServer(env);
    const b = await newServer(env);
    await settle(env, await env.client.serverNetworks.attachToNetwork(a, { network: net.id, aliasIps: ['10.27.1.50'] }));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/servers/${a}/actions/attach_to_network`).body, { network: net.id, alias_ips: ['10.27.1.50'] });
    const privateNet = (await env.client.servers.get(a))?.privateNet ?? [];
    assert.deepEqual(privateNet.map((p) => [p.networkId, p.ip, p.aliasIps]), [[net.id, '10.27.1.1', ['10.27.1.50']]]);
    assert.match(privateNet[0].macAddress ?? '', /^86:00(:[0-9a-f]{2}){4}$/);
    await settle(env, await env.client.serverNetworks.attachToNetwork(b, { network: net.id, ip: '10.27.1.7', ipRange: '10.27.1.0/24' }));
    assert.deepEqual((await env.client.networks.get(net.id))?.serverIds, [a, b]);

    await rejectsWith(() => env.client.serverNetworks.attachToNetwork(a, { network: net.id }), 'server_already_attached');
    const c = await newServer(env);
    const taken = await rejectsWith(() => env.client.serverNetworks.attachToNetwork(c, { network: net.id, ip: '10.27.1.7' }), 'ip_not_available');
    assert.equal(taken.status, 422);
    await rejectsWith(() => env.client.serverNetworks.attachToNetwork(c, { network: net.id, aliasIps: ['10.27.1.50'] }), 'ip_not_available');
    await rejectsWith(() => env.client.serverNetworks.attachToNetwork(c, { network: net.id, ip: '10.28.0.5' }), 'invalid_input');
    await rejectsWith(() => env.client.serverNetworks.attachToNetwork(c, { network: 999999 }), 'invalid_input');

  });

  it('no_subnet_available (a subnet only in another zone, or only a vSwitch), networks_overlap', async () => {
    const server = await newServer(env);
    const far = await env.client.networks.create({ name: uniqueName('far'), ipRange: '10.31.0.0/16', subnets: [{ type: 'cloud', networkZone: 'us-east' }] });
    await rejectsWith(() => env.client.serverNetworks.attachToNetwork(server, { network: far.id }), 'no_subnet_available');
    const vsw = await env.client.networks.create({ name: uniqueName('vsw'), ipRange: '10.32.0.0/16', subnets: [{ type: 'vswitch', networkZone: 'eu-central', vswitchId: 77003 }] });
    await rejectsWith(() => env.client.serverNetworks.attachToNetwork(server, { network: vsw.id }), 'no_subnet_available');
    const one = await env.client.networks.create({ name: uniqueName('one'), ipRange: '192.168.0.0/16', subnets: [{ type: 'cloud', networkZone: 'eu-central' }] });
    const two = await env.client.networks.create({ name: uniqueName('two'), ipRange: '192.168.0.0/17', subnets: [{ type: 'cloud', networkZone: 'eu-central' }] });
    await settle(env, await env.client.serverNetworks.attachToNetwork(server, { network: one.id }));
    await rejectsWith(() => env.client.serverNetworks.attachToNetwork(server, { network: two.id }), 'networks_overlap');
  });

  it('change_alias_ips replaces them; detach_from_network; a subnet with servers is not deleted; deleting the server detaches it', async () => {
    const net = await newNetwork(env, '10.33.0.0/16');
    const server = await newServer(env);
    await settle(env, await env.client.serverNetworks.attachToNetwork(server, { network: net.id }));
    await settle(env, await env.client.serverNetworks.changeAliasIps(server, net.id, ['10.33.1.20', '10.33.1.21']));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/servers/${server}/actions/change_alias_ips`).body, { network: net.id, alias_ips: ['10.33.1.20', '10.33.1.21'] });
    assert.deepEqual((await env.client.servers.get(server))?.privateNet?.[0].aliasIps, ['10.33.1.20', '10.33.1.21']);
    await rejectsWith(() => env.client.serverNetworks.changeAliasIps(server, net.id, ['10.34.0.1']), 'invalid_input');
    await rejectsWith(() => env.client.networks.deleteSubnet(net.id, '10.33.1.0/24'), 'invalid_input');

    await settle(env, await env.client.serverNetworks.detachFromNetwork(server, net.id));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/servers/${server}/actions/detach_from_network`).body, { network: net.id });
    assert.deepEqual((await env.client.servers.get(server))?.privateNet, []);
    await rejectsWith(() => env.client.serverNetworks.detachFromNetwork(server, net.id), 'invalid_input');
    await rejectsWith(() => env.client.serverNetworks.changeAliasIps(server, net.id, []), 'invalid_input');

    await settle(env, await env.client.serverNetworks.attachToNetwork(server, { network: net.id }));
    await settle(env, await env.client.servers.delete(server));
    assert.deepEqual((await env.client.networks.get(net.id))?.serverIds, []);
  });

  it('POST /servers with networks attaches at once; a missing Network creates nothing', async () => {
    const net = await newNetwork(env, '10.35.0.0/16');
    const spec = await serverSpec(env);
    const name = uniqueName('with-net');
    const r = await env.client.servers.create({ name, serverType: spec.type.name, image: spec.image.id, location: 'fsn1', networks: [net.id] });
    assert.deepEqual((lastReceived(env.sim, 'POST', '/servers').body as { networks?: number[] }).networks, [net.id]);
    assert.deepEqual(r.server.privateNet?.map((p) => [p.networkId, p.ip]), [[net.id, '10.35.1.1']]);
    const other = uniqueName('no-net');
    await rejectsWith(() => env.client.servers.create({ name: other, serverType: spec.type.name, image: spec.image.id, networks: [999999] }), 'invalid_input');
    assert.deepEqual((await env.client.servers.list({ name: other })).items, []);
  });
});

describe('networks [api 2018]', () => {
  const env = useSimulator({ api: '2018', seed: 'demo' });

  it('every Network path and server network action answers as an unknown path (404 not_found)', async () => {
    const unknown = await rejectsWith(() => env.client.transport.request('GET', '/no_such_things'), 'not_found');
    const [server] = await env.client.servers.listAll();
    for (const call of [
      () => env.client.networks.list(),
      () => env.client.networks.create({ name: 'n', ipRange: '10.0.0.0/16' }),
      () => env.client.networks.listKindActions(),
      () => env.client.networks.addRoute(1, { destination: '10.1.0.0/16', gateway: '10.0.0.2' }),
      () => env.client.networks.listActions(1),
      () => env.client.serverNetworks.attachToNetwork(server.id, { network: 1 }),
      () => env.client.serverNetworks.detachFromNetwork(server.id, 1),
      () => env.client.serverNetworks.changeAliasIps(server.id, 1, []),
    ]) {
      const e = await rejectsWith(call, 'not_found');
      assert.equal(e.message, unknown.message);
    }
    assert.equal((await env.client.servers.get(server.id))?.privateNet, undefined);
  });
});
