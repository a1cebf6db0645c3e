// hcloud.server.openConsole: the server's console in an editor tab. One `request_console`, then a
// panel per server that connects with it (src/webview/consolePanel.ts); a second run reveals the
// open panel without a new request. A failed request shows the API's own message and opens nothing.
import * as vscode from 'vscode';
import type { ConsoleTicket } from '../../webview/console/relay';
import type { Server } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { pickServer, q } from './common';

const running = (s: Server) => s.status === 'running';

export async function openConsole(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Open Console', running, 'No server is running.');
  if (!t) return;
  const panels = await ctx.consolePanels();
  const target = { projectId: t.project.id, serverId: t.resource.id, serverName: t.resource.name };
  const open = () => panels.find(target.projectId, target.serverId);
  const existing = open();
  if (existing) {
    existing.panel.reveal();
    return;
  }
  let ticket: ConsoleTicket;
  try {
    ticket = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Requesting the console of ${q(t.resource)}`, cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return panels.request(target, abort.signal);
      },
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    ctx.log.error(message);
    ctx.input().error(message);
    return;
  }
  // Opened meanwhile by another run: that panel has its own session.
  const opened = open();
  if (opened) opened.panel.reveal();
  else panels.open(target, ticket);
}
