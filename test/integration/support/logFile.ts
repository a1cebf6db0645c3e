// The "Hetzner Cloud" log channel as a test reads it: its file (code-server keeps it under
// <cwd>/user-data/logs/), and its text once it shows a line (the channel writes asynchronously).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The log channel's file, if it was written yet. */
export function logFile(): string | undefined {
  const find = (dir: string): string | undefined => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isFile() && e.name === 'Hetzner Cloud.log') return path;
      const found = e.isDirectory() ? find(path) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return find(join(process.env.VSCODE_CWD ?? '', 'user-data', 'logs'));
}

/** Waits (up to 5 s) until the log shows `line`; its whole text. Fails the test when it never does. */
export async function logShowing(line: string): Promise<string> {
  let text = '';
  for (let i = 0; i < 50 && !text.includes(line); i++) {
    const file = logFile();
    text = file ? readFileSync(file, 'utf8') : '';
    if (!text.includes(line)) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(text.includes(line), `the log shows "${line}"`);
  return text;
}
