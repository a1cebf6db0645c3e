// The open metrics panels: one per (project, kind, id), so a second Show Metrics reveals the panel
// that is already open; and `restore`, which brings panels back after a window reload from the
// state their webview saved (validated: a state that does not parse closes the panel), called by
// the serializer that ./lazyPanels.ts registers.

import * as vscode from 'vscode';
import type { Project } from '../projects/projectStore';
import type { MetricsKind } from '../shared/metrics';
import { autoRefreshDefault, METRICS_VIEW_TYPE, parseMetricsPanelState, type MetricsPanelState } from '../shared/protocol';
import { MetricsPanel, metricsPanelTitle, type MetricsPanelDeps } from './metricsPanel';
import { webviewOptions } from './panelHost';

const key = (projectId: string, kind: MetricsKind, id: number) => `${projectId}/${kind}/${id}`;

export class MetricsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, MetricsPanel>();

  constructor(private readonly deps: MetricsPanelDeps) {}

  /** Opens the panel of a server (or of a resource of another `kind`), or reveals it when it is open already. */
  show(project: Project, resource: { id: number; name: string }, kind: MetricsKind = 'server'): MetricsPanel {
    const existing = this.find(project.id, resource.id, kind);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      METRICS_VIEW_TYPE,
      metricsPanelTitle(resource.name),
      vscode.ViewColumn.Active,
      webviewOptions(this.deps.extensionUri),
    );
    const range = { kind: 'preset', id: '1h' } as const;
    const target = { kind, id: resource.id, name: resource.name };
    return this.add(panel, { projectId: project.id, target, range, autoRefresh: autoRefreshDefault(range) });
  }

  /** A panel VS Code kept over a window reload, with the state its webview saved. */
  restore(panel: vscode.WebviewPanel, saved: unknown): void {
    const state = parseMetricsPanelState(saved);
    if (!state) {
      this.deps.log.warn('A metrics panel could not be restored after the reload (its saved state is not valid); it was closed. Open it again with "Show Metrics".');
      panel.dispose();
      return;
    }
    if (this.find(state.projectId, state.target.id, state.target.kind)) {
      panel.dispose();
      return;
    }
    this.add(panel, state);
  }

  find(projectId: string, id: number, kind: MetricsKind = 'server'): MetricsPanel | undefined {
    return this.panels.get(key(projectId, kind, id));
  }

  get size(): number {
    return this.panels.size;
  }

  private add(panel: vscode.WebviewPanel, state: MetricsPanelState): MetricsPanel {
    const host = new MetricsPanel(panel, this.deps, state);
    const k = key(state.projectId, state.target.kind, state.target.id);
    this.panels.set(k, host);
    host.onDidDispose(() => {
      if (this.panels.get(k) === host) this.panels.delete(k);
    });
    return host;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}
