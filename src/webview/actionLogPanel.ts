// The action log panel (extension side): one per project, or per resource of a scope kind (server, Floating IP, image, volume, network, Primary IP).
// It loads actions through ActionSource, sends the whole view on every change, and keeps it live:
// actions the extension starts come through the ActionFeed at once (no request); while the panel
// is visible, running actions nobody else follows are polled (2 s, backing off to 10 s) and the
// list is refreshed every `hcloud.autoRefreshSeconds`; nothing runs while it is hidden. The two
// timers are in actionLog/timers.ts, the names and titles in actionLog/names.ts.

import * as vscode from 'vscode';
import type { HcloudClient } from '../api/client';
import { isHcloudError } from '../api/errors';
import type { Action } from '../api/types';
import { describeError } from '../ui/describeError';
import type { ActionFeed, ActionFeedEvent } from '../projects/actionFeed';
import type { ClientPool } from '../projects/clientPool';
import type { Project, ProjectStore } from '../projects/projectStore';
import {
  ACTION_LOG_VIEW_TYPE,
  parseActionLogFromWebview,
  type ActionLogFromWebview,
  type ActionLogPanelState,
  type ActionLogScope,
  type ActionLogToWebview,
  type ActionLogView,
  type ActionView,
  type ScopeKind,
} from '../shared/actionLogProtocol';
import { ActionLogNames, type NamingContext } from './actionLog/names';
import { ActionSource, RUNNING_POLL, scopeKindOf, SourceMemory, type ActionSnapshot } from './actionLog/source';
import { ActionLogTimers } from './actionLog/timers';
import { WebviewPanelHost } from './panelHost';

/** What a reveal in the tree found. */
export type RevealResult = 'revealed' | 'missing' | 'unsupported';

export interface ActionLogEnv {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  projects: ProjectStore;
  clients: ClientPool;
  feed: ActionFeed;
  /** A resource's name from what the tree has loaded (no request). */
  nameOf(projectId: string, type: string, id: number): string | undefined;
  /** Reveals a resource's node in the tree. */
  reveal(projectId: string, kind: ScopeKind, id: number): Promise<RevealResult>;
  /** `hcloud.autoRefreshSeconds` (0 = off). */
  refreshSeconds(): number;
  /** Poll of running actions (ms). */
  poll?: { min: number; max: number };
}


export function panelKey(projectId: string, scope?: ActionLogScope): string {
  return scope ? `${projectId}/${scope.kind}/${scope.id}` : projectId;
}

export class ActionLogPanel extends WebviewPanelHost<ActionLogToWebview, ActionLogFromWebview> {
  private source: ActionSource | undefined;
  private client: HcloudClient | undefined;
  private view: ActionLogView;
  /** Bumped by every (re)load so answers of an older one are dropped. */
  private generation = 0;
  /**
   * Stops the requests of the current generation (its load, Load older, refresh, poll) when a newer
   * load replaces it, when the project goes, and when the panel closes.
   */
  private requests = new AbortController();
  private busy: Promise<unknown> | undefined;
  private lastLoad = 0;
  private readonly timers: ActionLogTimers;
  private readonly names: ActionLogNames;
  /** Shared by this panel's sources (one per filter): names, and whether the API refused GET /actions. */
  private readonly memory = new SourceMemory();

  constructor(
    panel: vscode.WebviewPanel,
    private readonly env: ActionLogEnv,
    state: ActionLogPanelState,
    /** The scoped resource's name when the caller knows it (the tree node's). */
    scopeNameHint?: string,
  ) {
    super(panel, { extensionUri: env.extensionUri, bundle: 'actionLog', title: 'Action Log', parse: parseActionLogFromWebview, log: env.log });
    this.timers = new ActionLogTimers(env.poll ?? RUNNING_POLL, () => env.refreshSeconds(), { poll: () => void this.poll(), refresh: () => void this.refresh() });
    this.names = new ActionLogNames((projectId, type, id) => env.nameOf(projectId, type, id), scopeNameHint, (projectId, type, id) => env.feed.names.get(projectId, type, id));
    this.view = { panel: state, title: '', phase: 'loading', actions: [], hasMore: false, loadingMore: false };
    this.view.title = this.names.title(this.naming);
    panel.title = this.names.tabTitle(this.naming);
    this.disposables.push(
      env.feed.onDidChange((e) => this.onFeed(e)),
      env.projects.onDidChange(() => this.onProjectsChanged()),
      this.timers,
      { dispose: () => this.requests.abort() },
    );
    if (!this.project) this.setGone();
    else void this.load();
  }

  static create(env: ActionLogEnv, state: ActionLogPanelState, scopeName?: string): ActionLogPanel {
    const panel = vscode.window.createWebviewPanel(ACTION_LOG_VIEW_TYPE, 'Action Log', vscode.ViewColumn.Active, {});
    return new ActionLogPanel(panel, env, state, scopeName);
  }

  get key(): string {
    return panelKey(this.view.panel.projectId, this.view.panel.scope);
  }

  /** The view as last sent (tests read it). */
  get current(): ActionLogView {
    return this.view;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Resolves once no load, page, refresh or name lookup is on its way (tests). */
  async idle(): Promise<void> {
    for (let b = this.busy; b; b = this.busy === b ? undefined : this.busy) await b.catch(() => undefined);
    await this.names.idle();
  }

  /** The refresh interval changed: reschedule. */
  settingsChanged(): void {
    this.schedule();
  }

  private get project(): Project | undefined {
    return this.env.projects.get(this.view.panel.projectId);
  }

  // WebviewPanelHost -------------------------------------------------------------------------------

  protected onReady(): void {
    this.post({ type: 'state', view: this.view });
    this.schedule();
  }

  protected async onMessage(message: ActionLogFromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return; // handled by the host (onReady)
      case 'setFilter':
        if (message.filter === this.view.panel.filter) return;
        this.view = { ...this.view, panel: { ...this.view.panel, filter: message.filter } };
        return this.load();
      case 'loadOlder':
        return this.loadOlder();
      case 'refresh':
        return this.view.phase === 'ready' ? this.refresh() : this.load();
      case 'reveal':
        return this.revealResource(message.resource.type, message.resource.id);
      default: {
        const unhandled: never = message;
        void unhandled;
      }
    }
  }

  protected override onVisibilityChanged(): void {
    this.schedule();
  }

  // Loading ----------------------------------------------------------------------------------------

  /** Loads from scratch (first time, filter change, retry). */
  private async load(): Promise<void> {
    const project = this.project;
    if (!project) return this.setGone();
    const generation = this.nextGeneration();
    const { signal } = this.requests;
    this.timers.stop();
    this.update({ phase: 'loading', actions: [], hasMore: false, loadingMore: false, notice: undefined, message: undefined });
    try {
      this.client = await this.env.clients.get(project);
      const source = new ActionSource(this.client, { filter: this.view.panel.filter, scope: this.view.panel.scope }, undefined, this.memory);
      const snapshot = await this.track(source.load(signal));
      if (generation !== this.generation) return;
      this.source = source;
      this.lastLoad = Date.now();
      this.show(snapshot, { phase: 'ready' });
    } catch (e) {
      if (generation !== this.generation) return;
      this.source = undefined;
      const scope = this.view.panel.scope;
      if (scope && isHcloudError(e, 'not_found')) {
        this.update({ phase: 'gone', message: `${this.names.scope(this.naming, scope)} no longer exists in project "${project.name}".` });
      } else {
        this.update({ phase: 'error', message: describeError(e) });
      }
    }
    this.schedule();
  }

  /** Marks `task` as the one on its way (Load older and refresh wait their turn). */
  private async track<T>(task: Promise<T>): Promise<T> {
    this.busy = task;
    try {
      return await task;
    } finally {
      if (this.busy === task) this.busy = undefined;
    }
  }

  private async loadOlder(): Promise<void> {
    const source = this.source;
    if (!source || this.busy || !this.view.hasMore) return;
    const generation = this.generation;
    const { signal } = this.requests;
    this.update({ loadingMore: true, notice: undefined });
    try {
      const snapshot = await this.track(this.withClient(() => source.loadOlder(signal)));
      if (generation === this.generation) this.show(snapshot, { loadingMore: false });
    } catch (e) {
      if (generation === this.generation) this.update({ loadingMore: false, notice: describeError(e, { action: 'Loading older actions' }) });
    }
    this.schedule();
  }

  private async refresh(): Promise<void> {
    const source = this.source;
    if (!source || this.busy) return;
    const generation = this.generation;
    const { signal } = this.requests;
    try {
      const snapshot = await this.track(this.withClient(() => source.refresh(signal)));
      this.lastLoad = Date.now();
      if (generation === this.generation) this.show(snapshot, { notice: undefined });
    } catch (e) {
      this.lastLoad = Date.now();
      if (generation === this.generation) this.update({ notice: describeError(e, { action: 'Refreshing the actions' }) });
    }
    this.schedule();
  }

  /** Running actions nobody follows: one request for all of them. */
  private async poll(): Promise<void> {
    const source = this.source;
    const ids = this.idsToPoll();
    if (!source || !ids.length) return this.schedule();
    const generation = this.generation;
    const { signal } = this.requests;
    try {
      // Hidden while the client was on its way: nothing goes out; showing the panel again polls.
      const fresh = await this.withClient(async (c) => (this.visible ? c.actions.getMany(ids, { signal }) : undefined));
      if (!fresh) return;
      if (generation === this.generation) this.show(source.update(fresh), {});
    } catch (e) {
      if (generation !== this.generation) return; // stopped by a newer load, which schedules its own
      this.env.log.warn(`Action log: polling running actions failed: ${describeError(e)}`);
    }
    this.timers.backOff();
    this.schedule();
  }

  /** A fresh client for each call (the pool drops clients when projects change). */
  private async withClient<T>(call: (client: HcloudClient) => Promise<T>): Promise<T> {
    const project = this.project;
    if (!project) throw new Error('The project was removed.');
    const client = await this.env.clients.get(project);
    if (client !== this.client && this.source) this.source.client = client;
    this.client = client;
    return call(client);
  }

  private idsToPoll(): number[] {
    const pid = this.view.panel.projectId;
    return (this.source?.runningIds() ?? []).filter((id) => !this.env.feed.isFollowed(pid, id));
  }

  // Live updates -------------------------------------------------------------------------------------

  private onFeed(e: ActionFeedEvent): void {
    if (e.projectId !== this.view.panel.projectId || !this.source || this.view.phase !== 'ready') return;
    this.show(this.source.update(e.actions), {});
    if (e.released.length) this.timers.resetBackOff();
    this.schedule();
  }

  private onProjectsChanged(): void {
    const project = this.project;
    if (!project) {
      if (this.view.phase !== 'gone') this.setGone();
      return;
    }
    const title = this.names.title(this.naming);
    if (title !== this.view.title) {
      this.panel.title = this.names.tabTitle(this.naming);
      this.update({ title });
    }
  }

  /** Timers only while the panel is visible and shows a list. */
  private schedule(): void {
    this.timers.stop();
    if (!this.visible || this.view.phase !== 'ready' || !this.source) return;
    this.timers.schedule(this.idsToPoll(), this.lastLoad);
  }

  // Reveal -------------------------------------------------------------------------------------------

  private async revealResource(type: string, id: number): Promise<void> {
    const kind = scopeKindOf(type);
    const label = this.names.resource(this.naming, type, id);
    if (!kind) {
      this.update({ notice: `${label} is not shown in the Hetzner Cloud view.` });
      return;
    }
    let result: RevealResult;
    try {
      result = await this.env.reveal(this.view.panel.projectId, kind, id);
    } catch (e) {
      // e.g. the view's filter hides the node, or its folder failed to load
      this.update({ notice: `${label} could not be shown in the Hetzner Cloud view: ${describeError(e)}` });
      return;
    }
    if (result === 'revealed') this.update({ notice: undefined });
    else if (result === 'missing') this.update({ notice: `${label} no longer exists in project "${this.project?.name ?? ''}".` });
    else this.update({ notice: `${label} is not shown in the Hetzner Cloud view.` });
  }

  // View -------------------------------------------------------------------------------------------

  private show(snapshot: ActionSnapshot, patch: Partial<ActionLogView>): void {
    this.update({ ...patch, actions: snapshot.actions.map((a) => this.toView(a)), hasMore: snapshot.hasMore });
    void this.fillNames(snapshot.actions);
  }

  /** Shows names instead of `#id` for resources the tree has not loaded (a few requests, once). */
  private fillNames(actions: Action[]): Promise<void> {
    return this.names.fill(() => this.lookUpNames(actions));
  }

  private async lookUpNames(actions: Action[]): Promise<void> {
    const source = this.source;
    if (!source) return;
    const generation = this.generation;
    const pid = this.view.panel.projectId;
    try {
      const learned = await this.withClient(() => source.resolveNames(actions, (type, id) => this.env.nameOf(pid, type, id) !== undefined));
      for (const r of actions.flatMap((a) => a.resources)) this.env.feed.names.remember(pid, r.type, r.id, source.nameOf(r.type, r.id));
      if (generation === this.generation && this.source === source && (learned || actions.some((a) => a.resources.some((r) => source.notFound(r.type, r.id) && this.env.feed.names.get(pid, r.type, r.id))))) {
        this.update({ actions: source.snapshot().actions.map((a) => this.toView(a)), title: this.names.title(this.naming) });
      }
    } catch (e) {
      this.env.log.warn(`Action log: could not load resource names: ${describeError(e)}`);
    }
  }

  private update(patch: Partial<ActionLogView>): void {
    const next: ActionLogView = { ...this.view, ...patch };
    if (next.message === undefined) delete next.message;
    if (next.notice === undefined) delete next.notice;
    this.view = next;
    this.post({ type: 'state', view: next });
  }

  /** A new generation: the requests of the one before stop, and their answers are dropped. */
  private nextGeneration(): number {
    this.requests.abort();
    this.requests = new AbortController();
    return ++this.generation;
  }

  private setGone(): void {
    this.nextGeneration();
    this.timers.stop();
    this.source = undefined;
    this.update({
      phase: 'gone',
      actions: [],
      hasMore: false,
      loadingMore: false,
      message: 'This project is no longer in the Hetzner Cloud view (it was removed). Close this tab, or add the project again.',
    });
  }

  private toView(a: Action): ActionView {
    return {
      id: a.id,
      command: a.command,
      status: a.status,
      progress: Math.max(0, Math.min(100, a.progress)),
      started: a.started.toISOString(),
      ...(a.finished ? { finished: a.finished.toISOString() } : {}),
      resources: a.resources.map((r) => ({ type: r.type, id: r.id, label: this.names.resource(this.naming, r.type, r.id) })),
      ...(a.error ? { error: { code: a.error.code, message: a.error.message } } : {}),
    };
  }

  private get naming(): NamingContext {
    const { projectId, scope } = this.view.panel;
    const source = this.source;
    return { projectId, scope, projectName: this.project?.name, learned: source && ((type, id) => source.nameOf(type, id)), gone: source && ((type, id) => source.notFound(type, id)) };
  }
}
