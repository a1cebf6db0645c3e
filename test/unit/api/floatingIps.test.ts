// Floating IPs: list, get, create (home location or server), update, delete, the four actions and
// the Floating IP's action list.
import * as assert from 'node:assert/strict';
import type { FloatingIpSchema } from '../../../src/api/schema';
import { forEachApi, lastReceived, raw, rejectsWith, settle, uniqueName, useSimulator } from './helpers';

forEachApi('floating IPs', (api) => {
  const env = useSimulator({ api, seed: 'demo' });

  it('list and get convert like the wire; a missing id resolves undefined', async () => {
    const page = await env.client.floatingIps.list();
    assert.ok(page.items.length > 0, 'the demo project has Floating IPs');
    const wire = await raw<{ floating_ips: FloatingIpSchema[] }>(env.sim, '/floating_ips');
    assert.deepEqual(
      page.items.map((f) => [f.id, f.ip, f.type, f.serverId ?? null, f.description ?? null, f.homeLocation.name, f.dnsPtr.map((d) => d.dnsPtr)]),
      wire.floating_ips.map((w) => [w.id, w.ip, w.type, w.server, w.description, w.home_location.name, w.dns_ptr.map((d) => d.dns_ptr)]),
    );
    const all = await env.client.floatingIps.listAll();
    assert.equal(all.length, wire.floating_ips.length);
    const one = await env.client.floatingIps.get(page.items[0].id);
    assert.deepEqual(one, page.items[0]);
    assert.equal(await env.client.floatingIps.get(424242), undefined);
  });

  it('create with a home location: no action; update description; delete', async () => {
    const [location] = await env.client.locations.listAll();
    const created = await env.client.floatingIps.create({ type: 'ipv6', homeLocation: location.name, description: 'spare' });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/floating_ips').body, { type: 'ipv6', home_location: location.name, description: 'spare' });
    assert.equal(created.action, undefined);
    const fip = created.floatingIp;
    assert.equal(fip.type, 'ipv6');
    assert.match(fip.ip, /\/64$/);
    assert.equal(fip.homeLocation.name, location.name);
    assert.equal(fip.serverId, undefined);
    assert.equal(fip.description, 'spare');

    const updated = await env.client.floatingIps.update(fip.id, { description: 'renamed' });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/floating_ips/${fip.id}`).body, { description: 'renamed' });
    assert.equal(updated.description, 'renamed');

    await env.client.floatingIps.delete(fip.id);
    assert.equal(lastReceived(env.sim, 'DELETE', `/floating_ips/${fip.id}`).status, 204);
    assert.equal(await env.client.floatingIps.get(fip.id), undefined);
  });

  if (api === '2026') {
    it('name and labels: create with them, list by label_selector, update name and labels', async () => {
      const [location] = await env.client.locations.listAll();
      const run = uniqueName('run');
      const name = uniqueName('fip');
      const created = await env.client.floatingIps.create({ type: 'ipv4', homeLocation: location.name, name, labels: { run, role: 'ingress' } });
      assert.deepEqual(lastReceived(env.sim, 'POST', '/floating_ips').body, { type: 'ipv4', home_location: location.name, name, labels: { run, role: 'ingress' } });
      const fip = created.floatingIp;
      assert.equal(fip.name, name);
      assert.deepEqual(fip.labels, { run, role: 'ingress' });

      const page = await env.client.floatingIps.list({ labelSelector: `run=${run}` });
      assert.deepEqual(lastReceived(env.sim, 'GET', '/floating_ips').query.label_selector, [`run=${run}`]);
      assert.deepEqual(page.items, [fip]);
      assert.deepEqual(await env.client.floatingIps.listAll({ labelSelector: `run=${run},role notin (ingress)` }), []);

      const renamed = `${name}-2`;
      const updated = await env.client.floatingIps.update(fip.id, { name: renamed, labels: { run } });
      assert.deepEqual(lastReceived(env.sim, 'PUT', `/floating_ips/${fip.id}`).body, { name: renamed, labels: { run } });
      assert.equal(updated.name, renamed);
      assert.deepEqual(updated.labels, { run });
      assert.deepEqual(await env.client.floatingIps.get(fip.id), updated);
      await env.client.floatingIps.delete(fip.id);
    });

    it('every Floating IP has a name and labels as the wire says', async () => {
      const all = await env.client.floatingIps.listAll();
      const { floating_ips: wire } = await raw<{ floating_ips: FloatingIpSchema[] }>(env.sim, '/floating_ips?per_page=50');
      assert.deepEqual(all.map((f) => [f.name, f.labels]), wire.map((w) => [w.name, w.labels]));
      assert.ok(all.every((f) => typeof f.name === 'string' && typeof f.labels === 'object'));
    });
  } else {
    it('the 2018 contract has no Floating IP names or labels', async () => {
      const all = await env.client.floatingIps.listAll();
      assert.ok(all.length > 0);
      assert.ok(all.every((f) => f.name === undefined && f.labels === undefined));
    });
  }

  it('create without server or home location is invalid_input', async () => {
    const e = await rejectsWith(() => env.client.floatingIps.create({ type: 'ipv4' }), 'invalid_input');
    assert.equal(e.status, 400);
  });

  it('create for a server returns the assign action; assign, unassign, changeDnsPtr, changeProtection', async () => {
    const servers = await env.client.servers.listAll();
    const [a, b] = servers;
    const created = await env.client.floatingIps.create({ type: 'ipv4', server: a.id });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/floating_ips').body, { type: 'ipv4', server: a.id });
    assert.ok(created.action, 'an assign action');
    assert.equal(created.action.command, 'assign_floating_ip');
    await settle(env, created.action);
    const id = created.floatingIp.id;
    assert.equal((await env.client.floatingIps.get(id))?.serverId, a.id);
    assert.ok((await env.client.servers.get(a.id))?.publicNet.floatingIpIds.includes(id));

    const assign = await env.client.floatingIps.assign(id, b.id);
    assert.deepEqual(lastReceived(env.sim, 'POST', `/floating_ips/${id}/actions/assign`).body, { server: b.id });
    assert.equal(assign.command, 'assign_floating_ip');
    await settle(env, assign);
    assert.equal((await env.client.floatingIps.get(id))?.serverId, b.id);

    const unassign = await env.client.floatingIps.unassign(id);
    assert.equal(lastReceived(env.sim, 'POST', `/floating_ips/${id}/actions/unassign`).status, 201);
    assert.equal(unassign.command, 'unassign_floating_ip');
    await settle(env, unassign);
    assert.equal((await env.client.floatingIps.get(id))?.serverId, undefined);

    const ip = created.floatingIp.ip;
    const dns = await env.client.floatingIps.changeDnsPtr(id, ip, 'lb.example.com');
    assert.deepEqual(lastReceived(env.sim, 'POST', `/floating_ips/${id}/actions/change_dns_ptr`).body, { ip, dns_ptr: 'lb.example.com' });
    assert.equal(dns.command, 'change_dns_ptr');
    await settle(env, dns);
    assert.deepEqual((await env.client.floatingIps.get(id))?.dnsPtr, [{ ip, dnsPtr: 'lb.example.com' }]);

    const protect = await env.client.floatingIps.changeProtection(id, { delete: true });
    assert.deepEqual(lastReceived(env.sim, 'POST', `/floating_ips/${id}/actions/change_protection`).body, { delete: true });
    await settle(env, protect);
    assert.equal((await env.client.floatingIps.get(id))?.protection.delete, true);
    const e = await rejectsWith(() => env.client.floatingIps.delete(id), 'protected');
    assert.equal(e.status, 403);
    await settle(env, await env.client.floatingIps.changeProtection(id, { delete: false }));

    const page = await env.client.floatingIps.listActions(id, { sort: 'id:asc' });
    assert.deepEqual(lastReceived(env.sim, 'GET', `/floating_ips/${id}/actions`).query.sort, ['id:asc']);
    assert.deepEqual(
      page.items.map((x) => x.command),
      ['assign_floating_ip', 'assign_floating_ip', 'unassign_floating_ip', 'change_dns_ptr', 'change_protection', 'change_protection'],
    );
    const all = await env.client.floatingIps.listAllActions(id);
    assert.equal(all.length, page.items.length);
    assert.deepEqual(await env.client.floatingIps.getAction(id, assign.id), (await settle(env, assign))[0]);
    assert.equal(await env.client.floatingIps.getAction(id, 99999999), undefined);

    await env.client.floatingIps.delete(id);
  });

  it('assign to a missing server is invalid_input on the server field; a missing Floating IP is not_found', async () => {
    const [fip] = await env.client.floatingIps.listAll();
    const e = await rejectsWith(() => env.client.floatingIps.assign(fip.id, 99999999), 'invalid_input');
    assert.equal(e.status, 400);
    assert.deepEqual(e.fields.map((f) => f.name), ['server']);
    assert.equal(e.path, `/floating_ips/${fip.id}/actions/assign`);
    const missing = await rejectsWith(() => env.client.floatingIps.unassign(99999999), 'not_found');
    assert.equal(missing.status, 404);
  });
});
