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
import { SourcedTransport } from './sourcedTransport';
import { isRequestSource, RequestUsage, type RequestSource } from './requestUsage';

/** What a pool and its per-source views share: the clients, and who spent each project's requests. */
interface PoolCore {
  readonly cache: ClientCache;
  readonly subscription: vscode.Disposable;
  /** Per project id: its exchanges of the last hour, by source. */
  readonly usage: Map<string, RequestUsage>;
  /** Fires with the project's id after each of its exchanges (the budget has taken the answer in by the next tick). */
  readonly answered: vscode.EventEmitter<string>;
  /** Per project client: its per-source views. */
  readonly views: WeakMap<HcloudClient, Map<RequestSource, HcloudClient>>;
}

/**
 * One HcloudClient per project, created on first use and dropped when the projects change (a token
 * or endpoint may have). Every request is written to the log channel. A dropped client is disposed
 * (its keep-alive connections closed once no call of it is on its way). When a project is removed,
 * its signal (`removedSignal`) fires: every call of its clients on its way stops and none is sent.
 * The bookkeeping is ./clientCache.ts.
 *
 * Every call is tagged with who sent it: the pool activate() builds hands out the commands' clients;
 * `forSource('tree')` and the like are views of the same pool (the same clients, transports and
 * budgets) whose clients tag their calls with that source (./sourcedTransport.ts). The pool counts
 * each project's exchanges of the last hour by source (`usageOf`) and says when one was answered
 * (`onDidAnswer`): the status bar reads both, and sends nothing.
 */
export class ClientPool implements vscode.Disposable {
  private readonly core: PoolCore;
  /** Who this pool's clients send for. */
  readonly source: RequestSource;

  constructor(
    private readonly projects: ProjectStore,
    private readonly log: vscode.LogOutputChannel,
    view?: { core: PoolCore; source: RequestSource },
  ) {
    this.source = view?.source ?? 'commands';
    this.core = view?.core ?? this.makeCore();
  }

  /** Fires with a project's id after each of its HTTP exchanges. */
  get onDidAnswer(): vscode.Event<string> {
    return this.core.answered.event;
  }

  /** A view of this pool whose clients tag their calls with `source`; the owner disposes the pool, not the view. */
  forSource(source: RequestSource): ClientPool {
    return new ClientPool(this.projects, this.log, { core: this.core, source });
  }

  dispose(): void {
    if (this.source !== 'commands') return;
    this.core.subscription.dispose();
    this.core.answered.dispose();
    this.core.cache.dispose();
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
    return this.viewOf(this.core.cache.client(project, token));
  }

  /** The request budget of the project's client now (undefined before its first answer): read-only, sends nothing. */
  budgetOf(projectId: string): BudgetState | undefined {
    return this.core.cache.current(projectId)?.budget;
  }

  /** The project's exchanges of the hour before `now`, by source. */
  usageOf(projectId: string, now: number = Date.now()): Record<RequestSource, number> {
    return (this.core.usage.get(projectId) ?? new RequestUsage()).counts(now);
  }

  /** Fires when the project is removed (never for a project that stays); aborted already for one that is not there. */
  removedSignal(projectId: string): AbortSignal {
    return this.core.cache.removedSignal(projectId, !!this.projects.get(projectId));
  }

  /** A client for a token that is not stored yet (checking it before saving); dispose it after use. */
  create(projectName: string, endpoint: string, token: string): HcloudClient {
    return this.build(projectName, endpoint, token, new AbortController().signal);
  }

  private makeCore(): PoolCore {
    const cache = new ClientCache((name, endpoint, token, removed, id) => this.build(name, endpoint, token, removed, id));
    const usage = new Map<string, RequestUsage>();
    const subscription = this.projects.onDidChange(() => {
      const present = new Set(this.projects.list().map((p) => p.id));
      for (const id of usage.keys()) if (!present.has(id)) usage.delete(id);
      cache.projectsChanged(present);
    });
    return { cache, subscription, usage, answered: new vscode.EventEmitter<string>(), views: new WeakMap() };
  }

  /** The project client's view for this pool's source, made once per client. */
  private viewOf(client: HcloudClient): HcloudClient {
    let views = this.core.views.get(client);
    if (!views) this.core.views.set(client, (views = new Map()));
    let view = views.get(this.source);
    if (!view) views.set(this.source, (view = client.over(new SourcedTransport(client.transport, this.source))));
    return view;
  }

  /**
   * `projectId`: a project's own client (not a token being checked): its exchanges count to its usage,
   * and it may learn that its token is read-only.
   */
  private build(projectName: string, endpoint: string, token: string, removed: AbortSignal, projectId?: string): HcloudClient {
    const http = new HttpTransport({
      token,
      endpoint,
      onRequest: (e) => {
        (e.status >= 400 || e.status === 0 ? this.log.warn : this.log.info).call(this.log, formatRequest(projectName, e));
        if (projectId === undefined) return;
        let usage = this.core.usage.get(projectId);
        if (!usage) this.core.usage.set(projectId, (usage = new RequestUsage()));
        usage.record(isRequestSource(e.source) ? e.source : 'commands', Date.now());
        this.core.answered.fire(projectId);
      },
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
