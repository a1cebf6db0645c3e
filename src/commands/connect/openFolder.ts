// hcloud.server.openFolder: Open Folder on Server (Remote-SSH). Opens a new window on the
// server's folder through the Remote - SSH extension, or offers to install it. The URI and the
// checks are in ./remoteFolder.ts (pure); the commands go through ctx.connect, so tests observe
// them (code-server cannot run Remote-SSH).
import * as vscode from 'vscode';
import type { Server } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { offerNextSteps } from '../runAction';
import { pickServer, q } from '../server/common';
import { sshUserProblem } from '../sshArgs';
import { defaultFolder, folderKey, folderProblem, ipv6Reason, normalFolder, REMOTE_SSH_EXTENSION, remoteSshTarget } from './remoteFolder';
import { sshSettings } from './sshTerminal';

const TITLE = 'Open Folder on Server';

export async function openFolder(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const usable = (s: Server) => s.status === 'running' && !!s.publicNet.ipv4;
  const t = await pickServer(ctx, node, TITLE, usable, 'No running server has a public IPv4.');
  if (!t) return;
  const s = t.resource;
  if (!s.publicNet.ipv4) {
    ctx.input().info(`${TITLE}: ${q(s)} cannot be opened: ${s.publicNet.ipv6 ? ipv6Reason(s.publicNet.ipv6.ip) : 'it has no public IP.'}`);
    return;
  }
  if (s.status !== 'running') {
    ctx.input().info(`${TITLE}: ${q(s)} is ${s.status}; power it on first.`);
    return;
  }
  const { user } = sshSettings();
  const userProblem = sshUserProblem(user);
  if (userProblem) {
    ctx.input().error(`${TITLE} for ${q(s)}: ${userProblem} Nothing was opened.`);
    return;
  }
  const seams = ctx.connect;
  if (!seams.hasExtension(REMOTE_SSH_EXTENSION)) {
    offerInstall(ctx);
    return;
  }
  const key = folderKey(t.project.id, s.id);
  const folder = await ctx.input().inputBox({
    title: `${TITLE}: ${q(s)} as ${user}@${s.publicNet.ipv4.ip}`,
    prompt: 'The folder to open on the server (an absolute path)',
    value: seams.folders.get<string>(key) ?? defaultFolder(user),
    validateInput: (v) => folderProblem(v.trim()),
  });
  if (folder === undefined) return;
  const target = remoteSshTarget(user, s.publicNet.ipv4.ip, folder.trim());
  if (target.error !== undefined) {
    ctx.input().error(`${TITLE} for ${q(s)}: ${target.error} Nothing was opened.`);
    return;
  }
  await seams.folders.update(key, normalFolder(folder.trim()));
  const uri = vscode.Uri.from({ scheme: 'vscode-remote', authority: target.authority, path: target.path });
  ctx.log.info(`${TITLE}: opening ${target.uri} in a new window (Remote - SSH).`);
  await seams.executeCommand('vscode.openFolder', uri, { forceNewWindow: true });
}

/** Remote - SSH is missing: offer to install it, or to show it in the Extensions view. */
function offerInstall(ctx: CommandContext): void {
  offerNextSteps(ctx, `${TITLE} needs the Remote - SSH extension (${REMOTE_SSH_EXTENSION}), which is not installed.`, [
    { label: 'Install Remote - SSH', run: () => ctx.connect.executeCommand('workbench.extensions.installExtension', REMOTE_SSH_EXTENSION) },
    { label: 'Show in Extensions', run: () => ctx.connect.executeCommand('workbench.extensions.search', `@id:${REMOTE_SSH_EXTENSION}`) },
  ]);
}
