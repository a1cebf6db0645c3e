// The Firewall rules editor page: the firewall's inbound and outbound rules as two editable tables,
// checked as the API checks them while the user types (firewallRuleCheck.ts), "N unsaved changes",
// Apply (one `apply` with every rule, disabled while anything is invalid) and Discard, the offer of a
// draft kept from an earlier editor, and the API's message and field details when Apply fails (the
// edits stay). Every change is posted as `edit`: the extension keeps it as the draft.

import { provideVSCodeDesignSystem, vsCodeButton, vsCodeProgressRing } from '@vscode/webview-ui-toolkit';
import type { FirewallDirection, FirewallRule } from '../../src/shared/firewallRule';
import type { RuleField } from '../../src/shared/firewallRuleCheck';
import {
  countChanges,
  parseFirewallRulesPanelState,
  parseFirewallRulesToWebview,
  type FirewallRulesFromWebview,
  type FirewallRulesPanelState,
  type FirewallRulesToWebview,
  type RuleFieldError,
  type RulesInitMessage,
} from '../../src/shared/firewallRulesProtocol';
import { formatDateTime } from '../../src/shared/actionWords';
import { connect } from '../common/bridge';
import { check, changesText, move, newRow, ordered, placeApiErrors, toRow, toRule, type Row } from './model';
import { button, directionSection, el, showProblems, type TableEvents } from './table';
import '../common/base.css';
import '../common/header.css';
import './firewallRules.css';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeProgressRing());

const app = document.getElementById('app') as HTMLElement;

let panel: FirewallRulesPanelState | undefined;
let server: FirewallRule[] = [];
let rows: Row[] = [];
let applying = false;
let draft: RulesInitMessage['draft'];
let failure: { message: string; rest: RuleFieldError[] } | undefined;

const bridge = connect<FirewallRulesFromWebview, FirewallRulesToWebview, FirewallRulesPanelState>({
  parse: parseFirewallRulesToWebview,
  parseState: parseFirewallRulesPanelState,
  onMessage(message) {
    switch (message.type) {
      case 'init':
        panel = message.panel;
        bridge.saveState(panel);
        server = message.rules;
        rows = ordered((message.edits ?? message.rules).map(toRow));
        applying = message.applying;
        draft = message.draft;
        failure = undefined;
        renderAll();
        return;
      case 'applying':
        applying = true;
        failure = undefined;
        update();
        return;
      case 'applied':
        server = message.rules;
        rows = ordered(message.rules.map(toRow));
        applying = false;
        draft = undefined;
        failure = undefined;
        renderAll();
        return;
      case 'failed': {
        applying = false;
        const rest = placeApiErrors(ordered(rows), message.fields);
        failure = { message: message.message, rest };
        update();
        return;
      }
      case 'error':
        app.replaceChildren(el('p', { class: 'load-error', role: 'alert', id: 'load-error' }, message.message));
        app.setAttribute('aria-busy', 'false');
        return;
      default: {
        const unhandled: never = message;
        void unhandled;
      }
    }
  },
});

// --- the page's fixed parts, built once --------------------------------------------------------

const title = el('h1', { class: 'title', id: 'title' });
const changes = el('span', { class: 'changes', id: 'changes', role: 'status' });
const progress = document.createElement('vscode-progress-ring');
progress.id = 'applying';
progress.setAttribute('aria-label', 'Applying the rules');
const applyButton = button('Apply', { id: 'apply', title: 'Set the firewall\'s rules to these (one request)' }, () => apply());
const discardButton = button('Discard', { id: 'discard', appearance: 'secondary', title: 'Drop the unsaved changes' }, () => bridge.post({ type: 'discard' }));
const header = el('header', { class: 'toolbar' });
const controls = el('div', { class: 'controls' });
controls.append(changes, progress, applyButton, discardButton);
header.append(title, controls);

const draftBanner = el('div', { class: 'notice', id: 'draft', role: 'region', 'aria-label': 'Unsaved changes from before' });
const failureBanner = el('div', { class: 'failure', id: 'failure', role: 'alert' });
const listError = el('p', { class: 'field-error', id: 'list-error', role: 'status' });
const tables = el('div', { class: 'tables' });

const events: TableEvents = {
  changed: (_row: Row, _field: RuleField) => {
    draft = undefined;
    update();
    postEdit();
  },
  moved: (row, by) => {
    if (!move(rows, row.key, by)) return;
    structural(`${row.key}/${by < 0 ? 'up' : 'down'}`);
  },
  deleted: (row) => {
    const same = rows.filter((r) => r.direction === row.direction);
    const i = same.indexOf(row);
    const remaining = same.filter((r) => r !== row);
    rows = rows.filter((r) => r !== row);
    // The focus goes to the row that takes its place (or the Add button).
    const next = remaining[Math.min(i, remaining.length - 1)];
    structural(next ? `${next.key}/protocol` : `add-${row.direction}`);
  },
  added: (direction: FirewallDirection) => {
    const row = newRow(direction);
    rows = ordered([...rows, row]);
    structural(`${row.key}/protocol`);
  },
};

/** After a row was added, moved or deleted: draw the tables again, put the focus back, post the edit. */
function structural(focus: string): void {
  draft = undefined;
  renderTables();
  update();
  focusOn(focus);
  postEdit();
}

function focusOn(key: string): void {
  focusTarget(key)?.focus();
}

function focusTarget(key: string): HTMLElement | null {
  if (key.startsWith('add-')) return document.getElementById(key);
  const [rowKey, what] = key.split('/');
  if (what !== 'up' && what !== 'down') return tables.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
  // After a move the focus stays on the button, or on the row when the button is now at an end.
  const tr = tables.querySelector(`tr[data-key="${rowKey}"]`);
  const b = tr?.querySelector<HTMLElement>(`.move-${what}`);
  return b && !b.hasAttribute('disabled') ? b : (tr?.querySelector<HTMLElement>('[data-field="protocol"]') ?? null);
}

function currentRules(): FirewallRule[] {
  return ordered(rows).map(toRule);
}

function postEdit(): void {
  bridge.post({ type: 'edit', rules: currentRules() });
}

function apply(): void {
  const checked = check(rows);
  if (!checked.ok || applying) return;
  bridge.post({ type: 'apply', rules: currentRules() });
}

// --- drawing ---------------------------------------------------------------------------------

function renderAll(): void {
  if (header.parentElement !== app) app.replaceChildren(header, draftBanner, failureBanner, listError, tables);
  title.textContent = panel ? `Rules of firewall "${panel.firewallName}"` : 'Firewall rules';
  document.title = title.textContent;
  renderTables();
  update();
  app.setAttribute('aria-busy', 'false');
}

function renderTables(): void {
  rows = ordered(rows);
  tables.replaceChildren(
    directionSection('in', rows.filter((r) => r.direction === 'in'), events),
    directionSection('out', rows.filter((r) => r.direction === 'out'), events),
  );
}

/** Everything that follows the rows' content without drawing them again. */
function update(): void {
  const checked = check(rows);
  showProblems(tables, rows, checked.byKey, applying);
  listError.textContent = checked.list ?? '';
  const n = countChanges(server, currentRules());
  changes.textContent = changesText(n);
  const invalid = !checked.ok;
  setDisabled(applyButton, invalid || n === 0 || applying);
  applyButton.title = invalid ? 'Fix the rules marked in red first' : n === 0 ? 'Nothing to apply' : 'Set the firewall\'s rules to these (one request)';
  setDisabled(discardButton, n === 0 || applying);
  progress.hidden = !applying;
  for (const b of tables.querySelectorAll('vscode-button')) setDisabled(b as HTMLElement, applying || b.hasAttribute('data-end'));
  renderDraft(n, invalid);
  renderFailure();
}

function setDisabled(b: HTMLElement, disabled: boolean): void {
  if (disabled) b.setAttribute('disabled', '');
  else b.removeAttribute('disabled');
}

function renderDraft(n: number, invalid: boolean): void {
  draftBanner.hidden = !draft || n === 0;
  if (!draft || n === 0) return;
  const text = el('p', { id: 'draft-text' }, `You have unsaved changes from ${formatDateTime(new Date(draft.savedAt).toISOString())}: Apply, Discard (or keep editing).`);
  const parts: HTMLElement[] = [text];
  if (draft.serverChanged) parts.push(el('p', { id: 'draft-server-changed', class: 'warning' }, 'The firewall\'s rules changed on the server since these changes were made: check them before you apply.'));
  const buttons = el('div', { class: 'buttons' });
  const applyDraft = button('Apply', { id: 'draft-apply' }, () => apply());
  setDisabled(applyDraft, invalid || applying);
  buttons.append(applyDraft, button('Discard', { id: 'draft-discard', appearance: 'secondary' }, () => bridge.post({ type: 'discard' })));
  parts.push(buttons);
  draftBanner.replaceChildren(...parts);
}

function renderFailure(): void {
  failureBanner.hidden = !failure;
  if (!failure) return;
  const list = el('ul', { id: 'failure-fields' });
  for (const f of failure.rest) list.append(el('li', {}, `${f.name}: ${f.messages.join(' ')}`));
  failureBanner.replaceChildren(el('p', { id: 'failure-message' }, failure.message), ...(failure.rest.length ? [list] : []));
}
