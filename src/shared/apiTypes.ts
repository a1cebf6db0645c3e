// The few API domain types that the webviews show as well as the extension: a price, an action's
// status, metrics. They live here so that src/shared imports nothing else of ours (the webview
// bundles it). src/api/types re-exports them: the extension's floors import them from there like
// every other API type; src/shared and webview-ui import them from here.

/** A price as numbers. `currency` is ISO 4217 (`EUR`). */
export interface Money {
  net: number;
  gross: number;
  currency: string;
}

export const ActionStatuses = ['running', 'success', 'error'] as const;
export type ActionStatus = (typeof ActionStatuses)[number];

export type MetricsType = 'cpu' | 'disk' | 'network';

export interface MetricsParams {
  type: MetricsType | MetricsType[];
  start: Date;
  end: Date;
  /** Seconds per sample; the API picks one (≤ 100 samples) when absent. */
  step?: number;
}

/**
 * One time series as parallel arrays: `timestamps[i]` (UNIX seconds, may be fractional) goes with
 * `values[i]`. `null` marks a sample whose value was unreadable (a gap for the chart).
 */
export interface MetricsSeries {
  timestamps: number[];
  values: Array<number | null>;
}

export interface Metrics {
  start: Date;
  end: Date;
  /** Seconds between samples. */
  step: number;
  /** By series name: `cpu`, `disk.0.iops.read`, `network.0.bandwidth.in`, ... */
  series: Record<string, MetricsSeries>;
}
