// The workspace-bound project in the tree: the project `hcloud.workspace.project` names is listed
// first and opens expanded, listed with the label selector of `hcloud.workspace.filter` (the rules are
// ./workspaceOrder.ts). The settings are followed live. A selector the user clears (or changes) on the
// bound project stays so for the session: the workspace's is set aside until the settings change or
// the window reloads. A name no project has, or a filter that is not a selector, is said once.

import * as vscode from 'vscode';
import type { Project } from '../projects/projectStore';
import { onDidChangeWorkspaceBinding, readWorkspaceBinding } from '../projects/workspaceBinding';
import type { UserInput } from '../ui/userInput';
import type { TreeNode } from './node';
import {
  badFilterMessage, BIND_BUTTON, boundFirst, boundProject, filterProblem, unknownProjectMessage, workspaceSelector, type BindingSettings, type WorkspaceRole,
} from './workspaceOrder';

/** What the binding asks of the tree provider. */
export interface BoundTree {
  /** The bound project's node, if it is in the tree. */
  projectNode(projectId: string): TreeNode | undefined;
  /** A project's label selector changed: its labelled folders are listed again. */
  selectorChanged(projectId: string): void;
  /** Redraws a node, or (undefined) the roots: their order and rows. */
  changed(node?: TreeNode): void;
}

/** How the warnings reach the user (set by activate(): the tests script the same UserInput). */
export interface BoundPrompts {
  input(): UserInput;
  /** Runs Bind Workspace to Project. */
  bind(): unknown;
}

/** Settings changes closer than this are applied once (Bind writes both settings, one after the other). */
const SETTLE_MS = 50;

export class WorkspaceProject implements vscode.Disposable {
  private settings: BindingSettings = readWorkspaceBinding();
  /** The user cleared or changed the bound project's selector: the workspace's is set aside for the session. */
  private setAside = false;
  /** Warnings already shown this session (`project:<name>`, `filter:<text>`). */
  private readonly warned = new Set<string>();
  private prompts: BoundPrompts | undefined;
  private view: vscode.TreeView<TreeNode> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Settings writes on their way (whileWriting), and whether the settings changed meanwhile. */
  private writing = 0;
  private changedWhileWriting = false;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly projects: () => readonly Project[],
    private readonly tree: BoundTree,
  ) {
    this.subscription = onDidChangeWorkspaceBinding(() => {
      clearTimeout(this.timer);
      if (this.writing > 0) this.changedWhileWriting = true;
      else this.timer = setTimeout(() => this.settingsChanged(), SETTLE_MS);
    });
  }

  /** Runs `write` (a command writing both settings); the tree applies the new settings once, after it. */
  async whileWriting(write: () => Promise<void>): Promise<void> {
    this.writing++;
    try {
      await write();
    } finally {
      if (--this.writing === 0 && this.changedWhileWriting) {
        this.changedWhileWriting = false;
        this.settingsChanged();
      }
    }
  }

  usePrompts(prompts: BoundPrompts): void {
    this.prompts = prompts;
  }

  attachView(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }

  /** The bound project's id, when a project has the name. */
  boundId(): string | undefined {
    return boundProject(this.projects(), this.settings)?.id;
  }

  /** The roots with the bound project first; says once when the name or the filter is wrong. */
  ordered<N extends { readonly project: Project }>(roots: readonly N[]): N[] {
    this.warnOnce();
    const id = this.boundId();
    return boundFirst(roots, roots.find((r) => r.project.id === id));
  }

  /** The workspace's selector for this project, or undefined (not the bound project, none, invalid, or set aside). */
  selectorOf(projectId: string): string | undefined {
    return projectId === this.boundId() ? workspaceSelector(this.settings, this.setAside) : undefined;
  }

  /** What the project's row says about the workspace: undefined when it is not the bound project. */
  role(projectId: string): WorkspaceRole | undefined {
    if (projectId !== this.boundId()) return undefined;
    return { filter: this.selectorOf(projectId), filterProblem: filterProblem(this.settings) };
  }

  /** The user sets (or clears) the project's selector: on the bound project, the workspace's is set aside for the session. */
  userChose(projectId: string): void {
    if (this.selectorOf(projectId) !== undefined) this.setAside = true;
  }

  /** Applies new settings: the projects whose selector changed are listed again, the roots redrawn, the bound project opened. */
  private settingsChanged(): void {
    const before = this.boundId();
    const selectorBefore = before === undefined ? undefined : this.selectorOf(before);
    this.settings = readWorkspaceBinding();
    this.setAside = false; // the settings were changed on purpose: they apply again
    const after = this.boundId();
    for (const id of new Set([before, after])) {
      const was = id === before ? selectorBefore : undefined;
      if (id !== undefined && was !== this.selectorOf(id)) this.tree.selectorChanged(id);
    }
    this.tree.changed(undefined);
    this.warnOnce();
    const node = after === undefined ? undefined : this.tree.projectNode(after);
    if (node && this.view?.visible) void this.view.reveal(node, { expand: true, select: false, focus: false });
  }

  /** The warnings, each once a session per name or filter text. */
  private warnOnce(): void {
    const { project, filter } = this.settings;
    const bound = boundProject(this.projects(), this.settings);
    if (project !== undefined && !bound) this.warn(`project:${project}`, unknownProjectMessage(project), true);
    const problem = filterProblem(this.settings);
    if (filter !== undefined && problem !== undefined) this.warn(`filter:${filter}`, badFilterMessage(filter, problem, bound?.name), false);
  }

  private warn(key: string, message: string, offerBind: boolean): void {
    const prompts = this.prompts;
    if (!prompts || this.warned.has(key)) return;
    this.warned.add(key);
    if (!offerBind) return prompts.input().warn(message);
    void prompts.input().offer(message, [BIND_BUTTON], { warning: true }).then((chosen) => {
      if (chosen === BIND_BUTTON) void prompts.bind();
    });
  }
}
