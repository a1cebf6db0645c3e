// Registers every command of the tables in ./table.ts, in one place (activate() calls it once).
import * as vscode from 'vscode';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { COMMAND_TABLES } from './table';
import { guarded } from './access';

/** Registers every command of every table; each gets the node (from the tree, with the selection) or nothing (from the palette). */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const seen = new Set<string>();
  const disposables: vscode.Disposable[] = [];
  for (const table of Object.values(COMMAND_TABLES)) {
    for (const [id, handler] of Object.entries(table)) {
      if (seen.has(id)) throw new Error(`command ${id} is in two tables`);
      seen.add(id);
      const run = guarded(id, handler); // a write refuses a read-only project (./access.ts)
      // From a tree that allows multi-select VS Code passes the clicked node and the selected ones.
      disposables.push(vscode.commands.registerCommand(id, (node?: TreeNode, selection?: readonly TreeNode[]) => run(ctx, node, Array.isArray(selection) ? selection : undefined)));
    }
  }
  return disposables;
}
