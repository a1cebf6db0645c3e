import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { defaultConnectSeams, type ConnectSeams } from './commands/connect/seams';
import type { CommandContext } from './commands/context';
import { ActionFeed } from './projects/actionFeed';
import { ClientPool } from './projects/clientPool';
import { ProjectStore, tokenKey } from './projects/projectStore';
import { TreeRaceGuard } from './tree/treeRaceGuard';
import { ProjectsTreeProvider } from './tree/projectsTreeProvider';
import { RequestStatusBar } from './tree/requestStatusBar';
import { VscodeUserInput, type UserInput } from './ui/userInput';
import { noticeReadOnlyTokens } from './ui/readOnlyNotice';
import { LazyPanels } from './webview/lazyPanels';
import type { MetricsPanels } from './webview/metricsPanels';
import type { ActionLogManager } from './webview/actionLogManager';
import type { FirewallRulesPanels } from './webview/firewallRulesPanels';
import type { ConsolePanels } from './webview/consolePanels';
import type { CostsPanels } from './webview/costsPanel';

/** What activate() returns. `testing` exists only when VS Code runs the extension's tests. */
export interface HcloudExtensionApi {
  testing?: {
    setUserInput(input: UserInput | undefined): void;
    /** Whether SecretStorage holds a token for the project (never the token itself). */
    hasStoredToken(projectId: string): Promise<boolean>;
    /** Every key and value the extension keeps in global state, to prove no token is there. */
    globalStateJson(): string;
    readonly projects: ProjectStore;
    readonly tree: ProjectsTreeProvider;
    readonly metricsPanels: MetricsPanels;
    readonly actionLogs: ActionLogManager;
    readonly treeView: vscode.TreeView<unknown>;
    readonly firewallRules: FirewallRulesPanels;
    /** Where the rules editor keeps its drafts. */
    readonly workspaceState: vscode.Memento;
    /** Open Folder on Server's and SSH When Ready's seams: tests swap the probe and observe the commands. */
    readonly connect: ConnectSeams;
    /** The open console panels. */
    readonly consolePanels: ConsolePanels;
    /** The open costs panels. */
    readonly costsPanels: CostsPanels;
    /** The status bar's request item (what it shows). */
    readonly requestStatus: RequestStatusBar;
  };
}

/**
 * Builds the object graph and pushes every disposable; no network work happens here. The panel
 * managers are built on first use (./webview/lazyPanels.ts), except when VS Code runs the tests,
 * which get them at once.
 */
export function activate(context: vscode.ExtensionContext): HcloudExtensionApi | Promise<HcloudExtensionApi> {
  const log = vscode.window.createOutputChannel('Hetzner Cloud', { log: true });
  const projects = new ProjectStore(context.globalState, context.secrets);
  const clients = new ClientPool(projects, log);
  const tree = new ProjectsTreeProvider(projects, clients.forSource('tree'), context.globalState);
  // VS Code sees the tree through a guard against its refresh-while-listing race (./tree/treeRaceGuard.ts).
  const treeGuard = new TreeRaceGuard(tree);
  const treeView = vscode.window.createTreeView('hcloud.projects', { treeDataProvider: treeGuard, showCollapseAll: true, canSelectMany: true });
  tree.attachView(treeGuard.revealAfterChanges(treeView)); // its reveals wait until VS Code has the changes fired before them
  // Each consumer's calls carry who sent them, for the status bar's "who spent the requests".
  const panelClients = clients.forSource('panels');
  const requestStatus = new RequestStatusBar(projects, clients, treeView);

  const realInput = new VscodeUserInput();
  let input: UserInput = realInput;
  const actionFeed = new ActionFeed();
  const panels = new LazyPanels({
    metrics: {
      extensionUri: context.extensionUri, projects, clients: panelClients, log, input: () => input,
      serverStatus: (projectId, id) => tree.projectNode(projectId)?.folders.servers.find(String(id))?.server.status,
    },
    actionLog: { extensionUri: context.extensionUri, log, projects, clients: clients.forSource('actionLog'), feed: actionFeed, tree },
    firewallRules: { extensionUri: context.extensionUri, log, projects, clients: panelClients, feed: actionFeed, tree, drafts: context.workspaceState, input: () => input },
    console: { extensionUri: context.extensionUri, log, projects, clients: panelClients },
    costs: { extensionUri: context.extensionUri, log, projects, tree, input: () => input },
  });
  const ctx: CommandContext = {
    projects,
    clients,
    tree,
    log,
    input: () => input,
    metricsPanels: () => panels.metrics(),
    actionFeed,
    actionLogs: () => panels.actionLogs(),
    firewallRules: () => panels.firewallRules(),
    costsPanels: () => panels.costs(),
    connect: defaultConnectSeams(context.globalState),
    consolePanels: () => panels.console(),
  };

  // The workspace-bound project's warnings (a name no project has) offer Bind Workspace to Project.
  tree.workspace.usePrompts({ input: () => input, bind: () => vscode.commands.executeCommand('hcloud.workspace.bindProject') });
  context.subscriptions.push(log, projects, clients, tree, treeGuard, treeView, requestStatus, panels, ...panels.registerSerializers(), ...registerCommands(ctx));
  context.subscriptions.push(noticeReadOnlyTokens(projects, () => input)); // said once when a token turns out read-only

  if (context.extensionMode !== vscode.ExtensionMode.Test) return {};
  return Promise.all([panels.metrics(), panels.actionLogs(), panels.firewallRules(), panels.console(), panels.costs()]).then(([metricsPanels, actionLogs, firewallRules, consolePanels, costsPanels]) => ({
    testing: {
      setUserInput: (i) => (input = i ?? realInput),
      hasStoredToken: async (id) => (await context.secrets.get(tokenKey(id))) !== undefined,
      globalStateJson: () => JSON.stringify(context.globalState.keys().map((k) => [k, context.globalState.get(k)])),
      projects,
      tree,
      metricsPanels,
      actionLogs,
      treeView,
      firewallRules,
      workspaceState: context.workspaceState,
      connect: ctx.connect,
      consolePanels,
      costsPanels,
      requestStatus,
    },
  }));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
