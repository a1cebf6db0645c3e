// The 13 actions of a Load Balancer: services (add, update, delete), targets (add, remove), the
// Network (attach, detach), algorithm, type, reverse DNS, protection and the public interface.
// Each change is made at once and the action runs over it (the Load Balancer is locked meanwhile, so
// nothing else changes it); should the action fail (faults), its onError puts back what it changed.

import type { ActionSchema } from '../../api/schema';
import { ApiError, invalidField } from '../http';
import { assertServiceFits, readService, readServiceUpdate, serviceOn } from '../loadBalancerServices';
import { assertTargetAddable, readTarget, sameTarget } from '../loadBalancerTargets';
import { addressIn, assertWithinType, loadBalancerType } from '../loadBalancers';
import type { Route, RouteContext } from '../router';
import { copy, type SimLoadBalancer } from '../state';
import { BodyInput } from '../validate';
import { readDnsPtr } from './dnsPtr';
import { actionReply, deleteProtectionAction, findUnlocked } from './common';

type Field = 'services' | 'targets' | 'private_net' | 'public_net' | 'algorithm' | 'load_balancer_type';

/** Applies `change` to the Load Balancer now and starts `command` over it; a failed action restores the fields. */
function change(ctx: RouteContext, lb: SimLoadBalancer, command: string, fields: Field[], apply: (actionId: number) => void): ActionSchema {
  const before = Object.fromEntries(fields.map((f) => [f, copy(lb[f])]));
  const action = ctx.world.startAction({
    command,
    resources: [{ type: 'load_balancer', id: lb.id }],
    onError: [{ kind: 'patch', type: 'load_balancer', id: lb.id, patch: before }],
  });
  apply(action.id);
  return action;
}

const unlocked = (ctx: RouteContext) => findUnlocked<SimLoadBalancer>(ctx, 'load_balancer');

function addService(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const input = BodyInput.of(ctx.body);
  const service = readService(input);
  input.done();
  assertServiceFits(ctx.world.state, lb.services, service);
  assertWithinType({ services: [...lb.services, service], targets: lb.targets }, lb.load_balancer_type);
  return actionReply(change(ctx, lb, 'add_service', ['services'], () => lb.services.push(service)));
}

function updateService(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const input = BodyInput.of(ctx.body);
  const port = input.integer('listen_port', { required: true, max: 65535 });
  if (port === undefined) input.done();
  const current = serviceOn(lb, port as number);
  const next = readServiceUpdate(input, current);
  input.done();
  assertServiceFits(ctx.world.state, lb.services, next, current.listen_port);
  const services = lb.services.map((s) => (s === current ? next : s));
  assertWithinType({ services, targets: lb.targets }, lb.load_balancer_type);
  return actionReply(change(ctx, lb, 'update_service', ['services'], () => (lb.services = services)));
}

function deleteService(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const input = BodyInput.of(ctx.body);
  const port = input.integer('listen_port', { required: true, max: 65535 });
  input.done();
  const service = serviceOn(lb, port as number);
  return actionReply(change(ctx, lb, 'delete_service', ['services'], () => (lb.services = lb.services.filter((s) => s !== service))));
}

function addTarget(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const input = BodyInput.of(ctx.body);
  const target = readTarget(input);
  input.done();
  assertTargetAddable(ctx.world.view(), lb, target);
  assertWithinType({ services: lb.services, targets: [...lb.targets, target] }, lb.load_balancer_type);
  return actionReply(change(ctx, lb, 'add_target', ['targets'], (id) => lb.targets.push({ ...target, added_by: id })));
}

function removeTarget(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const input = BodyInput.of(ctx.body);
  const target = readTarget(input, false);
  input.done();
  if (!lb.targets.some((t) => sameTarget(t, target))) throw invalidField(target.type, 'this target is not defined on the Load Balancer');
  return actionReply(change(ctx, lb, 'remove_target', ['targets'], () => (lb.targets = lb.targets.filter((t) => !sameTarget(t, target)))));
}

function attachToNetwork(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const input = BodyInput.of(ctx.body);
  const networkId = input.integer('network', { required: true });
  const ip = input.string('ip') ?? undefined;
  const ipRange = input.string('ip_range') ?? undefined;
  const network = networkId === undefined ? undefined : (ctx.world.state.networks.get(networkId) ?? input.fail('network', `network ${networkId} not found`));
  input.done();
  if (!network) throw invalidField('network', 'is required');
  if (lb.private_net.length) throw new ApiError('load_balancer_already_attached', `Load Balancer ${lb.id} is already attached to network ${lb.private_net[0].network}`);
  ctx.world.assertUnlocked('network', network.id);
  const address = addressIn(ctx.world.state, network, lb.location.network_zone, ip, ipRange);
  return actionReply(change(ctx, lb, 'attach_to_network', ['private_net'], () => lb.private_net.push({ network: network.id, ip: address })));
}

function detachFromNetwork(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const input = BodyInput.of(ctx.body);
  const networkId = input.integer('network', { required: true }) as number;
  input.done();
  if (!lb.private_net.some((p) => p.network === networkId)) {
    throw new ApiError('load_balancer_not_attached_to_network', `Load Balancer ${lb.id} is not attached to network ${networkId}`);
  }
  if (!lb.public_net.enabled) throw invalidField('network', 'the public interface is disabled: enable it before detaching the last network');
  if (lb.targets.some((t) => t.use_private_ip)) throw invalidField('network', 'targets use private IPs in this network: remove them first');
  return actionReply(change(ctx, lb, 'detach_from_network', ['private_net'], () => (lb.private_net = lb.private_net.filter((p) => p.network !== networkId))));
}

function changeAlgorithm(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const input = BodyInput.of(ctx.body);
  const type = input.string('type', { required: true, oneOf: ['round_robin', 'least_connections'] });
  input.done();
  return actionReply(change(ctx, lb, 'change_algorithm', ['algorithm'], () => (lb.algorithm = { type: type as 'round_robin' | 'least_connections' })));
}

function changeType(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const input = BodyInput.of(ctx.body);
  const ref = input.ref('load_balancer_type', { required: true });
  const type = ref === undefined ? undefined : (loadBalancerType(ref) ?? input.fail('load_balancer_type', `Load Balancer type '${ref}' not found`));
  input.done();
  const next = type as NonNullable<typeof type>;
  if (next.id === lb.load_balancer_type.id) throw invalidField('load_balancer_type', `the Load Balancer is already of type ${next.name}`);
  assertWithinType(lb, next, 'invalid_load_balancer_type');
  return actionReply(change(ctx, lb, 'change_load_balancer_type', ['load_balancer_type'], () => (lb.load_balancer_type = copy(next))));
}

function changeDnsPtr(ctx: RouteContext) {
  const lb = unlocked(ctx);
  const ptr = readDnsPtr(ctx, lb.public_net.ipv4.ip ?? undefined, lb.public_net.ipv6.ip ? `${lb.public_net.ipv6.ip}/64` : undefined);
  if (ptr.family === 'ipv6' && ptr.ip !== lb.public_net.ipv6.ip) throw invalidField('ip', `${ptr.ip} is not an IP address of this Load Balancer`);
  return actionReply(change(ctx, lb, 'change_dns_ptr', ['public_net'], () => (lb.public_net[ptr.family].dns_ptr = ptr.dnsPtr)));
}

function publicInterface(enabled: boolean) {
  return (ctx: RouteContext) => {
    const lb = unlocked(ctx);
    if (!enabled && !lb.private_net.length) {
      throw new ApiError('load_balancer_not_attached_to_network', `Load Balancer ${lb.id} is not attached to a network: it would be reachable nowhere`);
    }
    if (!enabled && lb.targets.some((t) => t.type !== 'ip' && !t.use_private_ip)) {
      throw new ApiError('targets_without_use_private_ip', `Load Balancer ${lb.id} has targets that use their public IP: add them with use_private_ip first`);
    }
    const command = enabled ? 'enable_public_interface' : 'disable_public_interface';
    return actionReply(change(ctx, lb, command, ['public_net'], () => (lb.public_net.enabled = enabled)));
  };
}

const path = (name: string) => `/load_balancers/:id/actions/${name}`;

export const loadBalancerActionRoutes: Route[] = [
  { method: 'POST', path: path('add_service'), handler: addService },
  { method: 'POST', path: path('update_service'), handler: updateService },
  { method: 'POST', path: path('delete_service'), handler: deleteService },
  { method: 'POST', path: path('add_target'), handler: addTarget },
  { method: 'POST', path: path('remove_target'), handler: removeTarget },
  { method: 'POST', path: path('attach_to_network'), handler: attachToNetwork },
  { method: 'POST', path: path('detach_from_network'), handler: detachFromNetwork },
  { method: 'POST', path: path('change_algorithm'), handler: changeAlgorithm },
  { method: 'POST', path: path('change_type'), handler: changeType },
  { method: 'POST', path: path('change_dns_ptr'), handler: changeDnsPtr },
  { method: 'POST', path: path('change_protection'), handler: (ctx) => deleteProtectionAction(ctx, 'load_balancer') },
  { method: 'POST', path: path('enable_public_interface'), handler: publicInterface(true) },
  { method: 'POST', path: path('disable_public_interface'), handler: publicInterface(false) },
];
