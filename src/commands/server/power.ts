// Power, root password, rescue system and console of a server.
import type { RescueType, Server } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { runAction, runCall, type NextStep } from '../runAction';
import { sshWhenReadyStep } from '../connect/sshWhenReady';
import { pickServer, q, serverAction, type ServerTarget } from './common';

const running = (s: Server) => s.status === 'running';
const off = (s: Server) => s.status === 'off';

export async function powerOn(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Power On Server', off, 'No server is off.');
  if (t) await startServer(ctx, t);
}

/** Powers the server on; its message offers SSH When Ready (into rescue when rescue is enabled). */
function startServer(ctx: CommandContext, t: ServerTarget, rescue = t.resource.rescueEnabled): Promise<boolean> {
  return serverAction(ctx, t, `Power on ${q(t.resource)}`, (c, id, signal) => c.servers.powerOn(id, { signal }), undefined, sshWhenReadyStep(ctx, t, rescue ? 'rescue' : undefined));
}

/** The Power On button of a message that leaves the server off (Change Type). */
export function powerOnStep(ctx: CommandContext, t: ServerTarget): NextStep {
  return { label: 'Power On', run: () => startServer(ctx, t) };
}

/**
 * The button after Enable Rescue: Reboot into Rescue on a running server, Power On into Rescue on an
 * off one (either boots the rescue system; the message after it offers SSH When Ready).
 */
function intoRescueStep(ctx: CommandContext, t: ServerTarget): NextStep[] {
  const s = { ...t, resource: { ...t.resource, rescueEnabled: true } };
  if (t.resource.status === 'off') return [{ label: 'Power On into Rescue', run: () => startServer(ctx, s, true) }];
  if (!running(t.resource)) return [];
  return [{ label: 'Reboot into Rescue', run: () => serverAction(ctx, s, `Reboot ${q(s.resource)} into rescue`, (c, id, signal) => c.servers.reboot(id, { signal }), undefined, intoRescue(ctx, s)) }];
}

export async function shutdown(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Shut Down Server', running, 'No server is running.');
  if (t) await serverAction(ctx, t, `Shut down ${q(t.resource)}`, (c, id, signal) => c.servers.shutdown(id, { signal }));
}

export async function reboot(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Reboot Server', running, 'No server is running.');
  if (t) await serverAction(ctx, t, `Reboot ${q(t.resource)}`, (c, id, signal) => c.servers.reboot(id, { signal }), undefined, intoRescue(ctx, t));
}

/** A Reboot or Reset with rescue enabled boots the rescue system: its message offers SSH When Ready. */
function intoRescue(ctx: CommandContext, t: ServerTarget) {
  return t.resource.rescueEnabled ? sshWhenReadyStep(ctx, t, 'rescue') : undefined;
}

export async function powerOff(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Power Off Server', running, 'No server is running.');
  if (!t) return;
  const ok = await ctx.input().confirm(`Power off ${q(t.resource)}?`, {
    detail: 'This cuts the power like pulling the plug: unsaved data may be lost. Use Shutdown for a clean stop.',
    confirmLabel: 'Power Off',
  });
  if (ok) await serverAction(ctx, t, `Power off ${q(t.resource)}`, (c, id, signal) => c.servers.powerOff(id, { signal }));
}

export async function reset(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Reset Server', (s) => running(s) || off(s), 'No server is running or off.');
  if (!t) return;
  const ok = await ctx.input().confirm(`Reset ${q(t.resource)}?`, {
    detail: 'A hard reset: the power is cut and the server starts again. Unsaved data may be lost.',
    confirmLabel: 'Reset',
  });
  if (ok) await serverAction(ctx, t, `Reset ${q(t.resource)}`, (c, id, signal) => c.servers.reset(id, { signal }), undefined, intoRescue(ctx, t));
}

export async function resetPassword(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Reset Root Password', running, 'No server is running (the server must be running).');
  if (!t) return;
  const ok = await ctx.input().confirm(`Reset the root password of ${q(t.resource)}?`, {
    detail: 'The server gets a new root password; the old one stops working. The new one is shown once.',
    confirmLabel: 'Reset Password',
  });
  if (!ok) return;
  await resetRootPassword(ctx, t);
}

/** Resets the root password (no question asked) and shows the new one once; also offered by Create Server. */
export async function resetRootPassword(ctx: CommandContext, t: ServerTarget): Promise<void> {
  await runAction(ctx, {
    project: t.project,
    title: `Reset root password of ${q(t.resource)}`,
    affects: [{ kind: 'server', id: t.resource.id }],
    start: async (c, signal) => {
      const r = await c.servers.resetPassword(t.resource.id, { signal });
      return { actions: [r.action], result: r };
    },
    after: async (r) => {
      if (r.rootPassword) await ctx.input().secret(`New root password of ${q(t.resource)} (shown only now)`, r.rootPassword, 'Copy Password');
      else if (r.answerLost) ctx.input().warn(`The new root password of ${q(t.resource)} was in the API's answer, which was lost on the way. Reset it again to get one you can see.`);
    },
  });
}

/**
 * The rescue system: today's API has `linux64` only (`linux32` was deprecated in 2024, `freebsd64`
 * dropped before), so there is nothing to pick; the 2018 contract takes it too.
 */
const RESCUE_TYPE: RescueType = 'linux64';

export async function enableRescue(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Enable Rescue', (s) => !s.rescueEnabled, 'Every server has rescue enabled already.');
  if (!t) return;
  let sshKeys: number[] = [];
  const keys = await runCallList(ctx, t, 'Enable Rescue');
  if (!keys) return;
  if (keys.length > 0) {
    const picked = await ctx.input().quickPickMany(
      keys.map((k) => ({ label: k.name, description: k.fingerprint, id: k.id })),
      { title: `Enable Rescue for ${q(t.resource)}: SSH keys`, placeHolder: 'SSH keys for root in the rescue system (none: password only)' },
    );
    if (!picked) return;
    sshKeys = picked.map((k) => k.id);
  }
  await runAction(ctx, {
    project: t.project,
    title: `Enable rescue for ${q(t.resource)}`,
    affects: [{ kind: 'server', id: t.resource.id }],
    start: async (c, signal) => {
      const r = await c.servers.enableRescue(t.resource.id, { type: RESCUE_TYPE, sshKeys }, { signal });
      return { actions: [r.action], result: r };
    },
    success: `Rescue (${RESCUE_TYPE}) enabled for ${q(t.resource)}: it boots into rescue at its next start (Reboot or Reset).`,
    next: () => intoRescueStep(ctx, t),
    after: async (r) => {
      if (r.rootPassword) await ctx.input().secret(`Root password of the rescue system of ${q(t.resource)} (shown only now)`, r.rootPassword, 'Copy Password');
      else if (r.answerLost) ctx.input().warn(`The rescue system's root password of ${q(t.resource)} was in the API's answer, which was lost on the way: disable and enable rescue again to get one you can see.`);
    },
  });
}

async function runCallList(ctx: CommandContext, t: ServerTarget, title: string) {
  return runCall(ctx, t.project, title, (c) => c.sshKeys.listAll());
}

export async function disableRescue(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Disable Rescue', (s) => s.rescueEnabled, 'No server has rescue enabled.');
  if (t) await serverAction(ctx, t, `Disable rescue for ${q(t.resource)}`, (c, id, signal) => c.servers.disableRescue(id, { signal }));
}

export async function requestConsole(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickServer(ctx, node, 'Copy Console Details', running, 'No server is running.');
  if (!t) return;
  await runAction(ctx, {
    project: t.project,
    title: `Request console of ${q(t.resource)}`,
    affects: [{ kind: 'server', id: t.resource.id }],
    start: async (c, signal) => {
      const r = await c.servers.requestConsole(t.resource.id, { signal });
      return { actions: [r.action], result: r };
    },
    success: `Console of ${q(t.resource)} ready: the URL is valid for about a minute.`,
    after: async (r) => {
      // For a VNC client of one's own (Open Console needs neither). The URL carries a one-time
      // token: both are shown like secrets (one modal, a copy button each, never logged).
      await ctx.input().secretSet(`Console of ${q(t.resource)}: VNC over WebSocket, the URL valid once, for about a minute`, [
        { label: 'Console URL', value: r.wssUrl },
        { label: 'VNC password', value: r.password },
      ]);
    },
  });
}
