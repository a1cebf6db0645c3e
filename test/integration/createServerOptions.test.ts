// Create Server's options step against today's API (scripted input, a simulator of its own with the
// demo seed): volumes (detached ones and new ones), networks, a placement group and the public
// network; what the summary shows and prices, what the simulator received, and what exists after.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HcloudClient } from '../../src/api/client';
import type { Project } from '../../src/projects/projectStore';
import { startSimulator } from '../../src/sim/simulator';
import type { RecordedRequest, Simulator } from '../../src/sim/types';
import { testingApi } from './support/extensionApi';
import { ScriptedInput, type Answer } from './support/scriptedInput';

type Api = Awaited<ReturnType<typeof testingApi>>;

const TOKEN = 'create-server-options-token-5c2a';
const OPTIONS = 'Create Server (9/10)';
const SUMMARY = 'Create Server (10/10)';

describe("Create Server's options (today's API)", function () {
  this.timeout(30_000);
  let sim: Simulator;
  let api: Api;
  let input: ScriptedInput;
  let project: Project;
  let client: HcloudClient;

  const requests = (method: string, path: string): RecordedRequest[] => sim.requests.filter((r) => r.method === method && r.path === path);
  /** Runs Create Server from the project's node: the first seven steps, no labels, then `answers`. */
  const run = async (name: string, location: string, ...answers: Answer[]) => {
    input = new ScriptedInput([
      { stepInputBox: name },
      { stepQuickPick: location },
      { stepQuickPick: 'cx11' },
      { stepQuickPick: 'ubuntu-24.04' },
      { stepQuickPickMany: [] },
      { stepQuickPick: 'No user data' },
      { stepQuickPick: 'Start after create' },
      { stepInputBox: '' },
      ...answers,
    ]);
    api.setUserInput(input);
    const node = (await api.tree.getChildren()).find((n) => n.id === `project/${project.id}`);
    assert.ok(node, 'the project is in the tree');
    await vscode.commands.executeCommand('hcloud.server.create', node);
    assert.equal(input.remaining, 0, 'every scripted prompt was asked');
  };
  const prompts = (title: string) => input.prompts.filter((p) => p.title === title);
  const byName = async <T extends { name: string }>(list: Promise<T[]>, name: string): Promise<T> => {
    const found = (await list).find((x) => x.name === name);
    assert.ok(found, `"${name}" exists`);
    return found;
  };

  before(async () => {
    sim = await startSimulator({ token: TOKEN, actionMs: 100 });
    client = new HcloudClient({ token: TOKEN, endpoint: sim.url });
    api = await testingApi();
    project = await api.projects.add('create-server-options', sim.url, TOKEN);
  });

  beforeEach(() => sim.clearRequests());

  afterEach(() => api.setUserInput(undefined));

  after(async () => {
    await api.projects.remove(project.id);
    client?.dispose();
    await sim?.close();
  });

  it('attaches a detached volume, makes a new one, joins a network and a placement group, IPv6 only; the summary prices it all', async () => {
    const scratch = await byName(client.volumes.listAll(), 'scratch');
    const backend = await byName(client.networks.listAll(), 'backend');
    const group = await byName(client.placementGroups.listAll(), 'production-spread');
    await run(
      'opts-full',
      'nbg1',
      { stepQuickPick: 'Volumes…' },
      { stepQuickPickMany: ['scratch', 'New volume…'] },
      { inputBox: '20' },
      { inputBox: 'opts-full-data' },
      { quickPick: 'ext4' },
      { stepQuickPickMany: ['scratch', 'opts-full-data'] },
      { stepQuickPick: 'Networks…' },
      { stepQuickPickMany: ['backend'] },
      { stepQuickPick: 'Placement group…' },
      { stepQuickPick: 'production-spread' },
      { stepQuickPick: 'Public network…' },
      { stepQuickPick: 'A new IPv6 only' },
      { stepQuickPick: 'Continue to the summary' },
      { stepQuickPick: 'Create' },
    );

    // What the options offered: the volumes list only has the detached volume of nbg1 (archive is in hel1, db-data attached).
    const volumeLists = input.prompts.filter((p) => p.kind === 'stepQuickPickMany' && p.title === OPTIONS);
    assert.deepEqual(volumeLists[0].items, ['scratch', 'New volume…']);
    const hub = prompts(OPTIONS).filter((p) => p.items?.[0] === 'Continue to the summary');
    assert.deepEqual(hub.at(-1)?.descriptions?.slice(1), ['scratch, new opts-full-data', 'backend', 'production-spread', 'a new IPv6 only', 'none']);

    const pricing = await client.pricing.get();
    const perGb = pricing.volume?.perGbMonth?.gross ?? NaN;
    const ipv6 = pricing.primaryIps?.find((p) => p.type === 'ipv6')?.prices.find((p) => p.location === 'nbg1')?.monthly?.gross ?? NaN;
    const summary = prompts(SUMMARY)[0].items ?? [];
    assert.ok(summary.includes(`Volumes: scratch (50 GB), new opts-full-data (20 GB, ext4, €${(20 * perGb).toFixed(2)}/mo)`), summary.join('\n'));
    assert.ok(summary.includes('Networks: backend'));
    assert.ok(summary.includes('Placement group: production-spread'));
    assert.ok(summary.includes(`Public network: a new IPv6 only (€${ipv6.toFixed(2)}/mo)`), summary.join('\n'));
    const typePrice = Number(sim.state.serverTypes.find((t) => t.name === 'cx11')?.prices.find((p) => p.location === 'nbg1')?.price_monthly.gross);
    const total = `€${(typePrice + 20 * perGb + ipv6).toFixed(2)}/mo`;
    assert.ok(summary.includes(`Total with the new volumes and Primary IPs: ${total}, VAT included`), summary.join('\n'));
    assert.match(prompts(SUMMARY)[0].placeHolder ?? '', new RegExp(`for ${total.replace('.', '\\.')}\\?$`));

    // What the API received: one POST /servers with the options, then one POST /volumes for the new volume.
    const [post, ...morePosts] = requests('POST', '/servers');
    assert.equal(morePosts.length, 0);
    const body = post.body as Record<string, unknown>;
    assert.deepEqual(
      [body.volumes, body.automount, body.networks, body.placement_group, body.public_net],
      [[scratch.id], true, [backend.id], group.id, { enable_ipv4: false, enable_ipv6: true }],
    );
    const server = await byName(client.servers.listAll(), 'opts-full');
    assert.deepEqual(requests('POST', '/volumes').map((r) => r.body), [{ name: 'opts-full-data', size: 20, server: server.id, automount: true, format: 'ext4' }]);

    // What exists: both volumes on the server, the server in the network and the group, no IPv4.
    const volumes = await client.volumes.listAll();
    assert.deepEqual(volumes.filter((v) => v.serverId === server.id).map((v) => v.name).sort(), ['opts-full-data', 'scratch']);
    assert.deepEqual(server.privateNet?.map((p) => p.networkId), [backend.id]);
    assert.equal(server.placementGroup?.id, group.id);
    assert.equal(server.publicNet.ipv4, undefined);
    assert.ok(server.publicNet.ipv6, 'a new IPv6');
    assert.ok(input.messages.some((m) => m.level === 'info' && m.text.includes('"opts-full-data"')), JSON.stringify(input.messages));
  });

  it('uses an unassigned Primary IP of the location for IPv4', async () => {
    const spare = await byName(client.primaryIps.listAll(), 'spare-primary-ipv4');
    await run('opts-spare', spare.location.name, { stepQuickPick: 'Public network…' }, { stepQuickPick: spare.ip }, { stepQuickPick: 'Continue to the summary' }, { stepQuickPick: 'Create' });
    assert.ok(prompts(SUMMARY)[0].items?.includes(`Public network: ${spare.ip} (Primary IP "spare-primary-ipv4") and a new IPv6 (€${(await client.pricing.get()).primaryIps?.find((p) => p.type === 'ipv6')?.prices.find((p) => p.location === spare.location.name)?.monthly?.gross.toFixed(2)}/mo)`));
    assert.deepEqual((requests('POST', '/servers')[0].body as Record<string, unknown>).public_net, { enable_ipv4: true, enable_ipv6: true, ipv4: spare.id });
    const server = await byName(client.servers.listAll(), 'opts-spare');
    assert.equal(server.publicNet.ipv4?.ip, spare.ip);
    assert.equal((await client.primaryIps.get(spare.id))?.assigneeId, server.id);
  });

  it('refuses no public address without a network before anything is sent, and cancelling in an option sends nothing', async () => {
    await run(
      'opts-none',
      'fsn1',
      { stepQuickPick: 'Public network…' },
      { stepQuickPick: 'None (private networks only)' },
      { stepQuickPick: undefined },
    );
    assert.match(input.messages.find((m) => m.level === 'warn')?.text ?? '', /must be in a private network/);
    assert.equal(prompts(OPTIONS).filter((p) => p.placeHolder?.startsWith('Public network')).length, 2, 'the public network is asked again');
    assert.deepEqual(requests('POST', '/servers'), []);
    assert.deepEqual(requests('POST', '/volumes'), []);
  });

  it('passes the options with one Enter: the request has none of their fields', async () => {
    await run('opts-default', 'hel1', { stepQuickPick: 'Continue to the summary' }, { stepQuickPick: 'Create' });
    const body = requests('POST', '/servers')[0].body as Record<string, unknown>;
    for (const key of ['volumes', 'automount', 'networks', 'placement_group', 'public_net', 'firewalls']) assert.ok(!(key in body), `no ${key}`);
    assert.deepEqual(requests('GET', '/firewalls'), [], 'the firewalls are loaded only when Firewalls… is opened');
  });

  it('applies firewalls at creation: the summary names them, POST /servers sends them; none with no public address is refused', async () => {
    const web = await byName(client.firewalls.listAll(), 'web-fw');
    const staging = await byName(client.firewalls.listAll(), 'staging-fw');
    const pickBoth: Answer[] = [{ stepQuickPick: 'Firewalls…' }, { stepQuickPickMany: ['web-fw', 'staging-fw'] }];
    await run('opts-fw', 'fsn1', ...pickBoth, { stepQuickPick: 'Public network…' }, { stepQuickPick: 'None (private networks only)' }, { stepQuickPick: undefined });
    const firewallList = input.prompts.find((p) => p.kind === 'stepQuickPickMany' && p.placeHolder?.startsWith('Firewalls'));
    assert.deepEqual(firewallList?.items?.slice().sort(), ['staging-fw', 'web-fw']);
    assert.ok(input.messages.some((m) => m.level === 'warn'), 'no public address is refused');
    assert.deepEqual(requests('POST', '/servers'), []);

    await run('opts-fw', 'fsn1', ...pickBoth, { stepQuickPick: 'Continue to the summary' }, { stepQuickPick: 'Create' });
    const hub = prompts(OPTIONS).filter((p) => p.items?.[0] === 'Continue to the summary');
    const named = hub.at(-1)?.descriptions?.at(-1) ?? '';
    assert.ok(named.includes('web-fw') && named.includes('staging-fw'), `the hub names the firewalls: ${named}`);
    const summary = prompts(SUMMARY)[0].items ?? [];
    assert.ok(summary.some((l) => l.startsWith('Firewalls: ') && l.includes('web-fw') && l.includes('staging-fw')), summary.join('\n'));
    const body = requests('POST', '/servers')[0].body as Record<string, unknown>;
    assert.deepEqual(new Set((body.firewalls as Array<{ firewall: number }>).map((f) => f.firewall)), new Set([web.id, staging.id]));
    const server = await byName(client.servers.listAll(), 'opts-fw');
    assert.deepEqual(server.publicNet.firewalls?.map((f) => f.id).sort(), [web.id, staging.id].sort());
  });
});
