// Bulk actions on a multi-selection inside VS Code, against a simulator this suite starts: each
// command is run as the tree runs it with several rows selected, `(clicked node, [selected nodes])`.
// It asserts the one prompt, that the simulator received exactly one request per server, the
// resulting state and the one summary with a result per server; a fault injected on one server is
// reported in the summary while the others go on; cancelling, or typing a wrong number for Delete,
// sends nothing; a selection of one runs the single-server command as before.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Server } from '../../src/api/types';
import type { ResourceNode } from '../../src/tree/resourceNode';
import { logShowing } from './support/logFile';
import { NounFixture, TOKEN } from './support/nounFixture';
import { ScriptedInput, type Answer } from './support/scriptedInput';

const NAMES = ['bulk-a', 'bulk-b', 'bulk-c'];

/** Also keeps the prompt text of each input box (Delete's names and what it skips). */
class PromptedInput extends ScriptedInput {
  readonly boxPrompts: string[] = [];
  override async inputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    this.boxPrompts.push(options.prompt ?? '');
    return super.inputBox(options);
  }
}

describe('bulk actions on a multi-selection', function () {
  this.timeout(30_000);
  // One simulator and project for the suite (the fixture's set-up, run once): the tests go on from each other's state.
  const f = new NounFixture();
  let input: PromptedInput;
  const script = (...answers: Answer[]) => f.api.setUserInput((input = new PromptedInput(answers)));
  const server = async (name: string): Promise<Server> => (await f.client.servers.listAll({ name }))[0]!;
  /** A plain object that satisfies isResourceNode, with the id the tree gives the row. */
  const node = (s: Server): ResourceNode<Server> => ({ ...f.node<Server>('server', s), id: `project/${f.project.id}/server/${s.id}` });
  /** The three servers' nodes, fresh from the API (as the tree shows them). */
  const selection = async () => Promise.all(NAMES.map(async (n) => node(await server(n))));
  /** Runs `command` as VS Code does from the context menu of a multi-selection (clicked: the first). */
  const runOnSelection = async (command: string, nodes: ResourceNode<Server>[]) => vscode.commands.executeCommand(command, nodes[0], nodes);
  const writes = () => f.changes().map((r) => `${r.method} ${r.path}`);
  const summaries = () => input.messages.filter((m) => m.buttons?.includes('Show Log'));

  before(async () => {
    await f.setUp();
    for (const name of NAMES) {
      const r = await f.client.servers.create({ name, serverType: 'cx11', image: 'ubuntu-22.04', location: 'fsn1', sshKeys: [] });
      await f.client.waitForActions(r.action);
    }
  });

  beforeEach(() => {
    f.sim.clearRequests();
    f.sim.setFaults({});
  });

  afterEach(() => f.api.setUserInput(undefined));

  after(() => f.tearDown());

  it('Power Off on three servers: one confirmation naming them, one request each, a fault on one reported in the summary while the others go off', async () => {
    const nodes = await selection();
    const [a, b, c] = nodes.map((n) => n.resource);
    f.sim.setFaults({ failNext: 1, statuses: [423], match: { method: 'POST', path: new RegExp(`^/servers/${c.id}/actions/poweroff$`) } });
    script({ confirm: true });
    await runOnSelection('hcloud.server.powerOff', nodes);
    assert.deepEqual(input.prompts.map((p) => [p.kind, p.message, p.confirmLabel]), [['confirm', 'Power off 3 servers?', 'Power Off']]);
    assert.match(input.prompts[0].detail ?? '', /^bulk-a, bulk-b and bulk-c\. This cuts their power/);
    assert.deepEqual(writes().sort(), [a, b, c].map((s) => `POST /servers/${s.id}/actions/poweroff`).sort(), 'exactly one request per server');
    assert.deepEqual(await Promise.all(NAMES.map(async (n) => (await server(n)).status)), ['off', 'off', 'running']);
    const [done] = summaries();
    assert.equal(summaries().length, 1, 'one summary');
    assert.equal(done.level, 'error');
    assert.match(done.text, /^2 of 3 servers powered off; bulk-c: another action is still running on this resource/);
    const log = await logShowing(done.text);
    for (const line of ['Power off "bulk-a": done.', 'Power off "bulk-b": done.', 'Power off "bulk-c" failed: another action is still running']) assert.ok(log.includes(line), `the log has a line per server: ${line}`);
    assert.equal(input.remaining, 0);
  });

  it('Power On skips the servers that are not off (named in the confirmation); cancelling it sends nothing', async () => {
    const nodes = await selection(); // bulk-a and bulk-b are off, bulk-c runs
    script({ confirm: false });
    await runOnSelection('hcloud.server.powerOn', nodes);
    assert.deepEqual(input.prompts.map((p) => p.message), ['Power on 2 servers?']);
    assert.match(input.prompts[0].detail ?? '', /^bulk-a and bulk-b\. .* Skipped: bulk-c \(it is running\)\.$/);
    assert.deepEqual(writes(), [], 'nothing was sent');
    script({ confirm: true });
    await runOnSelection('hcloud.server.powerOn', nodes);
    assert.deepEqual(writes().length, 2);
    assert.equal(summaries()[0].text, '2 of 2 servers powered on; skipped: bulk-c (it is running).');
    assert.equal(summaries()[0].level, 'info');
  });

  it('a label added on every selected server keeps their other labels (one PUT each)', async () => {
    const b = await server('bulk-b');
    await f.client.servers.update(b.id, { labels: { tier: 'web' } });
    f.sim.clearRequests();
    const nodes = await selection();
    script({ quickPick: 'Add or Change a Label' }, { inputBox: 'env=prod' }, { confirm: true });
    await runOnSelection('hcloud.server.editLabels', nodes);
    assert.deepEqual(input.prompts.map((p) => p.kind), ['quickPick', 'inputBox', 'confirm']);
    assert.equal(input.prompts[2].message, 'Set the label env=prod on 3 servers?');
    assert.deepEqual(f.sim.requests.filter((r) => r.method === 'PUT').map((r) => [r.path, r.body]).sort(), nodes.map((n) => [`/servers/${n.resource.id}`, { labels: n.resource.name === 'bulk-b' ? { tier: 'web', env: 'prod' } : { env: 'prod' } }]).sort());
    assert.deepEqual((await server('bulk-b')).labels, { tier: 'web', env: 'prod' });
    assert.equal(summaries()[0].text, '3 of 3 servers labelled env=prod.');
  });

  it('a selection from two projects: named by project, one request each', async () => {
    const other = await f.api.projects.add('bulk-second', f.sim.url, TOKEN);
    try {
      const a = { ...node(await server('bulk-a')), project: other };
      const b = node(await server('bulk-b'));
      script({ confirm: true });
      await runOnSelection('hcloud.server.reboot', [b, a]);
      assert.equal(input.prompts[0].message, 'Reboot 2 servers?');
      assert.match(input.prompts[0].detail ?? '', /^bulk-b in "nouns"; bulk-a in "bulk-second"\. /);
      assert.deepEqual(writes().sort(), [a, b].map((n) => `POST /servers/${n.resource.id}/actions/reboot`).sort());
      assert.equal(summaries()[0].text, '2 of 2 servers rebooted.');
    } finally {
      await f.api.projects.remove(other.id);
    }
  });

  it('Delete names the protected server as skipped; a wrong number sends nothing; the right one deletes the others', async () => {
    const nodes = await selection();
    script({ quickPick: 'Protect' }, { confirm: true });
    await runOnSelection('hcloud.server.changeProtection', [nodes[2]!, nodes[0]!]);
    assert.equal(input.prompts[1].message, 'Protect 2 servers against deletion and rebuilding?');
    assert.deepEqual(writes().sort(), [nodes[0], nodes[2]].map((n) => `POST /servers/${n!.resource.id}/actions/change_protection`).sort());
    f.sim.clearRequests();
    const now = await selection(); // bulk-a and bulk-c protected
    script({ inputBox: '3' });
    await runOnSelection('hcloud.server.delete', now);
    assert.equal(input.prompts[0].validation, 'Type 1, the number of servers to delete.');
    assert.match(input.boxPrompts[0], /^Deleting bulk-b destroys it .* Skipped: bulk-a \(delete protection\), bulk-c \(delete protection\)\. Type 1 to delete 1 server\.$/);
    assert.deepEqual(writes(), [], 'a wrong number sends nothing');
    script({ inputBox: '1' });
    await runOnSelection('hcloud.server.delete', now);
    assert.deepEqual(writes(), [`DELETE /servers/${now[1]!.resource.id}`]);
    assert.equal(summaries()[0].text, '1 of 1 server deleted; skipped: bulk-a (delete protection), bulk-c (delete protection).');
    assert.equal(await f.client.servers.get(now[1]!.resource.id), undefined);
  });

  it('a selection of one runs the single-server command as before', async () => {
    const s = await server('bulk-a');
    script({ confirm: false });
    await vscode.commands.executeCommand('hcloud.server.powerOff', node(s), [node(s)]);
    assert.deepEqual(input.prompts.map((p) => p.message), ['Power off "bulk-a"?']);
    assert.deepEqual(writes(), []);
  });

  it('Shut Down of the two servers left: one confirmation, one request each, both off', async () => {
    const nodes = await Promise.all(['bulk-a', 'bulk-c'].map(async (n) => node(await server(n))));
    script({ confirm: true });
    await runOnSelection('hcloud.server.shutdown', nodes);
    assert.equal(input.prompts.length, 1, 'one confirmation');
    assert.match(input.prompts[0].message ?? '', /^Shut down 2 servers\?$/);
    assert.deepEqual(writes().sort(), nodes.map((n) => `POST /servers/${n.resource.id}/actions/shutdown`).sort(), 'one request per server');
    assert.deepEqual(await Promise.all(['bulk-a', 'bulk-c'].map(async (n) => (await server(n)).status)), ['off', 'off']);
    assert.equal(summaries()[0].text, '2 of 2 servers asked to shut down.', 'asked: the operating system may refuse an ACPI shutdown');
  });
});
