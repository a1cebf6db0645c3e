// The change check of a folder too large to list every interval (servers beyond one page): one
// request for the newest actions, compared with the previous answer. What started or ended since
// is fetched alone (a GET per server); what only a full listing shows (a new server, more changes
// than one page holds, Floating IPs and images) marks those folders stale for RefreshPolicy.
// No vscode: the tree (pollScheduler.ts) and the idle benchmark run this same code.
//
// The list asked: today's API, GET /servers/actions (the actions started on servers); the 2018
// contract, GET /actions (every kind). Both `sort=id:desc`, one page of CHECK_PAGE. While the era is
// unknown the per-kind list is tried first and a refusal switches to /actions; when both are
// refused the check is unavailable and the folder is only listed.
// Renames and label changes start no action: the periodic full listing shows them.

import type { HcloudClient } from '../api/client';
import { isRefusal } from '../api/resources/actions';
import type { Action, ActionListParams, ResourceRef } from '../api/types';
import type { ListWhat, PolledKind } from './fetch';

/** Actions read per check: the API's largest page. */
export const CHECK_PAGE = 50;

export interface CheckOutcome {
  /** Resources of the actions that started or changed status since the last check (at the first: the running ones). */
  changed: ResourceRef[];
  /** The page holds only new actions: more may have happened than it shows. */
  overflow: boolean;
}

/** What the tree does after a check: GET these resources (polling them while they are in transition), list these folders. */
export interface CheckWork {
  poll: Array<{ kind: PolledKind; id: number }>;
  stale: ListWhat[];
}

/** The last page a check saw: each action by id, and the newest id seen so far. */
export interface CheckMemory {
  actions: Map<number, Action>;
  newest: number;
}

/** One per folder: remembers the last page (the first run only learns it) and which list answers. */
export class ChangeCheck {
  private memory: CheckMemory | undefined;
  private list: 'kind' | 'all' | undefined;

  /** One request (two when the era is unknown and the first form is refused); undefined when the API has no list to check. */
  async run(client: HcloudClient, signal?: AbortSignal): Promise<CheckOutcome | undefined> {
    const page = await this.fetch(client, signal);
    if (!page) return undefined;
    const { outcome, memory } = compareActions(this.memory, page, CHECK_PAGE);
    this.memory = memory;
    return outcome;
  }

  private async fetch(client: HcloudClient, signal: AbortSignal | undefined): Promise<Action[] | undefined> {
    const params: ActionListParams = { sort: 'id:desc', perPage: CHECK_PAGE };
    const era = client.era;
    const order: Array<'kind' | 'all'> = this.list ? [this.list] : era === '2018' ? ['all'] : era === '2026' ? ['kind'] : ['kind', 'all'];
    for (const list of order) {
      try {
        const r = list === 'kind' ? await client.servers.listKindActions(params, { signal, priority: 'background' }) : await client.actions.list(params, { signal, priority: 'background' });
        this.list = list;
        return r.items;
      } catch (e) {
        if (!isRefusal(e)) throw e;
      }
    }
    return undefined;
  }
}

/** Compares a page of the newest actions (id descending) with the last one; pure. */
export function compareActions(last: CheckMemory | undefined, page: readonly Action[], perPage: number): { outcome: CheckOutcome; memory: CheckMemory } {
  const newest = Math.max(last?.newest ?? 0, ...page.map((a) => a.id));
  const memory: CheckMemory = { actions: new Map(page.map((a) => [a.id, a])), newest };
  if (!last) return { outcome: { changed: uniqueResources(page.filter((a) => a.status === 'running')), overflow: false }, memory };
  const changed = page.filter((a) => a.id > last.newest || (last.actions.has(a.id) && last.actions.get(a.id)?.status !== a.status));
  // A running action pushed off the page by newer ones may have ended unseen.
  const gone = [...last.actions.values()].filter((a) => a.status === 'running' && !memory.actions.has(a.id));
  const overflow = page.length >= perPage && page.every((a) => a.id > last.newest);
  return { outcome: { changed: uniqueResources([...changed, ...gone]), overflow }, memory };
}

function uniqueResources(actions: readonly Action[]): ResourceRef[] {
  const seen = new Map<string, ResourceRef>();
  for (const a of actions) for (const r of a.resources) seen.set(`${r.type}/${r.id}`, r);
  return [...seen.values()];
}

/** The tree's work after a check: servers are fetched alone; Floating IPs and images are listed (their folders are small). */
export function checkWork(outcome: CheckOutcome): CheckWork {
  const poll: CheckWork['poll'] = [];
  const stale = new Set<ListWhat>();
  if (outcome.overflow) stale.add('servers');
  for (const r of outcome.changed) {
    if (r.type === 'server') poll.push({ kind: 'server', id: r.id });
    else if (r.type === 'floating_ip') stale.add('floatingIps');
    else if (r.type === 'image') {
      stale.add('snapshots');
      stale.add('backups');
    }
  }
  return { poll, stale: [...stale] };
}
