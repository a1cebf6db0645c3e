import * as vscode from 'vscode';
import type { ApiEra, FloatingIp } from '../api/types';
import type { Pricing } from '../api/types';
import type { Volume } from '../api/types';
import type { Project } from '../projects/projectStore';
import { TODAY_FOLDERS, type FolderData, type ListWhat } from './fetch';
import { TODAY_CATALOG_FOLDERS } from './fetch';
import { GroupFolderNode, ListFolderNode, type FolderEnv } from './folderNode';
import { md, mdCode } from './format';
import type { ClientSource, NodeScope, TreeHost } from './host';
import { MessageNode } from './messageNode';
import { contextValue, type TreeNode } from './node';
import { syncServersVolumes } from './serverVolumes';
import { FirewallNames } from './firewallNames';
import { fetchFolder } from './fetch';
import { COSTS_MAX_AGE_MS, isCostWhat, ProjectCostCache } from './projectCosts';
import { projectTotalLines, projectTotalText } from './costFormat';
import { workspaceTooltipLines } from './workspaceOrder';

/** Filter and catalog toggle when no provider hosts the node (e.g. a test builds one alone). */
const standaloneHost: TreeHost = {
  filterOf: () => undefined,
  labelSelectorOf: () => undefined,
  catalogShown: () => false,
  folderLoaded: () => undefined,
  changed: () => undefined,
};

/** A project: its folders (Servers, Floating IPs, Images, SSH Keys, ISOs, Catalog), created once; Datacenters only in the 2018 catalog. */
export class ProjectNode implements TreeNode, NodeScope {
  readonly id: string;
  readonly kind = 'project';
  readonly parent = undefined;
  readonly folders: { [W in ListWhat]: ListFolderNode<W> };
  private readonly images: GroupFolderNode;
  private readonly catalog: GroupFolderNode;
  /**
   * Folders of the families the 2018 contract lacks (Volumes, Networks, Primary IPs, Placement
   * Groups, ...), shown after Servers, in this order, only against today's API (see apiEra()).
   * Each family pushes its folder here in the constructor.
   */
  private readonly todayFolders: ListFolderNode[] = [];
  /** Networks' names learned without the Networks folder (ensureNetworkNames), and that request on its way. */
  private readonly networkNames = new Map<number, string>();
  private networkNamesLoading: Promise<void> | undefined;
  /** Names of the firewalls servers name (firewallNames.ts). */
  private readonly firewallNames = new FirewallNames(
    () => this.folders.firewalls.data,
    async () => (await this.clients.get(this.project)).firewalls.listAll(),
  );
  /** Folder redraws on their way (prices loaded after a folder's rows). */
  private readonly redraws = new Set<Promise<void>>();
  /** When the prices were last loaded: they are kept 10 minutes (asked again only when something needs them). */
  private pricesAt = 0;
  /** The project's monthly total (./projectCosts.ts): computed when the project is expanded or its row hovered. */
  readonly costs = new ProjectCostCache({
    now: () => Date.now(),
    today: async () => (await this.apiEra()) === '2026',
    loaded: (what) => this.folders[what].data,
    list: async (what) => fetchFolder(await this.clients.get(this.project), what, { labelSelector: this.host.labelSelectorOf(this.project.id), priority: 'background' }),
    pricing: async () => {
      await this.ensurePrices();
      const pricing = this.pricing();
      if (!pricing) throw new Error('the prices could not be loaded');
      return pricing;
    },
  });

  constructor(
    readonly project: Project,
    private readonly clients: ClientSource,
    private readonly host: TreeHost = standaloneHost,
  ) {
    this.id = `project/${project.id}`;
    const env: FolderEnv = { scope: this, host, clients };
    const list = <W extends ListWhat>(parent: TreeNode, what: W) => new ListFolderNode(parent, what, env);
    this.images = new GroupFolderNode(this, 'images', []);
    this.catalog = new GroupFolderNode(this, 'catalog', [], () => this.catalogFolders());
    this.folders = {
      servers: list(this, 'servers'),
      floatingIps: list(this, 'floatingIps'),
      snapshots: list(this.images, 'snapshots'),
      backups: list(this.images, 'backups'),
      systemImages: list(this.images, 'systemImages'),
      sshKeys: list(this, 'sshKeys'),
      isos: list(this, 'isos'),
      serverTypes: list(this.catalog, 'serverTypes'),
      locations: list(this.catalog, 'locations'),
      datacenters: list(this.catalog, 'datacenters'),
      prices: list(this.catalog, 'prices'),
      primaryIps: list(this, 'primaryIps'),
      placementGroups: list(this, 'placementGroups'),
      networks: list(this, 'networks'),
      volumes: list(this, 'volumes'),
      certificates: list(this, 'certificates'),
      loadBalancers: list(this, 'loadBalancers'),
      loadBalancerTypes: list(this.catalog, 'loadBalancerTypes'),
      firewalls: list(this, 'firewalls'),
    };
    this.images.folders.push(this.folders.snapshots, this.folders.backups, this.folders.systemImages);
    this.catalog.folders.push(this.folders.serverTypes, this.folders.locations, this.folders.datacenters, this.folders.prices);
    this.todayFolders.push(...TODAY_FOLDERS.map((w) => this.folders[w]));
    this.folders.primaryIps.onLoaded = () => void this.loadPricesFor(this.folders.primaryIps);
    // Floating IPs and snapshots show their prices; backups say what they cost (a percentage).
    this.folders.floatingIps.onLoaded = (fips) => {
      this.syncServersFloatingIps(fips);
      void this.loadPricesFor(this.folders.floatingIps);
    };
    this.folders.snapshots.onLoaded = () => void this.loadPricesFor(this.folders.snapshots);
    this.folders.backups.onLoaded = () => void this.loadPricesFor(this.folders.backups);
    this.folders.prices.onLoaded = () => {
      this.pricesAt = Date.now();
      // Servers with backups add them to their row's price once the percentage is known.
      if (this.folders.servers.data?.some((s) => s.backupWindow)) this.host.changed(this.folders.servers);
    };
    this.folders.volumes.onLoaded = (volumes) => {
      syncServersVolumes(this.folders.servers, volumes, (node) => this.host.changed(node));
      void this.loadPricesFor(this.folders.volumes); // rows show their monthly price
    };
  }

  /** The catalog's folders: Datacenters only where the API has them (the 2018 contract). */
  private async catalogFolders(): Promise<ListFolderNode[]> {
    const f = this.folders;
    return (await this.apiEra()) === '2018' ? [f.serverTypes, f.locations, f.datacenters, f.prices] : [f.serverTypes, ...TODAY_CATALOG_FOLDERS.map((w) => f[w]), f.locations, f.prices];
  }

  /**
   * Which API the project answers with, told by answers the tree has anyway: the server types
   * (today's come with `locations[]`) or the era the client learned from them or from servers.
   * Never by asking `/datacenters` (today's API answers it with 410). When neither is known yet,
   * the Server Types folder (static, one request) is loaded first; while nothing says "2018", it
   * is today's API: no Datacenters folder, and today's folders show.
   */
  private async apiEra(): Promise<ApiEra> {
    const types = this.folders.serverTypes;
    const fromTypes = (): ApiEra | undefined => (types.data?.length ? (types.data.some((t) => t.locations !== undefined) ? '2026' : '2018') : undefined);
    const fromClient = async (): Promise<ApiEra | undefined> => {
      try {
        return (await this.clients.get(this.project)).era;
      } catch {
        return undefined;
      }
    };
    const known = fromTypes() ?? (await fromClient());
    if (known !== undefined) return known;
    await types.ensureLoaded();
    return fromTypes() ?? (await fromClient()) ?? '2026';
  }

  /** Every list folder, for lookups by id. */
  allFolders(): ListFolderNode[] {
    return Object.values(this.folders);
  }

  /** Marks every folder for a fetch the next time it is shown. */
  invalidate(): void {
    this.costs.forget();
    for (const f of this.allFolders()) f.invalidate();
    this.forgetNetworkNames();
    this.firewallNames.forget();
  }

  // NodeScope ------------------------------------------------------------------------------------

  serverName(id: number): string | undefined {
    return this.folders.servers.find(String(id))?.server.name;
  }

  networkName(id: number): string | undefined {
    return this.folders.networks.data?.find((n) => n.id === id)?.name ?? this.networkNames.get(id);
  }

  /**
   * Today's API: learns the names of these Networks when neither the Networks folder nor an earlier
   * call has them (a server's private IPs name theirs): one GET of the networks, kept here rather
   * than in the folder, so nothing is polled after it and the idle cost stays the same.
   */
  async ensureNetworkNames(ids: number[]): Promise<void> {
    if (ids.every((id) => this.networkName(id) !== undefined)) return;
    this.networkNamesLoading ??= this.loadNetworkNames().finally(() => (this.networkNamesLoading = undefined));
    await this.networkNamesLoading;
  }

  private async loadNetworkNames(): Promise<void> {
    const networks = await (await this.clients.get(this.project)).networks.listAll();
    this.networkNames.clear();
    for (const n of networks) this.networkNames.set(n.id, n.name);
  }

  /** A Network changed (or Refresh): the names ensureNetworkNames learned are asked again when next needed. */
  forgetNetworkNames(): void {
    this.networkNames.clear();
  }

  firewallName(id: number): string | undefined {
    return this.firewallNames.name(id);
  }

  /** A firewall changed: the names ensureFirewallNames learned are asked again when next needed. */
  forgetFirewallNames(): void {
    this.firewallNames.forget();
  }

  async ensureFirewallNames(ids: number[]): Promise<void> {
    await this.firewallNames.ensure(ids);
  }

  floatingIp(id: number): string | undefined {
    return this.folders.floatingIps.data?.find((f) => f.id === id)?.ip;
  }

  primaryIpName(id: number): string | undefined {
    return this.folders.primaryIps.data?.find((p) => p.id === id)?.name;
  }

  pricing(): Pricing | undefined {
    return this.folders.prices.data;
  }

  /** The prices a folder's tooltips show (static: loaded once), then the folder drawn again. */
  private async loadPricesFor(folder: ListFolderNode): Promise<void> {
    if (this.folders.prices.loaded) return;
    const loading = this.folders.prices.ensureLoaded('background').then(
      () => this.host.changed(folder),
      () => undefined, // The tooltips say the price is unknown.
    );
    this.redraws.add(loading);
    await loading.finally(() => this.redraws.delete(loading));
  }

  /** The prices, loaded when they are not or are older than 10 minutes (on a user's demand: nothing asks them again while idle). */
  async ensurePrices(): Promise<void> {
    const prices = this.folders.prices;
    if (prices.loaded && Date.now() - this.pricesAt < COSTS_MAX_AGE_MS) return;
    if (prices.loaded) prices.invalidate();
    await prices.ensureLoaded('background');
  }

  /** Computes the monthly total if it is older than 10 minutes, then redraws the row; a failure leaves the row without one. */
  async showTotal(): Promise<void> {
    if (this.project.endpointProblem || this.costs.fresh) return;
    try {
      await this.costs.ensure();
    } catch {
      return; // the folders show the failure when opened
    }
    this.host.changed(this);
  }

  /**
   * Resolves once the redraws a folder's first load started (its rows' prices) are done: a node
   * revealed after them keeps its selection (a redraw of its folder during the reveal drops it).
   */
  async redrawn(): Promise<void> {
    await Promise.all(this.redraws);
  }

  listingOnHand<W extends ListWhat>(what: W): Promise<FolderData[W]> | undefined {
    return isCostWhat(what) ? (this.costs.handover(what) as Promise<FolderData[W]> | undefined) : undefined;
  }

  async ensurePrimaryIps(): Promise<void> {
    if (!this.folders.primaryIps.loaded) await this.folders.primaryIps.ensureLoaded();
  }

  async ensureFloatingIps(): Promise<void> {
    if (!this.folders.floatingIps.loaded) await this.folders.floatingIps.ensureLoaded();
  }

  async ensureServerNames(): Promise<void> {
    if (!this.folders.servers.loaded) await this.folders.servers.ensureLoaded();
  }

  /** Today's API: a Certificate's name by id, when the Certificates folder has loaded (a Load Balancer's https services name theirs; ids otherwise, no request for it). */
  certificateName(id: number): string | undefined {
    return this.folders.certificates.data?.find((c) => c.id === id)?.name;
  }

  volume(id: number): Volume | undefined {
    return this.folders.volumes.data?.find((v) => v.id === id);
  }

  /** A Load Balancer's name from the loaded Load Balancers folder (a certificate's row names the Load Balancers using it). */
  loadBalancerName(id: number): string | undefined {
    return this.folders.loadBalancers.data?.find((x) => x.id === id)?.name;
  }

  async ensureVolumes(): Promise<void> {
    if (!this.folders.volumes.loaded) await this.folders.volumes.ensureLoaded();
  }

  /** A server's Floating IPs follow the Floating IPs list (no request): after an assign, both agree. */
  private syncServersFloatingIps(fips: FloatingIp[]): void {
    for (const node of this.folders.servers.children()) {
      const s = node.server;
      const ids = fips.filter((f) => f.serverId === s.id).map((f) => f.id);
      const current = s.publicNet.floatingIpIds;
      if (ids.length === current.length && ids.every((id) => current.includes(id))) continue;
      node.update({ ...s, publicNet: { ...s.publicNet, floatingIpIds: ids } });
      this.host.changed(node);
    }
  }

  // TreeNode ---------------------------------------------------------------------------------------

  getTreeItem(): vscode.TreeItem {
    const p = this.project;
    // The environment project's row says "Environment", and "HCLOUD_TOKEN" after its total: its full
    // name (pickers, messages, the tooltip) would leave a narrow side bar no room for the total.
    const env = p.source === 'environment';
    const item = new vscode.TreeItem(env ? 'Environment' : p.name, startsExpanded(p, this.host) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const host = safeHost(p.endpoint);
    const filter = this.host.filterOf(p.id);
    const selector = this.host.labelSelectorOf(p.id);
    const costs = this.costs.current();
    const workspace = this.host.workspace?.role(p.id);
    // The filter first, then the total: a narrow side bar cuts the end of a description (the tooltip
    // has it all). The host last, and only when it is not the API's.
    item.description = [
      filter ? `filter: "${filter}"` : '',
      selector ? `labels: ${selector}` : '',
      workspace ? 'workspace' : '',
      projectTotalText(costs),
      env ? 'HCLOUD_TOKEN' : '',
      host === 'api.hetzner.cloud' ? '' : host,
    ]
      .filter(Boolean)
      .join(' · ');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${md(p.name)}**`,
        `Endpoint: ${md(p.endpoint)}`,
        p.source === 'environment' ? 'Token from the environment variable `HCLOUD_TOKEN` (not stored).' : 'Token kept in VS Code Secret Storage.',
        filter ? `Filter: "${md(filter)}"` : '',
        selector ? `Label selector: ${mdCode(selector)}` : '',
        ...workspaceTooltipLines(workspace),
        ...projectTotalLines(costs, !!selector),
      ]
        .filter(Boolean)
        .join('  \n'),
    );
    item.iconPath = new vscode.ThemeIcon(p.source === 'environment' ? 'terminal' : 'cloud');
    item.contextValue = contextValue('project', p.source === 'stored' ? 'stored' : 'environment', filter || selector ? 'filtered' : 'unfiltered');
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    // An endpoint that breaks the endpoint rule (HCLOUD_ENDPOINT): say why and what to set; no request.
    const refused = this.project.endpointProblem;
    if (refused) return [new MessageNode(this, `${this.id}/endpointRefused`, 'Endpoint refused', { detail: refused.message, icon: 'error', tokens: ['endpointRefused'] })];
    const f = this.folders;
    const today = this.todayFolders.length > 0 && (await this.apiEra()) === '2026' ? this.todayFolders : [];
    // Shown again after a Refresh: the total, once the user has expanded the project (showTotal), is computed again when old.
    // A project that opens expanded (the environment project on its own) gets no expand event: its listing starts the total.
    if (this.costs.current() || startsExpanded(this.project, this.host)) void this.showTotal();
    return [f.servers, ...today, f.floatingIps, this.images, f.sshKeys, f.isos, ...(this.host.catalogShown() ? [this.catalog] : [])];
  }
}

/** A refused endpoint shows its message at once; the environment project opens when it is the only project; the workspace's project opens. */
function startsExpanded(p: Project, host: TreeHost): boolean {
  return !!p.endpointProblem || (p.source === 'environment' && host.projectCount?.() === 1) || host.workspace?.role(p.id) !== undefined;
}

function safeHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
