// Show Costs (hcloud.project.showCosts): one panel per project with the monthly breakdown by kind
// and by resource (webview-ui/costs: a table and a bar chart), Refresh and Export CSV. The host
// gets its figures from a `CostsSource` (the project's total in the tree, src/tree/projectCosts.ts),
// so the panel asks the API nothing of its own; the webview gets names and amounts only.
// A window reload brings it back: the page saves its project's id (CostsPanelState), the serializer
// of ./lazyPanels.ts calls `restore`, and the figures are computed again (the project's total, kept
// 10 minutes in the tree: usually no request).

import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type ProjectCosts } from '../api/costs';
import { costsToCsv, parseCostsFromWebview, parseCostsPanelState, type CostsFromWebview, type CostsToWebview, type CostsView } from '../shared/costsProtocol';
import { COSTS_VIEW_TYPE } from '../shared/viewTypes';
import { costsByKind } from '../api/costs';
import { COST_KIND_LABEL } from '../tree/costFormat';
import type { UserInput } from '../ui/userInput';
import { WebviewPanelHost, webviewOptions } from './panelHost';

export interface CostsPanelDeps {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  input(): UserInput;
  /** The source of a project's figures, for a panel restored after a reload; undefined when the project is gone. */
  sourceFor(projectId: string): Promise<CostsSource | undefined>;
}

/** Where a panel's figures come from: the project's costs, computed again when `refresh`. */
export interface CostsSource {
  projectId: string;
  projectName: string;
  load(refresh: boolean): Promise<ProjectCosts | undefined>;
}

/** The webview's view of a project's costs (kinds in words, amounts as numbers). */
export function costsView(projectName: string, costs: ProjectCosts, at: Date): CostsView {
  const currency = costs.total?.currency ?? costs.items.find((i) => i.monthly)?.monthly?.currency ?? 'EUR';
  return {
    title: `Monthly costs of project "${projectName}"`,
    currency,
    total: costs.total ? { gross: costs.total.gross, net: costs.total.net } : null,
    byKind: costsByKind(costs.items).map((k) => ({ kind: COST_KIND_LABEL[k.kind], count: k.count, gross: k.monthly?.gross ?? null })),
    rows: costs.items.map((i) => ({ kind: COST_KIND_LABEL[i.kind], name: i.name, gross: i.monthly?.gross ?? null, net: i.monthly?.net ?? null })),
    computedAt: at.toISOString(),
  };
}

export class CostsPanel extends WebviewPanelHost<CostsToWebview, CostsFromWebview> {
  private view: CostsView | undefined;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: CostsPanelDeps,
    readonly source: CostsSource,
  ) {
    super(panel, { extensionUri: deps.extensionUri, bundle: 'costs', title: `Costs of ${source.projectName}`, parse: parseCostsFromWebview, log: deps.log });
  }

  /** The figures the panel shows now (tests read them). */
  get shown(): CostsView | undefined {
    return this.view;
  }

  protected async onReady(): Promise<void> {
    if (this.view) this.post({ type: 'costs', projectId: this.source.projectId, view: this.view });
    else await this.load(false);
  }

  protected async onMessage(message: CostsFromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return;
      case 'refresh':
        await this.load(true);
        return;
      case 'exportCsv':
        await this.exportCsv();
        return;
    }
  }

  async load(refresh: boolean): Promise<void> {
    const costs = await this.source.load(refresh);
    if (!costs) return; // the source said why
    this.view = costsView(this.source.projectName, costs, new Date());
    this.post({ type: 'costs', projectId: this.source.projectId, view: this.view });
  }

  private async exportCsv(): Promise<void> {
    const input = this.deps.input();
    const name = this.source.projectName;
    if (!this.view) {
      input.info(`The costs of "${name}" are not computed yet.`);
      return;
    }
    const fileName = `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}-costs-${this.view.computedAt.slice(0, 16).replace(/[:T]/g, '-')}.csv`;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
    const uri = await input.pickSaveLocation({ title: `Export Costs of "${name}" as CSV`, saveLabel: 'Export', defaultUri: vscode.Uri.joinPath(folder, fileName), filters: { 'CSV files': ['csv'] } });
    if (!uri) return;
    try {
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(costsToCsv(this.view)));
      this.deps.log.info(`Exported the costs of "${name}" to ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}.`);
      input.info(`Exported the costs of "${name}" to ${path.basename(uri.path)}.`);
    } catch (e) {
      input.error(`Export of the costs of "${name}" failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/** The open costs panels: one per project, revealed by a second Show Costs. */
export class CostsPanels implements vscode.Disposable {
  private readonly panels = new Map<string, CostsPanel>();

  constructor(private readonly deps: CostsPanelDeps) {}

  show(source: CostsSource): CostsPanel {
    const existing = this.panels.get(source.projectId);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(COSTS_VIEW_TYPE, `Costs: ${source.projectName}`, vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    return this.track(panel, source);
  }

  /**
   * A panel VS Code kept over a window reload, with the state its page saved: it shows its project's
   * costs again; it is closed (with a line in the log) when the state does not parse, the project
   * is gone, or the project's panel is open already. Resolves with the panel when it was restored.
   */
  async restore(panel: vscode.WebviewPanel, saved: unknown): Promise<CostsPanel | undefined> {
    const state = parseCostsPanelState(saved);
    const source = state && !this.panels.has(state.projectId) ? await this.deps.sourceFor(state.projectId) : undefined;
    if (!source) {
      if (!state) this.deps.log.warn('A costs panel could not be restored after the reload (its saved state is not valid); it was closed. Show Costs opens it again.');
      else if (!this.panels.has(state.projectId)) this.deps.log.info('A costs panel was closed after the reload: its project is no longer in the Hetzner Cloud view.');
      panel.dispose();
      return undefined;
    }
    panel.title = `Costs: ${source.projectName}`;
    return this.track(panel, source);
  }

  /** The panel of a project, if one is open. */
  get(projectId: string): CostsPanel | undefined {
    return this.panels.get(projectId);
  }

  private track(panel: vscode.WebviewPanel, source: CostsSource): CostsPanel {
    const host = new CostsPanel(panel, this.deps, source);
    this.panels.set(source.projectId, host);
    host.onDidDispose(() => {
      if (this.panels.get(source.projectId) === host) this.panels.delete(source.projectId);
    });
    return host;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}
