// The status bar's request item: the active project (./requestStatus.ts chooses it) and its remaining
// requests out of its limit, coloured when low, with a tooltip saying who spent the last hour's
// requests; a click shows the request log (`hcloud.showLog`). Hidden while there is no project.
// It reads what the client pool already knows and sends nothing: it is drawn again after answers
// (throttled), when the projects, the tree's selection or the workspace binding change, and every
// half minute while shown (the budget refills and the hour slides on without a request).

import * as vscode from 'vscode';
import type { BudgetState } from '../api/transport';
import type { ClientPool } from '../projects/clientPool';
import type { ProjectStore } from '../projects/projectStore';
import { onDidChangeWorkspaceBinding, readWorkspaceBinding } from '../projects/workspaceBinding';
import { activeProject, budgetSince, requestStatus, type BudgetLevel } from './requestStatus';

export const REQUEST_STATUS_ID = 'hcloud.requests';
/** The longest an answer waits to be shown, and the most often the item is drawn for answers. */
export const ANSWER_THROTTLE_MS = 250;
const REDRAW_MS = 30_000;

const BACKGROUND: Record<BudgetLevel, vscode.ThemeColor | undefined> = {
  normal: undefined,
  warning: new vscode.ThemeColor('statusBarItem.warningBackground'),
  error: new vscode.ThemeColor('statusBarItem.errorBackground'),
};

/** The tree's selection, as far as the item needs it: each node's project. */
export type ProjectSelection = Pick<vscode.TreeView<{ readonly project: { readonly id: string } }>, 'selection' | 'onDidChangeSelection'>;

/** What the item shows now (the integration tests read it). */
export interface RequestStatusShown {
  visible: boolean;
  text: string;
  tooltip: string;
  level: BudgetLevel;
  command: string | undefined;
}

export class RequestStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(REQUEST_STATUS_ID, vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  /** Per project, the budget last read and when: shown (refilled) while a replaced client has had no answer yet. */
  private readonly lastBudget = new Map<string, { state: BudgetState; at: number }>();
  private selected: string | undefined;
  /** The workspace-bound project's name, read when the setting changes. */
  private bound = readWorkspaceBinding().project;
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly rereads = new Set<ReturnType<typeof setTimeout>>();
  private redraw: ReturnType<typeof setInterval> | undefined;
  private current: RequestStatusShown = { visible: false, text: '', tooltip: '', level: 'normal', command: undefined };

  constructor(
    private readonly projects: ProjectStore,
    private readonly clients: ClientPool,
    private readonly selection: ProjectSelection,
    private readonly now: () => number = Date.now,
  ) {
    this.item.name = 'Hetzner Cloud Requests';
    this.item.command = 'hcloud.showLog';
    this.disposables.push(
      this.item,
      projects.onDidChange(() => this.update()),
      onDidChangeWorkspaceBinding(() => {
        this.bound = readWorkspaceBinding().project;
        this.update();
      }),
      // A selection made by reveal() can come before the view knows its nodes (an empty list): read it again shortly.
      selection.onDidChangeSelection((e) => {
        this.update();
        if (!e.selection.length) this.reread();
      }),
      clients.onDidAnswer(() => this.soon()),
    );
    this.update();
  }

  /** What the item shows now. */
  get shown(): RequestStatusShown {
    return this.current;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.rereads.forEach((t) => clearTimeout(t));
    if (this.redraw) clearInterval(this.redraw);
    this.disposables.forEach((d) => d.dispose());
  }

  /** Reads the selection again after a quarter of a second and after a second. */
  private reread(): void {
    for (const ms of [ANSWER_THROTTLE_MS, 1000]) {
      const timer = setTimeout(() => {
        this.rereads.delete(timer);
        this.update();
      }, ms);
      this.rereads.add(timer);
    }
  }

  /** Draws the item once within ANSWER_THROTTLE_MS, however many answers come (the budget has taken each in by then). */
  private soon(): void {
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.update();
    }, ANSWER_THROTTLE_MS);
  }

  private update(): void {
    const now = this.now();
    // The latest selected row whose project is still there (a multi-selection can hold rows of a
    // removed project); an empty selection keeps the project last selected.
    const projects = this.projects.list();
    const present = new Set(projects.map((p) => p.id));
    this.selected = [...this.selection.selection].reverse().find((n) => present.has(n.project.id))?.project.id ?? this.selected;
    const active = activeProject(projects, this.bound, this.selected);
    if (!active) return this.hide();
    const { project, reason } = active;
    const view = requestStatus(project, reason, this.budgetOf(project.id, now), this.clients.usageOf(project.id, now), now);
    this.item.text = view.text;
    this.item.tooltip = new vscode.MarkdownString(view.tooltip);
    this.item.backgroundColor = BACKGROUND[view.level];
    this.item.accessibilityInformation = { label: view.ariaLabel, role: 'button' };
    this.item.show();
    this.redraw ??= setInterval(() => this.update(), REDRAW_MS);
    this.current = { visible: true, text: view.text, tooltip: view.tooltip, level: view.level, command: 'hcloud.showLog' };
  }

  private hide(): void {
    this.item.hide();
    if (this.redraw) clearInterval(this.redraw);
    this.redraw = undefined;
    this.current = { ...this.current, visible: false };
  }

  private budgetOf(projectId: string, now: number): BudgetState | undefined {
    const state = this.clients.budgetOf(projectId);
    if (state) {
      this.lastBudget.set(projectId, { state, at: now });
      return state;
    }
    const last = this.lastBudget.get(projectId);
    return last && budgetSince(last.state, last.at, now);
  }
}
