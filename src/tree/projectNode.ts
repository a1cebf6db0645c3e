import * as vscode from 'vscode';
import type { ClientPool } from '../projects/clientPool';
import type { Project } from '../projects/projectStore';
import { MessageNode } from './messageNode';
import { contextValue, type TreeNode } from './node';
import { ServerNode } from './serverNode';

export class ProjectNode implements TreeNode {
  readonly id: string;

  constructor(
    readonly project: Project,
    private readonly clients: ClientPool,
  ) {
    this.id = `project/${project.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const p = this.project;
    const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const host = safeHost(p.endpoint);
    item.description = p.source === 'environment' ? `from environment · ${host}` : host === 'api.hetzner.cloud' ? '' : host;
    item.tooltip = new vscode.MarkdownString(
      [`**${p.name}**`, `Endpoint: ${p.endpoint}`, p.source === 'environment' ? 'Token from the environment variable `HCLOUD_TOKEN` (not stored).' : 'Token kept in VS Code Secret Storage.'].join('  \n'),
    );
    item.iconPath = new vscode.ThemeIcon(p.source === 'environment' ? 'terminal' : 'cloud');
    item.contextValue = contextValue('project', p.source === 'stored' ? 'stored' : 'environment');
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    try {
      const client = await this.clients.get(this.project);
      const servers = await client.servers.listAll();
      if (servers.length === 0) return [new MessageNode(this, `${this.id}/empty`, 'No servers', { icon: 'info' })];
      return servers.sort((a, b) => a.name.localeCompare(b.name)).map((s) => new ServerNode(this, this.project, s));
    } catch (e) {
      return [MessageNode.error(this, 'servers', e)];
    }
  }
}

function safeHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
