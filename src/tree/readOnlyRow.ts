// The rows of a read-only project (src/projects/readOnly.ts): every row's contextValue gets the token
// `;readOnly;`, which package.json's write commands exclude (`viewItem =~ /^(?!.*;readOnly;)/`), so
// its menus show no write command. The project row also says the state in words and shows a lock; it
// carries `;writable;` when it is not read-only and `;readOnlyMarked;` when the user marked it, for
// Mark Project Read-Only and Mark Project Writable.
import * as vscode from 'vscode';
import { readOnlyWords, type ReadOnlyReason } from '../projects/readOnly';

/** The row as drawn for a project that is `reason` read-only (or writable: undefined). */
export function readOnlyRow(item: vscode.TreeItem, reason: ReadOnlyReason | undefined, projectRow: boolean): vscode.TreeItem {
  const tokens: string[] = [];
  if (reason) tokens.push('readOnly');
  if (projectRow) tokens.push(reason === undefined ? 'writable' : reason === 'user' ? 'readOnlyMarked' : 'readOnlyToken');
  if (tokens.length > 0 && item.contextValue !== undefined) item.contextValue = `${item.contextValue}${tokens.join(';')};`;
  if (!projectRow || !reason) return item;
  const words = readOnlyWords(reason);
  item.description = [words, typeof item.description === 'string' ? item.description : ''].filter(Boolean).join(' · ');
  const line =
    reason === 'user'
      ? 'Read-only (marked): write commands are off. Mark Project Writable to change it.'
      : 'Read-only token: the API token cannot write, so write commands are off. Update Token to write.';
  if (item.tooltip instanceof vscode.MarkdownString) item.tooltip.appendMarkdown(`  \n${line}`);
  else item.tooltip = [item.tooltip, line].filter(Boolean).join('\n');
  item.iconPath = new vscode.ThemeIcon('lock');
  return item;
}
