// Read-only projects, a guard for production: a project marked so (by the user, or because its API
// token answered `token_readonly`) gets no write command, from a menu or the palette. Pure: no vscode.
// Not to be confused with the environment project's being fixed (it cannot be renamed or removed:
// `source: 'environment'`), which says nothing about writes.

/** Why a project is read-only: `user` marked it (Mark Project Read-Only), or its `token` is a read-only API token. */
export type ReadOnlyReason = 'user' | 'token';

export function isReadOnlyReason(value: unknown): value is ReadOnlyReason {
  return value === 'user' || value === 'token';
}

/** The state in words, for the project row's description and tooltip. */
export function readOnlyWords(reason: ReadOnlyReason): string {
  return reason === 'user' ? 'read-only (marked)' : 'read-only token';
}

/**
 * A project name as a notification may show it: VS Code turns `[text](command:…)` in a notification
 * into a link, so the `](` that would make one is split.
 */
export function noticeName(name: string): string {
  return name.replace(/\]\s*\(/g, '] (');
}

/** Why a write command refuses to run on the project (nothing is sent), and what lifts it. */
export function readOnlyRefusal(name: string, reason: ReadOnlyReason): string {
  const n = noticeName(name);
  return reason === 'user'
    ? `Project "${n}" is marked read-only: write commands are off. Run "Mark Project Writable" to change it.`
    : `Project "${n}" has a read-only API token: write commands are off. Update Token to write.`;
}

/** Said once, when an answer `token_readonly` marks the project. */
export function tokenReadOnlyNotice(name: string): string {
  return `Project "${noticeName(name)}" has a read-only API token: write commands are hidden. Update Token to write.`;
}
