// How Floating IPs, images, SSH keys, ISOs and catalog entries look in the tree.
import * as vscode from 'vscode';
import type { Datacenter, FloatingIp, Image, Iso, Location, ServerType, SshKey, Volume } from '../api/types';
import {
  datacenterTooltip,
  floatingIpDescription,
  floatingIpTooltip,
  imageDescription,
  imageName,
  imageTooltip,
  isoName,
  isoTooltip,
  locationTooltip,
  serverTypeDescription,
  serverTypePriceText,
  serverTypeTooltip,
  sshKeyTooltip,
} from './format';
import type { Presenter } from './itemNode';
import type { PrimaryIp } from '../api/types';
import { primaryIpDescription, primaryIpTooltip } from './primaryIpFormat';
import { LeafNode } from './leafNode';
import type { PlacementGroup } from '../api/types';
import { placementGroupDescription, placementGroupMembers, placementGroupTooltip } from './placementGroupFormat';
import { volumeDescription, volumeTooltip } from './volumeFormat';
import { floatingIpPriceLine, imagePriceLine } from './costFormat';

export const floatingIpPresenter: Presenter<FloatingIp> = {
  kind: 'floatingIp',
  label: (f) => f.ip,
  description: (f, l) => floatingIpDescription(f, l),
  tooltip: (f, l) => `${floatingIpTooltip(f, l)}  \n${floatingIpPriceLine(f, l.pricing?.())}`,
  icon: (f) => new vscode.ThemeIcon('pin', f.serverId === undefined ? new vscode.ThemeColor('disabledForeground') : undefined),
  tokens: (f) => [f.serverId === undefined ? 'unassigned' : 'assigned', f.type, f.protection.delete ? 'protected' : 'deletable'],
  state: (f) => (f.serverId === undefined ? 'unassigned' : 'assigned'),
  // No copyText: it would make the row `;copyable;`, and the generic Copy button would stand next to
  // Copy Floating IP (hcloud.floatingIp.copyIp), which copies the same address.
  filterText: (f) => [f.type, f.serverId === undefined ? 'unassigned' : 'assigned', f.name],
};

export const imagePresenter: Presenter<Image> = {
  kind: 'image',
  label: (i) => imageName(i),
  description: (i, l) => imageDescription(i, l),
  tooltip: (i, l) => [imageTooltip(i, l), imagePriceLine(i, l.pricing?.())].filter(Boolean).join('  \n'),
  icon: (i) => (i.status === 'creating' ? new vscode.ThemeIcon('loading~spin') : new vscode.ThemeIcon(i.type === 'backup' ? 'history' : i.type === 'snapshot' ? 'device-camera' : 'package')),
  tokens: (i) => [
    i.type === 'system' || i.type === 'app' ? 'system' : i.type,
    i.status === 'creating' ? 'creating' : i.status === 'available' ? 'available' : i.status,
    i.type === 'system' || i.type === 'app' ? undefined : i.protection.delete ? 'protected' : 'deletable',
    i.deprecated ? 'deprecated' : undefined,
  ],
  filterText: (i) => [i.status, i.type, i.osFlavor],
  state: (i) => (i.type === 'system' || i.type === 'app' ? undefined : i.status),
};

export const sshKeyPresenter: Presenter<SshKey> = {
  kind: 'sshKey',
  label: (k) => k.name,
  description: (k) => k.fingerprint,
  tooltip: (k) => sshKeyTooltip(k),
  icon: () => 'key',
  tokens: () => [],
};

export const isoPresenter: Presenter<Iso> = {
  kind: 'iso',
  label: (i) => isoName(i),
  description: (i) => [i.name ? i.description : undefined, i.type, i.architecture ?? undefined, i.deprecated ? 'deprecated' : undefined].filter(Boolean).join(' · '),
  tooltip: (i) => isoTooltip(i),
  icon: () => 'record',
  tokens: (i) => [i.type],
};

export const serverTypePresenter: Presenter<ServerType> = {
  kind: 'serverType',
  label: (t) => t.name,
  description: (t) => serverTypeDescription(t),
  tooltip: (t) => serverTypeTooltip(t),
  icon: () => 'server-process',
  tokens: (t) => [t.cpuType, t.architecture, t.deprecation ? 'deprecated' : undefined],
  children: (t, node) =>
    t.prices.map(
      (p) =>
        new LeafNode(node, `${node.id}/price/${p.location}`, p.location, {
          description: serverTypePriceText(t, p),
          icon: 'credit-card',
          tokens: ['price'],
        }),
    ),
};

export const locationPresenter: Presenter<Location> = {
  kind: 'location',
  label: (l) => l.name,
  description: (l) => `${l.city}, ${l.country}`,
  tooltip: (l) => locationTooltip(l),
  icon: () => 'location',
  tokens: () => [],
};

export const datacenterPresenter: Presenter<Datacenter> = {
  kind: 'datacenter',
  label: (d) => d.name,
  description: (d) => `${d.location.city} · ${d.serverTypes.available.length} of ${d.serverTypes.supported.length} types available`,
  tooltip: (d) => datacenterTooltip(d),
  icon: () => 'organization',
  tokens: () => [],
};

export const primaryIpPresenter: Presenter<PrimaryIp> = {
  kind: 'primaryIp',
  label: (p) => p.ip,
  description: (p, l) => primaryIpDescription(p, l),
  tooltip: (p, l) => primaryIpTooltip(p, l),
  icon: (p) => new vscode.ThemeIcon('globe', p.assigneeId === undefined ? new vscode.ThemeColor('disabledForeground') : undefined),
  tokens: (p) => [p.assigneeId === undefined ? 'unassigned' : 'assigned', p.type, p.autoDelete ? 'autoDelete' : 'kept', p.protection.delete ? 'protected' : 'deletable'],
  state: (p) => (p.assigneeId === undefined ? 'unassigned' : 'assigned'),
  // No copyText: Copy Primary IP (hcloud.primaryIp.copyIp) is its copy button (see floatingIpPresenter).
  filterText: (p) => [p.type, p.assigneeId === undefined ? 'unassigned' : 'assigned', p.name, p.location.name],
};

export const placementGroupPresenter: Presenter<PlacementGroup> = {
  kind: 'placementGroup',
  label: (g) => g.name,
  description: (g) => placementGroupDescription(g),
  tooltip: (g, l) => placementGroupTooltip(g, l),
  icon: () => 'layers',
  tokens: (g) => [g.type, g.serverIds.length ? 'members' : 'empty'],
  // Members by name: the Servers folder is the fast one, normally loaded; else `server <id>`.
  children: (g, node) => placementGroupMembers(g, node, node.scope),
  filterText: (g) => [g.type],
};

export const volumePresenter: Presenter<Volume> = {
  kind: 'volume',
  label: (v) => v.name,
  description: (v, l) => volumeDescription(v, l),
  tooltip: (v, l) => volumeTooltip(v, l, l.pricing?.()?.volume?.perGbMonth),
  icon: (v) =>
    v.status === 'creating' ? new vscode.ThemeIcon('loading~spin') : new vscode.ThemeIcon('database', v.serverId === undefined ? new vscode.ThemeColor('disabledForeground') : undefined),
  tokens: (v) => [v.serverId === undefined ? 'detached' : 'attached', v.status === 'creating' ? 'creating' : 'available', v.protection.delete ? 'protected' : 'deletable'],
  copyText: (v) => v.linuxDevice,
  filterText: (v) => [v.status, v.format, v.serverId === undefined ? 'detached' : 'attached'],
  state: (v) => `${v.status}, ${v.serverId === undefined ? 'detached' : 'attached'}`,
};
