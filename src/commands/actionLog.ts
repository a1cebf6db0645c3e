// Show Action Log (a project) and Show Actions (a server, Floating IP, image, volume, Network or
// Primary IP): from the tree they take the node, from the palette they ask for the project (and
// the resource). Against a 2018 project the families it lacks say so instead of asking the API.
import type { QuickPickItem } from 'vscode';
import type { HcloudClient } from '../api/client';
import type { FloatingIp, Image, Network, PrimaryIp, Server, Volume } from '../api/types';
import type { Firewall } from '../api/types';
import type { ScopeKind } from '../shared/actionLogProtocol';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { pickProject, pickTarget, type PickOptions } from './pick';
import { pickTodayTarget } from './todayApi';

type Picker = Omit<PickOptions<{ id: number }>, 'kind'> & {
  /** The name the log's title and tab show before it learns one. */
  name(resource: { id: number }): string;
  /** A family the 2018 API lacks, as its message names it (`networks`). */
  family?: string;
};
type Pickers = { [K in ScopeKind]: Picker };

/** The picker of a family the 2018 API lacks (`family`, as its message names it), whose resources have names. */
function todayPicker<T extends { id: number; name: string }>(noun: string, family: string, list: (c: HcloudClient) => Promise<T[]>, item: (r: T) => QuickPickItem): Picker {
  return { title: `Show Actions of ${noun}`, list, item: (r) => item(r as T), none: `The project has no ${noun}.`, name: (r) => (r as T).name, family };
}

const PICKERS: Pickers = {
  server: {
    title: 'Show Actions of Server',
    list: (c) => c.servers.listAll(),
    item: (r) => {
      const s = r as Server;
      return { label: s.name, description: s.status };
    },
    none: 'The project has no server.',
    name: (r) => (r as Server).name,
  },
  floatingIp: {
    title: 'Show Actions of Floating IP',
    list: (c) => c.floatingIps.listAll(),
    item: (r) => {
      const f = r as FloatingIp;
      return { label: f.ip, description: f.description };
    },
    none: 'The project has no Floating IP.',
    name: (r) => {
      const f = r as FloatingIp;
      return f.description ? `${f.ip} (${f.description})` : f.ip;
    },
  },
  image: {
    title: 'Show Actions of Image',
    list: (c) => c.images.listAll({ type: ['snapshot', 'backup'] }),
    item: (r) => {
      const i = r as Image;
      return { label: i.description || `#${i.id}`, description: i.type };
    },
    none: 'The project has no snapshot or backup.',
    name: (r) => {
      const i = r as Image;
      return i.description || i.name || `#${i.id}`;
    },
  },
  volume: todayPicker<Volume>('Volume', 'volumes', (c) => c.volumes.listAll(), (v) => ({ label: v.name, description: `${v.size} GB · ${v.location.name}` })),
  network: todayPicker<Network>('Network', 'networks', (c) => c.networks.listAll(), (n) => ({ label: n.name, description: n.ipRange })),
  primaryIp: todayPicker<PrimaryIp>('Primary IP', 'Primary IPs', (c) => c.primaryIps.listAll(), (p) => ({ label: p.ip, description: p.name })),
  firewall: todayPicker<Firewall>('Firewall', 'firewalls', (c) => c.firewalls.listAll(), (f) => ({ label: f.name, description: `${f.rules.length} rules` })),
};

export async function showActionLog(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const project = await pickProject(ctx, node, 'Show Action Log');
  if (project) (await ctx.actionLogs()).show(project.id);
}

export async function showActions(ctx: CommandContext, kind: ScopeKind, node?: TreeNode): Promise<void> {
  const picker = PICKERS[kind];
  const options = { kind, ...picker };
  const t = picker.family ? await pickTodayTarget(ctx, node, picker.family, options) : await pickTarget(ctx, node, options);
  if (t) (await ctx.actionLogs()).show(t.project.id, { kind, id: t.resource.id }, picker.name(t.resource));
}

export const showServerActions = (ctx: CommandContext, node?: TreeNode) => showActions(ctx, 'server', node);
export const showFloatingIpActions = (ctx: CommandContext, node?: TreeNode) => showActions(ctx, 'floatingIp', node);
export const showImageActions = (ctx: CommandContext, node?: TreeNode) => showActions(ctx, 'image', node);
export const showVolumeActions = (ctx: CommandContext, node?: TreeNode) => showActions(ctx, 'volume', node);
export const showNetworkActions = (ctx: CommandContext, node?: TreeNode) => showActions(ctx, 'network', node);
export const showPrimaryIpActions = (ctx: CommandContext, node?: TreeNode) => showActions(ctx, 'primaryIp', node);
export const showFirewallActions = (ctx: CommandContext, node?: TreeNode) => showActions(ctx, 'firewall', node);
