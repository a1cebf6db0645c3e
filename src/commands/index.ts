import * as vscode from 'vscode';
import type { CommandContext } from './context';
import { registerProjectCommands } from './project';

/** Every command of the extension, registered in one place. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    ...registerProjectCommands(ctx),
    vscode.commands.registerCommand('hcloud.showLog', () => ctx.log.show(true)),
  ];
}
