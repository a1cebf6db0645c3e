// Open Folder on Server (Remote-SSH): the pure parts, unit-tested in
// test/unit/commands/remoteFolder.test.ts (no vscode). The folder is opened as
// `vscode-remote://ssh-remote+<user>@<host><folder>`, the URI the Remote - SSH extension resolves.
import { isIP } from 'node:net';
import { sshUserProblem } from '../sshArgs';

/** The extension that resolves `ssh-remote+` authorities. */
export const REMOTE_SSH_EXTENSION = 'ms-vscode-remote.remote-ssh';
export const MAX_FOLDER_LENGTH = 1024;

/** `/root` for root, `/home/<user>` for anyone else (what Hetzner's images and `useradd -m` make). */
export function defaultFolder(user: string): string {
  return user === 'root' ? '/root' : `/home/${user}`;
}

/** Why `folder` cannot be opened, or undefined when it can: an absolute path without control characters or `.`/`..` parts. */
export function folderProblem(folder: string): string | undefined {
  if (!folder.startsWith('/')) return 'Give an absolute path, starting with /.';
  if (folder.length > MAX_FOLDER_LENGTH) return `At most ${MAX_FOLDER_LENGTH} characters.`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(folder)) return 'The path has a control character (a tab, a line break…); remove it.';
  if (folder.split('/').some((part) => part === '.' || part === '..')) return 'Write the path without . or .. parts.';
  if (folder.includes('//')) return 'The path has an empty part (//).';
  return undefined;
}

/** The folder as it is opened and remembered: a trailing `/` dropped (except for `/` itself). */
export function normalFolder(folder: string): string {
  return folder.length > 1 ? folder.replace(/\/+$/, '') : folder;
}

export type RemoteTarget = { authority: string; path: string; uri: string; error?: undefined } | { error: string; authority?: undefined; path?: undefined; uri?: undefined };

/**
 * The remote folder's URI parts, or why not. The host must be an IPv4 address: in an authority
 * the colons of an IPv6 address would read as a port, so IPv6-only servers are left out.
 * `uri` is the string form, each path segment percent-encoded.
 */
export function remoteSshTarget(user: string, host: string, folder: string): RemoteTarget {
  if (isIP(host) !== 4) {
    return { error: isIP(host) === 6 ? ipv6Reason(host) : `the address ${JSON.stringify(host.slice(0, 60))} is not an IPv4 address.` };
  }
  const userProblem = sshUserProblem(user);
  if (userProblem) return { error: userProblem };
  const problem = folderProblem(folder);
  if (problem) return { error: `the folder ${JSON.stringify(folder.slice(0, 80))} cannot be opened: ${problem}` };
  const path = normalFolder(folder);
  const authority = `ssh-remote+${user}@${host}`;
  return { authority, path, uri: `vscode-remote://${authority}${path.split('/').map(encodeURIComponent).join('/')}` };
}

/** Why a server with only IPv6 is not offered. */
export function ipv6Reason(address: string): string {
  return `it has no public IPv4, only IPv6 (${address.slice(0, 60)}). Remote-SSH's address syntax reads the colons of an IPv6 address as a port separator, so IPv6-only servers are left out for now; Open SSH in Terminal works over IPv6.`;
}

/** Where the folder chosen for a server is remembered (global state): per project and server. */
export function folderKey(projectId: string, serverId: number): string {
  return `hcloud.remoteFolder/${projectId}/${serverId}`;
}
