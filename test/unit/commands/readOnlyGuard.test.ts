// Read-only projects (src/projects/readOnly.ts, src/commands/access.ts): a write command started on a
// read-only project's node is refused with the reason before its handler runs; from the palette the
// project picker lists a read-only project locked, with the reason, and picking it says why and asks
// again. The pool's transport tells of a `token_readonly` answer (from the simulator's read-only token).
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { HcloudClient } from '../../../src/api/client';
import { HcloudError } from '../../../src/api/errors';
import { HttpTransport } from '../../../src/api/http';
import { guarded, refuseWrite } from '../../../src/commands/access';
import type { CommandContext } from '../../../src/commands/context';
import { pickProject } from '../../../src/commands/pick';
import type { Project } from '../../../src/projects/projectStore';
import { noticeName, readOnlyRefusal, tokenReadOnlyNotice, type ReadOnlyReason } from '../../../src/projects/readOnly';
import { ScopedTransport } from '../../../src/projects/scopedTransport';
import { startSimulator } from '../../../src/sim/simulator';
import type { TreeNode } from '../../../src/tree/node';
import { describeError } from '../../../src/ui/describeError';

const project = (id: string, name: string): Project => ({ id, name, endpoint: 'https://api.hetzner.cloud/v1', source: 'stored' });
const PROD = project('p1', 'prod');
const DEV = project('p2', 'dev');

/** A command context with these projects and marks, whose prompts answer from `picks` (labels) and record what was said. */
function fakeCtx(projects: Project[], marks: Record<string, ReadOnlyReason>, picks: Array<string | undefined> = []) {
  const said: string[] = [];
  const asked: Array<{ labels: string[]; descriptions: Array<string | undefined> }> = [];
  const input = {
    warn: (m: string) => said.push(`warn: ${m}`),
    info: (m: string) => said.push(`info: ${m}`),
    quickPick: async <T extends vscode.QuickPickItem>(items: readonly T[]) => {
      asked.push({ labels: items.map((i) => i.label), descriptions: items.map((i) => i.description) });
      const label = picks.shift();
      return items.find((i) => i.label === label);
    },
  };
  const ctx = { projects: { list: () => projects, readOnly: (id: string) => marks[id] }, input: () => input, tree: { workspace: { boundId: () => undefined } } } as unknown as CommandContext;
  return { ctx, said, asked };
}

const nodeOf = (p: Project) => ({ project: p, kind: 'server' }) as unknown as TreeNode;

describe('read-only projects: the guard and the picker', () => {
  it('a write on a read-only project\'s node is refused with the reason before the handler runs; a read runs', async () => {
    const { ctx, said } = fakeCtx([PROD, DEV], { p1: 'user' });
    const ran: string[] = [];
    const handler = (c: CommandContext, n?: TreeNode) => ran.push(`${n?.project.name ?? 'palette'} writes=${!!c.writes}`);
    await guarded('hcloud.server.powerOff', handler)(ctx, nodeOf(PROD));
    assert.deepEqual(ran, []);
    assert.deepEqual(said, [`warn: ${readOnlyRefusal('prod', 'user')}`]);
    await guarded('hcloud.server.powerOff', handler)(ctx, nodeOf(DEV));
    await guarded('hcloud.server.showMetrics', handler)(ctx, nodeOf(PROD));
    await guarded('hcloud.server.powerOff', handler)(ctx, undefined);
    assert.deepEqual(ran, ['dev writes=true', 'prod writes=false', 'palette writes=true']);
  });

  it('the palette\'s picker, for a write: the read-only project locked with the reason; picking it says why and asks again', async () => {
    const { ctx, said, asked } = fakeCtx([PROD, DEV], { p1: 'token' }, ['$(lock) prod', 'dev']);
    const picked = await pickProject({ ...ctx, writes: true }, undefined, 'Power Off Server');
    assert.equal(picked, DEV);
    assert.equal(asked.length, 2, 'asked again after the refused pick');
    assert.deepEqual(asked[0].labels, ['$(lock) prod', 'dev']);
    assert.equal(asked[0].descriptions[0], 'read-only token: write commands are off');
    assert.deepEqual(said, [`warn: ${readOnlyRefusal('prod', 'token')}`]);
  });

  it('cancelling the picker returns nothing; for a read the picker shows no lock; a lone read-only project is refused without a picker', async () => {
    const cancelled = fakeCtx([PROD, DEV], { p1: 'user' }, [undefined]);
    assert.equal(await pickProject({ ...cancelled.ctx, writes: true }, undefined, 'Delete Server'), undefined);
    assert.deepEqual(cancelled.said, []);
    const read = fakeCtx([PROD, DEV], { p1: 'user' }, ['prod']);
    assert.equal(await pickProject(read.ctx, undefined, 'Show Metrics'), PROD);
    assert.deepEqual(read.asked[0].labels, ['prod', 'dev']);
    const lone = fakeCtx([PROD], { p1: 'user' });
    assert.equal(await pickProject({ ...lone.ctx, writes: true }, undefined, 'Delete Server'), undefined);
    assert.deepEqual(lone.asked, []);
    assert.deepEqual(lone.said, [`warn: ${readOnlyRefusal('prod', 'user')}`]);
    assert.equal(refuseWrite(lone.ctx, DEV), false, 'a project without a mark is writable');
  });

  it('the words: a user mark and a token mark are told apart; a name cannot make a link in a notification', () => {
    assert.match(readOnlyRefusal('prod', 'user'), /^Project "prod" is marked read-only: .*Mark Project Writable/);
    assert.match(readOnlyRefusal('prod', 'token'), /^Project "prod" has a read-only API token: .*Update Token to write\.$/);
    assert.equal(tokenReadOnlyNotice('prod'), 'Project "prod" has a read-only API token: write commands are hidden. Update Token to write.');
    const hostile = '[Run](command:hcloud.server.delete)';
    assert.doesNotMatch(tokenReadOnlyNotice(hostile), /\]\(/);
    assert.equal(noticeName(hostile), '[Run] (command:hcloud.server.delete)');
    const e = new HcloudError({ code: 'token_readonly', message: 'token is read-only', status: 403 });
    assert.equal(describeError(e, { action: 'Power off "web-1"' }), 'Power off "web-1" failed: the project\'s API token is read-only (token is read-only). Update Token to write.');
  });

  it('the pool\'s transport tells of a token_readonly answer to a write, and of nothing for a read', async () => {
    const sim = await startSimulator({ token: 'rw-token-3f0', readOnlyToken: 'ro-token-3f0', actionMs: 60 });
    try {
      const told: unknown[] = [];
      const transport = new ScopedTransport(new HttpTransport({ token: 'ro-token-3f0', endpoint: sim.url }), new AbortController().signal, (e) => told.push(e));
      const client = new HcloudClient({ transport });
      const [server] = await client.servers.listAll();
      assert.deepEqual(told, []);
      await assert.rejects(client.servers.powerOff(server.id), (e: unknown) => e instanceof HcloudError && e.code === 'token_readonly' && e.status === 403);
      assert.equal(told.length, 1);
      assert.equal((told[0] as HcloudError).code, 'token_readonly');
      assert.equal(sim.state.servers.get(server.id)?.status, server.status, 'nothing changed');
      client.dispose();

      // A read-only project's client sends no write at all (a panel's write too): refused unsent; reads go on.
      let refusal: string | undefined = readOnlyRefusal('prod', 'user');
      const guardedClient = new HcloudClient({ transport: new ScopedTransport(new HttpTransport({ token: 'rw-token-3f0', endpoint: sim.url }), new AbortController().signal, undefined, () => refusal) });
      sim.clearRequests();
      await assert.rejects(guardedClient.servers.powerOff(server.id), (e: unknown) => e instanceof HcloudError && e.code === 'read_only_project' && e.message.startsWith(refusal!));
      assert.equal((await guardedClient.servers.listAll()).length > 0, true);
      assert.deepEqual(sim.requests.map((r) => r.method), ['GET'], 'the write was not sent');
      refusal = undefined;
      await guardedClient.servers.powerOff(server.id);
      assert.deepEqual(sim.requests.map((r) => `${r.method} ${r.status}`), ['GET 200', 'POST 201'], 'writable again: sent');
      guardedClient.dispose();
    } finally {
      await sim.close();
    }
  });
});
