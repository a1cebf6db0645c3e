import type * as vscode from 'vscode';
import type { ActionFeed } from '../projects/actionFeed';
import type { ClientPool } from '../projects/clientPool';
import type { ProjectStore } from '../projects/projectStore';
import type { ProjectsTreeProvider } from '../tree/projectsTreeProvider';
import type { UserInput } from '../ui/userInput';
import type { ConnectSeams } from './connect/seams';
import type { ActionLogManager } from '../webview/actionLogManager';
import type { MetricsPanels } from '../webview/metricsPanels';
import type { FirewallRulesPanels } from '../webview/firewallRulesPanels';
import type { CostsPanels } from '../webview/costsPanel';
import type { ConsolePanels } from '../webview/consolePanels';

/** What command handlers need; built once in activate() and passed in (no globals). */
export interface CommandContext {
  readonly projects: ProjectStore;
  readonly clients: ClientPool;
  readonly tree: ProjectsTreeProvider;
  readonly log: vscode.LogOutputChannel;
  /** The open metrics panels (one per server), loaded on first use. */
  metricsPanels(): Promise<MetricsPanels>;
  /** Actions the commands start, for open action logs. */
  readonly actionFeed: ActionFeed;
  /** The open action logs (one per project and per resource), loaded on first use. */
  actionLogs(): Promise<ActionLogManager>;
  /** The open Firewall rules editors (one per firewall), loaded on first use. */
  firewallRules(): Promise<FirewallRulesPanels>;
  /** The open costs panels (one per project), loaded on first use. */
  costsPanels(): Promise<CostsPanels>;
  /** What Open Folder on Server and SSH When Ready reach outside (the TCP probe, commands); tests replace parts. */
  readonly connect: ConnectSeams;
  /** The open console panels (one per server), loaded on first use. */
  consolePanels(): Promise<ConsolePanels>;
  /** Read at each use so tests can swap in scripted answers. */
  input(): UserInput;
  /** Set while a write command runs (./access.ts): its project picker then refuses read-only projects. */
  readonly writes?: boolean;
}
