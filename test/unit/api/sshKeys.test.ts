// SSH keys: list (name, fingerprint), get, create, update, delete.
import * as assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { forEachApi, lastReceived, rejectsWith, uniqueName, useSimulator } from './helpers';

/** A fresh `ssh-ed25519 AAAA... comment` line and its MD5 fingerprint (aa:bb:...). */
function newPublicKey(comment: string): { line: string; md5: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw32 = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
  const blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw32)]);
  const md5 = createHash('md5').update(blob).digest('hex').replace(/(..)(?!$)/g, '$1:');
  return { line: `ssh-ed25519 ${blob.toString('base64')} ${comment}`, md5 };
}

forEachApi('SSH keys', (api) => {
  const env = useSimulator({ api, seed: 'demo' });

  it('create, list by name and fingerprint, get, update, delete', async () => {
    const key = newPublicKey('me@laptop');
    const name = uniqueName('laptop');
    const created = await env.client.sshKeys.create({ name, publicKey: key.line });
    assert.deepEqual(lastReceived(env.sim, 'POST', '/ssh_keys').body, { name, public_key: key.line });
    assert.equal(created.name, name);
    assert.equal(created.publicKey, key.line);
    assert.equal(created.fingerprint, key.md5);

    const byName = await env.client.sshKeys.list({ name });
    assert.deepEqual(lastReceived(env.sim, 'GET', '/ssh_keys').query.name, [name]);
    assert.deepEqual(byName.items, [created]);
    const byPrint = await env.client.sshKeys.listAll({ fingerprint: key.md5 });
    assert.deepEqual(lastReceived(env.sim, 'GET', '/ssh_keys').query.fingerprint, [key.md5]);
    assert.deepEqual(byPrint, [created]);

    assert.deepEqual(await env.client.sshKeys.get(created.id), created);

    const renamed = await env.client.sshKeys.update(created.id, { name: `${name}-2` });
    assert.deepEqual(lastReceived(env.sim, 'PUT', `/ssh_keys/${created.id}`).body, { name: `${name}-2` });
    assert.equal(renamed.name, `${name}-2`);
    assert.equal(renamed.fingerprint, key.md5);

    await env.client.sshKeys.delete(created.id);
    assert.equal(lastReceived(env.sim, 'DELETE', `/ssh_keys/${created.id}`).status, 204);
    assert.equal(await env.client.sshKeys.get(created.id), undefined);
    await rejectsWith(() => env.client.sshKeys.delete(created.id), 'not_found');
  });

  if (api === '2026') {
    it('labels: create with labels, list by label_selector, update replaces them', async () => {
      const run = uniqueName('run');
      const created = await env.client.sshKeys.create({ name: uniqueName('labelled'), publicKey: newPublicKey('labels').line, labels: { run, owner: 'ops' } });
      assert.deepEqual((lastReceived(env.sim, 'POST', '/ssh_keys').body as { labels?: unknown }).labels, { run, owner: 'ops' });
      assert.deepEqual(created.labels, { run, owner: 'ops' });
      assert.deepEqual(await env.client.sshKeys.listAll({ labelSelector: `run=${run},owner=ops` }), [created]);
      assert.deepEqual(lastReceived(env.sim, 'GET', '/ssh_keys').query.label_selector, [`run=${run},owner=ops`]);
      const updated = await env.client.sshKeys.update(created.id, { labels: { run, owner: 'dev' } });
      assert.deepEqual(lastReceived(env.sim, 'PUT', `/ssh_keys/${created.id}`).body, { labels: { run, owner: 'dev' } });
      assert.deepEqual(updated.labels, { run, owner: 'dev' });
      assert.deepEqual((await env.client.sshKeys.list({ labelSelector: `run=${run},owner!=ops` })).items.map((k) => k.id), [created.id]);
      const bad = await rejectsWith(() => env.client.sshKeys.update(created.id, { labels: { 'hetzner.cloud/owner': 'me' } }), 'invalid_input');
      assert.equal(bad.status, 400);
      await env.client.sshKeys.delete(created.id);
    });
  } else {
    it('the 2018 contract has no labels: SSH keys carry none', async () => {
      const all = await env.client.sshKeys.listAll();
      assert.ok(all.length > 0);
      assert.ok(all.every((k) => k.labels === undefined));
    });
  }

  it('the same key twice, or a taken name, is uniqueness_error; a broken key is invalid_input', async () => {
    const key = newPublicKey('twice');
    const first = await env.client.sshKeys.create({ name: uniqueName('once'), publicKey: key.line });
    const dup = await rejectsWith(() => env.client.sshKeys.create({ name: uniqueName('twice'), publicKey: key.line }), 'uniqueness_error');
    assert.equal(dup.status, 409);
    assert.deepEqual(dup.fields.map((f) => f.name), ['public_key']);
    const taken = await rejectsWith(() => env.client.sshKeys.create({ name: first.name, publicKey: newPublicKey('other').line }), 'uniqueness_error');
    assert.deepEqual(taken.fields.map((f) => f.name), ['name']);
    const broken = await rejectsWith(() => env.client.sshKeys.create({ name: uniqueName('broken'), publicKey: 'ssh-rsa not-base64!' }), 'invalid_input');
    assert.deepEqual(broken.fields.map((f) => f.name), ['public_key']);
  });

  it('list pages through the keys', async () => {
    const all = await env.client.sshKeys.listAll();
    const page = await env.client.sshKeys.list({ perPage: 1 });
    assert.equal(page.items.length, 1);
    assert.equal(page.items[0].id, all[0].id);
    assert.equal(page.pagination?.totalEntries, all.length);
  });
});
