// The Open button on a message about a file the extension wrote (Export CSV): opens it in an editor.
import * as vscode from 'vscode';
import type { UserInput } from './userInput';

export const OPEN = 'Open';

/**
 * Shows `message` with an Open button; Open shows the file in an editor. Resolves once the user
 * answered (and the file is open), so callers do not await it: the message stays until answered.
 */
export async function offerToOpen(input: UserInput, message: string, uri: vscode.Uri): Promise<void> {
  if ((await input.offer(message, [OPEN])) !== OPEN) return;
  try {
    await vscode.window.showTextDocument(uri, { preview: false });
  } catch (e) {
    input.error(`${uri.scheme === 'file' ? uri.fsPath : uri.toString()} could not be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
}
