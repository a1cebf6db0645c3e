import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { FakeClock, fieldNames, withSim, type Json } from './helpers';

/** A syntactically valid ed25519 public key with a random blob. */
function ed25519Key(comment = 'test@host'): string {
  const type = Buffer.from('ssh-ed25519');
  const len = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const blob = Buffer.concat([len(type.length), type, len(32), randomBytes(32)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

describe('sim: SSH keys', () => {
  const api = withSim();

  it('lists the demo keys with MD5 fingerprints as ssh-keygen -E md5 prints them', async () => {
    const keys: Json[] = (await api.get('/ssh_keys')).body.ssh_keys;
    assert.deepEqual(
      keys.map((k) => [k.id, k.name, k.fingerprint]),
      [
        [2323, 'alice@laptop', '27:4b:2c:70:43:3f:0d:77:11:a8:ad:a8:8c:db:7a:8e'],
        [2324, 'bob@workstation', '01:41:2b:45:71:c6:d6:7d:14:07:01:a3:5d:f3:dd:c2'],
        [2325, 'ci-deploy', '79:b4:7c:f0:75:c0:dd:27:45:ae:47:9a:83:be:5a:89'],
      ],
    );
  });

  it('filters by name and by fingerprint', async () => {
    assert.deepEqual(
      (await api.get('/ssh_keys?name=ci-deploy')).body.ssh_keys.map((k: Json) => k.id),
      [2325],
    );
    const fp = '01:41:2b:45:71:c6:d6:7d:14:07:01:a3:5d:f3:dd:c2';
    assert.deepEqual(
      (await api.get(`/ssh_keys?fingerprint=${fp}`)).body.ssh_keys.map((k: Json) => k.name),
      ['bob@workstation'],
    );
  });

  it('creates a key (201) and computes its fingerprint', async () => {
    const publicKey = ed25519Key();
    const res = await api.post('/ssh_keys', { name: 'carol', public_key: publicKey });
    assert.equal(res.status, 201);
    assert.equal(res.body.ssh_key.name, 'carol');
    assert.equal(res.body.ssh_key.public_key, publicKey);
    assert.match(res.body.ssh_key.fingerprint, /^([0-9a-f]{2}:){15}[0-9a-f]{2}$/);
    assert.equal((await api.get(`/ssh_keys/${res.body.ssh_key.id}`)).body.ssh_key.name, 'carol');
  });

  it('answers uniqueness_error for a taken name or an existing key', async () => {
    const name = await api.post('/ssh_keys', { name: 'carol', public_key: ed25519Key() });
    assert.equal(name.status, 409);
    assert.equal(name.body.error.code, 'uniqueness_error');
    assert.deepEqual(fieldNames(name), ['name']);
    const alice = (await api.get('/ssh_keys/2323')).body.ssh_key.public_key.replace('alice@laptop', 'other comment');
    const same = await api.post('/ssh_keys', { name: 'alice-again', public_key: alice });
    assert.equal(same.status, 409);
    assert.deepEqual(fieldNames(same), ['public_key']);
  });

  it('refuses keys that do not parse, and missing fields', async () => {
    for (const key of ['ssh-rsa AAAjjk76kgf...Xt', 'hello', 'ssh-ed25519', 'ssh-foo AAAAC3NzaC1lZDI1NTE5', `ssh-rsa ${ed25519Key().split(' ')[1]}`]) {
      const res = await api.post('/ssh_keys', { name: 'bad', public_key: key });
      assert.equal(res.status, 400, key);
      assert.deepEqual(fieldNames(res), ['public_key'], key);
    }
    assert.deepEqual(fieldNames(await api.post('/ssh_keys', {})).sort(), ['name', 'public_key']);
  });

  it('renames (200) with uniqueness, and deletes (204)', async () => {
    const res = await api.put('/ssh_keys/2325', { name: 'deploy' });
    assert.equal(res.status, 200);
    assert.equal(res.body.ssh_key.name, 'deploy');
    assert.equal((await api.put('/ssh_keys/2325', { name: 'alice@laptop' })).status, 409);
    const del = await api.del('/ssh_keys/2325');
    assert.equal(del.status, 204);
    assert.equal(del.text, '');
    assert.equal((await api.get('/ssh_keys/2325')).status, 404);
  });
});

describe('sim: images (update, delete, protection, actions)', () => {
  const clock = new FakeClock();
  const api = withSim({ now: clock.now, actionMs: 500 });

  const backupIds = async (): Promise<number[]> => (await api.get('/images?type=backup')).body.images.map((i: Json) => i.id);

  it('updates the description of a snapshot', async () => {
    const res = await api.put('/images/4721', { description: 'db-main pre-upgrade' });
    assert.equal(res.status, 200);
    assert.equal(res.body.image.description, 'db-main pre-upgrade');
  });

  it('converts a backup into a snapshot (bound_to null)', async () => {
    const [id] = await backupIds();
    const res = await api.put(`/images/${id}`, { type: 'snapshot' });
    assert.equal(res.status, 200);
    assert.equal(res.body.image.type, 'snapshot');
    assert.equal(res.body.image.bound_to, null);
    assert.deepEqual(fieldNames(await api.put(`/images/${id}`, { type: 'backup' })), ['type']);
  });

  it('refuses to change or delete system images (forbidden)', async () => {
    const put = await api.put('/images/6', { description: 'mine' });
    assert.equal(put.status, 403);
    assert.equal(put.body.error.code, 'forbidden');
    assert.equal((await api.del('/images/6')).body.error.code, 'forbidden');
  });

  it('refuses to delete a protected snapshot, then deletes it after change_protection (204)', async () => {
    const refused = await api.del('/images/4720');
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'protected');
    const res = await api.post('/images/4720/actions/change_protection', { delete: false });
    assert.equal(res.status, 201);
    assert.equal(res.body.action.command, 'change_protection');
    assert.deepEqual(res.body.action.resources, [{ id: 4720, type: 'image' }]);
    clock.advance(500);
    assert.deepEqual((await api.get('/images/4720')).body.image.protection, { delete: false });
    const deleted = await api.del('/images/4720');
    assert.equal(deleted.status, 204);
    assert.equal(deleted.text, '');
    assert.equal((await api.get('/images/4720')).status, 404);
  });

  it('change_protection only applies to snapshots (invalid_input for system and backup images)', async () => {
    assert.equal((await api.post('/images/6/actions/change_protection', { delete: true })).body.error.code, 'invalid_input');
    const [backup] = await backupIds();
    assert.equal((await api.post(`/images/${backup}/actions/change_protection`, { delete: true })).body.error.code, 'invalid_input');
  });

  it('lists and gets the actions of an image', async () => {
    const list = (await api.get('/images/4720/actions')).status;
    assert.equal(list, 404, 'the image is gone');
    const actions = (await api.get('/images/4721/actions')).body.actions;
    assert.deepEqual(
      actions.map((a: Json) => a.command),
      ['create_image'],
    );
    assert.equal((await api.get(`/images/4721/actions/${actions[0].id}`)).body.action.id, actions[0].id);
  });
});
