// The open console panels: one per (project, server), so a second Open Console reveals the panel
// that is open. No serializer: a console cannot resume after a window reload (its URL is one-time),
// so VS Code drops these panels then.

import * as vscode from 'vscode';
import { CONSOLE_VIEW_TYPE } from '../shared/viewTypes';
import type { ConsoleTicket } from './console/relay';
import { ConsolePanel, consolePanelTitle, type ConsolePanelDeps, type ConsoleTarget } from './consolePanel';
import { webviewOptions } from './panelHost';

const key = (projectId: string, serverId: number) => `${projectId}/${serverId}`;

export class ConsolePanels implements vscode.Disposable {
  private readonly panels = new Map<string, ConsolePanel>();

  constructor(private readonly deps: ConsolePanelDeps) {}

  /** One `request_console` for `target` (Open Console's; the panel's Reconnect makes its own). */
  request(target: ConsoleTarget, signal: AbortSignal): Promise<ConsoleTicket> {
    return this.deps.request(target, signal);
  }

  /** Opens the console panel of `target`, connecting with `ticket`. */
  open(target: ConsoleTarget, ticket: ConsoleTicket): ConsolePanel {
    const panel = vscode.window.createWebviewPanel(CONSOLE_VIEW_TYPE, consolePanelTitle(target.serverName), vscode.ViewColumn.Active, {
      ...webviewOptions(this.deps.extensionUri),
      // Hiding the tab must not end the session (see consolePanel.ts).
      retainContextWhenHidden: true,
      // Find would take the keys the console should get.
      enableFindWidget: false,
    });
    const host = new ConsolePanel(panel, this.deps, target, ticket);
    const k = key(target.projectId, target.serverId);
    this.panels.set(k, host);
    host.onDidDispose(() => {
      if (this.panels.get(k) === host) this.panels.delete(k);
    });
    return host;
  }

  find(projectId: string, serverId: number): ConsolePanel | undefined {
    return this.panels.get(key(projectId, serverId));
  }

  get size(): number {
    return this.panels.size;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}
