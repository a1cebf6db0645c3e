// The arguments Open SSH in Terminal starts ssh with. Pure (no vscode), unit-tested in
// test/unit/commands/sshArgs.test.ts. Nothing here goes through a shell: the terminal starts the
// ssh executable itself with these arguments, so an address or a user name must be exactly one
// argument that ssh cannot read as an option.
import { isIP } from 'node:net';

/** A user name ssh takes as one: a lower-case letter or `_` first (never `-`, which ssh reads as an option), at most 32 characters. */
const USER = /^[a-z_][a-z0-9_.-]*$/;
export const MAX_SSH_USER = 32;

/** Why `user` cannot be the SSH user, or undefined when it can. */
export function sshUserProblem(user: string): string | undefined {
  if (user.length > MAX_SSH_USER) return `the SSH user (setting hcloud.ssh.user) has at most ${MAX_SSH_USER} characters.`;
  if (!USER.test(user)) {
    return `the SSH user ${JSON.stringify(user.slice(0, 40))} is not a user name: use a lower-case letter or _ first, then lower-case letters, digits, _, . and - (setting hcloud.ssh.user).`;
  }
  return undefined;
}

/**
 * The address Open SSH connects to: the public IPv4, otherwise the first address of the IPv6
 * network (`2001:db8::/64` → `2001:db8::1`, the address Hetzner's images configure).
 * Undefined when the server has neither.
 */
export function sshAddress(publicNet: { ipv4?: { ip: string }; ipv6?: { ip: string } }): { ip: string; family: 'IPv4' | 'IPv6' } | undefined {
  if (publicNet.ipv4) return { ip: publicNet.ipv4.ip, family: 'IPv4' };
  if (!publicNet.ipv6) return undefined;
  const net = publicNet.ipv6.ip;
  const m = /^([0-9a-fA-F:]+)\/(\d{1,3})$/.exec(net);
  // An address that is not a network as the API writes it is passed on unchanged, and refused by sshArgs.
  if (!m || isIP(m[1]) !== 6) return { ip: net, family: 'IPv6' };
  return { ip: m[1].endsWith('::') ? `${m[1]}1` : m[1], family: 'IPv6' };
}

/** `['--', 'user@ip']`, or why not: the address must be an IPv4 or IPv6 address (net.isIP), the user a plain user name. */
export function sshArgs(ip: string, user: string): { args: string[]; error?: undefined } | { error: string; args?: undefined } {
  if (isIP(ip) === 0) return { error: `the address ${JSON.stringify(ip.slice(0, 60))} is not an IP address.` };
  const problem = sshUserProblem(user);
  if (problem) return { error: problem };
  // `--` ends ssh's options; ssh takes `user@2001:db8::1` without brackets.
  return { args: ['--', `${user}@${ip}`] };
}
