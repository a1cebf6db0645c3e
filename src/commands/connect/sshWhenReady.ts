// SSH When Ready: waits, under a progress notification that can be cancelled, until the server's
// port 22 accepts a TCP connection, then opens the SSH terminal as Open SSH in Terminal does.
// Offered by the success messages of Create Server, Rebuild, Power On and Reboot/Reset into the
// rescue system (`sshWhenReadyStep`), and in the palette (hcloud.server.openSshWhenReady).
import * as vscode from 'vscode';
import type { Server } from '../../api/types';
import { formatDuration } from '../../shared/duration';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import type { NextStep } from '../runAction';
import type { ServerTarget } from '../server/common';
import { pickServer } from '../server/common';
import { sshAddress, sshArgs } from '../sshArgs';
import { offerKnownHostsCleanup, type HostKeyChange } from './knownHosts';
import { openSshTerminal, sshSettings } from './sshTerminal';
import { waitForPort } from './waitForPort';

const TITLE = 'Open SSH When Ready';
const SSH_PORT = 22;

/** The button a success message offers; `change` when the server's host key changed. */
export function sshWhenReadyStep(ctx: CommandContext, t: ServerTarget, change?: HostKeyChange): NextStep[] {
  if (!sshAddress(t.resource.publicNet)) return [];
  return [{ label: TITLE, run: () => sshWhenReady(ctx, t, change) }];
}

/** hcloud.server.openSshWhenReady: a server that is running or starting. */
export async function openSshWhenReady(ctx: CommandContext, node?: TreeNode): Promise<vscode.Terminal | undefined> {
  const live = (s: Server) => ['running', 'starting', 'initializing', 'rebuilding'].includes(s.status) && !!sshAddress(s.publicNet);
  const t = await pickServer(ctx, node, TITLE, live, 'No server with a public IP is running or starting.');
  if (!t) return undefined;
  if (!sshAddress(t.resource.publicNet)) {
    ctx.input().info(`"${t.resource.name}" has no public IP.`);
    return undefined;
  }
  if (t.resource.status === 'off' || t.resource.status === 'stopping') {
    ctx.input().info(`${TITLE}: "${t.resource.name}" is ${t.resource.status}. Power it on: its message offers ${TITLE}.`);
    return undefined;
  }
  // From the palette nothing says the host key changed (rescue may be enabled but not booted yet).
  return sshWhenReady(ctx, t);
}

/** Waits for port 22, then opens the terminal; undefined when cancelled, timed out or refused (each said). */
export async function sshWhenReady(ctx: CommandContext, t: ServerTarget, change?: HostKeyChange): Promise<vscode.Terminal | undefined> {
  const s = t.resource;
  const address = sshAddress(s.publicNet);
  if (!address) return undefined;
  // Refuse a bad user or address before waiting, not after.
  const check = sshArgs(address.ip, sshSettings().user);
  if (check.error !== undefined) {
    ctx.input().error(`${TITLE} for "${s.name}": ${check.error} Nothing was started.`);
    return undefined;
  }
  if (change) await offerKnownHostsCleanup(ctx, s.name, address.ip, change);
  const seams = ctx.connect;
  const where = `${address.family === 'IPv6' ? `[${address.ip}]` : address.ip}:${SSH_PORT}`;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Waiting for SSH on "${s.name}" (${where})`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      seams.waits.add(abort);
      const sub = token.onCancellationRequested(() => abort.abort());
      try {
        return await waitForPort(seams.probe, address.ip, SSH_PORT, {
          signal: abort.signal,
          intervalMs: seams.intervalMs,
          limitMs: seams.limitMs,
          onAttempt: (n, waited) => progress.report({ message: n === 1 ? 'trying…' : `attempt ${n}, ${formatDuration(waited)} so far` }),
        });
      } finally {
        sub.dispose();
        seams.waits.delete(abort);
      }
    },
  );
  if (result === 'cancelled') {
    ctx.input().info(`${TITLE}: stopped waiting for "${s.name}". Open SSH in Terminal connects when you are ready.`);
    return undefined;
  }
  if (result === 'timeout') {
    const text = `${TITLE}: "${s.name}" did not accept connections on port ${SSH_PORT} (${where}) within ${formatDuration(seams.limitMs)}. Check that it is running and that no firewall blocks port ${SSH_PORT}, then use Open SSH in Terminal.`;
    ctx.log.warn(text);
    ctx.input().error(text);
    return undefined;
  }
  ctx.log.info(`${TITLE}: "${s.name}" accepts connections on ${where}; opening the SSH terminal.`);
  return openSshTerminal(ctx, s, address, TITLE);
}
