// The metrics panel of one server or Load Balancer (extension side): fetches every series its charts
// need in one request through the project's HcloudClient (metrics/fetchMetrics.ts), sends them to the webview as plain numbers, keeps
// auto-refresh going while the panel is visible (never while hidden); metrics/exportCsv.ts saves CSV.
// The webview (webview-ui/metrics) only draws and asks; every message from it is validated.

import * as vscode from 'vscode';
import { isHcloudError } from '../api/errors';
import type { Metrics } from '../api/types';
import { describeError } from '../ui/describeError';
import type { ClientPool } from '../projects/clientPool';
import type { ProjectStore } from '../projects/projectStore';
import {
  autoRefreshDefault,
  NOT_RUNNING,
  parseMetricsFromWebview,
  refreshSecondsFor,
  resolveRange,
  toDataMessage,
  type DataMessage,
  type ErrorMessage,
  type MetricsFromWebview,
  type MetricsPanelState,
  type MetricsToWebview,
  type RenderedMessage,
} from '../shared/protocol';
import type { UserInput } from '../ui/userInput';
import { exportMetricsCsv } from './metrics/exportCsv';
import { capitalized, fetchMetrics, KIND_NOUN } from './metrics/fetchMetrics';
import { WebviewPanelHost } from './panelHost';

export interface MetricsPanelDeps {
  extensionUri: vscode.Uri;
  projects: ProjectStore;
  clients: ClientPool;
  log: vscode.LogOutputChannel;
  input(): UserInput;
  /** The clock (ms); tests may move it. */
  now?(): number;
  /** A server's status from what the tree has loaded (no request); the page notes a server that is not running. */
  serverStatus?(projectId: string, id: number): string | undefined;
}

export function metricsPanelTitle(name: string): string {
  return `Metrics: ${name}`;
}

type Status = { kind: 'idle' } | { kind: 'loading' } | { kind: 'data' } | { kind: 'error'; message: ErrorMessage };

export class MetricsPanel extends WebviewPanelHost<MetricsToWebview, MetricsFromWebview> {
  private state: MetricsPanelState;
  private status: Status = { kind: 'idle' };
  private last: { metrics: Metrics; message: DataMessage } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private generation = 0;
  private wasVisible: boolean;
  private readonly fetchedEmitter = new vscode.EventEmitter<void>();
  /** After every fetch settled (data or error shown); tests wait on it. */
  readonly onDidFetch = this.fetchedEmitter.event;
  /** The last `rendered` report of the webview (tests and diagnostics). */
  lastRendered: RenderedMessage | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: MetricsPanelDeps,
    state: MetricsPanelState,
  ) {
    super(panel, {
      extensionUri: deps.extensionUri,
      bundle: 'metrics',
      title: metricsPanelTitle(state.target.name),
      parse: parseMetricsFromWebview,
      log: deps.log,
    });
    this.state = state;
    panel.title = metricsPanelTitle(state.target.name);
    this.wasVisible = panel.visible;
    this.disposables.push(this.fetchedEmitter, { dispose: () => this.stop() });
    // Remove Project: stop polling at once (the client pool has stopped the request on its way) and say why.
    this.disposables.push(deps.projects.onDidChange(() => this.projectsChanged()));
    if (panel.visible) void this.fetch();
  }

  get projectId(): string {
    return this.state.projectId;
  }

  /** Whose metrics the panel shows. */
  get target(): MetricsPanelState['target'] {
    return { ...this.state.target };
  }

  /** A copy of what the panel shows (range, auto-refresh). */
  get panelState(): MetricsPanelState {
    return { ...this.state, target: this.target };
  }

  /** Whether a next automatic fetch is scheduled (never while the panel is hidden). */
  get autoRefreshScheduled(): boolean {
    return this.timer !== undefined;
  }

  /** What the last successful fetch returned (CSV export uses it). */
  get lastMetrics(): Metrics | undefined {
    return this.last?.metrics;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private refreshSeconds(): number {
    const resolved = resolveRange(this.state.range, this.now());
    return refreshSecondsFor(resolved.ok ? resolved.window.step : 60);
  }

  protected onReady(): void {
    this.post({ type: 'init', state: { ...this.state }, refreshSeconds: this.refreshSeconds() });
    if (this.last) this.post(this.last.message);
    if (this.status.kind === 'loading') this.post({ type: 'loading' });
    else if (this.status.kind === 'error') this.post(this.status.message);
  }

  protected async onMessage(message: MetricsFromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return; // the base class answers `ready` with onReady
      case 'setRange':
        this.state = { ...this.state, range: message.range, autoRefresh: autoRefreshDefault(message.range) };
        this.post({ type: 'init', state: { ...this.state }, refreshSeconds: this.refreshSeconds() });
        await this.fetch();
        return;
      case 'setAutoRefresh':
        this.state = { ...this.state, autoRefresh: message.enabled };
        if (message.enabled) this.schedule();
        else this.clearTimer();
        return;
      case 'refresh':
        await this.fetch();
        return;
      case 'exportCsv':
        await exportMetricsCsv(this.deps.input(), this.deps.log, this.state.target.name, this.last && { metrics: this.last.metrics, end: this.last.message.end });
        return;
      case 'rendered':
        this.lastRendered = message;
        return;
      default: {
        const unknown: never = message;
        void unknown;
      }
    }
  }

  protected override onVisibilityChanged(visible: boolean): void {
    if (visible === this.wasVisible) return;
    this.wasVisible = visible;
    if (visible) {
      // Resumes with fresh data (the webview says `ready` again and gets it).
      void this.fetch();
    } else {
      this.clearTimer();
    }
  }

  /** Fetches the current range now (replacing a fetch in flight) and schedules the next one. */
  async fetch(): Promise<void> {
    this.clearTimer();
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    const generation = ++this.generation;
    const { projectId, target, range } = this.state;
    const what = `${KIND_NOUN[target.kind]} "${target.name}"`;
    this.status = { kind: 'loading' };
    this.post({ type: 'loading' });
    const current = () => generation === this.generation && !abort.signal.aborted;
    try {
      const resolved = resolveRange(range, this.now());
      if (!resolved.ok) {
        this.fail(resolved.message, false);
        return;
      }
      const project = this.deps.projects.get(projectId);
      if (!project) {
        this.fail(`The project of ${what} is no longer set up in VS Code, so its metrics cannot be loaded. Close this panel.`, false);
        return;
      }
      const { window } = resolved;
      let client;
      try {
        client = await this.deps.clients.get(project);
        const metrics = await fetchMetrics(client, target, window, abort.signal);
        if (!current()) return;
        const message = withServerStatus(toDataMessage(metrics, window), target.kind === 'server' ? this.deps.serverStatus?.(projectId, target.id) : undefined);
        this.last = { metrics, message };
        this.status = { kind: 'data' };
        this.post(message);
      } catch (e) {
        if (!current()) return;
        if (isHcloudError(e, 'not_found')) {
          this.fail(`${capitalized(KIND_NOUN[target.kind])} "${target.name}" (ID ${target.id}) no longer exists in project "${project.name}".`, false);
        } else {
          const text = describeError(e, { action: `Loading the metrics of "${target.name}"` });
          this.deps.log.warn(text);
          this.fail(text, true);
        }
      }
    } finally {
      if (current()) {
        this.abort = undefined;
        this.schedule();
        this.fetchedEmitter.fire();
      }
    }
  }

  private fail(message: string, canRetry: boolean): void {
    const error: ErrorMessage = { type: 'error', message, canRetry };
    this.status = { kind: 'error', message: error };
    this.post(error);
  }

  /** The next automatic fetch: only with auto-refresh on, for a preset range, while visible. */
  private schedule(): void {
    this.clearTimer();
    if (!this.state.autoRefresh || this.state.range.kind !== 'preset' || !this.visible) return;
    if (this.status.kind === 'error' && !this.status.message.canRetry) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fetch();
    }, this.refreshSeconds() * 1000);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private projectsChanged(): void {
    if (this.deps.projects.get(this.state.projectId)) return;
    this.stop();
    this.fail(`The project of ${KIND_NOUN[this.state.target.kind]} "${this.state.target.name}" was removed from VS Code, so its metrics cannot be loaded. Close this panel.`, false);
  }

  private stop(): void {
    this.clearTimer();
    this.abort?.abort();
    this.generation++;
  }
}

/** The data message with the server's status when it is one the page notes (not running). */
function withServerStatus(message: DataMessage, status: string | undefined): DataMessage {
  const notRunning = NOT_RUNNING.find((s) => s === status);
  return notRunning ? { ...message, notRunning } : message;
}
