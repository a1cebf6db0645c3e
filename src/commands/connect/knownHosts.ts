// After a Rebuild (or a boot into the rescue system) the server answers with a new SSH host key,
// and ssh refuses to connect while known_hosts holds the old one. This offers `ssh-keygen -R <ip>`,
// started with execFile (no shell; the address is checked by net.isIP first), and shows its outcome.
import { execFile } from 'node:child_process';
import { isIP } from 'node:net';
import type { CommandContext } from '../context';
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
  const outcome = await run(keygenPath, ['-R', ip]);
  const said = outcome.output ? ` It said: ${outcome.output}` : '';
  if (outcome.ok) {
    ctx.log.info(`ssh-keygen -R ${ip}: done.${said}`);
    ctx.input().info(`Removed the old host key of ${ip} from known_hosts (ssh-keygen -R ${ip}).${said}`);
  } else {
    ctx.log.warn(`ssh-keygen -R ${ip} failed: ${outcome.reason}.${said}`);
    ctx.input().warn(`ssh-keygen -R ${ip} failed (${outcome.reason}).${said}`);
  }
}

/** Runs the program without a shell and reports its exit and its output, made one plain line. */
function run(file: string, args: string[]): Promise<{ ok: boolean; reason: string; output: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { shell: false, timeout: 15_000, windowsHide: true }, (error, stdout, stderr) => {
      const output = oneLine(`${stdout}\n${stderr}`);
      if (!error) return resolve({ ok: true, reason: '', output });
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? `${file} was not found; set hcloud.ssh.keygenPath` : typeof code === 'number' ? `exit code ${code}` : error.killed ? 'stopped after 15 s' : String(code ?? error.message);
      resolve({ ok: false, reason, output });
    });
  });
}

/** Control characters out, whitespace collapsed, at most 300 characters. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}
