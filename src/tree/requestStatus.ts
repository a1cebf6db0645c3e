// What the status bar's request item shows (./requestStatusBar.ts puts it on screen): which project is
// the active one, its remaining requests out of its limit, the colour when they run low, and a tooltip
// that says who spent the last hour's requests. Pure: no vscode, so it is unit-tested in plain Node.

import { formatClock, refilled } from '../api/rateLimit';
import type { BudgetState } from '../api/transport';
import { REQUEST_SOURCES, SOURCE_WORDS, type RequestSource } from '../projects/requestUsage';
import { formatDuration } from '../shared/duration';
import { md, UNSHOWABLE_CHARACTER } from './format';
import { BUDGET_SLOW_BELOW, BUDGET_STOP_BELOW, remainingFraction } from './refreshPolicy';

export type BudgetLevel = 'normal' | 'warning' | 'error';

/** Why a project is the active one. */
export type ActiveReason = 'bound' | 'selected' | 'first';

/**
 * The active project: the workspace-bound one (by name: `hcloud.workspace.project`), else the project
 * of the tree's selection, else the first. A bound or selected project that is not there counts as unset.
 */
export function activeProject<P extends { readonly id: string; readonly name: string }>(
  projects: readonly P[],
  boundName: string | undefined,
  selectedId: string | undefined,
): { project: P; reason: ActiveReason } | undefined {
  const bound = boundName === undefined ? undefined : projects.find((p) => p.name === boundName);
  if (bound) return { project: bound, reason: 'bound' };
  const selected = selectedId === undefined ? undefined : projects.find((p) => p.id === selectedId);
  if (selected) return { project: selected, reason: 'selected' };
  return projects.length ? { project: projects[0], reason: 'first' } : undefined;
}

/**
 * The item's colour: a warning below 20 % of the limit left, an error below 5 %: the thresholds at which
 * the tree's background refreshes slow down and stop (./refreshPolicy.ts), so the colour says they do.
 */
export function budgetLevel(budget: BudgetState | undefined): BudgetLevel {
  const share = remainingFraction(budget);
  if (share === undefined) return 'normal';
  return share < BUDGET_STOP_BELOW ? 'error' : share < BUDGET_SLOW_BELOW ? 'warning' : 'normal';
}

/** A budget read at `readAt`, estimated for `now` (refilled at limit/hour): for a project whose client was replaced since. */
export function budgetSince(last: BudgetState, readAt: number, now: number): BudgetState {
  const left = refilled(last.remaining, Math.max(0, now - readAt), last.limit);
  return { limit: last.limit, remaining: Math.floor(left), resetAt: new Date(Math.max(now, last.resetAt.getTime())), queued: 0 };
}

export interface RequestStatusView {
  /** The item's text, with its icon (`$(cloud)`); the project's name cannot add icons. */
  text: string;
  level: BudgetLevel;
  /** Markdown source: the project's name escaped, the rest our own words. */
  tooltip: string;
  /** For screen readers. */
  ariaLabel: string;
}

const LOW_WORDS = {
  warning: 'Running low: the tree refreshes half as often until it refills.',
  error: 'Almost used up: the tree stops refreshing by itself until it refills; what you do still goes.',
};

const count = (n: number) => n.toLocaleString('en-US');

/** A name in status bar text: no control characters, and `$(` cannot start an icon. */
function plain(name: string): string {
  return name.replace(new RegExp(UNSHOWABLE_CHARACTER.source, 'g'), ' ').replace(/\$\(/g, '\\$(');
}

const REASON_WORDS: Record<ActiveReason, string> = {
  bound: 'the project this workspace is bound to',
  selected: 'the project of the selection in the Hetzner Cloud view',
  first: 'the first project',
};

export function requestStatus(
  project: { readonly name: string },
  reason: ActiveReason,
  budget: BudgetState | undefined,
  usage: Readonly<Record<RequestSource, number>>,
  now: number,
): RequestStatusView {
  const name = plain(project.name);
  const title = `**Hetzner Cloud requests of ${md(project.name)}** (${REASON_WORDS[reason]})`;
  const spent = REQUEST_SOURCES.map((s) => `- ${SOURCE_WORDS[s]}: ${count(usage[s])}`);
  const total = REQUEST_SOURCES.reduce((sum, s) => sum + usage[s], 0);
  const byWho = [`Sent from this window in the last hour: ${count(total)}`, '', ...spent];
  const click = 'Click to show the request log.';
  if (!budget) {
    return {
      text: `$(cloud) ${name}: budget not known yet`,
      level: 'normal',
      tooltip: [title, '', 'The request budget is not known yet: it shows after the first answer of the API.', '', ...byWho, '', click].join('\n'),
      ariaLabel: `Hetzner Cloud requests of ${project.name}: the budget is not known yet`,
    };
  }
  const level = budgetLevel(budget);
  const left = `${count(budget.remaining)}/${count(budget.limit)}`;
  const share = budget.limit > 0 ? Math.floor((budget.remaining / budget.limit) * 100) : 0;
  const full = budget.remaining >= budget.limit
    ? 'The budget is full.'
    : `Full again at ${formatClock(budget.resetAt)} (in ${formatDuration(Math.max(0, budget.resetAt.getTime() - now))}).`;
  const queued = budget.queued ? [`${count(budget.queued)} waiting for their turn.`] : [];
  const lines = [
    title,
    '',
    `${count(budget.remaining)} of ${count(budget.limit)} requests left this hour (${share} %). ${full}`,
    ...queued,
    ...(level === 'normal' ? [] : ['', LOW_WORDS[level]]),
    '',
    ...byWho,
    '',
    click,
  ];
  return {
    text: `$(cloud) ${name} ${left}`,
    level,
    tooltip: lines.join('\n'),
    ariaLabel: `Hetzner Cloud requests of ${project.name}: ${count(budget.remaining)} of ${count(budget.limit)} left`,
  };
}
