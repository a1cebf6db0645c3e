// Starts a local program (ssh-keygen) without a shell and reports its exit and its output as one
// plain line for a message. No vscode: unit-tested in test/unit/commands/runProgram.test.ts.
import { execFile } from 'node:child_process';

export interface ProgramOutcome {
  ok: boolean;
  /** Why it failed (`exit code 255`, `… was not found`), empty when ok. */
  reason: string;
  /** stdout and stderr, control characters out, whitespace collapsed, at most 300 characters. */
  output: string;
}

/** Runs `file` with `args` (execFile, no shell) for at most `timeoutMs`; never rejects. */
export function runProgram(file: string, args: string[], notFound: string, timeoutMs = 15_000): Promise<ProgramOutcome> {
  return new Promise((resolve) => {
    execFile(file, args, { shell: false, timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      const output = oneLine(`${stdout}\n${stderr}`);
      if (!error) return resolve({ ok: true, reason: '', output });
      const code = (error as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT' ? notFound : error.killed ? `stopped after ${Math.round(timeoutMs / 1000)} s` : typeof code === 'number' ? `exit code ${code}` : String(code ?? error.message);
      resolve({ ok: false, reason, output });
    });
  });
}

/** Control characters out, whitespace collapsed, at most 300 characters. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}
