import * as vscode from 'vscode';
import type { Priority } from '../api/transport';
import type { Image, Server } from '../api/types';
import type { ClientPool } from '../projects/clientPool';
import type { ScopeKind } from '../shared/actionLogProtocol';
import type { Project, ProjectStore } from '../projects/projectStore';
import { unsettled, type PolledKind } from './fetch';
import type { ListFolderNode } from './folderNode';
import type { TreeHost } from './host';
import { foldersHolding, foldersToReload } from './kindFolders';
import type { TreeNode } from './node';
import { PollScheduler, type PollAnswer, type PollHost, type PollOrigin, type PollTarget } from './pollScheduler';
import { ProjectNode } from './projectNode';
import { readOnlyRow } from './readOnlyRow';
import { listingPages, RefreshPolicy, remainingFraction } from './refreshPolicy';
import type { ResourceKind } from './resourceNode';
import { ServerNode } from './serverNode';
import { WorkspaceProject } from './workspaceProject';

const FILTERS_KEY = 'hcloud.view.filters';
const LABEL_SELECTORS_KEY = 'hcloud.view.labelSelectors';
const CATALOG_KEY = 'hcloud.view.catalogShown';
/** Context key for the view/title menu: Show Catalog or Hide Catalog. */
export const CATALOG_CONTEXT_KEY = 'hcloud.catalogShown';

/** Memento stand-in when none is given (filters and the toggle then last for the session). */
class MemoryMemento {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

type StateLike = Pick<vscode.Memento, 'get' | 'update'> | MemoryMemento;

export class ProjectsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable, TreeHost, PollHost {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly roots = new Map<string, ProjectNode>();
  readonly policy: RefreshPolicy;
  /** Runs what the policy says is due: periodic listings, change checks, polls (./pollScheduler.ts). */
  private readonly scheduler: PollScheduler;
  private readonly state: StateLike;
  private view: vscode.TreeView<TreeNode> | undefined;
  readonly workspace: WorkspaceProject = new WorkspaceProject(() => this.projects.list(), this); // the workspace-bound project

  constructor(
    private readonly projects: ProjectStore,
    private readonly clients: ClientPool,
    state?: vscode.Memento,
    now: () => number = Date.now,
  ) {
    this.state = state ?? new MemoryMemento();
    this.policy = new RefreshPolicy(now, {
      intervalSeconds: readInterval(),
      // `project/<id>` → the share of the project's request budget left now.
      budgetFraction: (projectKey) => remainingFraction(clients.budgetOf(projectKey.slice('project/'.length))),
    });
    this.scheduler = new PollScheduler(this.policy, clients, this, now);
    this.disposables.push(
      this.workspace,
      projects.onDidChange(() => this.refresh()),
      projects.onDidChangeReadOnly(() => this.emitter.fire(undefined)), // every row again (their menus), nothing fetched
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('hcloud.autoRefreshSeconds')) return;
        this.policy.setIntervalSeconds(readInterval());
        this.schedule();
      }),
    );
    void vscode.commands.executeCommand('setContext', CATALOG_CONTEXT_KEY, this.catalogShown());
  }

  /** Follows the view: periodic refresh only while it is visible; collapsed folders are not refreshed. */
  attachView(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
    this.workspace.attachView(view);
    this.policy.setVisible(view.visible);
    this.disposables.push(
      view.onDidChangeVisibility((e) => {
        this.policy.setVisible(e.visible);
        this.schedule();
      }),
      view.onDidCollapseElement((e) => this.policy.nodeCollapsed(e.element.id)),
      view.onDidExpandElement((e) => {
        if (e.element instanceof ProjectNode) void e.element.showTotal(); // the monthly total, kept 10 minutes
        const stale = this.policy.nodeExpanded(e.element.id);
        for (const id of stale) {
          const folder = this.findFolder(id);
          if (folder) this.refreshFolders(folder);
        }
        this.schedule();
      }),
    );
    // Nothing is due yet: the policy knows no folder before the first listing (folderLoaded schedules).
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }

  // TreeHost -------------------------------------------------------------------------------------

  filterOf(projectId: string): string | undefined {
    return this.state.get<Record<string, string>>(FILTERS_KEY, {})?.[projectId] || undefined;
  }

  labelSelectorOf(projectId: string): string | undefined {
    return this.workspace.selectorOf(projectId) ?? (this.state.get<Record<string, string>>(LABEL_SELECTORS_KEY, {})?.[projectId] || undefined);
  }

  projectCount(): number {
    return this.projects.list().length;
  }

  catalogShown(): boolean {
    return this.state.get<boolean>(CATALOG_KEY, false) ?? false;
  }

  folderLoaded(folder: ListFolderNode): void {
    this.policy.folderLoaded(folder.id, folder.cls, listingPages(folder.data));
    if (folder.data) for (const r of unsettled(folder.what, folder.data)) this.watch(folder.project, r.kind, r.id, 'later');
    this.schedule();
  }

  changed(node: TreeNode | undefined): void {
    this.emitter.fire(node);
  }

  /** Starts polling a resource seen in a transitional state (./pollScheduler.ts). */
  private watch(project: Project, kind: PolledKind, id: number, at: 'now' | 'later'): void {
    this.scheduler.watch(project, kind, id, at);
  }

  // Filter and catalog ---------------------------------------------------------------------------

  async setFilter(projectId: string, filter: string | undefined): Promise<void> {
    const all = { ...(this.state.get<Record<string, string>>(FILTERS_KEY, {}) ?? {}) };
    if (filter?.trim()) all[projectId] = filter.trim();
    else delete all[projectId];
    await this.state.update(FILTERS_KEY, all);
    const node = this.roots.get(projectId);
    this.emitter.fire(node);
  }

  /**
   * Sets (or clears) the label selector of a project: its servers, Floating IPs, snapshots, backups
   * and SSH keys are fetched again with it (the folders nobody opened, when they are opened).
   */
  async setLabelSelector(projectId: string, selector: string | undefined): Promise<void> {
    this.workspace.userChose(projectId);
    const all = { ...(this.state.get<Record<string, string>>(LABEL_SELECTORS_KEY, {}) ?? {}) };
    if (selector?.trim()) all[projectId] = selector.trim();
    else delete all[projectId];
    await this.state.update(LABEL_SELECTORS_KEY, all);
    this.selectorChanged(projectId);
  }

  selectorChanged(projectId: string): void {
    const node = this.roots.get(projectId);
    if (!node) return;
    const f = node.folders;
    this.refreshFolders(f.servers, f.floatingIps, f.snapshots, f.backups, f.sshKeys, f.volumes, f.certificates);
    node.costs.forget(); // the total covers what the selector shows: computed again with it
    this.emitter.fire(node);
  }

  async setCatalogShown(shown: boolean): Promise<void> {
    await this.state.update(CATALOG_KEY, shown);
    await vscode.commands.executeCommand('setContext', CATALOG_CONTEXT_KEY, shown);
    this.emitter.fire(undefined);
  }

  // Refresh --------------------------------------------------------------------------------------

  /** Reloads one node's children (a project: every folder of it), or the whole tree. */
  refresh(node?: TreeNode): void {
    if (!node) for (const p of this.roots.values()) p.invalidate();
    else node.invalidate();
    this.emitter.fire(node);
  }

  /**
   * After a change made by a command: reload only what shows the resource (or the whole project
   * when no kind is named) and keep polling it while it is in a transitional state.
   */
  resourceChanged(projectId: string, kind?: ResourceKind, id?: number): void {
    const p = this.roots.get(projectId);
    if (!p) return;
    const f = p.folders;
    switch (kind) {
      case undefined:
        return this.refresh(p);
      case 'server':
        if (id === undefined) return this.refreshFolders(f.servers);
        return this.watch(p.project, 'server', id, 'now');
      case 'image':
        if (id === undefined) return this.refreshFolders(f.snapshots, f.backups);
        return this.watch(p.project, 'image', id, 'now');
      default:
        return this.refreshFolders(...foldersToReload(p, kind));
    }
  }

  /** The project node of a project (stable instance), if it is in the tree. */
  projectNode(projectId: string): ProjectNode | undefined {
    return this.roots.get(projectId);
  }

  /**
   * The node of a server, Floating IP or image, loading its folder when needed (and once more
   * when it is not in a folder loaded earlier: it may be new). Undefined when it does not exist
   * (or the project is not in the tree).
   */
  async findResourceNode(projectId: string, kind: ScopeKind, id: number): Promise<TreeNode | undefined> {
    if (!this.roots.has(projectId)) this.syncRoots();
    const p = this.roots.get(projectId);
    if (!p) return undefined;
    const folders = foldersHolding(p, kind);
    const look = () => folders.map((x) => x.find(String(id))).find((n) => n !== undefined);
    const loaded = folders.filter((x) => x.loaded);
    if (look()) return look();
    // Folders nobody opened (each lists for itself: no handover of the total's listing), then (it may be new) the ones loaded before.
    for (const folder of folders.filter((x) => !x.loaded)) { folder.invalidate(); await folder.ensureLoaded(); }
    await p.redrawn();
    if (look()) return look();
    for (const folder of loaded) {
      folder.invalidate();
      await folder.ensureLoaded();
      this.emitter.fire(folder);
    }
    return look();
  }

  /** Shows, selects and focuses a resource's node; false when it does not exist. */
  async revealResource(projectId: string, kind: ScopeKind, id: number): Promise<boolean> {
    const node = await this.findResourceNode(projectId, kind, id);
    if (!node) return false;
    await this.view?.reveal(node, { select: true, focus: true, expand: false });
    return true;
  }

  private refreshFolders(...folders: ListFolderNode[]): void {
    this.reload('user', folders);
  }

  /** `background`: nobody waits for it (the periodic refresh); the project's request budget serves users first. */
  private reload(priority: Priority, folders: ListFolderNode[]): void {
    for (const folder of folders) {
      folder.invalidate();
      if (priority === 'user') this.roots.get(folder.project.id)?.costs.changed(folder.what); // the total lists the kind again
      // A folder nobody has opened is fetched when it is opened; one that was is fetched now.
      if (folder.loaded) void folder.ensureLoaded(priority).then(() => this.emitter.fire(folder));
    }
  }

  private schedule(): void { this.scheduler.schedule(); }

  private findFolder(id: string): ListFolderNode | undefined {
    for (const p of this.roots.values()) {
      const f = p.allFolders().find((x) => x.id === id);
      if (f) return f;
    }
    return undefined;
  }

  // PollHost -------------------------------------------------------------------------------------

  projectTarget(projectId: string): PollTarget | undefined {
    const p = this.roots.get(projectId);
    return p && this.projects.get(projectId) ? this.targetOf(p) : undefined;
  }

  folderTarget(key: string): PollTarget | undefined {
    const folder = this.findFolder(key);
    return folder && this.projectTarget(folder.project.id);
  }

  listFolder(key: string): void {
    const folder = this.findFolder(key);
    if (folder) this.reload('background', [folder]);
  }

  private targetOf(p: ProjectNode): PollTarget {
    return {
      project: p.project,
      folderKey: (what) => p.folders[what].id,
      polled: (answer: PollAnswer) => {
        if (answer.kind === 'server') this.applyServer(p, answer.id, answer.server, answer.origin);
        else if (answer.kind === 'image') this.applyImage(p, answer.id, answer.image);
        else this.refreshFolders(p.folders.floatingIps);
      },
    };
  }

  /**
   * A polled server's new state. A new or deleted one changes lists: after a command they are listed
   * at once; after a change check (background) the policy lists them when the budget allows, and a
   * deleted server leaves its folder at once (no request).
   */
  private applyServer(p: ProjectNode, id: number, server: Server | undefined, origin: PollOrigin): void {
    const folder = p.folders.servers;
    const node = folder.find(String(id));
    const f = p.folders;
    if (server && node) {
      // Settled in another power state (not each step on the way): its targets' health changed.
      const powered = node.server.status !== server.status && (server.status === 'running' || server.status === 'off');
      node.update(server);
      this.emitter.fire(node);
      if (powered) this.targetPowered(p, server);
    } else if (server) {
      // Created.
      if (origin === 'user') this.refreshFolders(folder);
      else this.policy.folderStale(folder.id);
    } else if (node) {
      // Deleted: its Floating IPs were unassigned, its backups and auto-deleted Primary IPs deleted with it.
      const others = [f.floatingIps, f.backups, f.primaryIps];
      if (origin === 'user') return this.refreshFolders(folder, ...others);
      folder.apply((folder.data ?? []).filter((s) => s.id !== id));
      this.emitter.fire(folder);
      for (const x of others.filter((o) => o.loaded)) this.policy.folderStale(x.id);
      this.schedule();
    }
  }

  /**
   * A server that a Load Balancer targets changed its power state, so its health there changes: the
   * Load Balancers folder (when loaded) is listed again when the budget allows. No new polling.
   */
  private targetPowered(p: ProjectNode, server: Server): void {
    if (!server.loadBalancerIds?.length || !p.folders.loadBalancers.loaded) return;
    this.policy.folderStale(p.folders.loadBalancers.id);
    this.schedule();
  }

  private applyImage(p: ProjectNode, id: number, image: Image | undefined): void {
    const f = p.folders;
    const holder = [f.snapshots, f.backups, f.systemImages].find((x) => x.find(String(id)));
    const node = holder?.find(String(id));
    if (image && node && image.type === node.resource.type) {
      node.update(image);
      this.emitter.fire(node);
      return;
    }
    if (holder) this.refreshFolders(holder);
    if (image) {
      const target = image.type === 'backup' ? p.folders.backups : image.type === 'snapshot' ? p.folders.snapshots : undefined;
      if (target && target !== holder) this.refreshFolders(target);
    }
  }

  // TreeDataProvider -----------------------------------------------------------------------------

  getTreeItem(node: TreeNode): vscode.TreeItem {
    // A read-only project's rows: no write command in their menus, the state on the project row.
    return readOnlyRow(node.getTreeItem(), this.projects.readOnly(node.project.id), node.kind === 'project');
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.syncRoots();
    return node.getChildren();
  }

  /** On hover, for a tooltip left undefined: a server's, once the Floating IPs it shows by address are loaded. */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    if (node instanceof ServerNode && item.tooltip === undefined) item.tooltip = await node.resolveTooltip();
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** One ProjectNode per project, kept while the project's name, endpoint and source stay the same. */
  private syncRoots(): ProjectNode[] {
    const list = this.projects.list();
    const next = new Map<string, ProjectNode>();
    for (const project of list) {
      const old = this.roots.get(project.id);
      const same = old && old.project.name === project.name && old.project.endpoint === project.endpoint && old.project.source === project.source;
      next.set(project.id, same ? old : new ProjectNode(project, this.clients, this));
    }
    for (const [id, node] of this.roots) {
      if (next.get(id) !== node) this.scheduler.forgetProject(id);
    }
    this.roots.clear();
    for (const [id, node] of next) this.roots.set(id, node);
    return this.workspace.ordered([...this.roots.values()]);
  }
}

function readInterval(): number {
  return vscode.workspace.getConfiguration('hcloud').get<number>('autoRefreshSeconds', 60);
}
