// The 18 server actions and the server's action list: what the API received, what the call
// returned, and the server's state once the action finished.
import * as assert from 'node:assert/strict';
import type { Action, Server } from '../../../src/api/types';
import { forEachApi, lastReceived, rejectsWith, serverSpec, settle, uniqueName, useSimulator } from './helpers';

forEachApi('server actions', (api) => {
  const env = useSimulator({ api, seed: 'demo' });
  let server: Server;

  before(async () => {
    const { type, location, image } = await serverSpec(env);
    const created = await env.client.servers.create({ name: uniqueName('act'), serverType: type.name, image: image.id, location: location.name });
    await settle(env, created.action);
    server = created.server;
  });

  /** Runs an action call, checks the request and the returned action, waits for it, returns the server. */
  async function run(endpoint: string, call: () => Promise<Action>, body: unknown, command: string): Promise<Server> {
    const action = await call();
    const req = lastReceived(env.sim, 'POST', `/servers/${server.id}/actions/${endpoint}`);
    assert.equal(req.status, 201);
    if (body === undefined) assert.ok(req.body === undefined || (typeof req.body === 'object' && Object.keys(req.body as object).length === 0), `no body for ${endpoint}`);
    else assert.deepEqual(req.body, body);
    assert.equal(action.command, command);
    assert.ok(action.resources.some((r) => r.id === server.id && r.type === 'server'));
    const [done] = await settle(env, action);
    assert.equal(done.status, 'success');
    assert.equal(done.progress, 100);
    assert.ok(done.finished instanceof Date);
    const s = await env.client.servers.get(server.id);
    assert.ok(s);
    return s;
  }

  it('shutdown, powerOn, powerOff, reboot, reset', async () => {
    assert.equal((await run('shutdown', () => env.client.servers.shutdown(server.id), undefined, 'shutdown_server')).status, 'off');
    assert.equal((await run('poweron', () => env.client.servers.powerOn(server.id), undefined, 'start_server')).status, 'running');
    assert.equal((await run('poweroff', () => env.client.servers.powerOff(server.id), undefined, 'stop_server')).status, 'off');
    await run('poweron', () => env.client.servers.powerOn(server.id), undefined, 'start_server');
    assert.equal((await run('reboot', () => env.client.servers.reboot(server.id), undefined, 'reboot_server')).status, 'running');
    assert.equal((await run('reset', () => env.client.servers.reset(server.id), undefined, 'reset_server')).status, 'running');
  });

  it('resetPassword returns the new root password', async () => {
    const result = await env.client.servers.resetPassword(server.id);
    assert.equal(lastReceived(env.sim, 'POST', `/servers/${server.id}/actions/reset_password`).status, 201);
    assert.equal(result.action.command, 'reset_password');
    assert.ok(result.rootPassword && result.rootPassword.length >= 8);
    await settle(env, result.action);
  });

  it('enableRescue (type, SSH keys) returns the rescue password; twice is rescue_already_enabled; disableRescue', async () => {
    const { items: keys } = await env.client.sshKeys.list();
    const result = await env.client.servers.enableRescue(server.id, { type: 'linux64', sshKeys: [keys[0].id] });
    assert.deepEqual(lastReceived(env.sim, 'POST', `/servers/${server.id}/actions/enable_rescue`).body, { type: 'linux64', ssh_keys: [keys[0].id] });
    assert.equal(result.action.command, 'enable_rescue');
    assert.equal(typeof result.rootPassword, 'string');
    await settle(env, result.action);
    assert.equal((await env.client.servers.get(server.id))?.rescueEnabled, true);

    const again = await rejectsWith(() => env.client.servers.enableRescue(server.id), 'rescue_already_enabled');
    assert.equal(again.status, 412);
    assert.ok(again.message.length > 0);

    assert.equal((await run('disable_rescue', () => env.client.servers.disableRescue(server.id), undefined, 'disable_rescue')).rescueEnabled, false);
  });

  it('createImage returns the new image (creating) and its action; the image becomes available', async () => {
    const result = await env.client.servers.createImage(server.id, { type: 'snapshot', description: 'before upgrade' });
    assert.deepEqual(lastReceived(env.sim, 'POST', `/servers/${server.id}/actions/create_image`).body, { type: 'snapshot', description: 'before upgrade' });
    assert.equal(result.action.command, 'create_image');
    assert.equal(result.image.type, 'snapshot');
    assert.equal(result.image.description, 'before upgrade');
    assert.equal(result.image.status, 'creating');
    assert.equal(result.image.createdFrom?.id, server.id);
    await settle(env, result.action);
    assert.equal((await env.client.images.get(result.image.id))?.status, 'available');
  });

  it('rebuild from an image name', async () => {
    const result = await env.client.servers.rebuild(server.id, 'debian-12');
    assert.deepEqual(lastReceived(env.sim, 'POST', `/servers/${server.id}/actions/rebuild`).body, { image: 'debian-12' });
    assert.equal(result.action.command, 'rebuild_server');
    assert.ok(result.rootPassword, 'no SSH keys: a new root password');
    await settle(env, result.action);
    assert.equal((await env.client.servers.get(server.id))?.image?.name, 'debian-12');
  });

  it('changeType needs the server off (server_not_stopped), then changes the type', async () => {
    const types = await env.client.serverTypes.listAll();
    const offeredHere = (t: (typeof types)[number]) => !t.locations || t.locations.some((l) => l.name === server.location?.name && l.available);
    const bigger = types.find(
      (t) => t.disk > server.serverType.disk && t.storageType === server.serverType.storageType && t.architecture === server.serverType.architecture && offeredHere(t),
    );
    assert.ok(bigger, 'a bigger server type');
    const e = await rejectsWith(() => env.client.servers.changeType(server.id, bigger.name, true), 'server_not_stopped');
    assert.equal(e.status, 422, 'the OpenAPI table gives 422 for server_not_stopped');
    assert.equal(e.path, `/servers/${server.id}/actions/change_type`);
    await settle(env, await env.client.servers.powerOff(server.id));
    const s = await run('change_type', () => env.client.servers.changeType(server.id, bigger.name, false), { server_type: bigger.name, upgrade_disk: false }, 'change_server_type');
    assert.equal(s.serverType.name, bigger.name);
    await settle(env, await env.client.servers.powerOn(server.id));
  });

  it('enableBackup with a window, disableBackup', async () => {
    const on = await run('enable_backup', () => env.client.servers.enableBackup(server.id, '02-06'), { backup_window: '02-06' }, 'enable_backup');
    assert.equal(on.backupWindow, '02-06');
    const off = await run('disable_backup', () => env.client.servers.disableBackup(server.id), undefined, 'disable_backup');
    assert.equal(off.backupWindow, undefined);
  });

  it('attachIso by name, detachIso', async () => {
    const { items: isos } = await env.client.isos.list();
    const iso = isos.find((i) => i.name);
    assert.ok(iso);
    const attached = await run('attach_iso', () => env.client.servers.attachIso(server.id, iso.name ?? iso.id), { iso: iso.name }, 'attach_iso');
    assert.equal(attached.iso?.id, iso.id);
    const detached = await run('detach_iso', () => env.client.servers.detachIso(server.id), undefined, 'detach_iso');
    assert.equal(detached.iso, undefined);
  });

  it('changeDnsPtr sets and (with null) resets the reverse DNS of the IPv4', async () => {
    const ip = server.publicNet.ipv4?.ip;
    assert.ok(ip);
    const set = await run('change_dns_ptr', () => env.client.servers.changeDnsPtr(server.id, ip, 'web.example.com'), { ip, dns_ptr: 'web.example.com' }, 'change_dns_ptr');
    assert.equal(set.publicNet.ipv4?.dnsPtr, 'web.example.com');
    const reset = await run('change_dns_ptr', () => env.client.servers.changeDnsPtr(server.id, ip, null), { ip, dns_ptr: null }, 'change_dns_ptr');
    assert.notEqual(reset.publicNet.ipv4?.dnsPtr, 'web.example.com');
  });

  it('changeProtection', async () => {
    const on = await run('change_protection', () => env.client.servers.changeProtection(server.id, { delete: true, rebuild: true }), { delete: true, rebuild: true }, 'change_protection');
    assert.deepEqual(on.protection, { delete: true, rebuild: true });
    await rejectsWith(() => env.client.servers.rebuild(server.id, 'debian-12'), 'protected');
    const off = await run('change_protection', () => env.client.servers.changeProtection(server.id, { delete: false, rebuild: false }), { delete: false, rebuild: false }, 'change_protection');
    assert.deepEqual(off.protection, { delete: false, rebuild: false });
  });

  it('requestConsole returns the websocket URL and password', async () => {
    const result = await env.client.servers.requestConsole(server.id);
    assert.match(result.wssUrl, /^ws:\/\/127\.0\.0\.1:\d+\/console\//, 'the simulator serves its own console');
    assert.ok(result.password.length > 0);
    assert.equal(result.action.command, 'request_console');
    await settle(env, result.action);
  });

  it('a second action while one runs is locked', async () => {
    const first = await env.client.servers.reboot(server.id);
    const e = await rejectsWith(() => env.client.servers.reset(server.id), 'locked');
    assert.equal(e.status, 423);
    await settle(env, first);
  });

  it('action list (status, sort) and one action of the server', async () => {
    const page = await env.client.servers.listActions(server.id, { status: ['success'], sort: ['id:desc'], perPage: 5 });
    const req = lastReceived(env.sim, 'GET', `/servers/${server.id}/actions`);
    assert.deepEqual(req.query.status, ['success']);
    assert.deepEqual(req.query.sort, ['id:desc']);
    assert.deepEqual(req.query.per_page, ['5']);
    assert.equal(page.items.length, 5);
    assert.ok(page.items.every((a) => a.status === 'success'));
    for (let i = 1; i < page.items.length; i++) assert.ok(page.items[i].id < page.items[i - 1].id);

    const all = await env.client.servers.listAllActions(server.id, { sort: 'id' });
    assert.ok(all.length > 10);
    assert.ok(all.some((a) => a.command === 'create_server'));
    assert.ok(all.every((a) => a.resources.some((r) => r.id === server.id)));

    const one = await env.client.servers.getAction(server.id, all[0].id);
    assert.equal(lastReceived(env.sim, 'GET', `/servers/${server.id}/actions/${all[0].id}`).status, 200);
    assert.deepEqual(one, all[0]);
    assert.equal(await env.client.servers.getAction(server.id, 99999999), undefined);
  });

  it('an action on a missing server is not_found', async () => {
    const e = await rejectsWith(() => env.client.servers.powerOn(99999999), 'not_found');
    assert.equal(e.status, 404);
  });
});
