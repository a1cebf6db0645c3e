// Which node a list folder shows for each item of its list, one entry per kind of list: a server
// node, an item node with the kind's presenter, or a price row. Each entry also says how a node
// kept from the last load takes the item's new data (nodes keep their instance across refreshes).

import type { Datacenter, FloatingIp, Image, Iso, Location, Network, PlacementGroup, ServerType, SshKey } from '../api/types';
import type { Volume } from '../api/types';
import type { FolderData, ListWhat } from './fetch';
import { priceRows } from './format';
import type { NodeScope } from './host';
import { ItemNode, type Presenter } from './itemNode';
import { LeafNode } from './leafNode';
import type { TreeNode } from './node';
import { datacenterPresenter, floatingIpPresenter, imagePresenter, isoPresenter, locationPresenter, serverTypePresenter, sshKeyPresenter } from './presenters';
import { placementGroupPresenter } from './presenters';
import { volumePresenter } from './presenters';
import { ServerNode } from './serverNode';
import type { PrimaryIp } from '../api/types';
import { primaryIpPresenter } from './presenters';
import { networkPresenter } from './networkPresenter';
import type { Certificate } from '../api/types';
import type { LoadBalancer, LoadBalancerType } from '../api/types';
import type { Firewall } from '../api/types';

/** The node a list folder keeps for each item of its list. */
export interface ChildOf {
  servers: ServerNode;
  floatingIps: ItemNode<FloatingIp>;
  snapshots: ItemNode<Image>;
  backups: ItemNode<Image>;
  systemImages: ItemNode<Image>;
  sshKeys: ItemNode<SshKey>;
  isos: ItemNode<Iso>;
  serverTypes: ItemNode<ServerType>;
  locations: ItemNode<Location>;
  datacenters: ItemNode<Datacenter>;
  prices: LeafNode;
  primaryIps: ItemNode<PrimaryIp>;
  placementGroups: ItemNode<PlacementGroup>;
  networks: ItemNode<Network>;
  volumes: ItemNode<Volume>;
  certificates: ItemNode<Certificate>;
  loadBalancers: ItemNode<LoadBalancer>;
  loadBalancerTypes: ItemNode<LoadBalancerType>;
  firewalls: ItemNode<Firewall>;
}

/** One item of a list: its key in the folder, its node when it is new, and how an existing node takes its data. */
export interface ChildEntry<N> {
  key: string;
  make(): N;
  update(node: N): void;
}

type Entries = { [W in ListWhat]: (folder: TreeNode, data: FolderData[W], scope: NodeScope) => Array<ChildEntry<ChildOf[W]>> };
type EarlyWhat = Exclude<ListWhat, 'certificates' | 'loadBalancers' | 'loadBalancerTypes' | 'firewalls'>;

const items =
  <T extends { id: number }>(presenter: Presenter<T>) =>
  (folder: TreeNode, list: T[], scope: NodeScope): Array<ChildEntry<ItemNode<T>>> =>
    list.map((r) => ({ key: String(r.id), make: () => new ItemNode(folder, scope, presenter, r), update: (node) => node.update(r) }));

const ENTRIES: Pick<Entries, EarlyWhat> = {
  servers: (folder, list, scope) => list.map((s) => ({ key: String(s.id), make: () => new ServerNode(folder, s, scope), update: (node) => node.update(s) })),
  floatingIps: items(floatingIpPresenter),
  snapshots: items(imagePresenter),
  backups: items(imagePresenter),
  systemImages: items(imagePresenter),
  sshKeys: items(sshKeyPresenter),
  isos: items(isoPresenter),
  serverTypes: items(serverTypePresenter),
  locations: items(locationPresenter),
  datacenters: items(datacenterPresenter),
  prices: (folder, pricing) =>
    priceRows(pricing).map(([key, label, description]) => {
      const options = () => ({ description, icon: 'credit-card', tokens: ['price'] });
      return { key, make: () => new LeafNode(folder, `${folder.id}/price/${key}`, label, options()), update: (node) => node.update(label, options()) };
    }),
  primaryIps: items(primaryIpPresenter),
  placementGroups: items(placementGroupPresenter),
  networks: (folder, list, scope) => items(networkPresenter(scope))(folder, list, scope),
  volumes: items(volumePresenter),
};

/**
 * The folders whose presenters load with `import()` the first time one of them is listed
 * (./lateEntries.ts): they are the largest, and activation does not need them.
 */
export type LateWhat = 'certificates' | 'loadBalancers' | 'loadBalancerTypes' | 'firewalls';
export type LateEntries = Pick<Entries, LateWhat>;
const LATE: readonly ListWhat[] = ['certificates', 'loadBalancers', 'loadBalancerTypes', 'firewalls'] satisfies LateWhat[];
let late: LateEntries | undefined;
let lateLoading: Promise<void> | undefined;

/** Loads what childEntries() needs for the folder (nothing for most): call before it. */
export function prepareEntries(what: ListWhat): Promise<void> | undefined {
  if (late || !LATE.includes(what)) return undefined;
  lateLoading ??= import('./lateEntries').then((m) => {
    late = m.lateEntries(items);
  });
  return lateLoading;
}

/** Makes the item nodes of a list with one presenter (the late entries use it too). */
export type ItemsOf = typeof items;

/** The entries of a folder's list, in the list's order. */
export function childEntries<W extends ListWhat>(what: W, folder: TreeNode, data: FolderData[W], scope: NodeScope): Array<ChildEntry<ChildOf[W]>> {
  const table = { ...ENTRIES, ...late } as Partial<Entries>;
  const entries = table[what] as Entries[W] | undefined;
  if (!entries) throw new Error(`the presenters of ${what} are not loaded: await prepareEntries() first`);
  return entries(folder, data, scope);
}
