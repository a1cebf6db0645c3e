// The Show Costs page: the project's monthly total, a bar chart of each kind's share (uPlot, as the
// metrics charts), a table by kind and one by resource (dearest first), Refresh and Export CSV.
// Built from the extension's `costs` message with createElement/textContent only (names come from
// the API and are never parsed as HTML); theme colours only.

import { provideVSCodeDesignSystem, vsCodeButton } from '@vscode/webview-ui-toolkit';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { parseCostsPanelState, parseCostsToWebview, type CostsFromWebview, type CostsPanelState, type CostsToWebview, type CostsView } from '../../src/shared/costsProtocol';
import { formatAmount } from '../../src/shared/price';
import { connect } from '../common/bridge';
import { onThemeChange, themeColor } from '../common/theme';
import { el } from '../metrics/dom';
import '../common/base.css';
import '../common/header.css';
import './costs.css';

provideVSCodeDesignSystem().register(vsCodeButton());

const app = document.getElementById('app') as HTMLElement;
let view: CostsView | undefined;
let plot: uPlot | undefined;

const bridge = connect<CostsFromWebview, CostsToWebview, CostsPanelState>({
  parse: parseCostsToWebview,
  parseState: parseCostsPanelState,
  onMessage(message) {
    switch (message.type) {
      case 'costs':
        view = message.view;
        bridge.saveState({ projectId: message.projectId }); // restored after a window reload
        render(view);
        return;
      default: {
        const unhandled: never = message.type;
        void unhandled;
      }
    }
  },
});

const money = (v: CostsView, amount: number | null) => (amount === null ? 'price unknown' : `${formatAmount(amount, v.currency)}/mo`);

/** The heading and the buttons, built once. */
const top = (() => {
  const header = el('header', { class: 'toolbar' });
  const title = el('h1', { class: 'title' }, 'Monthly costs');
  const controls = el('div', { class: 'controls' });
  const refresh = el('vscode-button', { appearance: 'secondary', id: 'refresh' }, 'Refresh');
  refresh.addEventListener('click', () => bridge.post({ type: 'refresh' }));
  const exportCsv = el('vscode-button', { id: 'export' }, 'Export CSV');
  exportCsv.addEventListener('click', () => bridge.post({ type: 'exportCsv' }));
  controls.append(refresh, exportCsv);
  header.append(title, controls);
  return { header, title };
})();

function table(caption: string, id: string, head: string[], rows: string[][]): HTMLElement {
  const t = el('table', { id, class: 'costs' });
  t.append(el('caption', {}, caption));
  const tr = el('tr');
  head.forEach((h, i) => tr.append(el('th', { scope: 'col', class: i >= head.length - 2 ? 'amount' : '' }, h)));
  const body = el('tbody');
  for (const r of rows) {
    const row = el('tr');
    r.forEach((cell, i) => row.append(el('td', { class: i >= r.length - 2 ? 'amount' : '' }, cell)));
    body.append(row);
  }
  t.append(el('thead'), body);
  t.querySelector('thead')?.append(tr);
  return t;
}

function chart(v: CostsView, container: HTMLElement): void {
  plot?.destroy();
  plot = undefined;
  const kinds = v.byKind.filter((k) => k.gross !== null);
  if (kinds.length === 0) return;
  const xs = kinds.map((_, i) => i);
  const ys = kinds.map((k) => k.gross ?? 0);
  const fg = themeColor('charts-foreground', themeColor('foreground', '#888888'));
  const bar = themeColor('charts-blue', '#3794ff');
  const font = `11px ${themeColor('font-family', 'sans-serif')}`;
  plot = new uPlot(
    {
      width: Math.max(240, container.clientWidth || 600),
      height: 220,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, kinds.length - 0.5] }, y: { range: [0, Math.max(...ys) * 1.15 || 1] } },
      axes: [
        { stroke: fg, font, grid: { show: false }, splits: () => xs, values: (_u, splits) => splits.map((i) => kinds[i]?.kind ?? '') },
        { stroke: fg, font, size: 70, grid: { stroke: themeColor('charts-lines', 'rgba(128, 128, 128, 0.35)') }, values: (_u, splits) => splits.map((s) => formatAmount(s, v.currency)) },
      ],
      series: [{}, { label: 'Monthly (gross)', stroke: bar, fill: bar, points: { show: false }, paths: uPlot.paths.bars?.({ size: [0.6, 80] }) }],
    },
    [xs, ys],
    container,
  );
}

function render(v: CostsView): void {
  top.title.textContent = v.title;
  document.title = v.title;
  const total = el('p', { id: 'total', class: 'total' }, v.total ? `Total: ${money(v, v.total.gross)} (${money(v, v.total.net)} net)` : 'Nothing billed');
  const when = el('p', { class: 'computed' }, `Computed ${new Date(v.computedAt).toLocaleString()}; prices incl. VAT unless marked net.`);
  const figure = el('figure', { id: 'chart', role: 'img', 'aria-label': `Monthly costs by kind: ${v.byKind.map((k) => `${k.kind} ${money(v, k.gross)}`).join(', ')}` });
  const byKind = table('By kind', 'by-kind', ['Kind', 'Count', 'Monthly'], v.byKind.map((k) => [k.kind, String(k.count), money(v, k.gross)]));
  const sorted = [...v.rows].sort((a, b) => (b.gross ?? -1) - (a.gross ?? -1) || a.name.localeCompare(b.name));
  const byResource = table('By resource', 'by-resource', ['Kind', 'Name', 'Monthly', 'Net'], sorted.map((r) => [r.kind, r.name, money(v, r.gross), money(v, r.net)]));
  app.replaceChildren(top.header, total, when, figure, byKind, byResource);
  app.setAttribute('aria-busy', 'false');
  chart(v, figure);
}

onThemeChange(() => view && render(view));
window.addEventListener('resize', () => plot && plot.setSize({ width: Math.max(240, (document.getElementById('chart')?.clientWidth ?? 600)), height: 220 }));
