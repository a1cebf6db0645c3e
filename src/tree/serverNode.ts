import * as vscode from 'vscode';
import type { Server, ServerStatus } from '../api/types';
import type { Project } from '../projects/projectStore';
import { contextValue, type TreeNode } from './node';
import type { ResourceNode } from './resourceNode';

const TRANSITIONAL: ReadonlySet<ServerStatus> = new Set(['initializing', 'starting', 'stopping', 'deleting', 'migrating', 'rebuilding']);

export function isTransitional(status: ServerStatus): boolean {
  return TRANSITIONAL.has(status);
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

export class ServerNode implements ResourceNode<Server> {
  readonly id: string;
  readonly kind = 'server';

  constructor(
    readonly parent: TreeNode,
    readonly project: Project,
    readonly server: Server,
  ) {
    this.id = `${parent.id}/server/${server.id}`;
  }

  get resource(): Server {
    return this.server;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.server;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = s.publicNet.ipv4?.ip ?? '';
    item.iconPath = serverIcon(s);
    const lines = [
      `**${s.name}** — ${s.status}`,
      s.publicNet.ipv4 ? `IPv4: ${s.publicNet.ipv4.ip}` : undefined,
      s.publicNet.ipv6 ? `IPv6: ${s.publicNet.ipv6.ip}` : undefined,
      `Type: ${s.serverType.name} (${s.serverType.cores} vCPU, ${s.serverType.memory} GB RAM, ${s.serverType.disk} GB disk)`,
      s.location ? `Location: ${s.location.name} (${s.location.city})` : undefined,
    ].filter((l): l is string => !!l);
    item.tooltip = new vscode.MarkdownString(lines.join('  \n'));
    item.contextValue = contextValue('server', s.status, s.locked && 'locked', s.rescueEnabled && 'rescue');
    return item;
  }
}
