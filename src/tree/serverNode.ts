import * as vscode from 'vscode';
import type { Server, ServerStatus } from '../api/types';
import type { Project } from '../projects/projectStore';
import { isTransitionalServer, isoName, matchesFilter, md, mdCode, noLookup, serverDescription, serverTooltip } from './format';
import { publicIpLabel } from './primaryIpFormat';
import { serverPriceLines, serverPriceText } from './costFormat';
import type { NodeScope } from './host';
import { LeafNode } from './leafNode';
import { contextValue, type TreeNode } from './node';
import type { ResourceNode } from './resourceNode';
import { rowAccessibilityLabel, serverStateText } from './rowState';
import { ServerVolumeNodes } from './serverVolumes';

export function isTransitional(status: ServerStatus): boolean {
  return isTransitionalServer(status);
}

export function serverIcon(server: Server): vscode.ThemeIcon {
  if (isTransitional(server.status)) return new vscode.ThemeIcon('loading~spin');
  switch (server.status) {
    case 'running':
      return new vscode.ThemeIcon('vm-running', new vscode.ThemeColor('testing.iconPassed'));
    case 'off':
      return new vscode.ThemeIcon('vm-outline', new vscode.ThemeColor('disabledForeground'));
    default:
      return new vscode.ThemeIcon('question');
  }
}

/** The capability tokens of a server node: package.json's menus match them (`viewItem =~ /;running;/`). */
export function serverTokens(s: Server): string[] {
  return [
    'server',
    s.status,
    isTransitional(s.status) ? 'transitional' : '',
    s.locked ? 'locked' : '',
    s.rescueEnabled ? 'rescue' : 'norescue',
    s.iso ? 'iso' : 'noiso',
    s.backupWindow ? 'backups' : 'nobackups',
    s.protection.delete ? 'protected' : 'deletable',
    s.labels !== undefined ? 'labels' : '',
    // Today's API only (labels tell it): Add to / Remove from Placement Group match these.
    s.labels === undefined ? '' : s.placementGroup ? 'inPlacementGroup' : 'noPlacementGroup',
    // Today's API: whether it is in a private Network (Attach / Detach / Change Alias IPs match these).
    s.privateNet === undefined ? '' : s.privateNet.length ? 'networked' : 'unnetworked',
    // Today's API: the server has a volumes field (Attach Volume, Create Volume in its menu).
    s.volumeIds !== undefined ? 'volumes' : '',
    // Today's API: the server has public_net.firewalls (Apply Firewall in its menu).
    s.publicNet.firewalls !== undefined ? 'firewalls' : '',
  ].filter(Boolean);
}

/** Marker before the description: locked (an action runs) or rescue. */
export function serverMarker(s: Server): string {
  return [s.locked ? 'locked' : '', s.rescueEnabled ? 'rescue' : ''].filter(Boolean).join(' · ');
}

export class ServerNode implements ResourceNode<Server> {
  readonly id: string;
  readonly kind = 'server';
  private readonly leaves = new Map<string, LeafNode>();
  private readonly volumes: ServerVolumeNodes;

  constructor(
    readonly parent: TreeNode,
    public server: Server,
    private readonly scope?: NodeScope,
  ) {
    this.id = `${parent.id}/server/${server.id}`;
    this.volumes = new ServerVolumeNodes(this, scope);
  }

  get project(): Project {
    return this.parent.project;
  }

  get resource(): Server {
    return this.server;
  }

  update(server: Server): void {
    this.server = server;
  }

  invalidate(): void {
    // Its folder fetches it; its leaves are made from what it holds.
  }

  matches(filter: string | undefined): boolean {
    const s = this.server;
    return matchesFilter(filter, s.name, s.status, serverDescription(s), serverMarker(s));
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.server;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    // The price before the address and type: a narrow side bar cuts the end (the tooltip has it all).
    item.description = [serverStateText(s.status), serverMarker(s), serverPriceText(s, this.scope?.pricing?.()), serverDescription(s)].filter(Boolean).join(' · ');
    item.accessibilityInformation = { label: rowAccessibilityLabel(s.name, 'server', undefined, item.description) };
    item.iconPath = serverIcon(s);
    // Floating IPs are shown by address and Networks by name: when they are not loaded yet, the
    // tooltip is left to resolveTreeItem (on hover), which loads them first.
    item.tooltip = this.needsLookups() ? undefined : this.tooltip();
    item.contextValue = contextValue(...serverTokens(s));
    return item;
  }

  tooltip(): vscode.MarkdownString {
    const prices = serverPriceLines(this.server, this.scope?.pricing?.());
    return new vscode.MarkdownString([serverTooltip(this.server, this.scope ?? noLookup), ...prices].join('  \n'));
  }

  /** True when the tooltip would show a Floating IP or a Network by id because they are not loaded. */
  needsLookups(): boolean {
    return this.needsFloatingIps() || this.needsNetworkNames() || this.needsFirewallNames() || this.needsPrices();
  }

  /** Backups on and the project's prices (their percentage) not loaded: the tooltip waits for the hover. */
  private needsPrices(): boolean {
    return !!this.scope?.ensurePrices && !!this.server.backupWindow && !this.scope.pricing?.();
  }

  private needsFloatingIps(): boolean {
    const scope = this.scope;
    return !!scope && this.server.publicNet.floatingIpIds.some((id) => scope.floatingIp(id) === undefined);
  }

  private needsNetworkNames(): boolean {
    const scope = this.scope;
    return !!scope && this.networkIds().some((id) => scope.networkName?.(id) === undefined);
  }

  private needsFirewallNames(): boolean {
    const scope = this.scope;
    return !!scope && this.firewallIds().some((id) => scope.firewallName?.(id) === undefined);
  }

  private firewallIds(): number[] {
    return (this.server.publicNet.firewalls ?? []).map((f) => f.id);
  }

  private networkIds(): number[] {
    return (this.server.privateNet ?? []).map((p) => p.networkId);
  }

  /** The tooltip after loading what it needs (the Floating IPs, the Networks' names: once per project). */
  async resolveTooltip(): Promise<vscode.MarkdownString> {
    const shownById = () => undefined;
    await Promise.all([
      this.needsFloatingIps() ? this.scope?.ensureFloatingIps().catch(shownById) : undefined,
      this.needsNetworkNames() ? this.scope?.ensureNetworkNames?.(this.networkIds()).catch(shownById) : undefined,
      this.needsFirewallNames() ? this.scope?.ensureFirewallNames?.(this.firewallIds()).catch(shownById) : undefined,
      this.needsPrices() ? this.scope?.ensurePrices?.().catch(shownById) : undefined,
    ]);
    return this.tooltip();
  }

  /** Its IPs and attached things, as leaves a user can copy. */
  async getChildren(): Promise<TreeNode[]> {
    const s = this.server;
    if (s.publicNet.floatingIpIds.length && this.scope) {
      try {
        await this.scope.ensureFloatingIps();
      } catch {
        // shown by id below
      }
    }
    const out: TreeNode[] = [];
    const leaf = (key: string, label: string, value: string, icon: string, copy = true) => {
      const id = `${this.id}/${key}`;
      const options = { description: value, icon, tokens: ['detail'], copyText: copy ? value : undefined, tooltip: `${md(label)}: ${mdCode(value)}` };
      const existing = this.leaves.get(id);
      if (existing) existing.update(label, options);
      const node = existing ?? new LeafNode(this, id, label, options);
      this.leaves.set(id, node);
      out.push(node);
    };
    // Today's API: the addresses are Primary IPs, named once their list is loaded (one request per project).
    if ((s.publicNet.ipv4?.primaryIpId ?? s.publicNet.ipv6?.primaryIpId) !== undefined) await this.scope?.ensurePrimaryIps?.().catch(() => undefined);
    if (s.publicNet.ipv4) leaf('ipv4', publicIpLabel('ipv4', s.publicNet.ipv4.primaryIpId, this.scope), s.publicNet.ipv4.ip, 'globe');
    if (s.publicNet.ipv6) leaf('ipv6', publicIpLabel('ipv6', s.publicNet.ipv6.primaryIpId, this.scope), s.publicNet.ipv6.ip, 'globe');
    for (const fid of s.publicNet.floatingIpIds) {
      const ip = this.scope?.floatingIp(fid);
      leaf(`floatingIp/${fid}`, 'Floating IP', ip ?? `#${fid}`, 'pin', ip !== undefined);
    }
    // Today's API: the private IPs name their Network (one request per project if its folder is not loaded).
    if (s.privateNet?.length) await this.scope?.ensureNetworkNames?.(this.networkIds()).catch(() => undefined);
    for (const p of s.privateNet ?? []) {
      const network = this.scope?.networkName?.(p.networkId) ?? `network ${p.networkId}`;
      leaf(`privateNet/${p.networkId}`, `Private IP (${network})`, p.ip, 'type-hierarchy');
      p.aliasIps.forEach((alias) => leaf(`privateNet/${p.networkId}/alias/${alias}`, `Alias IP (${network})`, alias, 'type-hierarchy'));
    }
    if (s.iso) leaf('iso', 'ISO', isoName(s.iso), 'record');
    // Today's API: its firewalls, by name (one request per project if the Firewalls folder is not loaded).
    if (s.publicNet.firewalls?.length) await this.scope?.ensureFirewallNames?.(this.firewallIds()).catch(() => undefined);
    for (const f of s.publicNet.firewalls ?? []) leaf(`firewall/${f.id}`, f.status === 'applied' ? 'Firewall' : `Firewall (${f.status})`, this.scope?.firewallName?.(f.id) ?? `#${f.id}`, 'shield', false);
    out.push(...(await this.volumes.children(s.volumeIds ?? [])));
    return out;
  }
}
