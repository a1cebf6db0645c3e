import type * as vscode from 'vscode';
import type { CommandContext } from './context';

/** Registers this noun's commands (filled in by issue 4's work). */
export function registerFloatingIpCommands(_ctx: CommandContext): vscode.Disposable[] {
  return [];
}
