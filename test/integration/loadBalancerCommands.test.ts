// Load Balancer commands (targets, services, settings) inside VS Code, against a fresh simulator per
// test (today's API, demo seed: web-lb with web-1 and ci-runner as targets, an https service on 443
// with the uploaded certificate and a tcp service on 8443). Each test asserts what the API received,
// the simulator's state, the prompts (prices included) and that cancelling sends nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LoadBalancer, LoadBalancerCreateParams, Network, Server } from '../../src/api/types';
import { NounFixture } from './support/nounFixture';

describe('Load Balancer commands', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  let servers: Server[];
  let backend: Network;
  const server = (name: string) => servers.find((s) => s.name === name)!;
  const wire = (id: number) => f.sim.state.loadBalancers.get(id);
  const get = async (id: number) => (await f.client.loadBalancers.get(id))!;
  const webLb = async () => (await f.client.loadBalancers.listAll({ name: 'web-lb' }))[0];
  /** A new Load Balancer in fsn1 (settled). */
  const make = async (name: string, extra: Partial<LoadBalancerCreateParams> = {}): Promise<LoadBalancer> => {
    const r = await f.client.loadBalancers.create({ name, loadBalancerType: 'lb11', location: 'fsn1', ...extra });
    await f.client.waitForActions(r.action!);
    f.sim.clearRequests();
    return get(r.loadBalancer.id);
  };
  const lbNode = (lb: LoadBalancer) => f.node('loadBalancer', lb);

  beforeEach(async () => {
    await f.setUp();
    servers = await f.client.servers.listAll();
    backend = (await f.client.networks.listAll({ name: 'backend' }))[0];
    f.sim.clearRequests();
  });
  afterEach(() => f.tearDown());

  it('adds a server target from the palette (the servers not yet targets), a label selector and an IP from the node; cancelling sends nothing', async () => {
    const lb = await webLb();
    let input = f.script({ quickPick: 'web-lb' }, { quickPick: 'Server' }, { quickPick: undefined });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addTarget');
    assert.ok(!input.prompts[2].items?.includes('web-1') && input.prompts[2].items?.includes('web-2'), `offered: ${input.prompts[2].items?.join(', ')}`);
    assert.deepEqual(f.changes(), []);

    f.script({ quickPick: 'web-lb' }, { quickPick: 'Server' }, { quickPick: 'web-2' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addTarget');
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/add_target`, body: { type: 'server', server: { id: server('web-2').id }, use_private_ip: false } }]);
    assert.deepEqual(wire(lb.id)?.targets.map((t) => t.server?.id), [server('web-1').id, server('ci-runner').id, server('web-2').id]);

    f.sim.clearRequests();
    input = f.script({ quickPick: 'Label selector' }, { inputBox: 'env in (' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addTarget', lbNode(lb));
    assert.match(input.prompts[1].validation ?? '', /./, 'a bad selector is refused in the box');
    f.script({ quickPick: 'Label selector' }, { inputBox: 'tier=web' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addTarget', lbNode(lb));
    input = f.script({ quickPick: 'IP address' }, { inputBox: 'not-an-ip' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addTarget', lbNode(lb));
    assert.equal(input.prompts[1].validation, 'Enter an IPv4 or IPv6 address, e.g. 203.0.113.9.');
    f.script({ quickPick: 'IP address' }, { inputBox: '192.0.2.200' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addTarget', lbNode(lb));
    assert.deepEqual(f.changes().map((c) => c.body), [{ type: 'label_selector', label_selector: { selector: 'tier=web' }, use_private_ip: false }, { type: 'ip', ip: { ip: '192.0.2.200' } }]);
    assert.deepEqual(wire(lb.id)?.targets.slice(3).map((t) => t.label_selector?.selector ?? t.ip?.ip), ['tier=web', '192.0.2.200']);
  });

  it('adds a server of its Network by private IP when the Load Balancer is attached to it', async () => {
    const lb = await make('private-lb', { network: backend.id });
    const input = f.script({ quickPick: 'Server' }, { quickPick: 'web-1' }, { quickPick: 'Private IP' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addTarget', lbNode(lb));
    assert.match(input.prompts[1].descriptions?.[input.prompts[1].items!.indexOf('web-1')] ?? '', /in its Network/);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/add_target`, body: { type: 'server', server: { id: server('web-1').id }, use_private_ip: true } }]);
    assert.equal(wire(lb.id)?.targets[0].use_private_ip, true);
  });

  it('from the Services and Targets groups under a Load Balancer, Add Service and Add Target take its Load Balancer (no pick)', async () => {
    const lb = await webLb();
    const input = f.script({ quickPick: 'IP address' }, { inputBox: '192.0.2.201' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addTarget', f.node('loadBalancerTargets', lb));
    assert.equal(input.prompts[0].placeHolder, 'What to balance to');
    const services = f.script({ quickPick: 'tcp' }, { inputBox: '2222' }, { inputBox: '22' }, { quickPick: 'Default health check' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addService', f.node('loadBalancerServices', lb));
    assert.equal(services.remaining, 0);
    assert.deepEqual(f.changes().map((c) => c.path), [`/load_balancers/${lb.id}/actions/add_target`, `/load_balancers/${lb.id}/actions/add_service`]);
  });

  it('removes a target from its row only after confirmation', async () => {
    const lb = await webLb();
    const target = lb.targets.find((t) => t.serverId === server('ci-runner').id)!;
    const node = f.node('loadBalancerTarget', { loadBalancer: lb, target });
    const input = f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.loadBalancer.removeTarget', node);
    assert.match(input.prompts[0].message ?? '', /^Remove target "(ci-runner|server \d+)" from Load Balancer "web-lb"\?$/);
    assert.deepEqual(f.changes(), []);
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.loadBalancer.removeTarget', node);
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/remove_target`, body: { type: 'server', server: { id: server('ci-runner').id } } }]);
    assert.deepEqual(wire(lb.id)?.targets.map((t) => t.server?.id), [server('web-1').id]);
  });

  it('adds an http service (port 80 is taken by the https redirect) with the default health check and sticky sessions', async () => {
    const lb = await webLb();
    const input = f.script({ quickPick: 'http' }, { inputBox: '80' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addService', lbNode(lb));
    assert.equal(input.prompts[1].validation, 'Port 80 is used by another service of this Load Balancer.');
    assert.deepEqual(f.changes(), []);
    f.script({ quickPick: 'http' }, { inputBox: '8080' }, { inputBox: '8080' }, { quickPick: 'Default health check' }, { quickPick: 'Sticky sessions' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addService', lbNode(lb));
    assert.deepEqual(f.changes(), [
      {
        method: 'POST',
        path: `/load_balancers/${lb.id}/actions/add_service`,
        body: {
          protocol: 'http',
          listen_port: 8080,
          destination_port: 8080,
          health_check: { protocol: 'http', port: 8080, interval: 15, timeout: 10, retries: 3, http: { path: '/', status_codes: ['2??', '3??'] } },
          http: { sticky_sessions: true },
        },
      },
    ]);
    assert.equal(wire(lb.id)?.services.find((s) => s.listen_port === 8080)?.http?.sticky_sessions, true);
  });

  it('adds an https service with certificates of the project and the redirect, and a tcp service with a custom health check', async () => {
    const lb = await make('tls-lb');
    const cert = (await f.client.certificates.listAll()).find((c) => c.name === 'demo-upload')!;
    const input = f.script(
      { quickPick: 'https' },
      { inputBox: '443' },
      { inputBox: '80' },
      { quickPick: 'Default health check' },
      { quickPick: 'No sticky sessions' },
      { quickPickMany: ['demo-upload'] },
      { quickPick: 'Redirect http to https' },
    );
    await vscode.commands.executeCommand('hcloud.loadBalancer.addService', lbNode(lb));
    assert.equal(input.remaining, 0);
    assert.deepEqual(f.changes().map((c) => c.body), [
      {
        protocol: 'https',
        listen_port: 443,
        destination_port: 80,
        health_check: { protocol: 'http', port: 80, interval: 15, timeout: 10, retries: 3, http: { path: '/', status_codes: ['2??', '3??'] } },
        http: { sticky_sessions: false, certificates: [cert.id], redirect_http: true },
      },
    ]);
    assert.deepEqual(wire(lb.id)?.services[0].http?.certificates, [cert.id]);

    f.sim.clearRequests();
    const custom = f.script({ quickPick: 'tcp' }, { inputBox: '5432' }, { inputBox: '5432' }, { quickPick: 'Custom health check' }, { quickPick: 'tcp' }, { inputBox: '5432' }, { inputBox: '10' }, { inputBox: '20' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addService', lbNode(await get(lb.id)));
    assert.equal(custom.prompts[7].validation, 'A whole number of seconds from 1 to 10.', 'the timeout is at most the interval');
    assert.deepEqual(f.changes(), []);
    f.script({ quickPick: 'tcp' }, { inputBox: '5432' }, { inputBox: '5432' }, { quickPick: 'Custom health check' }, { quickPick: 'tcp' }, { inputBox: '5432' }, { inputBox: '10' }, { inputBox: '5' }, { inputBox: '2' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.addService', lbNode(await get(lb.id)));
    assert.deepEqual(f.changes().map((c) => c.body), [{ protocol: 'tcp', listen_port: 5432, destination_port: 5432, health_check: { protocol: 'tcp', port: 5432, interval: 10, timeout: 5, retries: 2 } }]);
  });

  it('updates one setting of a service from its row: the destination port, the health check, the redirect', async () => {
    const lb = await webLb();
    const tcp = lb.services.find((s) => s.protocol === 'tcp')!;
    const https = lb.services.find((s) => s.protocol === 'https')!;
    f.script({ quickPick: 'Destination port' }, { inputBox: '9443' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.updateService', f.node('loadBalancerService', { loadBalancer: lb, service: tcp }));
    f.script({ quickPick: 'Health check' }, { quickPick: 'http' }, { inputBox: '9443' }, { inputBox: '20' }, { inputBox: '5' }, { inputBox: '4' }, { inputBox: '/healthz' }, { inputBox: '200' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.updateService', f.node('loadBalancerService', { loadBalancer: lb, service: tcp }));
    f.script({ quickPick: 'Redirect http to https' }, { quickPick: 'No redirect' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.updateService', f.node('loadBalancerService', { loadBalancer: lb, service: https }));
    const path = `/load_balancers/${lb.id}/actions/update_service`;
    assert.deepEqual(f.changes(), [
      { method: 'POST', path, body: { listen_port: 8443, destination_port: 9443 } },
      { method: 'POST', path, body: { listen_port: 8443, health_check: { protocol: 'http', port: 9443, interval: 20, timeout: 5, retries: 4, http: { path: '/healthz', status_codes: ['200'] } } } },
      { method: 'POST', path, body: { listen_port: 443, http: { redirect_http: false } } },
    ]);
    const state = wire(lb.id)!;
    assert.deepEqual([state.services[1].destination_port, state.services[1].health_check.http?.path, state.services[0].http?.redirect_http], [9443, '/healthz', false]);
  });

  it('deletes a service from the palette only after confirmation', async () => {
    const lb = await webLb();
    const input = f.script({ quickPick: 'web-lb' }, { quickPick: 'tcp 8443' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.loadBalancer.deleteService');
    assert.match(input.prompts[2].message ?? '', /^Delete the tcp 8443 → 8443 service of Load Balancer "web-lb"\?$/);
    assert.deepEqual(f.changes(), []);
    f.script({ quickPick: 'web-lb' }, { quickPick: 'tcp 8443' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.loadBalancer.deleteService');
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/delete_service`, body: { listen_port: 8443 } }]);
    assert.deepEqual(wire(lb.id)?.services.map((s) => s.listen_port), [443]);
  });

  it('changes the algorithm, and the type with the old and the new monthly price', async () => {
    const lb = await webLb();
    f.script({ quickPick: 'least connections' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.changeAlgorithm', lbNode(lb));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/change_algorithm`, body: { type: 'least_connections' } }]);
    assert.equal(wire(lb.id)?.algorithm.type, 'least_connections');

    f.sim.clearRequests();
    const input = f.script({ quickPick: 'lb21' }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.loadBalancer.changeType', lbNode(lb));
    assert.equal(input.prompts[0].descriptions?.[input.prompts[0].items!.indexOf('lb21')]?.split(' | ')[0], '€17.12/mo · now €6.41/mo');
    assert.equal(input.prompts[1].message, 'Change Load Balancer "web-lb" from lb11 to lb21?');
    assert.match(input.details[0], /^lb11: €6\.41\/mo \(€5\.39\/mo net\)\nlb21: €17\.12\/mo \(€14\.39\/mo net, €0\.0255\/h\)/);
    assert.deepEqual(f.changes(), []);
    f.script({ quickPick: 'lb21' }, { confirm: true });
    await vscode.commands.executeCommand('hcloud.loadBalancer.changeType', lbNode(lb));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/change_type`, body: { load_balancer_type: 'lb21' } }]);
    assert.equal(wire(lb.id)?.load_balancer_type.name, 'lb21');
  });

  it('attaches to a Network of its zone and detaches after confirmation; disables and enables the public interface', async () => {
    const lb = await make('net-lb');
    f.script({ quickPick: 'backend' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.attachToNetwork', lbNode(lb));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/attach_to_network`, body: { network: backend.id } }]);
    assert.deepEqual(wire(lb.id)?.private_net.map((p) => p.network), [backend.id]);

    f.sim.clearRequests();
    const input = f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.loadBalancer.disablePublicInterface', lbNode(await get(lb.id)));
    assert.match(input.prompts[0].message ?? '', /^Disable the public interface of Load Balancer "net-lb"\?$/);
    f.script();
    await vscode.commands.executeCommand('hcloud.loadBalancer.enablePublicInterface', lbNode(await get(lb.id)));
    assert.deepEqual(f.changes().map((c) => c.path), [`/load_balancers/${lb.id}/actions/disable_public_interface`, `/load_balancers/${lb.id}/actions/enable_public_interface`]);
    assert.equal(wire(lb.id)?.public_net.enabled, true);

    f.sim.clearRequests();
    f.script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.loadBalancer.detachFromNetwork', lbNode(await get(lb.id)));
    assert.deepEqual(f.changes(), []);
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.loadBalancer.detachFromNetwork', lbNode(await get(lb.id)));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/detach_from_network`, body: { network: backend.id } }]);
    assert.deepEqual(wire(lb.id)?.private_net, []);
  });

  it('a refused action shows the API\'s message: disabling the public interface without a Network', async () => {
    const lb = await make('public-only');
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.loadBalancer.disablePublicInterface', lbNode(lb));
    assert.match(f.messages('error').join('\n'), /not attached to a network/);
    assert.equal(wire(lb.id)?.public_net.enabled, true);
  });

  it('edits the reverse DNS of an address (a bad hostname is refused in the box)', async () => {
    const lb = await webLb();
    const ipv4 = lb.publicNet.ipv4!.ip!;
    const input = f.script({ quickPick: ipv4 }, { inputBox: 'not a host' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.changeDnsPtr', lbNode(lb));
    assert.match(input.prompts[1].validation ?? '', /^Enter a hostname/);
    f.script({ quickPick: ipv4 }, { inputBox: 'lb.example.com' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.changeDnsPtr', lbNode(lb));
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/change_dns_ptr`, body: { ip: ipv4, dns_ptr: 'lb.example.com' } }]);
    assert.equal(wire(lb.id)?.public_net.ipv4.dns_ptr, 'lb.example.com');
  });

  it('renames, edits labels and changes protection', async () => {
    const lb = await make('old-lb');
    f.script({ inputBox: 'new-lb' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.rename', lbNode(lb));
    f.script({ inputBox: 'tier=edge' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.editLabels', lbNode(lb));
    f.script({ quickPick: 'Protect against deletion' });
    await vscode.commands.executeCommand('hcloud.loadBalancer.changeProtection', lbNode(lb));
    assert.deepEqual(f.changes(), [
      { method: 'PUT', path: `/load_balancers/${lb.id}`, body: { name: 'new-lb' } },
      { method: 'PUT', path: `/load_balancers/${lb.id}`, body: { labels: { tier: 'edge' } } },
      { method: 'POST', path: `/load_balancers/${lb.id}/actions/change_protection`, body: { delete: true } },
    ]);
    assert.deepEqual([wire(lb.id)?.name, wire(lb.id)?.labels, wire(lb.id)?.protection.delete], ['new-lb', { tier: 'edge' }, true]);
  });

  it('deletes a protected Load Balancer: offers to unprotect, then asks (modal) to delete', async () => {
    const made = await make('doomed-lb');
    await f.client.waitForActions(await f.client.loadBalancers.changeProtection(made.id, { delete: true }));
    const lb = await get(made.id);
    f.sim.clearRequests();
    const input = f.script({ confirm: true }, { confirm: false });
    await vscode.commands.executeCommand('hcloud.loadBalancer.delete', lbNode(lb));
    assert.deepEqual(input.prompts.map((p) => p.confirmLabel), ['Remove Protection', 'Delete']);
    assert.equal(input.prompts[0].message, 'Load Balancer "doomed-lb" is protected against deletion.');
    assert.deepEqual(f.changes(), [{ method: 'POST', path: `/load_balancers/${lb.id}/actions/change_protection`, body: { delete: false } }]);
    assert.ok(wire(lb.id), 'not deleted: the last question was answered No');
    f.sim.clearRequests();
    f.script({ confirm: true });
    await vscode.commands.executeCommand('hcloud.loadBalancer.delete', lbNode(await get(lb.id)));
    assert.deepEqual(f.changes(), [{ method: 'DELETE', path: `/load_balancers/${lb.id}`, body: undefined }]);
    assert.equal(wire(lb.id), undefined);
    assert.deepEqual(f.messages('info').slice(-1), ['Load Balancer "doomed-lb" deleted.']);
  });

  it('Show Actions of a Load Balancer opens its action log (its own endpoint)', async () => {
    const lb = await webLb();
    f.script();
    await vscode.commands.executeCommand('hcloud.loadBalancer.showActions', lbNode(lb));
    const scope = { kind: 'loadBalancer', id: lb.id } as const;
    let panel = f.api.actionLogs.get(f.project.id, scope);
    for (let i = 0; i < 100 && !(panel?.ready && panel.current.phase === 'ready'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      panel = f.api.actionLogs.get(f.project.id, scope);
    }
    assert.ok(panel && panel.current.phase === 'ready', 'the action log of the Load Balancer');
    assert.deepEqual(panel.current.actions.map((a) => a.command).sort(), ['add_service', 'add_service', 'add_target', 'add_target', 'create_load_balancer']);
    assert.match(panel.current.title, /^Actions of Load Balancer "web-lb"/i);
    assert.ok(f.sim.requests.some((r) => r.path === `/load_balancers/${lb.id}/actions`));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('Load Balancer commands against the 2018 API', function () {
  this.timeout(30_000);
  const f = new NounFixture();
  beforeEach(() => f.setUp('2018'));
  afterEach(() => f.tearDown());

  it('each says the API has no Load Balancers and asks nothing about them', async () => {
    const ids = ['addTarget', 'removeTarget', 'addService', 'updateService', 'deleteService', 'changeAlgorithm', 'changeType', 'attachToNetwork', 'detachFromNetwork',
      'enablePublicInterface', 'disablePublicInterface', 'changeDnsPtr', 'changeProtection', 'rename', 'editLabels', 'delete', 'showActions'];
    await f.assertNoFamily(ids.map((id) => `hcloud.loadBalancer.${id}`), 'Load Balancers', (path) => path.includes('load_balancer'));
  });
});
