// Metrics for charts, pure: time ranges and steps, the charts of each kind of resource (a server's
// five, a Load Balancer's four), uPlot-style aligned columns,
// value and time formatting, CSV export. Shared by the extension and the metrics webview, so no
// vscode, no DOM and no Node-only APIs (Intl and Date only).
//
// Decisions:
// - Byte rates scale by 1000 (SI: 1 KB/s = 1000 B/s), like network link speeds; never 1024.
// - Times are formatted in UTC unless a IANA time zone is passed (the webview passes the user's),
//   so tests are deterministic.

import type { Metrics, MetricsParams, MetricsSeries } from './apiTypes';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** How far back the API keeps metrics. */
export const RETENTION_SECONDS = 30 * DAY;

export type TimeRangeId = '1h' | '6h' | '24h' | '7d' | '30d';

export interface TimeRange {
  id: TimeRangeId;
  label: string;
  seconds: number;
}

export const TIME_RANGES: readonly TimeRange[] = [
  { id: '1h', label: 'Last hour', seconds: HOUR },
  { id: '6h', label: 'Last 6 hours', seconds: 6 * HOUR },
  { id: '24h', label: 'Last 24 hours', seconds: DAY },
  { id: '7d', label: 'Last 7 days', seconds: 7 * DAY },
  { id: '30d', label: 'Last 30 days', seconds: 30 * DAY },
];

/** Steps in seconds that read well on an axis, smallest first. */
export const NICE_STEPS: readonly number[] = [
  1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
];

/**
 * The smallest nice step (seconds) so that the range holds at most `maxSamples` samples, counting
 * both ends (`floor(duration / step) + 1`). Ranges too long even for a day per sample get a day.
 */
export function chooseStep(startMs: number, endMs: number, maxSamples = 500): number {
  const seconds = Math.max(0, (endMs - startMs) / 1000);
  for (const step of NICE_STEPS) {
    if (Math.floor(seconds / step) + 1 <= maxSamples) return step;
  }
  return NICE_STEPS[NICE_STEPS.length - 1];
}

export type MetricsWindow = Omit<MetricsParams, 'type'> & { step: number };

/** The window of a preset range ending now. */
export function rangeFor(rangeId: TimeRangeId, nowMs: number, maxSamples = 500): MetricsWindow {
  const range = TIME_RANGES.find((r) => r.id === rangeId);
  if (!range) throw new RangeError(`Unknown time range "${rangeId}"`);
  const startMs = nowMs - range.seconds * 1000;
  return { start: new Date(startMs), end: new Date(nowMs), step: chooseStep(startMs, nowMs, maxSamples) };
}

export type CustomRangeResult =
  | { ok: true; window: MetricsWindow; /** Set when the range was clamped, to tell the user. */ note?: string }
  | { ok: false; message: string };

/**
 * Checks a range the user typed: start before end, within the last 30 days, not in the future.
 * An end in the future is clamped to now and a start older than 30 days to the oldest kept
 * sample (with a `note`); what is left must still be a range, or the result is a message.
 */
export function validateCustomRange(startMs: number, endMs: number, nowMs: number, maxSamples = 500): CustomRangeResult {
  if (!Number.isFinite(startMs)) return { ok: false, message: 'Enter a valid start time.' };
  if (!Number.isFinite(endMs)) return { ok: false, message: 'Enter a valid end time.' };
  if (startMs >= endMs) return { ok: false, message: 'The start must be before the end.' };
  const oldestMs = nowMs - RETENTION_SECONDS * 1000;
  if (endMs <= oldestMs) return { ok: false, message: 'Metrics are kept for 30 days; choose a range within the last 30 days.' };
  if (startMs >= nowMs) return { ok: false, message: 'The start is in the future.' };
  const notes: string[] = [];
  let start = startMs;
  let end = endMs;
  if (end > nowMs) {
    end = nowMs;
    notes.push('The end was in the future; it is now.');
  }
  if (start < oldestMs) {
    start = oldestMs;
    notes.push('Metrics are kept for 30 days; the start moved to 30 days ago.');
  }
  const window = { start: new Date(start), end: new Date(end), step: chooseStep(start, end, maxSamples) };
  return notes.length ? { ok: true, window, note: notes.join(' ') } : { ok: true, window };
}

export type MetricsUnit = '%' | 'iop/s' | 'packets/s' | 'B/s' | 'connections' | 'connections/s' | 'requests/s';

/** The kinds of resource the API keeps metrics of. */
export const METRICS_KINDS = ['server', 'loadBalancer'] as const;
export type MetricsKind = (typeof METRICS_KINDS)[number];

export interface ChartSeries {
  /** The API's series name. */
  name: string;
  label: string;
}

export interface ChartSpec {
  id: string;
  title: string;
  /** The metrics `type` to ask the API for (`cpu`, `open_connections`, ...). */
  type: string;
  unit: MetricsUnit;
  series: readonly ChartSeries[];
}

/** A chart of two series, `<prefix>.<end>` for each end, labelled by the end (`disk.0.iops.read`: `Read`). */
function pairChart(id: string, title: string, type: string, unit: MetricsUnit, prefix: string, ends: readonly [string, string]): ChartSpec {
  return { id, title, type, unit, series: ends.map((end) => ({ name: `${prefix}.${end}`, label: end.charAt(0).toUpperCase() + end.slice(1) })) };
}

export const CHARTS: readonly ChartSpec[] = [
  { id: 'cpu', title: 'CPU', type: 'cpu', unit: '%', series: [{ name: 'cpu', label: 'CPU' }] },
  pairChart('diskIops', 'Disk IOPS', 'disk', 'iop/s', 'disk.0.iops', ['read', 'write']),
  pairChart('diskBandwidth', 'Disk bandwidth', 'disk', 'B/s', 'disk.0.bandwidth', ['read', 'write']),
  pairChart('networkPps', 'Network packets', 'network', 'packets/s', 'network.0.pps', ['in', 'out']),
  pairChart('networkBandwidth', 'Network bandwidth', 'network', 'B/s', 'network.0.bandwidth', ['in', 'out']),
];

/** A chart of one series named like its API type (`open_connections`). */
function singleChart(id: string, title: string, unit: MetricsUnit, label: string): ChartSpec {
  return { id, title, type: id, unit, series: [{ name: id, label }] };
}

/** A Load Balancer's charts: the series of Hetzner's `/load_balancers/{id}/metrics`. */
export const LOAD_BALANCER_CHARTS: readonly ChartSpec[] = [
  singleChart('open_connections', 'Open connections', 'connections', 'Open'),
  singleChart('connections_per_second', 'New connections', 'connections/s', 'New'),
  singleChart('requests_per_second', 'Requests', 'requests/s', 'Requests'),
  pairChart('bandwidth', 'Bandwidth', 'bandwidth', 'B/s', 'bandwidth', ['in', 'out']),
];

const CHARTS_OF: Record<MetricsKind, readonly ChartSpec[]> = { server: CHARTS, loadBalancer: LOAD_BALANCER_CHARTS };

/** The charts of a kind of resource. */
export function chartsFor(kind: MetricsKind): readonly ChartSpec[] {
  return CHARTS_OF[kind];
}

/** The metrics types to ask the API for, in one request, to draw every chart of `kind`. */
export function metricsTypesFor(kind: MetricsKind): string[] {
  return [...new Set(chartsFor(kind).map((c) => c.type))];
}

/** uPlot's aligned data: timestamps (UNIX seconds, ascending), then one column per series. */
export type ChartData = [number[], ...Array<Array<number | null>>];

/**
 * Aligns the named series on the sorted union of their timestamps. A series without a sample at
 * a timestamp, a missing series, a `null` or a non-finite value give `null`.
 */
export function alignSeries(metrics: Metrics, names: readonly string[]): ChartData {
  const maps = names.map((name) => {
    const map = new Map<number, number | null>();
    const s = metrics.series[name];
    if (s) {
      const n = Math.min(s.timestamps.length, s.values.length);
      for (let i = 0; i < n; i++) {
        const v = s.values[i];
        map.set(s.timestamps[i], typeof v === 'number' && Number.isFinite(v) ? v : null);
      }
    }
    return map;
  });
  const times = [...new Set(maps.flatMap((m) => [...m.keys()]))].filter(Number.isFinite).sort((a, b) => a - b);
  return [times, ...maps.map((m) => times.map((t) => m.get(t) ?? null))];
}

/**
 * The chart's columns. Where the samples skip more than one step (the server was off, the
 * API lost samples), a row of nulls is put one step after the last sample so the lines break
 * instead of bridging the hole.
 */
export function toChartData(metrics: Metrics, chart: ChartSpec): ChartData {
  const [times, ...columns] = alignSeries(metrics, chart.series.map((s) => s.name));
  const step = metrics.step;
  if (!(step > 0) || times.length < 2) return [times, ...columns];
  const outTimes: number[] = [];
  const outColumns: Array<Array<number | null>> = columns.map(() => []);
  for (let i = 0; i < times.length; i++) {
    if (i > 0 && times[i] - times[i - 1] > 1.5 * step) {
      outTimes.push(times[i - 1] + step);
      for (const c of outColumns) c.push(null);
    }
    outTimes.push(times[i]);
    columns.forEach((c, j) => outColumns[j].push(c[i]));
  }
  return [outTimes, ...outColumns];
}

/** True when there is nothing to draw: no timestamps, or only nulls (a new server). */
export function isEmpty(data: ChartData): boolean {
  const [, ...columns] = data;
  return columns.every((c) => c.every((v) => v === null));
}

/** Three significant digits, but whole numbers from 100 up; no trailing zeros. */
function significant(value: number): string {
  if (Math.abs(value) >= 100) return Math.round(value).toString();
  const s = value.toPrecision(3);
  return s.includes('.') && !s.includes('e') ? s.replace(/\.?0+$/, '') : String(Number(s));
}

const BYTE_UNITS = ['B/s', 'KB/s', 'MB/s', 'GB/s'];

/** A value with its unit; byte rates are scaled by 1000 up to GB/s. `null` is a dash. */
export function formatValue(value: number | null | undefined, unit: MetricsUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (unit === '%') return `${significant(value)}%`;
  if (unit !== 'B/s') return `${significant(value)} ${unit}`;
  let scaled = value;
  let i = 0;
  while (i < BYTE_UNITS.length - 1 && Math.abs(scaled) >= 1000) {
    scaled /= 1000;
    i++;
  }
  // 999.7 rounds to "1000"; say "1 KB/s" instead.
  if (i < BYTE_UNITS.length - 1 && Math.abs(Math.round(scaled)) >= 1000) {
    scaled /= 1000;
    i++;
  }
  return `${significant(scaled)} ${BYTE_UNITS[i]}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(unixSeconds: number, timeZone: string): Record<string, string> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(unixSeconds * 1000))) out[p.type] = p.value;
  return out;
}

/**
 * A time for an axis or readout: `HH:MM` for ranges up to 24 hours, `YYYY-MM-DD HH:MM` for
 * longer ones. In UTC unless an IANA `timeZone` is given.
 */
export function formatTime(unixSeconds: number, rangeSeconds: number, timeZone = 'UTC'): string {
  if (!Number.isFinite(unixSeconds)) return '–';
  const p = parts(unixSeconds, timeZone);
  const time = `${p.hour}:${p.minute}`;
  return rangeSeconds <= DAY ? time : `${p.year}-${p.month}-${p.day} ${time}`;
}

/**
 * The time (UNIX seconds) of the last sample that shows activity (a value neither null nor 0) in
 * any series; undefined when none does. A server that is off reports zeros (or nothing) after it.
 */
export function lastActivity(series: Record<string, MetricsSeries>): number | undefined {
  let last: number | undefined;
  for (const s of Object.values(series)) {
    for (let i = Math.min(s.timestamps.length, s.values.length) - 1; i >= 0; i--) {
      const v = s.values[i];
      if (v !== null && v !== 0) {
        if (last === undefined || s.timestamps[i] > last) last = s.timestamps[i];
        break;
      }
    }
  }
  return last;
}

const SERIES_ORDER = [...CHARTS, ...LOAD_BALANCER_CHARTS].flatMap((c) => c.series.map((s) => s.name));

/** An RFC 4180 CSV cell: quoted when it holds a comma, quote or line break (the one CSV quoting; costsProtocol.ts uses it too). */
export function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function isoTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * RFC 4180 CSV of every series: `time,<series...>` (known series in chart order, then others by
 * name), one row per timestamp of any series (ISO 8601 UTC), empty cells where a series has no
 * value, CRLF after every line.
 */
export function toCsv(metrics: Metrics): string {
  const names = Object.keys(metrics.series).sort((a, b) => {
    const ia = SERIES_ORDER.indexOf(a);
    const ib = SERIES_ORDER.indexOf(b);
    if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const [times, ...columns] = alignSeries(metrics, names);
  const lines = [['time', ...names].map(csvCell).join(',')];
  times.forEach((t, i) => {
    lines.push([isoTime(t), ...columns.map((c) => (c[i] === null ? '' : String(c[i])))].join(','));
  });
  return lines.map((l) => `${l}\r\n`).join('');
}
