import assert from 'node:assert/strict';
import type { Datacenter, Deprecation, Image, Location, ServerType, ServerTypeLocation, SshKey } from '../../../src/api/types';
import {
  availability,
  createParams,
  imageGroups,
  isComplete,
  labelsSupported,
  needsDatacenters,
  standing,
  summaryLines,
  typeChoices,
  USER_DATA_LIMIT,
  userDataProblem,
  walkSteps,
  type Complete,
  type StepOutcome,
} from '../../../src/commands/createServer/model';
import { parseLabelsText } from '../../../src/commands/labelsText';
import { deprecationNote } from '../../../src/tree/format';

const NOW = new Date('2026-11-20T00:00:00Z');
const fsn1: Location = { id: 1, name: 'fsn1', description: 'Falkenstein DC Park 1', country: 'DE', city: 'Falkenstein', latitude: 0, longitude: 0 };
const hel1: Location = { ...fsn1, id: 3, name: 'hel1', city: 'Helsinki', country: 'FI' };

function type(id: number, name: string, monthlyNet: number, disk = 40): ServerType {
  const money = { net: monthlyNet, gross: Math.round(monthlyNet * 1.19 * 10_000) / 10_000, currency: 'EUR' };
  return {
    id,
    name,
    description: name,
    cores: 2,
    memory: 4,
    disk,
    prices: [
      { location: 'fsn1', monthly: money, hourly: { net: money.net / 600, gross: money.gross / 620, currency: 'EUR' } },
      { location: 'hel1', monthly: { ...money, gross: money.gross + 1 } },
    ],
    storageType: 'local',
    cpuType: 'shared',
  };
}

function dc(id: number, location: Location, supported: number[], available: number[]): Datacenter {
  return { id, name: `${location.name}-dc${id}`, description: '', location, serverTypes: { supported, available } };
}

function image(id: number, over: Partial<Image>): Image {
  return {
    id,
    type: 'system',
    status: 'available',
    name: `img-${id}`,
    description: `Image ${id}`,
    diskSize: 5,
    created: new Date('2024-01-01T00:00:00Z'),
    osFlavor: 'ubuntu',
    rapidDeploy: true,
    protection: { delete: false },
    ...over,
  };
}

describe('Create Server model', () => {
  it('refuses user data above 32 KiB (32768 bytes), accepts exactly the limit', () => {
    assert.equal(USER_DATA_LIMIT, 32768);
    assert.equal(userDataProblem('ok.yaml', 32768), undefined);
    assert.equal(userDataProblem('empty.yaml', 0), undefined);
    const problem = userDataProblem('big.yaml', 32769);
    assert.ok(problem);
    assert.match(problem, /"big\.yaml" is 32\.0 KiB \(32769 bytes\)/);
    assert.match(problem, /at most 32 KiB \(32768 bytes\)/);
  });

  it('offers the types of a location with that location\'s price, cheapest first; marks those without capacity', () => {
    const types = [type(3, 'cx21', 5.18), type(1, 'cx11', 3.29), type(12, 'ccx12', 23.99), type(2, 'cx11-ceph', 2.96)];
    const dcs = [dc(4, fsn1, [1, 2, 3, 12], [1, 2, 3]), dc(3, hel1, [1, 3, 12], [1, 3, 12])];
    assert.equal(availability(types[2], fsn1, dcs), 'noCapacity');
    assert.equal(availability(types[3], hel1, dcs), 'unsupported');
    const inFsn1 = typeChoices(types, fsn1, dcs, NOW);
    assert.deepEqual(inFsn1.map((c) => [c.type.name, c.availability, c.price?.gross]), [
      ['cx11-ceph', 'available', 3.5224],
      ['cx11', 'available', 3.9151],
      ['cx21', 'available', 6.1642],
      ['ccx12', 'noCapacity', 28.5481],
    ]);
    const inHel1 = typeChoices(types, hel1, dcs, NOW);
    assert.deepEqual(inHel1.map((c) => c.type.name), ['cx11', 'cx21', 'ccx12'], 'hel1 does not support the Ceph type');
    assert.equal(inHel1[0].price?.gross, 4.9151, 'the price of hel1, not of fsn1');
  });

  it('groups system images by OS, then snapshots; hides deprecated, unavailable and too-big images', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const groups = imageGroups(
      [
        image(1, { name: 'ubuntu-22.04', osVersion: '22.04' }),
        image(2, { name: 'ubuntu-24.04', osVersion: '24.04' }),
        image(3, { name: 'debian-12', osFlavor: 'debian', osVersion: '12' }),
        image(4, { name: 'centos-7', osFlavor: 'centos', deprecated: new Date('2025-01-01T00:00:00Z') }),
        image(5, { name: 'ubuntu-18.04', osVersion: '18.04', deprecated: new Date('2026-06-01T00:00:00Z') }),
        image(6, { type: 'snapshot', name: undefined, description: 'small snap', diskSize: 20 }),
        image(7, { type: 'snapshot', name: undefined, description: 'big snap', diskSize: 80 }),
        image(8, { type: 'snapshot', name: undefined, description: 'pending', status: 'creating' }),
        image(9, { type: 'backup', name: undefined, description: 'a backup' }),
      ],
      { disk: 40 },
      now,
    );
    assert.deepEqual(
      groups.map((g) => [g.title, g.images.map((i) => i.id)]),
      [
        ['Debian', [3]],
        ['Ubuntu', [2, 1, 5]],
        ['Snapshots', [6]],
        ['Backups', [9]],
      ],
    );
  });

  it('walks steps: next, back (never before the first), again, cancel', async () => {
    const seen: string[] = [];
    const script: StepOutcome[] = ['next', 'back', 'back', 'next', 'again', 'next', 'next'];
    const step = (name: string) => async () => {
      seen.push(name);
      return script.shift() as StepOutcome;
    };
    assert.equal(await walkSteps([step('a'), step('b'), step('c')]), true);
    assert.deepEqual(seen, ['a', 'b', 'a', 'a', 'b', 'b', 'c']);

    const cancelled: StepOutcome[] = ['next', 'cancel'];
    assert.equal(await walkSteps([async () => cancelled.shift() as StepOutcome, async () => cancelled.shift() as StepOutcome, async () => 'next' as const]), false);
  });

  it('summarises the answers with the monthly price and turns them into the request', () => {
    const key: SshKey = { id: 7, name: 'alice', fingerprint: 'aa:bb', publicKey: 'ssh-ed25519 AAAA alice' };
    const answers: Complete = {
      name: 'web-3',
      location: fsn1,
      type: type(3, 'cx21', 5.18),
      image: image(2, { name: 'ubuntu-24.04' }),
      sshKeys: [],
      userData: { fileName: 'init.yaml', text: '#cloud-config\n', bytes: 2048 },
      startAfterCreate: true,
    };
    assert.ok(isComplete(answers));
    assert.ok(!isComplete({ ...answers, userData: undefined }), 'user data not yet answered');
    assert.ok(isComplete({ ...answers, userData: null }), 'no user data is an answer');
    assert.deepEqual(summaryLines(answers), [
      'Name: web-3',
      'Location: fsn1 (Falkenstein, DE)',
      'Type: cx21 (2 vCPU · 4 GB RAM · 40 GB disk)',
      'Image: ubuntu-24.04',
      'SSH keys: none (a root password will be generated and shown once)',
      'User data: init.yaml (2.0 KiB)',
      'Start after create: yes',
      'Price: €6.16/mo (€5.18/mo net, €0.0099/h), VAT included; backups not included',
    ]);
    assert.equal(summaryLines({ ...answers, sshKeys: [key], userData: null })[4], 'SSH keys: alice');
    assert.deepEqual(createParams({ ...answers, sshKeys: [key] }), {
      name: 'web-3',
      serverType: 'cx21',
      image: 2,
      location: 'fsn1',
      sshKeys: [7],
      userData: '#cloud-config\n',
      startAfterCreate: true,
    });
    assert.equal(createParams({ ...answers, userData: null }).userData, undefined);
  });

  describe("today's API (server types with locations[])", () => {
    const nbg1: Location = { ...fsn1, id: 2, name: 'nbg1', city: 'Nuremberg' };
    const dep = (announced: string, after: string): Deprecation => ({ announced: new Date(announced), unavailableAfter: new Date(after) });
    const at = (id: number, name: string, over: Partial<ServerTypeLocation> = {}): ServerTypeLocation => ({ id, name, available: true, recommended: false, ...over });
    const today = (t: ServerType, locations: ServerTypeLocation[], over: Partial<ServerType> = {}): ServerType => ({ ...t, architecture: 'x86', locations, ...over });

    it('offers a type only where it is listed as available, and no longer after its date there', () => {
      const cx22 = today(type(22, 'cx22', 3.79), [at(1, 'fsn1'), at(2, 'nbg1', { available: false })]);
      const cx32 = today(type(32, 'cx32', 6.8), [at(1, 'fsn1', { deprecation: dep('2026-09-01T00:00:00Z', '2027-01-31T00:00:00Z') }), at(3, 'hel1', { deprecation: dep('2026-01-01T00:00:00Z', '2026-11-01T00:00:00Z') })]);
      // no datacenters at all: today's API has none, the types say everything
      assert.deepEqual(standing(cx22, fsn1, [], NOW), { availability: 'available', deprecation: undefined });
      assert.equal(standing(cx22, nbg1, [], NOW).availability, 'unsupported', 'listed there but not available: not offered');
      assert.equal(standing(cx22, hel1, [], NOW).availability, 'unsupported', 'not listed there');
      assert.equal(standing(cx32, hel1, [], NOW).availability, 'unsupported', 'its date in hel1 has passed');
      const inFsn1 = standing(cx32, fsn1, [], NOW);
      assert.equal(inFsn1.availability, 'available', 'deprecated in fsn1 but offered until 2027-01-31');
      assert.ok(inFsn1.deprecation);
      assert.equal(deprecationNote(inFsn1.deprecation), 'deprecated, unavailable after 2027-01-31');
      assert.equal(standing(cx32, fsn1, [], new Date('2027-01-31T00:00:00Z')).availability, 'unsupported', 'from the date on it is not offered');

      assert.deepEqual(typeChoices([cx32, cx22], fsn1, [], NOW).map((c) => [c.type.name, c.deprecation ? deprecationNote(c.deprecation) : '']), [
        ['cx22', ''],
        ['cx32', 'deprecated, unavailable after 2027-01-31'],
      ]);
      assert.deepEqual(typeChoices([cx32, cx22], nbg1, [], NOW), []);
      assert.deepEqual(typeChoices([cx32, cx22], hel1, [], NOW), []);
    });

    it("the type-level deprecation: marks the type everywhere and ends it at its date; datacenters' word is ignored when locations[] is there", () => {
      const old = today(type(11, 'cx11', 3.29), [at(1, 'fsn1')], { deprecation: dep('2026-06-01T00:00:00Z', '2026-12-31T00:00:00Z') });
      assert.equal(deprecationNote(standing(old, fsn1, [], NOW).deprecation as Deprecation), 'deprecated, unavailable after 2026-12-31');
      assert.equal(standing(old, fsn1, [], new Date('2027-01-01T00:00:00Z')).availability, 'unsupported');
      const dcs = [dc(4, fsn1, [], [])];
      assert.equal(standing(old, fsn1, dcs, NOW).availability, 'available', 'locations[] decides, not a datacenter');
      // 2018: no locations[] -> the datacenters decide
      assert.equal(standing(type(11, 'cx11', 3.29), fsn1, dcs, NOW).availability, 'unsupported');
      assert.equal(standing(type(11, 'cx11', 3.29), fsn1, [dc(4, fsn1, [11], [11])], NOW).availability, 'available');
    });

    it('loads datacenters only for types without locations[]; labels only against today\'s API', () => {
      const t2018 = [type(1, 'cx11', 3.29)];
      const t2026 = [today(type(1, 'cx22', 3.79), [at(1, 'fsn1')])];
      assert.equal(needsDatacenters(t2018), true);
      assert.equal(needsDatacenters(t2026), false);
      assert.equal(needsDatacenters([]), false);
      assert.equal(labelsSupported(undefined, t2018), false);
      assert.equal(labelsSupported('2018', t2018), false);
      assert.equal(labelsSupported(undefined, t2026), true);
      assert.equal(labelsSupported('2026', []), true);
    });

    it('pairs arm types only with arm images; an image or type without architecture is x86', () => {
      const images = [
        image(1, { name: 'ubuntu-24.04', osVersion: '24.04', architecture: 'x86' }),
        image(2, { name: 'ubuntu-24.04', osVersion: '24.04', architecture: 'arm' }),
        image(3, { name: 'debian-12', osFlavor: 'debian' }),
        image(4, { type: 'snapshot', name: undefined, description: 'arm snap', architecture: 'arm' }),
        image(5, { type: 'backup', name: undefined, description: 'x86 backup', architecture: 'x86' }),
      ];
      const ids = (groups: ReturnType<typeof imageGroups>) => groups.map((g) => [g.title, g.images.map((i) => i.id)]);
      assert.deepEqual(ids(imageGroups(images, { disk: 40, architecture: 'arm' }, NOW)), [
        ['Ubuntu', [2]],
        ['Snapshots', [4]],
      ]);
      assert.deepEqual(ids(imageGroups(images, { disk: 40, architecture: 'x86' }, NOW)), [
        ['Debian', [3]],
        ['Ubuntu', [1]],
        ['Backups', [5]],
      ]);
      assert.deepEqual(ids(imageGroups(images, { disk: 40 }, NOW)), ids(imageGroups(images, { disk: 40, architecture: 'x86' }, NOW)), 'a 2018 type is x86');
    });

    it('reads the labels step as Edit Labels does, with the API rules', () => {
      assert.deepEqual(parseLabelsText(''), { labels: {} });
      assert.deepEqual(parseLabelsText('env=prod, tier=web,'), { labels: { env: 'prod', tier: 'web' } });
      const error = (text: string) => {
        const r = parseLabelsText(text);
        assert.ok('error' in r, `"${text}" is refused`);
        return r.error;
      };
      assert.match(error('env=a,env=b'), /"env" is given twice/);
      assert.match(error('hetzner.cloud/x=1'), /reserved/);
      assert.match(error(`k=${'v'.repeat(64)}`), /at most 63/);
    });

    it('summarises labels and sends them; no labels key without labels', () => {
      const answers: Complete = {
        name: 'arm-1',
        location: fsn1,
        type: today(type(41, 'cax11', 3.29), [at(1, 'fsn1')], { architecture: 'arm' }),
        image: image(2, { name: 'ubuntu-24.04', architecture: 'arm' }),
        sshKeys: [],
        userData: null,
        startAfterCreate: true,
        labels: { env: 'prod', tier: 'web', canary: '' },
      };
      const lines = summaryLines(answers);
      assert.equal(lines[2], 'Type: cax11 (2 vCPU · 4 GB RAM · 40 GB disk · arm)');
      assert.equal(lines[7], 'Labels: env=prod, tier=web, canary');
      assert.match(lines[8], /^Price: €3\.92\/mo \(€3\.29\/mo net, €0\.0063\/h\), VAT included/);
      assert.deepEqual(createParams(answers).labels, { env: 'prod', tier: 'web', canary: '' });
      assert.equal(summaryLines({ ...answers, labels: {} })[7], 'Labels: none');
      assert.ok(!('labels' in createParams({ ...answers, labels: {} })));
      assert.ok(!summaryLines({ ...answers, labels: undefined }).some((l) => l.startsWith('Labels')), '2018: no labels line');
    });
  });
});
