// Create Server inside VS Code: the multi-step input (scripted, with Back) against simulators
// this suite starts (today's API, and the 2018 contract); asserts what the user was offered and
// the requests the simulator received.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { HcloudClient } from '../../src/api/client';
import type { Project } from '../../src/projects/projectStore';
import { startSimulator } from '../../src/sim/simulator';
import type { RecordedRequest, Simulator } from '../../src/sim/types';
import type { TreeNode } from '../../src/tree/node';
import { testingApi } from './support/extensionApi';
import { startRecordingProxy } from './support/recordingProxy';
import { ScriptedInput, type Answer } from './support/scriptedInput';

type Api = Awaited<ReturnType<typeof testingApi>>;

const TOKEN = 'create-server-token-81e3';

describe("Create Server (today's API)", function () {
  this.timeout(30_000);
  let sim: Simulator;
  let api: Api;
  let input: ScriptedInput;
  let project: Project;
  let dir: string;
  let client: HcloudClient;

  const posts = (): RecordedRequest[] => sim.requests.filter((r) => r.method === 'POST' && r.path === '/servers');
  const projectNode = async (): Promise<TreeNode> => {
    const node = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`);
    assert.ok(node, 'the project is in the tree');
    return node;
  };
  /** Runs Create Server from the project's node with these answers. */
  const run = async (...answers: Answer[]) => {
    input = new ScriptedInput(answers);
    api.setUserInput(input);
    await vscode.commands.executeCommand('hcloud.server.create', await projectNode());
    assert.equal(input.remaining, 0, 'every scripted prompt was asked');
  };
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  /** Steps 1–7 (name … start after create) for a server without SSH keys or user data. */
  const upToLabels = (name: string, start = 'Start after create', type = 'cx11'): Answer[] => [
    { stepInputBox: name },
    { stepQuickPick: 'fsn1' },
    { stepQuickPick: type },
    { stepQuickPick: 'ubuntu-24.04' },
    { stepQuickPickMany: [] },
    { stepQuickPick: 'No user data' },
    { stepQuickPick: start },
  ];
  const prompt = (title: string) => {
    const p = input.prompts.filter((x) => x.title === title);
    assert.ok(p.length, `a prompt titled "${title}" was shown; titles: ${input.prompts.map((x) => x.title).join(', ')}`);
    return p;
  };

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 100 });
    client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
    api = await testingApi();
    project = await api.projects.add('create-server', sim.url, TOKEN);
    dir = mkdtempSync(join(tmpdir(), 'hcloud-create-'));
  });

  beforeEach(() => sim.clearRequests());

  afterEach(() => api.setUserInput(undefined));

  after(async () => {
    await api.projects.remove(project.id);
    rmSync(dir, { recursive: true, force: true });
    client?.dispose();
    await sim?.close();
  });

  it('walks all steps and sends the answers: name, location, type, image, keys, user data, start, labels', async () => {
    const userData = '#cloud-config\npackages:\n  - nginx\n';
    await run(
      { stepInputBox: 'web-new' },
      { stepQuickPick: 'nbg1' },
      { stepQuickPick: 'cx21' },
      { stepQuickPick: 'ubuntu-24.04' },
      { stepQuickPickMany: ['alice@laptop', 'ci-deploy'] },
      { stepQuickPick: 'Choose a cloud-init file…' },
      { pickFile: file('web.yaml', userData) },
      { stepQuickPick: 'Leave it off' },
      { stepInputBox: 'env=prod, tier=web' },
      { stepQuickPick: 'Continue to the summary' },
      { stepQuickPick: 'Create' },
    );

    const [post, ...more] = posts();
    assert.equal(more.length, 0, 'one server is created');
    const keys = [...sim.state.sshKeys.values()];
    const keyId = (name: string) => keys.find((k) => k.name === name)?.id;
    const image = [...sim.state.images.values()].find((i) => i.name === 'ubuntu-24.04' && i.architecture === 'x86');
    assert.deepEqual(post.body, {
      name: 'web-new',
      server_type: 'cx21',
      image: String(image?.id),
      location: 'nbg1',
      start_after_create: false,
      ssh_keys: [keyId('alice@laptop'), keyId('ci-deploy')],
      user_data: userData,
      labels: { env: 'prod', tier: 'web' },
    });

    // the prompts: one title with step numbers, Back from step 2 on, focus-out keeps them open
    assert.deepEqual(
      input.prompts.filter((p) => p.kind !== 'pickFile').map((p) => [p.title, p.back, p.ignoreFocusOut]),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [`Create Server (${n}/10)`, n > 1, true]),
    );
    const cx21Price = sim.state.serverTypes.find((t) => t.name === 'cx21')?.prices.find((p) => p.location === 'nbg1');
    assert.ok(cx21Price);
    const gross = (x: { gross: string }, digits: number) => `€${Number(x.gross).toFixed(digits)}`;
    const types = prompt('Create Server (3/10)')[0];
    const cx21 = types.descriptions?.[types.items?.indexOf('cx21') ?? -1];
    assert.equal(cx21, `2 vCPU · 4 GB RAM · 40 GB disk · x86 · ${gross(cx21Price.price_monthly, 2)}/mo`, 'cores, memory, disk, architecture and the gross monthly price in nbg1');
    assert.match(types.placeHolder ?? '', /nbg1/);
    const labels = prompt('Create Server (8/10)')[0];
    assert.equal(labels.kind, 'stepInputBox');
    assert.match(labels.prompt ?? '', /Labels \(optional\)/);
    const summary = prompt('Create Server (10/10)')[0];
    assert.deepEqual(summary.items?.slice(0, 2), ['Create', 'Back']);
    assert.deepEqual(summary.separators, ['Summary']);
    const monthly = `${gross(cx21Price.price_monthly, 2)}/mo`;
    // Today each public address is a Primary IP, priced apart from the server: the summary adds them.
    const pricing = await client.pricing.get();
    const ipPrice = (type: string) => pricing.primaryIps?.find((p) => p.type === type)?.prices.find((p) => p.location === 'nbg1')?.monthly?.gross ?? NaN;
    const ips = ipPrice('ipv4') + ipPrice('ipv6');
    const total = `€${(Number(cx21Price.price_monthly.gross) + ips).toFixed(2)}/mo`;
    assert.deepEqual(summary.items?.slice(2), [
      'Name: web-new',
      'Location: nbg1 (Nuremberg, DE)',
      'Type: cx21 (2 vCPU · 4 GB RAM · 40 GB disk · x86)',
      'Image: ubuntu-24.04',
      'SSH keys: alice@laptop, ci-deploy',
      'User data: web.yaml (34 B)',
      'Start after create: no',
      'Labels: env=prod, tier=web',
      'Volumes: none',
      'Networks: none',
      'Placement group: none',
      `Public network: a new IPv4 and IPv6 (€${ips.toFixed(2)}/mo)`,
      `Price: ${monthly} (€${Number(cx21Price.price_monthly.net).toFixed(2)}/mo net, ${gross(cx21Price.price_hourly, 4)}/h), VAT included; backups not included`,
      `Total with the new volumes and Primary IPs: ${total}, VAT included`,
    ]);
    assert.equal(summary.placeHolder, `Create "web-new" in nbg1 for ${total}?`);

    // the server exists with its labels and the user is told its name and IPv4; no password since keys were given
    const server = [...sim.state.servers.values()].find((s) => s.name === 'web-new');
    assert.ok(server, 'the simulator has the server');
    assert.equal(server.status, 'off', 'not started after create');
    assert.deepEqual(server.labels, { env: 'prod', tier: 'web' });
    const info = input.messages.find((m) => m.level === 'info' && m.text.includes('web-new'));
    assert.ok(info, `a success message names the server; messages: ${JSON.stringify(input.messages)}`);
    assert.ok(info.text.includes(server.public_net.ipv4?.ip ?? '(none)'), 'the success message shows the IPv4');
    assert.deepEqual(input.secrets, []);
  });

  it('Back returns to an earlier step with its answer kept; the request carries the new answer', async () => {
    await run(
      { stepInputBox: 'back-and-forth' },
      { stepQuickPick: 'fsn1' },
      { back: true }, // type → location
      { back: true }, // location → name
      { stepInputBox: 'back-and-forth-2' },
      { stepQuickPick: 'hel1' },
      { stepQuickPick: 'cx21' },
      { stepQuickPick: 'debian-12' },
      { stepQuickPickMany: ['bob@workstation'] },
      { stepQuickPick: 'No user data' },
      { stepQuickPick: 'Start after create' },
      { stepInputBox: 'team=a' },
      { stepQuickPick: 'Continue to the summary' },
      { stepQuickPick: 'Back' }, // summary → options
      { back: true }, // options → labels
      { stepInputBox: 'team=b, canary' },
      { stepQuickPick: 'Continue to the summary' },
      { stepQuickPick: 'Create' },
    );
    const names = input.prompts.filter((p) => p.title === 'Create Server (1/10)');
    assert.deepEqual(names.map((p) => p.value), [undefined, 'back-and-forth'], 'the name box opens with the earlier answer');
    const locations = prompt('Create Server (2/10)');
    assert.deepEqual(locations.map((p) => p.active), [[], ['fsn1'], ['fsn1']], 'the location step focuses the earlier answer');
    assert.deepEqual(prompt('Create Server (8/10)').map((p) => p.value), [undefined, 'team=a'], 'the labels box opens with the earlier answer');
    const [post] = posts();
    assert.ok(post, 'the server was created');
    const body = post.body as Record<string, unknown>;
    assert.equal(body.name, 'back-and-forth-2');
    assert.equal(body.location, 'hel1');
    assert.equal(body.server_type, 'cx21');
    assert.equal(body.start_after_create, true);
    assert.equal(body.user_data, undefined);
    assert.deepEqual(body.labels, { team: 'b', canary: '' });
  });

  it('refuses labels the API would refuse, in the box, before anything is sent; no labels sends no labels key', async () => {
    await run(
      ...upToLabels('labelled'),
      { stepInputBox: 'hetzner.cloud/owner=me' },
    );
    assert.match(prompt('Create Server (8/10)')[0].validation ?? '', /reserved/);
    await run(
      ...upToLabels('labelled'),
      { stepInputBox: 'env=a, env=b' },
    );
    assert.match(prompt('Create Server (8/10)')[0].validation ?? '', /given twice/);
    assert.deepEqual(posts(), []);
    await run(
      ...upToLabels('unlabelled', 'Leave it off'),
      { stepInputBox: '' },
      { stepQuickPick: 'Continue to the summary' },
      { stepQuickPick: 'Create' },
    );
    assert.ok(prompt('Create Server (10/10)')[0].items?.includes('Labels: none'));
    const [post] = posts();
    assert.ok(post);
    assert.ok(!('labels' in (post.body as Record<string, unknown>)), 'no labels key');
  });

  it('offers per location only the types available there; a type deprecated there shows its date; none past it', async () => {
    const types = await client.serverTypes.listAll();
    const day = (d: Date | undefined) => d?.toISOString().slice(0, 10);
    const at = (name: string, location: string) => types.find((t) => t.name === name)?.locations?.find((l) => l.name === location);
    // what the simulator's catalog says (so the test fails if it stops saying it)
    assert.equal(at('cx31', 'nbg1')?.available, false, 'cx31 is listed in nbg1 but no longer available');
    assert.equal(at('cax11', 'hel1'), undefined, 'hel1 has no arm types');
    const cx11InHel1 = at('cx11', 'hel1')?.deprecation;
    assert.ok(cx11InHel1 && cx11InHel1.unavailableAfter.getTime() > Date.now(), 'cx11 is deprecated in hel1, still available');
    const ceph = types.find((t) => t.name === 'cx11-ceph')?.deprecation;
    assert.ok(ceph, 'the Ceph types are deprecated as types');

    await run({ stepInputBox: 'typed' }, { stepQuickPick: 'hel1' }, { back: true }, { stepQuickPick: 'nbg1' }, { back: true }, { stepQuickPick: 'fsn1' }, { stepQuickPick: undefined });
    const [hel1, nbg1, fsn1] = prompt('Create Server (3/10)');
    const offered = (p: typeof hel1, name: string) => p.items?.includes(name);
    const detail = (p: typeof hel1, name: string) => p.descriptions?.[p.items?.indexOf(name) ?? -1] ?? '';
    for (const name of ['cx11-ceph', 'cx21-ceph', 'cax11', 'cax21', 'cax31']) assert.ok(!offered(hel1, name), `hel1 does not offer ${name}`);
    assert.ok(offered(hel1, 'cx21'));
    assert.match(detail(hel1, 'cx11'), new RegExp(`deprecated, unavailable after ${day(cx11InHel1.unavailableAfter)}`), 'cx11 in hel1 shows its date');
    assert.doesNotMatch(detail(fsn1, 'cx11'), /deprecated/, 'cx11 is not deprecated in fsn1');
    assert.ok(!offered(nbg1, 'cx31'), 'cx31 is not available in nbg1');
    assert.ok(!offered(nbg1, 'ccx12'), 'ccx12 is not available in nbg1');
    assert.ok(offered(fsn1, 'cx31') && offered(fsn1, 'ccx12') && offered(fsn1, 'cax11'));
    assert.match(detail(nbg1, 'cx11-ceph'), new RegExp(`deprecated, unavailable after ${day(ceph.unavailableAfter)}`));
    assert.deepEqual(posts(), []);
  });

  it('pairs an arm type with arm images only, and an x86 type with x86 images only', async () => {
    const images = [...sim.state.images.values()].filter((i) => i.type === 'system' && i.status === 'available');
    const armIds = new Set(images.filter((i) => i.architecture === 'arm').map((i) => i.id));
    assert.ok(armIds.size > 0, 'the simulator has arm images');
    await run({ stepInputBox: 'armed' }, { stepQuickPick: 'fsn1' }, { stepQuickPick: 'cax11' }, { stepQuickPick: 'ubuntu-24.04' }, { stepQuickPickMany: [] }, { stepQuickPick: undefined });
    const armStep = prompt('Create Server (4/10)')[0];
    assert.match(armStep.placeHolder ?? '', /arm/);
    const armNames = [...new Set(images.filter((i) => armIds.has(i.id)).map((i) => i.name))].sort();
    assert.deepEqual([...(armStep.items ?? [])].sort(), armNames, 'only the arm builds (the x86 snapshots and backups are left out)');

    await run(
      ...upToLabels('armed', 'Start after create', 'cax11'),
      { stepInputBox: '' },
      { stepQuickPick: 'Continue to the summary' },
      { stepQuickPick: 'Create' },
    );
    const [post] = posts();
    assert.ok(post);
    const sent = Number((post.body as Record<string, unknown>).image);
    assert.ok(armIds.has(sent), `the arm build of ubuntu-24.04 was sent (image ${sent})`);

    await run({ stepInputBox: 'x86' }, { stepQuickPick: 'fsn1' }, { stepQuickPick: 'cx21' }, { stepQuickPick: undefined });
    const x86Step = prompt('Create Server (4/10)')[0];
    assert.match(x86Step.placeHolder ?? '', /x86/);
    const x86Names = new Set(images.filter((i) => i.architecture !== 'arm').map((i) => i.name));
    assert.ok(x86Step.items?.includes('centos-7') === false && x86Step.items.includes('ubuntu-16.04'), 'an x86-only image is offered');
    assert.ok(x86Names.has('ubuntu-16.04') && !images.some((i) => i.name === 'ubuntu-16.04' && i.architecture === 'arm'));
  });

  it("offers system images grouped by OS, the project's snapshots and backups, without deprecated ones or ones too big for the disk", async () => {
    await run({ stepInputBox: 'imaged' }, { stepQuickPick: 'fsn1' }, { stepQuickPick: 'cx11' }, { stepQuickPick: undefined });
    const images = prompt('Create Server (4/10)')[0];
    assert.ok(images.items?.includes('ubuntu-24.04'));
    assert.ok(!images.items?.includes('centos-7'), 'deprecated images are hidden');
    assert.deepEqual(images.separators?.slice(0, 3), ['Debian', 'Fedora', 'Ubuntu']);
    const own = (type: string) => [...sim.state.images.values()].filter((i) => i.type === type && i.status === 'available');
    const snapshots = own('snapshot');
    const backups = own('backup');
    assert.ok(snapshots.length > 0 && backups.length > 0, 'the demo project has snapshots and backups');
    for (const s of [...snapshots, ...backups]) assert.equal(images.items?.includes(s.description), s.disk_size <= 20, `${s.type} "${s.description}" (${s.disk_size} GB) offered only when it fits 20 GB`);

    await run({ stepInputBox: 'imaged' }, { stepQuickPick: 'fsn1' }, { stepQuickPick: 'cx41' }, { stepQuickPick: undefined });
    const big = prompt('Create Server (4/10)')[0];
    assert.deepEqual(big.separators?.slice(-2), ['Snapshots', 'Backups']);
    for (const s of [...snapshots, ...backups]) assert.ok(big.items?.includes(s.description), `${s.type} "${s.description}" is offered for a 160 GB disk`);
    assert.deepEqual(posts(), []);
  });

  it('refuses an invalid and a taken name in the input box before anything is sent', async () => {
    await run({ stepInputBox: 'bad_name' });
    assert.match(input.prompts[0].validation ?? '', /letters, digits and dashes/);
    await run({ stepInputBox: 'web-1' });
    assert.match(input.prompts[0].validation ?? '', /already has a server named/);
    await run({ stepInputBox: '-leading-dash' });
    assert.match(input.prompts[0].validation ?? '', /no dash at the start or end/);
    assert.deepEqual(posts(), []);
  });

  it('refuses user data over 32 KiB, asks again, and creates without it when skipped', async () => {
    const big = file('big.yaml', '#cloud-config\n' + 'x'.repeat(32 * 1024));
    await run(
      { stepInputBox: 'no-big-data' },
      { stepQuickPick: 'fsn1' },
      { stepQuickPick: 'cx11' },
      { stepQuickPick: 'ubuntu-22.04' },
      { stepQuickPickMany: ['alice@laptop'] },
      { stepQuickPick: 'Choose a cloud-init file…' },
      { pickFile: big },
      { stepQuickPick: 'No user data' },
      { stepQuickPick: 'Start after create' },
      { stepInputBox: '' },
      { stepQuickPick: 'Continue to the summary' },
      { stepQuickPick: 'Create' },
    );
    const error = input.messages.find((m) => m.level === 'error');
    assert.ok(error, 'the oversized file is refused with a message');
    assert.match(error.text, /big\.yaml/);
    assert.match(error.text, /at most 32 KiB \(32768 bytes\)/);
    assert.equal(prompt('Create Server (6/10)').length, 2, 'the user-data step is asked again');
    const [post] = posts();
    assert.ok(post);
    assert.equal((post.body as Record<string, unknown>).user_data, undefined);
  });

  it('without SSH keys shows the root password the API sent, once, through secret()', async () => {
    const recorder = await startRecordingProxy(sim.url);
    const viaProxy = await api.projects.add('create-server-proxy', recorder.url, TOKEN);
    try {
      input = new ScriptedInput([
        ...upToLabels('no-keys'),
        { stepInputBox: '' },
        { stepQuickPick: 'Continue to the summary' },
        { stepQuickPick: 'Create' },
      ]);
      api.setUserInput(input);
      const node = (await api.tree.getChildren()).find((n) => n.id === `project/${viaProxy.id}`);
      await vscode.commands.executeCommand('hcloud.server.create', node);
      assert.equal(input.remaining, 0);
      assert.match(prompt('Create Server (5/10)')[0].placeHolder ?? '', /root password will be generated/);
      const summary = prompt('Create Server (10/10)')[0];
      assert.ok(summary.items?.includes('SSH keys: none (a root password will be generated and shown once)'));

      const [post] = posts();
      assert.deepEqual((post.body as Record<string, unknown>).ssh_keys, []);
      const answer = recorder.last('POST', '/servers')?.body as { root_password: string | null } | undefined;
      assert.ok(answer?.root_password, 'the API sent a root password');
      assert.deepEqual(input.secrets, [{ message: 'Root password of "no-keys" (shown only once)', value: answer.root_password }]);
      for (const m of input.messages) assert.ok(!m.text.includes(answer.root_password), 'the password is in no message');
    } finally {
      await api.projects.remove(viaProxy.id);
      await recorder.close();
    }
  });

  it('from the palette asks for the project first; from a node under a project (e.g. its Servers folder) it does not', async () => {
    const other = await api.projects.add('create-server-other', sim.url, TOKEN);
    try {
      input = new ScriptedInput([{ quickPick: 'create-server' }, { stepInputBox: undefined }]);
      api.setUserInput(input);
      await vscode.commands.executeCommand('hcloud.server.create');
      assert.equal(input.remaining, 0);
      assert.equal(input.prompts[0].kind, 'quickPick');
      assert.deepEqual([...(input.prompts[0].items ?? [])].sort(), ['create-server', 'create-server-other']);
      assert.equal(input.prompts[1].title, 'Create Server (1/10)');
      assert.match(input.prompts[1].prompt ?? '', /in "create-server"/);

      const parent = (await api.tree.getChildren()).find((n) => n.id === `project/${other.id}`);
      assert.ok(parent, 'the other project is in the tree');
      const folder = (await api.tree.getChildren(parent)).find((n) => n.id === `project/${other.id}/servers`);
      input = new ScriptedInput([{ stepInputBox: undefined }]);
      api.setUserInput(input);
      await vscode.commands.executeCommand('hcloud.server.create', folder);
      assert.equal(input.remaining, 0);
      assert.match(input.prompts[0].prompt ?? '', /in "create-server-other"/);
      assert.deepEqual(posts(), []);
    } finally {
      await api.projects.remove(other.id);
    }
  });

  it('shows the root password even when the create_server action fails, and reports the failure', async () => {
    sim.setFaults({ failActions: [{ command: 'create_server', code: 'server_error', message: 'host exploded' }] });
    try {
      await run(
        ...upToLabels('doomed'),
        { stepInputBox: '' },
        { stepQuickPick: 'Continue to the summary' },
        { stepQuickPick: 'Create' },
      );
    } finally {
      sim.setFaults({});
    }
    const error = input.messages.find((m) => m.level === 'error');
    assert.ok(error, 'the failure is reported');
    assert.match(error.text, /doomed/);
    assert.match(error.text, /host exploded/);
    assert.equal(input.secrets.length, 1, 'the password is shown once');
    assert.match(input.secrets[0].value, /^.{20}$/);
  });

  it('a lost answer (dropped after the server was made): says the server exists, sends one POST, offers Reset Root Password and shows the new one', async () => {
    sim.setFaults({ failNext: 1, kind: 'drop', match: { method: 'POST', path: /^\/servers$/ } });
    try {
      await run(...upToLabels('lost-answer'), { stepInputBox: '' }, { stepQuickPick: 'Continue to the summary' }, { stepQuickPick: 'Create' }, { confirm: true });
    } finally {
      sim.setFaults({});
    }
    assert.equal(posts().length, 1, 'the simulator received exactly one POST /servers');
    assert.equal(posts()[0].status, 0, 'its answer was dropped');
    const made = [...sim.state.servers.values()].filter((s) => s.name === 'lost-answer');
    assert.equal(made.length, 1);
    assert.deepEqual(input.messages.filter((m) => m.level === 'error'), [], 'no plain failure');
    const info = input.messages.find((m) => m.level === 'info' && m.text.startsWith('Server "lost-answer" created'));
    assert.ok(info, `the user is told the server exists; messages: ${input.messages.map((m) => m.text).join(' | ')}`);
    assert.match(info.text, /answer to the request was lost on the way; the server was found by its name, and nothing was sent twice/);
    const offer = input.prompts.find((p) => p.kind === 'confirm');
    assert.ok(offer, 'Reset Root Password is offered');
    assert.match(offer.message ?? '', /Reset the root password of "lost-answer"\?/);
    assert.match(offer.detail ?? '', /without SSH keys, so its root password came only in the API's answer, and that answer was lost/);
    assert.equal(offer.confirmLabel, 'Reset Root Password');
    const resets = sim.requests.filter((r) => r.method === 'POST' && r.path === `/servers/${made[0].id}/actions/reset_password`);
    assert.equal(resets.length, 1, 'the reset was sent once');
    assert.equal(input.secrets.length, 1, 'the new password is shown once');
    assert.equal(input.secrets[0].message, 'New root password of "lost-answer" (shown only now)');
  });

  it('cancelling at the summary sends nothing', async () => {
    await run(
      ...upToLabels('cancelled'),
      { stepInputBox: 'env=test' },
      { stepQuickPick: 'Continue to the summary' },
      { stepQuickPick: undefined },
    );
    assert.deepEqual(posts(), []);
    assert.ok(![...sim.state.servers.values()].some((s) => s.name === 'cancelled'));
    assert.deepEqual(input.messages, []);
  });

  it('loads the lists once per run, whatever Back does, and never asks /datacenters', async () => {
    await run(
      { stepInputBox: 'once' },
      { stepQuickPick: 'fsn1' },
      { back: true }, // type → location
      { back: true }, // location → name
      { stepInputBox: 'once' },
      { stepQuickPick: 'nbg1' },
      { back: true }, // type → location
      { stepQuickPick: undefined },
    );
    const gets = sim.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    for (const path of ['/servers', '/locations', '/server_types', '/images', '/ssh_keys']) {
      assert.equal(gets.filter((p) => p === path).length, 1, `${path} is read once (reads: ${gets.join(', ')})`);
    }
    assert.ok(gets.length > 0, 'the simulator logged the reads');
  });

  it('sends no request to /datacenters from start to created server (the simulator answers it with 410)', async () => {
    const gone = await fetch(`${sim.url}/datacenters`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(gone.status, 410, 'this simulator speaks today\'s API');
    sim.clearRequests();
    await run(
      { stepInputBox: 'no-datacenters' },
      { stepQuickPick: 'hel1' },
      { stepQuickPick: 'cx21' },
      { stepQuickPick: 'debian-12' },
      { stepQuickPickMany: [] },
      { stepQuickPick: 'No user data' },
      { stepQuickPick: 'Start after create' },
      { stepInputBox: '' },
      { stepQuickPick: 'Continue to the summary' },
      { stepQuickPick: 'Create' },
    );
    assert.equal(posts().length, 1, 'the server was created');
    assert.ok(input.messages.some((m) => m.level === 'info' && m.text.includes('no-datacenters')), JSON.stringify(input.messages));
    const paths = sim.requests.map((r) => `${r.method} ${r.path}`);
    assert.ok(paths.length >= 6, `the request log has the run: ${paths.join(', ')}`);
    assert.deepEqual(paths.filter((p) => p.includes('/datacenters')), [], 'no request to /datacenters');
    assert.deepEqual((posts()[0].body as Record<string, unknown>).datacenter, undefined);
  });
});

describe('Create Server against the 2018 contract', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let api: Api;
  let input: ScriptedInput;
  let project: Project;

  const posts = (): RecordedRequest[] => sim.requests.filter((r) => r.method === 'POST' && r.path === '/servers');
  const run = async (...answers: Answer[]) => {
    input = new ScriptedInput(answers);
    api.setUserInput(input);
    const node = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`);
    assert.ok(node, 'the project is in the tree');
    await vscode.commands.executeCommand('hcloud.server.create', node);
    assert.equal(input.remaining, 0, 'every scripted prompt was asked');
  };
  const prompt = (title: string) => {
    const p = input.prompts.filter((x) => x.title === title);
    assert.ok(p.length, `a prompt titled "${title}" was shown; titles: ${input.prompts.map((x) => x.title).join(', ')}`);
    return p;
  };

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 100, api: '2018' });
    api = await testingApi();
    project = await api.projects.add('create-server-2018', sim.url, TOKEN);
  });

  beforeEach(() => sim.clearRequests());

  afterEach(() => api.setUserInput(undefined));

  after(async () => {
    await api.projects.remove(project.id);
    await sim?.close();
  });

  it('eight steps (no labels step), availability from the datacenters (read once), no labels sent', async () => {
    await run(
      { stepInputBox: 'old-school' },
      { stepQuickPick: 'nbg1' },
      { stepQuickPick: 'cx21' },
      { stepQuickPick: 'ubuntu-24.04' },
      { stepQuickPickMany: ['alice@laptop'] },
      { stepQuickPick: 'No user data' },
      { stepQuickPick: 'Start after create' },
      { stepQuickPick: 'Create' },
    );
    assert.deepEqual(
      input.prompts.map((p) => p.title),
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Create Server (${n}/8)`),
    );
    const gets = sim.requests.filter((r) => r.method === 'GET').map((r) => r.path);
    assert.equal(gets.filter((p) => p === '/datacenters').length, 1, `the datacenters are read once (reads: ${gets.join(', ')})`);
    const types = prompt('Create Server (3/8)')[0];
    assert.match(types.descriptions?.[types.items?.indexOf('cx21') ?? -1] ?? '', /^2 vCPU · 4 GB RAM · 40 GB disk · €\d+\.\d\d\/mo$/, 'no architecture in the 2018 contract');
    assert.ok(!types.items?.some((n) => n.startsWith('cax')), 'no arm types');
    const summary = prompt('Create Server (8/8)')[0];
    assert.ok(!summary.items?.some((l) => l.startsWith('Labels')), 'no labels line');
    assert.match(summary.items?.at(-1) ?? '', /^Price: €\d+\.\d\d\/mo \(€\d+\.\d\d\/mo net, €\d\.\d{4}\/h\), VAT included/);
    const [post] = posts();
    assert.ok(post, 'the server was created');
    const body = post.body as Record<string, unknown>;
    assert.equal(body.location, 'nbg1');
    assert.ok(!('labels' in body), 'no labels key in a 2018 create');
  });

  it('offers only the types of the location, marks those without capacity and refuses them', async () => {
    await run(
      { stepInputBox: 'typed' },
      { stepQuickPick: 'hel1' },
      { back: true },
      { stepQuickPick: 'nbg1' },
      { stepQuickPick: 'ccx12' }, // supported in nbg1-dc3, but no capacity
      { stepQuickPick: undefined },
    );
    const [hel1, nbg1] = prompt('Create Server (3/8)');
    assert.ok(!hel1.items?.includes('cx11-ceph') && !hel1.items?.includes('cx21-ceph'), 'hel1 has no Ceph types');
    assert.ok(hel1.items?.includes('cx11'));
    assert.ok(nbg1.items?.includes('cx11-ceph'));
    assert.match(nbg1.descriptions?.[nbg1.items?.indexOf('ccx12') ?? -1] ?? '', /not available in nbg1/);
    assert.ok(input.messages.some((m) => m.level === 'warn' && /ccx12 is not available in nbg1/.test(m.text)));
    assert.equal(prompt('Create Server (3/8)').length, 3, 'the type step is asked again after the refused type');
    assert.deepEqual(posts(), []);
  });
});
