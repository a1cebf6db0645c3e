// Messages between the extension and the Show Costs webview (see protocol.ts for the rules), and
// the CSV the panel exports. The webview gets the priced lines to show (names, kinds, amounts),
// never a token or the means to fetch anything. Parsers accept exactly the documented shape and
// return undefined for anything else (never throw).

import { asNumber, asString, isRecord, messageType, type ReadyMessage } from './messages';
import { csvCell } from './metrics';

/** Limits of what a message may carry. */
export const MAX_COST_ROWS = 20_000;
const MAX_TEXT = 300;

/** One billed line: a resource (or a server's backups). Amounts per month; null when unknown. */
export interface CostRow {
  kind: string;
  name: string;
  gross: number | null;
  net: number | null;
}

export interface CostsView {
  /** `Costs of project "demo"`. */
  title: string;
  currency: string;
  total: { gross: number; net: number } | null;
  /** Each kind's count and gross sum, in the breakdown's order. */
  byKind: Array<{ kind: string; count: number; gross: number | null }>;
  rows: CostRow[];
  /** ISO time of the computation. */
  computedAt: string;
}

// --- extension → webview --------------------------------------------------------------------

export interface CostsStateMessage {
  type: 'costs';
  /** The project's id: the page saves it, so the panel comes back after a window reload. */
  projectId: string;
  view: CostsView;
}

/** What the page saves (vscode.setState): the project whose costs it shows. */
export interface CostsPanelState {
  projectId: string;
}

export function parseCostsPanelState(value: unknown): CostsPanelState | undefined {
  const projectId = isRecord(value) ? asString(value.projectId, 100) : undefined;
  return projectId ? { projectId } : undefined;
}

export type CostsToWebview = CostsStateMessage;

// --- webview → extension --------------------------------------------------------------------

export type CostsFromWebview = ReadyMessage | { type: 'exportCsv' } | { type: 'refresh' };

export function parseCostsFromWebview(value: unknown): CostsFromWebview | undefined {
  const type = messageType(value);
  return type === 'ready' || type === 'exportCsv' || type === 'refresh' ? { type } : undefined;
}

const amount = (v: unknown): number | null | undefined => (v === null ? null : asNumber(v, -1e12, 1e12));

function parseRow(v: unknown): CostRow | undefined {
  if (!isRecord(v)) return undefined;
  const kind = asString(v.kind, MAX_TEXT);
  const name = asString(v.name, MAX_TEXT);
  const gross = amount(v.gross);
  const net = amount(v.net);
  return kind !== undefined && name !== undefined && gross !== undefined && net !== undefined ? { kind, name, gross, net } : undefined;
}

function parseKind(v: unknown): CostsView['byKind'][number] | undefined {
  if (!isRecord(v)) return undefined;
  const kind = asString(v.kind, MAX_TEXT);
  const count = asNumber(v.count, 0, MAX_COST_ROWS);
  const gross = amount(v.gross);
  return kind !== undefined && count !== undefined && gross !== undefined ? { kind, count, gross } : undefined;
}

/** Every element parsed, or undefined when one is not. */
function all<T>(list: unknown, parse: (v: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(list) || list.length > MAX_COST_ROWS) return undefined;
  const out = list.map(parse);
  return out.every((x) => x !== undefined) ? (out as T[]) : undefined;
}

export function parseCostsToWebview(value: unknown): CostsToWebview | undefined {
  if (messageType(value) !== 'costs' || !isRecord(value) || !isRecord(value.view)) return undefined;
  const v = value.view;
  const projectId = asString(value.projectId, 100);
  const title = asString(v.title, MAX_TEXT);
  const currency = asString(v.currency, 10);
  const computedAt = asString(v.computedAt, 40);
  const rows = all(v.rows, parseRow);
  const byKind = all(v.byKind, parseKind);
  let total: CostsView['total'] | undefined = null;
  if (v.total !== null) {
    const t = isRecord(v.total) ? { gross: asNumber(v.total.gross), net: asNumber(v.total.net) } : undefined;
    total = t && t.gross !== undefined && t.net !== undefined ? { gross: t.gross, net: t.net } : undefined;
  }
  if (!projectId || title === undefined || currency === undefined || computedAt === undefined || !rows || !byKind || total === undefined) return undefined;
  return { type: 'costs', projectId, view: { title, currency, total, byKind, rows, computedAt } };
}

/** A CSV cell of API text: a leading =, +, - or @ is defused for spreadsheets, then quoted as RFC 4180 says. */
function csvField(value: string): string {
  return csvCell(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** The breakdown as CSV: `kind,name,monthly_gross,monthly_net,currency`, one line per billed line, then the total. */
export function costsToCsv(view: CostsView): string {
  const money = (n: number | null) => (n === null ? '' : n.toFixed(4));
  const lines = [['kind', 'name', 'monthly_gross', 'monthly_net', 'currency'].join(',')];
  for (const r of view.rows) lines.push([csvField(r.kind), csvField(r.name), money(r.gross), money(r.net), csvField(view.currency)].join(','));
  lines.push(['total', '', money(view.total?.gross ?? null), money(view.total?.net ?? null), csvField(view.currency)].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
