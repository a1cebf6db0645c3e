import type * as vscode from 'vscode';
import type { HcloudClient } from '../api/client';
import type { Project } from '../projects/projectStore';
import type { TreeNode } from '../tree/node';
import { isResourceNode, projectOf, type ResourceKind } from '../tree/resourceNode';
import type { CommandContext } from './context';
import { describeError } from '../ui/describeError';
import { treeOrder } from '../tree/fetch';
import { pickPlaceholder } from './pickWords';
import { readOnlyWords } from '../projects/readOnly';
import { boundFirst } from '../tree/workspaceOrder';
import { refuseWrite, writeRefusal } from './access';

export interface ProjectPickOptions {
  /**
   * Only the projects kept in VS Code, not the one from HCLOUD_TOKEN (Rename, Update Token,
   * Remove): the palette then asks even when there is one, since the command changes the project.
   */
  storedOnly?: boolean;
}

/**
 * The project a command is about: the node's (or its ancestor's); from the palette the only one,
 * or one picked. Undefined when the user cancelled or there is none (then it says so).
 */
export async function pickProject(ctx: CommandContext, node: TreeNode | undefined, title: string, o: ProjectPickOptions = {}): Promise<Project | undefined> {
  const fromNode = projectOf(node);
  if (fromNode) return fromNode;
  const projects = ctx.projects.list().filter((p) => !o.storedOnly || p.source === 'stored');
  if (projects.length === 0) {
    ctx.input().info(o.storedOnly ? 'There is no stored project. Add one first.' : 'There is no Hetzner Cloud project yet. Add one first (Hetzner Cloud: Add Project).');
    return undefined;
  }
  if (projects.length === 1 && !o.storedOnly) return ctx.writes && refuseWrite(ctx, projects[0]) ? undefined : projects[0];
  // The workspace's project first, as in the tree.
  const bound = ctx.tree.workspace.boundId();
  const ordered = boundFirst(projects, projects.find((p) => p.id === bound));
  // For a write, a read-only project is listed as refused (QuickPick has no disabled items): picking it
  // says why and asks again; nothing is sent.
  for (;;) {
    const picked = await ctx.input().quickPick(
      ordered.map((p) => projectItem(ctx, p, p.id === bound)),
      { title, placeHolder: 'Project' },
    );
    if (!picked?.refusal) return picked?.project;
    ctx.input().warn(picked.refusal);
  }
}

function projectItem(ctx: CommandContext, p: Project, workspace: boolean): vscode.QuickPickItem & { project: Project; refusal?: string } {
  const description = `${workspace ? 'workspace · ' : ''}${p.source === 'environment' ? 'from environment' : p.endpoint}`;
  const reason = ctx.writes ? ctx.projects.readOnly(p.id) : undefined;
  if (!reason) return { label: p.name, description, project: p };
  return { label: `$(lock) ${p.name}`, description: `${readOnlyWords(reason)}: write commands are off`, detail: description, project: p, refusal: writeRefusal(ctx, p) };
}

export interface Target<T> {
  project: Project;
  resource: T;
}

export interface PickOptions<T> {
  kind: ResourceKind;
  /** Title of the quick picks, e.g. `Power Off Server`. */
  title: string;
  /** Loads the candidates when the command was run from the palette. */
  list(client: HcloudClient): Promise<T[]>;
  /** Only these are offered (e.g. servers that are off for Power On). */
  filter?(resource: T): boolean;
  item(resource: T): vscode.QuickPickItem;
  /** Said when no candidate is left, e.g. `No server is off.` */
  none: string;
  /** The project, when the command has it already (asked no second time). */
  project?: Project;
}

/**
 * The resource a command acts on: the tree node's, or (from the palette) a project and then a
 * resource picked from a list. Undefined when the user cancelled or nothing fits.
 */
export async function pickTarget<T>(ctx: CommandContext, node: TreeNode | undefined, o: PickOptions<T>): Promise<Target<T> | undefined> {
  if (isResourceNode<T>(node, o.kind)) return { project: node.project, resource: node.resource };
  const project = o.project ?? (await pickProject(ctx, node, o.title));
  if (!project) return undefined;
  let candidates: T[];
  try {
    const client = await ctx.clients.get(project);
    candidates = (await o.list(client)).filter((r) => !o.filter || o.filter(r));
  } catch (e) {
    ctx.input().error(describeError(e, { action: o.title }));
    return undefined;
  }
  if (candidates.length === 0) {
    ctx.input().info(`${o.none} (project "${project.name}")`);
    return undefined;
  }
  // In the tree's order, with a placeholder that says what is picked for what.
  const order = treeOrder(o.kind) as ((a: T, b: T) => number) | undefined;
  if (order) candidates.sort(order);
  const picked = await ctx.input().quickPick(
    candidates.map((resource) => ({ ...o.item(resource), resource })),
    { title: `${o.title} (${project.name})`, placeHolder: pickPlaceholder(o.kind, o.title), matchOnDescription: true },
  );
  return picked ? { project, resource: picked.resource } : undefined;
}

/** A modal question; true when the user confirmed. */
export function confirm(ctx: CommandContext, message: string, detail: string, confirmLabel: string): Promise<boolean> {
  return ctx.input().confirm(message, { detail, confirmLabel });
}

/** Asks the user to type a resource's name to confirm a destructive action. */
export async function confirmByTypingName(ctx: CommandContext, title: string, name: string, consequence: string): Promise<boolean> {
  const typed = await ctx.input().inputBox({
    title,
    prompt: `${consequence} Type "${name}" to confirm.`,
    placeHolder: name,
    ignoreFocusOut: true,
    validateInput: (v) => (v === name ? undefined : `Type the name exactly: ${name}`),
  });
  return typed === name;
}
