import assert from 'node:assert/strict';
import type { Datacenter, Image, Location, ServerType, SshKey } from '../../../src/api/types';
import {
  availability,
  createParams,
  formatMoney,
  formatMonthly,
  imageGroups,
  isComplete,
  summaryLines,
  typeChoices,
  USER_DATA_LIMIT,
  userDataProblem,
  walkSteps,
  type Complete,
  type StepOutcome,
} from '../../../src/commands/createServer/model';

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
    prices: [{ location: 'fsn1', monthly: money }, { location: 'hel1', monthly: { ...money, gross: money.gross + 1 } }],
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

  it('formats prices: euro with two decimals, other currencies by code, unknown when missing', () => {
    assert.equal(formatMoney(6.1642, 'EUR'), '€6.16');
    assert.equal(formatMoney(3, 'USD'), '3.00 USD');
    assert.equal(formatMonthly({ net: 5.18, gross: 6.1642, currency: 'EUR' }), '€6.16/month');
    assert.equal(formatMonthly(undefined), 'price unknown');
  });

  it('offers the types of a location with that location\'s price, cheapest first; marks those without capacity', () => {
    const types = [type(3, 'cx21', 5.18), type(1, 'cx11', 3.29), type(12, 'ccx12', 23.99), type(2, 'cx11-ceph', 2.96)];
    const dcs = [dc(4, fsn1, [1, 2, 3, 12], [1, 2, 3]), dc(3, hel1, [1, 3, 12], [1, 3, 12])];
    assert.equal(availability(types[2], fsn1, dcs), 'noCapacity');
    assert.equal(availability(types[3], hel1, dcs), 'unsupported');
    const inFsn1 = typeChoices(types, fsn1, dcs);
    assert.deepEqual(inFsn1.map((c) => [c.type.name, c.availability, c.price?.gross]), [
      ['cx11-ceph', 'available', 3.5224],
      ['cx11', 'available', 3.9151],
      ['cx21', 'available', 6.1642],
      ['ccx12', 'noCapacity', 28.5481],
    ]);
    const inHel1 = typeChoices(types, hel1, dcs);
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
      40,
      now,
    );
    assert.deepEqual(
      groups.map((g) => [g.title, g.images.map((i) => i.id)]),
      [
        ['Debian', [3]],
        ['Ubuntu', [2, 1, 5]],
        ['Snapshots', [6]],
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
      'Price: €6.16/month incl. VAT (€5.18 net); backups not included',
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
});
