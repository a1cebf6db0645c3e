// Create Volume (size, location or server, format, automount, labels; the monthly price asked
// about before anything is sent) and Resize Volume (only larger, with the new price).
import { markLost } from '../../api/lostAnswer';
import type { Location, Server, Volume, VolumeFormat } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import type { TreeNode } from '../../tree/node';
import { isResourceNode } from '../../tree/resourceNode';
import type { CommandContext } from '../context';
import { labelsTextProblem, parseLabelsText } from '../labelsText';
import { pickProject } from '../pick';
import { runAction, runCall } from '../runAction';
import { MIN_GB, NO_VOLUMES, pickVolume, sizeProblem, volumeName, volumeNameProblem, volumePricePerGb, volumePriceText } from './common';

const TITLE = 'Create Volume';

/** Where the new volume goes: a server (its location; attached) or a location. */
async function pickPlace(ctx: CommandContext, project: Project, node: TreeNode | undefined): Promise<{ server?: Server; location: string } | undefined> {
  if (isResourceNode<Server>(node, 'server')) return { server: node.resource, location: node.resource.location?.name ?? '' };
  const where = await ctx.input().quickPick(
    [
      { label: 'Attach to a server', detail: "Made in the server's location and attached to it.", attach: true },
      { label: 'Pick a location', detail: 'Not attached for now.', attach: false },
    ],
    { title: `${TITLE} (3/6): where`, placeHolder: 'Attach it to a server, or keep it in a location' },
  );
  if (!where) return undefined;
  if (where.attach) {
    const servers = await runCall(ctx, project, TITLE, (c) => c.servers.listAll());
    if (!servers) return undefined;
    if (!servers.length) {
      ctx.input().info(`Project "${project.name}" has no server; pick a location instead.`);
      return undefined;
    }
    const picked = await ctx.input().quickPick(
      servers.map((s) => ({ label: s.name, description: [s.location?.name, s.status].filter(Boolean).join(' · '), server: s })),
      { title: `${TITLE} (3/6): server`, placeHolder: 'Server to attach the new volume to', matchOnDescription: true },
    );
    return picked && { server: picked.server, location: picked.server.location?.name ?? '' };
  }
  const locations = await runCall(ctx, project, TITLE, (c) => c.locations.listAll());
  if (!locations) return undefined;
  const picked = await ctx.input().quickPick(
    locations.map((l: Location) => ({ label: l.name, description: `${l.city}, ${l.country}`, location: l })),
    { title: `${TITLE} (3/6): location`, placeHolder: 'Location of the volume (it can only be attached to servers there)' },
  );
  return picked && { location: picked.location.name };
}

export async function createVolume(ctx: CommandContext, node?: TreeNode): Promise<Volume | undefined> {
  const project = await pickProject(ctx, node, TITLE);
  if (!project) return undefined;
  const existing = await runCall(ctx, project, TITLE, async (c) => (c.era === '2018' ? null : c.volumes.listAll()));
  if (existing === null) ctx.input().info(`${NO_VOLUMES} (project "${project.name}")`);
  if (!existing) return undefined;
  const price = await volumePricePerGb(ctx, project, TITLE);
  if (!price.ok) return undefined;
  const name = await ctx.input().inputBox({
    title: `${TITLE} (1/6): name`,
    prompt: 'Name of the volume (unique in the project)',
    validateInput: (v) => volumeNameProblem(v.trim(), existing.map((x) => x.name)),
  });
  if (name === undefined) return undefined;
  const sizeText = await ctx.input().inputBox({
    title: `${TITLE} (2/6): size in GB`,
    prompt: `${MIN_GB} GB to 10 TB (10240 GB); ${volumePriceText(price.perGb, 1)} per GB`,
    value: String(MIN_GB),
    validateInput: (v) => sizeProblem(v, MIN_GB),
  });
  if (sizeText === undefined) return undefined;
  const size = Number(sizeText.trim());
  const place = await pickPlace(ctx, project, node);
  if (!place) return undefined;
  const format = await ctx.input().quickPick(
    [
      { label: 'ext4', description: 'formatted with ext4', format: 'ext4' as VolumeFormat | undefined },
      { label: 'xfs', description: 'formatted with XFS', format: 'xfs' as VolumeFormat | undefined },
      { label: 'None', description: 'not formatted: you make the filesystem', format: undefined },
    ],
    { title: `${TITLE} (4/6): filesystem`, placeHolder: 'Format the new volume?' },
  );
  if (!format) return undefined;
  let automount: boolean | undefined;
  if (place.server) {
    const mount = await ctx.input().quickPick(
      [
        { label: 'Mount automatically', description: `on "${place.server.name}" after attaching`, automount: true },
        { label: 'Do not mount', description: 'attach only', automount: false },
      ],
      { title: `${TITLE} (5/6): automount`, placeHolder: 'Mount it on the server?' },
    );
    if (!mount) return undefined;
    automount = mount.automount;
  }
  const labelsText = await ctx.input().inputBox({
    title: `${TITLE} (6/6): labels`,
    prompt: 'Optional labels: key=value pairs separated by commas',
    placeHolder: 'env=prod, tier=db',
    validateInput: labelsTextProblem,
  });
  if (labelsText === undefined) return undefined;
  const parsed = parseLabelsText(labelsText);
  const labels = 'labels' in parsed && Object.keys(parsed.labels).length ? parsed.labels : undefined;
  const where = place.server ? `attached to "${place.server.name}" (${place.location})` : `in ${place.location}`;
  const ok = await ctx.input().confirm(`Create volume "${name.trim()}" of ${size} GB ${where} for ${volumePriceText(price.perGb, size)}?`, {
    detail: `Billed by size, whether used or not. Filesystem: ${format.format ?? 'none'}.`,
    confirmLabel: 'Create',
  });
  if (!ok) return undefined;
  const params = { name: name.trim(), size, format: format.format, labels, automount, ...(place.server ? { server: place.server.id } : { location: place.location }) };
  const serverId = place.server?.id;
  return runAction(ctx, {
    project,
    title: `Create volume "${params.name}" ${where}`,
    start: async (c) => {
      const r = await c.volumes.create(params);
      return { actions: [...(r.action ? [r.action] : []), ...r.nextActions], result: r.answerLost ? markLost(r.volume, r.answerLost) : r.volume };
    },
    affects: [{ kind: 'volume' }, ...(serverId === undefined ? [] : [{ kind: 'server' as const, id: serverId }])],
    success: (v) => `Volume "${v.name}" (${v.size} GB) created ${where}.`,
  });
}

export async function resizeVolume(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const title = 'Resize Volume';
  const t = await pickVolume(ctx, node, title, (v) => v.size < 10240, 'No volume can grow (each is 10 TB).');
  if (!t) return;
  const v = t.resource;
  const price = await volumePricePerGb(ctx, t.project, title);
  if (!price.ok) return;
  const typed = await ctx.input().inputBox({
    title: `${title}: ${v.name} (${v.size} GB, ${volumePriceText(price.perGb, v.size)})`,
    prompt: `New size in GB: more than ${v.size}, at most 10240 (a volume cannot shrink)`,
    value: String(v.size + 10),
    validateInput: (x) => sizeProblem(x, v.size + 1),
  });
  if (typed === undefined) return;
  const size = Number(typed.trim());
  const ok = await ctx.input().confirm(`Resize ${volumeName(v)} from ${v.size} GB to ${size} GB?`, {
    detail: `New price: ${volumePriceText(price.perGb, size)} (now ${volumePriceText(price.perGb, v.size)}). It cannot be made smaller again; grow the filesystem on the server afterwards.`,
    confirmLabel: 'Resize',
  });
  if (!ok) return;
  await runAction(ctx, {
    project: t.project,
    title: `Resize ${volumeName(v)} to ${size} GB`,
    start: async (c) => ({ actions: [await c.volumes.resize(v.id, size)], result: true }),
    affects: [{ kind: 'volume', id: v.id }],
  });
}
