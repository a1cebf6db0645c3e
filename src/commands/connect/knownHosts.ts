// After a Rebuild (or a boot into the rescue system) the server answers with a new SSH host key,
// and ssh refuses to connect while known_hosts holds the old one. This offers `ssh-keygen -R <ip>`,
// started with execFile (no shell; the address is checked by net.isIP first), and shows its outcome.
import { isIP } from 'node:net';
import type { CommandContext } from '../context';
import { runProgram } from './runProgram';
import { sshSettings } from './sshTerminal';

export type HostKeyChange = 'rebuilt' | 'rescue';

const WHY: Record<HostKeyChange, string> = {
  rebuilt: 'was rebuilt: its new system has a new SSH host key',
  rescue: 'boots into the rescue system, which has an SSH host key of its own',
};

/** Says that the host key changed and, if the user agrees, removes the old one; resolves when done or declined. */
export async function offerKnownHostsCleanup(ctx: CommandContext, serverName: string, ip: string, change: HostKeyChange): Promise<void> {
  if (isIP(ip) === 0) return;
  const ok = await ctx.input().confirm(`"${serverName}" ${WHY[change]}.`, {
    detail: `ssh refuses to connect while your known_hosts file holds the old key of ${ip}. Remove the old key now (ssh-keygen -R ${ip})?`,
    confirmLabel: 'Remove Old Key',
  });
  if (!ok) return;
  const { keygenPath } = sshSettings();
  const outcome = await runProgram(keygenPath, ['-R', ip], `${keygenPath} was not found; set hcloud.ssh.keygenPath`);
  const said = outcome.output ? ` It said: ${outcome.output}` : '';
  if (outcome.ok) {
    ctx.log.info(`ssh-keygen -R ${ip}: done.${said}`);
    ctx.input().info(`ssh-keygen -R ${ip} done: known_hosts holds no old key of ${ip} now.${said}`);
  } else {
    ctx.log.warn(`ssh-keygen -R ${ip} failed: ${outcome.reason}.${said}`);
    ctx.input().warn(`ssh-keygen -R ${ip} failed (${outcome.reason}).${said}`);
  }
}
