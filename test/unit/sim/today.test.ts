// Today's API (the default 2026 mode) beyond the breaking table: labels and label_selector on servers,
// Floating IPs, images and SSH keys; architecture (arm types, images, ISOs); Floating IP names; the fields
// servers, SSH keys, locations and ISOs carry today, and their absence in the 2018 mode.
import * as assert from 'node:assert/strict';
import { FakeClock, fieldNames, withSim, type Answer, type Json } from './helpers';

const names = (res: Answer, key: string): string[] => res.body[key].map((x: Json) => x.name ?? x.description);
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIL0LUNqpZ91KRyNMZCq2QjGzhM7ILzUWAvXxfCb2ZXNv q@h';

describe('sim: labels and label selectors over the API (2026)', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: 1000 });

  it('selects servers by every operator', async () => {
    const select = async (selector: string) => names(await api.get(`/servers?label_selector=${encodeURIComponent(selector)}`), 'servers');
    assert.deepEqual(await select('env=production,tier!=db'), ['web-1', 'web-2', 'vpn-hel']);
    assert.deepEqual(await select('env==staging'), ['api-staging', 'ci-runner', 'arm-builder']);
    assert.deepEqual(await select('tier in (db, ci)'), ['db-main', 'ci-runner', 'arm-builder']);
    assert.deepEqual(await select('tier notin (web,ci,db,network)'), ['legacy-app', 'iso-lab']);
    assert.deepEqual(await select('legacy'), ['legacy-app']);
    assert.deepEqual(await select('!env,!legacy'), ['iso-lab']);
    assert.deepEqual(await select('example.com/backup=daily'), ['db-main']);
    assert.deepEqual(await select('team=platform'), ['db-main', 'ci-runner', 'arm-builder']);
    const paged = await api.get('/servers?label_selector=env%3Dproduction&per_page=2');
    assert.equal(paged.body.meta.pagination.total_entries, 4);
    assert.match(paged.headers.get('link') ?? '', /label_selector=env%3Dproduction/);
  });

  it('selects Floating IPs, images and SSH keys', async () => {
    assert.deepEqual(names(await api.get('/floating_ips?label_selector=env=production'), 'floating_ips'), ['web-frontend', 'web-ipv6']);
    assert.deepEqual(names(await api.get('/floating_ips?label_selector=!env'), 'floating_ips'), ['spare-ipv4', 'floating-ip-4714']);
    assert.deepEqual(names(await api.get('/images?label_selector=tier'), 'images'), ['web-1 golden image', 'db-main before PostgreSQL 16 upgrade']);
    assert.deepEqual(names(await api.get('/ssh_keys?label_selector=team%20in%20(frontend,backend)'), 'ssh_keys'), ['alice@laptop', 'bob@workstation']);
    const system = (await api.get('/images?type=system')).body.images as Json[];
    assert.ok(system.every((i) => typeof i.labels === 'object' && Object.keys(i.labels).length === 0), 'system images have {}');
  });

  it('a bad selector is 400 invalid_input on label_selector, on every list', async () => {
    for (const path of ['/servers', '/floating_ips', '/images', '/ssh_keys']) {
      for (const selector of ['env=a b', 'env in (a', ',', 'hetzner.cloud/x=y=z']) {
        const res = await api.get(`${path}?label_selector=${encodeURIComponent(selector)}`);
        assert.equal(res.status, 400, `${path} ${selector}`);
        assert.equal(res.body.error.code, 'invalid_input');
        assert.deepEqual(fieldNames(res), ['label_selector']);
      }
    }
  });

  it('labels in create and update bodies; PUT replaces them all', async () => {
    const made = await api.post('/servers', { name: 'labelled', server_type: 'cx11', image: 'ubuntu-22.04', labels: { env: 'dev', 'example.com/owner': 'ann' } });
    assert.equal(made.status, 201);
    assert.deepEqual(made.body.server.labels, { env: 'dev', 'example.com/owner': 'ann' });
    const id = made.body.server.id;
    const put = await api.put(`/servers/${id}`, { labels: { tier: 'web' } });
    assert.deepEqual(put.body.server.labels, { tier: 'web' });
    assert.deepEqual(names(await api.get('/servers?label_selector=tier=web,!env'), 'servers'), ['labelled']);
    assert.deepEqual((await api.put(`/servers/${id}`, { name: 'renamed' })).body.server.labels, { tier: 'web' }, 'no labels field: kept');
    assert.deepEqual((await api.put(`/servers/${id}`, { labels: {} })).body.server.labels, {});

    const fip = await api.post('/floating_ips', { type: 'ipv4', home_location: 'fsn1', labels: { env: 'dev' } });
    assert.deepEqual(fip.body.floating_ip.labels, { env: 'dev' });
    assert.deepEqual((await api.put(`/floating_ips/${fip.body.floating_ip.id}`, { labels: { a: '' } })).body.floating_ip.labels, { a: '' });
    const key = await api.post('/ssh_keys', { name: 'labelled', public_key: KEY, labels: { team: 'ops' } });
    assert.deepEqual(key.body.ssh_key.labels, { team: 'ops' });
    assert.deepEqual((await api.put(`/ssh_keys/${key.body.ssh_key.id}`, { labels: { team: 'sec' } })).body.ssh_key.labels, { team: 'sec' });
    const taken = await api.post('/servers/45/actions/create_image', { description: 'labelled', labels: { env: 'dev' } });
    assert.deepEqual(taken.body.image.labels, { env: 'dev' });
    assert.deepEqual(fieldNames(await api.post('/servers/46/actions/create_image', { labels: { '-x': 'y' } })), ['labels']);
    const snapshot = (await api.get('/images?type=snapshot')).body.images[0];
    assert.deepEqual((await api.put(`/images/${snapshot.id}`, { labels: { keep: 'yes' } })).body.image.labels, { keep: 'yes' });
  });

  it('a bad label key or value is 400 invalid_input on labels, naming the key', async () => {
    const bad: Array<[Json, string]> = [
      [{ 'hetzner.cloud/managed': 'x' }, 'hetzner.cloud/managed'],
      [{ ['k'.repeat(64)]: 'x' }, 'k'.repeat(64)],
      [{ env: 'v'.repeat(64) }, 'env'],
      [{ 'Bad_Prefix.com/x': 'y' }, 'Bad_Prefix.com/x'],
      [{ env: 'has space' }, 'env'],
      [{ env: 7 }, 'env'],
    ];
    const calls: Array<(labels: Json) => Promise<Answer>> = [
      (labels) => api.post('/servers', { name: 'bad-labels', server_type: 'cx11', image: 'ubuntu-22.04', labels }),
      (labels) => api.put('/servers/42', { labels }),
      (labels) => api.post('/floating_ips', { type: 'ipv6', home_location: 'nbg1', labels }),
      (labels) => api.put('/floating_ips/4711', { labels }),
      (labels) => api.post('/ssh_keys', { name: 'bad-labels', public_key: KEY, labels }),
      (labels) => api.put('/ssh_keys/2323', { labels }),
      (labels) => api.put('/images/4720', { labels }),
    ];
    for (const call of calls) {
      for (const [labels, key] of bad) {
        const res = await call(labels);
        assert.equal(res.status, 400, JSON.stringify(labels));
        assert.deepEqual(fieldNames(res), ['labels']);
        assert.ok(res.body.error.details.fields[0].messages.some((m: string) => m.includes(key)), `${JSON.stringify(res.body)} names ${key}`);
      }
      const notObject = await call(['env']);
      assert.deepEqual(fieldNames(notObject), ['labels']);
    }
    assert.deepEqual((await api.get('/servers/42')).body.server.labels, { env: 'production', tier: 'web', team: 'frontend' }, 'nothing changed');
  });
});

describe('sim: architecture (2026)', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: 1000 });

  it('arm types in fsn1 and nbg1, not hel1; every type has an architecture', async () => {
    const types = (await api.get('/server_types')).body.server_types as Json[];
    const arm = types.filter((t) => t.architecture === 'arm');
    assert.deepEqual(
      arm.map((t) => [t.name, t.cores, t.memory, t.disk]),
      [
        ['cax11', 2, 4, 40],
        ['cax21', 4, 8, 80],
        ['cax31', 8, 16, 160],
      ],
    );
    assert.ok(types.every((t) => t.architecture === 'x86' || t.architecture === 'arm'));
    for (const t of arm) {
      assert.deepEqual(
        t.locations.map((l: Json) => [l.name, l.available]),
        [
          ['fsn1', true],
          ['nbg1', true],
        ],
      );
      assert.deepEqual(
        t.prices.map((p: Json) => p.location),
        ['fsn1', 'nbg1'],
      );
    }
  });

  it('images: one per architecture under the same name; architecture and include_deprecated filters', async () => {
    const both = (await api.get('/images?name=ubuntu-24.04')).body.images as Json[];
    assert.deepEqual(both.map((i) => i.architecture).sort(), ['arm', 'x86']);
    const arm = (await api.get('/images?architecture=arm&type=system')).body.images as Json[];
    assert.ok(arm.length >= 3 && arm.every((i) => i.architecture === 'arm'));
    assert.deepEqual(fieldNames(await api.get('/images?architecture=risc')), ['architecture']);
    const listed = names(await api.get('/images?type=system&per_page=50'), 'images');
    assert.ok(!listed.includes('centos-7'), 'deprecated in the past: hidden');
    const withOld = names(await api.get('/images?type=system&include_deprecated=true&per_page=50'), 'images');
    assert.ok(withOld.includes('centos-7'));
  });

  it('creating by image name picks the type\'s architecture; an image of the other one by id is invalid_input', async () => {
    const arm = await api.post('/servers', { name: 'arm-1', server_type: 'cax11', image: 'ubuntu-24.04', location: 'nbg1' });
    assert.equal(arm.status, 201);
    assert.deepEqual([arm.body.server.image.id, arm.body.server.image.architecture, arm.body.server.server_type.architecture], [109, 'arm', 'arm']);
    const x86 = await api.post('/servers', { name: 'x86-1', server_type: 'cx11', image: 'ubuntu-24.04' });
    assert.deepEqual([x86.body.server.image.id, x86.body.server.image.architecture], [9, 'x86']);
    const wrong = await api.post('/servers', { name: 'wrong', server_type: 'cax11', image: 9 });
    assert.equal(wrong.status, 400);
    assert.deepEqual(fieldNames(wrong), ['image']);
    const wrong2 = await api.post('/servers', { name: 'wrong', server_type: 'cx11', image: 109 });
    assert.deepEqual(fieldNames(wrong2), ['image']);
  });

  it('the demo project has arm-builder (cax21 in fsn1); rebuild and attach_iso keep to its architecture', async () => {
    const builder = (await api.get('/servers?name=arm-builder')).body.servers[0];
    assert.deepEqual([builder.server_type.name, builder.location.name, builder.image.architecture], ['cax21', 'fsn1', 'arm']);
    const isos = (await api.get('/isos')).body.isos as Json[];
    const armIso = isos.find((i) => i.architecture === 'arm');
    assert.ok(armIso);
    assert.ok(isos.some((i) => i.architecture === null), 'null architecture: any');
    assert.deepEqual(
      ((await api.get('/isos?architecture=arm')).body.isos as Json[]).map((i) => i.id),
      [armIso.id],
    );
    assert.ok(((await api.get('/isos?architecture=arm&include_architecture_wildcard=true')).body.isos as Json[]).some((i) => i.architecture === null));
    assert.deepEqual(fieldNames(await api.post(`/servers/${builder.id}/actions/attach_iso`, { iso: 4711 })), ['iso']);
    assert.deepEqual(fieldNames(await api.post('/servers/42/actions/attach_iso', { iso: armIso.id })), ['iso']);
    assert.deepEqual(fieldNames(await api.post(`/servers/${builder.id}/actions/rebuild`, { image: 9 })), ['image']);
    assert.deepEqual(fieldNames(await api.post(`/servers/${builder.id}/actions/change_type`, { server_type: 'cx31' })), ['server_type']);
    const rebuilt = await api.post(`/servers/${builder.id}/actions/rebuild`, { image: 'debian-12' });
    assert.equal(rebuilt.status, 201);
    clock.advance(1000);
    assert.equal((await api.get(`/servers/${builder.id}`)).body.server.image.id, 107);
  });
});

describe('sim: Floating IP names and the fields of today (2026 vs 2018)', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: 1000 });
  const old = withSim({ api: '2018', now: clock.now, actionMs: 1000 });

  it('Floating IPs: name (unique, a default when none is given), created; filter by name', async () => {
    const made = await api.post('/floating_ips', { type: 'ipv4', home_location: 'fsn1', name: 'edge' });
    assert.equal(made.status, 201);
    assert.equal(made.body.floating_ip.name, 'edge');
    assert.equal(Date.parse(made.body.floating_ip.created), clock.ms);
    const dup = await api.post('/floating_ips', { type: 'ipv4', home_location: 'fsn1', name: 'edge' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.code, 'uniqueness_error');
    const unnamed = (await api.post('/floating_ips', { type: 'ipv6', home_location: 'hel1' })).body.floating_ip;
    assert.equal(unnamed.name, `floating-ip-${unnamed.id}`);
    assert.equal((await api.put(`/floating_ips/${unnamed.id}`, { name: 'edge' })).status, 409);
    assert.equal((await api.put(`/floating_ips/${unnamed.id}`, { name: 'edge-v6' })).body.floating_ip.name, 'edge-v6');
    assert.deepEqual(names(await api.get('/floating_ips?name=edge-v6'), 'floating_ips'), ['edge-v6']);
    const oldFip = (await old.get('/floating_ips/4711')).body.floating_ip;
    assert.deepEqual(
      ['name', 'labels', 'created'].filter((k) => k in oldFip),
      [],
    );
    assert.equal('network_zone' in oldFip.home_location, false);
  });

  it('servers carry today\'s fields; 2018 servers do not', async () => {
    const { server } = (await api.get('/servers/42')).body;
    assert.equal(server.primary_disk_size, 40);
    assert.deepEqual([server.volumes, server.load_balancers], [[], []]);
    assert.deepEqual(server.private_net.map((p: { network: number; ip: string }) => [p.network, p.ip]), [[4711, '10.0.1.2']], 'web-1 is in the demo Network backend');
    assert.deepEqual([server.placement_group.name, server.placement_group.servers], ['production-spread', [42, 44]], 'web-1 is in the demo group');
    assert.equal((await api.get('/servers/43')).body.server.placement_group, null);
    assert.deepEqual(server.public_net.firewalls, [{ id: 38, status: 'applied' }], 'web-1 has the demo firewall web-fw');
    // Its public addresses are Primary IPs (auto_delete, named by their id), whose ids the server names.
    for (const family of ['ipv4', 'ipv6'] as const) {
      const pip = (await api.get(`/primary_ips/${server.public_net[family].id}`)).body.primary_ip;
      assert.deepEqual([pip.ip, pip.type, pip.assignee_id, pip.assignee_type, pip.auto_delete, pip.name], [server.public_net[family].ip, family, 42, 'server', true, `primary_ip-${pip.id}`]);
    }
    assert.deepEqual(server.public_net.ipv6.dns_ptr, []);
    assert.equal(server.server_type.architecture, 'x86');
    assert.ok(Array.isArray(server.server_type.locations));
    assert.equal('x_sim_future_field' in server, false);
    const oldServer = (await old.get('/servers/42')).body.server;
    assert.deepEqual(
      ['labels', 'location', 'primary_disk_size', 'private_net', 'volumes', 'load_balancers', 'placement_group'].filter((k) => k in oldServer),
      [],
    );
    assert.equal(oldServer.public_net.ipv6.dns_ptr, null);
    assert.equal('architecture' in oldServer.image, false);
  });

  it('SSH keys carry created, locations network_zone, ISOs deprecation objects (2018: deprecated strings)', async () => {
    const key = (await api.get('/ssh_keys/2323')).body.ssh_key;
    assert.ok(Date.parse(key.created) < clock.ms);
    assert.equal('created' in (await old.get('/ssh_keys/2323')).body.ssh_key, false);
    assert.equal((await api.get('/locations/1')).body.location.network_zone, 'eu-central');
    assert.equal('network_zone' in (await old.get('/locations/1')).body.location, false);
    const iso = (await api.get('/isos/4714')).body.iso;
    assert.equal('deprecated' in iso, false);
    assert.ok(Date.parse(iso.deprecation.unavailable_after) > Date.parse(iso.deprecation.announced));
    assert.equal((await api.get('/isos/4711')).body.iso.deprecation, null);
    const oldIso = (await old.get('/isos/4714')).body.iso;
    assert.deepEqual(Object.keys(oldIso).sort(), ['deprecated', 'description', 'id', 'name', 'type']);
  });

  it('the 2018 mode has no arm catalog and ignores labels and label_selector', async () => {
    const types = (await old.get('/server_types')).body.server_types as Json[];
    assert.ok(!types.some((t) => t.name.startsWith('cax')));
    assert.equal((await old.get('/server_types/45')).status, 404);
    assert.equal((await old.get('/images/109')).status, 404);
    assert.equal((await old.get('/isos/4715')).status, 404);
    assert.equal((await old.get('/servers')).body.servers.length, 8);
    assert.equal((await old.get('/servers?label_selector=env%3D%3D%3D')).body.servers.length, 8);
    const made = await old.post('/servers', { name: 'no-labels', server_type: 'cx11', image: 'ubuntu-22.04', labels: { 'hetzner.cloud/x': 'y' } });
    assert.equal(made.status, 201);
    assert.equal('labels' in made.body.server, false);
  });
});
