// Commands of the families the 2018 contract lacks (Volumes, Networks, Primary IPs, Placement
// Groups, ...). Their tree folders and menus show only against today's API (ProjectNode's
// todayFolders; their rows' tokens), but the palette offers every command for every project: against
// a project whose API answers as the 2018 one, such a command says so plainly and sends nothing more,
// instead of failing with the API's 404.
//
// Use: `pickTodayTarget(ctx, node, 'placement groups', { ...PickOptions })` where a command acts on
// a resource of the family, `pickTodayProject(ctx, node, title, 'placement groups')` where it creates one
// (or, for a server command of the family, before it picks the server), `editTodayLabels` for Edit Labels.
// From a tree node (only shown against today's API) neither asks the API anything more.

import type { Project } from '../projects/projectStore';
import type { TreeNode } from '../tree/node';
import { isResourceNode, projectOf } from '../tree/resourceNode';
import { describeError } from '../ui/describeError';
import type { CommandContext } from './context';
import { editLabels, projectEra, type Labelled, type LabelledKind } from './labels';
import { pickProject, pickTarget, type PickOptions, type Target } from './pick';

/** `The API of project "p" answers as the 2018 API, which has no placement groups.` */
export function noFamilyMessage(project: Project, family: string): string {
  return `The API of project "${project.name}" answers as the 2018 API, which has no ${family}.`;
}

/**
 * True when the project's API is today's. Against the 2018 API it says so (info, naming the family)
 * and returns false; when the era cannot be learned it shows the error and returns false. Costs no
 * request once the project's client has seen its servers or server types (the tree has, normally).
 */
export async function ensureTodayApi(ctx: CommandContext, project: Project, family: string, title: string): Promise<boolean> {
  try {
    if ((await projectEra(ctx, project)) !== '2018') return true;
  } catch (e) {
    ctx.input().error(describeError(e, { action: title }));
    return false;
  }
  ctx.input().info(noFamilyMessage(project, family));
  return false;
}

/** The project a create command of the family works in: the node's, or one picked; undefined (said why) against the 2018 API. */
export async function pickTodayProject(ctx: CommandContext, node: TreeNode | undefined, title: string, family: string): Promise<Project | undefined> {
  const project = await pickProject(ctx, node, title);
  if (!project) return undefined;
  // A node of the project's tree (a folder of the family) is shown only against today's API.
  if (projectOf(node)) return project;
  return (await ensureTodayApi(ctx, project, family, title)) ? project : undefined;
}

/** Edit Labels of a resource of the family: from its node at once; from the palette, checks the API first. */
export async function editTodayLabels<T extends Labelled>(ctx: CommandContext, node: TreeNode | undefined, k: LabelledKind<T>, family: string): Promise<void> {
  if (isResourceNode<T>(node, k.kind)) {
    await editLabels(ctx, node, k);
    return;
  }
  const noun = `${k.noun.charAt(0).toUpperCase()}${k.noun.slice(1)}`;
  const project = await pickTodayProject(ctx, node, `Edit Labels of ${noun}`, family);
  if (project) await editLabels(ctx, undefined, k, project);
}

/** pickTarget for a resource of a family the 2018 contract lacks: from the palette, checks the API first. */
export async function pickTodayTarget<T>(ctx: CommandContext, node: TreeNode | undefined, family: string, o: PickOptions<T>): Promise<Target<T> | undefined> {
  if (isResourceNode<T>(node, o.kind)) return { project: node.project, resource: node.resource };
  const project = o.project ?? (await pickProject(ctx, node, o.title));
  if (!project) return undefined;
  if (!projectOf(node) && !(await ensureTodayApi(ctx, project, family, o.title))) return undefined;
  return pickTarget(ctx, undefined, { ...o, project });
}
