// The server commands inside VS Code against a simulator this suite starts (actions take 100 ms),
// behind a recording proxy so tests can compare shown passwords with the API's answers. Each test
// runs a command with scripted prompts and asserts what the API received, the resulting state,
// and what the user saw; cancelling (or typing a wrong name) sends nothing.
import * as assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { HcloudClient } from '../../src/api/client';
import type { Image, Server } from '../../src/api/types';
import type { Project } from '../../src/projects/projectStore';
import { startSimulator } from '../../src/sim/simulator';
import type { RecordedRequest, Simulator } from '../../src/sim/types';
import type { ResourceNode } from '../../src/tree/resourceNode';
import { testingApi } from './support/extensionApi';
import { logFile, logShowing } from './support/logFile';
import { startRecordingProxy, type RecordingProxy } from './support/recordingProxy';
import { ScriptedInput, type Answer } from './support/scriptedInput';

type Api = Awaited<ReturnType<typeof testingApi>>;

const TOKEN = 'server-commands-token-91c3';
const PROJECT = 'server-commands';

describe('server commands', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let proxy: RecordingProxy;
  let api: Api;
  let project: Project;
  let client: HcloudClient;
  let input: ScriptedInput;

  const script = (...answers: Answer[]) => {
    input = new ScriptedInput(answers);
    api.setUserInput(input);
  };
  /** The palette asks for the project only when there is more than one. */
  const projectAnswer = (): Answer[] => (api.projects.list().length > 1 ? [{ quickPick: PROJECT }] : []);
  const run = <T = unknown>(command: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(command, ...args);
  /** Requests that change something (everything but GET). */
  const changes = (): RecordedRequest[] => sim.requests.filter((r) => r.method !== 'GET');
  const wire = (name: string) => {
    const s = [...sim.state.servers.values()].find((x) => x.name === name);
    assert.ok(s, `the simulator has a server "${name}"`);
    return s;
  };
  const server = async (name: string): Promise<Server> => {
    const [s] = await client.servers.listAll({ name });
    assert.ok(s, `server ${name} exists`);
    return s;
  };
  /** A plain object that satisfies isResourceNode: the "from the tree" path without the tree. */
  const nodeOf = <T>(kind: 'server' | 'image', resource: T & { id: number }, p = project): ResourceNode<T> => ({
    id: `project/${p.id}/${kind}/${resource.id}`,
    kind,
    project: p,
    resource,
    parent: undefined,
    invalidate: () => undefined,
    getTreeItem: () => new vscode.TreeItem(String(resource.id)),
    getChildren: async () => [],
  });
  const serverNode = async (name: string, patch: Partial<Server> = {}) => nodeOf<Server>('server', { ...(await server(name)), ...patch });
  const errors = () => input.messages.filter((m) => m.level === 'error').map((m) => m.text);
  const infos = () => input.messages.filter((m) => m.level === 'info').map((m) => m.text);
  const noSecretInMessages = () => {
    for (const secret of input.secrets) {
      for (const m of input.messages) assert.ok(!m.text.includes(secret.value), `message "${m.text}" does not show the secret`);
      assert.ok(!secret.message.includes(secret.value), 'the modal text itself does not repeat the secret');
    }
  };
  /** Waits until the log shows `line` (the channel writes asynchronously), then checks no secret is in it. */
  const noSecretInLog = async (line: string) => {
    const text = await logShowing(line);
    for (const secret of input.secrets) assert.ok(!text.includes(secret.value), 'the log does not contain the secret');
  };
  /** Creates a throwaway server straight through the API (not a command under test). */
  const createServer = async (name: string): Promise<Server> => {
    const r = await client.servers.create({ name, serverType: 'cx11', image: 'ubuntu-22.04', location: 'fsn1', sshKeys: [] });
    await client.waitForActions(r.action);
    return (await client.servers.get(r.server.id))!;
  };

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 100 });
    proxy = await startRecordingProxy(sim.url);
    api = await testingApi();
    project = await api.projects.add(PROJECT, proxy.url, TOKEN);
    client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
  });

  beforeEach(() => {
    sim.clearRequests();
    sim.setFaults({});
  });

  afterEach(() => {
    api.setUserInput(undefined);
  });

  after(async () => {
    api.setUserInput(undefined);
    if (project) await api.projects.remove(project.id);
    client?.dispose();
    await proxy?.close();
    await sim?.close();
  });

  it('registers every server command that package.json contributes', async () => {
    const ext = vscode.extensions.all.find((e) => e.id.toLowerCase() === 'hcloud-vscode.hetzner-cloud-vscode')!;
    const contributed = (ext.packageJSON.contributes.commands as Array<{ command: string }>)
      .map((c) => c.command)
      .filter((c) => c.startsWith('hcloud.server.') || c === 'hcloud.image.rebuildServer');
    assert.equal(contributed.length, 36, 'the 28 server actions (3 on networks, 2 on placement groups), Create Server, Rebuild a Server from an image, Edit Labels, Show Metrics, Show Actions, Open Console, Open Folder on Server and Open SSH When Ready');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  describe('power', () => {
    it('Power Off asks in a modal; cancelling sends nothing, confirming powers the server off', async () => {
      const node = await serverNode('web-1');
      script({ confirm: false });
      await run('hcloud.server.powerOff', node);
      assert.equal(input.remaining, 0);
      assert.match(input.prompts[0].message ?? '', /Power off "web-1"\?/);
      assert.deepEqual(changes(), []);
      assert.equal(wire('web-1').status, 'running');

      script({ confirm: true });
      await run('hcloud.server.powerOff', node);
      assert.deepEqual(changes().map((r) => [r.method, r.path]), [['POST', `/servers/${node.resource.id}/actions/poweroff`]]);
      assert.equal(wire('web-1').status, 'off');
      assert.deepEqual(errors(), []);
      assert.ok(infos().some((m) => m.includes('"web-1"')), 'the success message names the server');
    });

    it('Power On from the palette offers only servers that are off', async () => {
      const offNames = [...sim.state.servers.values()].filter((s) => s.status === 'off').map((s) => s.name).sort();
      assert.ok(offNames.includes('ci-runner'));
      script(...projectAnswer(), { quickPick: 'ci-runner' });
      await run('hcloud.server.powerOn');
      const pick = input.prompts.find((p) => p.title?.startsWith('Power On Server'));
      assert.deepEqual([...(pick?.items ?? [])].sort(), offNames);
      const id = wire('ci-runner').id;
      assert.deepEqual(changes().map((r) => [r.method, r.path]), [['POST', `/servers/${id}/actions/poweron`]]);
      assert.equal(wire('ci-runner').status, 'running');
    });

    it('Shutdown stops a running server; Reboot reboots one', async () => {
      script();
      await run('hcloud.server.shutdown', await serverNode('vpn-hel'));
      assert.equal(wire('vpn-hel').status, 'off');
      script();
      await run('hcloud.server.reboot', await serverNode('web-2'));
      const id = wire('web-2').id;
      assert.deepEqual(changes().map((r) => [r.method, r.path]), [
        ['POST', `/servers/${wire('vpn-hel').id}/actions/shutdown`],
        ['POST', `/servers/${id}/actions/reboot`],
      ]);
      assert.ok(sim.requests.some((r) => r.method === 'GET' && r.path.startsWith('/actions')), 'the action was waited for');
      assert.equal(wire('web-2').status, 'running');
      assert.ok(infos().some((m) => m.startsWith('Reboot "web-2"')));
    });

    it('Reset asks in a modal; cancelling sends nothing, confirming resets', async () => {
      const node = await serverNode('api-staging');
      script({ confirm: false });
      await run('hcloud.server.reset', node);
      assert.deepEqual(changes(), []);
      script({ confirm: true });
      await run('hcloud.server.reset', node);
      assert.deepEqual(changes().map((r) => r.path), [`/servers/${node.resource.id}/actions/reset`]);
      assert.equal(wire('api-staging').status, 'running');
    });
  });

  describe('passwords, rescue and console', () => {
    it('Reset Root Password confirms, then shows exactly the API\'s password once, in a secret modal only', async () => {
      const node = await serverNode('web-2');
      script({ confirm: false });
      await run('hcloud.server.resetPassword', node);
      assert.deepEqual(changes(), []);
      assert.equal(input.secrets.length, 0);

      script({ confirm: true });
      await run('hcloud.server.resetPassword', node);
      assert.deepEqual(changes().map((r) => r.path), [`/servers/${node.resource.id}/actions/reset_password`]);
      const answer = proxy.last('POST', `/servers/${node.resource.id}/actions/reset_password`)?.body as { root_password: string };
      assert.ok(answer.root_password);
      assert.equal(input.secrets.length, 1);
      assert.equal(input.secrets[0].value, answer.root_password);
      assert.match(input.secrets[0].message, /root password of "web-2"/);
      noSecretInMessages();
      await noSecretInLog('Reset root password of "web-2": done.');
    });

    it('Enable Rescue sends linux64 (the only type today: no type pick) and the picked SSH keys, and shows the rescue password as a secret', async () => {
      const node = await serverNode('web-2');
      const alice = (await client.sshKeys.listAll()).find((k) => k.name === 'alice@laptop')!;
      script({ quickPickMany: ['alice@laptop'] });
      await run('hcloud.server.enableRescue', node);
      assert.equal(input.remaining, 0);
      assert.deepEqual(input.prompts.map((p) => p.kind), ['quickPickMany'], 'no rescue type is asked');
      assert.deepEqual(input.prompts[0].items?.sort(), ['alice@laptop', 'bob@workstation', 'ci-deploy']);
      const [req] = changes();
      assert.equal(req.path, `/servers/${node.resource.id}/actions/enable_rescue`);
      assert.deepEqual(req.body, { type: 'linux64', ssh_keys: [alice.id] });
      assert.equal(wire('web-2').rescue_enabled, true);
      const answer = proxy.last('POST', req.path)?.body as { root_password: string };
      assert.deepEqual(input.secrets.map((s) => s.value), [answer.root_password]);
      noSecretInMessages();
      await noSecretInLog('Rescue (linux64) enabled for "web-2"');
    });

    it('Enable Rescue: cancelling the keys sends nothing; no keys picked sends linux64 without keys', async () => {
      const node = await serverNode('api-staging');
      script({ quickPickMany: undefined });
      await run('hcloud.server.enableRescue', node);
      assert.deepEqual(changes(), []);
      script({ quickPickMany: [] });
      await run('hcloud.server.enableRescue', node);
      assert.deepEqual(changes().map((r) => r.body), [{ type: 'linux64', ssh_keys: [] }]);
      assert.equal(wire('api-staging').rescue_enabled, true);
      wire('api-staging').rescue_enabled = false; // back, for the other tests
    });

    it('Disable Rescue from the palette offers only servers in rescue, and turns it off', async () => {
      const inRescue = [...sim.state.servers.values()].filter((s) => s.rescue_enabled).map((s) => s.name).sort();
      script(...projectAnswer(), { quickPick: 'legacy-app' });
      await run('hcloud.server.disableRescue');
      assert.deepEqual([...(input.prompts.find((p) => p.title?.startsWith('Disable Rescue'))?.items ?? [])].sort(), inRescue);
      assert.deepEqual(changes().map((r) => r.path), [`/servers/${wire('legacy-app').id}/actions/disable_rescue`]);
      assert.equal(wire('legacy-app').rescue_enabled, false);
    });

    it('Copy Console Details shows the wss URL and the VNC password the API returned in one modal with a copy button each, never in a message', async () => {
      const node = await serverNode('legacy-app');
      script();
      await run('hcloud.server.requestConsole', node);
      const path = `/servers/${node.resource.id}/actions/request_console`;
      assert.deepEqual(changes().map((r) => r.path), [path]);
      const answer = proxy.last('POST', path)?.body as { wss_url: string; password: string };
      assert.deepEqual(input.secrets.map((s) => s.value), [answer.wss_url, answer.password]);
      assert.match(input.secrets[0].message, /Console URL/);
      assert.match(input.secrets[1].message, /VNC password/);
      assert.deepEqual(input.modals.map((m) => m.labels), [['Console URL', 'VNC password']], 'one modal');
      noSecretInMessages();
      await noSecretInLog('Console of "legacy-app" ready');
    });
  });

  describe('images, rebuild, type, backups, ISO', () => {
    it('Create Image: only Snapshot without backups; sends the type and description; the image appears', async () => {
      const node = await serverNode('api-staging');
      script({ quickPick: 'Snapshot' }, { inputBox: 'before the upgrade' }, { confirm: true });
      await run('hcloud.server.createImage', node);
      assert.deepEqual(input.prompts[0].items, ['Snapshot']);
      const [req] = changes();
      assert.equal(req.path, `/servers/${node.resource.id}/actions/create_image`);
      assert.deepEqual(req.body, { type: 'snapshot', description: 'before the upgrade' });
      const image = [...sim.state.images.values()].find((i) => i.description === 'before the upgrade');
      assert.equal(image?.status, 'available');
      assert.equal(image?.type, 'snapshot');
    });

    it('Create Image offers Backup when backups are on; cancelling the description sends nothing', async () => {
      script({ quickPick: 'Backup' }, { inputBox: undefined });
      await run('hcloud.server.createImage', await serverNode('db-main'));
      assert.deepEqual(input.prompts[0].items, ['Snapshot', 'Backup']);
      assert.deepEqual(changes(), []);
    });

    it('Rebuild: deprecated images hidden; a wrong name sends nothing; the right name rebuilds and shows the new root password', async () => {
      const node = await serverNode('web-2');
      script({ quickPick: 'Ubuntu 24.04' }, { inputBox: 'web-1' });
      await run('hcloud.server.rebuild', node);
      assert.deepEqual(changes(), []);
      const items = input.prompts[0].items ?? [];
      assert.ok(items.includes('Ubuntu 24.04') && items.includes('web-1 golden image'), 'system images and snapshots are offered');
      assert.ok(!items.includes('CentOS 7'), 'the deprecated CentOS 7 is hidden');
      assert.match(input.prompts[1].validation ?? '', /Type the name exactly: web-2/);

      script({ quickPick: 'Ubuntu 24.04' }, { inputBox: 'web-2' });
      await run('hcloud.server.rebuild', node);
      const [req] = changes();
      assert.equal(req.path, `/servers/${node.resource.id}/actions/rebuild`);
      assert.deepEqual(req.body, { image: '9' });
      assert.equal(wire('web-2').image?.name, 'ubuntu-24.04');
      assert.equal(wire('web-2').status, 'running');
      const answer = proxy.last('POST', req.path)?.body as { root_password: string };
      assert.deepEqual(input.secrets.map((s) => s.value), [answer.root_password]);
      noSecretInMessages();
      await noSecretInLog('Rebuild "web-2" from "Ubuntu 24.04": done.');
    });

    it('Rebuild of a protected server says so and offers to remove the protection instead', async () => {
      const node = await serverNode('db-main');
      assert.equal(node.resource.protection.rebuild, true);
      script({ confirm: false });
      await run('hcloud.server.rebuild', node);
      assert.match(input.prompts[0].message ?? '', /"db-main" is protected against rebuilding/);
      assert.deepEqual(changes(), []);

      script({ confirm: true });
      await run('hcloud.server.rebuild', node);
      assert.deepEqual(changes().map((r) => [r.path, r.body]), [[`/servers/${node.resource.id}/actions/change_protection`, { delete: false, rebuild: false }]]);
      assert.deepEqual(wire('db-main').protection, { delete: false, rebuild: false });
      wire('db-main').protection = { delete: true, rebuild: true };
    });

    it('Rebuild a Server from an image node: picks the server, asks its name, rebuilds from that image (a snapshot returns no password)', async () => {
      const golden = (await client.images.listAll({ type: 'snapshot' })).find((i) => i.description === 'web-1 golden image')!;
      sim.clearRequests();
      script({ quickPick: 'api-staging' }, { inputBox: 'api-staging' });
      await run('hcloud.image.rebuildServer', nodeOf<Image>('image', golden));
      assert.deepEqual(errors(), []);
      assert.equal(input.prompts[1].title, 'Rebuild "api-staging" from "web-1 golden image"');
      const [req] = changes();
      assert.equal(req.path, `/servers/${wire('api-staging').id}/actions/rebuild`);
      assert.deepEqual(req.body, { image: String(golden.id) });
      assert.equal(wire('api-staging').image?.id, golden.id);
      assert.equal(input.secrets.length, 0);
    });

    it('Rebuild a Server from the palette: project, image (deprecated hidden), server, typed name', async () => {
      script(...projectAnswer(), { quickPick: 'Debian 12' }, { quickPick: 'web-2' }, { inputBox: 'web-2' });
      await run('hcloud.image.rebuildServer');
      assert.equal(input.remaining, 0);
      const images = input.prompts.find((p) => p.title?.startsWith('Rebuild a Server from an Image'))?.items ?? [];
      assert.ok(images.includes('Debian 12') && !images.includes('CentOS 7'));
      const servers = input.prompts.find((p) => p.title?.startsWith('Rebuild a Server from "Debian 12"'))?.items ?? [];
      const x86 = [...sim.state.servers.values()].filter((x) => x.server_type.architecture !== 'arm').map((x) => x.name);
      assert.ok(x86.length < sim.state.servers.size, 'the simulator has an arm server');
      assert.deepEqual([...servers].sort(), x86.sort(), 'only servers of the image\'s architecture');
      assert.deepEqual(changes().map((r) => [r.path, r.body]), [[`/servers/${wire('web-2').id}/actions/rebuild`, { image: '7' }]]);
      assert.equal(wire('web-2').image?.name, 'debian-12');
      assert.equal(input.secrets.length, 1, 'a system image gives a new root password');
    });

    it('Change Type of a running server: shows old and new monthly prices, shuts it down first, then changes type without the disk', async () => {
      const node = await serverNode('iso-lab');
      const types = await client.serverTypes.listAll();
      const price = (name: string) => `€${types.find((t) => t.name === name)!.prices.find((p) => p.location === 'nbg1')!.monthly!.gross.toFixed(2)}/mo`;
      script({ quickPick: 'cx41' }, { quickPick: 'Keep the disk' }, { confirm: true });
      await run('hcloud.server.changeType', node);
      assert.equal(input.remaining, 0);
      assert.ok(input.prompts[0].title?.includes(price('cx31')), `the title shows the current price: ${input.prompts[0].title}`);
      assert.ok(!input.prompts[0].items?.includes('cx31'), 'the current type is not offered');
      assert.ok(!input.prompts[0].items?.includes('cx21-ceph'), 'types with other storage are not offered');
      const inNbg1 = (name: string) => types.find((t) => t.name === name)?.locations?.find((l) => l.name === 'nbg1');
      assert.equal(inNbg1('ccx12')?.available, false, 'the simulator has no ccx12 available in nbg1');
      assert.ok(!input.prompts[0].items?.includes('ccx12'), 'a type not available in the server\'s location is not offered');
      assert.ok(types.some((t) => t.architecture === 'arm' && inNbg1(t.name)?.available), 'the simulator has arm types in nbg1');
      assert.ok(!input.prompts[0].items?.some((n) => n.startsWith('cax')), 'types of another architecture are not offered');
      assert.match(input.prompts[2].message ?? '', /"iso-lab" is running\. Shut it down first\?/);
      const id = node.resource.id;
      assert.deepEqual(changes().map((r) => [r.path, r.body]), [
        [`/servers/${id}/actions/shutdown`, undefined],
        [`/servers/${id}/actions/change_type`, { server_type: '7', upgrade_disk: false }],
      ]);
      assert.equal(wire('iso-lab').server_type.name, 'cx41');
      assert.equal(wire('iso-lab').status, 'off');
      const done = infos().find((m) => m.includes('is now a cx41'));
      assert.ok(done?.includes(`${price('cx41')}, was ${price('cx31')}`), done);
    });

    it('Change Type: declining the shutdown sends nothing', async () => {
      script({ quickPick: 'cx51' }, { quickPick: 'Upgrade the disk' }, { confirm: false });
      await run('hcloud.server.changeType', await serverNode('web-2'));
      assert.deepEqual(changes(), []);
    });

    it('Enable Backups shows the +20% price, sends the window; Disable Backups confirms and deletes them', async () => {
      const node = await serverNode('api-staging');
      script({ quickPick: '06-10' });
      await run('hcloud.server.enableBackup', node);
      assert.match(input.prompts[0].title ?? '', /\+20%: €\d+\.\d\d\/mo\)/);
      assert.deepEqual(input.prompts[0].items?.[0], 'Random');
      assert.deepEqual(changes().map((r) => [r.path, r.body]), [[`/servers/${node.resource.id}/actions/enable_backup`, { backup_window: '06-10' }]]);
      assert.equal(wire('api-staging').backup_window, '06-10');

      sim.clearRequests();
      script({ quickPick: 'Random' });
      await run('hcloud.server.enableBackup', await serverNode('vpn-hel'));
      assert.deepEqual(changes().map((r) => r.body), [{}], 'no window: the API picks one');
      assert.match(String(wire('vpn-hel').backup_window), /^\d\d-\d\d$/);

      const db = await serverNode('db-main');
      const backups = () => [...sim.state.images.values()].filter((i) => i.type === 'backup' && i.bound_to === db.resource.id);
      assert.ok(backups().length > 0);
      sim.clearRequests();
      script({ confirm: false });
      await run('hcloud.server.disableBackup', db);
      assert.match(input.prompts[0].message ?? '', /Disable backups for "db-main"/);
      assert.deepEqual(changes(), []);
      script({ confirm: true });
      await run('hcloud.server.disableBackup', db);
      assert.deepEqual(changes().map((r) => r.path), [`/servers/${db.resource.id}/actions/disable_backup`]);
      assert.equal(wire('db-main').backup_window, null);
      assert.deepEqual(backups(), []);
    });

    it('Attach ISO offers the non-deprecated ISOs of the server\'s architecture and attaches the picked one; Detach ISO detaches', async () => {
      const isos = await client.isos.listAll();
      const nameOf = (arch: string | undefined) => isos.filter((i) => i.architecture === arch && !i.deprecated).map((i) => i.name ?? i.description);
      const [armIso] = nameOf('arm');
      const [anyIso] = isos.filter((i) => !i.architecture).map((i) => i.name ?? i.description);
      assert.ok(armIso && anyIso, 'the simulator has an arm ISO and one for any architecture');
      script({ quickPick: undefined });
      await run('hcloud.server.attachIso', await serverNode('arm-builder'));
      const onArm = input.prompts[0].items ?? [];
      assert.ok(onArm.includes(armIso) && onArm.includes(anyIso), `arm and any-architecture ISOs offered on arm: ${onArm.join(', ')}`);
      assert.ok(!onArm.includes('virtio-win-0.1.141'), 'no x86 ISO on an arm server');

      const node = await serverNode('web-1');
      script({ quickPick: 'virtio-win-0.1.141' });
      await run('hcloud.server.attachIso', node);
      assert.ok(!input.prompts[0].items?.includes('FreeBSD-10.3-RELEASE-amd64-dvd1'), 'deprecated ISO hidden');
      assert.ok(!input.prompts[0].items?.includes(armIso), 'no arm ISO on an x86 server');
      assert.ok(input.prompts[0].items?.includes(anyIso), 'an ISO without architecture boots anywhere');
      assert.deepEqual(changes().map((r) => [r.path, r.body]), [[`/servers/${node.resource.id}/actions/attach_iso`, { iso: '4712' }]]);
      assert.equal(wire('web-1').iso?.id, 4712);

      sim.clearRequests();
      const withIso = [...sim.state.servers.values()].filter((s) => s.iso).map((s) => s.name).sort();
      assert.deepEqual(withIso, ['iso-lab', 'web-1']);
      script(...projectAnswer(), { quickPick: 'web-1' });
      await run('hcloud.server.detachIso');
      const offered = input.prompts.find((p) => p.title?.startsWith('Detach ISO'))?.items ?? [];
      assert.deepEqual([...offered].sort(), withIso, 'only servers with an ISO');
      assert.deepEqual(changes().map((r) => r.path), [`/servers/${node.resource.id}/actions/detach_iso`]);
      assert.equal(wire('web-1').iso, null);
    });
  });

  describe('reverse DNS, protection, rename, delete, copy, SSH', () => {
    it('Change Reverse DNS of the IPv4: validates the hostname, sets it, and resets it with an empty value', async () => {
      const node = await serverNode('web-1');
      const ip = node.resource.publicNet.ipv4!.ip;
      // Read through the API: today the address and its reverse DNS live on the server's Primary IP.
      const ptr4 = async () => (await server('web-1')).publicNet?.ipv4?.dnsPtr;
      const before = await ptr4();
      script({ quickPick: ip }, { inputBox: 'bad_host.example.com' });
      await run('hcloud.server.changeDnsPtr', node);
      assert.match(input.prompts[1].validation ?? '', /"bad_host" is not valid/);
      assert.deepEqual(changes(), []);

      script({ quickPick: ip }, { inputBox: 'www.example.org' });
      await run('hcloud.server.changeDnsPtr', node);
      assert.deepEqual(changes().map((r) => [r.path, r.body]), [[`/servers/${node.resource.id}/actions/change_dns_ptr`, { ip, dns_ptr: 'www.example.org' }]]);
      assert.equal(await ptr4(), 'www.example.org');

      sim.clearRequests();
      script({ quickPick: ip }, { inputBox: '' });
      await run('hcloud.server.changeDnsPtr', await serverNode('web-1'));
      assert.deepEqual(changes().map((r) => r.body), [{ ip, dns_ptr: null }]);
      assert.equal(await ptr4(), before);
    });

    it('Change Reverse DNS of an IPv6 address: the address must be inside the server\'s /64', async () => {
      const node = await serverNode('web-1');
      const net = node.resource.publicNet.ipv6!.ip; // e.g. 2a01:4f8:...::/64
      const inside = net.replace('/64', '10');
      script({ quickPick: 'An address in' }, { inputBox: '2001:db8:ffff:ffff::1' });
      await run('hcloud.server.changeDnsPtr', node);
      assert.match(input.prompts[1].validation ?? '', /not inside the server's network/);
      assert.deepEqual(changes(), []);

      script({ quickPick: 'An address in' }, { inputBox: inside }, { inputBox: 'v6.example.org' });
      await run('hcloud.server.changeDnsPtr', node);
      assert.deepEqual(changes().map((r) => r.body), [{ ip: inside, dns_ptr: 'v6.example.org' }]);
      assert.ok((await server('web-1')).publicNet?.ipv6?.dnsPtr.some((e) => e.dnsPtr === 'v6.example.org'));
    });

    it('Change Protection protects against deletion and rebuilding together, and removes it', async () => {
      const node = await serverNode('ci-runner');
      script({ quickPick: 'Protect' });
      await run('hcloud.server.changeProtection', node);
      assert.deepEqual(changes().map((r) => [r.path, r.body]), [[`/servers/${node.resource.id}/actions/change_protection`, { delete: true, rebuild: true }]]);
      assert.deepEqual(wire('ci-runner').protection, { delete: true, rebuild: true });
      script({ quickPick: 'Remove protection' });
      await run('hcloud.server.changeProtection', await serverNode('ci-runner'));
      assert.deepEqual(wire('ci-runner').protection, { delete: false, rebuild: false });
      script({ quickPick: undefined });
      sim.clearRequests();
      await run('hcloud.server.changeProtection', node);
      assert.deepEqual(changes(), []);
    });

    it('Rename validates (RFC 1123, unique in the project) before sending, then renames', async () => {
      const s = await createServer('rename-me');
      const node = nodeOf<Server>('server', s);
      sim.clearRequests();
      script({ inputBox: 'web-1' });
      await run('hcloud.server.rename', node);
      assert.match(input.prompts[0].validation ?? '', /already has a server named "web-1"/);
      script({ inputBox: 'under_score' });
      await run('hcloud.server.rename', node);
      assert.match(input.prompts[0].validation ?? '', /not valid/);
      assert.deepEqual(changes(), []);

      script({ inputBox: 'renamed-1' });
      await run('hcloud.server.rename', node);
      assert.deepEqual(changes().map((r) => [r.method, r.path, r.body]), [['PUT', `/servers/${s.id}`, { name: 'renamed-1' }]]);
      assert.equal(sim.state.servers.get(s.id)?.name, 'renamed-1');
      assert.ok(infos().some((m) => m.includes('renamed to "renamed-1"')));
    });

    it('Delete asks for the typed name: a wrong name sends nothing, the right one deletes the server', async () => {
      const s = await createServer('doomed-1');
      const node = nodeOf<Server>('server', s);
      sim.clearRequests();
      script({ inputBox: 'doomed' });
      await run('hcloud.server.delete', node);
      assert.match(input.prompts[0].validation ?? '', /Type the name exactly: doomed-1/);
      script({ inputBox: undefined });
      await run('hcloud.server.delete', node);
      assert.deepEqual(changes(), []);

      script({ inputBox: 'doomed-1' });
      await run('hcloud.server.delete', node);
      assert.deepEqual(changes().map((r) => [r.method, r.path]), [['DELETE', `/servers/${s.id}`]]);
      assert.equal(sim.state.servers.has(s.id), false);
      assert.ok(infos().includes('Server "doomed-1" deleted.'));
    });

    it('Delete of a protected server says so and offers to remove the protection instead', async () => {
      const node = await serverNode('db-main');
      script({ confirm: false });
      await run('hcloud.server.delete', node);
      assert.match(input.prompts[0].message ?? '', /"db-main" is protected against deletion/);
      assert.deepEqual(changes(), []);
      script({ confirm: true });
      await run('hcloud.server.delete', node);
      assert.deepEqual(changes().map((r) => [r.path, r.body]), [[`/servers/${node.resource.id}/actions/change_protection`, { delete: false, rebuild: false }]]);
      assert.equal(sim.state.servers.has(node.resource.id), true, 'the server is not deleted');
      wire('db-main').protection = { delete: true, rebuild: true };
    });

    it('Copy IP and Copy ID put the public IPv4 and the ID on the clipboard', async () => {
      const node = await serverNode('web-2');
      sim.clearRequests();
      script();
      await run('hcloud.server.copyIp', node);
      assert.equal(await vscode.env.clipboard.readText(), node.resource.publicNet.ipv4!.ip);
      await run('hcloud.server.copyId', node);
      assert.equal(await vscode.env.clipboard.readText(), String(node.resource.id));
      assert.deepEqual(sim.requests, []);
    });

    /**
     * Runs `body` with hcloud.ssh.path (and hcloud.ssh.user when given) pointing at a copy of
     * test/support/record-argv.mjs, which records its arguments and connects nowhere: no test starts
     * a real ssh. Restores the user settings after.
     */
    const withSshStandIn = async (user: string | undefined, body: (recorded: () => Promise<string[]>) => Promise<void>) => {
      const dir = mkdtempSync(join(tmpdir(), 'hcloud-ssh-standin-'));
      const standIn = join(dir, 'ssh-stand-in.mjs');
      copyFileSync(join(__dirname, '..', '..', '..', 'test', 'support', 'record-argv.mjs'), standIn);
      chmodSync(standIn, 0o755);
      const config = () => vscode.workspace.getConfiguration('hcloud');
      const before = { path: config().inspect('ssh.path')?.globalValue, user: config().inspect('ssh.user')?.globalValue };
      await config().update('ssh.path', standIn, vscode.ConfigurationTarget.Global);
      if (user !== undefined) await config().update('ssh.user', user, vscode.ConfigurationTarget.Global);
      const recorded = async () => {
        const file = `${standIn}.argv.json`;
        for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
        assert.ok(existsSync(file), 'the stand-in was started');
        return JSON.parse(readFileSync(file, 'utf8')) as string[];
      };
      try {
        await body(recorded);
      } finally {
        await config().update('ssh.path', before.path, vscode.ConfigurationTarget.Global);
        await config().update('ssh.user', before.user, vscode.ConfigurationTarget.Global);
        rmSync(dir, { recursive: true, force: true });
      }
    };

    it('Open SSH in Terminal starts hcloud.ssh.path without a shell, named after the server, with -- root@<IPv4>', async () => {
      const node = await serverNode('web-2');
      sim.clearRequests();
      script();
      await withSshStandIn(undefined, async (recorded) => {
        const terminal = await run<vscode.Terminal>('hcloud.server.openSsh', node);
        try {
          assert.ok(terminal);
          assert.equal(terminal.name, 'web-2');
          assert.ok(vscode.window.terminals.includes(terminal));
          assert.deepEqual(await recorded(), ['--', `root@${node.resource.publicNet.ipv4!.ip}`]);
        } finally {
          terminal?.dispose();
        }
      });
      assert.deepEqual(sim.requests, []);
    });

    it('Open SSH in Terminal logs in as hcloud.ssh.user, and to the IPv6 of a server without IPv4', async () => {
      const s = await server('web-2');
      const node = nodeOf<Server>('server', { ...s, publicNet: { ...s.publicNet, ipv4: undefined } });
      const network = s.publicNet.ipv6!.ip; // e.g. 2001:db8:...::/64
      script();
      await withSshStandIn('deploy_1', async (recorded) => {
        const terminal = await run<vscode.Terminal>('hcloud.server.openSsh', node);
        try {
          assert.ok(terminal);
          assert.deepEqual(await recorded(), ['--', `deploy_1@${network.replace(/\/\d+$/, '1')}`]);
        } finally {
          terminal?.dispose();
        }
      });
    });

    it('Open SSH in Terminal refuses an IPv4 from the API that is not an address, and a user name ssh would read as an option: nothing is started', async () => {
      // The address as the simulator keeps it: on the server's Primary IP (today's API).
      const v4 = wire('web-2').public_net.ipv4;
      const w = (v4.id ? sim.state.primaryIps.get(v4.id) : undefined) ?? v4;
      const ip = w.ip;
      const terminals = vscode.window.terminals.length;
      await withSshStandIn(undefined, async () => {
        w.ip = `${ip}; touch /tmp/hcloud-ssh-injected`;
        try {
          const node = await serverNode('web-2');
          script();
          assert.equal(await run('hcloud.server.openSsh', node), undefined);
          assert.match(errors()[0] ?? '', /^Open SSH in Terminal for "web-2": the address ".*; touch \/tmp\/hcloud-ssh-injected" is not an IP address\. Nothing was started\.$/);
        } finally {
          w.ip = ip;
        }
      });
      await withSshStandIn('-oProxyCommand=touch', async () => {
        script();
        assert.equal(await run('hcloud.server.openSsh', await serverNode('web-2')), undefined);
        assert.match(errors()[0] ?? '', /the SSH user "-oProxyCommand=.*" is not a user name.*Nothing was started\.$/);
      });
      assert.equal(vscode.window.terminals.length, terminals, 'no terminal was opened');
    });
  });

  describe('errors', () => {
    it('server_not_stopped: Change Type on a server the tree still showed as off shows the API\'s message', async () => {
      script({ quickPick: 'cx51' }, { quickPick: 'Keep the disk' });
      await run('hcloud.server.changeType', await serverNode('web-2', { status: 'off' }));
      assert.deepEqual(changes().map((r) => [r.path, r.status]), [[`/servers/${wire('web-2').id}/actions/change_type`, 422]]);
      const [error] = errors();
      assert.match(error, /^Change type of "web-2" to cx51 failed: .*must be off to change its type/);
      assert.match(error, /server_not_stopped/);
    });

    it('protected: Delete of a server protected meanwhile shows that it is protected', async () => {
      const s = await createServer('guarded-1');
      sim.state.servers.get(s.id)!.protection = { delete: true, rebuild: true };
      sim.clearRequests();
      script({ inputBox: 'guarded-1' });
      await run('hcloud.server.delete', nodeOf<Server>('server', s));
      assert.deepEqual(changes().map((r) => [r.method, r.status]), [['DELETE', 403]]);
      const [error] = errors();
      assert.match(error, /Delete "guarded-1" failed: the resource is protected/);
      assert.match(error, /is protected/);
      assert.equal(sim.state.servers.has(s.id), true);
    });

    it('invalid_input: the error shows the API\'s message with the field details', async () => {
      script({ quickPick: 'Backup' }, { inputBox: '' });
      await run('hcloud.server.createImage', await serverNode('web-2', { backupWindow: '22-02' }));
      assert.deepEqual(changes().map((r) => r.status), [400]);
      const [error] = errors();
      assert.match(error, /Create backup of "web-2" failed: .*type: backups are not enabled for this server/);
      assert.match(error, /invalid_input/);
    });

    it('rate_limit_exceeded: the command says the budget is used up and when requests are possible again', async () => {
      const node = await serverNode('web-2');
      sim.clearRequests();
      sim.setRateLimitRemaining(0);
      try {
        script();
        await run('hcloud.server.reboot', node);
        assert.deepEqual(changes().map((r) => [r.path, r.status]), [[`/servers/${wire('web-2').id}/actions/reboot`, 429]]);
        const [error] = errors();
        assert.match(error, /^Reboot "web-2" failed: the project's API rate limit is used up: .*Requests are possible again in about [\d.]+ m?s \(at \d\d:\d\d:\d\d\)\./);
        assert.equal(error.match(/possible again/g)?.length, 1, 'one time, not two');
        assert.match(error, /rate limit/i);
        assert.equal(wire('web-2').status, 'running', 'nothing happened');
      } finally {
        sim.setRateLimitRemaining(3600);
      }
    });

    it('a failed action shows the action\'s error message and code', async () => {
      sim.setFaults({ failActions: [{ command: 'reboot_server', code: 'action_failed', message: 'The hypervisor did not answer' }] });
      script();
      await run('hcloud.server.reboot', await serverNode('web-2'));
      const [error] = errors();
      assert.match(error, /Reboot "web-2" failed: .*The hypervisor did not answer/);
      assert.match(error, /action_failed/);
    });

    it('locked: while another action runs on the server, the command says so', async () => {
      const slow = await startSimulator({ token: TOKEN, actionMs: 10_000 });
      const other = await api.projects.add('server-commands-locked', slow.url, TOKEN);
      try {
        const slowClient = new HcloudClient({ token: TOKEN, endpoint: slow.url });
        const [s] = await slowClient.servers.listAll({ name: 'web-1' });
        await slowClient.servers.reboot(s.id); // runs for 10 s: the server is locked
        slowClient.dispose();
        slow.clearRequests();
        script();
        await run('hcloud.server.shutdown', nodeOf<Server>('server', s, other));
        assert.deepEqual(slow.requests.filter((r) => r.method !== 'GET').map((r) => [r.path, r.status]), [[`/servers/${s.id}/actions/shutdown`, 423]]);
        const [error] = errors();
        assert.match(error, /Shut down "web-1" failed: another action is still running/);
        assert.match(error, /is locked/);
      } finally {
        await api.projects.remove(other.id);
        await slow.close();
      }
    });
  });

  describe('a lost answer to an action (issue 10, finding 3)', () => {
    it("Power Off whose answer was dropped: the action is found among the server's actions and followed; one POST, no failure", async () => {
      const s = await createServer('lost-power-1');
      try {
        sim.clearRequests();
        sim.setFaults({ failNext: 1, kind: 'drop', match: { method: 'POST', path: /\/actions\/poweroff$/ } });
        script({ confirm: true });
        await run('hcloud.server.powerOff', nodeOf<Server>('server', s));
        assert.deepEqual(changes().map((r) => [r.path, r.status]), [[`/servers/${s.id}/actions/poweroff`, 0]], 'one POST, its answer dropped');
        assert.deepEqual(errors(), []);
        assert.ok(
          infos().some((m) => /^Power off "lost-power-1": done\. \(The API's answer to the request was lost on the way; the action was found among the resource's actions and followed, nothing was sent twice\.\)$/.test(m)),
          `infos: ${infos().join(' | ')}`,
        );
        assert.equal((await client.servers.get(s.id))?.status, 'off');
      } finally {
        await client.servers.delete(s.id).catch(() => undefined); // a failed assertion above must not be hidden
      }
    });
  });

  describe('a server the API sends in a shape the extension cannot read (issue 10, finding 8)', () => {
    const treeLabel = (n: { getTreeItem(): vscode.TreeItem }) => {
      const l = n.getTreeItem().label;
      return typeof l === 'string' ? l : l?.label ?? '';
    };
    const treeTooltip = (n: { getTreeItem(): vscode.TreeItem }) => {
      const t = n.getTreeItem().tooltip;
      return typeof t === 'string' ? t : t?.value ?? '';
    };

    it('the tree shows the other servers and says one could not be read; the palette pick works; the log names it once', async () => {
      const broken = await createServer('broken-type-1');
      const nameless = await createServer('nameless-1');
      const state = sim.state.servers;
      const brokenWire = state.get(broken.id)!;
      const keptType = brokenWire.server_type;
      (brokenWire as unknown as { server_type: unknown }).server_type = null;
      (state.get(nameless.id)! as unknown as { name: unknown }).name = null;
      try {
        const root = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`)!;
        await run('hcloud.project.refresh', root);
        const folder = (await api.tree.getChildren(root)).find((n) => n.id === `project/${project.id}/servers`)!;
        const nodes = await api.tree.getChildren(folder);
        const ids = nodes.map((n) => n.id.split('/').pop());
        assert.ok(!ids.includes(String(broken.id)), 'the unreadable server is left out');
        assert.ok(ids.includes(String(wire('web-1').id)), 'the other servers are shown');
        const nameNode = nodes.find((n) => n.id.endsWith(`/server/${nameless.id}`));
        assert.ok(nameNode, 'the server with name null is shown');
        assert.doesNotThrow(() => treeTooltip(nameNode), 'its tooltip renders');
        const unread = nodes[nodes.length - 1];
        assert.equal(treeLabel(unread), '1 of the servers could not be read');
        assert.match(String(unread.getTreeItem().contextValue), /;unreadItems;/);

        // Reboot offers the running servers: pick one that other tests left running.
        const running = [...state.values()].find((x) => x.status === 'running' && x.name && x.id !== broken.id && x.id !== nameless.id);
        assert.ok(running);
        script(...projectAnswer(), { quickPick: running.name });
        await run('hcloud.server.reboot');
        assert.deepEqual(errors(), [], 'no raw TypeError reaches the user');
        await run('hcloud.project.refresh', root);
        await api.tree.getChildren(folder);
        const line = `Left out item ${broken.id} of /servers: server_type is null.`;
        await noSecretInLog(line);
        const log = readFileSync(logFile()!, 'utf8');
        assert.equal(log.split(line).length - 1, 1, 'logged once, though the list was read three times');
        assert.ok(!log.includes(TOKEN), 'the log has no token');
      } finally {
        brokenWire.server_type = keptType;
        await client.servers.delete(broken.id);
        await client.servers.delete(nameless.id);
      }
    });
  });
});
