// The workspace-bound project, as pure rules (no vscode: unit-tested): which project the workspace
// settings `hcloud.workspace.project` (a name) and `hcloud.workspace.filter` (a label selector) name,
// the roots with that project first, the selector it is listed with, and the words the tree says.
// ./workspaceProject.ts follows the settings and applies these rules to the tree.

import { parseLabelSelector } from '../api/labels';
import { md, mdCode } from './format';

/** What the settings say (the reader in src/projects/workspaceBinding.ts gives them trimmed). */
export interface BindingSettings {
  readonly project?: string;
  readonly filter?: string;
}

/** How the bound project's row says what it is: `filter` is the workspace's selector when it applies. */
export interface WorkspaceRole {
  readonly filter?: string;
  /** Why `hcloud.workspace.filter` is not applied (it is not a label selector). */
  readonly filterProblem?: string;
}

export const PROJECT_SETTING = 'hcloud.workspace.project';
export const FILTER_SETTING = 'hcloud.workspace.filter';
/** The button the warnings offer. */
export const BIND_BUTTON = 'Bind Workspace to Project…';

/** The project the workspace names: the first whose name is the setting's, exactly (names are what the user typed). */
export function boundProject<P extends { readonly name: string }>(projects: readonly P[], settings: BindingSettings): P | undefined {
  const name = settings.project;
  return name === undefined ? undefined : projects.find((p) => p.name.trim() === name);
}

/** The roots with the bound one first; the others keep their order. */
export function boundFirst<P>(roots: readonly P[], bound: P | undefined): P[] {
  return bound === undefined || !roots.includes(bound) ? [...roots] : [bound, ...roots.filter((r) => r !== bound)];
}

/** The parser's reason when the workspace filter is not a label selector; undefined when it is one (or unset). */
export function filterProblem(settings: BindingSettings): string | undefined {
  if (settings.filter === undefined) return undefined;
  if (settings.filter.length > 1000) return 'longer than 1000 characters';
  const parsed = parseLabelSelector(settings.filter);
  return 'error' in parsed ? parsed.error : undefined;
}

/** The selector the bound project is listed with: the workspace's, when it is valid and the user has not set it aside. */
export function workspaceSelector(settings: BindingSettings, setAside: boolean): string | undefined {
  return setAside || filterProblem(settings) !== undefined ? undefined : settings.filter;
}

/** The warning when no project has the name the workspace settings give. */
export function unknownProjectMessage(name: string): string {
  return `No project named "${name}" (${PROJECT_SETTING}). The workspace's settings name it; add a project of that name, or ${BIND_BUTTON}`;
}

/** The warning when the workspace filter is not a label selector. */
export function badFilterMessage(filter: string, problem: string, project: string | undefined): string {
  const shown = project === undefined ? 'The project is' : `Project "${project}" is`;
  return `${FILTER_SETTING} "${filter}" is not a label selector (${problem}). ${shown} shown without it.`;
}

/** The lines the bound project's tooltip adds (Markdown, escaped). */
export function workspaceTooltipLines(role: WorkspaceRole | undefined): string[] {
  if (!role) return [];
  return [
    `This workspace's project (${mdCode(PROJECT_SETTING)} in the workspace settings).`,
    role.filter !== undefined ? `Label selector from ${mdCode(FILTER_SETTING)}; Clear Filter sets it aside until the window reloads.` : '',
    role.filterProblem !== undefined ? `${mdCode(FILTER_SETTING)} is not a label selector (${md(role.filterProblem)}): not applied.` : '',
  ].filter(Boolean);
}
