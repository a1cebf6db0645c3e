// The charts of one kind of resource (uPlot; a server's five, a Load Balancer's four): created once per theme, fed with setData on every data message, sized
// to their container, coloured from the theme's --vscode-charts-* variables, with units on the
// y axis and a synced hover read-out (time and every value, formatted) in each chart's legend.

import uPlot from 'uplot';
import { formatTime, formatValue, type ChartData, type ChartSpec } from '../../src/shared/metrics';
import { themeColor, themeKind } from '../common/theme';

const HEIGHT = 170;
const SYNC_KEY = 'hcloud-metrics';

interface Palette {
  foreground: string;
  grid: string;
  series: [string, string];
  font: string;
  width: number;
}

function palette(): Palette {
  const hc = themeKind().startsWith('high-contrast');
  const family = themeColor('font-family', 'sans-serif');
  return {
    foreground: themeColor('charts-foreground', themeColor('foreground', '#888888')),
    grid: themeColor('charts-lines', 'rgba(128, 128, 128, 0.35)'),
    series: [themeColor('charts-blue', '#3794ff'), themeColor('charts-orange', '#d18616')],
    font: `11px ${family}`,
    width: hc ? 2 : 1.5,
  };
}

export interface ChartView {
  spec: ChartSpec;
  figure: HTMLElement;
  plot?: uPlot;
}

/** The narrowest y axis (px): room for four characters. */
const Y_AXIS_MIN = 16 + 7 * 4;

/** Options that depend on the theme, the range length and the time zone; `yAxisSize` gets the width a chart's labels need and gives the one all charts use. */
function options(spec: ChartSpec, p: Palette, width: number, rangeSeconds: () => number, timeZone: string, yAxisSize: (need: number) => number): uPlot.Options {
  const axis = (): uPlot.Axis => ({
    stroke: p.foreground,
    font: p.font,
    grid: { stroke: p.grid, width: 1 },
    ticks: { stroke: p.grid, width: 1 },
  });
  return {
    width,
    height: HEIGHT,
    // Room on the right for half of the last time label (wider when it carries the date).
    padding: [8, () => (rangeSeconds() > 86_400 ? 64 : 24), 0, 0],
    legend: { live: true },
    cursor: { sync: { key: SYNC_KEY }, drag: { x: false, y: false } },
    scales: {
      x: { time: true },
      y: {
        range: (_u, _min, max) => {
          const top = max > 0 ? max * 1.1 : 1;
          return [0, spec.unit === '%' ? Math.min(100, Math.max(top, 1)) : top];
        },
      },
    },
    axes: [
      {
        ...axis(),
        // `YYYY-MM-DD HH:MM` beyond 24 hours needs about twice the room of `HH:MM`.
        space: () => (rangeSeconds() > 86_400 ? 140 : 60),
        values: (_u, splits) => splits.map((t) => formatTime(t, rangeSeconds(), timeZone)),
      },
      {
        ...axis(),
        values: (_u, splits) => splits.map((v) => formatValue(v, spec.unit)),
        // Every chart's y axis is as wide as the widest one needs, so the plot areas line up under the shared hover line.
        size: (_u, values) => yAxisSize(Math.max(Y_AXIS_MIN, 16 + 7 * Math.max(0, ...(values ?? []).map((v) => v.length)))),
      },
    ],
    series: [
      { label: 'Time', value: (_u, t) => (t == null ? '–' : formatTime(t, rangeSeconds(), timeZone)) },
      ...spec.series.map((s, i): uPlot.Series => ({
        label: s.label,
        stroke: p.series[i % p.series.length],
        width: p.width,
        spanGaps: false,
        points: { show: false },
        value: (_u, v) => formatValue(v, spec.unit),
      })),
    ],
  };
}

export class Charts {
  private views: ChartView[] = [];
  private data: ChartData[] | undefined;
  private rangeSecs = 3600;
  private readonly timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  /** The y-axis width every chart uses: the widest any chart's labels need for the data shown. */
  private yAxis = Y_AXIS_MIN;
  private relayoutQueued = false;

  constructor(private readonly container: HTMLElement) {
    new ResizeObserver(() => this.resize()).observe(container);
  }

  /** Puts up one figure per chart of `specs` (once; again only when the charts differ). */
  private build(specs: readonly ChartSpec[]): void {
    if (this.views.length === specs.length && this.views.every((v, i) => v.spec.id === specs[i].id)) return;
    for (const v of this.views) v.plot?.destroy();
    this.container.textContent = '';
    this.views = specs.map((spec) => {
      const figure = document.createElement('figure');
      figure.className = 'chart';
      figure.dataset.chart = spec.id;
      const caption = document.createElement('figcaption');
      caption.textContent = `${spec.title} (${spec.unit === 'B/s' ? 'bytes/s' : spec.unit})`;
      figure.append(caption);
      this.container.append(figure);
      return { spec, figure };
    });
  }

  get count(): number {
    return this.views.length;
  }

  private width(): number {
    return Math.max(200, Math.floor(this.container.clientWidth) - 2);
  }

  /** Draws `data` (one ChartData per chart of `specs`, in order); creates the plots on first use. */
  draw(specs: readonly ChartSpec[], data: ChartData[], rangeSeconds: number): void {
    this.build(specs);
    this.data = data;
    this.rangeSecs = rangeSeconds;
    // New data may need narrower labels: the charts agree on a width again.
    this.yAxis = Y_AXIS_MIN;
    const p = this.views.some((v) => !v.plot) ? palette() : undefined;
    const width = this.width();
    this.views.forEach((view, i) => {
      if (view.plot) view.plot.setData(data[i]);
      else view.plot = new uPlot(options(view.spec, p!, width, () => this.rangeSecs, this.timeZone, (need) => this.yAxisSize(need)), data[i], view.figure);
    });
  }

  /**
   * The y-axis width for a chart whose labels need `need` px: the widest so far. When a chart needs
   * more than the others were laid out with, they are laid out again (axes recalculated) once.
   */
  private yAxisSize(need: number): number {
    if (need > this.yAxis) {
      this.yAxis = need;
      if (!this.relayoutQueued) {
        this.relayoutQueued = true;
        queueMicrotask(() => {
          this.relayoutQueued = false;
          for (const v of this.views) v.plot?.redraw(false, true);
        });
      }
    }
    return this.yAxis;
  }

  /** New colours: the plots are built again with the data they had. */
  retheme(): void {
    for (const v of this.views) {
      v.plot?.destroy();
      v.plot = undefined;
    }
    if (this.data) this.draw(this.views.map((v) => v.spec), this.data, this.rangeSecs);
  }

  private resize(): void {
    const width = this.width();
    for (const v of this.views) {
      if (v.plot && v.plot.width !== width) v.plot.setSize({ width, height: HEIGHT });
    }
  }
}
