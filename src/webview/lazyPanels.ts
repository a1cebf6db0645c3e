// The panel managers (metrics panels, action logs, Firewall rules editors), built the first time a command or a panel
// restored after a window reload needs one: activation only registers the serializers, and
// the managers, their panel hosts and the protocols load on first use.

import * as vscode from 'vscode';
import { ACTION_LOG_VIEW_TYPE, COSTS_VIEW_TYPE, METRICS_VIEW_TYPE } from '../shared/viewTypes';
import type { ActionLogManager, ActionLogManagerDeps } from './actionLogManager';
import type { MetricsPanelDeps } from './metricsPanel';
import type { MetricsPanels } from './metricsPanels';
import { FIREWALL_RULES_VIEW_TYPE } from '../shared/viewTypes';
import type { DraftMemento } from './firewallRules/drafts';
import type { FirewallRulesEnv } from './firewallRules/source';
import type { FirewallRulesPanels } from './firewallRulesPanels';
import type { UserInput } from '../ui/userInput';
import type { CostsPanelDeps, CostsPanels } from './costsPanel';
import type { CostsSourceEnv } from './costsSource';
import type { ProjectStore } from '../projects/projectStore';
import type { ConsoleEnv } from './console/source';
import type { ConsolePanels } from './consolePanels';

/** What the console panels need: the client side (./console/source.ts) and the output channel. */
export interface ConsoleDeps extends ConsoleEnv {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
}

/** What the Firewall rules editors need: the client side (./firewallRules/source.ts) and where drafts live (workspaceState). */
export interface FirewallRulesDeps extends FirewallRulesEnv {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  drafts: DraftMemento;
  input(): UserInput;
}

/** A disposable built once, on the first `get()`; disposed with its owner if it was built. */
class OnFirstUse<T extends vscode.Disposable> implements vscode.Disposable {
  private pending: Promise<T> | undefined;
  private built: T | undefined;
  private disposed = false;

  constructor(private readonly build: () => Promise<T>) {}

  get(): Promise<T> {
    this.pending ??= this.build().then((value) => {
      this.built = value;
      // Disposed while it loaded: it never serves.
      if (this.disposed) value.dispose();
      return value;
    });
    return this.pending;
  }

  dispose(): void {
    this.disposed = true;
    this.built?.dispose();
  }
}

export class LazyPanels implements vscode.Disposable {
  private readonly metricsPanels: OnFirstUse<MetricsPanels>;
  private readonly actionLogManager: OnFirstUse<ActionLogManager>;
  private readonly firewallRulesPanels: OnFirstUse<FirewallRulesPanels>;
  /** Show Costs' panels (./costsPanel.ts). */
  private readonly costsPanels: OnFirstUse<CostsPanels>;
  private readonly consolePanels: OnFirstUse<ConsolePanels>;

  constructor(deps: { metrics: MetricsPanelDeps; actionLog: ActionLogManagerDeps; firewallRules: FirewallRulesDeps; console: ConsoleDeps; costs: CostsDeps }) {
    this.metricsPanels = new OnFirstUse(async () => new (await import('./metricsPanels')).MetricsPanels(deps.metrics));
    this.actionLogManager = new OnFirstUse(async () => new (await import('./actionLogManager')).ActionLogManager(deps.actionLog));
    this.firewallRulesPanels = new OnFirstUse(() => firewallRulesPanels(deps.firewallRules));
    this.costsPanels = new OnFirstUse(() => costsPanels(deps.costs));
    this.consolePanels = new OnFirstUse(() => consolePanels(deps.console));
  }

  /** The open costs panels (one per project). */
  costs(): Promise<CostsPanels> {
    return this.costsPanels.get();
  }

  /** The open console panels (one per server). */
  console(): Promise<ConsolePanels> {
    return this.consolePanels.get();
  }

  /** The open Firewall rules editors (one per firewall). */
  firewallRules(): Promise<FirewallRulesPanels> {
    return this.firewallRulesPanels.get();
  }

  /** The open metrics panels (one per server). */
  metrics(): Promise<MetricsPanels> {
    return this.metricsPanels.get();
  }

  /** The open action logs (one per project and per resource). */
  actionLogs(): Promise<ActionLogManager> {
    return this.actionLogManager.get();
  }

  /** The serializers that bring panels back after a window reload; register once in activate(). */
  registerSerializers(): vscode.Disposable[] {
    return [
      vscode.window.registerWebviewPanelSerializer(METRICS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => (await this.metrics()).restore(panel, state),
      }),
      vscode.window.registerWebviewPanelSerializer(ACTION_LOG_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => (await this.actionLogs()).restore(panel, state),
      }),
      vscode.window.registerWebviewPanelSerializer(FIREWALL_RULES_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => (await this.firewallRules()).restore(panel, state),
      }),
      vscode.window.registerWebviewPanelSerializer(COSTS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state) => void (await (await this.costs()).restore(panel, state)),
      }),
    ];
  }

  dispose(): void {
    this.metricsPanels.dispose();
    this.actionLogManager.dispose();
    this.firewallRulesPanels.dispose();
    this.costsPanels.dispose();
    this.consolePanels.dispose();
  }
}

/** What the costs panels need: the figures' source (./costsSource.ts) and the output channel. */
export interface CostsDeps extends CostsSourceEnv, Omit<CostsPanelDeps, 'sourceFor'> {
  projects: Pick<ProjectStore, 'get'>;
}

async function costsPanels(deps: CostsDeps): Promise<CostsPanels> {
  const [{ CostsPanels }, { costsSourceById }] = await Promise.all([import('./costsPanel'), import('./costsSource')]);
  return new CostsPanels({ ...deps, sourceFor: (projectId) => costsSourceById(deps, projectId) });
}

async function consolePanels(deps: ConsoleDeps): Promise<ConsolePanels> {
  const [{ ConsolePanels }, { requestConsole }] = await Promise.all([import('./consolePanels'), import('./console/source')]);
  return new ConsolePanels({ extensionUri: deps.extensionUri, log: deps.log, request: (target, signal) => requestConsole(deps, target, signal) });
}

async function firewallRulesPanels(deps: FirewallRulesDeps): Promise<FirewallRulesPanels> {
  const [{ FirewallRulesPanels }, { RulesDrafts }, { firewallRulesSource }] = await Promise.all([import('./firewallRulesPanels'), import('./firewallRules/drafts'), import('./firewallRules/source')]);
  return new FirewallRulesPanels({
    extensionUri: deps.extensionUri,
    log: deps.log,
    drafts: new RulesDrafts(deps.drafts),
    input: deps.input,
    source: (projectId, firewallId) => firewallRulesSource(deps, projectId, firewallId),
  });
}
