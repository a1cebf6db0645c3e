import * as assert from 'node:assert/strict';
import { FakeClock, fieldNames, startApi, withSim, type Json } from './helpers';

const ACTION_MS = 1000;

describe('sim: servers', () => {
  const clock = new FakeClock();
  const api = withSim({ api: '2018', now: clock.now, actionMs: ACTION_MS });

  const create = (body: Record<string, unknown>) => api.post('/servers', { server_type: 'cx11', image: 'ubuntu-22.04', ...body });

  describe('list and get', () => {
    it('lists the demo servers with the spec shape', async () => {
      const res = await api.get('/servers');
      assert.equal(res.status, 200);
      assert.equal(res.body.servers.length, 8);
      const web1 = res.body.servers[0];
      assert.deepEqual(Object.keys(web1).sort(), [
        'backup_window',
        'created',
        'datacenter',
        'id',
        'image',
        'included_traffic',
        'ingoing_traffic',
        'iso',
        'locked',
        'name',
        'outgoing_traffic',
        'protection',
        'public_net',
        'rescue_enabled',
        'server_type',
        'status',
      ]);
      assert.equal(web1.id, 42);
      assert.match(web1.public_net.ipv4.ip, /^203\.0\.113\.\d+$/);
      assert.match(web1.public_net.ipv6.ip, /^2001:db8:[0-9a-f:]+\/64$/);
      assert.equal(web1.public_net.ipv4.dns_ptr, `static.${web1.public_net.ipv4.ip.split('.').reverse().join('.')}.clients.your-server.de`);
      assert.deepEqual(web1.public_net.floating_ips, [4711]);
    });

    it('has servers in several states and places', async () => {
      const servers: Json[] = (await api.get('/servers')).body.servers;
      const by = (name: string) => servers.find((s) => s.name === name);
      assert.deepEqual([...new Set(servers.map((s) => s.datacenter.location.name))].sort(), ['fsn1', 'hel1', 'nbg1']);
      assert.equal(by('ci-runner').status, 'off');
      assert.equal(by('legacy-app').rescue_enabled, true);
      assert.equal(by('iso-lab').iso.name, 'FreeBSD-11.0-RELEASE-amd64-dvd1');
      assert.deepEqual(by('db-main').protection, { delete: true, rebuild: true });
      assert.equal(by('db-main').backup_window, '22-02');
      assert.ok(servers.every((s) => Date.parse(s.created) < clock.ms));
    });

    it('filters by name and sorts by name descending', async () => {
      assert.deepEqual(
        (await api.get('/servers?name=vpn-hel')).body.servers.map((s: Json) => s.id),
        [47],
      );
      const names = (await api.get('/servers?sort=name:desc')).body.servers.map((s: Json) => s.name);
      assert.deepEqual(names, [...names].sort().reverse());
      assert.equal((await api.get('/servers?sort=status')).status, 400);
    });

    it('gets one server', async () => {
      const res = await api.get('/servers/44');
      assert.equal(res.body.server.name, 'db-main');
      assert.equal(res.body.server.server_type.name, 'cx41');
    });
  });

  describe('create', () => {
    it('creates a server: 201, initializing -> starting -> running, with a root password', async () => {
      const res = await create({ name: 'app-1', location: 'nbg1', user_data: '#cloud-config\n' });
      assert.equal(res.status, 201);
      const { server, action, root_password } = res.body;
      assert.equal(server.status, 'initializing');
      assert.equal(server.datacenter.name, 'nbg1-dc3');
      assert.equal(server.server_type.name, 'cx11');
      assert.equal(server.image.name, 'ubuntu-22.04');
      assert.match(root_password, /^[A-Za-z0-9]{20}$/);
      assert.deepEqual(
        { command: action.command, status: action.status, progress: action.progress, finished: action.finished, error: action.error },
        { command: 'create_server', status: 'running', progress: 0, finished: null, error: null },
      );
      assert.deepEqual(action.resources, [{ id: server.id, type: 'server' }]);

      clock.advance(ACTION_MS / 2);
      assert.equal((await api.get(`/servers/${server.id}`)).body.server.status, 'starting');
      assert.equal((await api.get(`/actions/${action.id}`)).body.action.progress, 50);
      clock.advance(ACTION_MS / 2);
      assert.equal((await api.get(`/servers/${server.id}`)).body.server.status, 'running');
      const done = (await api.get(`/actions/${action.id}`)).body.action;
      assert.equal(done.status, 'success');
      assert.equal(done.progress, 100);
      assert.equal(Date.parse(done.finished), Date.parse(done.started) + ACTION_MS);
    });

    it('stays off without start_after_create, and returns no password with SSH keys (by id or name)', async () => {
      const res = await create({ name: 'app-2', start_after_create: false, ssh_keys: [2323, 'ci-deploy'] });
      assert.equal(res.status, 201);
      assert.equal(res.body.root_password, null);
      assert.equal(res.body.server.datacenter.name, 'fsn1-dc14', 'the recommended datacenter');
      clock.advance(ACTION_MS);
      assert.equal((await api.get(`/servers/${res.body.server.id}`)).body.server.status, 'off');
    });

    it('accepts IDs for server_type, image and datacenter', async () => {
      const res = await create({ name: 'app-3', server_type: 22, image: 7, datacenter: 3 });
      assert.equal(res.status, 201);
      assert.equal(res.body.server.server_type.name, 'cpx11');
      assert.equal(res.body.server.image.name, 'debian-12');
      assert.equal(res.body.server.datacenter.name, 'hel1-dc2');
    });

    it('answers placement_error when the datacenter lacks the type', async () => {
      for (const where of [{ location: 'nbg1', server_type: 'ccx12' }, { datacenter: 'nbg1-dc3', server_type: 'ccx12' }, { location: 'hel1', server_type: 'cx11-ceph' }]) {
        const res = await create({ name: 'placed', ...where });
        assert.equal(res.status, 412, JSON.stringify(where));
        assert.equal(res.body.error.code, 'placement_error');
      }
      assert.equal((await api.get('/servers?name=placed')).body.servers.length, 0);
    });

    it('answers invalid_input naming each missing field', async () => {
      const res = await api.post('/servers', {});
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'invalid_input');
      assert.deepEqual(fieldNames(res).sort(), ['image', 'name', 'server_type']);
      assert.deepEqual(res.body.error.details.fields[0].messages, ['is required']);
    });

    it('answers invalid_input for unknown references', async () => {
      const res = await api.post('/servers', { name: 'x', server_type: 'cx99', image: 'plan9', location: 'mars1', ssh_keys: ['nobody'] });
      assert.deepEqual(fieldNames(res).sort(), ['image', 'location', 'server_type', 'ssh_keys']);
      const dc = await create({ name: 'x', datacenter: 'fsn1-dc1' });
      assert.deepEqual(fieldNames(dc), ['datacenter']);
      const both = await create({ name: 'x', location: 'fsn1', datacenter: 'fsn1-dc14' });
      assert.deepEqual(fieldNames(both), ['datacenter']);
    });

    it('refuses deprecated images and bad field types', async () => {
      const old = await create({ name: 'x', image: 'centos-7' });
      assert.deepEqual(fieldNames(old), ['image']);
      assert.match(old.body.error.details.fields[0].messages[0], /deprecated/);
      const types = await create({ name: 'x', start_after_create: 'yes', ssh_keys: 'alice' });
      assert.deepEqual(fieldNames(types).sort(), ['ssh_keys', 'start_after_create']);
    });

    it('limits user_data to 32 KiB (bytes, not characters)', async () => {
      assert.equal((await create({ name: 'ud-ok', user_data: 'a'.repeat(32768) })).status, 201);
      const long = await create({ name: 'ud-long', user_data: 'a'.repeat(32769) });
      assert.equal(long.status, 400);
      assert.deepEqual(fieldNames(long), ['user_data']);
      const multibyte = await create({ name: 'ud-utf8', user_data: 'ä'.repeat(16385) });
      assert.deepEqual(fieldNames(multibyte), ['user_data']);
    });

    describe('RFC 1123 names', () => {
      const label63 = 'a'.repeat(63);
      const valid = ['a', 'web-9', '1host', 'UPPER-lower', 'a.b.c', `${label63}.${label63}.${label63}.${'b'.repeat(61)}`, 'x--y'];
      const invalid = ['', '-a', 'a-', 'a..b', 'a.', '.a', 'a_b', 'a b', 'ä', 'a.-b', `${label63}a`, `${label63}.${label63}.${label63}.${'b'.repeat(62)}`];

      it('accepts valid hostnames (labels up to 63, total up to 253)', async () => {
        for (const name of valid) {
          const res = await create({ name });
          assert.equal(res.status, 201, `${name} (${name.length})`);
        }
      });

      it('refuses invalid hostnames with invalid_input on name', async () => {
        for (const name of invalid) {
          const res = await create({ name });
          assert.equal(res.status, 400, `'${name}' (${name.length})`);
          assert.deepEqual(fieldNames(res), ['name'], name);
        }
      });
    });

    it('answers uniqueness_error for a taken name', async () => {
      const res = await create({ name: 'web-1' });
      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'uniqueness_error');
      assert.deepEqual(fieldNames(res), ['name']);
    });
  });

  describe('update', () => {
    it('renames a server', async () => {
      const res = await api.put('/servers/45', { name: 'api-stage' });
      assert.equal(res.status, 200);
      assert.equal(res.body.server.name, 'api-stage');
      assert.equal((await api.get('/servers/45')).body.server.name, 'api-stage');
    });

    it('refuses a taken or invalid name', async () => {
      assert.equal((await api.put('/servers/45', { name: 'web-2' })).status, 409);
      assert.equal((await api.put('/servers/45', { name: 'web_2' })).status, 400);
      assert.equal((await api.put('/servers/45', { name: 'api-stage' })).status, 200, 'its own name is fine');
    });
  });

  describe('delete', () => {
    it('refuses a protected server with 403 protected', async () => {
      const res = await api.del('/servers/44');
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'protected');
    });

    it('deletes: 200 + delete_server action, deleting -> gone, Floating IPs unassigned', async () => {
      const res = await api.del('/servers/43');
      assert.equal(res.status, 200);
      assert.equal(res.body.action.command, 'delete_server');
      assert.equal((await api.get('/servers/43')).body.server.status, 'deleting');
      const locked = await api.post('/servers/43/actions/poweroff');
      assert.equal(locked.status, 423);
      assert.equal(locked.body.error.code, 'locked');
      clock.advance(ACTION_MS);
      assert.equal((await api.get('/servers/43')).status, 404);
      assert.equal((await api.get('/floating_ips/4713')).body.floating_ip.server, null);
      assert.equal((await api.get(`/actions/${res.body.action.id}`)).body.action.status, 'success');
    });
  });

  it('answers 403 resource_limit_exceeded beyond maxServers', async () => {
    const small = await startApi({ api: '2018', seed: 'empty', maxServers: 1 });
    try {
      const body = { name: 'one', server_type: 'cx11', image: 'ubuntu-22.04' };
      assert.equal((await small.post('/servers', body)).status, 201);
      const res = await small.post('/servers', { ...body, name: 'two' });
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'resource_limit_exceeded');
    } finally {
      await small.sim.close();
    }
  });
});
