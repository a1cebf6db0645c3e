import * as vscode from 'vscode';
import { skippedItems } from '../api/resources/base';
import type { ListCut, Priority } from '../api/transport';
import type { Project } from '../projects/projectStore';
import { fetchFolder, folderClass, folderLabel, folderNoun, LABEL_FILTERED, type FolderData, type FolderWhat, type GroupWhat, type ListWhat } from './fetch';
import { childEntries, prepareEntries, type ChildOf } from './folderChildren';
import type { ClientSource, NodeScope, TreeHost } from './host';
import { MessageNode } from './messageNode';
import { contextValue, type TreeNode } from './node';

const ICONS: Record<FolderWhat, string> = {
  servers: 'server',
  floatingIps: 'pin',
  images: 'file-media',
  snapshots: 'device-camera',
  backups: 'history',
  systemImages: 'package',
  sshKeys: 'key',
  isos: 'record',
  catalog: 'book',
  serverTypes: 'server-process',
  locations: 'location',
  datacenters: 'organization',
  prices: 'credit-card',
  primaryIps: 'globe',
  placementGroups: 'layers',
  networks: 'type-hierarchy',
  volumes: 'database',
  certificates: 'workspace-trusted',
  loadBalancers: 'server-environment',
  loadBalancerTypes: 'server-environment',
  firewalls: 'shield',
};

export interface FolderEnv {
  readonly scope: NodeScope;
  readonly host: TreeHost;
  readonly clients: ClientSource;
}

abstract class FolderBase implements TreeNode {
  readonly id: string;
  readonly kind = 'folder';

  constructor(
    readonly parent: TreeNode,
    readonly what: FolderWhat,
  ) {
    this.id = `${parent.id}/${what}`;
  }

  get label(): string {
    return folderLabel[this.what];
  }

  get project(): Project {
    return this.parent.project;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(ICONS[this.what]);
    item.contextValue = contextValue('folder', this.what);
    return item;
  }

  abstract invalidate(): void;
  abstract getChildren(): Promise<TreeNode[]>;
}

/** A folder of folders: Images, Catalog. `shown` picks the folders shown now (all by default). */
export class GroupFolderNode extends FolderBase {
  constructor(
    parent: TreeNode,
    what: GroupWhat,
    readonly folders: ListFolderNode[],
    private readonly shown?: () => Promise<ListFolderNode[]>,
  ) {
    super(parent, what);
  }

  invalidate(): void {
    for (const f of this.folders) f.invalidate();
  }

  async getChildren(): Promise<TreeNode[]> {
    return this.shown ? this.shown() : this.folders;
  }
}

/** A folder whose children come from one list request, loaded lazily and cached (node instances kept). */
export class ListFolderNode<W extends ListWhat = ListWhat> extends FolderBase {
  private nodes = new Map<string, ChildOf[W]>();
  private order: Array<ChildOf[W]> = [];
  /** Bumped by invalidate(); the folder is fresh when the last load started at the current generation. */
  private generation = 0;
  private loadedGeneration = -1;
  private failedGeneration = -1;
  private loading: Promise<void> | undefined;
  /** Stops the load on its way; invalidate() fires it, since that load answers for the folder as it was. */
  private abort: AbortController | undefined;
  private error: unknown;
  /** What the transport left out of the last list (longer than its cap), if anything. */
  private cut: ListCut | undefined;
  /** The last data fetched (undefined before the first load). */
  data: FolderData[W] | undefined;
  /** Called after each successful load (the project patches servers' Floating IPs). */
  onLoaded?(data: FolderData[W]): void;

  constructor(
    parent: TreeNode,
    override readonly what: W,
    private readonly env: FolderEnv,
  ) {
    super(parent, what);
  }

  get cls() {
    return folderClass[this.what];
  }

  get loaded(): boolean {
    return this.data !== undefined;
  }

  /** Marks the folder for a fetch; a fetch on its way is stopped (its answer may predate the change) and never shown. */
  invalidate(): void {
    this.generation++;
    this.abort?.abort();
  }

  private get stale(): boolean {
    return this.loadedGeneration !== this.generation;
  }

  children(): ReadonlyArray<ChildOf[W]> {
    return this.order;
  }

  find(key: string): ChildOf[W] | undefined {
    return this.nodes.get(key);
  }

  /**
   * Fetches when stale: one request even when asked twice at once, and again when the folder was
   * invalidated while a fetch was on its way (that fetch is stopped and its answer dropped). A
   * failure is kept (shown as an error node) until the next call. `priority` goes with the list
   * this call starts, if it starts one.
   */
  async ensureLoaded(priority: Priority = 'user'): Promise<void> {
    while (this.stale) {
      if (!this.loading) this.loading = this.load(priority);
      await this.loading;
      if (this.error !== undefined && this.failedGeneration === this.generation) return;
    }
  }

  private async load(priority: Priority): Promise<void> {
    const generation = this.generation;
    const abort = new AbortController();
    this.abort = abort;
    const current = () => generation === this.generation;
    try {
      const client = await this.env.clients.get(this.project);
      // Floating IPs, images, placement groups and volumes name their servers: the servers come first (once, if nobody opened them).
      if (this.what === 'floatingIps' || this.what === 'snapshots' || this.what === 'backups' || this.what === 'placementGroups' || this.what === 'volumes') await this.env.scope.ensureServerNames();
      if (this.what === 'loadBalancers') await this.env.scope.ensureServerNames(); // targets by name
      if (this.what === 'firewalls') await this.env.scope.ensureServerNames(); // applied to servers, by name
      if (!current()) return;
      let cut: ListCut | undefined;
      // The first load takes the listing the project total made moments ago, if it did (never cut:
      // the total's listings refuse a list too long to read whole). Not once the folder was
      // invalidated: a command changed its kind, and that listing may predate the change.
      const onHand = generation === 0 && this.loadedGeneration === -1 ? this.env.scope.listingOnHand?.(this.what) : undefined;
      const data = await (onHand ?? fetchFolder(client, this.what, { labelSelector: this.labelSelector, signal: abort.signal, priority, onListCut: (c) => (cut = c) }));
      await prepareEntries(this.what);
      if (!current()) return; // superseded: a newer load shows its own answer
      this.cut = cut;
      this.apply(data);
      this.loadedGeneration = generation;
      this.error = undefined;
      this.env.host.folderLoaded(this);
    } catch (e) {
      if (!current()) return; // stopped because a newer load replaced it: not a failure
      this.error = e;
      this.failedGeneration = generation;
    } finally {
      if (this.abort === abort) this.abort = undefined;
      this.loading = undefined;
    }
  }

  /** Replaces the data, keeping the node of each resource that is still there. */
  apply(data: FolderData[W]): void {
    this.data = data;
    const next = new Map<string, ChildOf[W]>();
    const order: Array<ChildOf[W]> = [];
    for (const entry of childEntries(this.what, this, data, this.env.scope)) {
      let node = this.nodes.get(entry.key);
      if (node) entry.update(node);
      else node = entry.make();
      next.set(entry.key, node);
      order.push(node);
    }
    this.nodes = next;
    this.order = order;
    this.onLoaded?.(data);
  }

  /** The project's label selector, for the folders whose lists take one. */
  private get labelSelector(): string | undefined {
    return LABEL_FILTERED.includes(this.what) ? this.env.host.labelSelectorOf(this.project.id) : undefined;
  }

  async getChildren(): Promise<TreeNode[]> {
    await this.ensureLoaded();
    if (this.stale && this.error !== undefined) return [MessageNode.error(this, folderNoun[this.what], this.error)];
    const filter = this.env.host.filterOf(this.project.id);
    const shown: TreeNode[] = this.order.filter((n) => n.matches(filter));
    const notes = [this.cutNode(), this.unreadNode()].filter((n): n is MessageNode => n !== undefined);
    if (notes.length) return [...shown, ...notes];
    if (shown.length === 0) {
      return [
        new MessageNode(this, `${this.id}/empty`, this.order.length ? `No ${folderNoun[this.what]} match "${filter}"` : this.labelSelector ? `No ${folderNoun[this.what]} with labels ${this.labelSelector}` : `No ${folderNoun[this.what]}`, {
          icon: this.order.length ? 'filter' : 'info',
        }),
      ];
    }
    return shown;
  }

  /** Says that the list was longer than the transport reads, and how long the API said it was. */
  private cutNode(): MessageNode | undefined {
    const cut = this.cut;
    if (!cut) return undefined;
    const count = (n: number) => n.toLocaleString('en-US');
    const noun = folderNoun[this.what];
    const size = cut.claimedItems !== null ? `the list has ${count(cut.claimedItems)}` : cut.claimedPages !== null ? `the list has ${count(cut.claimedPages)} pages` : 'the list is longer';
    return new MessageNode(this, `${this.id}/cut`, `Showing the first ${count(cut.items)} ${noun}: ${size}`, {
      detail: `the tree reads at most ${count(cut.pages)} pages of a list`,
      icon: 'warning',
      tokens: ['listCut'],
    });
  }

  /** Says that items of the last answer could not be read and were left out (each is in the log once). */
  private unreadNode(): MessageNode | undefined {
    const count = skippedItems(this.data);
    if (count === 0) return undefined;
    const noun = folderNoun[this.what];
    return new MessageNode(this, `${this.id}/unread`, count === 1 ? `1 of the ${noun} could not be read` : `${count} of the ${noun} could not be read`, {
      detail: 'left out; the Hetzner Cloud log says why',
      icon: 'warning',
      tokens: ['unreadItems'],
    });
  }
}
