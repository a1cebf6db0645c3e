// Bind Workspace to Project and Unbind Workspace from Project: write (or remove) the workspace settings
// `hcloud.workspace.project` (the project's name: ids differ between machines) and
// `hcloud.workspace.filter` (a label selector), in the workspace's settings (.vscode/settings.json of
// a folder). The tree follows them live (src/tree/workspaceProject.ts). Cancelling writes nothing.
import * as vscode from 'vscode';
import { readWorkspaceBinding, WORKSPACE_FILTER_SETTING, WORKSPACE_PROJECT_SETTING, workspaceConfiguration } from '../projects/workspaceBinding';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { selectorProblem } from './labels';
import { pickProject } from './pick';

const NO_FOLDER = 'Open a folder or a workspace first: the binding is kept in its settings (hcloud.workspace.project).';

function hasWorkspace(): boolean {
  return (vscode.workspace.workspaceFolders?.length ?? 0) > 0 || vscode.workspace.workspaceFile !== undefined;
}

/** Writes both settings at the workspace level (undefined removes one); the tree applies them once, after both. */
async function writeBinding(ctx: CommandContext, project: string | undefined, filter: string | undefined): Promise<void> {
  const config = workspaceConfiguration();
  await ctx.tree.workspace.whileWriting(async () => {
    await config.update(WORKSPACE_PROJECT_SETTING, project, vscode.ConfigurationTarget.Workspace);
    await config.update(WORKSPACE_FILTER_SETTING, filter, vscode.ConfigurationTarget.Workspace);
  });
}

/** Asks for a project (the row's, from the tree) and an optional label selector, then binds the workspace to them. */
export async function bindProject(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Bind Workspace to Project';
  if (!hasWorkspace()) return ctx.input().info(NO_FOLDER);
  const project = await pickProject(ctx, node, TITLE);
  if (!project) return;
  const text = await ctx.input().inputBox({
    title: `${TITLE}: "${project.name}"`,
    prompt: 'Optional: a label selector the project is listed with in this workspace (env=prod,tier!=db · key · !key · key in (a,b)). Empty: no filter.',
    placeHolder: 'env=prod,tier!=db',
    value: ctx.tree.labelSelectorOf(project.id) ?? '',
    validateInput: selectorProblem,
  });
  if (text === undefined) return;
  const filter = text.trim() || undefined;
  await writeBinding(ctx, project.name, filter);
  const bound = readWorkspaceBinding();
  if (bound.project !== project.name || bound.filter !== filter) {
    // A workspace folder's own settings (a multi-root workspace) win over the workspace's.
    return ctx.input().warn(`The workspace's settings now name project "${project.name}", but a folder's settings override them (hcloud.workspace.project, hcloud.workspace.filter).`);
  }
  ctx.input().info(`This workspace is bound to project "${project.name}"${filter ? `, filtered by ${filter}` : ''}: the view shows it first and expanded.`);
}

/** Removes both settings from the workspace's settings. */
export async function unbindProject(ctx: CommandContext): Promise<void> {
  if (!hasWorkspace()) return ctx.input().info(NO_FOLDER);
  const before = readWorkspaceBinding();
  if (before.project === undefined && before.filter === undefined) return ctx.input().info('This workspace is bound to no project.');
  await writeBinding(ctx, undefined, undefined);
  const after = readWorkspaceBinding();
  if (after.project !== undefined) return ctx.input().warn(`Project "${after.project}" is still bound: it is set outside the workspace's settings (hcloud.workspace.project in a folder's or the user settings).`);
  ctx.input().info(before.project ? `This workspace is no longer bound to project "${before.project}".` : 'The workspace filter (hcloud.workspace.filter) is removed.');
}
