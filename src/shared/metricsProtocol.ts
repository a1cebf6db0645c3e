// Messages between the extension and the metrics webview (see protocol.ts for the rules).
//
// Times cross as UNIX seconds and series as plain number arrays (never Dates, never a token):
// the webview gets the samples to draw, not the means to fetch them. Every parser below accepts
// exactly the documented shape and returns undefined for anything else (never throws).

import type { Metrics } from './apiTypes';
import { METRICS_KINDS, rangeFor, TIME_RANGES, validateCustomRange, type MetricsKind, type MetricsWindow, type TimeRangeId } from './metrics';
import { asBoolean, asId, asNumber, asOneOf, asString, isRecord, type ReadyMessage } from './messages';

export { METRICS_VIEW_TYPE } from './viewTypes';

/** Limits of what a message may carry (far above what the API sends: 500 samples, 9 series). */
export const MAX_SERIES = 32;
export const MAX_SAMPLES_PER_SERIES = 5000;
const MAX_NAME = 200;
const MAX_MESSAGE = 4000;
/** 2000-01-01 .. 2200-01-01 in UNIX seconds: any real sample time lies in between. */
const MIN_TIME = 946_684_800;
const MAX_TIME = 7_258_118_400;

const RANGE_IDS = TIME_RANGES.map((r) => r.id);
/** The server statuses a data message may name as `notRunning`. */
export const NOT_RUNNING = ['off', 'stopping', 'starting', 'initializing', 'migrating', 'rebuilding', 'deleting', 'unknown'] as const;

/** What the user chose: a preset ending now, or a fixed custom window (UNIX seconds). */
export type RangeSelection = { kind: 'preset'; id: TimeRangeId } | { kind: 'custom'; start: number; end: number };

/** Whose metrics a panel shows. */
export interface MetricsTarget {
  kind: MetricsKind;
  id: number;
  /** For the tab title until the resource is read again. */
  name: string;
}

/**
 * The panel's state as the webview keeps it (setState), which the serializer gets back after a reload.
 * A state saved before Load Balancers had metrics (`serverId`, `serverName`) still parses, as a server's.
 */
export interface MetricsPanelState {
  projectId: string;
  target: MetricsTarget;
  range: RangeSelection;
  autoRefresh: boolean;
}

export interface MetricsSeriesData {
  /** UNIX seconds. */
  timestamps: number[];
  /** Same length as `timestamps`; null = no value. */
  values: Array<number | null>;
}

// --- extension → webview --------------------------------------------------------------------

/** Sent first after every `ready`: who and what the panel shows. */
export interface InitMessage {
  type: 'init';
  state: MetricsPanelState;
  /** Seconds between automatic refreshes for the current range (when auto-refresh is on). */
  refreshSeconds: number;
}

/** A fetch started (the last data, if any, stays on screen under a progress ring). */
export interface LoadingMessage {
  type: 'loading';
}

export interface DataMessage {
  type: 'data';
  /** The window asked for, UNIX seconds, and the step (seconds per sample). */
  start: number;
  end: number;
  step: number;
  /** By API series name (`cpu`, `disk.0.iops.read`, ...). */
  series: Record<string, MetricsSeriesData>;
  /**
   * A server that is not running: its status as the host knows it (`off`, `stopping`, ...), so the
   * page says why the charts are flat. Absent for a running server and for a Load Balancer.
   */
  notRunning?: string;
}

export interface ErrorMessage {
  type: 'error';
  /** What the user reads: the API's own message, in a sentence. */
  message: string;
  /** Whether a Retry button makes sense (not for a server or project that is gone). */
  canRetry: boolean;
}

export type MetricsToWebview = InitMessage | LoadingMessage | DataMessage | ErrorMessage;

// --- webview → extension --------------------------------------------------------------------

export interface SetRangeMessage {
  type: 'setRange';
  range: RangeSelection;
}

export interface SetAutoRefreshMessage {
  type: 'setAutoRefresh';
  enabled: boolean;
}

/** Refresh button and the error state's Retry. */
export interface RefreshMessage {
  type: 'refresh';
}

export interface ExportCsvMessage {
  type: 'exportCsv';
}

/** The webview drew a data message: how many charts and samples, and how long it took (ms, in the page). */
export interface RenderedMessage {
  type: 'rendered';
  charts: number;
  samples: number;
  ms: number;
  /** True when the data had no samples and the empty state shows instead of charts. */
  empty: boolean;
}

export type MetricsFromWebview = ReadyMessage | SetRangeMessage | SetAutoRefreshMessage | RefreshMessage | ExportCsvMessage | RenderedMessage;

// --- parsers ----------------------------------------------------------------------------------

function asTime(value: unknown): number | undefined {
  return asNumber(value, MIN_TIME, MAX_TIME);
}

export function parseRangeSelection(value: unknown): RangeSelection | undefined {
  if (!isRecord(value)) return undefined;
  switch (value.kind) {
    case 'preset': {
      const id = asOneOf(value.id, RANGE_IDS);
      return id && { kind: 'preset', id };
    }
    case 'custom': {
      const start = asTime(value.start);
      const end = asTime(value.end);
      return start !== undefined && end !== undefined && start < end ? { kind: 'custom', start, end } : undefined;
    }
    default:
      return undefined;
  }
}

export function parseMetricsTarget(value: unknown): MetricsTarget | undefined {
  if (!isRecord(value)) return undefined;
  const kind = asOneOf(value.kind, METRICS_KINDS);
  const id = asId(value.id);
  const name = asString(value.name, MAX_NAME);
  return kind && id !== undefined && name !== undefined ? { kind, id, name } : undefined;
}

/** The target of a state saved before there were kinds: `{ serverId, serverName }`. */
function legacyTarget(value: Record<string, unknown>): MetricsTarget | undefined {
  if (value.target !== undefined) return undefined;
  return parseMetricsTarget({ kind: 'server', id: value.serverId, name: value.serverName });
}

export function parseMetricsPanelState(value: unknown): MetricsPanelState | undefined {
  if (!isRecord(value)) return undefined;
  const projectId = asString(value.projectId, MAX_NAME);
  const target = parseMetricsTarget(value.target) ?? legacyTarget(value);
  const range = parseRangeSelection(value.range);
  const autoRefresh = asBoolean(value.autoRefresh);
  if (!projectId || !target || !range || autoRefresh === undefined) return undefined;
  return { projectId, target, range, autoRefresh };
}

function parseSeries(value: unknown): MetricsSeriesData | undefined {
  if (!isRecord(value) || !Array.isArray(value.timestamps) || !Array.isArray(value.values)) return undefined;
  const { timestamps, values } = value as { timestamps: unknown[]; values: unknown[] };
  if (timestamps.length !== values.length || timestamps.length > MAX_SAMPLES_PER_SERIES) return undefined;
  for (let i = 0; i < timestamps.length; i++) {
    const t = timestamps[i];
    if (typeof t !== 'number' || !(t >= MIN_TIME && t <= MAX_TIME)) return undefined;
    const v = values[i];
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) return undefined;
  }
  return { timestamps: timestamps as number[], values: values as Array<number | null> };
}

function parseSeriesRecord(value: unknown): Record<string, MetricsSeriesData> | undefined {
  if (!isRecord(value)) return undefined;
  const names = Object.keys(value);
  if (names.length > MAX_SERIES) return undefined;
  const out: Record<string, MetricsSeriesData> = {};
  for (const name of names) {
    if (name.length === 0 || name.length > MAX_NAME) return undefined;
    const s = parseSeries(value[name]);
    if (!s) return undefined;
    out[name] = s;
  }
  return out;
}

/** Messages from the extension, checked in the webview. */
export function parseMetricsToWebview(value: unknown): MetricsToWebview | undefined {
  if (!isRecord(value)) return undefined;
  const type = value.type as MetricsToWebview['type'];
  switch (type) {
    case 'init': {
      const state = parseMetricsPanelState(value.state);
      const refreshSeconds = asNumber(value.refreshSeconds, 1, 30 * 86_400);
      return state && refreshSeconds !== undefined ? { type, state, refreshSeconds } : undefined;
    }
    case 'loading':
      return { type };
    case 'data': {
      const start = asTime(value.start);
      const end = asTime(value.end);
      const step = asNumber(value.step, 1, 86_400 * 30);
      const series = parseSeriesRecord(value.series);
      if (start === undefined || end === undefined || start > end || step === undefined || !series) return undefined;
      if (value.notRunning === undefined) return { type, start, end, step, series };
      const notRunning = asOneOf(value.notRunning, NOT_RUNNING);
      return notRunning && { type, start, end, step, series, notRunning };
    }
    case 'error': {
      const message = asString(value.message, MAX_MESSAGE);
      const canRetry = asBoolean(value.canRetry);
      return message && canRetry !== undefined ? { type, message, canRetry } : undefined;
    }
    default: {
      const unknownType: never = type;
      void unknownType;
      return undefined;
    }
  }
}

/** Messages from the webview, checked in the extension (the webview is untrusted input). */
export function parseMetricsFromWebview(value: unknown): MetricsFromWebview | undefined {
  if (!isRecord(value)) return undefined;
  const type = value.type as MetricsFromWebview['type'];
  switch (type) {
    case 'ready':
    case 'refresh':
    case 'exportCsv':
      return { type };
    case 'setRange': {
      const range = parseRangeSelection(value.range);
      return range && { type, range };
    }
    case 'setAutoRefresh': {
      const enabled = asBoolean(value.enabled);
      return enabled === undefined ? undefined : { type, enabled };
    }
    case 'rendered': {
      const charts = asNumber(value.charts, 0, 100);
      const samples = asNumber(value.samples, 0, MAX_SERIES * MAX_SAMPLES_PER_SERIES);
      const ms = asNumber(value.ms, 0);
      const empty = asBoolean(value.empty);
      if (charts === undefined || samples === undefined || ms === undefined || empty === undefined) return undefined;
      return { type, charts, samples, ms, empty };
    }
    default: {
      const unknownType: never = type;
      void unknownType;
      return undefined;
    }
  }
}

/** Seconds between automatic refreshes: one per new sample, but no more than one a minute. */
export function refreshSecondsFor(step: number): number {
  return Math.max(60, Math.ceil(step));
}

/** Auto-refresh is on by default for preset ranges up to 24 hours. */
export function autoRefreshDefault(range: RangeSelection): boolean {
  if (range.kind !== 'preset') return false;
  const r = TIME_RANGES.find((x) => x.id === range.id);
  return !!r && r.seconds <= 86_400;
}

/** The window to fetch for a selection at `nowMs`, or why a custom one cannot be fetched. */
export function resolveRange(range: RangeSelection, nowMs: number): { ok: true; window: MetricsWindow; note?: string } | { ok: false; message: string } {
  if (range.kind === 'preset') return { ok: true, window: rangeFor(range.id, nowMs) };
  return validateCustomRange(range.start * 1000, range.end * 1000, nowMs);
}

/** Length of a selection in seconds (decides how times are written: `HH:MM` up to 24 hours). */
export function rangeSeconds(range: RangeSelection): number {
  if (range.kind === 'custom') return range.end - range.start;
  return TIME_RANGES.find((r) => r.id === range.id)?.seconds ?? 0;
}

/** The data message for what the API answered (`window` is what was asked for). */
export function toDataMessage(metrics: Metrics, window: MetricsWindow): DataMessage {
  const series: Record<string, MetricsSeriesData> = {};
  for (const [name, s] of Object.entries(metrics.series)) {
    const n = Math.min(s.timestamps.length, s.values.length);
    series[name] = { timestamps: s.timestamps.slice(0, n), values: s.values.slice(0, n) };
  }
  return {
    type: 'data',
    start: Math.floor(window.start.getTime() / 1000),
    end: Math.floor(window.end.getTime() / 1000),
    step: metrics.step > 0 ? metrics.step : window.step,
    series,
  };
}

/** The data message as the domain type metrics.ts shapes (in the webview). */
export function fromDataMessage(message: DataMessage): Metrics {
  return { start: new Date(message.start * 1000), end: new Date(message.end * 1000), step: message.step, series: message.series };
}
