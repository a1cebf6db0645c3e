// Messages between the extension and the action log webview (see protocol.ts for the rules).
// The extension sends the whole view (`state`) on `ready` and after every change; the webview
// asks for a filter, an older page, a refresh, or to reveal a resource in the tree. Actions
// cross as plain data (ids, command, status, times as ISO strings), never a token or a URL.

import { ActionStatuses, type ActionStatus } from './apiTypes';
import { asBoolean, asId, asNumber, asOneOf, asString, isRecord, messageType, type ReadyMessage } from './messages';

export { ACTION_LOG_VIEW_TYPE } from './viewTypes';

export const STATUS_FILTERS = ['all', ...ActionStatuses] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** Resources a log can be scoped to (they have their own actions endpoint). */
export const SCOPE_KINDS = ['server', 'floatingIp', 'image', 'volume', 'network', 'primaryIp', 'firewall'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface ActionLogScope {
  kind: ScopeKind;
  id: number;
}

/** What a panel is about, kept by the webview (setState) so a reload restores the same panel. */
export interface ActionLogPanelState {
  projectId: string;
  scope?: ActionLogScope;
  filter: StatusFilter;
}

/** A resource of an action: the API's `type` (`server`, `floating_ip`, ...), id, and a label to show. */
export interface ActionResourceView {
  type: string;
  id: number;
  /** e.g. `Server "web-1"` or `Server #42` when the name is not known. */
  label: string;
}

export interface ActionView {
  id: number;
  /** The API's command, e.g. `start_server` (the webview words it, see actionCommands.ts). */
  command: string;
  status: ActionStatus;
  /** 0..100 */
  progress: number;
  /** ISO 8601 */
  started: string;
  finished?: string;
  resources: ActionResourceView[];
  error?: { code: string; message: string };
}

export type ActionLogPhase = 'loading' | 'ready' | 'error' | 'gone';

/** Everything the panel shows. */
export interface ActionLogView {
  panel: ActionLogPanelState;
  /** e.g. `Project "demo"` or `Server "web-1" in project "demo"`. */
  title: string;
  phase: ActionLogPhase;
  /** Newest first, already filtered. */
  actions: ActionView[];
  /** An older page can be loaded. */
  hasMore: boolean;
  /** An older page is on its way. */
  loadingMore: boolean;
  /** phase `error`: the API's message; phase `gone`: why there is nothing to show. */
  message?: string;
  /** A short note, e.g. a resource that no longer exists. */
  notice?: string;
}

export type ActionLogToWebview = { type: 'state'; view: ActionLogView };

export type ActionLogFromWebview =
  | ReadyMessage
  | { type: 'setFilter'; filter: StatusFilter }
  | { type: 'loadOlder' }
  | { type: 'refresh' }
  | { type: 'reveal'; resource: { type: string; id: number } };

const MAX_ACTIONS = 5000;

export function parseScope(value: unknown): ActionLogScope | undefined {
  if (!isRecord(value)) return undefined;
  const kind = asOneOf(value.kind, SCOPE_KINDS);
  const id = asId(value.id);
  return kind && id ? { kind, id } : undefined;
}

/** The saved panel state (from the webview's setState or a serializer), else undefined. */
export function parseActionLogPanelState(value: unknown): ActionLogPanelState | undefined {
  if (!isRecord(value)) return undefined;
  const projectId = asString(value.projectId, 200);
  if (!projectId) return undefined;
  const filter = value.filter === undefined ? 'all' : asOneOf(value.filter, STATUS_FILTERS);
  if (!filter) return undefined;
  if (value.scope === undefined) return { projectId, filter };
  const scope = parseScope(value.scope);
  return scope ? { projectId, scope, filter } : undefined;
}

function parseResource(value: unknown): ActionResourceView | undefined {
  if (!isRecord(value)) return undefined;
  const type = asString(value.type, 100);
  const id = asId(value.id);
  const label = asString(value.label, 300);
  return type && id && label !== undefined ? { type, id, label } : undefined;
}

function isIsoTime(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

export function parseActionView(value: unknown): ActionView | undefined {
  if (!isRecord(value)) return undefined;
  const id = asId(value.id);
  const command = asString(value.command, 200);
  const status = asOneOf(value.status, ActionStatuses);
  const progress = asNumber(value.progress, 0, 100);
  if (!id || command === undefined || !status || progress === undefined || !isIsoTime(value.started)) return undefined;
  if (value.finished !== undefined && !isIsoTime(value.finished)) return undefined;
  if (!Array.isArray(value.resources) || value.resources.length > 100) return undefined;
  const resources = value.resources.map(parseResource);
  if (resources.some((r) => r === undefined)) return undefined;
  let error: ActionView['error'];
  if (value.error !== undefined) {
    if (!isRecord(value.error)) return undefined;
    const code = asString(value.error.code, 200);
    const message = asString(value.error.message, 2000);
    if (code === undefined || message === undefined) return undefined;
    error = { code, message };
  }
  return {
    id,
    command,
    status,
    progress,
    started: value.started,
    ...(value.finished !== undefined ? { finished: value.finished as string } : {}),
    resources: resources as ActionResourceView[],
    ...(error ? { error } : {}),
  };
}

const PHASES: readonly ActionLogPhase[] = ['loading', 'ready', 'error', 'gone'];

export function parseActionLogView(value: unknown): ActionLogView | undefined {
  if (!isRecord(value)) return undefined;
  const panel = parseActionLogPanelState(value.panel);
  const title = asString(value.title, 500);
  const phase = asOneOf(value.phase, PHASES);
  const hasMore = asBoolean(value.hasMore);
  const loadingMore = asBoolean(value.loadingMore);
  if (!panel || title === undefined || !phase || hasMore === undefined || loadingMore === undefined) return undefined;
  if (!Array.isArray(value.actions) || value.actions.length > MAX_ACTIONS) return undefined;
  const actions = value.actions.map(parseActionView);
  if (actions.some((a) => a === undefined)) return undefined;
  const message = value.message === undefined ? undefined : asString(value.message, 2000);
  const notice = value.notice === undefined ? undefined : asString(value.notice, 1000);
  if ((value.message !== undefined && message === undefined) || (value.notice !== undefined && notice === undefined)) return undefined;
  return {
    panel,
    title,
    phase,
    actions: actions as ActionView[],
    hasMore,
    loadingMore,
    ...(message !== undefined ? { message } : {}),
    ...(notice !== undefined ? { notice } : {}),
  };
}

/** A message from the extension, validated (the webview side). */
export function parseActionLogToWebview(value: unknown): ActionLogToWebview | undefined {
  if (!isRecord(value)) return undefined;
  const type = messageType(value) as ActionLogToWebview['type'] | undefined;
  switch (type) {
    case 'state': {
      const view = parseActionLogView(value.view);
      return view ? { type, view } : undefined;
    }
    case undefined:
      return undefined;
    default: {
      const unknownType: never = type;
      void unknownType;
      return undefined;
    }
  }
}

/** A message from the webview, validated (the extension side). */
export function parseActionLogFromWebview(value: unknown): ActionLogFromWebview | undefined {
  if (!isRecord(value)) return undefined;
  const type = messageType(value) as ActionLogFromWebview['type'] | undefined;
  switch (type) {
    case 'ready':
    case 'loadOlder':
    case 'refresh':
      return { type };
    case 'setFilter': {
      const filter = asOneOf(value.filter, STATUS_FILTERS);
      return filter ? { type, filter } : undefined;
    }
    case 'reveal': {
      if (!isRecord(value.resource)) return undefined;
      const rtype = asString(value.resource.type, 100);
      const id = asId(value.resource.id);
      return rtype && id ? { type, resource: { type: rtype, id } } : undefined;
    }
    case undefined:
      return undefined;
    default: {
      const unknownType: never = type;
      void unknownType;
      return undefined;
    }
  }
}
