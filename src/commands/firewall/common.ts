// What the firewall commands share: picking a firewall (today's API only: from the palette against a
// 2018 project it says the API has none), its name in messages, the labels kind, and choosing what
// to apply a firewall to (servers, or a label selector with the servers it matches now).
import { matchesLabelSelector, parseLabelSelector } from '../../api/labels';
import type { Firewall, FirewallResource, Server } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import { firewallDescription } from '../../tree/firewallFormat';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { selectorProblem, type LabelledKind } from '../labels';
import type { Target } from '../pick';
import { runCall } from '../runAction';
import { pickTodayTarget } from '../todayApi';

/** The family as the 2018 message names it. */
export const FIREWALLS = 'firewalls';
export const FIREWALL_NAME_MAX = 128;

export const firewallName = (f: Pick<Firewall, 'name'>) => `firewall "${f.name}"`;

export function pickFirewall(ctx: CommandContext, node: TreeNode | undefined, title: string, filter?: (f: Firewall) => boolean, none = 'The project has no firewall.'): Promise<Target<Firewall> | undefined> {
  return pickTodayTarget<Firewall>(ctx, node, FIREWALLS, {
    kind: 'firewall',
    title,
    list: (c) => c.firewalls.listAll(),
    filter,
    item: (f) => ({ label: f.name, description: firewallDescription(f) }),
    none,
  });
}

/** The API's rule for a name (1 to 128 characters, unique in the project). */
export function firewallNameProblem(name: string, taken: readonly string[] = []): string | undefined {
  if (!name) return 'A name is required.';
  if (name.length > FIREWALL_NAME_MAX) return `At most ${FIREWALL_NAME_MAX} characters.`;
  return taken.includes(name) ? `A firewall named "${name}" exists already.` : undefined;
}

export const FIREWALL_LABELS: LabelledKind<Firewall> = {
  kind: 'firewall',
  noun: 'firewall',
  list: (c) => c.firewalls.listAll(),
  name: (f) => f.name,
  description: (f) => firewallDescription(f),
  update: (c, id, labels) => c.firewalls.update(id, { labels }),
  none: 'The project has no firewall.',
};

/** The servers a selector matches among `servers` (by their labels), or undefined when it does not parse. */
export function serversMatching(servers: readonly Server[], selector: string): Server[] | undefined {
  const parsed = parseLabelSelector(selector);
  return 'error' in parsed ? undefined : servers.filter((s) => matchesLabelSelector(s.labels ?? {}, parsed.expressions));
}

/** `2 servers now: web-1, web-2` / `no server now`. */
export function matchText(servers: readonly Server[]): string {
  if (!servers.length) return 'no server now';
  return `${servers.length === 1 ? '1 server' : `${servers.length} servers`} now: ${servers.map((s) => s.name).join(', ')}`;
}

/**
 * Asks what to apply a firewall to: servers (multi-pick, leaving out `exclude`) or a label selector
 * (its matches shown before it is taken). `optional` adds "Not now" (resolves []). Undefined when cancelled.
 */
export async function pickApplyTargets(ctx: CommandContext, project: Project, title: string, exclude: readonly number[], optional: boolean): Promise<FirewallResource[] | undefined> {
  const how = await ctx.input().quickPick(
    [
      ...(optional ? [{ label: 'Not now', detail: 'Apply it later with Apply Firewall.', how: 'none' as const }] : []),
      { label: 'Servers…', detail: 'Pick servers; the firewall filters their public traffic.', how: 'servers' as const },
      { label: 'Label selector…', detail: 'Every server whose labels match, now and later.', how: 'selector' as const },
    ],
    { title, placeHolder: 'Apply the firewall to' },
  );
  if (!how || how.how === 'none') return how ? [] : undefined;
  const servers = await runCall(ctx, project, title, (c) => c.servers.listAll());
  if (!servers) return undefined;
  if (how.how === 'servers') {
    const offered = servers.filter((s) => !exclude.includes(s.id));
    if (!offered.length) {
      ctx.input().info(servers.length ? 'The firewall is applied to every server already.' : `Project "${project.name}" has no server.`);
      return undefined;
    }
    const picked = await ctx.input().quickPickMany(
      offered.map((s) => ({ label: s.name, description: [s.location?.name, s.status].filter(Boolean).join(' · '), server: s })),
      { title, placeHolder: 'Servers to apply the firewall to' },
    );
    if (!picked?.length) return undefined;
    return picked.map((p) => ({ type: 'server', serverId: p.server.id }));
  }
  const selector = await ctx.input().inputBox({
    title,
    prompt: 'Label selector, e.g. env=production,tier!=db',
    validateInput: (text) => (text.trim() ? selectorProblem(text.trim()) : 'A selector is required.'),
  });
  if (selector === undefined) return undefined;
  const text = selector.trim();
  const matched = serversMatching(servers, text) ?? [];
  const ok = await ctx.input().confirm(`Apply the firewall to selector "${text}"?`, {
    detail: `It matches ${matchText(matched)}. Servers that get matching labels later are covered too.`,
    confirmLabel: 'Apply',
  });
  return ok ? [{ type: 'labelSelector', selector: text }] : undefined;
}
