// The 18 server actions. Each handler checks its input and the server's state, then starts
// the action through runServerAction: an optional status while it runs, a patch when it
// succeeds, and the old status back when it fails.
//
// Root passwords (20 letters and digits, from the state's PRNG): create without ssh_keys,
// reset_password and enable_rescue always return a fresh one; rebuild returns a fresh one for
// a system image and null for a snapshot or backup (which keep their own); create with
// ssh_keys returns null. Power actions from a status they do not change (poweron on a running
// server) succeed without a change; reset_password needs a running server (invalid_input).

import type { ActionSchema, ImageSchema, ServerStatusSchema, ServerTypeSchema } from '../../api/schema';
import { newImageFromServer, imageSizeFor } from '../factory';
import { ApiError, invalidInput, invalidState, isProtected } from '../http';
import { defaultIpv4Ptr } from '../net';
import { hash32 } from '../random';
import type { Route, RouteContext } from '../router';
import { renderImage } from '../render';
import { byIdOrName, copy, findImage, type Effect, type ResourceType, type SimServer } from '../state';
import { BodyInput, nonEmpty } from '../validate';
import { isoTime } from '../time';
import { resourceActionRoutes } from './actions';
import { actionReply, findUnlocked } from './common';
import { readDnsPtr, withPtr } from './dnsPtr';
import { imageProblem, ROOT_PASSWORD_LENGTH } from './servers';
import { serverPtrEffect } from './primaryIps';

export const BACKUP_WINDOWS = ['22-02', '02-06', '06-10', '10-14', '14-18', '18-22'] as const;
export const RESCUE_TYPES = ['linux64', 'linux32', 'freebsd64'] as const;
/** Today's API offers only linux64 (linux32 deprecated 2024-03, freebsd64 dropped before). */
export const RESCUE_TYPES_2026 = ['linux64'] as const;

interface RunOptions {
  /** Status while the action runs. */
  during?: ServerStatusSchema;
  /** Patch of the server on success. */
  done?: Record<string, unknown>;
  /** More effects on success / on failure. */
  effects?: Effect[];
  onError?: Effect[];
  also?: Array<{ type: ResourceType; id: number }>;
  instant?: boolean;
}

function runServerAction(ctx: RouteContext, server: SimServer, command: string, o: RunOptions = {}): ActionSchema {
  const patch = (p: Record<string, unknown>): Effect => ({ kind: 'patch', type: 'server', id: server.id, patch: p });
  const previous = server.status;
  if (o.during) server.status = o.during;
  return ctx.world.startAction({
    command,
    resources: [{ type: 'server', id: server.id }, ...(o.also ?? [])],
    steps: [{ at: 1, effects: [...(o.done ? [patch(o.done)] : []), ...(o.effects ?? [])] }],
    onError: [patch({ status: previous }), ...(o.onError ?? [])],
    instant: o.instant,
  });
}

const serverOf = (ctx: RouteContext) => findUnlocked<SimServer>(ctx, 'server');
const password = (ctx: RouteContext) => ctx.world.random.string(ROOT_PASSWORD_LENGTH);

interface PowerRule {
  path: string;
  command: string;
  /** Statuses the action changes; from any other status it succeeds without a change. */
  from: ServerStatusSchema[];
  during: ServerStatusSchema;
  done: ServerStatusSchema;
}

const POWER: PowerRule[] = [
  { path: 'poweron', command: 'start_server', from: ['off'], during: 'starting', done: 'running' },
  { path: 'poweroff', command: 'stop_server', from: ['running'], during: 'stopping', done: 'off' },
  { path: 'shutdown', command: 'shutdown_server', from: ['running'], during: 'stopping', done: 'off' },
  { path: 'reboot', command: 'reboot_server', from: ['running'], during: 'running', done: 'running' },
  { path: 'reset', command: 'reset_server', from: ['running', 'off'], during: 'starting', done: 'running' },
];

function power(rule: PowerRule) {
  return (ctx: RouteContext) => {
    const server = serverOf(ctx);
    const changes = rule.from.includes(server.status);
    return actionReply(runServerAction(ctx, server, rule.command, changes ? { during: rule.during, done: { status: rule.done } } : {}));
  };
}

function resetPassword(ctx: RouteContext) {
  const server = serverOf(ctx);
  if (server.status !== 'running') throw invalidState(`server ${server.id} must be running to reset the root password (status: ${server.status})`);
  return actionReply(runServerAction(ctx, server, 'reset_password'), { root_password: password(ctx) });
}

function sshKeyIds(ctx: RouteContext, input: BodyInput): number[] {
  const ids = (input.refs('ssh_keys', { idsOnly: true }) ?? []) as number[];
  for (const id of ids) if (!ctx.world.state.sshKeys.has(id)) input.fail('ssh_keys', `SSH key ${id} not found`);
  return ids;
}

function enableRescue(ctx: RouteContext) {
  const server = serverOf(ctx);
  const input = BodyInput.of(ctx.body);
  const type = input.string('type', { oneOf: ctx.world.api === '2026' ? RESCUE_TYPES_2026 : RESCUE_TYPES }) ?? 'linux64';
  const keys = sshKeyIds(ctx, input);
  if (keys.length && type === 'freebsd64') input.fail('ssh_keys', 'SSH keys are only available for linux64 and linux32');
  input.done();
  if (server.rescue_enabled) throw new ApiError('rescue_already_enabled', `rescue is already enabled for server ${server.id}`);
  return actionReply(runServerAction(ctx, server, 'enable_rescue', { done: { rescue_enabled: true } }), { root_password: password(ctx) });
}

function disableRescue(ctx: RouteContext) {
  const server = serverOf(ctx);
  if (!server.rescue_enabled) throw new ApiError('rescue_already_disabled', `rescue is already disabled for server ${server.id}`);
  return actionReply(runServerAction(ctx, server, 'disable_rescue', { done: { rescue_enabled: false } }));
}

function createImage(ctx: RouteContext) {
  const server = serverOf(ctx);
  const input = BodyInput.of(ctx.body);
  const description = input.string('description', { check: nonEmpty });
  const type = input.string('type', { oneOf: ['snapshot', 'backup'] }) ?? 'snapshot';
  if (type === 'backup' && server.backup_window === null) input.fail('type', 'backups are not enabled for this server');
  const labels = ctx.world.api === '2026' ? input.labels() : undefined;
  input.done();
  const now = ctx.world.now();
  const image = newImageFromServer(ctx.world.state, server, {
    type: type as 'snapshot' | 'backup',
    description: description ?? `${server.name}-${isoTime(now).slice(0, 19).replace(/[-:T]/g, '')}`,
    created: now,
    status: 'creating',
    imageSize: null,
  });
  if (labels) image.labels = labels;
  const action = runServerAction(ctx, server, 'create_image', {
    also: [{ type: 'image', id: image.id }],
    effects: [{ kind: 'patch', type: 'image', id: image.id, patch: { status: 'available', image_size: imageSizeFor(server) } }],
    onError: [{ kind: 'delete_image', id: image.id }],
  });
  return actionReply(action, { image: renderImage(image, ctx.world.view()) });
}

function rebuild(ctx: RouteContext) {
  const server = serverOf(ctx);
  const input = BodyInput.of(ctx.body);
  const ref = input.ref('image', { required: true });
  const arch = server.server_type.architecture ?? 'x86';
  const image = ref === undefined ? undefined : findImage<ImageSchema>(ctx.world.state.images.values(), ref, arch);
  if (ref !== undefined && !image) input.fail('image', `'${ref}' not found`);
  if (ctx.world.api === '2026' && image && (image.architecture ?? 'x86') !== arch) input.fail('image', `image ${image.id} is for ${image.architecture}, the server is ${arch}`);
  const problem = image && imageProblem(image, server.primary_disk_size, ctx.world.now());
  if (problem) input.fail('image', problem);
  input.done();
  if (server.protection.rebuild) throw isProtected('server', server.id);
  const done = { status: 'running', image: copy(image) };
  const action = runServerAction(ctx, server, 'rebuild_server', { during: 'rebuilding', done });
  // A system image gets a fresh root password; snapshots and backups keep theirs (null).
  return actionReply(action, { root_password: image?.type === 'system' ? password(ctx) : null });
}

function changeType(ctx: RouteContext) {
  const server = serverOf(ctx);
  const input = BodyInput.of(ctx.body);
  const ref = input.ref('server_type', { required: true });
  const upgradeDisk = input.boolean('upgrade_disk') ?? true;
  const type = ref === undefined ? undefined : byIdOrName(ctx.world.state.serverTypes, ref);
  if (ref !== undefined && !type) input.fail('server_type', `'${ref}' not found`);
  if (type && (type.architecture ?? 'x86') !== (server.server_type.architecture ?? 'x86')) {
    input.fail('server_type', `server type ${type.name} is ${type.architecture}, the server is ${server.server_type.architecture}`);
  }
  input.done();
  const target = type as ServerTypeSchema;
  if (server.status !== 'off') throw new ApiError('server_not_stopped', `server ${server.id} must be off to change its type (status: ${server.status})`);
  if (target.storage_type !== server.server_type.storage_type) {
    throw new ApiError('invalid_server_type', `cannot change from ${server.server_type.storage_type} to ${target.storage_type} storage`);
  }
  if (target.disk < server.primary_disk_size) {
    const sizes = `${target.disk} GB < ${server.primary_disk_size} GB`;
    throw new ApiError('invalid_server_type', `server type ${target.name} has a smaller disk than the server (${sizes})`);
  }
  const done = { status: 'off', server_type: copy(target), primary_disk_size: upgradeDisk ? target.disk : server.primary_disk_size };
  return actionReply(runServerAction(ctx, server, 'change_server_type', { during: 'migrating', done }));
}

function enableBackup(ctx: RouteContext) {
  const server = serverOf(ctx);
  const input = BodyInput.of(ctx.body);
  const asked = input.string('backup_window', { oneOf: BACKUP_WINDOWS });
  input.done();
  const window = asked ?? server.backup_window ?? BACKUP_WINDOWS[hash32(`backup:${server.id}`) % BACKUP_WINDOWS.length];
  return actionReply(runServerAction(ctx, server, 'enable_backup', { done: { backup_window: window } }));
}

function disableBackup(ctx: RouteContext) {
  const server = serverOf(ctx);
  const options: RunOptions = { done: { backup_window: null }, effects: [{ kind: 'delete_backups', server: server.id }] };
  return actionReply(runServerAction(ctx, server, 'disable_backup', options));
}

function attachIso(ctx: RouteContext) {
  const server = serverOf(ctx);
  const input = BodyInput.of(ctx.body);
  const ref = input.ref('iso', { required: true });
  const iso = ref === undefined ? undefined : byIdOrName(ctx.world.state.isos, ref);
  if (ref !== undefined && !iso) input.fail('iso', `'${ref}' not found`);
  if (iso?.deprecated && Date.parse(iso.deprecated) <= ctx.world.now()) input.fail('iso', `ISO ${iso.id} is deprecated`);
  const arch = server.server_type.architecture ?? 'x86';
  if (iso?.architecture && iso.architecture !== arch) input.fail('iso', `ISO ${iso.id} is for ${iso.architecture}, the server is ${arch}`);
  input.done();
  return actionReply(runServerAction(ctx, server, 'attach_iso', { done: { iso: copy(iso) } }));
}

function detachIso(ctx: RouteContext) {
  const server = serverOf(ctx);
  // Without an attached ISO the action is immediately `success`, as the spec says.
  return actionReply(runServerAction(ctx, server, 'detach_iso', { done: { iso: null }, instant: server.iso === null }));
}

function changeDnsPtr(ctx: RouteContext) {
  const server = serverOf(ctx);
  // Today's API: the addresses are Primary IPs, which hold the reverse DNS.
  const onPrimaryIp = serverPtrEffect(ctx, server);
  if (onPrimaryIp) return actionReply(runServerAction(ctx, server, 'change_dns_ptr', { effects: [onPrimaryIp] }));
  const { ipv4, ipv6 } = server.public_net;
  const change = readDnsPtr(ctx, ipv4.ip, ipv6.ip);
  let patch: Record<string, unknown>;
  if (change.family === 'ipv4') patch = { ipv4: { dns_ptr: change.dnsPtr ?? defaultIpv4Ptr(ipv4.ip) } };
  else {
    const list = withPtr(ipv6.dns_ptr, change.ip, change.dnsPtr);
    patch = { ipv6: { dns_ptr: list.length ? list : null } };
  }
  return actionReply(runServerAction(ctx, server, 'change_dns_ptr', { done: { public_net: patch } }));
}

function changeProtection(ctx: RouteContext) {
  const server = serverOf(ctx);
  const input = BodyInput.of(ctx.body);
  const del = input.boolean('delete') ?? server.protection.delete;
  const reb = input.boolean('rebuild') ?? server.protection.rebuild;
  input.done();
  if (del !== reb) {
    const message = 'delete and rebuild protection must have the same value';
    throw invalidInput([{ name: 'delete', messages: [message] }, { name: 'rebuild', messages: [message] }]);
  }
  return actionReply(runServerAction(ctx, server, 'change_protection', { done: { protection: { delete: del, rebuild: reb } } }));
}

function requestConsole(ctx: RouteContext) {
  const server = serverOf(ctx);
  const { random } = ctx.world;
  const secret = random.string(32);
  const wssUrl = ctx.world.consoles.issue(ctx.world.baseUrl, { serverName: server.name, password: secret, issuedAt: ctx.world.options.now() });
  return actionReply(runServerAction(ctx, server, 'request_console'), { wss_url: wssUrl, password: secret });
}

const post = (name: string, handler: Route['handler']): Route => ({ method: 'POST', path: `/servers/:id/actions/${name}`, handler });

export const serverActionRoutes: Route[] = [
  ...resourceActionRoutes('servers', 'server'),
  ...POWER.map((rule) => post(rule.path, power(rule))),
  post('reset_password', resetPassword),
  post('enable_rescue', enableRescue),
  post('disable_rescue', disableRescue),
  post('create_image', createImage),
  post('rebuild', rebuild),
  post('change_type', changeType),
  post('enable_backup', enableBackup),
  post('disable_backup', disableBackup),
  post('attach_iso', attachIso),
  post('detach_iso', detachIso),
  post('change_dns_ptr', changeDnsPtr),
  post('change_protection', changeProtection),
  post('request_console', requestConsole),
];
