import * as vscode from 'vscode';
import { HcloudClient } from '../api/client';
import { describeBadItem } from '../api/resources/base';
import { HcloudError, ClientErrorCode } from '../api/errors';
import { HttpTransport } from '../api/http';
import type { BudgetState } from '../api/transport';
import type { Project, ProjectStore } from './projectStore';
import { formatRequest } from './requestLog';
import { ClientCache } from './clientCache';
import { ScopedTransport } from './scopedTransport';
import { readOnlyRefusal } from './readOnly';

/**
 * One HcloudClient per project, created on first use and dropped when the projects change (a token
 * or endpoint may have). Every request is written to the log channel. A dropped client is disposed
 * (its keep-alive connections closed once no call of it is on its way). When a project is removed,
 * its signal (`removedSignal`) fires: every call of its clients on its way stops and none is sent.
 * The bookkeeping is ./clientCache.ts.
 */
export class ClientPool implements vscode.Disposable {
  private readonly cache = new ClientCache((name, endpoint, token, removed, projectId) => this.build(name, endpoint, token, removed, projectId));
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly projects: ProjectStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.subscription = projects.onDidChange(() => this.cache.projectsChanged(new Set(projects.list().map((p) => p.id))));
  }

  dispose(): void {
    this.subscription.dispose();
    this.cache.dispose();
  }

  async get(project: Project): Promise<HcloudClient> {
    if (project.endpointProblem) throw new HcloudError({ code: project.endpointProblem.code, message: project.endpointProblem.message });
    const signal = this.removedSignal(project.id);
    const token = await this.projects.getToken(project.id);
    if (signal.aborted || !this.projects.get(project.id)) {
      throw new HcloudError({ code: ClientErrorCode.Aborted, message: `Project "${project.name}" was removed.` });
    }
    if (!token) {
      throw new HcloudError({
        code: ClientErrorCode.InvalidToken,
        message: `No API token is stored for project "${project.name}". Use "Update Token".`,
      });
    }
    return this.cache.client(project, token);
  }

  /** The request budget of the project's client now (undefined before its first answer): read-only, sends nothing. */
  budgetOf(projectId: string): BudgetState | undefined {
    return this.cache.current(projectId)?.budget;
  }

  /** Fires when the project is removed (never for a project that stays); aborted already for one that is not there. */
  removedSignal(projectId: string): AbortSignal {
    return this.cache.removedSignal(projectId, !!this.projects.get(projectId));
  }

  /** A client for a token that is not stored yet (checking it before saving); dispose it after use. */
  create(projectName: string, endpoint: string, token: string): HcloudClient {
    return this.build(projectName, endpoint, token, new AbortController().signal);
  }

  /** `projectId`: a project's own client (not a token being checked), which may learn that its token is read-only. */
  private build(projectName: string, endpoint: string, token: string, removed: AbortSignal, projectId?: string): HcloudClient {
    const http = new HttpTransport({
      token,
      endpoint,
      onRequest: (e) => (e.status >= 400 || e.status === 0 ? this.log.warn : this.log.info).call(this.log, formatRequest(projectName, e)),
    });
    // An answer `token_readonly` marks the project read-only (once; ProjectStore.markTokenReadOnly).
    const onError = projectId === undefined ? undefined : (e: unknown) => {
      if (e instanceof HcloudError && e.code === 'token_readonly') void this.projects.markTokenReadOnly(projectId, token);
    };
    const writeRefusal = projectId === undefined ? undefined : () => {
      const reason = this.projects.readOnly(projectId);
      return reason && readOnlyRefusal(projectName, reason);
    };
    return new HcloudClient({ transport: new ScopedTransport(http, removed, onError, writeRefusal), onBadItem: (item) => this.log.warn(`[${projectName}] ${describeBadItem(item)}`) });
  }
}
