import * as vscode from 'vscode';
import { HcloudClient } from '../api/client';
import { HcloudError, ClientErrorCode } from '../api/errors';
import type { Project, ProjectStore } from './projectStore';
import { formatRequest } from './requestLog';

/**
 * One HcloudClient per project, created on first use and dropped when the project's token or
 * endpoint changes. Every request is written to the log channel.
 */
export class ClientPool implements vscode.Disposable {
  private readonly clients = new Map<string, { client: HcloudClient; token: string; endpoint: string }>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly projects: ProjectStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = projects.onDidChange(() => this.clients.clear());
  }

  dispose(): void {
    this.subscription.dispose();
    this.clients.clear();
  }

  async get(project: Project): Promise<HcloudClient> {
    const token = await this.projects.getToken(project.id);
    if (!token) {
      throw new HcloudError({
        code: ClientErrorCode.InvalidToken,
        message: `No API token is stored for project "${project.name}". Use "Update Token".`,
      });
    }
    const cached = this.clients.get(project.id);
    if (cached && cached.token === token && cached.endpoint === project.endpoint) return cached.client;
    const client = this.create(project.name, project.endpoint, token);
    this.clients.set(project.id, { client, token, endpoint: project.endpoint });
    return client;
  }

  /** A client for a token that is not stored yet (checking it before saving). */
  create(projectName: string, endpoint: string, token: string): HcloudClient {
    return new HcloudClient({
      token,
      endpoint,
      onRequest: (e) => (e.status >= 400 || e.status === 0 ? this.log.warn : this.log.info).call(this.log, formatRequest(projectName, e)),
    });
  }
}
