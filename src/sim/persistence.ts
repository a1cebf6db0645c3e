// The state file: JSON with the maps as arrays. Loaded (and checked) at start when it exists;
// saved atomically (temp file + rename), debounced after changes and once more on close().
// A file of an older format (version 1: before the API modes) or made in the other API mode is
// not read: the simulator starts from the seed again (and overwrites it), with a note.

import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { VolumeSchema } from '../api/schema';
import type { ApiEra } from '../api/types';
import type { SimFirewall } from './firewalls';
import { STATE_VERSION, type ActionRecord, type SimNetwork, type SimServer, type SimState } from './state';

export const SAVE_DEBOUNCE_MS = 100;

interface StateFile extends Omit<SimState, 'images' | 'servers' | 'floatingIps' | 'sshKeys' | 'actions' | 'primaryIps' | 'placementGroups' | 'networks' | 'volumes' | 'firewalls'> {
  networks: unknown[];
  images: unknown[];
  servers: unknown[];
  floatingIps: unknown[];
  sshKeys: unknown[];
  actions: unknown[];
  primaryIps: unknown[];
  placementGroups?: unknown[];
  volumes: unknown[];
  firewalls?: unknown[];
}

export function serializeState(state: SimState): string {
  const file: StateFile = {
    ...state,
    images: [...state.images.values()],
    servers: [...state.servers.values()],
    floatingIps: [...state.floatingIps.values()],
    networks: [...state.networks.values()],
    sshKeys: [...state.sshKeys.values()],
    actions: [...state.actions.values()],
    primaryIps: [...state.primaryIps.values()],
    placementGroups: [...state.placementGroups.values()],
    volumes: [...state.volumes.values()],
    firewalls: [...state.firewalls.values()],
  };
  return JSON.stringify(file, null, 1);
}

/**
 * The state saved at `path`; undefined when there is no file, or (after `note` says why) when it is of another
 * format version or API mode. Throws a clear Error when it is not a valid state.
 */
export function loadState(path: string, api: ApiEra, note: (message: string) => void = () => undefined): SimState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const file: unknown = JSON.parse(text);
    if (isObject(file) && typeof file.version === 'number' && file.version < STATE_VERSION) {
      note(`state file ${path} is of an older format (version ${file.version}); starting from the seed again`);
      return undefined;
    }
    const state = parseState(file);
    if (state.api !== api) {
      note(`state file ${path} was made by the ${state.api} API mode, not ${api}; starting from the seed again`);
      return undefined;
    }
    return state;
  } catch (e) {
    throw new Error(`simulator state file ${path} is not valid: ${(e as Error).message}`, { cause: e });
  }
}

function fail(message: string): never {
  throw new Error(message);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function entities<T extends { id: number }>(file: Record<string, unknown>, key: string, check?: (item: T) => void): Map<number, T> {
  const list = file[key];
  if (!Array.isArray(list)) fail(`'${key}' must be an array`);
  const map = new Map<number, T>();
  for (const item of list) {
    if (!isObject(item) || !Number.isSafeInteger(item.id)) fail(`every entry of '${key}' needs a numeric id`);
    check?.(item as unknown as T);
    map.set(item.id as number, item as unknown as T);
  }
  return map;
}

function checkServer(server: SimServer): void {
  if (typeof server.name !== 'string' || typeof server.status !== 'string') fail(`server ${server.id} needs a name and a status`);
  if (!isObject(server.public_net) || !isObject(server.server_type) || !isObject(server.datacenter)) {
    fail(`server ${server.id} needs public_net, server_type and datacenter`);
  }
  server.primary_disk_size ??= server.server_type.disk;
}

function checkNetwork(network: SimNetwork): void {
  if (typeof network.ip_range !== 'string' || !Array.isArray(network.subnets) || !Array.isArray(network.routes)) {
    fail(`network ${network.id} needs ip_range, subnets and routes`);
  }
  network.attachments ??= [];
}

function checkFirewall(firewall: SimFirewall): void {
  if (typeof firewall.name !== 'string' || !Array.isArray(firewall.rules) || !Array.isArray(firewall.applied_to)) fail(`firewall ${firewall.id} needs name, rules and applied_to`);
  firewall.pending ??= {};
}

function checkAction(record: ActionRecord): void {
  if (!isObject(record.action) || typeof record.startedMs !== 'number' || typeof record.endMs !== 'number' || !Array.isArray(record.steps)) {
    fail(`action ${record.action?.id ?? '?'} needs action, startedMs, endMs and steps`);
  }
}

function parseState(file: unknown): SimState {
  if (!isObject(file)) fail('the file must hold a JSON object');
  if (file.version !== STATE_VERSION) fail(`unsupported version ${JSON.stringify(file.version)} (expected ${STATE_VERSION})`);
  if (file.api !== '2018' && file.api !== '2026') fail("'api' must be 2018 or 2026");
  if (!isObject(file.typeLocationDeprecations)) fail("'typeLocationDeprecations' must be an object");
  const counters = file.counters;
  if (!isObject(counters) || !Object.values(counters).every((v) => Number.isSafeInteger(v))) fail("'counters' must hold integers");
  for (const key of ['locations', 'datacenters', 'serverTypes', 'isos']) if (!Array.isArray(file[key])) fail(`'${key}' must be an array`);
  if (!isObject(file.pricing)) fail("'pricing' must be an object");
  const actions = new Map<number, ActionRecord>();
  for (const record of entitiesOf<ActionRecord>(file.actions, checkAction)) actions.set(record.action.id, record);
  // Volumes came after STATE_VERSION 2: a file without them has none, and its next id follows theirs.
  const volumes = file.volumes === undefined ? new Map<number, VolumeSchema>() : entities<VolumeSchema>(file, 'volumes');
  (counters as Record<string, unknown>).volume ??= Math.max(99, ...volumes.keys()) + 1;
  return {
    ...(file as unknown as SimState),
    volumes,
    images: entities(file, 'images'),
    servers: entities(file, 'servers', checkServer),
    floatingIps: entities(file, 'floatingIps'),
    // Absent in a state file made before Networks: none.
    networks: file.networks === undefined ? new Map() : entities(file, 'networks', checkNetwork),
    sshKeys: entities(file, 'sshKeys'),
    actions,
    // Absent in a file saved before the simulator had Primary IPs: none.
    primaryIps: file.primaryIps === undefined ? new Map() : entities(file, 'primaryIps'),
    // Absent in a file saved before placement groups: none.
    placementGroups: file.placementGroups === undefined ? new Map() : entities(file, 'placementGroups'),
    // Absent in a file saved before Firewalls: none.
    firewalls: file.firewalls === undefined ? new Map() : entities(file, 'firewalls', checkFirewall),
  };
}

function entitiesOf<T>(list: unknown, check: (item: T) => void): T[] {
  if (!Array.isArray(list)) fail("'actions' must be an array");
  for (const item of list) {
    if (!isObject(item)) fail("every entry of 'actions' must be an object");
    check(item as T);
  }
  return list as T[];
}

/** Debounced, atomic saving of one state to one file. */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly state: SimState,
    private readonly onError: (e: Error) => void = () => undefined,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.save().catch(this.onError);
    }, SAVE_DEBOUNCE_MS);
    this.timer.unref();
  }

  /** Saves now (after any save in progress). */
  save(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const text = serializeState(this.state);
    this.writing = this.writing.catch(() => undefined).then(async () => {
      const temp = `${this.path}.${process.pid}.tmp`;
      await writeFile(temp, text, 'utf8');
      await rename(temp, this.path);
    });
    return this.writing;
  }
}
