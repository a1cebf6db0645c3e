import * as vscode from 'vscode';

/** Builds the object graph and pushes every disposable; no network work happens here. */
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('Hetzner Cloud', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('hcloud.showLog', () => log.show(true)),
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
