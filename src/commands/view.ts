import * as vscode from 'vscode';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { pickProject } from './pick';

/** Sets (or, with an empty text, clears) the name filter of a project: name, status or description text. */
export async function setFilter(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const project = await pickProject(ctx, node, 'Filter Projects View');
  if (!project) return;
  const current = ctx.tree.filterOf(project.id);
  const text = await ctx.input().inputBox({
    title: `Filter "${project.name}"`,
    prompt: 'Show only resources whose name, status or description contains this text (empty: show all)',
    placeHolder: 'e.g. web, running, fsn1',
    value: current ?? '',
    validateInput: (v) => (v.length > 100 ? 'At most 100 characters.' : undefined),
  });
  if (text === undefined) return;
  await ctx.tree.setFilter(project.id, text);
}

/** Clears both filters of a project: the name filter and the label selector (Filter by Labels…). */
export async function clearFilter(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const project = await pickProject(ctx, node, 'Clear Filter');
  if (!project) return;
  await ctx.tree.setFilter(project.id, undefined);
  if (ctx.tree.labelSelectorOf(project.id) !== undefined) await ctx.tree.setLabelSelector(project.id, undefined);
}

/** Puts a node's copyText (an IP, an ISO's name, ...) on the clipboard. */
export async function copyNode(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const text = node?.copyText;
  if (text === undefined) return;
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`Copied ${text}`, 3000);
  ctx.log.info(`Copied ${node?.id ?? 'value'} to the clipboard.`);
}

export function toggleCatalog(ctx: CommandContext): Promise<void> {
  return ctx.tree.setCatalogShown(!ctx.tree.catalogShown());
}

export function showCatalog(ctx: CommandContext): Promise<void> {
  return ctx.tree.setCatalogShown(true);
}

export function hideCatalog(ctx: CommandContext): Promise<void> {
  return ctx.tree.setCatalogShown(false);
}

/** Shows the Hetzner Cloud output channel (every request and what the extension did). */
export function showLog(ctx: CommandContext): void {
  ctx.log.show(true);
}
