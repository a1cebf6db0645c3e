// Create Server inside VS Code: the multi-step input (scripted, with Back) against a simulator
// this suite starts; asserts the POST /servers body the simulator received.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Project } from '../../src/projects/projectStore';
import { startSimulator } from '../../src/sim/simulator';
import type { RecordedRequest, Simulator } from '../../src/sim/types';
import type { TreeNode } from '../../src/tree/node';
import { testingApi } from './support/extensionApi';
import { ScriptedInput, type Answer } from './support/scriptedInput';

type Api = Awaited<ReturnType<typeof testingApi>>;

const TOKEN = 'create-server-token-81e3';

/**
 * A pass-through proxy in front of the simulator that keeps the answer of each POST /servers,
 * so a test can compare the root password shown with the one the API sent.
 */
async function answerRecorder(target: string): Promise<{ url: string; answers: unknown[]; close(): Promise<void> }> {
  const answers: unknown[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(target);
      const upstream = http.request(
        { host: url.hostname, port: url.port, path: url.pathname.replace(/\/v1$/, '') + req.url, method: req.method, headers: { ...req.headers, host: url.host } },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            const text = Buffer.concat(body).toString('utf8');
            if (req.method === 'POST' && req.url === '/v1/servers') answers.push(JSON.parse(text));
            res.writeHead(up.statusCode ?? 502, up.headers);
            res.end(text);
          });
        },
      );
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, answers, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('Create Server', function () {
  this.timeout(30_000);
  let sim: Simulator;
  let api: Api;
  let input: ScriptedInput;
  let project: Project;
  let dir: string;

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
  const prompt = (title: string) => {
    const p = input.prompts.filter((x) => x.title === title);
    assert.ok(p.length, `a prompt titled "${title}" was shown; titles: ${input.prompts.map((x) => x.title).join(', ')}`);
    return p;
  };

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 100 });
    api = await testingApi();
    project = await api.projects.add('create-server', sim.url, TOKEN);
    dir = mkdtempSync(join(tmpdir(), 'hcloud-create-'));
  });

  beforeEach(() => sim.clearRequests());

  afterEach(() => api.setUserInput(undefined));

  after(async () => {
    await api.projects.remove(project.id);
    rmSync(dir, { recursive: true, force: true });
    await sim?.close();
  });

  it('walks all steps and sends the answers: name, location, type, image, keys, user data, start', async () => {
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
      { stepQuickPick: 'Create' },
    );

    const [post, ...more] = posts();
    assert.equal(more.length, 0, 'one server is created');
    const keys = [...sim.state.sshKeys.values()];
    const keyId = (name: string) => keys.find((k) => k.name === name)?.id;
    const image = [...sim.state.images.values()].find((i) => i.name === 'ubuntu-24.04');
    assert.deepEqual(post.body, {
      name: 'web-new',
      server_type: 'cx21',
      image: String(image?.id),
      location: 'nbg1',
      start_after_create: false,
      ssh_keys: [keyId('alice@laptop'), keyId('ci-deploy')],
      user_data: userData,
    });

    // the prompts: one title with step numbers, Back from step 2 on, focus-out keeps them open
    assert.deepEqual(
      input.prompts.filter((p) => p.kind !== 'pickFile').map((p) => [p.title, p.back, p.ignoreFocusOut]),
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`Create Server (${n}/8)`, n > 1, true]),
    );
    const types = prompt('Create Server (3/8)')[0];
    const cx21 = types.descriptions?.[types.items?.indexOf('cx21') ?? -1];
    assert.equal(cx21, '2 vCPU · 4 GB RAM · 40 GB disk · €6.16/month', 'cores, memory, disk and the gross monthly price in nbg1');
    assert.match(types.placeHolder ?? '', /nbg1/);
    const summary = prompt('Create Server (8/8)')[0];
    assert.deepEqual(summary.items?.slice(0, 2), ['Create', 'Back']);
    assert.deepEqual(summary.separators, ['Summary']);
    assert.deepEqual(summary.items?.slice(2), [
      'Name: web-new',
      'Location: nbg1 (Nuremberg, DE)',
      'Type: cx21 (2 vCPU · 4 GB RAM · 40 GB disk)',
      'Image: ubuntu-24.04',
      'SSH keys: alice@laptop, ci-deploy',
      'User data: web.yaml (34 B)',
      'Start after create: no',
      'Price: €6.16/month incl. VAT (€5.18 net); backups not included',
    ]);
    assert.equal(summary.placeHolder, 'Create "web-new" in nbg1 for €6.16/month?');

    // the server exists and the user is told its name and IPv4; no password since keys were given
    const server = [...sim.state.servers.values()].find((s) => s.name === 'web-new');
    assert.ok(server, 'the simulator has the server');
    assert.equal(server.status, 'off', 'not started after create');
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
      { stepQuickPick: 'cx11' },
      { stepQuickPick: 'debian-12' },
      { stepQuickPickMany: ['bob@workstation'] },
      { stepQuickPick: 'No user data' },
      { stepQuickPick: 'Start after create' },
      { stepQuickPick: 'Back' }, // summary → start step
      { stepQuickPick: 'Start after create' },
      { stepQuickPick: 'Create' },
    );
    const names = input.prompts.filter((p) => p.kind === 'stepInputBox');
    assert.deepEqual(names.map((p) => p.value), [undefined, 'back-and-forth'], 'the name box opens with the earlier answer');
    const locations = prompt('Create Server (2/8)');
    assert.deepEqual(locations.map((p) => p.active), [[], ['fsn1'], ['fsn1']], 'the location step focuses the earlier answer');
    const [post] = posts();
    assert.ok(post, 'the server was created');
    const body = post.body as Record<string, unknown>;
    assert.equal(body.name, 'back-and-forth-2');
    assert.equal(body.location, 'hel1');
    assert.equal(body.server_type, 'cx11');
    assert.equal(body.start_after_create, true);
    assert.equal(body.user_data, undefined);
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

  it('offers system images grouped by OS and the project\'s snapshots, without deprecated ones or ones too big for the disk', async () => {
    await run({ stepInputBox: 'imaged' }, { stepQuickPick: 'fsn1' }, { stepQuickPick: 'cx11' }, { stepQuickPick: undefined });
    const images = prompt('Create Server (4/8)')[0];
    assert.ok(images.items?.includes('ubuntu-24.04'));
    assert.ok(!images.items?.includes('centos-7'), 'deprecated images are hidden');
    assert.deepEqual(images.separators?.slice(0, 3), ['Debian', 'Fedora', 'Ubuntu']);
    const snapshots = [...sim.state.images.values()].filter((i) => i.type === 'snapshot' && i.status === 'available');
    assert.ok(snapshots.length > 0, 'the demo project has snapshots');
    for (const s of snapshots) assert.equal(images.items?.includes(s.description), s.disk_size <= 20, `snapshot "${s.description}" (${s.disk_size} GB) offered only when it fits 20 GB`);

    await run({ stepInputBox: 'imaged' }, { stepQuickPick: 'fsn1' }, { stepQuickPick: 'cx41' }, { stepQuickPick: undefined });
    const big = prompt('Create Server (4/8)')[0];
    assert.ok(big.separators?.includes('Snapshots'));
    for (const s of snapshots) assert.ok(big.items?.includes(s.description), `snapshot "${s.description}" is offered for a 160 GB disk`);
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
      { stepQuickPick: 'Create' },
    );
    const error = input.messages.find((m) => m.level === 'error');
    assert.ok(error, 'the oversized file is refused with a message');
    assert.match(error.text, /big\.yaml/);
    assert.match(error.text, /at most 32 KiB \(32768 bytes\)/);
    assert.equal(prompt('Create Server (6/8)').length, 2, 'the user-data step is asked again');
    const [post] = posts();
    assert.ok(post);
    assert.equal((post.body as Record<string, unknown>).user_data, undefined);
  });

  it('without SSH keys shows the root password the API sent, once, through secret()', async () => {
    const recorder = await answerRecorder(sim.url);
    const viaProxy = await api.projects.add('create-server-proxy', `${recorder.url}/v1`, TOKEN);
    try {
      input = new ScriptedInput([
        { stepInputBox: 'no-keys' },
        { stepQuickPick: 'fsn1' },
        { stepQuickPick: 'cx11' },
        { stepQuickPick: 'ubuntu-24.04' },
        { stepQuickPickMany: [] },
        { stepQuickPick: 'No user data' },
        { stepQuickPick: 'Start after create' },
        { stepQuickPick: 'Create' },
      ]);
      api.setUserInput(input);
      const node = (await api.tree.getChildren()).find((n) => n.id === `project/${viaProxy.id}`);
      await vscode.commands.executeCommand('hcloud.server.create', node);
      assert.equal(input.remaining, 0);
      assert.match(prompt('Create Server (5/8)')[0].placeHolder ?? '', /root password will be generated/);
      const summary = prompt('Create Server (8/8)')[0];
      assert.ok(summary.items?.includes('SSH keys: none (a root password will be generated and shown once)'));

      const [post] = posts();
      assert.deepEqual((post.body as Record<string, unknown>).ssh_keys, []);
      const [answer] = recorder.answers as Array<{ root_password: string | null }>;
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
      assert.equal(input.prompts[1].title, 'Create Server (1/8)');
      assert.match(input.prompts[1].prompt ?? '', /in "create-server"/);

      const parent = (await api.tree.getChildren()).find((n) => n.id === `project/${other.id}`);
      const folder = { id: `project/${other.id}/servers`, parent, getTreeItem: () => new vscode.TreeItem('Servers') } as TreeNode;
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
        { stepInputBox: 'doomed' },
        { stepQuickPick: 'fsn1' },
        { stepQuickPick: 'cx11' },
        { stepQuickPick: 'ubuntu-24.04' },
        { stepQuickPickMany: [] },
        { stepQuickPick: 'No user data' },
        { stepQuickPick: 'Start after create' },
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

  it('cancelling at the summary sends nothing', async () => {
    await run(
      { stepInputBox: 'cancelled' },
      { stepQuickPick: 'fsn1' },
      { stepQuickPick: 'cx11' },
      { stepQuickPick: 'ubuntu-24.04' },
      { stepQuickPickMany: [] },
      { stepQuickPick: 'No user data' },
      { stepQuickPick: 'Start after create' },
      { stepQuickPick: undefined },
    );
    assert.deepEqual(posts(), []);
    assert.ok(![...sim.state.servers.values()].some((s) => s.name === 'cancelled'));
    assert.deepEqual(input.messages, []);
  });

  it('loads the lists once per run, whatever Back does', async () => {
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
    for (const path of ['/servers', '/locations', '/datacenters', '/server_types', '/images', '/ssh_keys']) {
      assert.equal(gets.filter((p) => p === path).length, 1, `${path} is read once (reads: ${gets.join(', ')})`);
    }
  });
});
