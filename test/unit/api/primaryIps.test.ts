// Primary IPs (today's API only): list (name, ip, label_selector), get, create, update, delete, the
// four actions and the action lists, through the client against the simulator; the state rules (the
// server must be off, one IP per family, same location, no delete while assigned) with their codes;
// servers' public addresses as Primary IPs (create with public_net, delete with auto_delete).
import * as assert from 'node:assert/strict';
import type { PrimaryIpSchema } from '../../../src/api/schema';
import type { Server } from '../../../src/api/types';
import { lastReceived, raw, received, rejectsWith, serverSpec, settle, uniqueName, useSimulator, type Env } from './helpers';

/** A new server that is off, in `location` (default: the spec's). */
async function offServer(env: Env, location?: string, publicNet?: Parameters<Env['client']['servers']['create']>[0]['publicNet']): Promise<Server> {
  const spec = await serverSpec(env);
  const r = await env.client.servers.create({
    name: uniqueName('pip-host'),
    serverType: spec.type.name,
    image: spec.image.id,
    location: location ?? spec.location.name,
    startAfterCreate: false,
    publicNet,
  });
  await settle(env, r.action);
  return (await env.client.servers.get(r.server.id)) as Server;
}

async function post(env: Env, path: string, body: unknown): Promise<{ status: number; body: { error?: { code: string; details: { fields?: Array<{ name: string }> } } } }> {
  const res = await fetch(`${env.sim.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${env.sim.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as never };
}

describe('primary IPs [api 2026]', () => {
  const env = useSimulator({ api: '2026', seed: 'demo' });

  it('list and get convert like the wire (assignee_type unassigned, location, no datacenter); a missing id resolves undefined', async () => {
    const all = await env.client.primaryIps.listAll();
    const { primary_ips: wire } = await raw<{ primary_ips: PrimaryIpSchema[] }>(env.sim, '/primary_ips?per_page=50');
    assert.deepEqual(
      all.map((p) => [p.id, p.name, p.ip, p.type, p.assigneeId ?? null, p.autoDelete, p.location.name, p.dnsPtr.map((d) => d.dnsPtr), p.labels]),
      wire.map((w) => [w.id, w.name, w.ip, w.type, w.assignee_id, w.auto_delete, w.location.name, w.dns_ptr.map((d) => d.dns_ptr), w.labels]),
    );
    assert.ok(wire.every((w) => !('datacenter' in w)), 'no datacenter since 2026-07-01');
    const spare = wire.find((w) => w.name === 'spare-primary-ipv4');
    assert.deepEqual([spare?.assignee_id, spare?.assignee_type], [null, 'unassigned']);
    assert.ok(wire.filter((w) => w.assignee_id !== null).every((w) => w.assignee_type === 'server'));
    const servers = await env.client.servers.listAll();
    for (const s of servers) {
      assert.equal(all.find((p) => p.id === s.publicNet.ipv4?.primaryIpId)?.ip, s.publicNet.ipv4?.ip, `${s.name}'s IPv4 is a Primary IP`);
      assert.equal(all.find((p) => p.id === s.publicNet.ipv6?.primaryIpId)?.assigneeId, s.id, `${s.name}'s IPv6 is a Primary IP`);
    }
    assert.deepEqual(await env.client.primaryIps.get(all[0].id), all[0]);
    assert.equal(await env.client.primaryIps.get(424242), undefined);
  });

  it('list filters by name, ip and label_selector, and sorts', async () => {
    const [first, second] = await env.client.primaryIps.listAll();
    assert.deepEqual((await env.client.primaryIps.list({ name: second.name })).items.map((p) => p.id), [second.id]);
    assert.deepEqual(lastReceived(env.sim, 'GET', '/primary_ips').query.name, [second.name]);
    assert.deepEqual((await env.client.primaryIps.list({ ip: first.ip })).items.map((p) => p.id), [first.id]);
    assert.deepEqual(lastReceived(env.sim, 'GET', '/primary_ips').query.ip, [first.ip]);
    assert.deepEqual((await env.client.primaryIps.listAll({ labelSelector: 'tier=db' })).map((p) => p.name), ['db-main-ipv4']);
    const desc = (await env.client.primaryIps.list({ sort: 'id:desc', perPage: 2 })).items.map((p) => p.id);
    assert.ok(desc[0] > desc[1]);
  });

  it('create in a location (no action), update name, labels and auto_delete, delete', async () => {
    const name = uniqueName('pip');
    const created = await env.client.primaryIps.create({ name, type: 'ipv6', location: 'hel1', labels: { run: name } });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/primary_ips').body, { name, type: 'ipv6', assignee_type: 'server', location: 'hel1', labels: { run: name } });
    assert.equal(created.action, undefined);
    const pip = created.primaryIp;
    assert.deepEqual([pip.type, pip.location.name, pip.assigneeId, pip.autoDelete], ['ipv6', 'hel1', undefined, false]);
    assert.match(pip.ip, /\/64$/);

    const updated = await env.client.primaryIps.update(pip.id, { name: `${name}-2`, labels: {}, autoDelete: true });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/primary_ips/${pip.id}`).body, { name: `${name}-2`, labels: {}, auto_delete: true });
    assert.deepEqual([updated.name, updated.labels, updated.autoDelete], [`${name}-2`, {}, true]);
    await rejectsWith(() => env.client.primaryIps.update(pip.id, { name: 'spare-primary-ipv4' }), 'uniqueness_error');

    await env.client.primaryIps.delete(pip.id);
    assert.equal(lastReceived(env.sim, 'DELETE', `/primary_ips/${pip.id}`).status, 204);
    assert.equal(await env.client.primaryIps.get(pip.id), undefined);
  });

  it('create refuses datacenter (removed 2026-07-01), neither or both of assignee and location, an unknown location', async () => {
    const dc = await post(env, '/primary_ips', { name: uniqueName('pip'), type: 'ipv4', assignee_type: 'server', datacenter: 'fsn1-dc14' });
    assert.deepEqual([dc.status, dc.body.error?.code, dc.body.error?.details.fields?.map((f) => f.name)], [400, 'invalid_input', ['datacenter']]);
    const neither = await rejectsWith(() => env.client.primaryIps.create({ name: uniqueName('pip'), type: 'ipv4' }), 'invalid_input');
    assert.deepEqual(neither.fields.map((f) => f.name), ['assignee_id', 'location']);
    const [server] = await env.client.servers.listAll();
    const both = await rejectsWith(() => env.client.primaryIps.create({ name: uniqueName('pip'), type: 'ipv4', server: server.id, location: 'fsn1' }), 'invalid_input');
    assert.deepEqual(both.fields.map((f) => f.name), ['location']);
    const nowhere = await rejectsWith(() => env.client.primaryIps.create({ name: uniqueName('pip'), type: 'ipv4', location: 'atlantis' }), 'invalid_input');
    assert.deepEqual(nowhere.fields.map((f) => f.name), ['location']);
    const dup = await rejectsWith(() => env.client.primaryIps.create({ name: 'spare-primary-ipv4', type: 'ipv4', location: 'fsn1' }), 'uniqueness_error');
    assert.equal(dup.status, 409);
  });

  it('create for a server: server_not_stopped while it runs, server_has_ipv4 while it has one, else the assign action', async () => {
    const running = (await env.client.servers.listAll()).find((s) => s.status === 'running') as Server;
    await rejectsWith(() => env.client.primaryIps.create({ name: uniqueName('pip'), type: 'ipv4', server: running.id }), 'server_not_stopped');
    const off = await offServer(env);
    await rejectsWith(() => env.client.primaryIps.create({ name: uniqueName('pip'), type: 'ipv4', server: off.id }), 'server_has_ipv4');
    await settle(env, await env.client.primaryIps.unassign(off.publicNet.ipv4?.primaryIpId as number));
    const created = await env.client.primaryIps.create({ name: uniqueName('pip'), type: 'ipv4', server: off.id, autoDelete: true });
    assert.equal((lastReceived(env.sim, 'POST', '/primary_ips').body as { assignee_id: number }).assignee_id, off.id);
    assert.equal(created.action?.command, 'assign_primary_ip');
    await settle(env, created.action as never);
    const server = await env.client.servers.get(off.id);
    assert.deepEqual([server?.publicNet.ipv4?.primaryIpId, server?.publicNet.ipv4?.ip], [created.primaryIp.id, created.primaryIp.ip]);
  });

  it('assign and unassign need the server off; one IP per family, same location; codes for each', async () => {
    const off = await offServer(env, 'fsn1');
    const v4 = off.publicNet.ipv4?.primaryIpId as number;
    const v6 = off.publicNet.ipv6?.primaryIpId as number;
    const running = (await env.client.servers.listAll()).find((s) => s.status === 'running' && s.location?.name === 'fsn1') as Server;
    const e = await rejectsWith(() => env.client.primaryIps.unassign(running.publicNet.ipv4?.primaryIpId as number), 'server_not_stopped');
    assert.equal(e.path, `/primary_ips/${running.publicNet.ipv4?.primaryIpId}/actions/unassign`);
    await rejectsWith(() => env.client.primaryIps.assign(v4, running.id), 'primary_ip_already_assigned');

    const unassign = await env.client.primaryIps.unassign(v4);
    assert.equal(unassign.command, 'unassign_primary_ip');
    await settle(env, unassign);
    const bare = await env.client.servers.get(off.id);
    assert.equal(bare?.publicNet.ipv4, undefined, 'no IPv4 once unassigned');
    assert.equal((await env.client.primaryIps.get(v4))?.assigneeId, undefined);

    await rejectsWith(() => env.client.primaryIps.assign(v4, running.id), 'server_not_stopped');
    const spare = (await env.client.primaryIps.list({ name: 'spare-primary-ipv4' })).items[0];
    const other = await offServer(env, 'hel1');
    await settle(env, await env.client.primaryIps.unassign(other.publicNet.ipv4?.primaryIpId as number));
    const where = await rejectsWith(() => env.client.primaryIps.assign(spare.id, other.id), 'invalid_input');
    assert.deepEqual(where.fields.map((f) => f.name), ['assignee_id']);
    const missing = await rejectsWith(() => env.client.primaryIps.assign(v4, 99999999), 'invalid_input');
    assert.deepEqual(missing.fields.map((f) => f.name), ['assignee_id']);
    const full = await offServer(env, 'fsn1');
    await rejectsWith(() => env.client.primaryIps.assign(v4, full.id), 'server_has_ipv4');
    const has6 = await env.client.primaryIps.create({ name: uniqueName('pip6'), type: 'ipv6', location: 'fsn1' });
    await rejectsWith(() => env.client.primaryIps.assign(has6.primaryIp.id, off.id), 'server_has_ipv6');

    const assign = await env.client.primaryIps.assign(v4, off.id);
    assert.deepEqual(lastReceived(env.sim, 'POST', `/primary_ips/${v4}/actions/assign`).body, { assignee_id: off.id, assignee_type: 'server' });
    assert.equal(assign.command, 'assign_primary_ip');
    await settle(env, assign);
    assert.equal((await env.client.servers.get(off.id))?.publicNet.ipv4?.primaryIpId, v4);
    assert.equal((await env.client.primaryIps.get(v6))?.assigneeId, off.id);
    await env.client.primaryIps.delete(has6.primaryIp.id);
  });

  it('delete: must_be_unassigned while assigned, protected while protected; protection needs auto_delete off', async () => {
    const off = await offServer(env);
    const id = off.publicNet.ipv4?.primaryIpId as number;
    const assigned = await rejectsWith(() => env.client.primaryIps.delete(id), 'must_be_unassigned');
    assert.equal(assigned.status, 422, 'the OpenAPI table gives 422 for must_be_unassigned');
    const auto = await rejectsWith(() => env.client.primaryIps.changeProtection(id, { delete: true }), 'invalid_input');
    assert.deepEqual(auto.fields.map((f) => f.name), ['delete']);
    await env.client.primaryIps.update(id, { autoDelete: false });
    const protect = await env.client.primaryIps.changeProtection(id, { delete: true });
    assert.deepEqual(lastReceived(env.sim, 'POST', `/primary_ips/${id}/actions/change_protection`).body, { delete: true });
    await settle(env, protect);
    await settle(env, await env.client.primaryIps.unassign(id));
    const e = await rejectsWith(() => env.client.primaryIps.delete(id), 'protected');
    assert.equal(e.status, 403);
    await settle(env, await env.client.primaryIps.changeProtection(id, { delete: false }));
    await env.client.primaryIps.delete(id);
    assert.equal(await env.client.primaryIps.get(id), undefined);
  });

  it('change_dns_ptr on the Primary IP shows on its server, and the server\'s change_dns_ptr on the Primary IP', async () => {
    const off = await offServer(env);
    const v4 = off.publicNet.ipv4 as NonNullable<Server['publicNet']['ipv4']>;
    const v6 = off.publicNet.ipv6 as NonNullable<Server['publicNet']['ipv6']>;
    const dns = await env.client.primaryIps.changeDnsPtr(v4.primaryIpId as number, v4.ip, 'mail.example.com');
    assert.deepEqual(lastReceived(env.sim, 'POST', `/primary_ips/${v4.primaryIpId}/actions/change_dns_ptr`).body, { ip: v4.ip, dns_ptr: 'mail.example.com' });
    assert.equal(dns.command, 'change_dns_ptr');
    await settle(env, dns);
    assert.equal((await env.client.servers.get(off.id))?.publicNet.ipv4?.dnsPtr, 'mail.example.com');
    const one = v6.ip.replace('/64', '1');
    await settle(env, await env.client.servers.changeDnsPtr(off.id, one, 'v6.example.com'));
    assert.deepEqual((await env.client.primaryIps.get(v6.primaryIpId as number))?.dnsPtr, [{ ip: one, dnsPtr: 'v6.example.com' }]);
    const wrong = await rejectsWith(() => env.client.primaryIps.changeDnsPtr(v6.primaryIpId as number, v4.ip, 'x.example.com'), 'invalid_input');
    assert.deepEqual(wrong.fields.map((f) => f.name), ['ip']);
  });

  it('action lists: per Primary IP, one action, and all Primary IP actions', async () => {
    const off = await offServer(env);
    const id = off.publicNet.ipv6?.primaryIpId as number;
    const unassign = await env.client.primaryIps.unassign(id);
    await settle(env, unassign);
    const assign = await env.client.primaryIps.assign(id, off.id);
    await settle(env, assign);
    const page = await env.client.primaryIps.listActions(id, { sort: 'id:asc' });
    assert.deepEqual(lastReceived(env.sim, 'GET', `/primary_ips/${id}/actions`).query.sort, ['id:asc']);
    assert.deepEqual(page.items.map((a) => a.command), ['unassign_primary_ip', 'assign_primary_ip']);
    assert.equal((await env.client.primaryIps.listAllActions(id)).length, 2);
    assert.equal((await env.client.primaryIps.getAction(id, assign.id))?.status, 'success');
    assert.equal(await env.client.primaryIps.getAction(id, 99999999), undefined);
    const kind = await env.client.primaryIps.listKindActions({ id: [unassign.id, assign.id] });
    assert.equal(received(env.sim, 'GET', '/primary_ips/actions').length, 1);
    assert.deepEqual(kind.items.map((a) => a.id).sort(), [unassign.id, assign.id].sort());
  });

  it('a server create takes public_net: existing Primary IPs, or none; the codes for a wrong one', async () => {
    const ipv4 = await env.client.primaryIps.create({ name: uniqueName('pip'), type: 'ipv4', location: 'fsn1' });
    const ipv6 = await env.client.primaryIps.create({ name: uniqueName('pip'), type: 'ipv6', location: 'fsn1' });
    await rejectsWith(() => offServer(env, 'fsn1', { ipv4: ipv6.primaryIp.id }), 'primary_ip_version_mismatch');
    const taken = (await env.client.servers.listAll())[0].publicNet.ipv4?.primaryIpId as number;
    await rejectsWith(() => offServer(env, 'fsn1', { ipv4: taken }), 'primary_ip_assigned');
    const elsewhere = await rejectsWith(() => offServer(env, 'hel1', { ipv4: ipv4.primaryIp.id }), 'invalid_input');
    assert.deepEqual(elsewhere.fields.map((f) => f.name), ['public_net.ipv4']);
    const noNet = await rejectsWith(() => offServer(env, 'fsn1', { enableIpv4: false, enableIpv6: false }), 'invalid_input');
    assert.deepEqual(noNet.fields.map((f) => f.name), ['public_net']);

    const server = await offServer(env, 'fsn1', { ipv4: ipv4.primaryIp.id, enableIpv6: false });
    assert.deepEqual((lastReceived(env.sim, 'POST', '/servers').body as { public_net: unknown }).public_net, { ipv4: ipv4.primaryIp.id, enable_ipv6: false });
    assert.deepEqual([server.publicNet.ipv4?.primaryIpId, server.publicNet.ipv4?.ip, server.publicNet.ipv6], [ipv4.primaryIp.id, ipv4.primaryIp.ip, undefined]);
    await env.client.primaryIps.delete(ipv6.primaryIp.id);
  });

  it('deleting a server deletes its auto_delete Primary IPs and unassigns the others', async () => {
    const server = await offServer(env);
    const v4 = server.publicNet.ipv4?.primaryIpId as number;
    const v6 = server.publicNet.ipv6?.primaryIpId as number;
    assert.deepEqual([(await env.client.primaryIps.get(v4))?.autoDelete, (await env.client.primaryIps.get(v6))?.autoDelete], [true, true]);
    await env.client.primaryIps.update(v4, { autoDelete: false });
    await settle(env, await env.client.servers.delete(server.id));
    assert.equal(await env.client.primaryIps.get(v6), undefined);
    const kept = await env.client.primaryIps.get(v4);
    assert.deepEqual([kept?.assigneeId, kept?.autoDelete], [undefined, false]);
    await env.client.primaryIps.delete(v4);
  });

  it('pricing has primary_ips per type and location', async () => {
    const pricing = await env.client.pricing.get();
    const v4 = pricing.primaryIps?.find((p) => p.type === 'ipv4');
    assert.ok(v4 && v4.prices.some((p) => p.location === 'fsn1' && (p.monthly?.net ?? 0) > 0));
    assert.ok(pricing.primaryIps?.some((p) => p.type === 'ipv6'));
  });
});

describe('primary IPs [api 2018]', () => {
  const env = useSimulator({ api: '2018', seed: 'demo' });

  it('do not exist: every path answers 404 as an unknown one; servers name no Primary IP', async () => {
    const e = await rejectsWith(() => env.client.primaryIps.list(), 'not_found');
    assert.equal(e.status, 404);
    await rejectsWith(() => env.client.primaryIps.create({ name: 'x', type: 'ipv4', location: 'fsn1' }), 'not_found');
    await rejectsWith(() => env.client.primaryIps.listKindActions(), 'not_found');
    const [server] = await env.client.servers.listAll();
    assert.equal(server.publicNet.ipv4?.primaryIpId, undefined);
    const unknown = await fetch(`${env.sim.url}/no_such_things`, { headers: { Authorization: `Bearer ${env.sim.token}` } });
    const mine = await fetch(`${env.sim.url}/primary_ips`, { headers: { Authorization: `Bearer ${env.sim.token}` } });
    assert.deepEqual([mine.status, ((await mine.json()) as { error: { code: string } }).error.code], [unknown.status, ((await unknown.json()) as { error: { code: string } }).error.code]);
  });
});
