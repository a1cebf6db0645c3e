// Says once that a project's API token is read-only: when an answer `token_readonly` has just marked
// it (ProjectStore.markTokenReadOnly), not at each refused write after (those are refused before
// anything is sent, with the reason: src/commands/access.ts).
import type * as vscode from 'vscode';
import type { ProjectStore } from '../projects/projectStore';
import { tokenReadOnlyNotice } from '../projects/readOnly';
import type { UserInput } from './userInput';

export function noticeReadOnlyTokens(projects: ProjectStore, input: () => UserInput): vscode.Disposable {
  return projects.onDidChangeReadOnly((e) => {
    const project = projects.get(e.projectId);
    if (e.learnt && project) input().warn(tokenReadOnlyNotice(project.name));
  });
}
