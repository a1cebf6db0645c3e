// What the Load Balancer commands share: picking a Load Balancer (today's API only: from the palette
// against a 2018 project it says the API has none), a service or a target of it, its name in
// messages, its delete protection and labels, and running one of its actions.
//
// Row context tokens the menus match (written by the tree, src/tree/loadBalancerPresenter.ts):
// - a Load Balancer row:  `;loadBalancer;` plus `;protected;`|`;deletable;`, `;publicInterface;`|`;noPublicInterface;`,
//   `;attached;`|`;detached;` (to a Network), `;healthy;`|`;unhealthy;`, `;labels;`;
// - a service row:        `;loadBalancerService;` plus its protocol `;tcp;`|`;http;`|`;https;`;
// - a target row:         `;loadBalancerTarget;` plus `;serverTarget;`|`;labelSelectorTarget;`|`;ipTarget;` and its health;
// - the groups under a Load Balancer: `;loadBalancerServices;` and `;loadBalancerTargets;` (node kinds of those names, resource: the Load Balancer).
// A service's and a target's row carry `{ loadBalancer, service }` / `{ loadBalancer, target }` as their resource.
import type { HcloudClient } from '../../api/client';
import type { Action, LoadBalancer, LoadBalancerService, LoadBalancerTarget } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import { serviceLabel, targetLabel } from '../../tree/loadBalancerFormat';
import type { LoadBalancerServicePart, LoadBalancerTargetPart } from '../../tree/loadBalancerPresenter';
import type { TreeNode } from '../../tree/node';
import { isResourceNode } from '../../tree/resourceNode';
import { noLookup, type Lookup } from '../../tree/format';
import type { CommandContext } from '../context';
import type { LabelledKind } from '../labels';
import type { Target } from '../pick';
import type { Protectable } from '../protection';
import { runAction } from '../runAction';
import { pickTodayTarget } from '../todayApi';

/** The family as the 2018 message names it. */
export const FAMILY = 'Load Balancers';

export const lbName = (lb: Pick<LoadBalancer, 'name'>): string => `Load Balancer "${lb.name}"`;

/** The Load Balancer of a node: its own row, the Services or Targets group under it, or the row of one of its services or targets. */
function nodeLoadBalancer(node: TreeNode | undefined): Target<LoadBalancer> | undefined {
  if (isResourceNode<LoadBalancer>(node, 'loadBalancerServices') || isResourceNode<LoadBalancer>(node, 'loadBalancerTargets')) return { project: node.project, resource: node.resource };
  if (isResourceNode<LoadBalancerServicePart>(node, 'loadBalancerService') || isResourceNode<LoadBalancerTargetPart>(node, 'loadBalancerTarget')) {
    return { project: node.project, resource: node.resource.loadBalancer };
  }
  return undefined;
}

/** A Load Balancer: the node's (or its service's or target's), else one picked (`filter` keeps the eligible ones). */
export async function pickLoadBalancer(ctx: CommandContext, node: TreeNode | undefined, title: string, filter?: (lb: LoadBalancer) => boolean, none = 'The project has no Load Balancer.'): Promise<Target<LoadBalancer> | undefined> {
  const own = nodeLoadBalancer(node);
  if (own) return own;
  return pickTodayTarget<LoadBalancer>(ctx, node, FAMILY, {
    kind: 'loadBalancer',
    title,
    list: (c: HcloudClient) => c.loadBalancers.listAll(),
    filter,
    item: (lb) => ({ label: lb.name, description: [lb.loadBalancerType.name, lb.location.name, lb.publicNet.ipv4?.ip].filter(Boolean).join(' · ') }),
    none,
  });
}

/** A service of the Load Balancer: the node's, else picked (none: says so). */
export async function pickService(ctx: CommandContext, node: TreeNode | undefined, lb: LoadBalancer, title: string): Promise<LoadBalancerService | undefined> {
  if (isResourceNode<LoadBalancerServicePart>(node, 'loadBalancerService')) return node.resource.service;
  if (!lb.services.length) {
    ctx.input().info(`${lbName(lb)} has no service.`);
    return undefined;
  }
  const picked = await ctx.input().quickPick(
    lb.services.map((s) => ({ label: serviceLabel(s), description: `to port ${s.destinationPort}`, service: s })),
    { title: `${title}: ${lb.name}`, placeHolder: 'Service' },
  );
  return picked?.service;
}

/** A target of the Load Balancer: the node's, else picked (none: says so); servers by name where `lookup` knows them. */
export async function pickLbTarget(ctx: CommandContext, node: TreeNode | undefined, lb: LoadBalancer, title: string, lookup: Lookup = noLookup): Promise<LoadBalancerTarget | undefined> {
  if (isResourceNode<LoadBalancerTargetPart>(node, 'loadBalancerTarget')) return node.resource.target;
  if (!lb.targets.length) {
    ctx.input().info(`${lbName(lb)} has no target.`);
    return undefined;
  }
  const picked = await ctx.input().quickPick(
    lb.targets.map((t) => ({ label: targetLabel(t, lookup), description: t.type.replace('_', ' '), target: t })),
    { title: `${title}: ${lb.name}`, placeHolder: 'Target' },
  );
  return picked?.target;
}

/** Runs one action of the Load Balancer under progress; true when it succeeded. */
export async function lbAction(ctx: CommandContext, project: Project, lb: LoadBalancer, title: string, start: (c: HcloudClient) => Promise<Action>, success?: string): Promise<boolean> {
  const done = await runAction(ctx, {
    project,
    title,
    start: async (c) => ({ actions: [await start(c)], result: true }),
    affects: [{ kind: 'loadBalancer', id: lb.id }],
    success,
  });
  return done === true;
}

export function protectable(t: Target<LoadBalancer>): Protectable {
  return {
    project: t.project,
    kind: 'loadBalancer',
    id: t.resource.id,
    what: lbName(t.resource),
    protected: t.resource.protection.delete,
    changeProtection: (c: HcloudClient, remove: boolean) => c.loadBalancers.changeProtection(t.resource.id, { delete: !remove }),
  };
}

export const LOAD_BALANCER_LABELS: LabelledKind<LoadBalancer> = {
  kind: 'loadBalancer',
  noun: 'Load Balancer',
  list: (c) => c.loadBalancers.listAll(),
  name: (lb) => lb.name,
  description: (lb) => `${lb.loadBalancerType.name} · ${lb.location.name}`,
  update: (c, id, labels) => c.loadBalancers.update(id, { labels }),
  none: 'The project has no Load Balancer.',
};
