// Show Costs (hcloud.project.showCosts): one panel per project with the monthly breakdown by kind
// and by resource (webview-ui/costs: a table and a bar chart), Refresh and Export CSV. The host
// gets its figures from a `CostsSource` (the project's total in the tree, src/tree/projectCosts.ts),
// so the panel asks the API nothing of its own; the webview gets names and amounts only.
// Not restored after a window reload (its figures are computed, not saved): Show Costs opens it again.

import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type ProjectCosts } from '../api/costs';
import { costsToCsv, parseCostsFromWebview, type CostsFromWebview, type CostsToWebview, type CostsView } from '../shared/costsProtocol';
import { costsByKind } from '../api/costs';
import { COST_KIND_LABEL } from '../tree/costFormat';
import type { UserInput } from '../ui/userInput';
import { WebviewPanelHost, webviewOptions } from './panelHost';

export const COSTS_VIEW_TYPE = 'hcloud.costs';

export interface CostsPanelDeps {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  input(): UserInput;
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
    if (this.view) this.post({ type: 'costs', view: this.view });
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
    this.post({ type: 'costs', view: this.view });
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
