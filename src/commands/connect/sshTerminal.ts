// The SSH terminal of Open SSH in Terminal and SSH When Ready: the terminal runs the ssh
// executable itself (hcloud.ssh.path) with `-- <user>@<address>` (../sshArgs.ts), never a shell.
import * as vscode from 'vscode';
import type { Server } from '../../api/types';
import type { CommandContext } from '../context';
import { sshArgs, type sshAddress } from '../sshArgs';

/** The settings both read; machine-scoped, so a workspace's .vscode/settings.json cannot set them. */
export function sshSettings(): { user: string; path: string; keygenPath: string } {
  const config = vscode.workspace.getConfiguration('hcloud');
  return {
    user: config.get<string>('ssh.user') || 'root',
    path: config.get<string>('ssh.path') || 'ssh',
    keygenPath: config.get<string>('ssh.keygenPath') || 'ssh-keygen',
  };
}

/** Opens the server's SSH terminal at `address`; says why not (and starts nothing) when the address or user is refused. */
export function openSshTerminal(ctx: CommandContext, server: Server, address: NonNullable<ReturnType<typeof sshAddress>>, title: string): vscode.Terminal | undefined {
  const settings = sshSettings();
  const ssh = sshArgs(address.ip, settings.user);
  if (ssh.error !== undefined) {
    ctx.input().error(`${title} for "${server.name}": ${ssh.error} Nothing was started.`);
    return undefined;
  }
  // No shell: the terminal runs the ssh executable itself with the arguments.
  const terminal = vscode.window.createTerminal({ name: server.name, shellPath: settings.path, shellArgs: ssh.args });
  terminal.show();
  return terminal;
}
