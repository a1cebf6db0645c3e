export type MetricsTypeSchema = 'cpu' | 'disk' | 'network';

export interface MetricsSchema {
  start: string;
  end: string;
  step: number;
  /** Series name -> values; each value is [unix seconds (number), value (string)]. */
  time_series: Record<string, { values: Array<[number, string]> }>;
}

export interface MetricsResponseSchema {
  metrics: MetricsSchema;
}
