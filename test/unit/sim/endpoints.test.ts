import * as assert from 'node:assert/strict';
import { FakeClock, withSim, type Json } from './helpers';

const ACTION_MS = 1000;

interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** A function when the path depends on an earlier answer. */
  path: string | (() => string);
  body?: unknown;
  status: number;
  /** Top-level keys of the answer (none for 204). */
  keys: string[];
  /** Keeps what later rows need. */
  then?: (body: Json) => void;
}

/** Every endpoint of the spec, once, with its status code and answer keys. */
describe('sim: the 60 endpoints of the spec', () => {
  const clock = new FakeClock();
  const api = withSim({ api: '2018', now: clock.now, actionMs: ACTION_MS });
  const seen: Record<string, number> = {};
  const start = new Date(clock.ms - 3600_000).toISOString();
  const end = new Date(clock.ms).toISOString();
  const list = ['meta'];

  const rows: Row[] = [
    { method: 'GET', path: '/actions', status: 200, keys: ['actions', ...list] },
    { method: 'GET', path: '/actions/1300', status: 200, keys: ['action'] },
    { method: 'GET', path: '/servers', status: 200, keys: ['servers', ...list] },
    { method: 'GET', path: '/servers/42', status: 200, keys: ['server'] },
    {
      method: 'POST',
      path: '/servers',
      body: { name: 'my-server', server_type: 'cx11', location: 'nbg1', image: 'ubuntu-16.04', ssh_keys: ['alice@laptop'] },
      status: 201,
      keys: ['action', 'root_password', 'server'],
      then: (b) => (seen.server = b.server.id),
    },
    { method: 'PUT', path: '/servers/42', body: { name: 'new-name' }, status: 200, keys: ['server'] },
    { method: 'GET', path: `/servers/42/metrics?type=cpu&start=${start}&end=${end}`, status: 200, keys: ['metrics'] },
    { method: 'GET', path: '/servers/42/actions', status: 200, keys: ['actions', ...list], then: (b) => (seen.serverAction = b.actions[0].id) },
    { method: 'GET', path: () => `/servers/42/actions/${seen.serverAction}`, status: 200, keys: ['action'] },
    { method: 'POST', path: '/servers/46/actions/poweron', status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/46/actions/reboot', status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/46/actions/reset', status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/46/actions/shutdown', status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/47/actions/poweroff', status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/42/actions/reset_password', status: 201, keys: ['action', 'root_password'] },
    { method: 'POST', path: '/servers/42/actions/enable_rescue', body: { type: 'linux64', ssh_keys: [2323] }, status: 201, keys: ['action', 'root_password'] },
    { method: 'POST', path: '/servers/42/actions/disable_rescue', status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/42/actions/create_image', body: { description: 'my image', type: 'snapshot' }, status: 201, keys: ['action', 'image'] },
    { method: 'POST', path: '/servers/42/actions/rebuild', body: { image: 'ubuntu-16.04' }, status: 201, keys: ['action', 'root_password'] },
    { method: 'POST', path: '/servers/47/actions/change_type', body: { upgrade_disk: true, server_type: 'cx21' }, status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/42/actions/enable_backup', body: { backup_window: '22-02' }, status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/42/actions/disable_backup', status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/42/actions/attach_iso', body: { iso: 'FreeBSD-11.0-RELEASE-amd64-dvd1' }, status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/42/actions/detach_iso', status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/42/actions/change_dns_ptr', body: { ip: '203.0.113.2', dns_ptr: 'server01.example.com' }, status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/42/actions/change_protection', body: { delete: true, rebuild: true }, status: 201, keys: ['action'] },
    { method: 'POST', path: '/servers/42/actions/request_console', status: 201, keys: ['action', 'password', 'wss_url'] },
    { method: 'DELETE', path: () => `/servers/${seen.server}`, status: 200, keys: ['action'] },
    { method: 'GET', path: '/floating_ips', status: 200, keys: ['floating_ips', ...list] },
    { method: 'GET', path: '/floating_ips/4711', status: 200, keys: ['floating_ip'] },
    {
      method: 'POST',
      path: '/floating_ips',
      body: { type: 'ipv4', server: 44, home_location: 'nbg1', description: 'Web Frontend' },
      status: 201,
      keys: ['action', 'floating_ip'],
      then: (b) => (seen.fip = b.floating_ip.id),
    },
    { method: 'PUT', path: '/floating_ips/4712', body: { description: 'New description' }, status: 200, keys: ['floating_ip'] },
    { method: 'DELETE', path: () => `/floating_ips/${seen.fip}`, status: 204, keys: [] },
    { method: 'GET', path: '/floating_ips/4711/actions', status: 200, keys: ['actions', ...list], then: (b) => (seen.fipAction = b.actions[0].id) },
    { method: 'GET', path: () => `/floating_ips/4711/actions/${seen.fipAction}`, status: 200, keys: ['action'] },
    { method: 'POST', path: '/floating_ips/4712/actions/assign', body: { server: 43 }, status: 201, keys: ['action'] },
    { method: 'POST', path: '/floating_ips/4712/actions/unassign', status: 201, keys: ['action'] },
    {
      method: 'POST',
      path: '/floating_ips/4712/actions/change_dns_ptr',
      body: { ip: '198.51.100.11', dns_ptr: 'server02.example.com' },
      status: 201,
      keys: ['action'],
    },
    { method: 'POST', path: '/floating_ips/4712/actions/change_protection', body: { delete: true }, status: 201, keys: ['action'] },
    { method: 'GET', path: '/ssh_keys', status: 200, keys: [...list, 'ssh_keys'] },
    { method: 'GET', path: '/ssh_keys/2323', status: 200, keys: ['ssh_key'] },
    {
      method: 'POST',
      path: '/ssh_keys',
      body: { name: 'My ssh key', public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL0LUNqpZ91KRyNMZCq2QjGzhM7ILzUWAvXxfCb2ZXNv me@host' },
      status: 201,
      keys: ['ssh_key'],
      then: (b) => (seen.key = b.ssh_key.id),
    },
    { method: 'PUT', path: () => `/ssh_keys/${seen.key}`, body: { name: 'New name' }, status: 200, keys: ['ssh_key'] },
    { method: 'DELETE', path: () => `/ssh_keys/${seen.key}`, status: 204, keys: [] },
    { method: 'GET', path: '/server_types', status: 200, keys: [...list, 'server_types'] },
    { method: 'GET', path: '/server_types/1', status: 200, keys: ['server_type'] },
    { method: 'GET', path: '/locations', status: 200, keys: ['locations', ...list] },
    { method: 'GET', path: '/locations/1', status: 200, keys: ['location'] },
    { method: 'GET', path: '/datacenters', status: 200, keys: ['datacenters', ...list, 'recommendation'] },
    { method: 'GET', path: '/datacenters/2', status: 200, keys: ['datacenter'] },
    { method: 'GET', path: '/images', status: 200, keys: ['images', ...list] },
    { method: 'GET', path: '/images/6', status: 200, keys: ['image'] },
    { method: 'PUT', path: '/images/4721', body: { description: 'My new Image description' }, status: 200, keys: ['image'] },
    { method: 'DELETE', path: '/images/4722', status: 204, keys: [] },
    { method: 'GET', path: '/images/4720/actions', status: 200, keys: ['actions', ...list], then: (b) => (seen.imageAction = b.actions[0].id) },
    { method: 'GET', path: () => `/images/4720/actions/${seen.imageAction}`, status: 200, keys: ['action'] },
    { method: 'POST', path: '/images/4721/actions/change_protection', body: { delete: true }, status: 201, keys: ['action'] },
    { method: 'GET', path: '/isos', status: 200, keys: ['isos', ...list] },
    { method: 'GET', path: '/isos/4711', status: 200, keys: ['iso'] },
    { method: 'GET', path: '/pricing', status: 200, keys: ['pricing'] },
  ];

  it('covers 60 distinct endpoints', () => {
    const shapes = new Set(rows.map((r) => `${r.method} ${(typeof r.path === 'string' ? r.path : r.path()).replace(/\?.*/, '').replace(/\/\d+|\/undefined/g, '/{id}')}`));
    assert.equal(shapes.size, 60);
  });

  for (const row of rows) {
    const label = (typeof row.path === 'string' ? row.path : row.path.toString())
      .replace(/^\(\) => `|`$/g, '')
      .replace(/\$\{[^}]+\}/g, '{id}')
      .replace(/\?.*/, '');
    it(`${row.method} ${label} -> ${row.status}`, async () => {
      const res = await api.call(row.method, typeof row.path === 'string' ? row.path : row.path(), row.body);
      assert.equal(res.status, row.status, res.text);
      if (row.status === 204) assert.equal(res.text, '');
      else assert.deepEqual(Object.keys(res.body).sort(), [...row.keys].sort());
      if (res.body?.action) {
        assert.deepEqual(Object.keys(res.body.action).sort(), ['command', 'error', 'finished', 'id', 'progress', 'resources', 'started', 'status']);
      }
      row.then?.(res.body);
      clock.advance(ACTION_MS);
    });
  }
});
