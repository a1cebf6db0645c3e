// Placement Group commands (today's API): Create, Rename, Edit Labels, Delete, and from a server
// Add to Placement Group (the server must be off: offered a shutdown) and Remove from Placement
// Group. From the tree they take the node; from the palette they ask, and against a project whose
// API is the 2018 one they say it has no placement groups (todayApi.ts).
import type { HcloudClient } from '../api/client';
import type { AnswerLost } from '../api/lostAnswer';
import type { PlacementGroup, Server } from '../api/types';
import type { Project } from '../projects/projectStore';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import type { LabelledKind } from './labels';
import { labelsTextProblem, parseLabelsText } from './labelsText';
import { runAction, runCall } from './runAction';
import { pickServer, q } from './server/common';
import { ensureServerOff } from './server/ensureOff';
import { editTodayLabels, pickTodayProject, pickTodayTarget } from './todayApi';
import type { Target } from './pick';

const FAMILY = 'placement groups';
/** The live API's limit of a spread group. */
const SPREAD_MAX = 10;

const g = (p: PlacementGroup): string => `"${p.name}"`;
const servers = (n: number) => (n === 1 ? '1 server' : `${n} servers`);

function pickGroup(ctx: CommandContext, node: TreeNode | undefined, title: string, project?: Project, filter?: (p: PlacementGroup) => boolean, none = 'There is no placement group.'): Promise<Target<PlacementGroup> | undefined> {
  const o = {
    kind: 'placementGroup' as const,
    title,
    list: (c: HcloudClient) => c.placementGroups.listAll(),
    filter,
    item: (p: PlacementGroup) => ({ label: p.name, description: `${p.type} · ${servers(p.serverIds.length)}` }),
    none,
  };
  return pickTodayTarget(ctx, node, FAMILY, { ...o, project });
}

/** A name: not empty, at most 63 characters here, not taken in the project. */
function nameProblem(value: string, taken: string[]): string | undefined {
  const v = value.trim();
  if (!v) return 'Give a name.';
  if (v.length > 63) return 'At most 63 characters.';
  return taken.includes(v) ? `The project has a placement group "${v}" already.` : undefined;
}

function lostNote(r: object): string {
  return (r as AnswerLost).answerLost ? " The API's answer to the request was lost on the way; the group was found by its name, and nothing was sent twice." : '';
}

export async function createPlacementGroup(ctx: CommandContext, node?: TreeNode): Promise<PlacementGroup | undefined> {
  const TITLE = 'Create Placement Group';
  const project = await pickTodayProject(ctx, node, TITLE, FAMILY);
  if (!project) return undefined;
  const existing = await runCall(ctx, project, TITLE, (c) => c.placementGroups.listAll());
  if (!existing) return undefined;
  const taken = existing.map((p) => p.name);
  const name = await ctx.input().inputBox({ title: `${TITLE} (1/2): name`, prompt: 'A name, unique in the project', validateInput: (v) => nameProblem(v, taken) });
  if (name === undefined) return undefined;
  const labelsText = await ctx.input().inputBox({
    title: `${TITLE} (2/2): labels`,
    prompt: 'Optional labels: key=value pairs separated by commas (empty for none)',
    placeHolder: 'env=prod, tier=web',
    validateInput: labelsTextProblem,
  });
  if (labelsText === undefined) return undefined;
  const parsed = parseLabelsText(labelsText);
  if ('error' in parsed) return undefined;
  const labels = Object.keys(parsed.labels).length ? parsed.labels : undefined;
  // Spread is the API's only type: nothing to pick. It costs nothing.
  const r = await runCall(ctx, project, `Create placement group "${name.trim()}"`, (c) => c.placementGroups.create({ name: name.trim(), type: 'spread', labels }));
  ctx.tree.resourceChanged(project.id, 'placementGroup');
  if (!r) return undefined;
  const text = `Placement group ${g(r.placementGroup)} created (spread: each of its servers, at most ${SPREAD_MAX}, runs on its own host; free of charge).${lostNote(r)}`;
  ctx.log.info(text);
  ctx.input().info(text);
  return r.placementGroup;
}

export async function renamePlacementGroup(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Rename Placement Group';
  const t = await pickGroup(ctx, node, TITLE);
  if (!t) return;
  const group = t.resource;
  const all = await runCall(ctx, t.project, TITLE, (c) => c.placementGroups.listAll());
  if (!all) return;
  const taken = all.filter((p) => p.id !== group.id).map((p) => p.name);
  const name = await ctx.input().inputBox({ title: `${TITLE}: ${g(group)}`, prompt: 'New name, unique in the project', value: group.name, validateInput: (v) => nameProblem(v, taken) });
  if (name === undefined || name.trim() === group.name) return;
  const updated = await runCall(ctx, t.project, `Rename placement group ${g(group)}`, (c) => c.placementGroups.update(group.id, { name: name.trim() }));
  ctx.tree.resourceChanged(t.project.id, 'placementGroup', group.id);
  if (updated) ctx.input().info(`Placement group ${g(group)} renamed to ${g(updated)}.`);
}

const PLACEMENT_GROUP: LabelledKind<PlacementGroup> = {
  kind: 'placementGroup',
  noun: 'placement group',
  list: (c) => c.placementGroups.listAll(),
  name: (p) => p.name,
  description: (p) => `${p.type} · ${servers(p.serverIds.length)}`,
  update: (c, id, labels) => c.placementGroups.update(id, { labels }),
  none: 'The project has no placement group.',
};

/** From the palette: the 2018 check first (the list would otherwise meet the API's 404). */
export const editPlacementGroupLabels = (ctx: CommandContext, node?: TreeNode) => editTodayLabels(ctx, node, PLACEMENT_GROUP, FAMILY);

/** Names of servers by id (for messages), read once; `server <id>` where unknown. */
async function serverNames(ctx: CommandContext, project: Project, ids: number[], title: string): Promise<string[] | undefined> {
  if (!ids.length) return [];
  const all = await runCall(ctx, project, title, (c) => c.servers.listAll());
  if (!all) return undefined;
  return ids.map((id) => `"${all.find((s) => s.id === id)?.name ?? `server ${id}`}"`);
}

export async function deletePlacementGroup(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Delete Placement Group';
  const t = await pickGroup(ctx, node, TITLE);
  if (!t) return;
  const group = t.resource;
  const names = await serverNames(ctx, t.project, group.serverIds, TITLE);
  if (!names) return;
  // The API deletes only an empty group: one with servers names them and offers to remove them first.
  const ok = await ctx.input().confirm(
    names.length ? `Placement group ${g(group)} holds ${servers(names.length)}: ${names.join(', ')}. Remove them from it and delete it?` : `Delete placement group ${g(group)}?`,
    {
      detail: names.length ? 'The servers keep running; they are only no longer kept apart. The group cannot be restored.' : 'It holds no server. It cannot be restored.',
      confirmLabel: names.length ? 'Remove Servers and Delete' : 'Delete',
    },
  );
  if (!ok) return;
  if (group.serverIds.length) {
    const removed = await runAction(ctx, {
      project: t.project,
      title: `Remove ${servers(names.length)} from placement group ${g(group)}`,
      start: async (c, signal) => ({ actions: await Promise.all(group.serverIds.map((id) => c.servers.removeFromPlacementGroup(id, { signal }))), result: true }),
      affects: [...group.serverIds.map((id) => ({ kind: 'server' as const, id })), { kind: 'placementGroup', id: group.id }],
    });
    if (!removed) return;
  }
  const done = await runCall(ctx, t.project, `Delete placement group ${g(group)}`, (c) => c.placementGroups.delete(group.id).then(() => true));
  ctx.tree.resourceChanged(t.project.id, 'placementGroup', group.id);
  if (done) ctx.input().info(`Placement group ${g(group)} deleted.`);
}

export async function addToPlacementGroup(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Add Server to Placement Group';
  const s = await pickServer(ctx, node, TITLE, (x) => x.placementGroup === undefined, 'Every server is in a placement group already.');
  if (!s) return;
  const server = s.resource;
  if (server.placementGroup) {
    ctx.input().info(`Server ${q(server)} is in placement group "${server.placementGroup.name}" already. Remove it from that group first.`);
    return;
  }
  const t = await pickGroup(ctx, undefined, `${TITLE}: ${q(server)}`, s.project, (p) => p.serverIds.length < SPREAD_MAX, `No placement group has room (a spread group holds at most ${SPREAD_MAX} servers).`);
  if (!t) return;
  const group = t.resource;
  if (!(await ensureServerOff(ctx, s, `be added to placement group ${g(group)}`))) return;
  await runAction(ctx, {
    project: s.project,
    title: `Add ${q(server)} to placement group ${g(group)}`,
    start: async (c, signal) => ({ actions: [await c.servers.addToPlacementGroup(server.id, group.id, { signal })], result: true }),
    affects: [{ kind: 'server', id: server.id }, { kind: 'placementGroup', id: group.id }],
    success: `Server ${q(server)} added to placement group ${g(group)}. It is still off: power it on when you need it.`,
  });
}

export async function removeFromPlacementGroup(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Remove Server from Placement Group';
  const s = await pickServer(ctx, node, TITLE, (x: Server) => x.placementGroup !== undefined, 'No server is in a placement group.');
  if (!s) return;
  const server = s.resource;
  const group = server.placementGroup;
  if (!group) {
    ctx.input().info(`Server ${q(server)} is in no placement group.`);
    return;
  }
  const ok = await ctx.input().confirm(`Remove ${q(server)} from placement group ${g(group)}?`, {
    detail: 'The server keeps running where it is; it is no longer kept apart from the group\'s other servers.',
    confirmLabel: 'Remove',
  });
  if (!ok) return;
  await runAction(ctx, {
    project: s.project,
    title: `Remove ${q(server)} from placement group ${g(group)}`,
    start: async (c, signal) => ({ actions: [await c.servers.removeFromPlacementGroup(server.id, { signal })], result: true }),
    affects: [{ kind: 'server', id: server.id }, { kind: 'placementGroup', id: group.id }],
  });
}
