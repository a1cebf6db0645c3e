import type * as vscode from 'vscode';
import type { ActionFeed } from '../projects/actionFeed';
import type { ClientPool } from '../projects/clientPool';
import type { ProjectStore } from '../projects/projectStore';
import type { ProjectsTreeProvider } from '../tree/projectsTreeProvider';
import type { UserInput } from '../ui/userInput';

/** What command handlers need; built once in activate() and passed in (no globals). */
export interface CommandContext {
  readonly projects: ProjectStore;
  readonly clients: ClientPool;
  readonly tree: ProjectsTreeProvider;
  readonly log: vscode.LogOutputChannel;
  /** Actions the commands start, for open action logs. */
  readonly actionFeed: ActionFeed;
  /** Read at each use so tests can swap in scripted answers. */
  input(): UserInput;
}
