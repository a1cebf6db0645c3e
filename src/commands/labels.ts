// Labels (today's API): Edit Labels of a server, Floating IP, image (snapshot, backup) or SSH key,
// and Filter by Labels… (a label selector the project's lists are fetched with).
//
// Edit Labels shows the labels as one line, `env=prod, tier=web`, checks it with the API's rules
// while the user types (nothing the API would refuse is sent), and sends one PUT with the full set.
// When the API still refuses, its message shows and the box opens again with what was typed.
// The 2018 API has no labels: no `;labels;` token on its nodes (no menu entry), and from the palette
// the command says so.
import type { HcloudClient } from '../api/client';
import { isHcloudError } from '../api/errors';
import { parseLabelSelector } from '../api/labels';
import type { ApiEra, FloatingIp, Image, Labels, Network, Server, SshKey } from '../api/types';
import type { PrimaryIp } from '../api/types';
import type { Volume } from '../api/types';
import type { Project } from '../projects/projectStore';
import { imageName } from '../tree/format';
import type { TreeNode } from '../tree/node';
import type { ResourceKind } from '../tree/resourceNode';
import type { CommandContext } from './context';
import { describeError } from '../ui/describeError';
import { formatLabelsText, labelsTextProblem, parseLabelsText, sameLabels } from './labelsText';
import { pickProject, pickTarget } from './pick';

const NO_LABELS = "This project's API has no labels (it answers as the 2018 API).";

export interface Labelled {
  id: number;
  labels?: Labels;
}

/** What Edit Labels needs to know about one kind of resource. */
export interface LabelledKind<T extends Labelled> {
  kind: ResourceKind & ('server' | 'floatingIp' | 'image' | 'sshKey' | 'primaryIp' | 'placementGroup' | 'network' | 'volume'
    | 'firewall');
  /** `server`, `Floating IP`, ... (in titles and messages). */
  noun: string;
  /** What the palette offers. */
  list(client: HcloudClient): Promise<T[]>;
  name(resource: T): string;
  description(resource: T): string | undefined;
  update(client: HcloudClient, id: number, labels: Labels): Promise<T>;
  none: string;
}

const SERVER: LabelledKind<Server> = {
  kind: 'server',
  noun: 'server',
  list: (c) => c.servers.listAll(),
  name: (s) => s.name,
  description: (s) => s.status,
  update: (c, id, labels) => c.servers.update(id, { labels }),
  none: 'The project has no server.',
};

const FLOATING_IP: LabelledKind<FloatingIp> = {
  kind: 'floatingIp',
  noun: 'Floating IP',
  list: (c) => c.floatingIps.listAll(),
  name: (f) => f.ip,
  description: (f) => f.name ?? f.description,
  update: (c, id, labels) => c.floatingIps.update(id, { labels }),
  none: 'The project has no Floating IP.',
};

const IMAGE: LabelledKind<Image> = {
  kind: 'image',
  noun: 'image',
  // The project's own images: system images are Hetzner's and cannot be changed.
  list: (c) => c.images.listAll({ type: ['snapshot', 'backup'] }),
  name: (i) => imageName(i),
  description: (i) => i.type,
  update: (c, id, labels) => c.images.update(id, { labels }),
  none: 'The project has no snapshot or backup.',
};

const SSH_KEY: LabelledKind<SshKey> = {
  kind: 'sshKey',
  noun: 'SSH key',
  list: (c) => c.sshKeys.listAll(),
  name: (k) => k.name,
  description: (k) => k.fingerprint,
  update: (c, id, labels) => c.sshKeys.update(id, { labels }),
  none: 'The project has no SSH key.',
};

/** Edit Labels of one resource: from its node, or (palette) a project and a resource picked. */
export async function editLabels<T extends Labelled>(ctx: CommandContext, node: TreeNode | undefined, k: LabelledKind<T>, inProject?: Project): Promise<T | undefined> {
  const TITLE = `Edit Labels of ${k.noun.charAt(0).toUpperCase()}${k.noun.slice(1)}`;
  let apiHasNoLabels = false;
  const target = await pickTarget<T>(ctx, node, {
    project: inProject,
    kind: k.kind,
    title: TITLE,
    list: async (client) => {
      const all = await k.list(client);
      apiHasNoLabels = client.era === '2018' || (all.length > 0 && all.every((r) => r.labels === undefined));
      return apiHasNoLabels ? [] : all;
    },
    item: (r) => ({ label: k.name(r), description: k.description(r) }),
    get none() {
      return apiHasNoLabels ? NO_LABELS : k.none;
    },
  });
  if (!target) return undefined;
  const { project, resource } = target;
  const current = resource.labels;
  const what = `${k.noun} "${k.name(resource)}"`;
  if (current === undefined) {
    ctx.input().info(`${NO_LABELS} (project "${project.name}")`);
    return undefined;
  }
  let text = formatLabelsText(current);
  for (;;) {
    const typed = await ctx.input().inputBox({
      title: `Edit Labels of ${what}`,
      prompt: 'key=value pairs separated by commas (a key alone has an empty value); empty removes every label',
      placeHolder: 'env=prod, tier=web',
      value: text,
      ignoreFocusOut: true,
      validateInput: labelsTextProblem,
    });
    if (typed === undefined) return undefined;
    text = typed;
    const parsed = parseLabelsText(typed);
    if ('error' in parsed) return undefined; // the box refused it already
    if (sameLabels(parsed.labels, current)) return undefined;
    let client: HcloudClient | undefined;
    try {
      client = await ctx.clients.get(project);
      const updated = await k.update(client, resource.id, parsed.labels);
      changed(ctx, project, k.kind, resource.id);
      const now = formatLabelsText(updated.labels ?? parsed.labels);
      ctx.log.info(`Labels of ${what} set (${Object.keys(updated.labels ?? parsed.labels).length}).`);
      ctx.input().info(`Labels of ${what}: ${now || 'none'}.`);
      return updated;
    } catch (e) {
      // The API's own message and field details; the box opens again with what was typed.
      const message = describeError(e, { action: `Edit labels of ${what}` });
      ctx.log.error(message);
      ctx.input().error(message);
      if (isHcloudError(e, 'not_found')) {
        changed(ctx, project, k.kind, resource.id);
        return undefined;
      }
    }
  }
}

function changed(ctx: CommandContext, project: Project, kind: LabelledKind<Labelled>['kind'], id: number): void {
  // Servers and images are polled by id (their node updates); Floating IPs and SSH keys reload their folder.
  ctx.tree.resourceChanged(project.id, kind, kind === 'server' || kind === 'image' ? id : undefined);
}

/**
 * Which API the project's client talks to: known from answers it already had, else learned from the
 * servers list the tree shows anyway (and, for a project without servers, one page of server types).
 */
export async function projectEra(ctx: CommandContext, project: Project): Promise<ApiEra | undefined> {
  const client = await ctx.clients.get(project);
  if (client.era) return client.era;
  const node = ctx.tree.projectNode(project.id);
  if (node) await node.ensureServerNames();
  else await client.servers.list({ perPage: 1 });
  if (client.era) return client.era;
  await client.serverTypes.list({ perPage: 1 });
  return client.era;
}

/** Filter by Labels…: a label selector (`env=prod,tier!=db`) the project's lists are fetched with. */
export async function filterByLabels(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Filter by Labels';
  const project = await pickProject(ctx, node, TITLE);
  if (!project) return;
  let era: ApiEra | undefined;
  try {
    era = await projectEra(ctx, project);
  } catch (e) {
    ctx.input().error(describeError(e, { action: TITLE }));
    return;
  }
  if (era === '2018') {
    ctx.input().info(`Labels are not supported by the API of project "${project.name}" (it answers as the 2018 API): there is nothing to filter by.`);
    return;
  }
  const text = await ctx.input().inputBox({
    title: `Filter "${project.name}" by Labels`,
    prompt: 'A label selector: env=prod,tier!=db · key · !key · key in (a,b) · key notin (a,b). Empty shows all.',
    placeHolder: 'env=prod,tier!=db',
    value: ctx.tree.labelSelectorOf(project.id) ?? '',
    validateInput: selectorProblem,
  });
  if (text === undefined) return;
  await ctx.tree.setLabelSelector(project.id, text.trim() || undefined);
}

/** validateInput of the selector box: the parser's reason, or undefined. */
export function selectorProblem(text: string): string | undefined {
  if (text.length > 1000) return 'At most 1000 characters.';
  const parsed = parseLabelSelector(text);
  return 'error' in parsed ? `Not a label selector: ${parsed.error}` : undefined;
}

export const editServerLabels = (ctx: CommandContext, node?: TreeNode) => editLabels(ctx, node, SERVER);
export const editFloatingIpLabels = (ctx: CommandContext, node?: TreeNode) => editLabels(ctx, node, FLOATING_IP);
export const editImageLabels = (ctx: CommandContext, node?: TreeNode) => editLabels(ctx, node, IMAGE);
export const editSshKeyLabels = (ctx: CommandContext, node?: TreeNode) => editLabels(ctx, node, SSH_KEY);

/** Edit Labels of a Primary IP: primaryIp.ts (today's API only, checked from the palette). */
export const PRIMARY_IP_LABELS: LabelledKind<PrimaryIp> = {
  kind: 'primaryIp',
  noun: 'Primary IP',
  list: (c) => c.primaryIps.listAll(),
  name: (p) => p.ip,
  description: (p) => p.name,
  update: (c, id, labels) => c.primaryIps.update(id, { labels }),
  none: 'The project has no Primary IP.',
};

/** Edit Labels of a Network: network.ts (today's API only, checked from the palette). */
export const NETWORK_LABELS: LabelledKind<Network> = {
  kind: 'network',
  noun: 'network',
  list: (c) => c.networks.listAll(),
  name: (n) => n.name,
  description: (n) => n.ipRange,
  update: (c, id, labels) => c.networks.update(id, { labels }),
  none: 'The project has no network.',
};

const VOLUME: LabelledKind<Volume> = {
  kind: 'volume',
  noun: 'volume',
  list: (c) => c.volumes.listAll(),
  name: (v) => v.name,
  description: (v) => `${v.size} GB · ${v.location.name}`,
  update: (c, id, labels) => c.volumes.update(id, { labels }),
  none: 'The project has no volume.',
};
export const editVolumeLabels = (ctx: CommandContext, node?: TreeNode) => editLabels(ctx, node, VOLUME);
