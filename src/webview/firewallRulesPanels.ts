// The open rules editors: one per (project, firewall), so a second Edit Rules reveals the editor
// that is open; `restore` brings editors back after a window reload from the state their webview
// saved (a state that does not parse closes the panel), called by the serializer of ./lazyPanels.ts.
// The edits themselves are not in that state: they are the draft (./firewallRules/drafts.ts).

import * as vscode from 'vscode';
import { FIREWALL_RULES_VIEW_TYPE } from '../shared/viewTypes';
import { parseFirewallRulesPanelState, type FirewallRulesPanelState } from '../shared/firewallRulesProtocol';
import { FirewallRulesPanel, firewallRulesTitle, type FirewallRulesPanelDeps } from './firewallRulesPanel';
import { webviewOptions } from './panelHost';

export class FirewallRulesPanels implements vscode.Disposable {
  private readonly open = new Map<string, FirewallRulesPanel>();
  private readonly opened = new vscode.EventEmitter<FirewallRulesPanel>();
  /** An editor was opened or restored (tests watch it). */
  readonly onDidOpen = this.opened.event;

  constructor(private readonly deps: FirewallRulesPanelDeps) {}

  /** Opens the firewall's editor, or reveals it when it is open already. */
  show(projectId: string, firewall: { id: number; name: string }): FirewallRulesPanel {
    const existing = this.find(projectId, firewall.id);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(FIREWALL_RULES_VIEW_TYPE, firewallRulesTitle(firewall.name), vscode.ViewColumn.Active, webviewOptions(this.deps.extensionUri));
    return this.track(panel, { projectId, firewallId: firewall.id, firewallName: firewall.name });
  }

  /** An editor VS Code kept over a window reload, with the state its webview saved. */
  restore(panel: vscode.WebviewPanel, saved: unknown): void {
    const state = parseFirewallRulesPanelState(saved);
    if (!state || this.find(state.projectId, state.firewallId)) {
      if (!state) this.deps.log.warn('A Firewall rules editor could not be restored after the reload (its saved state is not valid); it was closed. Its unsaved changes are kept: open it again with "Edit Rules".');
      panel.dispose();
      return;
    }
    this.track(panel, state);
  }

  find(projectId: string, firewallId: number): FirewallRulesPanel | undefined {
    return this.open.get(`${projectId}/${firewallId}`);
  }

  get size(): number {
    return this.open.size;
  }

  private track(panel: vscode.WebviewPanel, state: FirewallRulesPanelState): FirewallRulesPanel {
    const editor = new FirewallRulesPanel(panel, this.deps, state);
    const key = `${state.projectId}/${state.firewallId}`;
    this.open.set(key, editor);
    editor.onDidDispose(() => this.forget(key, editor));
    this.opened.fire(editor);
    return editor;
  }

  /** A closed editor leaves the map (unless another one took its key meanwhile). */
  private forget(key: string, editor: FirewallRulesPanel): void {
    if (this.open.get(key) === editor) this.open.delete(key);
  }

  dispose(): void {
    [...this.open.values()].forEach((editor) => editor.dispose());
    this.opened.dispose();
  }
}
