// Load Balancers and Load Balancer types (today's API): every endpoint through the client against the
// simulator over HTTP, with the failure codes of the family. The 2018 contract has none: its paths
// answer as unknown ones.
import * as assert from 'node:assert/strict';
import type { LoadBalancerSchema } from '../../../src/api/schema';
import type { LoadBalancer, Server } from '../../../src/api/types';
import { lastReceived, raw, rejectsWith, settle, uniqueName, useSimulator, type Env } from './helpers';

/** The demo's servers: web-1 (running, in the Network `backend`), ci-runner (off), api-staging (running, in no Network). */
async function demoServers(env: Env): Promise<Record<'web1' | 'ci' | 'staging', Server>> {
  const all = await env.client.servers.listAll();
  const named = (name: string) => all.find((s) => s.name === name) ?? assert.fail(`the demo has ${name}`);
  return { web1: named('web-1'), ci: named('ci-runner'), staging: named('api-staging') };
}

async function makeLb(env: Env, extra: Partial<Parameters<Env['client']['loadBalancers']['create']>[0]> = {}): Promise<LoadBalancer> {
  const made = await env.client.loadBalancers.create({ name: uniqueName('lb'), loadBalancerType: 'lb11', location: 'fsn1', ...extra });
  await settle(env, made.action!);
  return made.loadBalancer;
}

const tcp = (port: number) => ({ protocol: 'tcp' as const, listenPort: port, destinationPort: port });

describe('load balancers [api 2026]', () => {
  const env = useSimulator({ api: '2026', seed: 'demo' });

  it('load_balancer_types: list (name filter), get, get of a missing id; /pricing has their prices', async () => {
    const types = await env.client.loadBalancerTypes.listAll();
    assert.deepEqual(types.map((t) => t.name), ['lb11', 'lb21', 'lb31']);
    const lb11 = types[0];
    assert.deepEqual([lb11.maxServices, lb11.maxTargets, lb11.maxAssignedCertificates, lb11.maxConnections], [5, 25, 10, 10000]);
    assert.deepEqual([lb11.prices[0].location, lb11.prices[0].monthly?.net, lb11.prices[0].monthly?.gross], ['fsn1', 5.39, 6.4141]);
    assert.deepEqual((await env.client.loadBalancerTypes.list({ name: 'lb21' })).items.map((t) => t.name), ['lb21']);
    assert.deepEqual(lastReceived(env.sim, 'GET', '/load_balancer_types').query.name, ['lb21']);
    assert.deepEqual(await env.client.loadBalancerTypes.get(lb11.id), lb11);
    assert.equal(await env.client.loadBalancerTypes.get(99), undefined);
    const pricing = await env.client.pricing.get();
    assert.deepEqual(pricing.loadBalancerTypes?.map((t) => [t.name, t.prices[0].monthly?.net]), [['lb11', 5.39], ['lb21', 14.39], ['lb31', 28.39]]);
  });

  it('create with services and targets: the body, the action; get, list (name, label selector, sort), get of a missing id', async () => {
    const { web1 } = await demoServers(env);
    const name = uniqueName('web');
    const made = await env.client.loadBalancers.create({
      name,
      loadBalancerType: 'lb11',
      location: 'fsn1',
      algorithm: 'least_connections',
      services: [{ protocol: 'http', listenPort: 80, destinationPort: 8080, http: { stickySessions: true } }],
      targets: [{ type: 'server', serverId: web1.id }],
      labels: { env: 'test' },
    });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/load_balancers').body, {
      name,
      load_balancer_type: 'lb11',
      location: 'fsn1',
      algorithm: { type: 'least_connections' },
      services: [{ protocol: 'http', listen_port: 80, destination_port: 8080, http: { sticky_sessions: true } }],
      targets: [{ type: 'server', server: { id: web1.id } }],
      labels: { env: 'test' },
    });
    assert.equal(made.action?.command, 'create_load_balancer');
    const lb = made.loadBalancer;
    assert.deepEqual(lb.targets[0].healthStatus, [{ listenPort: 80, status: 'unknown' }], 'unknown until the create action ends');
    await settle(env, made.action!);
    const got = (await env.client.loadBalancers.get(lb.id)) as LoadBalancer;
    assert.deepEqual([got.name, got.algorithm, got.location.name, got.loadBalancerType.name, got.publicNet.enabled, got.labels], [name, 'least_connections', 'fsn1', 'lb11', true, { env: 'test' }]);
    assert.ok(got.publicNet.ipv4?.ip && got.publicNet.ipv6?.ip);
    const [service] = got.services;
    assert.deepEqual([service.protocol, service.listenPort, service.destinationPort, service.proxyprotocol], ['http', 80, 8080, false]);
    assert.deepEqual(service.healthCheck, { protocol: 'http', port: 8080, interval: 15, timeout: 10, retries: 3, http: { domain: undefined, path: '/', response: '', statusCodes: ['2??', '3??'], tls: false } });
    assert.deepEqual(service.http, { cookieName: 'HCLBSTICKY', cookieLifetime: 300, certificates: [], redirectHttp: false, stickySessions: true });
    assert.deepEqual(got.targets, [{ type: 'server', serverId: web1.id, labelSelector: undefined, ip: undefined, usePrivateIp: false, healthStatus: [{ listenPort: 80, status: 'healthy' }], targets: undefined }]);
    const wire = await raw<{ load_balancer: LoadBalancerSchema }>(env.sim, `/load_balancers/${lb.id}`);
    assert.equal(got.created.toISOString(), new Date(wire.load_balancer.created).toISOString());
    assert.equal(await env.client.loadBalancers.get(424242), undefined);

    assert.deepEqual((await env.client.loadBalancers.list({ name })).items.map((l) => l.id), [lb.id]);
    assert.deepEqual(lastReceived(env.sim, 'GET', '/load_balancers').query, { name: [name], page: ['1'], per_page: ['25'] });
    assert.ok((await env.client.loadBalancers.listAll({ labelSelector: 'env=test' })).some((l) => l.id === lb.id));
    const sorted = (await env.client.loadBalancers.listAll({ sort: 'id:desc' })).map((l) => l.id);
    assert.deepEqual(sorted, [...sorted].sort((x, y) => y - x));
    assert.ok((await env.client.servers.get(web1.id))?.loadBalancerIds?.includes(lb.id), "the server's load_balancers");
  });

  it('create refuses a missing location, an unknown type, a bad name, a taken name (uniqueness_error), a clashing port', async () => {
    const nowhere = await rejectsWith(() => env.client.loadBalancers.create({ name: uniqueName('x'), loadBalancerType: 'lb11' }), 'invalid_input');
    assert.deepEqual(nowhere.fields.map((f) => f.name), ['location', 'network_zone']);
    const type = await rejectsWith(() => env.client.loadBalancers.create({ name: uniqueName('x'), loadBalancerType: 'lb99', location: 'fsn1' }), 'invalid_input');
    assert.deepEqual(type.fields.map((f) => f.name), ['load_balancer_type']);
    await rejectsWith(() => env.client.loadBalancers.create({ name: '-bad name', loadBalancerType: 'lb11', location: 'fsn1' }), 'invalid_input');
    const taken = await makeLb(env, { networkZone: 'eu-central', location: undefined });
    assert.equal(taken.location.name, 'fsn1', 'the network zone picks its first location');
    await rejectsWith(() => env.client.loadBalancers.create({ name: taken.name, loadBalancerType: 'lb11', location: 'fsn1' }), 'uniqueness_error');
    await rejectsWith(() => env.client.loadBalancers.create({ name: uniqueName('x'), loadBalancerType: 'lb11', location: 'fsn1', services: [tcp(22), tcp(22)] }), 'source_port_already_used');
    await rejectsWith(() => env.client.loadBalancers.create({ name: uniqueName('x'), loadBalancerType: 'lb11', location: 'fsn1', publicInterface: false }), 'load_balancer_not_attached_to_network');
  });

  it('update renames and replaces the labels; change_protection; delete: protected, then deleted (204)', async () => {
    const lb = await makeLb(env, { labels: { a: '1' } });
    const name = uniqueName('renamed');
    const updated = await env.client.loadBalancers.update(lb.id, { name, labels: { b: '2' } });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/load_balancers/${lb.id}`).body, { name, labels: { b: '2' } });
    assert.deepEqual([updated.name, updated.labels], [name, { b: '2' }]);
    const other = await makeLb(env);
    await rejectsWith(() => env.client.loadBalancers.update(other.id, { name }), 'uniqueness_error');

    await settle(env, await env.client.loadBalancers.changeProtection(lb.id, { delete: true }));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/change_protection`).body, { delete: true });
    assert.equal((await env.client.loadBalancers.get(lb.id))?.protection.delete, true);
    await rejectsWith(() => env.client.loadBalancers.delete(lb.id), 'protected');
    await settle(env, await env.client.loadBalancers.changeProtection(lb.id, { delete: false }));
    await env.client.loadBalancers.delete(lb.id);
    assert.equal(lastReceived(env.sim, 'DELETE', `/load_balancers/${lb.id}`).status, 204);
    assert.equal(await env.client.loadBalancers.get(lb.id), undefined);
  });

  it('add_service, update_service, delete_service: defaults, one service per port, redirect_http only for https, certificates that exist, the type limit', async () => {
    const lb = await makeLb(env);
    const action = await env.client.loadBalancers.addService(lb.id, tcp(5432));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/add_service`).body, { protocol: 'tcp', listen_port: 5432, destination_port: 5432 });
    assert.equal(action.command, 'add_service');
    // Not asserted here: 'locked' while the action runs (a 60 ms action on the real clock loses that race
    // on a loaded machine); the simulator's tests assert it on a fake clock.
    await settle(env, action);
    let service = (await env.client.loadBalancers.get(lb.id))?.services[0];
    assert.deepEqual([service?.healthCheck.protocol, service?.healthCheck.port, service?.http], ['tcp', 5432, undefined]);
    await rejectsWith(() => env.client.loadBalancers.addService(lb.id, tcp(5432)), 'source_port_already_used');
    const redirect = await rejectsWith(() => env.client.loadBalancers.addService(lb.id, { protocol: 'http', http: { redirectHttp: true } }), 'invalid_input');
    assert.deepEqual(redirect.fields.map((f) => f.name), ['http.redirect_http']);
    const noCert = await rejectsWith(() => env.client.loadBalancers.addService(lb.id, { protocol: 'https', http: { certificates: [987654] } }), 'invalid_input');
    assert.deepEqual(noCert.fields.map((f) => f.name), ['http.certificates']);
    const check = await rejectsWith(() => env.client.loadBalancers.addService(lb.id, { protocol: 'http', healthCheck: { protocol: 'http', port: 80, interval: 5, timeout: 10, retries: 3 } }), 'invalid_input');
    assert.deepEqual(check.fields.map((f) => f.name), ['health_check.timeout']);

    await settle(env, await env.client.loadBalancers.updateService(lb.id, { listenPort: 5432, destinationPort: 6432, healthCheck: { interval: 30, retries: 5 } }));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/update_service`).body, { listen_port: 5432, destination_port: 6432, health_check: { interval: 30, retries: 5 } });
    service = (await env.client.loadBalancers.get(lb.id))?.services[0];
    assert.deepEqual([service?.destinationPort, service?.healthCheck.interval, service?.healthCheck.retries, service?.healthCheck.timeout], [6432, 30, 5, 10]);
    const missing = await rejectsWith(() => env.client.loadBalancers.updateService(lb.id, { listenPort: 1 }), 'invalid_input');
    assert.deepEqual(missing.fields.map((f) => f.name), ['listen_port']);

    for (const port of [1, 2, 3, 4]) await settle(env, await env.client.loadBalancers.addService(lb.id, tcp(port)));
    await rejectsWith(() => env.client.loadBalancers.addService(lb.id, tcp(5)), 'resource_limit_exceeded');

    await settle(env, await env.client.loadBalancers.deleteService(lb.id, 5432));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/delete_service`).body, { listen_port: 5432 });
    assert.deepEqual((await env.client.loadBalancers.get(lb.id))?.services.map((s) => s.listenPort), [1, 2, 3, 4]);
    await rejectsWith(() => env.client.loadBalancers.deleteService(lb.id, 5432), 'invalid_input');
  });

  it('https services: certificates of the project, redirect_http takes port 80; the certificate says where it is used and cannot be deleted', async () => {
    const cert = (await env.client.certificates.listAll()).find((c) => c.name === 'demo-upload') ?? assert.fail('the demo has an uploaded certificate');
    const lb = await makeLb(env);
    await settle(env, await env.client.loadBalancers.addService(lb.id, { protocol: 'https', destinationPort: 8080, http: { certificates: [cert.id], redirectHttp: true } }));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/add_service`).body, { protocol: 'https', destination_port: 8080, http: { certificates: [cert.id], redirect_http: true } });
    const service = (await env.client.loadBalancers.get(lb.id))?.services[0];
    assert.deepEqual([service?.listenPort, service?.http?.certificates, service?.http?.redirectHttp, service?.healthCheck.protocol], [443, [cert.id], true, 'http']);
    await rejectsWith(() => env.client.loadBalancers.addService(lb.id, tcp(80)), 'source_port_already_used');
    assert.ok((await env.client.certificates.get(cert.id))?.usedBy.some((u) => u.type === 'load_balancer' && u.id === lb.id));
    await rejectsWith(() => env.client.certificates.delete(cert.id), 'resource_in_use');
    const noCert = await rejectsWith(() => env.client.loadBalancers.updateService(lb.id, { listenPort: 443, http: { certificates: [] } }), 'invalid_input');
    assert.deepEqual(noCert.fields.map((f) => f.name), ['http.certificates']);
    await settle(env, await env.client.loadBalancers.updateService(lb.id, { listenPort: 443, protocol: 'http' }));
    const plain = (await env.client.loadBalancers.get(lb.id))?.services[0];
    assert.deepEqual([plain?.protocol, plain?.http?.certificates, plain?.http?.redirectHttp], ['http', [], false], 'what only https has goes with it');
    assert.ok(!(await env.client.certificates.get(cert.id))?.usedBy.some((u) => u.id === lb.id));
  });

  it('the demo project: web-lb with two server targets (one healthy), an https service with the uploaded certificate and a tcp service', async () => {
    const [lb] = (await env.client.loadBalancers.list({ name: 'web-lb' })).items;
    const { web1, ci } = await demoServers(env);
    assert.deepEqual([lb.loadBalancerType.name, lb.algorithm, lb.location.name], ['lb11', 'round_robin', 'fsn1']);
    assert.deepEqual(lb.services.map((s) => [s.protocol, s.listenPort, s.http?.redirectHttp ?? null]), [['https', 443, true], ['tcp', 8443, null]]);
    assert.deepEqual(lb.targets.map((t) => [t.serverId, t.healthStatus.map((h) => h.status)]), [[web1.id, ['healthy', 'healthy']], [ci.id, ['unhealthy', 'unhealthy']]]);
    const cert = await env.client.certificates.get(lb.services[0].http?.certificates[0] as number);
    assert.equal(cert?.name, 'demo-upload');
  });

  it('add_target and remove_target: server, label selector, IP; health per service; the failure codes', async () => {
    const { web1, ci, staging } = await demoServers(env);
    const lb = await makeLb(env, { services: [tcp(80), tcp(443)] });
    const added = await env.client.loadBalancers.addTarget(lb.id, { type: 'server', serverId: ci.id });
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/add_target`).body, { type: 'server', server: { id: ci.id } });
    // `unknown` while add_target runs: on a fake clock in test/unit/sim/loadBalancers.test.ts (here the action lasts 60 ms of real time).
    await settle(env, added);
    assert.deepEqual((await env.client.loadBalancers.get(lb.id))?.targets[0].healthStatus, [{ listenPort: 80, status: 'unhealthy' }, { listenPort: 443, status: 'unhealthy' }], 'ci-runner is off');
    await rejectsWith(() => env.client.loadBalancers.addTarget(lb.id, { type: 'server', serverId: ci.id }), 'target_already_defined');
    const missing = await rejectsWith(() => env.client.loadBalancers.addTarget(lb.id, { type: 'server', serverId: 999999 }), 'invalid_input');
    assert.deepEqual(missing.fields.map((f) => f.name), ['server.id']);
    await rejectsWith(() => env.client.loadBalancers.addTarget(lb.id, { type: 'server', serverId: web1.id, usePrivateIp: true }), 'load_balancer_not_attached_to_network');

    await settle(env, await env.client.loadBalancers.addTarget(lb.id, { type: 'label_selector', labelSelector: 'tier=web,env=staging' }));
    const selector = (await env.client.loadBalancers.get(lb.id))?.targets[1];
    assert.deepEqual(selector?.targets?.map((t) => [t.serverId, t.healthStatus[0].status]), [[staging.id, 'healthy']]);
    assert.deepEqual(selector?.healthStatus.map((h) => h.status), ['healthy', 'healthy']);
    await rejectsWith(() => env.client.loadBalancers.addTarget(lb.id, { type: 'label_selector', labelSelector: 'a in (' }), 'invalid_input');

    await settle(env, await env.client.loadBalancers.addTarget(lb.id, { type: 'ip', ip: '203.0.113.250' }));
    assert.deepEqual((await env.client.loadBalancers.get(lb.id))?.targets[2].healthStatus.map((h) => h.status), ['unknown', 'unknown']);
    await rejectsWith(() => env.client.loadBalancers.addTarget(lb.id, { type: 'ip', ip: web1.publicNet.ipv4?.ip as string }), 'cloud_resource_ip_not_allowed');

    await settle(env, await env.client.loadBalancers.removeTarget(lb.id, { type: 'server', serverId: ci.id, usePrivateIp: true }));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/remove_target`).body, { type: 'server', server: { id: ci.id } });
    await settle(env, await env.client.loadBalancers.removeTarget(lb.id, { type: 'ip', ip: '203.0.113.250' }));
    assert.deepEqual((await env.client.loadBalancers.get(lb.id))?.targets.map((t) => t.type), ['label_selector']);
    await rejectsWith(() => env.client.loadBalancers.removeTarget(lb.id, { type: 'ip', ip: '203.0.113.250' }), 'invalid_input');
  });

  it('attach_to_network, private targets, disable/enable_public_interface, detach_from_network with their codes', async () => {
    const { web1, staging } = await demoServers(env);
    const network = (await env.client.networks.listAll()).find((n) => n.serverIds.includes(web1.id)) ?? assert.fail('web-1 is in a network');
    const lb = await makeLb(env, { targets: [{ type: 'server', serverId: web1.id }] });
    await rejectsWith(() => env.client.loadBalancers.disablePublicInterface(lb.id), 'load_balancer_not_attached_to_network');
    await rejectsWith(() => env.client.loadBalancers.detachFromNetwork(lb.id, network.id), 'load_balancer_not_attached_to_network');

    await settle(env, await env.client.loadBalancers.attachToNetwork(lb.id, { network: network.id }));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/attach_to_network`).body, { network: network.id });
    const attached = (await env.client.loadBalancers.get(lb.id)) as LoadBalancer;
    assert.deepEqual(attached.privateNet.map((p) => p.networkId), [network.id]);
    assert.ok((await env.client.networks.get(network.id))?.loadBalancerIds.includes(lb.id), "the Network's load_balancers");
    await rejectsWith(() => env.client.loadBalancers.attachToNetwork(lb.id, { network: network.id }), 'load_balancer_already_attached');

    await rejectsWith(() => env.client.loadBalancers.addTarget(lb.id, { type: 'server', serverId: staging.id, usePrivateIp: true }), 'server_not_attached_to_network');
    await rejectsWith(() => env.client.loadBalancers.disablePublicInterface(lb.id), 'targets_without_use_private_ip');
    await settle(env, await env.client.loadBalancers.removeTarget(lb.id, { type: 'server', serverId: web1.id }));
    await settle(env, await env.client.loadBalancers.addTarget(lb.id, { type: 'server', serverId: web1.id, usePrivateIp: true }));
    assert.equal((await env.client.loadBalancers.get(lb.id))?.targets[0].usePrivateIp, true);

    await settle(env, await env.client.loadBalancers.disablePublicInterface(lb.id));
    assert.equal((await env.client.loadBalancers.get(lb.id))?.publicNet.enabled, false);
    await rejectsWith(() => env.client.loadBalancers.addTarget(lb.id, { type: 'server', serverId: staging.id }), 'load_balancer_public_interface_disabled');
    await settle(env, await env.client.loadBalancers.enablePublicInterface(lb.id));
    assert.equal((await env.client.loadBalancers.get(lb.id))?.publicNet.enabled, true);

    await settle(env, await env.client.loadBalancers.removeTarget(lb.id, { type: 'server', serverId: web1.id }));
    await settle(env, await env.client.loadBalancers.detachFromNetwork(lb.id, network.id));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/detach_from_network`).body, { network: network.id });
    assert.deepEqual((await env.client.loadBalancers.get(lb.id))?.privateNet, []);
  });

  it('change_algorithm, change_type (invalid_load_balancer_type when it does not fit), change_dns_ptr', async () => {
    const lb = await makeLb(env, { loadBalancerType: 'lb21', services: [tcp(1), tcp(2), tcp(3), tcp(4), tcp(5), tcp(6)] });
    await settle(env, await env.client.loadBalancers.changeAlgorithm(lb.id, 'least_connections'));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/change_algorithm`).body, { type: 'least_connections' });
    assert.equal((await env.client.loadBalancers.get(lb.id))?.algorithm, 'least_connections');

    await rejectsWith(() => env.client.loadBalancers.changeType(lb.id, 'lb11'), 'invalid_load_balancer_type');
    const up = await env.client.loadBalancers.changeType(lb.id, 'lb31');
    assert.deepEqual([up.command, lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/change_type`).body], ['change_load_balancer_type', { load_balancer_type: 'lb31' }]);
    await settle(env, up);
    assert.equal((await env.client.loadBalancers.get(lb.id))?.loadBalancerType.name, 'lb31');

    const ipv4 = lb.publicNet.ipv4?.ip as string;
    await settle(env, await env.client.loadBalancers.changeDnsPtr(lb.id, ipv4, 'lb.example.com'));
    assert.deepEqual(lastReceived(env.sim, 'POST', `/load_balancers/${lb.id}/actions/change_dns_ptr`).body, { ip: ipv4, dns_ptr: 'lb.example.com' });
    assert.equal((await env.client.loadBalancers.get(lb.id))?.publicNet.ipv4?.dnsPtr, 'lb.example.com');
    await settle(env, await env.client.loadBalancers.changeDnsPtr(lb.id, lb.publicNet.ipv6?.ip as string, 'lb6.example.com'));
    assert.equal((await env.client.loadBalancers.get(lb.id))?.publicNet.ipv6?.dnsPtr, 'lb6.example.com');
    await settle(env, await env.client.loadBalancers.changeDnsPtr(lb.id, ipv4, null));
    assert.equal((await env.client.loadBalancers.get(lb.id))?.publicNet.ipv4?.dnsPtr, undefined);
    await rejectsWith(() => env.client.loadBalancers.changeDnsPtr(lb.id, '198.51.100.1', 'x.example.com'), 'invalid_input');
  });

  it('metrics: the four types as series, deterministic', async () => {
    const { web1 } = await demoServers(env);
    const lb = await makeLb(env, { services: [tcp(80)], targets: [{ type: 'server', serverId: web1.id }] });
    const end = new Date();
    const start = new Date(end.getTime() - 3600_000);
    const m = await env.client.loadBalancers.metrics(lb.id, { type: ['open_connections', 'connections_per_second', 'requests_per_second', 'bandwidth'], start, end, step: 60 });
    assert.deepEqual(lastReceived(env.sim, 'GET', `/load_balancers/${lb.id}/metrics`).query.type, ['open_connections,connections_per_second,requests_per_second,bandwidth']);
    assert.deepEqual(Object.keys(m.series).sort(), ['bandwidth.in', 'bandwidth.out', 'connections_per_second', 'open_connections', 'requests_per_second']);
    const again = await env.client.loadBalancers.metrics(lb.id, { type: 'open_connections', start, end, step: 60 });
    assert.deepEqual(again.series.open_connections, m.series.open_connections);
    await rejectsWith(() => env.client.loadBalancers.metrics(lb.id, { type: 'cpu' as 'bandwidth', start, end }), 'invalid_input');
  });

  it('the action lists: of one Load Balancer, one of its actions, of every Load Balancer, one by id', async () => {
    const lb = await makeLb(env);
    const [done] = await settle(env, await env.client.loadBalancers.changeAlgorithm(lb.id, 'least_connections'));
    const own = await env.client.loadBalancers.listActions(lb.id);
    assert.deepEqual(own.items.map((a) => a.command), ['create_load_balancer', 'change_algorithm']);
    assert.deepEqual(await env.client.loadBalancers.listAllActions(lb.id), own.items);
    assert.equal((await env.client.loadBalancers.getAction(lb.id, done.id))?.status, 'success');
    assert.equal(await env.client.loadBalancers.getAction(lb.id, 1), undefined);
    assert.deepEqual((await env.client.loadBalancers.listKindActions({ id: done.id })).items.map((a) => a.id), [done.id]);
    assert.ok((await env.client.loadBalancers.listKindActions({ perPage: 50 })).items.every((a) => a.resources[0]?.type === 'load_balancer'));
    assert.equal((await env.client.loadBalancers.getKindAction(done.id))?.command, 'change_algorithm');
  });

  it('deleting a server removes it from the targets', async () => {
    const server = await env.client.servers.create({ name: uniqueName('target'), serverType: 'cx21', image: 'ubuntu-22.04', location: 'fsn1' });
    await settle(env, server.action);
    const lb = await makeLb(env, { targets: [{ type: 'server', serverId: server.server.id }] });
    assert.deepEqual((await env.client.servers.get(server.server.id))?.loadBalancerIds, [lb.id]);
    await settle(env, await env.client.servers.delete(server.server.id));
    assert.deepEqual((await env.client.loadBalancers.get(lb.id))?.targets, []);
  });
});

describe('load balancers [api 2018]', () => {
  const env = useSimulator({ api: '2018', seed: 'demo' });

  it('every Load Balancer path answers as an unknown path does', async () => {
    const unknown = await rejectsWith(() => env.client.transport.request('GET', '/no_such_things'), 'not_found');
    const list = await rejectsWith(() => env.client.loadBalancers.list(), 'not_found');
    assert.equal(list.message, unknown.message);
    await rejectsWith(() => env.client.loadBalancers.create({ name: 'lb', loadBalancerType: 'lb11', location: 'fsn1' }), 'not_found');
    await rejectsWith(() => env.client.loadBalancers.listKindActions(), 'not_found');
    await rejectsWith(() => env.client.loadBalancerTypes.list(), 'not_found');
    assert.equal(await env.client.loadBalancers.get(1), undefined);
    assert.equal((await env.client.pricing.get()).loadBalancerTypes, undefined);
  });
});
