// Initial states. `empty`: the catalog only. `demo`: a small realistic project on top of it
// (8 servers in fsn1, nbg1 and hel1 in several states, Floating IPs, snapshots, backups, SSH
// keys and an action history; labels on most of them; in a 2026 state also volumes). `extraServers` adds `scale-0001`... for
// scale tests. A 2026 state has the arm catalog and one more demo server on arm (`arm-builder`).
// All times are relative to the clock at start (whole days back), so metrics and ages look right.

import type { ActionErrorSchema, ServerStatusSchema } from '../api/schema';
import type { ApiEra, Labels } from '../api/types';
import { seedNetworks } from './seedNetworks';
import { datacenters, isos, LOCATIONS, PRICING, RECOMMENDED_DATACENTER, serverTypes, systemImages, typeLocationDeprecations } from './catalog';
import { applyEffect } from './effects';
import { imageSizeFor, newFloatingIp, newImageFromServer, newServer, newSshKey } from './factory';
import { seedPlacementGroups } from './placementGroups';
import { parsePublicKey } from './sshKey';
import { seedPrimaryIps } from './primaryIps';
import { seedDemoVolumes } from './volumeSeed';
import { seedDemoFirewalls } from './firewallSeed';
import { byIdOrName, copy, findImage, nextId, STATE_VERSION, type ResourceType, type SimServer, type SimState } from './state';
import { DAY, HOUR, isoTime, MINUTE } from './time';

export type SeedName = 'demo' | 'empty';

export function createState(seed: SeedName, now: number, extraServers = 0, api: ApiEra = '2026'): SimState {
  const state = catalogState(now, api);
  const base = Math.floor(now / DAY) * DAY;
  if (seed === 'demo') seedDemo(state, base);
  addScaleServers(state, base, extraServers);
  return state;
}

function catalogState(now: number, api: ApiEra): SimState {
  return {
    version: STATE_VERSION,
    api,
    counters: { server: 42, floating_ip: 4711, image: 4720, ssh_key: 2323, action: 1300, ipv4: 0, floating_ipv4: 0, ipv6: 0, rng: 0x5eed, volume: 100 },
    locations: copy(LOCATIONS),
    datacenters: datacenters(api),
    recommendation: RECOMMENDED_DATACENTER,
    serverTypes: serverTypes(api, now),
    typeLocationDeprecations: typeLocationDeprecations(now),
    pricing: copy(PRICING),
    isos: isos(now, api),
    images: new Map(systemImages(now, api).map((i) => [i.id, i])),
    servers: new Map(),
    floatingIps: new Map(),
    networks: new Map(),
    sshKeys: new Map(),
    primaryIps: new Map(),
    actions: new Map(),
    placementGroups: new Map(),
    volumes: new Map(),
    firewalls: new Map(),
  };
}

interface DemoServer {
  name: string;
  type: string;
  dc: string;
  image: string | null;
  status: ServerStatusSchema;
  ageDays: number;
  /** Changes on top of a fresh server (applied as an effect patch). */
  patch?: Record<string, unknown>;
  labels?: Labels;
}

const DEMO_SERVERS: DemoServer[] = [
  { name: 'web-1', type: 'cx21', dc: 'fsn1-dc14', image: 'ubuntu-22.04', status: 'running', ageDays: 412, labels: { env: 'production', tier: 'web', team: 'frontend' } },
  { name: 'web-2', type: 'cx21', dc: 'nbg1-dc3', image: 'ubuntu-22.04', status: 'running', ageDays: 410, labels: { env: 'production', tier: 'web', team: 'frontend' } },
  {
    name: 'db-main',
    type: 'cx41',
    dc: 'fsn1-dc14',
    image: 'debian-12',
    status: 'running',
    ageDays: 388,
    labels: { env: 'production', tier: 'db', team: 'platform', 'example.com/backup': 'daily' },
    patch: { backup_window: '22-02', protection: { delete: true, rebuild: true }, public_net: { ipv4: { dns_ptr: 'db.example.com' } } },
  },
  { name: 'api-staging', type: 'cpx21', dc: 'nbg1-dc3', image: 'ubuntu-24.04', status: 'running', ageDays: 97, labels: { env: 'staging', tier: 'web', team: 'backend' } },
  { name: 'ci-runner', type: 'cpx11', dc: 'fsn1-dc14', image: 'ubuntu-22.04', status: 'off', ageDays: 203, labels: { env: 'staging', tier: 'ci', team: 'platform' } },
  { name: 'vpn-hel', type: 'cx11', dc: 'hel1-dc2', image: 'debian-11', status: 'running', ageDays: 655, labels: { env: 'production', tier: 'network' } },
  { name: 'legacy-app', type: 'cx21', dc: 'hel1-dc2', image: 'centos-7', status: 'running', ageDays: 1210, patch: { rescue_enabled: true }, labels: { legacy: '' } },
  { name: 'iso-lab', type: 'cx31', dc: 'nbg1-dc3', image: null, status: 'running', ageDays: 31 },
];

/** The arm demo server of a 2026 state (after the others, so the 2018 ids stay as they were). */
const ARM_SERVER: DemoServer = {
  name: 'arm-builder',
  type: 'cax21',
  dc: 'fsn1-dc14',
  image: 'ubuntu-24.04',
  status: 'running',
  ageDays: 45,
  labels: { env: 'staging', tier: 'ci', team: 'platform' },
};

/** Public keys made with ssh-keygen; their MD5 fingerprints are computed like the API does. */
const DEMO_KEYS: Array<[string, string, Labels?]> = [
  [
    'alice@laptop', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKrx7kwq2ibLT8PLAyBUhLUW8JJwa20V2BowYy+SXrqr alice@laptop',
    { team: 'frontend' },
  ],
  [
    'bob@workstation',
    'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCeQ17mSKtnkNUYmGEri/9WpWM2qALx1xk3cC5UDNxRw7QOZNV5rfKTAcb+wu2t0OhLTyMc9lZtRbC935rzH1dvvvvrwCadQ+XYfBaV8sksFTcTIko+1w2w9O+ZXyf7L+1rhqUyWZAHcV6QsSNhwRUrDhufuGgi6l3DexG9RifZhriEYyynhqFSqK9zIeC1AMcOHTXFRhW36Vo6x8rHp5fa6GvZR6YrBb96mw7d5oK92YiMC8QD6ZVN35keEgfuZp9HoYHxMfmItxSsJMXLOcqoDpANo50ewE87ToLO0GIWC4oqg0Mz+bc5hGY44quH4vDwMaTyvW0gm/fe1g1WPWtf bob@workstation',
    { team: 'backend' },
  ],
  ['ci-deploy', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGgN1LUGsMAZlnQF6el0UbrlriwTgpWb8+8ml+OUYQiL ci-deploy@github-actions', { team: 'platform', tier: 'ci' }],
];

function seedDemo(state: SimState, base: number): void {
  const rows = state.api === '2026' ? [...DEMO_SERVERS, ARM_SERVER] : DEMO_SERVERS;
  const servers = rows.map((row) => demoServer(state, base, row));
  const [web1, web2, db, api, ci, vpn, legacy, isoLab] = servers;
  isoLab.iso = copy(byIdOrName(state.isos, 'FreeBSD-11.0-RELEASE-amd64-dvd1') ?? null);
  patch(state, 'server', vpn.id, { public_net: { ipv6: { dns_ptr: [{ ip: vpn.public_net.ipv6.ip.replace('/64', '1'), dns_ptr: 'vpn.example.com' }] } } });
  if (state.api === '2026') seedPrimaryIps(state, base - 45 * DAY);
  DEMO_KEYS.forEach(([name, key, labels], i) => {
    newSshKey(state, name, key, parsePublicKey(key)?.fingerprint ?? '', { created: base - (500 - i * 90) * DAY, labels });
  });

  const history = new History(state, base);
  for (const s of servers) history.add('create_server', [['server', s.id]], Date.parse(s.created), 42);
  history.add('stop_server', [['server', ci.id]], base - 2 * DAY + 18 * HOUR, 9);
  history.add('enable_backup', [['server', db.id]], Date.parse(db.created) + DAY, 2);
  history.add('change_protection', [['server', db.id]], Date.parse(db.created) + DAY + HOUR, 1);
  history.add('change_dns_ptr', [['server', db.id]], Date.parse(db.created) + 2 * DAY, 3);
  history.add('enable_rescue', [['server', legacy.id]], base - 3 * HOUR, 4);
  history.add('attach_iso', [['server', isoLab.id]], Date.parse(isoLab.created) + 20 * MINUTE, 2);
  history.add('rebuild_server', [['server', api.id]], base - 5 * DAY + 10 * HOUR, 61, {
    code: 'action_failed',
    message: 'Rebuilding the server failed',
  });
  history.add('rebuild_server', [['server', api.id]], base - 5 * DAY + 11 * HOUR, 58);

  const golden = snapshot(state, history, web1, 'web-1 golden image', base - 60 * DAY);
  patch(state, 'image', golden.id, { protection: { delete: true }, labels: { env: 'production', tier: 'web' } });
  history.add('change_protection', [['image', golden.id]], base - 60 * DAY + HOUR, 1);
  const dbBefore = snapshot(state, history, db, 'db-main before PostgreSQL 16 upgrade', base - 21 * DAY);
  patch(state, 'image', dbBefore.id, { labels: { env: 'production', tier: 'db' } });
  const ciBase = snapshot(state, history, ci, 'ci-runner base image', base - 150 * DAY);
  patch(state, 'image', ciBase.id, { created_from: { id: 41, name: 'old-ci' } });
  for (const daysAgo of [3, 2, 1]) backup(state, history, db, base - daysAgo * DAY + 23 * HOUR + 12 * MINUTE);

  const home = (name: string) => byIdOrName(state.locations, name) ?? state.locations[0];
  const fipAt = (days: number) => base - days * DAY;
  const frontend = newFloatingIp(state, {
    type: 'ipv4',
    home: home('fsn1'),
    description: 'Web Frontend',
    name: 'web-frontend',
    labels: { env: 'production', tier: 'web' },
    created: fipAt(401),
  });
  const spare = newFloatingIp(state, { type: 'ipv4', home: home('nbg1'), description: 'Spare IPv4', name: 'spare-ipv4', created: fipAt(380) });
  const web6 = newFloatingIp(state, { type: 'ipv6', home: home('nbg1'), description: 'Web IPv6', name: 'web-ipv6', labels: { env: 'production' }, created: fipAt(400) });
  newFloatingIp(state, { type: 'ipv4', home: home('hel1'), description: null, created: fipAt(120) });
  patch(state, 'floating_ip', frontend.id, { protection: { delete: true }, dns_ptr: [{ ip: frontend.ip, dns_ptr: 'www.example.com' }] });
  patch(state, 'floating_ip', web6.id, { dns_ptr: [{ ip: web6.ip.replace('/64', '1'), dns_ptr: 'www.example.com' }] });
  assign(state, history, frontend.id, web1.id, base - 400 * DAY);
  assign(state, history, web6.id, web2.id, base - 399 * DAY);
  history.add('change_protection', [['floating_ip', frontend.id]], base - 399 * DAY, 1);
  history.add('unassign_floating_ip', [['floating_ip', spare.id]], base - 30 * DAY, 2);
  if (state.api === '2026') seedPlacementGroups(state, base, web1, db);
  if (state.api === '2026') seedNetworks(state, base, [web1, db]);
  if (state.api === '2026') seedDemoVolumes(state, base, db, (command, resources, at, seconds) => history.add(command, resources, at, seconds));
  if (state.api === '2026') seedDemoFirewalls(state, base, [web1, web2], (command, resources, at, seconds) => history.add(command, resources, at, seconds));
  history.commit();
}

function demoServer(state: SimState, base: number, row: DemoServer): SimServer {
  const type = byIdOrName(state.serverTypes, row.type) ?? state.serverTypes[0];
  const server = newServer(state, {
    name: row.name,
    type,
    datacenter: byIdOrName(state.datacenters, row.dc) ?? state.datacenters[0],
    image: row.image === null ? null : (findImage(state.images.values(), row.image, type.architecture) ?? null),
    status: row.status,
    created: base - row.ageDays * DAY + 9 * HOUR + (row.name.length * 7) * MINUTE,
    labels: row.labels,
  });
  server.outgoing_traffic = (server.id % 9) * 73_741_824_000 + 1_234_567_890;
  server.ingoing_traffic = (server.id % 5) * 21_474_836_480 + 987_654_321;
  if (row.patch) patch(state, 'server', server.id, row.patch);
  return server;
}

function patch(state: SimState, type: ResourceType, id: number, changes: Record<string, unknown>): void {
  applyEffect(state, { kind: 'patch', type, id, patch: changes });
}

function snapshot(state: SimState, history: History, server: SimServer, description: string, at: number) {
  const image = newImageFromServer(state, server, { type: 'snapshot', description, created: at, status: 'available', imageSize: imageSizeFor(server) });
  history.add('create_image', [['server', server.id], ['image', image.id]], at, 95);
  return image;
}

function backup(state: SimState, history: History, server: SimServer, at: number) {
  const description = `${server.name} ${isoTime(at).slice(0, 16).replace('T', ' ')}`;
  const image = newImageFromServer(state, server, { type: 'backup', description, created: at, status: 'available', imageSize: imageSizeFor(server) });
  history.add('create_image', [['server', server.id], ['image', image.id]], at, 120);
}

function assign(state: SimState, history: History, fip: number, server: number, at: number): void {
  applyEffect(state, { kind: 'assign_floating_ip', id: fip, server });
  history.add('assign_floating_ip', [['floating_ip', fip], ['server', server]], at, 3);
}

/** Finished actions of the past; ids are given in time order when committed. */
class History {
  private readonly entries: Array<{ command: string; resources: Array<[ResourceType, number]>; at: number; seconds: number; error: ActionErrorSchema | null }> = [];

  constructor(
    private readonly state: SimState,
    private readonly base: number,
  ) {}

  add(command: string, resources: Array<[ResourceType, number]>, at: number, seconds: number, error: ActionErrorSchema | null = null): void {
    this.entries.push({ command, resources, at: Math.min(at, this.base), seconds, error });
  }

  commit(): void {
    for (const e of this.entries.sort((a, b) => a.at - b.at)) {
      const endMs = e.at + e.seconds * 1000;
      const id = nextId(this.state, 'action');
      this.state.actions.set(id, {
        action: {
          id,
          command: e.command,
          status: e.error ? 'error' : 'success',
          progress: 100,
          started: isoTime(e.at),
          finished: isoTime(endMs),
          resources: e.resources.map(([type, id]) => ({ id, type })),
          error: e.error,
        },
        startedMs: e.at,
        endMs,
        steps: [],
        onError: [],
        failure: e.error,
      });
    }
  }
}

function addScaleServers(state: SimState, base: number, count: number): void {
  const types = ['cx11', 'cpx11', 'cx21'].map((n) => byIdOrName(state.serverTypes, n) ?? state.serverTypes[0]);
  const image = byIdOrName(state.images.values(), 'ubuntu-22.04') ?? null;
  for (let i = 1; i <= count; i++) {
    newServer(state, {
      name: `scale-${String(i).padStart(4, '0')}`,
      type: types[i % types.length],
      datacenter: state.datacenters[i % state.datacenters.length],
      image,
      status: i % 7 === 0 ? 'off' : 'running',
      created: base - (i % 300) * DAY - (i % 24) * HOUR,
    });
  }
}
