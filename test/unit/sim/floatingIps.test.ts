import * as assert from 'node:assert/strict';
import { FakeClock, fieldNames, withSim, type Json } from './helpers';

const ACTION_MS = 1000;

describe('sim: Floating IPs', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: ACTION_MS });

  const settle = () => clock.advance(ACTION_MS);
  const fip = async (id: number): Promise<Json> => (await api.get(`/floating_ips/${id}`)).body.floating_ip;
  const serverFips = async (id: number): Promise<number[]> => (await api.get(`/servers/${id}`)).body.server.public_net.floating_ips;

  it('lists the demo Floating IPs: assigned, unassigned, IPv6, protected', async () => {
    const res = await api.get('/floating_ips');
    assert.equal(res.status, 200);
    const list: Json[] = res.body.floating_ips;
    assert.equal(list.length, 4);
    const frontend = list.find((f) => f.id === 4711);
    assert.deepEqual(
      { type: frontend.type, server: frontend.server, description: frontend.description, protection: frontend.protection },
      { type: 'ipv4', server: 42, description: 'Web Frontend', protection: { delete: true } },
    );
    assert.match(frontend.ip, /^198\.51\.100\.\d+$/);
    assert.deepEqual(frontend.dns_ptr, [{ ip: frontend.ip, dns_ptr: 'www.example.com' }]);
    assert.equal(frontend.home_location.name, 'fsn1');
    const v6 = list.find((f) => f.type === 'ipv6');
    assert.match(v6.ip, /^2001:db8:[0-9a-f:]+\/64$/);
    assert.equal(v6.server, 43);
    assert.ok(list.some((f) => f.server === null && f.type === 'ipv4'));
    assert.equal(res.body.meta.pagination.total_entries, 4);
  });

  it('creates an unassigned Floating IP with home_location (no action)', async () => {
    const res = await api.post('/floating_ips', { type: 'ipv6', home_location: 'hel1', description: 'spare v6' });
    assert.equal(res.status, 201);
    assert.equal(res.body.action, undefined);
    assert.equal(res.body.floating_ip.server, null);
    assert.equal(res.body.floating_ip.home_location.name, 'hel1');
    assert.deepEqual(res.body.floating_ip.dns_ptr, []);
  });

  it('creates a Floating IP for a server: assign action, server reflects it when done', async () => {
    const res = await api.post('/floating_ips', { type: 'ipv4', server: 47 });
    assert.equal(res.status, 201);
    const { floating_ip, action } = res.body;
    assert.equal(action.command, 'assign_floating_ip');
    assert.equal(floating_ip.home_location.name, 'hel1', 'home defaults to the server location');
    assert.equal(floating_ip.dns_ptr[0].dns_ptr, `static.${floating_ip.ip.split('.').reverse().join('.')}.clients.your-server.de`);
    settle();
    assert.equal((await fip(floating_ip.id)).server, 47);
    assert.deepEqual(await serverFips(47), [floating_ip.id]);
  });

  it('validates create: type, server or home_location, references', async () => {
    const none = await api.post('/floating_ips', { type: 'ipv4' });
    assert.equal(none.status, 400);
    assert.deepEqual(fieldNames(none).sort(), ['home_location', 'server']);
    assert.deepEqual(fieldNames(await api.post('/floating_ips', { type: 'ipv5', home_location: 'fsn1' })), ['type']);
    assert.deepEqual(fieldNames(await api.post('/floating_ips', { home_location: 'fsn1' })), ['type']);
    assert.deepEqual(fieldNames(await api.post('/floating_ips', { type: 'ipv4', home_location: 'ams1' })), ['home_location']);
    assert.deepEqual(fieldNames(await api.post('/floating_ips', { type: 'ipv4', server: 9999 })), ['server']);
  });

  it('updates the description', async () => {
    const res = await api.put('/floating_ips/4712', { description: 'Failover' });
    assert.equal(res.status, 200);
    assert.equal(res.body.floating_ip.description, 'Failover');
  });

  it('assigns to a server and moves it from the previous one', async () => {
    const res = await api.post('/floating_ips/4712/actions/assign', { server: 44 });
    assert.equal(res.status, 201);
    assert.equal(res.body.action.command, 'assign_floating_ip');
    assert.deepEqual(res.body.action.resources, [
      { id: 4712, type: 'floating_ip' },
      { id: 44, type: 'server' },
    ]);
    assert.equal((await api.post('/floating_ips/4712/actions/assign', { server: 45 })).status, 423);
    settle();
    assert.deepEqual(await serverFips(44), [4712]);
    await api.post('/floating_ips/4712/actions/assign', { server: 45 });
    settle();
    assert.deepEqual(await serverFips(44), []);
    assert.deepEqual(await serverFips(45), [4712]);
    assert.equal((await fip(4712)).server, 45);
  });

  it('validates assign', async () => {
    assert.deepEqual(fieldNames(await api.post('/floating_ips/4712/actions/assign', {})), ['server']);
    assert.deepEqual(fieldNames(await api.post('/floating_ips/4712/actions/assign', { server: 1 })), ['server']);
  });

  it('unassigns', async () => {
    const res = await api.post('/floating_ips/4712/actions/unassign');
    assert.equal(res.status, 201);
    assert.equal(res.body.action.command, 'unassign_floating_ip');
    settle();
    assert.equal((await fip(4712)).server, null);
    assert.deepEqual(await serverFips(45), []);
  });

  it('changes the reverse DNS of an IPv4 and resets it with null', async () => {
    const { ip } = await fip(4712);
    const res = await api.post('/floating_ips/4712/actions/change_dns_ptr', { ip, dns_ptr: 'mail.example.com' });
    assert.equal(res.status, 201);
    assert.equal(res.body.action.command, 'change_dns_ptr');
    assert.deepEqual(res.body.action.resources, [{ id: 4712, type: 'floating_ip' }]);
    settle();
    assert.deepEqual((await fip(4712)).dns_ptr, [{ ip, dns_ptr: 'mail.example.com' }]);
    await api.post('/floating_ips/4712/actions/change_dns_ptr', { ip, dns_ptr: null });
    settle();
    assert.deepEqual((await fip(4712)).dns_ptr, [{ ip, dns_ptr: `static.${ip.split('.').reverse().join('.')}.clients.your-server.de` }]);
    assert.deepEqual(fieldNames(await api.post('/floating_ips/4712/actions/change_dns_ptr', { ip: '198.51.100.250', dns_ptr: 'x.example.com' })), ['ip']);
  });

  it('changes the reverse DNS of addresses inside an IPv6 /64', async () => {
    const v6 = (await api.get('/floating_ips')).body.floating_ips.find((f: Json) => f.id === 4713);
    const ip = v6.ip.replace('::/64', '::2');
    await api.post('/floating_ips/4713/actions/change_dns_ptr', { ip, dns_ptr: 'two.example.com' });
    settle();
    assert.deepEqual(
      (await fip(4713)).dns_ptr.map((e: Json) => e.dns_ptr),
      ['www.example.com', 'two.example.com'],
    );
    assert.deepEqual(fieldNames(await api.post('/floating_ips/4713/actions/change_dns_ptr', { ip: '2001:db8:ffff::2', dns_ptr: 'x.example.com' })), ['ip']);
  });

  it('refuses to delete a protected Floating IP; change_protection lifts it; delete answers 204', async () => {
    const refused = await api.del('/floating_ips/4711');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'protected');
    const res = await api.post('/floating_ips/4711/actions/change_protection', { delete: false });
    assert.equal(res.status, 201);
    assert.equal(res.body.action.command, 'change_protection');
    assert.equal((await api.del('/floating_ips/4711')).status, 423, 'locked while change_protection runs');
    settle();
    const deleted = await api.del('/floating_ips/4711');
    assert.equal(deleted.status, 204);
    assert.equal(deleted.text, '');
    assert.equal((await api.get('/floating_ips/4711')).status, 404);
    assert.deepEqual(await serverFips(42), [], 'unassigned from its server');
  });

  it('lists and gets the actions of a Floating IP', async () => {
    const list = (await api.get('/floating_ips/4712/actions?sort=id:desc')).body.actions;
    assert.ok(list.length >= 4);
    assert.ok(list[0].id > list[1].id);
    const one = await api.get(`/floating_ips/4712/actions/${list[0].id}`);
    assert.equal(one.body.action.id, list[0].id);
    assert.equal((await api.get(`/floating_ips/4713/actions/${list[0].id}`)).status, 404);
  });
});
