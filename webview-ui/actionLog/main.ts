// The action log page: a table of actions, newest first, drawn from the extension's `state`
// message (the whole view each time). Plain DOM built with createElement/textContent (the data
// is never parsed as HTML), toolkit controls, theme colours only, keyboard accessible.

import { provideVSCodeDesignSystem, vsCodeButton, vsCodeDropdown, vsCodeOption, vsCodeProgressRing } from '@vscode/webview-ui-toolkit';
import {
  parseActionLogPanelState,
  parseActionLogToWebview,
  STATUS_FILTERS,
  type ActionLogFromWebview,
  type ActionLogPanelState,
  type ActionLogToWebview,
  type ActionLogView,
  type ActionView,
  type StatusFilter,
} from '../../src/shared/actionLogProtocol';
import { commandWords, formatDateTime, STATUS_WORDS } from '../../src/shared/actionWords';
import { formatDuration } from '../../src/shared/duration';
import { connect } from '../common/bridge';
import '../common/base.css';
import '../common/header.css';
import './actionLog.css';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDropdown(), vsCodeOption(), vsCodeProgressRing());

const FILTER_WORDS: Record<StatusFilter, string> = { all: 'All', running: 'Running', success: 'Succeeded', error: 'Failed' };
const SVG = 'http://www.w3.org/2000/svg';
/** 16×16 icons (static shapes, not data). */
const ICONS: Record<ActionView['status'], string> = {
  success: 'M6.3 11.3 2.7 7.7l1-1 2.6 2.6 6-6 1 1z',
  error: 'M8 7 4.5 3.5l-1 1L7 8l-3.5 3.5 1 1L8 9l3.5 3.5 1-1L9 8l3.5-3.5-1-1z',
  running: 'M8 2a6 6 0 1 0 6 6h-1.5A4.5 4.5 0 1 1 8 3.5z',
};

const app = document.getElementById('app') as HTMLElement;
let view: ActionLogView | undefined;

const bridge = connect<ActionLogFromWebview, ActionLogToWebview, ActionLogPanelState>({
  parse: parseActionLogToWebview,
  parseState: parseActionLogPanelState,
  onMessage(message) {
    switch (message.type) {
      case 'state':
        view = message.view;
        bridge.saveState(view.panel);
        render(view);
        return;
      default: {
        const unhandled: never = message.type;
        void unhandled;
      }
    }
  },
});

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function custom(tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function icon(status: ActionView['status']): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', `icon icon-${status}`);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[status]);
  svg.append(path);
  return svg;
}

// ------------------------------------------------------------------------------------------------

/** The heading and controls, built once (re-rendering them would close an open dropdown). */
const top = (() => {
  const h = el('header', 'toolbar');
  const title = el('h1', 'title', 'Actions');
  const controls = el('div', 'controls');
  const label = el('label', 'filter-label', 'Status');
  label.id = 'filter-label';
  const dropdown = custom('vscode-dropdown', { id: 'filter', 'aria-labelledby': 'filter-label' }) as HTMLElement & { value: string };
  for (const f of STATUS_FILTERS) dropdown.append(custom('vscode-option', { value: f }, FILTER_WORDS[f]));
  dropdown.addEventListener('change', () => {
    const value = dropdown.value as StatusFilter;
    if (view && value !== view.panel.filter && (STATUS_FILTERS as readonly string[]).includes(value)) bridge.post({ type: 'setFilter', filter: value });
  });
  const refresh = custom('vscode-button', { appearance: 'secondary', id: 'refresh', 'aria-label': 'Refresh the actions' }, 'Refresh');
  refresh.addEventListener('click', () => bridge.post({ type: 'refresh' }));
  controls.append(label, dropdown, refresh);
  h.append(title, controls);
  return { element: h, title, controls, dropdown };
})();
const content = el('div', 'content');

function render(v: ActionLogView): void {
  if (top.element.parentElement !== app) app.replaceChildren(top.element, content);
  // Keep the keyboard focus on the same control across a re-render, but only when the page has the
  // focus: an unfocused webview still reports its last activeElement, and focusing it would take
  // the focus from the editor or an open quick input whenever a poll re-renders the log.
  const focusKey = document.hasFocus() ? (document.activeElement as HTMLElement | null)?.dataset?.focusKey : undefined;
  top.title.textContent = v.title || 'Actions';
  top.controls.hidden = v.phase === 'gone';
  if (top.dropdown.value !== v.panel.filter) top.dropdown.value = v.panel.filter;
  content.replaceChildren(...notes(v), body(v));
  app.setAttribute('aria-busy', v.phase === 'loading' || v.loadingMore ? 'true' : 'false');
  document.title = v.title || 'Actions';
  if (focusKey) (content.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`) as HTMLElement | null)?.focus();
}

function notes(v: ActionLogView): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (v.notice) {
    const n = el('div', 'notice', v.notice);
    n.id = 'notice';
    n.setAttribute('role', 'status');
    out.push(n);
  }
  return out;
}

function body(v: ActionLogView): HTMLElement {
  switch (v.phase) {
    case 'loading': {
      const s = el('div', 'state state-loading');
      s.id = 'loading';
      s.append(custom('vscode-progress-ring', { 'aria-label': 'Loading' }), el('span', undefined, 'Loading actions…'));
      return s;
    }
    case 'error': {
      const s = el('div', 'state state-error');
      s.id = 'error';
      s.setAttribute('role', 'alert');
      s.append(el('p', 'error-title', 'The actions could not be loaded.'), el('p', 'error-message', v.message ?? 'Unknown error.'));
      const retry = custom('vscode-button', { id: 'retry', 'data-focus-key': 'retry' }, 'Retry');
      retry.addEventListener('click', () => bridge.post({ type: 'refresh' }));
      s.append(retry);
      return s;
    }
    case 'gone': {
      const s = el('div', 'state state-gone');
      s.id = 'gone';
      s.setAttribute('role', 'status');
      s.append(el('p', undefined, v.message ?? 'There is nothing to show.'));
      return s;
    }
    case 'ready':
      return v.actions.length ? table(v) : empty(v);
  }
}

function empty(v: ActionLogView): HTMLElement {
  const s = el('div', 'state state-empty');
  s.id = 'empty';
  s.setAttribute('role', 'status');
  const text =
    v.panel.filter === 'all'
      ? 'No actions yet. Actions appear here when something runs: a server powers on, an image is created, a Floating IP is assigned.'
      : `No ${FILTER_WORDS[v.panel.filter].toLowerCase()} actions.`;
  s.append(el('p', undefined, text));
  return s;
}

function table(v: ActionLogView): HTMLElement {
  const wrap = el('div', 'list');
  const t = el('table', 'actions');
  t.id = 'actions';
  t.append(el('caption', 'visually-hidden', `${v.title}, newest first`));
  const head = el('thead');
  const hr = el('tr');
  for (const h of ['Action', 'Status', 'Resources', 'Started', 'Finished', 'Duration']) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    hr.append(th);
  }
  head.append(hr);
  const tbody = el('tbody');
  const now = Date.now();
  // Newest first whatever order came (started, then id).
  const sorted = [...v.actions].sort((a, b) => Date.parse(b.started) - Date.parse(a.started) || b.id - a.id);
  for (const a of sorted) tbody.append(row(a, now));
  t.append(head, tbody);
  wrap.append(t);
  if (v.hasMore) {
    const more = custom('vscode-button', { id: 'load-older', appearance: 'secondary', 'data-focus-key': 'load-older' }, v.loadingMore ? 'Loading older actions…' : 'Load older');
    if (v.loadingMore) more.setAttribute('disabled', '');
    more.addEventListener('click', () => bridge.post({ type: 'loadOlder' }));
    const p = el('div', 'more');
    p.append(more);
    wrap.append(p);
  }
  return wrap;
}

function row(a: ActionView, now: number): HTMLTableRowElement {
  const tr = el('tr', `action status-${a.status}`);
  tr.dataset.actionId = String(a.id);

  const what = el('td', 'command');
  what.append(el('span', 'command-words', commandWords(a.command)));
  what.title = a.command;
  if (a.status === 'error' && a.error) {
    const err = el('div', 'action-error');
    err.append(el('code', 'error-code', a.error.code), document.createTextNode(': '), el('span', 'error-text', a.error.message));
    what.append(err);
  }

  const status = el('td', 'status');
  const words = a.status === 'running' ? `${STATUS_WORDS.running} (${Math.round(a.progress)}%)` : STATUS_WORDS[a.status];
  const statusLine = el('span', 'status-line');
  statusLine.append(icon(a.status), el('span', 'status-text', words));
  status.append(statusLine);
  if (a.status === 'running') {
    const bar = el('progress', 'progress');
    bar.max = 100;
    bar.value = a.progress;
    bar.setAttribute('aria-label', `${commandWords(a.command)}: ${Math.round(a.progress)}%`);
    status.append(bar);
  }

  const res = el('td');
  const links = el('div', 'resources');
  res.append(links);
  if (!a.resources.length) links.append(el('span', 'muted', '—'));
  a.resources.forEach((r, i) => {
    const link = el('button', 'resource-link', r.label);
    link.type = 'button';
    link.title = `Show ${r.label} in the Hetzner Cloud view`;
    link.dataset.focusKey = `${a.id}/${i}`;
    link.addEventListener('click', () => bridge.post({ type: 'reveal', resource: { type: r.type, id: r.id } }));
    links.append(link);
  });

  const started = el('td', 'started', formatDateTime(a.started));
  started.title = a.started;
  const finished = el('td', 'finished', a.finished ? formatDateTime(a.finished) : a.status === 'running' ? 'Not yet' : '—');
  if (a.finished) finished.title = a.finished;
  const end = a.finished ? Date.parse(a.finished) : now;
  const duration = el('td', 'duration', a.status === 'running' ? `${formatDuration(end - Date.parse(a.started))} so far` : formatDuration(end - Date.parse(a.started)));

  tr.append(what, status, res, started, finished, duration);
  return tr;
}
