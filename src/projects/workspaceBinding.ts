// The workspace's binding to a project: the workspace settings `hcloud.workspace.project` (a project's
// name, since ids differ between machines) and `hcloud.workspace.filter` (a label selector). A
// repository's folder names its project once in .vscode/settings.json; the tree shows that project
// first, expanded and filtered, and the status bar names it as the active project.
// Only read here; "Bind Workspace to Project" writes them.

import * as vscode from 'vscode';

export interface WorkspaceBinding {
  /** The bound project's name, trimmed; undefined when unset or blank. */
  readonly project?: string;
  /** The label selector the bound project is filtered with; undefined when unset or blank. */
  readonly filter?: string;
}

export const WORKSPACE_PROJECT_SETTING = 'workspace.project';
export const WORKSPACE_FILTER_SETTING = 'workspace.filter';

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function readWorkspaceBinding(): WorkspaceBinding {
  const config = vscode.workspace.getConfiguration('hcloud');
  return { project: text(config.get(WORKSPACE_PROJECT_SETTING)), filter: text(config.get(WORKSPACE_FILTER_SETTING)) };
}

/** Fires when either setting changes. */
export function onDidChangeWorkspaceBinding(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('hcloud.workspace.project') || e.affectsConfiguration('hcloud.workspace.filter')) listener();
  });
}
