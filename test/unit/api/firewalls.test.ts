// Firewalls (today's API): every endpoint through the client against the simulator over HTTP, and the
// failure codes of the family. The 2018 contract has no firewalls: its paths answer as unknown ones.
import * as assert from 'node:assert/strict';
import type { FirewallRule } from '../../../src/api/types';
import { lastReceived, rejectsWith, settle, uniqueName, useSimulator } from './helpers';

const SSH: FirewallRule = { direction: 'in', protocol: 'tcp', port: '22', sourceIps: ['203.0.113.0/24', '2001:DB8::/32'], destinationIps: [], description: 'SSH' };
const DNS_OUT: FirewallRule = { direction: 'out', protocol: 'udp', port: '53', sourceIps: [], destinationIps: ['192.0.2.53/32'] };

describe('firewalls [api 2026]', () => {
  const env = useSimulator({ api: '2026', seed: 'demo' });
  const webServers = async () => (await env.client.servers.listAll()).filter((s) => s.name.startsWith('web-'));

  it('create with rules and a server: the body on the wire, the actions, get/list/listAll with filters, a missing id', async () => {
    const [web1] = await webServers();
    const name = uniqueName('fw');
    const made = await env.client.firewalls.create({ name, labels: { env: 'test' }, rules: [SSH, DNS_OUT], applyTo: [{ type: 'server', serverId: web1.id }] });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/firewalls').body, {
      name,
      labels: { env: 'test' },
      rules: [
        { direction: 'in', protocol: 'tcp', port: '22', source_ips: ['203.0.113.0/24', '2001:DB8::/32'], description: 'SSH' },
        { direction: 'out', protocol: 'udp', port: '53', destination_ips: ['192.0.2.53/32'], description: null },
      ],
      apply_to: [{ type: 'server', server: { id: web1.id } }],
    });
    assert.deepEqual(made.actions.map((a) => a.command), ['set_firewall_rules', 'apply_firewall']);
    assert.deepEqual(made.firewall.rules[0].sourceIps, ['203.0.113.0/24', '2001:db8::/32'], 'IPv6 canonical in the answer');
    assert.deepEqual(made.firewall.rules[1], DNS_OUT);
    assert.deepEqual(made.firewall.appliedTo, [{ type: 'server', serverId: web1.id }]);
    // `pending` while the apply runs is shown on a fake clock in test/unit/sim/firewalls.test.ts: here the
    // action lasts 60 ms of real time, which a loaded machine can outlast before the next GET.
    await settle(env, made.actions);
    assert.equal((await env.client.servers.get(web1.id))?.publicNet.firewalls?.find((f) => f.id === made.firewall.id)?.status, 'applied');

    const got = await env.client.firewalls.get(made.firewall.id);
    assert.deepEqual([got?.name, got?.labels, got?.rules.length], [name, { env: 'test' }, 2]);
    assert.ok(got?.created instanceof Date && !Number.isNaN(got.created.getTime()));
    assert.equal(await env.client.firewalls.get(424242), undefined);
    assert.deepEqual((await env.client.firewalls.list({ name })).items.map((f) => f.id), [made.firewall.id]);
    assert.deepEqual(lastReceived(env.sim, 'GET', '/firewalls').query, { name: [name], page: ['1'], per_page: ['25'] });
    assert.ok((await env.client.firewalls.listAll({ labelSelector: 'env=test' })).some((f) => f.id === made.firewall.id));
    const sorted = (await env.client.firewalls.listAll({ sort: 'name:desc' })).map((f) => f.name);
    assert.deepEqual(sorted, [...sorted].sort().reverse());
    await rejectsWith(() => env.client.firewalls.list({ labelSelector: 'env in (' }), 'invalid_input');
  });

  it('create refuses a bad rule (the field of the rule), a taken name, a server twice', async () => {
    const bad = await rejectsWith(() => env.client.firewalls.create({ name: uniqueName('fw'), rules: [SSH, { ...SSH, port: '0-80' }] }), 'invalid_input');
    assert.deepEqual(bad.fields.map((f) => f.name), ['rules[1].port']);
    const name = uniqueName('taken');
    await env.client.firewalls.create({ name });
    await rejectsWith(() => env.client.firewalls.create({ name }), 'uniqueness_error');
    const [web1] = await webServers();
    const twice = await rejectsWith(() => env.client.firewalls.create({ name: uniqueName('fw'), applyTo: [{ type: 'server', serverId: web1.id }, { type: 'server', serverId: web1.id }] }), 'server_already_added');
    assert.equal(twice.status, 422);
  });

  it('update, setRules, applyToResources (server and selector), removeFromResources, delete; the action lists', async () => {
    const [web1, web2] = await webServers();
    const { firewall } = await env.client.firewalls.create({ name: uniqueName('fw') });
    const name = uniqueName('renamed');
    const updated = await env.client.firewalls.update(firewall.id, { name, labels: { b: '2' } });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/firewalls/${firewall.id}`).body, { name, labels: { b: '2' } });
    assert.deepEqual([updated.name, updated.labels], [name, { b: '2' }]);

    const set = await env.client.firewalls.setRules(firewall.id, [SSH]);
    assert.deepEqual(set.map((a) => a.command), ['set_firewall_rules']);
    await settle(env, set);
    assert.deepEqual((await env.client.firewalls.get(firewall.id))?.rules.map((r) => r.port), ['22']);

    const applied = await env.client.firewalls.applyToResources(firewall.id, [{ type: 'server', serverId: web1.id }, { type: 'labelSelector', selector: 'tier=web' }]);
    const both = [{ type: 'server', server: { id: web1.id } }, { type: 'label_selector', label_selector: { selector: 'tier=web' } }];
    const sent = (action: string) => lastReceived(env.sim, 'POST', `/firewalls/${firewall.id}/actions/${action}`).body;
    assert.deepEqual(sent('apply_to_resources'), { apply_to: both });
    assert.deepEqual(applied.map((a) => a.command), ['apply_firewall', 'apply_firewall']);
    await settle(env, applied);
    const now = await env.client.firewalls.get(firewall.id);
    const selector = now?.appliedTo.find((a) => a.type === 'labelSelector');
    assert.ok(selector?.type === 'labelSelector' && selector.serverIds.includes(web2.id));
    await rejectsWith(() => env.client.firewalls.applyToResources(firewall.id, [{ type: 'server', serverId: web1.id }]), 'firewall_already_applied');
    await rejectsWith(() => env.client.firewalls.removeFromResources(firewall.id, [{ type: 'server', serverId: web2.id }]), 'firewall_managed_by_label_selector');
    const inUse = await rejectsWith(() => env.client.firewalls.delete(firewall.id), 'resource_in_use');
    assert.equal(inUse.status, 422);

    const removed = await env.client.firewalls.removeFromResources(firewall.id, [{ type: 'server', serverId: web1.id }, { type: 'labelSelector', selector: 'tier=web' }]);
    assert.deepEqual(sent('remove_from_resources'), { remove_from: both });
    assert.deepEqual(removed.map((a) => a.command), ['remove_firewall', 'remove_firewall']);
    await settle(env, removed);

    const actions = await env.client.firewalls.listAllActions(firewall.id);
    assert.deepEqual(actions.map((a) => a.command), ['set_firewall_rules', 'apply_firewall', 'apply_firewall', 'remove_firewall', 'remove_firewall']);
    assert.equal((await env.client.firewalls.listActions(firewall.id, { status: 'success', perPage: 2 })).items.length, 2);
    assert.equal((await env.client.firewalls.getAction(firewall.id, actions[0].id))?.command, 'set_firewall_rules');
    const kind = await env.client.firewalls.listKindActions({ id: actions[0].id });
    assert.deepEqual(kind.items.map((a) => a.id), [actions[0].id]);
    assert.equal((await env.client.firewalls.getKindAction(actions[1].id))?.command, 'apply_firewall');
    assert.equal(await env.client.firewalls.getKindAction(99999999), undefined);

    await env.client.firewalls.delete(firewall.id);
    assert.equal(await env.client.firewalls.get(firewall.id), undefined);
    await rejectsWith(() => env.client.firewalls.setRules(firewall.id, []), 'not_found');
  });

  it('create server with firewalls sends them and the server lists them', async () => {
    const { firewall } = await env.client.firewalls.create({ name: uniqueName('fw'), rules: [SSH] });
    const made = await env.client.servers.create({ name: uniqueName('srv'), serverType: 'cx21', image: 'ubuntu-22.04', location: 'fsn1', firewalls: [firewall.id] });
    assert.deepEqual((lastReceived(env.sim, 'POST', '/servers').body as { firewalls?: unknown }).firewalls, [{ firewall: firewall.id }]);
    assert.deepEqual(made.server.publicNet.firewalls, [{ id: firewall.id, status: 'applied' }]);
  });
});

describe('firewalls [api 2018]', () => {
  const env = useSimulator({ api: '2018', seed: 'demo' });
  it('the paths are unknown: list is not_found, get is undefined; servers carry no firewalls', async () => {
    await rejectsWith(() => env.client.firewalls.list(), 'not_found');
    assert.equal(await env.client.firewalls.get(1), undefined);
    const [server] = await env.client.servers.listAll();
    assert.equal(server.publicNet.firewalls, undefined);
  });
});
