// The two tables of the rules editor (inbound, outbound): one row per rule with its protocol,
// port, IP list and description, each with the message that says what is wrong with it, and the
// row's Move up / Move down / Delete buttons (Alt+↑ / Alt+↓ move the row that has the focus).
// Plain DOM with textContent (no data is ever parsed as HTML); theme colours only.

import { FIREWALL_PROTOCOLS, type FirewallDirection } from '../../src/shared/firewallRule';
import { protocolHasPort, type RuleField, type RuleProblems } from '../../src/shared/firewallRuleCheck';
import type { Row } from './model';

export interface TableEvents {
  /** A field's text or choice changed (the row object is already updated). */
  changed(row: Row, field: RuleField): void;
  moved(row: Row, by: -1 | 1): void;
  deleted(row: Row): void;
  added(direction: FirewallDirection): void;
}

const WORDS: Record<FirewallDirection, { title: string; ips: string; noun: string; placeholder: string }> = {
  in: { title: 'Inbound rules', ips: 'Sources', noun: 'inbound', placeholder: '0.0.0.0/0\n::/0' },
  out: { title: 'Outbound rules', ips: 'Destinations', noun: 'outbound', placeholder: '0.0.0.0/0\n::/0' },
};

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export function button(text: string, attrs: Record<string, string>, onClick: () => void): HTMLElement {
  const b = document.createElement('vscode-button');
  for (const [k, v] of Object.entries(attrs)) b.setAttribute(k, v);
  b.textContent = text;
  b.addEventListener('click', () => {
    if (!b.hasAttribute('disabled')) onClick();
  });
  return b;
}

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function fieldCell(row: Row, field: RuleField, control: FieldElement, events: TableEvents): HTMLTableCellElement {
  const td = el('td', { class: `cell-${field}` });
  const message = el('div', { class: 'field-error', id: `error-${row.key}-${field}`, role: 'status' });
  control.dataset.field = field;
  control.dataset.focusKey = `${row.key}/${field}`;
  control.setAttribute('aria-describedby', message.id);
  control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
    if (field === 'protocol') {
      row.protocol = (control as HTMLSelectElement).value as Row['protocol'];
      if (!protocolHasPort(row.protocol)) row.port = '';
    } else if (field === 'port') row.port = control.value;
    else if (field === 'ips') row.ips = control.value;
    else if (field === 'description') row.description = control.value;
    delete row.apiErrors[field];
    events.changed(row, field);
  });
  td.append(control, message);
  return td;
}

function ruleRow(row: Row, index: number, count: number, events: TableEvents): HTMLTableRowElement {
  const words = WORDS[row.direction];
  const label = `${words.noun} rule ${index + 1}`;
  const tr = el('tr', { 'data-key': String(row.key), 'aria-label': label });
  const protocol = el('select', { 'aria-label': `Protocol of ${label}` });
  for (const p of FIREWALL_PROTOCOLS) protocol.append(el('option', { value: p }, p.toUpperCase()));
  protocol.value = row.protocol;
  const port = el('input', { type: 'text', 'aria-label': `Port of ${label}`, placeholder: '80 or 1024-5000', spellcheck: 'false' });
  port.value = row.port;
  const ips = el('textarea', { rows: String(Math.min(6, Math.max(2, row.ips.split('\n').length))), 'aria-label': `${words.ips} of ${label} (CIDR blocks, one per line or comma separated)`, placeholder: words.placeholder, spellcheck: 'false' });
  ips.value = row.ips;
  const description = el('input', { type: 'text', 'aria-label': `Description of ${label}`, placeholder: 'optional' });
  description.value = row.description;
  const actions = el('td', { class: 'cell-actions' });
  actions.append(
    button('↑', { appearance: 'icon', class: 'move-up', 'aria-label': `Move ${label} up`, title: 'Move up (Alt+↑)', ...(index === 0 ? { disabled: '', 'data-end': '' } : {}) }, () => events.moved(row, -1)),
    button('↓', { appearance: 'icon', class: 'move-down', 'aria-label': `Move ${label} down`, title: 'Move down (Alt+↓)', ...(index === count - 1 ? { disabled: '', 'data-end': '' } : {}) }, () => events.moved(row, 1)),
    button('✕', { appearance: 'icon', class: 'delete', 'aria-label': `Delete ${label}`, title: 'Delete' }, () => events.deleted(row)),
  );
  tr.append(
    el('td', { class: 'cell-index' }, String(index + 1)),
    fieldCell(row, 'protocol', protocol, events),
    fieldCell(row, 'port', port, events),
    fieldCell(row, 'ips', ips, events),
    fieldCell(row, 'description', description, events),
    actions,
  );
  tr.addEventListener('keydown', (e) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    events.moved(row, e.key === 'ArrowUp' ? -1 : 1);
  });
  return tr;
}

/** The section of one direction: heading, table (or a line saying there is none), Add button. */
export function directionSection(direction: FirewallDirection, rows: readonly Row[], events: TableEvents): HTMLElement {
  const words = WORDS[direction];
  const section = el('section', { class: 'direction', id: `rules-${direction}`, 'aria-labelledby': `title-${direction}` });
  section.append(el('h2', { id: `title-${direction}` }, words.title));
  if (rows.length === 0) {
    section.append(el('p', { class: 'empty' }, direction === 'in' ? 'No inbound rules: all incoming traffic is dropped.' : 'No outbound rules: all outgoing traffic is allowed.'));
  } else {
    const table = el('table', { class: 'rules' });
    const head = el('tr');
    for (const h of ['#', 'Protocol', 'Port', words.ips, 'Description', '']) head.append(el('th', { scope: 'col' }, h));
    const body = el('tbody');
    rows.forEach((row, i) => body.append(ruleRow(row, i, rows.length, events)));
    table.append(el('thead'), body);
    table.tHead?.append(head);
    section.append(table);
  }
  section.append(button(`Add ${words.noun} rule`, { appearance: 'secondary', class: 'add', id: `add-${direction}` }, () => events.added(direction)));
  return section;
}

/** Writes each row's messages into its fields (no re-render: typing keeps its focus and caret). */
export function showProblems(root: HTMLElement, rows: readonly Row[], problems: Map<number, RuleProblems>, applying: boolean): void {
  for (const row of rows) {
    const tr = root.querySelector(`tr[data-key="${row.key}"]`);
    if (!tr) continue;
    const p = problems.get(row.key) ?? {};
    for (const field of ['protocol', 'port', 'ips', 'description'] as const) {
      const message = tr.querySelector(`#error-${row.key}-${field}`);
      const control = tr.querySelector<FieldElement>(`[data-field="${field}"]`);
      if (message) message.textContent = p[field] ?? '';
      if (control) {
        control.setAttribute('aria-invalid', p[field] ? 'true' : 'false');
        // Nothing changes under an Apply on its way.
        control.disabled = applying || (field === 'port' && !protocolHasPort(row.protocol));
      }
    }
    const port = tr.querySelector<HTMLInputElement>('[data-field="port"]');
    if (port) {
      if (!protocolHasPort(row.protocol)) port.value = '';
      port.placeholder = protocolHasPort(row.protocol) ? '80 or 1024-5000' : 'no ports';
    }
  }
}
