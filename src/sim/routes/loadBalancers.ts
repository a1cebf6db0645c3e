// Load Balancers and Load Balancer types (today's API only: in the 2018 mode every path here answers
// as an unknown one): list, get, create, update, delete, metrics; the actions are in
// loadBalancerActions.ts, the rules in ../loadBalancers.ts, ../loadBalancerServices.ts and
// ../loadBalancerTargets.ts.

import type { LoadBalancerServiceSchema, LocationSchema } from '../../api/schema';
import { LOAD_BALANCER_TYPES } from '../catalog';
import { ApiError, invalidInput, isProtected, notFound } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import { LOAD_BALANCER_METRIC_TYPES, loadBalancerMetrics } from '../loadBalancerMetrics';
import { assertServiceFits, readService } from '../loadBalancerServices';
import { assertTargetAddable, readTarget } from '../loadBalancerTargets';
import {
  assertLoadBalancerNameFree,
  assertWithinType,
  addressIn,
  loadBalancerNameProblem,
  loadBalancerType,
  newLoadBalancer,
  renderLoadBalancer,
} from '../loadBalancers';
import type { Route, RouteContext } from '../router';
import { byIdOrName, type SimLoadBalancer, type SimLoadBalancerTarget, type SimNetwork } from '../state';
import { BodyInput, QueryInput } from '../validate';
import { resourceActionRoutes } from './actions';
import { created, find, findUnlocked, noContent, ok, only2026 } from './common';
import { loadBalancerActionRoutes } from './loadBalancerActions';
import { readMetricsRequest } from './servers';

export const renderLoadBalancers = (ctx: RouteContext) => {
  const view = ctx.world.view();
  return (lb: SimLoadBalancer) => renderLoadBalancer(lb, view);
};

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const lbs = whereLabels(ctx, q, whereEquals([...ctx.world.state.loadBalancers.values()], q.one('name'), (lb) => lb.name));
  return listReply(ctx, q, lbs, {
    key: 'load_balancers',
    sort: { id: (lb) => lb.id, name: (lb) => lb.name, created: (lb) => lb.created },
    render: renderLoadBalancers(ctx),
  });
}

const ALGORITHMS = ['round_robin', 'least_connections'] as const;

interface CreateRequest {
  name: string;
  type: NonNullable<ReturnType<typeof loadBalancerType>>;
  location: LocationSchema;
  algorithm: 'round_robin' | 'least_connections';
  services: LoadBalancerServiceSchema[];
  targets: SimLoadBalancerTarget[];
  network?: SimNetwork;
  publicInterface: boolean;
  labels?: Record<string, string>;
}

function readCreate(ctx: RouteContext): CreateRequest {
  const { state } = ctx.world;
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { required: true, check: loadBalancerNameProblem });
  const typeRef = input.ref('load_balancer_type', { required: true });
  const locationRef = input.ref('location');
  const zone = input.string('network_zone');
  const algorithm = input.object('algorithm')?.string('type', { required: true, oneOf: ALGORITHMS });
  const services = input.objects('services').map((s) => readService(s));
  const targets = input.objects('targets').map((t) => readTarget(t));
  const networkId = input.integer('network');
  const publicInterface = input.boolean('public_interface') ?? true;
  const labels = input.labels();
  const type = typeRef === undefined ? undefined : (loadBalancerType(typeRef) ?? input.fail('load_balancer_type', `Load Balancer type '${typeRef}' not found`));
  const location =
    locationRef !== undefined
      ? (byIdOrName(state.locations, locationRef) ?? input.fail('location', `location '${locationRef}' not found`))
      : zone !== undefined && zone !== null
        ? (state.locations.find((l) => l.network_zone === zone) ?? input.fail('network_zone', `network zone '${zone}' not found`))
        : undefined;
  if (locationRef !== undefined && zone !== undefined) input.fail('network_zone', 'give location or network_zone, not both');
  const network = networkId === undefined ? undefined : (state.networks.get(networkId) ?? input.fail('network', `network ${networkId} not found`));
  input.done();
  if (!location) {
    const message = 'location or network_zone is required';
    throw invalidInput([{ name: 'location', messages: [message] }, { name: 'network_zone', messages: [message] }]);
  }
  return {
    name: name as string,
    type: type as CreateRequest['type'],
    location,
    algorithm: (algorithm ?? 'round_robin') as CreateRequest['algorithm'],
    services,
    targets,
    network,
    publicInterface,
    labels,
  };
}

function create(ctx: RouteContext) {
  const { world } = ctx;
  const req = readCreate(ctx);
  assertLoadBalancerNameFree(world.state, req.name);
  if (req.network) world.assertUnlocked('network', req.network.id);
  const privateNet = req.network ? [{ network: req.network.id, ip: addressIn(world.state, req.network, req.location.network_zone) }] : [];
  if (!req.publicInterface && !privateNet.length) {
    throw new ApiError('load_balancer_not_attached_to_network', 'a Load Balancer without a public interface must be attached to a network');
  }
  // The services and targets are checked one by one, as if added in order.
  const draft = { id: 0, services: [] as LoadBalancerServiceSchema[], targets: [] as SimLoadBalancerTarget[], private_net: privateNet, public_net: { enabled: req.publicInterface } };
  for (const service of req.services) {
    assertServiceFits(world.state, draft.services, service);
    draft.services.push(service);
  }
  const view = world.view();
  for (const target of req.targets) {
    assertTargetAddable(view, draft as unknown as SimLoadBalancer, target, 'targets');
    draft.targets.push(target);
  }
  assertWithinType(draft, req.type);
  const lb = newLoadBalancer(world.state, { ...req, created: world.now() });
  const action = world.startAction({ command: 'create_load_balancer', resources: [{ type: 'load_balancer', id: lb.id }] });
  Object.assign(lb, { services: draft.services, targets: draft.targets.map((t) => ({ ...t, added_by: action.id })), private_net: privateNet });
  return created({ load_balancer: renderLoadBalancers(ctx)(lb), action });
}

function update(ctx: RouteContext) {
  const lb = find<SimLoadBalancer>(ctx, 'load_balancer');
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { check: loadBalancerNameProblem }) ?? undefined;
  const labels = input.labels();
  input.done();
  if (name !== undefined) assertLoadBalancerNameFree(ctx.world.state, name, lb.id);
  if (name !== undefined) lb.name = name;
  if (labels !== undefined) lb.labels = labels;
  return ok({ load_balancer: renderLoadBalancers(ctx)(lb) });
}

function remove(ctx: RouteContext) {
  const lb = findUnlocked<SimLoadBalancer>(ctx, 'load_balancer');
  if (lb.protection.delete) throw isProtected('Load Balancer', lb.id);
  ctx.world.state.loadBalancers.delete(lb.id);
  return noContent();
}

function metrics(ctx: RouteContext) {
  const lb = find<SimLoadBalancer>(ctx, 'load_balancer');
  const request = readMetricsRequest(ctx, LOAD_BALANCER_METRIC_TYPES);
  return ok({ metrics: loadBalancerMetrics(lb, request, ctx.world.now()) });
}

function listTypes(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  return listReply(ctx, q, whereEquals(LOAD_BALANCER_TYPES, q.one('name'), (t) => t.name), {
    key: 'load_balancer_types',
    sort: { id: (t) => t.id, name: (t) => t.name },
  });
}

function getType(ctx: RouteContext) {
  const type = LOAD_BALANCER_TYPES.find((t) => t.id === ctx.params.id);
  if (!type) throw notFound('Load Balancer type', ctx.params.id);
  return ok({ load_balancer_type: type });
}

/** By path: the types, the collection, one Load Balancer, its metrics and actions. */
const routes: Route[] = [
  { method: 'GET', path: '/load_balancer_types', handler: listTypes },
  { method: 'GET', path: '/load_balancer_types/:id', handler: getType },
  { method: 'GET', path: '/load_balancers', handler: list },
  { method: 'POST', path: '/load_balancers', handler: create },
  { method: 'GET', path: '/load_balancers/:id', handler: (ctx) => ok({ load_balancer: renderLoadBalancers(ctx)(find<SimLoadBalancer>(ctx, 'load_balancer')) }) },
  { method: 'PUT', path: '/load_balancers/:id', handler: update },
  { method: 'DELETE', path: '/load_balancers/:id', handler: remove },
  { method: 'GET', path: '/load_balancers/:id/metrics', handler: metrics },
  ...loadBalancerActionRoutes,
  ...resourceActionRoutes('load_balancers', 'load_balancer'),
];

export const loadBalancerRoutes: Route[] = routes.map((r) => ({ ...r, handler: only2026(r.handler) }));
