// Next steps as buttons (issue 15, point 7): Power On after Change Type, Reboot into Rescue after
// Enable Rescue, and a failure's Retry and Show Log: Retry after a read or a write the API refused,
// never after a lost answer. Against a fresh simulator per test (actions take 100 ms).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Server } from '../../src/api/types';
import { useNounFixture } from './support/nounFixture';
import { until } from './support/until';

describe('next steps as buttons', function () {
  this.timeout(30_000);
  const f = useNounFixture();
  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args);
  const node = async (name: string) => {
    const [s] = await f.client.servers.listAll({ name });
    assert.ok(s, `server ${name} exists`);
    return f.node<Server>('server', s);
  };
  const posts = (path: RegExp) => f.sim.requests.filter((r) => r.method === 'POST' && path.test(r.path)).map((r) => r.status);

  it('Change Type offers Power On, which powers the server on', async () => {
    const ci = await node('ci-runner');
    const input = f.script({ quickPick: 'cpx21' }, { quickPick: 'Keep the disk' }, { offer: 'Power On' });
    await run('hcloud.server.changeType', ci);
    const done = input.messages.find((m) => m.text.startsWith('"ci-runner" is now a cpx21'));
    assert.deepEqual(done?.buttons, ['Power On']);
    await until('the power on', () => posts(/\/actions\/poweron$/).length === 1);
    await until('the server running', () => f.sim.state.servers.get(ci.resource.id)?.status === 'running');
    assert.deepEqual(f.changes().map((r) => r.path), [`/servers/${ci.resource.id}/actions/change_type`, `/servers/${ci.resource.id}/actions/poweron`]);
    assert.equal(input.remaining, 0);
  });

  it('Enable Rescue offers Reboot into Rescue on a running server (it reboots) and Power On into Rescue on an off one', async () => {
    const web = await node('web-2');
    const input = f.script({ quickPickMany: [] }, { offer: 'Reboot into Rescue' });
    await run('hcloud.server.enableRescue', web);
    assert.deepEqual(input.messages.find((m) => m.text.startsWith('Rescue (linux64) enabled'))?.buttons, ['Reboot into Rescue']);
    await until('the reboot', () => posts(/\/actions\/reboot$/).length === 1);
    await until('the reboot message', () => input.messages.find((m) => m.text.startsWith('Reboot "web-2" into rescue: done.')));
    assert.deepEqual(f.changes().map((r) => r.path), [`/servers/${web.resource.id}/actions/enable_rescue`, `/servers/${web.resource.id}/actions/reboot`]);

    const off = f.script({ quickPickMany: [] });
    await run('hcloud.server.enableRescue', await node('ci-runner'));
    assert.deepEqual(off.messages.find((m) => m.text.startsWith('Rescue (linux64) enabled'))?.buttons, ['Power On into Rescue']);
  });

  it('a write the API refused offers Retry and Show Log; Retry sends it again and the command goes on; the progress says what Cancel does', async () => {
    const web = await node('web-1');
    // The progress notifications' titles (the extension and this suite share the vscode API object).
    const titles: string[] = [];
    const withProgress = vscode.window.withProgress;
    const recording: typeof withProgress = (options, task) => {
      titles.push(options.title ?? '');
      return withProgress(options, task);
    };
    Object.assign(vscode.window, { withProgress: recording });
    try {
      f.sim.setFaults({ failNext: 1, statuses: [423], match: { method: 'POST', path: /\/actions\/shutdown$/ } });
      const input = f.script({ offer: 'Retry' });
      await run('hcloud.server.shutdown', web);
      assert.deepEqual(posts(/\/actions\/shutdown$/), [423, 201]);
      assert.match(input.messages[0]?.text ?? '', /^Shut down "web-1" failed: another action is still running/);
      assert.deepEqual(input.messages.map((m) => [m.level, m.buttons]), [['error', ['Retry', 'Show Log']], ['info', undefined]]);
      assert.equal(input.messages[1]?.text, 'Shut down "web-1": done.');
    } finally {
      Object.assign(vscode.window, { withProgress });
    }
    assert.deepEqual(titles, ['Shut down "web-1" (Cancel stops waiting; the action goes on)', 'Shut down "web-1" (Cancel stops waiting; the action goes on)']);
  });

  it('a lost answer of a write offers Show Log only (the write may have run): nothing is sent again', async () => {
    const web = await node('web-1');
    f.sim.setFaults({ failNext: 1, statuses: [502], match: { method: 'POST', path: /\/actions\/shutdown$/ } });
    const input = f.script({ offer: 'Show Log' });
    await run('hcloud.server.shutdown', web);
    assert.deepEqual(input.messages.map((m) => [m.level, m.buttons]), [['error', ['Show Log']]]);
    assert.match(input.messages[0].text, /^Shut down "web-1" failed: .*answer was lost/);
    assert.deepEqual(posts(/\/actions\/shutdown$/), [502]);
    assert.equal(input.remaining, 0);
  });

  it('a failed read offers Retry: it reads again and the command asks on; cancelling then sends nothing', async () => {
    f.sim.setFaults({ failNext: 1, statuses: [403], match: { method: 'GET', path: /^\/ssh_keys$/ } });
    const input = f.script({ offer: 'Retry' }, { quickPickMany: undefined });
    await run('hcloud.server.enableRescue', await node('web-1'));
    assert.deepEqual(f.sim.requests.filter((r) => r.path.endsWith('/ssh_keys')).map((r) => r.status), [403, 200]);
    assert.deepEqual(input.messages.map((m) => [m.level, m.buttons]), [['error', ['Retry', 'Show Log']]]);
    assert.deepEqual(input.prompts.map((p) => p.kind), ['quickPickMany']);
    assert.deepEqual(f.changes(), []);
  });
});
