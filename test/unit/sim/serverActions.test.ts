import * as assert from 'node:assert/strict';
import { FakeClock, fieldNames, withSim, type Answer, type Json } from './helpers';

const ACTION_MS = 2000;

describe('sim: server actions', () => {
  const clock = new FakeClock();
  const api = withSim({ api: '2018', now: clock.now, actionMs: ACTION_MS });

  const settle = () => clock.advance(ACTION_MS);
  const act = (id: number, name: string, body?: unknown) => api.post(`/servers/${id}/actions/${name}`, body);
  const server = async (id: number): Promise<Json> => (await api.get(`/servers/${id}`)).body.server;
  const expectAction = (res: Answer, command: string) => {
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.action.command, command);
    assert.equal(res.body.action.status, 'running');
    assert.equal(res.body.action.progress, 0);
    assert.equal(res.body.action.error, null);
  };
  const expectError = (res: Answer, status: number, code: string) => {
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.equal(res.body.error.code, code);
  };

  describe('power', () => {
    it('poweroff: running -> stopping -> off (stop_server)', async () => {
      const res = await act(42, 'poweroff');
      expectAction(res, 'stop_server');
      assert.deepEqual(res.body.action.resources, [{ id: 42, type: 'server' }]);
      assert.equal((await server(42)).status, 'stopping');
      clock.advance(ACTION_MS / 4);
      assert.equal((await api.get(`/actions/${res.body.action.id}`)).body.action.progress, 25);
      clock.advance((ACTION_MS * 3) / 4);
      assert.equal((await server(42)).status, 'off');
    });

    it('poweron: off -> starting -> running (start_server); locked while it runs', async () => {
      expectAction(await act(42, 'poweron'), 'start_server');
      assert.equal((await server(42)).status, 'starting');
      expectError(await act(42, 'poweroff'), 423, 'locked');
      assert.equal((await server(42)).locked, false, 'server.locked is an admin lock, not a running action');
      settle();
      assert.equal((await server(42)).status, 'running');
    });

    it('shutdown, reboot and reset use the spec command names', async () => {
      expectAction(await act(47, 'reboot'), 'reboot_server');
      assert.equal((await server(47)).status, 'running');
      settle();
      expectAction(await act(47, 'reset'), 'reset_server');
      assert.equal((await server(47)).status, 'starting');
      settle();
      assert.equal((await server(47)).status, 'running');
      expectAction(await act(47, 'shutdown'), 'shutdown_server');
      assert.equal((await server(47)).status, 'stopping');
      settle();
      assert.equal((await server(47)).status, 'off');
      expectAction(await act(47, 'poweron'), 'start_server');
      settle();
    });

    it('a failing action (failActions) ends in error and leaves the status as it was', async () => {
      api.sim.setFaults({ failActions: [{ command: 'stop_server', code: 'server_stuck', message: 'the server does not stop' }] });
      const res = await act(47, 'poweroff');
      settle();
      api.sim.setFaults({});
      const action = (await api.get(`/actions/${res.body.action.id}`)).body.action;
      assert.equal(action.status, 'error');
      assert.deepEqual(action.error, { code: 'server_stuck', message: 'the server does not stop' });
      assert.notEqual(action.finished, null);
      assert.equal((await server(47)).status, 'running');
    });
  });

  describe('reset_password, rescue, console', () => {
    it('reset_password returns a root password for a running server', async () => {
      const res = await act(42, 'reset_password');
      expectAction(res, 'reset_password');
      assert.match(res.body.root_password, /^[A-Za-z0-9]{20}$/);
      settle();
    });

    it('reset_password on a server that is off: invalid_input', async () => {
      expectError(await act(46, 'reset_password'), 400, 'invalid_input');
    });

    it('enable_rescue returns a root password, then rescue_already_enabled', async () => {
      const res = await act(42, 'enable_rescue', { type: 'linux64', ssh_keys: [2323] });
      expectAction(res, 'enable_rescue');
      assert.match(res.body.root_password, /^[A-Za-z0-9]{20}$/);
      settle();
      assert.equal((await server(42)).rescue_enabled, true);
      expectError(await act(42, 'enable_rescue'), 412, 'rescue_already_enabled');
    });

    it('enable_rescue validates type and ssh_keys', async () => {
      assert.deepEqual(fieldNames(await act(45, 'enable_rescue', { type: 'dos' })), ['type']);
      assert.deepEqual(fieldNames(await act(45, 'enable_rescue', { ssh_keys: [1] })), ['ssh_keys']);
      assert.deepEqual(fieldNames(await act(45, 'enable_rescue', { type: 'freebsd64', ssh_keys: [2323] })), ['ssh_keys']);
    });

    it('disable_rescue, then rescue_already_disabled', async () => {
      expectAction(await act(48, 'disable_rescue'), 'disable_rescue');
      settle();
      assert.equal((await server(48)).rescue_enabled, false);
      expectError(await act(48, 'disable_rescue'), 412, 'rescue_already_disabled');
    });

    it('request_console returns the simulator console\'s ws:// URL and a password', async () => {
      const res = await act(45, 'request_console');
      expectAction(res, 'request_console');
      assert.match(res.body.wss_url, new RegExp(`^ws://127\\.0\\.0\\.1:${api.sim.port}/console/[A-Za-z0-9_-]{24}$`));
      assert.match(res.body.password, /^[A-Za-z0-9]{32}$/);
      settle();
    });
  });

  describe('images: create_image and rebuild', () => {
    let snapshotId: number;

    it('create_image makes a snapshot that is creating, then available', async () => {
      const res = await act(42, 'create_image', { description: 'before upgrade' });
      expectAction(res, 'create_image');
      const { image } = res.body;
      snapshotId = image.id;
      assert.deepEqual(
        { type: image.type, status: image.status, description: image.description, bound_to: image.bound_to, image_size: image.image_size },
        { type: 'snapshot', status: 'creating', description: 'before upgrade', bound_to: null, image_size: null },
      );
      assert.deepEqual(image.created_from, { id: 42, name: 'web-1' });
      assert.deepEqual(res.body.action.resources, [
        { id: 42, type: 'server' },
        { id: image.id, type: 'image' },
      ]);
      expectError(await api.del(`/images/${image.id}`), 423, 'locked');
      settle();
      const done = (await api.get(`/images/${image.id}`)).body.image;
      assert.equal(done.status, 'available');
      assert.equal(typeof done.image_size, 'number');
    });

    it('create_image of type backup needs backups enabled; system is not a type', async () => {
      assert.deepEqual(fieldNames(await act(45, 'create_image', { type: 'backup' })), ['type']);
      assert.deepEqual(fieldNames(await act(45, 'create_image', { type: 'system' })), ['type']);
      const res = await act(44, 'create_image', { type: 'backup' });
      expectAction(res, 'create_image');
      assert.equal(res.body.image.type, 'backup');
      assert.equal(res.body.image.bound_to, 44);
      settle();
    });

    it('rebuild refuses a server with rebuild protection', async () => {
      expectError(await act(44, 'rebuild', { image: 'debian-12' }), 403, 'protected');
    });

    it('rebuild from a system image: rebuilding -> running, new image, fresh root password', async () => {
      const res = await act(45, 'rebuild', { image: 'ubuntu-24.04' });
      expectAction(res, 'rebuild_server');
      assert.match(res.body.root_password, /^[A-Za-z0-9]{20}$/);
      assert.equal((await server(45)).status, 'rebuilding');
      settle();
      const after = await server(45);
      assert.equal(after.status, 'running');
      assert.equal(after.image.name, 'ubuntu-24.04');
    });

    it('rebuild from a snapshot (by id) returns root_password null', async () => {
      const res = await act(45, 'rebuild', { image: snapshotId });
      expectAction(res, 'rebuild_server');
      assert.equal(res.body.root_password, null);
      settle();
      assert.equal((await server(45)).image.id, snapshotId);
    });

    it('rebuild validates the image', async () => {
      assert.deepEqual(fieldNames(await act(45, 'rebuild', {})), ['image']);
      assert.deepEqual(fieldNames(await act(45, 'rebuild', { image: 'beos-5' })), ['image']);
      assert.deepEqual(fieldNames(await act(45, 'rebuild', { image: 'centos-7' })), ['image']);
    });
  });

  describe('change_type', () => {
    it('needs the server off: server_not_stopped', async () => {
      expectError(await act(45, 'change_type', { server_type: 'cpx31' }), 422, 'server_not_stopped');
    });

    it('refuses smaller disks and other storage types: invalid_server_type', async () => {
      expectError(await act(46, 'change_type', { server_type: 'cx11' }), 412, 'invalid_server_type');
      expectError(await act(46, 'change_type', { server_type: 'cx21-ceph' }), 412, 'invalid_server_type');
      assert.deepEqual(fieldNames(await act(46, 'change_type', { server_type: 'cx1000' })), ['server_type']);
      assert.deepEqual(fieldNames(await act(46, 'change_type', {})), ['server_type']);
    });

    it('migrating -> off with the new type; upgrade_disk false keeps the disk so it can go back', async () => {
      const res = await act(46, 'change_type', { server_type: 'cpx21', upgrade_disk: false });
      expectAction(res, 'change_server_type');
      assert.equal((await server(46)).status, 'migrating');
      settle();
      const after = await server(46);
      assert.equal(after.status, 'off');
      assert.equal(after.server_type.name, 'cpx21');
      expectAction(await act(46, 'change_type', { server_type: 'cpx11' }), 'change_server_type');
      settle();
      assert.equal((await server(46)).server_type.name, 'cpx11');
    });

    it('with upgrade_disk the disk grows and there is no way back', async () => {
      expectAction(await act(46, 'change_type', { server_type: 'cpx21' }), 'change_server_type');
      settle();
      expectError(await act(46, 'change_type', { server_type: 'cpx11' }), 412, 'invalid_server_type');
    });
  });

  describe('backups', () => {
    it('enable_backup picks a window when none is given; validates the window', async () => {
      assert.deepEqual(fieldNames(await act(42, 'enable_backup', { backup_window: '23-03' })), ['backup_window']);
      expectAction(await act(42, 'enable_backup'), 'enable_backup');
      settle();
      assert.ok(['22-02', '02-06', '06-10', '10-14', '14-18', '18-22'].includes((await server(42)).backup_window));
      expectAction(await act(45, 'enable_backup', { backup_window: '06-10' }), 'enable_backup');
      settle();
      assert.equal((await server(45)).backup_window, '06-10');
    });

    it('disable_backup clears the window and deletes the backups', async () => {
      assert.ok((await api.get('/images?bound_to=44')).body.images.length >= 3);
      expectAction(await act(44, 'disable_backup'), 'disable_backup');
      settle();
      assert.equal((await server(44)).backup_window, null);
      assert.deepEqual((await api.get('/images?bound_to=44')).body.images, []);
      assert.deepEqual((await api.get('/images?type=backup')).body.images, []);
    });
  });

  describe('ISOs', () => {
    it('attach_iso by name; deprecated and unknown ISOs are invalid_input', async () => {
      assert.deepEqual(fieldNames(await act(45, 'attach_iso', { iso: 4710 })), ['iso']);
      assert.deepEqual(fieldNames(await act(45, 'attach_iso', { iso: 'win95.iso' })), ['iso']);
      assert.deepEqual(fieldNames(await act(45, 'attach_iso', {})), ['iso']);
      expectAction(await act(45, 'attach_iso', { iso: 'virtio-win-0.1.141' }), 'attach_iso');
      settle();
      assert.equal((await server(45)).iso.id, 4712);
    });

    it('detach_iso: running when an ISO is attached, immediately success when none is', async () => {
      expectAction(await act(45, 'detach_iso'), 'detach_iso');
      settle();
      assert.equal((await server(45)).iso, null);
      const res = await act(45, 'detach_iso');
      assert.equal(res.status, 201);
      assert.equal(res.body.action.status, 'success');
      assert.equal(res.body.action.progress, 100);
      assert.equal(res.body.action.finished, res.body.action.started);
    });
  });

  describe('change_dns_ptr', () => {
    it('sets and resets the IPv4 PTR', async () => {
      const { ip } = (await server(45)).public_net.ipv4;
      expectAction(await act(45, 'change_dns_ptr', { ip, dns_ptr: 'api.example.com' }), 'change_dns_ptr');
      settle();
      assert.equal((await server(45)).public_net.ipv4.dns_ptr, 'api.example.com');
      expectAction(await act(45, 'change_dns_ptr', { ip, dns_ptr: null }), 'change_dns_ptr');
      settle();
      assert.equal((await server(45)).public_net.ipv4.dns_ptr, `static.${ip.split('.').reverse().join('.')}.clients.your-server.de`);
    });

    it('sets and removes an IPv6 PTR inside the /64', async () => {
      const net: string = (await server(45)).public_net.ipv6.ip;
      const ip = net.replace('::/64', '::a:1');
      expectAction(await act(45, 'change_dns_ptr', { ip, dns_ptr: 'v6.example.com' }), 'change_dns_ptr');
      settle();
      assert.deepEqual((await server(45)).public_net.ipv6.dns_ptr, [{ ip, dns_ptr: 'v6.example.com' }]);
      expectAction(await act(45, 'change_dns_ptr', { ip, dns_ptr: null }), 'change_dns_ptr');
      settle();
      assert.equal((await server(45)).public_net.ipv6.dns_ptr, null);
    });

    it('refuses IPs of other resources, bad hostnames and a missing dns_ptr', async () => {
      assert.deepEqual(fieldNames(await act(45, 'change_dns_ptr', { ip: '203.0.113.250', dns_ptr: 'x.example.com' })), ['ip']);
      assert.deepEqual(fieldNames(await act(45, 'change_dns_ptr', { ip: '2001:db8:ffff::1', dns_ptr: 'x.example.com' })), ['ip']);
      const { ip } = (await server(45)).public_net.ipv4;
      assert.deepEqual(fieldNames(await act(45, 'change_dns_ptr', { ip, dns_ptr: 'not a host' })), ['dns_ptr']);
      assert.deepEqual(fieldNames(await act(45, 'change_dns_ptr', { ip })), ['dns_ptr']);
    });
  });

  describe('change_protection', () => {
    it('needs delete and rebuild to be equal', async () => {
      const res = await act(45, 'change_protection', { delete: true });
      assert.equal(res.status, 400);
      assert.deepEqual(fieldNames(res).sort(), ['delete', 'rebuild']);
    });

    it('protects and unprotects', async () => {
      expectAction(await act(45, 'change_protection', { delete: true, rebuild: true }), 'change_protection');
      settle();
      assert.deepEqual((await server(45)).protection, { delete: true, rebuild: true });
      expectError(await api.del('/servers/45'), 403, 'protected');
      expectAction(await act(45, 'change_protection', { delete: false, rebuild: false }), 'change_protection');
      settle();
      assert.equal((await api.del('/servers/45')).status, 200);
      settle();
    });
  });

  describe('actions of a server', () => {
    it('lists the actions of one server, filtered and sorted', async () => {
      const all = (await api.get('/servers/42/actions?per_page=50')).body.actions;
      assert.ok(all.length >= 5);
      assert.ok(all.every((a: Json) => a.resources.some((r: Json) => r.type === 'server' && r.id === 42)));
      const mine = (await api.get('/servers/42/actions?status=success&sort=command:asc&sort=id:desc')).body.actions;
      const commands = mine.map((a: Json) => a.command);
      assert.deepEqual(commands, [...commands].sort());
      assert.ok(mine.every((a: Json) => a.status === 'success'));
      assert.equal((await api.get('/servers/42/actions?status=done')).status, 400);
    });

    it('gets one action of a server, and 404 for an action of another server', async () => {
      const [first] = (await api.get('/servers/42/actions')).body.actions;
      assert.equal((await api.get(`/servers/42/actions/${first.id}`)).body.action.id, first.id);
      assert.equal((await api.get(`/servers/47/actions/${first.id}`)).status, 404);
      assert.equal((await api.get('/servers/999/actions')).status, 404);
    });
  });
});
