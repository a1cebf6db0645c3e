// Who spent a project's requests in the last hour: every HTTP exchange (retries and pages included,
// as the API's budget counts them) is noted with its sender, and counted over a sliding hour.
// Pure: no vscode, the clock passed in, so unit tests can move time.

import { RATE_LIMIT_WINDOW_MS } from '../api/rateLimit';

/** Who sends a project's requests: the tree (listings, polls, totals), the action log, the other panels, the commands. */
export type RequestSource = 'tree' | 'actionLog' | 'panels' | 'commands';

export const REQUEST_SOURCES: readonly RequestSource[] = ['tree', 'actionLog', 'panels', 'commands'];

/** How the tooltip names each source. */
export const SOURCE_WORDS: Readonly<Record<RequestSource, string>> = {
  tree: 'tree',
  actionLog: 'action log',
  panels: 'panels',
  commands: 'commands',
};

export function isRequestSource(value: unknown): value is RequestSource {
  return typeof value === 'string' && (REQUEST_SOURCES as readonly string[]).includes(value);
}

export class RequestUsage {
  /** Per source, the times of its exchanges in the window, oldest first. */
  private readonly times = new Map<RequestSource, number[]>();

  constructor(private readonly windowMs: number = RATE_LIMIT_WINDOW_MS) {}

  record(source: RequestSource, at: number): void {
    const list = this.times.get(source) ?? [];
    list.push(at);
    this.times.set(source, list);
    this.prune(list, at);
  }

  /** Exchanges per source in the window ending `now` (every source, 0 where none). */
  counts(now: number): Record<RequestSource, number> {
    const out = { tree: 0, actionLog: 0, panels: 0, commands: 0 };
    for (const [source, list] of this.times) out[source] = this.prune(list, now);
    return out;
  }

  /** Forgets times older than the window; the number left. */
  private prune(list: number[], now: number): number {
    const from = now - this.windowMs;
    let old = 0;
    while (old < list.length && list[old] <= from) old++;
    if (old) list.splice(0, old);
    return list.length;
  }
}
