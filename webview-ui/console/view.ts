// The console page's DOM: a toolbar (Ctrl+Alt+Del, Paste as Keystrokes, Scale to Fit, Reconnect),
// the paste form, the status line and the screen noVNC draws in. Built with createElement and
// textContent: nothing from the server or the extension is parsed as HTML.

import { MAX_PASTE_CHARS, type ConsoleState } from '../../src/shared/consoleProtocol';

export interface ConsoleView {
  title: HTMLElement;
  ctrlAltDel: HTMLButtonElement;
  paste: HTMLButtonElement;
  scale: HTMLInputElement;
  reconnect: HTMLButtonElement;
  pasteForm: HTMLFormElement;
  pasteText: HTMLInputElement;
  pasteCancel: HTMLButtonElement;
  pasteNote: HTMLElement;
  status: HTMLElement;
  screen: HTMLElement;
  /** Shows `state` in the status line and enables the controls that make sense in it. */
  show(state: ConsoleState, text: string): void;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export function buildView(app: HTMLElement): ConsoleView {
  const title = el('h1', { class: 'title', id: 'title' }, 'Console');
  const ctrlAltDel = el('button', { id: 'ctrl-alt-del', type: 'button', title: 'Send Ctrl+Alt+Del to the server' }, 'Ctrl+Alt+Del');
  const paste = el('button', { id: 'paste', type: 'button', title: 'Type a text (e.g. the root password) as keystrokes' }, 'Paste as Keystrokes…');
  const scale = el('input', { id: 'scale', type: 'checkbox' });
  scale.checked = true;
  const scaleLabel = el('label', { class: 'check', for: 'scale' });
  scaleLabel.append(scale, ' Scale to fit');
  const reconnect = el('button', { id: 'reconnect', type: 'button', title: 'Request a new console and connect again' }, 'Reconnect');
  const controls = el('div', { class: 'controls' });
  controls.append(ctrlAltDel, paste, scaleLabel, reconnect);
  const toolbar = el('header', { class: 'toolbar' });
  toolbar.append(title, controls);

  const pasteText = el('input', { id: 'paste-text', type: 'password', maxlength: String(MAX_PASTE_CHARS), autocomplete: 'off', spellcheck: 'false', 'aria-label': 'Text to type on the server' });
  const pasteSubmit = el('button', { id: 'paste-type', type: 'submit' }, 'Type');
  const pasteCancel = el('button', { id: 'paste-cancel', type: 'button', class: 'secondary' }, 'Cancel');
  const pasteNote = el('span', { id: 'paste-note', class: 'note' }, `Paste the text here (up to ${MAX_PASTE_CHARS} characters); Type sends it as keystrokes and forgets it.`);
  const pasteForm = el('form', { id: 'paste-form', class: 'paste' });
  pasteForm.hidden = true;
  pasteForm.append(pasteText, pasteSubmit, pasteCancel, pasteNote);

  const status = el('p', { id: 'status', class: 'status', role: 'status', 'data-state': 'requesting' }, 'Requesting a console…');
  const screen = el('div', { id: 'screen', class: 'screen', 'aria-label': 'Server screen' });
  app.replaceChildren(toolbar, pasteForm, status, screen);
  app.removeAttribute('aria-busy');

  return {
    title, ctrlAltDel, paste, scale, reconnect, pasteForm, pasteText, pasteCancel, pasteNote, status, screen,
    show(state, text) {
      status.dataset.state = state;
      status.textContent = text;
      const connected = state === 'connected';
      ctrlAltDel.disabled = !connected;
      paste.disabled = !connected;
      reconnect.disabled = state === 'requesting' || state === 'connecting';
      if (!connected) pasteForm.hidden = true;
    },
  };
}
