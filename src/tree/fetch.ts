// What each folder of the tree fetches: one list request per folder (listAll), and one GET to poll
// a resource. No vscode: the tree and the idle benchmark use these same functions.

import type { HcloudClient } from '../api/client';
import type { CallOptions, ListCut } from '../api/transport';
import type { Datacenter, FloatingIp, Image, Iso, Location, Network, Pricing, Server, ServerType, SshKey } from '../api/types';
import type { PlacementGroup, PrimaryIp } from '../api/types';
import type { Volume } from '../api/types';
import type { Certificate } from '../api/types';
import type { LoadBalancer, LoadBalancerType } from '../api/types';
import type { Firewall } from '../api/types';
import type { FolderClass } from './refreshPolicy';
import type { ResourceKind } from './resourceNode';

export interface FolderData {
  servers: Server[];
  floatingIps: FloatingIp[];
  snapshots: Image[];
  backups: Image[];
  systemImages: Image[];
  sshKeys: SshKey[];
  isos: Iso[];
  serverTypes: ServerType[];
  locations: Location[];
  datacenters: Datacenter[];
  prices: Pricing;
  primaryIps: PrimaryIp[];
  placementGroups: PlacementGroup[];
  networks: Network[];
  /** Today's API only (a folder of ProjectNode.todayFolders). */
  volumes: Volume[];
  /** Today's API only. */
  certificates: Certificate[];
  loadBalancers: LoadBalancer[];
  /** Today's API only: a folder of the Catalog. */
  loadBalancerTypes: LoadBalancerType[];
  firewalls: Firewall[];
}

export type ListWhat = keyof FolderData;
export type GroupWhat = 'images' | 'catalog';
export type FolderWhat = ListWhat | GroupWhat;

export const folderClass: Record<ListWhat, FolderClass> = {
  servers: 'fast',
  floatingIps: 'slow',
  snapshots: 'slow',
  backups: 'slow',
  sshKeys: 'slow',
  systemImages: 'static',
  isos: 'static',
  serverTypes: 'static',
  locations: 'static',
  datacenters: 'static',
  prices: 'static',
  primaryIps: 'slow',
  placementGroups: 'slow',
  networks: 'slow',
  volumes: 'slow',
  certificates: 'slow',
  loadBalancers: 'slow',
  loadBalancerTypes: 'static',
  firewalls: 'slow',
};

export const folderLabel: Record<FolderWhat, string> = {
  servers: 'Servers',
  floatingIps: 'Floating IPs',
  images: 'Images',
  snapshots: 'Snapshots',
  backups: 'Backups',
  systemImages: 'System Images',
  sshKeys: 'SSH Keys',
  isos: 'ISOs',
  catalog: 'Catalog',
  serverTypes: 'Server Types',
  locations: 'Locations',
  datacenters: 'Datacenters',
  prices: 'Prices',
  primaryIps: 'Primary IPs',
  placementGroups: 'Placement Groups',
  networks: 'Networks',
  volumes: 'Volumes',
  certificates: 'Certificates',
  loadBalancers: 'Load Balancers',
  loadBalancerTypes: 'Load Balancer Types',
  firewalls: 'Firewalls',
};

/** The folder's contents in a sentence: `Could not load Floating IPs`, `No SSH keys`. */
export const folderNoun: Record<ListWhat, string> = {
  servers: 'servers',
  floatingIps: 'Floating IPs',
  snapshots: 'snapshots',
  backups: 'backups',
  systemImages: 'system images',
  sshKeys: 'SSH keys',
  isos: 'ISOs',
  serverTypes: 'server types',
  locations: 'locations',
  datacenters: 'datacenters',
  prices: 'prices',
  primaryIps: 'Primary IPs',
  placementGroups: 'placement groups',
  networks: 'Networks',
  volumes: 'volumes',
  certificates: 'certificates',
  loadBalancers: 'Load Balancers',
  loadBalancerTypes: 'Load Balancer types',
  firewalls: 'firewalls',
};

const byName = <T extends { name?: string; id: number }>(a: T, b: T) => (a.name ?? '').localeCompare(b.name ?? '') || a.id - b.id;
const newestFirst = (a: Image, b: Image) => b.created.getTime() - a.created.getTime() || b.id - a.id;
const byAddress = (a: { ip: string }, b: { ip: string }) => a.ip.localeCompare(b.ip, undefined, { numeric: true });
/** The Images folder's order: snapshots, then backups (each newest first), then system images by name. */
const IMAGE_RANK: Record<string, number> = { snapshot: 0, backup: 1 };
const imagesAsInTree = (a: Image, b: Image) =>
  (IMAGE_RANK[a.type] ?? 2) - (IMAGE_RANK[b.type] ?? 2) || ((IMAGE_RANK[a.type] ?? 2) === 2 ? byName(a, b) : newestFirst(a, b));

/**
 * How the tree orders the rows of a kind, for the palette's pickers (src/commands/pick.ts) to list
 * their candidates the same way; undefined for a kind whose rows keep the API's order.
 */
export function treeOrder(kind: ResourceKind): ((a: never, b: never) => number) | undefined {
  switch (kind) {
    case 'floatingIp':
    case 'primaryIp':
      return byAddress;
    case 'image':
      return imagesAsInTree;
    case 'server':
    case 'sshKey':
    case 'iso':
    case 'location':
    case 'datacenter':
    case 'placementGroup':
    case 'network':
    case 'volume':
    case 'certificate':
    case 'loadBalancer':
    case 'firewall':
      return byName;
    default:
      return undefined;
  }
}

/**
 * The folders of the families the 2018 contract lacks, in the order a project shows them (between
 * Servers and Floating IPs: the IP folders side by side); only against today's API (ProjectNode).
 */
export const TODAY_FOLDERS: readonly ListWhat[] = ['volumes', 'networks', 'placementGroups', 'primaryIps', 'certificates', 'loadBalancers', 'firewalls'];

/** Catalog folders of the families the 2018 contract lacks: shown only against today's API. */
export const TODAY_CATALOG_FOLDERS: readonly ListWhat[] = ['loadBalancerTypes'];

/** Folders whose list takes the project's label selector (Filter by Labels…). */
export const LABEL_FILTERED: readonly ListWhat[] = ['servers', 'floatingIps', 'snapshots', 'backups', 'sshKeys', 'primaryIps', 'placementGroups', 'networks', 'volumes', 'certificates', 'loadBalancers', 'firewalls'];

export interface FetchFolderOptions extends Pick<CallOptions, 'priority'> {
  /** Today's API: goes with the lists of LABEL_FILTERED. */
  labelSelector?: string;
  /** Stops the list (every page on its way, and the retries): a newer load replaced this one. */
  signal?: AbortSignal;
  /**
   * A list longer than the transport's cap (200 pages, 10,000 items) then resolves to its first
   * 10,000 items and this says what was left out; without it such a list rejects (`list_too_long`).
   */
  onListCut?: (cut: ListCut) => void;
}

/** One list request (all pages) for a folder's children, sorted as the tree shows them. */
export async function fetchFolder<W extends ListWhat>(client: HcloudClient, what: W, options: FetchFolderOptions = {}): Promise<FolderData[W]> {
  const { labelSelector, ...rest } = options;
  return (await fetchAny(client, what, labelSelector || undefined, rest)) as FolderData[W];
}

async function fetchAny(client: HcloudClient, what: ListWhat, labelSelector: string | undefined, call: CallOptions): Promise<FolderData[ListWhat]> {
  const labels = labelSelector ? { labelSelector } : {};
  switch (what) {
    case 'servers':
      return (await client.servers.listAll(labels, call)).sort(byName);
    case 'floatingIps':
      return (await client.floatingIps.listAll(labels, call)).sort(byAddress);
    case 'snapshots':
      return (await client.images.listAll({ type: 'snapshot', ...labels }, call)).sort(newestFirst);
    case 'backups':
      return (await client.images.listAll({ type: 'backup', ...labels }, call)).sort(newestFirst);
    case 'systemImages':
      return (await client.images.listAll({ type: 'system' }, call)).sort(byName);
    case 'sshKeys':
      return (await client.sshKeys.listAll(labels, call)).sort(byName);
    case 'isos':
      return (await client.isos.listAll({}, call)).sort(byName);
    case 'serverTypes':
      return (await client.serverTypes.listAll({}, call)).sort((a, b) => a.cores - b.cores || a.memory - b.memory || a.name.localeCompare(b.name));
    case 'locations':
      return (await client.locations.listAll({}, call)).sort(byName);
    case 'datacenters':
      return (await client.datacenters.listAll({}, call)).sort(byName);
    case 'prices':
      return client.pricing.get(call);
    case 'primaryIps':
      return (await client.primaryIps.listAll(labels, call)).sort(byAddress);
    case 'placementGroups':
      return (await client.placementGroups.listAll(labels, call)).sort(byName);
    case 'networks':
      return (await client.networks.listAll(labels, call)).sort(byName);
    case 'volumes':
      return (await client.volumes.listAll(labels, call)).sort(byName);
    case 'certificates':
      return (await client.certificates.listAll(labels, call)).sort(byName);
    case 'loadBalancers':
      return (await client.loadBalancers.listAll(labels, call)).sort(byName);
    case 'loadBalancerTypes':
      return (await client.loadBalancerTypes.listAll({}, call)).sort((a, b) => a.maxConnections - b.maxConnections || a.name.localeCompare(b.name));
    case 'firewalls':
      return (await client.firewalls.listAll(labels, call)).sort(byName);
  }
}

export type PolledKind = 'server' | 'image' | 'floatingIp';

/** One GET to poll a resource; undefined when it is gone. */
export async function fetchResource(client: HcloudClient, kind: 'server', id: number, options?: CallOptions): Promise<Server | undefined>;
export async function fetchResource(client: HcloudClient, kind: 'image', id: number, options?: CallOptions): Promise<Image | undefined>;
export async function fetchResource(client: HcloudClient, kind: PolledKind, id: number, options?: CallOptions): Promise<Server | Image | FloatingIp | undefined>;
export async function fetchResource(client: HcloudClient, kind: PolledKind, id: number, options?: CallOptions): Promise<Server | Image | FloatingIp | undefined> {
  switch (kind) {
    case 'server':
      return client.servers.get(id, options);
    case 'image':
      return client.images.get(id, options);
    case 'floatingIp':
      return client.floatingIps.get(id, options);
  }
}

/** Resources a freshly loaded folder shows in a transitional state: the tree polls each until it settles. */
export function unsettled<W extends ListWhat>(what: W, data: FolderData[W]): Array<{ kind: PolledKind; id: number }> {
  if (what === 'servers') {
    return (data as Server[]).filter((s) => s.locked || ['initializing', 'starting', 'stopping', 'deleting', 'migrating', 'rebuilding'].includes(s.status)).map((s) => ({ kind: 'server', id: s.id }));
  }
  if (what === 'snapshots' || what === 'backups') {
    return (data as Image[]).filter((i) => i.status === 'creating').map((i) => ({ kind: 'image', id: i.id }));
  }
  return [];
}

/** Whether a polled resource has settled (polling stops): gone, or no longer in a transitional state. */
export function isSettled(kind: PolledKind, r: Server | Image | FloatingIp | undefined): boolean {
  if (!r) return true;
  if (kind === 'server') return unsettled('servers', [r as Server]).length === 0;
  if (kind === 'image') return unsettled('snapshots', [r as Image]).length === 0;
  return true;
}
