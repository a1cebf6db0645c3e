// The metrics panel's page: toolkit controls (range, custom start/end, Refresh, auto-refresh,
// Export CSV, progress ring), the uPlot charts of the panel's kind of resource (a server's five, a
// Load Balancer's four), and the loading / empty / error states. It only
// draws what the extension sends and asks it for things; it never fetches (the CSP forbids it).
// After drawing a data message it posts `rendered` (charts, samples, ms measured in the page).

import 'uplot/dist/uPlot.min.css';
import '../common/base.css';
import './metrics.css';
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeProgressRing,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';
import { TIME_RANGES, chartsFor, isEmpty, lastActivity, toChartData, validateCustomRange, type CustomRangeResult } from '../../src/shared/metrics';
import {
  autoRefreshDefault,
  fromDataMessage,
  parseMetricsPanelState,
  parseMetricsToWebview,
  rangeSeconds,
  type DataMessage,
  type ErrorMessage,
  type InitMessage,
  type MetricsFromWebview,
  type MetricsPanelState,
  type MetricsToWebview,
  type RangeSelection,
} from '../../src/shared/protocol';
import { connect } from '../common/bridge';
import { onThemeChange } from '../common/theme';
import { Charts } from './charts';
import { el, formatInterval, localDateTime, parseLocalDateTime, show } from './dom';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeDropdown(), vsCodeOption(), vsCodeProgressRing(), vsCodeTextField());

type Toolkit = HTMLElement & { value: string; checked: boolean; disabled: boolean };
const CUSTOM = 'custom';

// --- the page ----------------------------------------------------------------------------------

const app = document.getElementById('app') as HTMLElement;
app.textContent = '';

const title = el('h1', { id: 'title' }, 'Metrics');
const range = el('vscode-dropdown', { id: 'range', 'aria-label': 'Time range' }) as Toolkit;
for (const r of TIME_RANGES) range.append(el('vscode-option', { value: r.id }, r.label));
range.append(el('vscode-option', { value: CUSTOM }, 'Custom…'));
const refresh = el('vscode-button', { id: 'refresh', appearance: 'secondary', 'aria-label': 'Refresh the metrics now' }, 'Refresh') as Toolkit;
const auto = el('vscode-checkbox', { id: 'auto-refresh', 'aria-label': 'Refresh automatically' }, 'Auto-refresh') as Toolkit;
const exportCsv = el('vscode-button', { id: 'export', appearance: 'secondary', 'aria-label': 'Export the shown metrics as CSV' }, 'Export CSV') as Toolkit;
const ring = el('vscode-progress-ring', { id: 'busy', 'aria-label': 'Loading metrics' });
const toolbar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'Metrics controls' });
toolbar.append(range, refresh, auto, exportCsv, ring);
const header = el('header');
header.append(title, toolbar);

const customStart = el('vscode-text-field', { id: 'custom-start', placeholder: 'YYYY-MM-DD HH:MM', 'aria-label': 'Start (local time)' }, 'Start') as Toolkit;
const customEnd = el('vscode-text-field', { id: 'custom-end', placeholder: 'YYYY-MM-DD HH:MM', 'aria-label': 'End (local time)' }, 'End') as Toolkit;
const customApply = el('vscode-button', { id: 'custom-apply', 'aria-label': 'Show the custom range' }, 'Apply') as Toolkit;
const customMessage = el('p', { id: 'custom-message', class: 'message', role: 'alert' });
const custom = el('section', { id: 'custom', 'aria-label': 'Custom time range' });
const customRow = el('div', { class: 'custom-row' });
customRow.append(customStart, customEnd, customApply);
custom.append(customRow, customMessage);

const status = el('p', { id: 'status', role: 'status' });
// A server that is not running: why its charts are flat (the host knows the status).
const notRunning = el('p', { id: 'not-running', class: 'note', role: 'note' });
const loading = el('p', { id: 'loading', class: 'placeholder' }, 'Loading metrics…');
const empty = el('section', { id: 'empty', class: 'placeholder' });
const emptyWhy = el('p', { id: 'empty-why' });
empty.append(el('p', { class: 'headline' }, 'No metrics in this time range yet.'), emptyWhy);
const EMPTY_WHY = {
  server: 'A new server reports its first samples a few minutes after it starts; a server that is off reports none. Try a longer range or refresh later.',
  loadBalancer: 'A new Load Balancer reports its first samples a few minutes after it is created. Try a longer range or refresh later.',
} as const;
const errorText = el('p', { id: 'error-message' });
const retry = el('vscode-button', { id: 'retry', 'aria-label': 'Retry loading the metrics' }, 'Retry') as Toolkit;
const error = el('section', { id: 'error', role: 'alert' });
error.append(el('p', { class: 'headline' }, 'The metrics could not be loaded.'), errorText, retry);
const chartsBox = el('section', { id: 'charts', 'aria-label': 'Charts' });
app.append(header, custom, status, notRunning, loading, empty, error, chartsBox);
const charts = new Charts(chartsBox);

// --- state -----------------------------------------------------------------------------------

let syncing = false;
let state: MetricsPanelState | undefined;
let refreshSeconds = 60;
let lastData: DataMessage | undefined;

const bridge = connect<MetricsFromWebview, MetricsToWebview, MetricsPanelState>({
  parse: parseMetricsToWebview,
  parseState: parseMetricsPanelState,
  onMessage: (m) => handle(m),
});
state = bridge.savedState;
showControls();
show(notRunning, false);
setMode('loading');

function handle(m: MetricsToWebview): void {
  switch (m.type) {
    case 'init':
      onInit(m);
      return;
    case 'loading':
      ring.hidden = false;
      app.setAttribute('aria-busy', 'true');
      if (!lastData) setMode('loading');
      return;
    case 'data':
      onData(m);
      return;
    case 'error':
      onError(m);
      return;
    default: {
      const unknown: never = m;
      void unknown;
    }
  }
}

function save(): void {
  if (state) bridge.saveState(state);
}

function onInit(m: InitMessage): void {
  state = m.state;
  refreshSeconds = m.refreshSeconds;
  save();
  showControls();
}

/** Puts the controls in line with `state` (without posting anything). */
function showControls(): void {
  syncing = true;
  try {
    const s = state;
    title.textContent = s ? `Metrics: ${s.target.name}` : 'Metrics';
    emptyWhy.textContent = EMPTY_WHY[s?.target.kind ?? 'server'];
    document.title = title.textContent;
    const selected = s?.range.kind === 'preset' ? s.range.id : s ? CUSTOM : '1h';
    range.value = selected;
    show(custom, selected === CUSTOM);
    if (s?.range.kind === 'custom' && !customStart.value && !customEnd.value) {
      customStart.value = localDateTime(s.range.start);
      customEnd.value = localDateTime(s.range.end);
    }
    const isPreset = s?.range.kind !== 'custom';
    auto.checked = !!s?.autoRefresh && isPreset;
    auto.disabled = !isPreset;
    auto.textContent = isPreset ? `Auto-refresh (every ${formatInterval(refreshSeconds)})` : 'Auto-refresh (not for a custom range)';
    exportCsv.disabled = !lastData;
  } finally {
    syncing = false;
  }
}

function setMode(mode: 'loading' | 'data' | 'empty' | 'error'): void {
  show(loading, mode === 'loading');
  show(empty, mode === 'empty');
  show(error, mode === 'error');
  show(chartsBox, mode === 'data');
  app.dataset.mode = mode;
}

function onData(m: DataMessage): void {
  const t0 = performance.now();
  lastData = m;
  ring.hidden = true;
  app.setAttribute('aria-busy', 'false');
  const metrics = fromDataMessage(m);
  const specs = chartsFor(state?.target.kind ?? 'server');
  const data = specs.map((c) => toChartData(metrics, c));
  const samples = Object.values(m.series).reduce((n, s) => n + s.timestamps.length, 0);
  const nothing = data.every(isEmpty);
  exportCsv.disabled = false;
  const perSeries = Math.max(0, ...Object.values(m.series).map((s) => s.timestamps.length));
  status.textContent = nothing ? '' : `${perSeries} samples per series, one every ${formatInterval(m.step)}. Times in your time zone.`;
  showNotRunning(m);
  if (nothing) {
    setMode('empty');
    bridge.post({ type: 'rendered', charts: 0, samples, ms: performance.now() - t0, empty: true });
    return;
  }
  setMode('data');
  charts.draw(specs, data, state ? rangeSeconds(state.range) : m.end - m.start);
  // uPlot draws in a microtask queued by setData; this one runs after it.
  queueMicrotask(() => bridge.post({ type: 'rendered', charts: charts.count, samples, ms: performance.now() - t0, empty: false }));
}

/** `The server is off: no data since 2026-11-30 14:32.` while the host says it is not running. */
function showNotRunning(m: DataMessage): void {
  const since = m.notRunning ? lastActivity(m.series) : undefined;
  notRunning.textContent = !m.notRunning ? '' : `The server is ${m.notRunning}: ${since === undefined ? 'no data in this time range' : `no data since ${localDateTime(since)}`}.`;
  show(notRunning, !!m.notRunning);
}

function onError(m: ErrorMessage): void {
  show(notRunning, false);
  ring.hidden = true;
  app.setAttribute('aria-busy', 'false');
  errorText.textContent = m.message;
  show(retry, m.canRetry);
  status.textContent = '';
  setMode('error');
}

// --- controls --------------------------------------------------------------------------------

function choose(selection: RangeSelection): void {
  if (state) {
    state = { ...state, range: selection, autoRefresh: autoRefreshDefault(selection) };
    save();
  }
  bridge.post({ type: 'setRange', range: selection });
}

range.addEventListener('change', () => {
  if (syncing) return;
  const value = range.value;
  customMessage.textContent = '';
  if (value === CUSTOM) {
    show(custom, true);
    const end = lastData?.end ?? Math.floor(Date.now() / 1000);
    const start = lastData?.start ?? end - 3600;
    if (!customStart.value) customStart.value = localDateTime(start);
    if (!customEnd.value) customEnd.value = localDateTime(end);
    customStart.focus();
    return;
  }
  const preset = TIME_RANGES.find((r) => r.id === value);
  if (!preset) return;
  show(custom, false);
  choose({ kind: 'preset', id: preset.id });
});

function applyCustom(): void {
  const startMs = parseLocalDateTime(customStart.value);
  const endMs = parseLocalDateTime(customEnd.value);
  const result: CustomRangeResult = Number.isNaN(startMs)
    ? { ok: false, message: 'Enter the start as YYYY-MM-DD HH:MM (local time).' }
    : Number.isNaN(endMs)
      ? { ok: false, message: 'Enter the end as YYYY-MM-DD HH:MM (local time).' }
      : validateCustomRange(startMs, endMs, Date.now());
  if (!result.ok) {
    customMessage.textContent = result.message;
    customMessage.className = 'message error';
    return;
  }
  customMessage.textContent = result.note ?? '';
  customMessage.className = 'message';
  const start = Math.floor(result.window.start.getTime() / 1000);
  const end = Math.floor(result.window.end.getTime() / 1000);
  customStart.value = localDateTime(start);
  customEnd.value = localDateTime(end);
  choose({ kind: 'custom', start, end });
}

customApply.addEventListener('click', applyCustom);
for (const field of [customStart, customEnd]) {
  field.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') applyCustom();
  });
}
refresh.addEventListener('click', () => bridge.post({ type: 'refresh' }));
retry.addEventListener('click', () => bridge.post({ type: 'refresh' }));
exportCsv.addEventListener('click', () => {
  if (!exportCsv.disabled) bridge.post({ type: 'exportCsv' });
});
auto.addEventListener('change', () => {
  if (syncing || auto.disabled) return;
  if (state) {
    state = { ...state, autoRefresh: auto.checked };
    save();
  }
  bridge.post({ type: 'setAutoRefresh', enabled: auto.checked });
});

onThemeChange(() => charts.retheme());
