// The words of a bulk action on a multi-selection of servers (pure, no vscode, unit-tested): the
// servers named (at most ten, then "and N more"; by project when they come from several), what is
// skipped and why, and the one summary at the end with a result per server.

/** At most this many servers are named in a confirmation; the rest are counted. */
export const MAX_NAMED = 10;

/** `1 server`, `3 servers`. */
export function servers(n: number): string {
  return `${n} server${n === 1 ? '' : 's'}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinAnd(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** A server as a bulk action names it: its name and its project's. */
export interface Named {
  name: string;
  project: string;
}

/**
 * `web-1, web-2 and web-3`; from several projects `web-1 and web-2 in "prod"; db-1 in "test"`; past
 * `max` names: `web-1, …, web-10 and 5 more`.
 */
export function nameList(items: readonly Named[], max = MAX_NAMED): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const projects = [...new Set(items.map((i) => i.project))];
  const tail = more > 0 ? ` and ${more} more` : '';
  if (projects.length <= 1) return more > 0 ? `${shown.map((i) => i.name).join(', ')}${tail}` : joinAnd(shown.map((i) => i.name));
  const groups = projects
    .map((p) => ({ p, names: shown.filter((i) => i.project === p).map((i) => i.name) }))
    .filter((g) => g.names.length > 0)
    .map((g) => `${joinAnd(g.names)} in "${g.p}"`);
  return `${groups.join('; ')}${tail}`;
}

/** A selected server the action leaves alone, and why (`it is off`, `delete protection`). */
export interface Skip extends Named {
  reason: string;
}

/** `Skipped: web-4 (it is off), web-5 (delete protection); 2 selected rows that are not servers.` or ''. */
export function skippedText(skips: readonly Skip[], others: number): string {
  const parts: string[] = [];
  if (skips.length > 0) parts.push(`Skipped: ${skips.map((s) => `${s.name} (${s.reason})`).join(', ')}`);
  if (others === 1) parts.push('1 selected row that is not a server is skipped');
  if (others > 1) parts.push(`${others} selected rows that are not servers are skipped`);
  return parts.length ? `${parts.join('; ')}.` : '';
}

/** What became of one server: done, failed (the API's words), or no longer waited for / not sent after Cancel. */
export type Outcome =
  | { name: string; state: 'done' }
  | { name: string; state: 'failed'; text: string }
  | { name: string; state: 'waiting' }
  | { name: string; state: 'notSent' };

/**
 * The one message after a batch: `2 of 3 servers powered off; web-3: <the API's message>`, then the
 * servers Cancel left (`no longer waiting for web-2 (its action goes on)`, `not sent: web-4`) and
 * the skipped ones.
 */
export function summary(done: string, outcomes: readonly Outcome[], skips: readonly Skip[] = []): string {
  const ok = outcomes.filter((o) => o.state === 'done').length;
  const parts = [`${ok} of ${servers(outcomes.length)} ${done}`];
  for (const o of outcomes) if (o.state === 'failed') parts.push(`${o.name}: ${o.text}`);
  const waiting = outcomes.filter((o) => o.state === 'waiting').map((o) => o.name);
  if (waiting.length) parts.push(`no longer waiting for ${joinAnd(waiting)} (${waiting.length === 1 ? 'its action goes' : 'their actions go'} on)`);
  const notSent = outcomes.filter((o) => o.state === 'notSent').map((o) => o.name);
  if (notSent.length) parts.push(`not sent (cancelled): ${joinAnd(notSent)}`);
  if (skips.length) parts.push(`skipped: ${skips.map((s) => `${s.name} (${s.reason})`).join(', ')}`);
  const text = parts.join('; ');
  return text.endsWith('.') ? text : `${text}.`;
}
