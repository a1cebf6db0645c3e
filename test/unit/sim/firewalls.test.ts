// The simulator's firewall rules: the rule checks as the API makes them (fields named `rules[2].port`),
// canonical IPv6, what a firewall is applied to (servers, label selectors and the servers they match),
// a server's `public_net.firewalls` (pending while the apply runs), the error codes of each operation,
// server deletion and POST /servers with `firewalls`, the 2018 mode and a state file from before Firewalls.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFirewallCidr } from '../../../src/shared/firewallRuleCheck';
import { FakeClock, fieldNames, startApi, withSim, type Json } from './helpers';

const ACTION_MS = 1000;
const SSH = { direction: 'in', protocol: 'tcp', port: '22', source_ips: ['0.0.0.0/0'] };

describe('sim: firewalls', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: ACTION_MS, seed: 'empty' });
  const settle = () => clock.advance(ACTION_MS);
  const firewall = async (id: number): Promise<Json> => (await api.get(`/firewalls/${id}`)).body.firewall;
  const serverFirewalls = async (id: number): Promise<Json[]> => (await api.get(`/servers/${id}`)).body.server.public_net.firewalls;
  const newServer = async (name: string, labels: Record<string, string> = {}, extra: Json = {}) => {
    const res = await api.post('/servers', { name, server_type: 'cx21', image: 'debian-12', location: 'fsn1', labels, ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    settle();
    return res.body.server;
  };

  let web: Json;
  let prod: Json;
  before(async () => {
    web = await newServer('fw-web');
    prod = await newServer('fw-prod', { env: 'prod' });
  });

  it('validates each rule as the API does, naming the field of the rule', async () => {
    const bad = await api.post('/firewalls', {
      name: 'bad-rules',
      rules: [
        SSH,
        { direction: 'in', protocol: 'tcp', source_ips: ['0.0.0.0/0'] },
        { direction: 'in', protocol: 'icmp', port: '80', source_ips: ['0.0.0.0/0'] },
        { direction: 'in', protocol: 'udp', port: '5000-1024', source_ips: ['10.0.1.1/24'] },
        { direction: 'sideways', protocol: 'smtp', port: '70000' },
        { direction: 'out', protocol: 'tcp', port: '443', source_ips: ['0.0.0.0/0'], destination_ips: ['2001:db8::/129'] },
        { direction: 'in', protocol: 'gre', source_ips: [], description: 'x'.repeat(256) },
      ],
    });
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'invalid_input']);
    assert.deepEqual(fieldNames(bad), [
      'rules[1].port',
      'rules[2].port',
      'rules[3].port',
      'rules[3].source_ips',
      'rules[4].direction',
      'rules[4].protocol',
      'rules[4].port',
      'rules[5].source_ips',
      'rules[5].destination_ips',
      'rules[6].source_ips',
      'rules[6].description',
    ]);
    const tooMany = await api.post('/firewalls', { name: 'many', rules: Array.from({ length: 51 }, () => SSH) });
    assert.deepEqual(fieldNames(tooMany), ['rules']);
    const ips = Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`);
    assert.deepEqual(fieldNames(await api.post('/firewalls', { name: 'ips', rules: [{ ...SSH, source_ips: ips }] })), ['rules[0].source_ips']);
    assert.equal((await api.get('/firewalls')).body.firewalls.length, 0, 'nothing was made');
  });

  it('keeps host blocks and answers IPv6 in its RFC 5952 form', async () => {
    const res = await api.post('/firewalls', {
      name: 'canonical',
      rules: [{ direction: 'in', protocol: 'tcp', port: '1024-5000', source_ips: ['192.0.2.2/32', '2001:0DB8:0000:0000:0000:0000:0000:0001/128', '2001:db8:0:1:0:0:0:0/64'] }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const rule = res.body.firewall.rules[0];
    assert.deepEqual(rule, {
      direction: 'in',
      protocol: 'tcp',
      port: '1024-5000',
      source_ips: ['192.0.2.2/32', '2001:db8::1/128', '2001:db8:0:1::/64'],
      destination_ips: [],
      description: null,
    });
    assert.deepEqual(res.body.actions.map((a: Json) => a.command), ['set_firewall_rules']);
    assert.deepEqual(parseFirewallCidr('::ffff:192.0.2.1/128'), { cidr: '::ffff:c000:201/128' });
    assert.ok('problem' in parseFirewallCidr('2001:db8::1/64'), 'host bits of an IPv6 network');
  });

  it('apply to a server: pending until the action ends, then applied; twice is firewall_already_applied', async () => {
    const fw = (await api.post('/firewalls', { name: 'apply-me', rules: [SSH] })).body.firewall;
    settle();
    const res = await api.post(`/firewalls/${fw.id}/actions/apply_to_resources`, { apply_to: [{ type: 'server', server: { id: web.id } }] });
    assert.equal(res.status, 201);
    assert.deepEqual(res.body.actions.map((a: Json) => [a.command, a.resources]), [['apply_firewall', [{ id: fw.id, type: 'firewall' }, { id: web.id, type: 'server' }]]]);
    assert.deepEqual(await serverFirewalls(web.id), [{ id: fw.id, status: 'pending' }]);
    const locked = await api.post(`/firewalls/${fw.id}/actions/set_rules`, { rules: [] });
    assert.deepEqual([locked.status, locked.body.error.code], [423, 'locked']);
    settle();
    assert.deepEqual(await serverFirewalls(web.id), [{ id: fw.id, status: 'applied' }]);
    assert.deepEqual((await firewall(fw.id)).applied_to, [{ type: 'server', server: { id: web.id } }]);
    const twice = await api.post(`/firewalls/${fw.id}/actions/apply_to_resources`, { apply_to: [{ type: 'server', server: { id: web.id } }] });
    assert.deepEqual([twice.status, twice.body.error.code], [422, 'firewall_already_applied']);
    const missing = await api.post(`/firewalls/${fw.id}/actions/apply_to_resources`, { apply_to: [{ type: 'server', server: { id: 999999 } }] });
    assert.deepEqual([missing.status, missing.body.error.code], [404, 'firewall_resource_not_found']);
    const shape = await api.post(`/firewalls/${fw.id}/actions/apply_to_resources`, { apply_to: [{ type: 'volume' }] });
    assert.deepEqual(fieldNames(shape), ['apply_to[0].type']);

    // set_rules: one set_firewall_rules and an apply_firewall for the server it is applied to
    const set = await api.post(`/firewalls/${fw.id}/actions/set_rules`, { rules: [{ direction: 'out', protocol: 'esp', destination_ips: ['::/0'] }] });
    assert.deepEqual(set.body.actions.map((a: Json) => a.command), ['set_firewall_rules', 'apply_firewall']);
    assert.deepEqual((await firewall(fw.id)).rules.map((r: Json) => [r.direction, r.protocol, r.port, r.destination_ips]), [['out', 'esp', null, ['::/0']]]);
    settle();

    // delete while applied: resource_in_use naming the server; remove, then delete
    const inUse = await api.del(`/firewalls/${fw.id}`);
    assert.deepEqual([inUse.status, inUse.body.error.code], [422, 'resource_in_use']);
    assert.match(inUse.body.error.message, /server fw-web/);
    const removed = await api.post(`/firewalls/${fw.id}/actions/remove_from_resources`, { remove_from: [{ type: 'server', server: { id: web.id } }] });
    assert.deepEqual(removed.body.actions.map((a: Json) => a.command), ['remove_firewall']);
    settle();
    assert.deepEqual(await serverFirewalls(web.id), []);
    const notApplied = await api.post(`/firewalls/${fw.id}/actions/remove_from_resources`, { remove_from: [{ type: 'server', server: { id: web.id } }] });
    assert.deepEqual([notApplied.status, notApplied.body.error.code], [404, 'firewall_resource_not_found']);
    assert.equal((await api.del(`/firewalls/${fw.id}`)).status, 204);
    assert.equal((await api.get(`/firewalls/${fw.id}`)).status, 404);
  });

  it('a label selector lists the servers it matches; a server covered only by it cannot be removed alone', async () => {
    const res = await api.post('/firewalls', { name: 'by-label', apply_to: [{ type: 'label_selector', label_selector: { selector: 'env=prod' } }] });
    assert.equal(res.status, 201);
    const fw = res.body.firewall;
    assert.deepEqual(fw.applied_to, [{ type: 'label_selector', label_selector: { selector: 'env=prod' }, applied_to_resources: [{ type: 'server', server: { id: prod.id } }] }]);
    assert.deepEqual(res.body.actions.map((a: Json) => [a.command, a.resources.map((r: Json) => r.type)]), [['apply_firewall', ['firewall', 'server']]]);
    settle();
    assert.deepEqual(await serverFirewalls(prod.id), [{ id: fw.id, status: 'applied' }]);
    const managed = await api.post(`/firewalls/${fw.id}/actions/remove_from_resources`, { remove_from: [{ type: 'server', server: { id: prod.id } }] });
    assert.deepEqual([managed.status, managed.body.error.code], [422, 'firewall_managed_by_label_selector']);
    // a new server with matching labels is covered at once
    const late = await newServer('fw-late', { env: 'prod' });
    assert.equal((await firewall(fw.id)).applied_to[0].applied_to_resources.length, 2);
    assert.deepEqual(await serverFirewalls(late.id), [{ id: fw.id, status: 'applied' }]);
    const bad = await api.post(`/firewalls/${fw.id}/actions/apply_to_resources`, { apply_to: [{ type: 'label_selector', label_selector: { selector: 'env in (a' } }] });
    assert.deepEqual(fieldNames(bad), ['apply_to[0].label_selector.selector']);
    await api.post(`/firewalls/${fw.id}/actions/remove_from_resources`, { remove_from: [{ type: 'label_selector', label_selector: { selector: 'env=prod' } }] });
    settle();
    assert.deepEqual(await serverFirewalls(prod.id), []);
  });

  it('create: server_already_added, firewall_resource_not_found (422), private_net_only_server, uniqueness_error; update; list filters', async () => {
    const twice = await api.post('/firewalls', { name: 'dup', apply_to: [{ type: 'server', server: { id: web.id } }, { type: 'server', server: { id: web.id } }] });
    assert.deepEqual([twice.status, twice.body.error.code], [422, 'server_already_added']);
    const gone = await api.post('/firewalls', { name: 'gone', apply_to: [{ type: 'server', server: { id: 999999 } }] });
    assert.deepEqual([gone.status, gone.body.error.code], [422, 'firewall_resource_not_found']);
    const net = (await api.post('/networks', { name: 'fw-net', ip_range: '10.0.0.0/16', subnets: [{ type: 'cloud', network_zone: 'eu-central', ip_range: '10.0.1.0/24' }] })).body.network;
    const privateOnly = await newServer('fw-private', {}, { networks: [net.id], public_net: { enable_ipv4: false, enable_ipv6: false } });
    const priv = await api.post('/firewalls', { name: 'priv', apply_to: [{ type: 'server', server: { id: privateOnly.id } }] });
    assert.deepEqual([priv.status, priv.body.error.code], [422, 'private_net_only_server']);
    assert.equal((await api.post('/firewalls', { name: 'taken', labels: { a: '1' } })).status, 201);
    const taken = await api.post('/firewalls', { name: 'taken' });
    assert.deepEqual([taken.status, taken.body.error.code], [409, 'uniqueness_error']);
    assert.deepEqual(fieldNames(await api.post('/firewalls', {})), ['name']);
    const other = (await api.post('/firewalls', { name: 'other' })).body.firewall;
    const renamed = await api.put(`/firewalls/${other.id}`, { name: 'other-2', labels: { b: '2' } });
    assert.deepEqual([renamed.body.firewall.name, renamed.body.firewall.labels], ['other-2', { b: '2' }]);
    assert.equal((await api.put(`/firewalls/${other.id}`, { name: 'taken' })).body.error.code, 'uniqueness_error');
    assert.deepEqual((await api.get('/firewalls?label_selector=a=1')).body.firewalls.map((f: Json) => f.name), ['taken']);
    assert.deepEqual((await api.get('/firewalls?name=other-2')).body.firewalls.map((f: Json) => f.id), [other.id]);
    const names = (await api.get('/firewalls?sort=name:desc')).body.firewalls.map((f: Json) => f.name);
    assert.deepEqual(names, [...names].sort().reverse());
  });

  it('POST /servers with firewalls applies them; deleting the server removes it from the firewall', async () => {
    const fw = (await api.post('/firewalls', { name: 'for-new', rules: [SSH] })).body.firewall;
    settle();
    const missing = await api.post('/servers', { name: 'fw-nope', server_type: 'cx21', image: 'debian-12', location: 'fsn1', firewalls: [{ firewall: 999999 }] });
    assert.deepEqual(fieldNames(missing), ['firewalls']);
    const server = await newServer('fw-new', {}, { firewalls: [{ firewall: fw.id }] });
    assert.deepEqual(await serverFirewalls(server.id), [{ id: fw.id, status: 'applied' }]);
    assert.deepEqual((await firewall(fw.id)).applied_to, [{ type: 'server', server: { id: server.id } }]);
    await api.del(`/servers/${server.id}`);
    settle();
    assert.deepEqual((await firewall(fw.id)).applied_to, []);
    const actions = (await api.get(`/firewalls/${fw.id}/actions`)).body.actions;
    assert.deepEqual(actions.map((a: Json) => a.command), ['set_firewall_rules']);
    const kind = (await api.get('/firewalls/actions')).body.actions;
    assert.ok(kind.every((a: Json) => a.resources[0].type === 'firewall') && kind.length > 0);
    assert.equal((await api.get(`/firewalls/actions/${actions[0].id}`)).body.action.id, actions[0].id);
  });
});

describe('sim: firewalls in the 2018 mode, in old state files and in the demo', () => {
  it('2018: every firewall path is an unknown path', async () => {
    const api = await startApi({ api: '2018' });
    try {
      const unknown = await api.get('/nothing_here');
      const paths = [['GET', '/firewalls'], ['POST', '/firewalls'], ['GET', '/firewalls/1'], ['PUT', '/firewalls/1'], ['DELETE', '/firewalls/1'], ['GET', '/firewalls/actions'], ['GET', '/firewalls/actions/1'],
        ['GET', '/firewalls/1/actions'], ['GET', '/firewalls/1/actions/1'], ['POST', '/firewalls/1/actions/set_rules'], ['POST', '/firewalls/1/actions/apply_to_resources'], ['POST', '/firewalls/1/actions/remove_from_resources']];
      for (const [method, path] of paths) {
        const res = await api.call(method, path, method === 'POST' || method === 'PUT' ? {} : undefined);
        assert.deepEqual([res.status, res.body], [unknown.status, unknown.body], `${method} ${path}`);
      }
      assert.equal((await api.get('/servers/42')).body.server.public_net.firewalls, undefined);
    } finally {
      await api.sim.close();
    }
  });

  it('the demo: web-fw on web-1 and web-2, staging-fw by env=staging', async () => {
    const api = await startApi({ seed: 'demo' });
    try {
      const all = (await api.get('/firewalls')).body.firewalls;
      const web = all.find((f: Json) => f.name === 'web-fw');
      assert.deepEqual(web.rules.map((r: Json) => [r.protocol, r.port]), [['tcp', '22'], ['tcp', '80'], ['tcp', '443'], ['icmp', null]]);
      const servers = (await api.get('/servers')).body.servers;
      const names = web.applied_to.map((a: Json) => servers.find((s: Json) => s.id === a.server.id).name);
      assert.deepEqual(names, ['web-1', 'web-2']);
      const staging = all.find((f: Json) => f.name === 'staging-fw');
      assert.equal(staging.applied_to[0].label_selector.selector, 'env=staging');
      assert.ok(staging.applied_to[0].applied_to_resources.length >= 2);
    } finally {
      await api.sim.close();
    }
  });

  it('a state file without firewalls loads with none, and saves the new ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hcloud-sim-fw-'));
    const statePath = join(dir, 'state.json');
    const old = async () => {
      await (await startApi({ statePath, seed: 'empty' })).sim.close();
      const { firewalls: _f, counters: { firewall: _c, ...counters }, ...rest } = JSON.parse(readFileSync(statePath, 'utf8'));
      writeFileSync(statePath, JSON.stringify({ ...rest, counters }));
    };
    try {
      await old();
      const api = await startApi({ statePath });
      const listed = await api.get('/firewalls');
      const made = await api.post('/firewalls', { name: 'fresh', rules: [SSH] });
      await api.sim.close();
      assert.deepEqual([listed.body.firewalls, made.status], [[], 201]);
      const saved = JSON.parse(readFileSync(statePath, 'utf8'));
      assert.deepEqual(saved.firewalls.map((f: Json) => f.name), ['fresh']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
