// The webview panel types (also the serializers' keys and package.json's onWebviewPanel
// activation events), apart from the protocols so that activation can register the serializers
// without loading them.

/** The webview panel type of the metrics panel. */
export const METRICS_VIEW_TYPE = 'hcloud.metrics';

/** The webview panel type of the action log. */
export const ACTION_LOG_VIEW_TYPE = 'hcloud.actionLog';

/** The webview panel type of the Firewall rules editor. */
export const FIREWALL_RULES_VIEW_TYPE = 'hcloud.firewallRules';

/** The webview panel type of Show Costs. */
export const COSTS_VIEW_TYPE = 'hcloud.costs';

/** The webview panel type of the server console. */
export const CONSOLE_VIEW_TYPE = 'hcloud.console';
