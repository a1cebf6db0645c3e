// The open action logs: one panel per project and one per scoped resource (a second call
// reveals it), panels restored after a window reload (`restore`, called by the serializer that
// ./lazyPanels.ts registers), and what the panels need from the rest of the extension (names and
// reveal from the tree, the setting).

import * as vscode from 'vscode';
import type { ActionFeed } from '../projects/actionFeed';
import type { ClientPool } from '../projects/clientPool';
import type { ProjectStore } from '../projects/projectStore';
import type { ProjectsTreeProvider } from '../tree/projectsTreeProvider';
import { nameInTree } from '../tree/resourceNames';
import { normalizeInterval } from '../tree/refreshPolicy';
import { parseActionLogPanelState, type ActionLogPanelState, type ActionLogScope } from '../shared/actionLogProtocol';
import { ActionLogPanel, panelKey, type ActionLogEnv } from './actionLogPanel';

export interface ActionLogManagerDeps {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  projects: ProjectStore;
  clients: ClientPool;
  feed: ActionFeed;
  tree: ProjectsTreeProvider;
  /** Poll of running actions (tests make it faster). */
  poll?: { min: number; max: number };
}

export class ActionLogManager implements vscode.Disposable {
  private readonly panels = new Map<string, ActionLogPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly env: ActionLogEnv;
  private readonly opened = new vscode.EventEmitter<ActionLogPanel>();
  /** A panel was opened or restored (tests watch it). */
  readonly onDidOpen = this.opened.event;

  constructor(deps: ActionLogManagerDeps) {
    const { tree } = deps;
    this.env = {
      extensionUri: deps.extensionUri,
      log: deps.log,
      projects: deps.projects,
      clients: deps.clients,
      feed: deps.feed,
      poll: deps.poll,
      nameOf: (projectId, type, id) => {
        const name = nameInTree(tree, projectId, type, id);
        deps.feed.names.remember(projectId, type, id, name); // kept for when it is deleted
        return name;
      },
      reveal: async (projectId, kind, id) => ((await tree.revealResource(projectId, kind, id)) ? 'revealed' : 'missing'),
      // As for the tree: 0 turns it off, 1..15 count as 15.
      refreshSeconds: () => normalizeInterval(vscode.workspace.getConfiguration('hcloud').get<number>('autoRefreshSeconds', 60)),
    };
    this.disposables.push(
      this.opened,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('hcloud.autoRefreshSeconds')) for (const p of this.panels.values()) p.settingsChanged();
      }),
    );
  }

  /** Opens (or reveals) the log of a project, or of one of its resources. */
  show(projectId: string, scope?: ActionLogScope, scopeName?: string): ActionLogPanel {
    const existing = this.panels.get(panelKey(projectId, scope));
    if (existing) {
      existing.reveal();
      return existing;
    }
    return this.track(ActionLogPanel.create(this.env, { projectId, ...(scope ? { scope } : {}), filter: 'all' }, scopeName));
  }

  /** The open panel of a project (or resource), if any. */
  get(projectId: string, scope?: ActionLogScope): ActionLogPanel | undefined {
    return this.panels.get(panelKey(projectId, scope));
  }

  /** After a window reload: the panel VS Code kept, with the state its webview saved. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed: ActionLogPanelState = parseActionLogPanelState(state) ?? { projectId: '', filter: 'all' };
    const existing = this.panels.get(panelKey(parsed.projectId, parsed.scope));
    if (existing && parsed.projectId) {
      // Two tabs of the same log (should not happen): keep the one open.
      panel.dispose();
      existing.reveal();
      return;
    }
    this.track(new ActionLogPanel(panel, this.env, parsed));
  }

  private track(panel: ActionLogPanel): ActionLogPanel {
    const key = panel.key;
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
    this.opened.fire(panel);
    return panel;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
    for (const d of this.disposables) d.dispose();
  }
}
