// The console page: noVNC's RFB draws the server's screen and sends the keyboard, over a channel
// that relays bytes through the extension host (./channel.ts): the page itself has no network
// access. The VNC password arrives in `connect` and is handed to RFB only; the page saves no state.
// Every message from the extension is validated (consoleProtocol.ts).

import RFB from '@novnc/novnc';
import { parseConsoleToWebview, parseNoState, type ConsoleFromWebview, type ConsoleState, type ConsoleToWebview } from '../../src/shared/consoleProtocol';
import { connect } from '../common/bridge';
import { RelayChannel } from './channel';
import { keystrokes, XK_SHIFT_L } from './keys';
import { buildView } from './view';
import '../common/base.css';
import '../common/header.css';
import './console.css';

const view = buildView(document.getElementById('app') as HTMLElement);
let serverName = '';
let channel: RelayChannel | undefined;
let rfb: RFB | undefined;
/** Why the session ended, as the host or noVNC said it first. */
let closeReason: string | undefined;

// The page keeps no state: there is nothing to restore, and the password must not be saved.
const bridge = connect<ConsoleFromWebview, ConsoleToWebview, undefined>({ parse: parseConsoleToWebview, parseState: parseNoState, onMessage: received });

/** A message of the extension: a new session, or its socket's open, bytes and close; or a notice. */
function received(message: ConsoleToWebview): void {
  const ours = 'session' in message && message.session === channel?.session;
  switch (message.type) {
    case 'connect':
      start(message.session, message.serverName, message.password);
      return;
    case 'open':
      if (ours) channel?.opened(message.protocol);
      return;
    case 'data':
      if (ours) channel?.received(message.bytes);
      return;
    case 'closed':
      if (!ours) return;
      closeReason ??= message.reason;
      channel?.closed(message.code, message.reason);
      return;
    case 'notice':
      setState(message.kind === 'requesting' ? 'requesting' : 'closed', message.message);
      return;
    default: {
      const unhandled: never = message;
      void unhandled;
    }
  }
}

function setState(state: ConsoleState, detail: string): void {
  view.show(state, detail);
  bridge.post({ type: 'state', state, detail });
}

function start(session: number, name: string, password: string): void {
  rfb?.disconnect();
  serverName = name;
  view.title.textContent = `Console: ${name}`;
  closeReason = undefined;
  channel = new RelayChannel(session, (m) => bridge.post(m));
  setState('connecting', `Connecting to ${name}…`);
  const current = new RFB(view.screen, channel, { credentials: { password }, shared: true });
  rfb = current;
  current.scaleViewport = view.scale.checked;
  current.background = 'var(--vscode-editor-background)';
  const mine = (f: (e: Event) => void) => (e: Event) => {
    if (rfb === current) f(e);
  };
  current.addEventListener('connect', mine(() => {
    setState('connected', `Connected to ${serverName}. Click the screen to type on it.`);
    current.focus({ preventScroll: true });
  }));
  current.addEventListener('securityfailure', mine((e) => {
    const reason = detailOf(e, 'reason');
    closeReason ??= `The server refused the VNC password${reason ? ` (${reason})` : ''}. Reconnect requests a new console and password.`;
  }));
  current.addEventListener('credentialsrequired', mine(() => {
    closeReason ??= 'The server asked for credentials the console did not provide.';
    current.disconnect();
  }));
  current.addEventListener('disconnect', mine((e) => {
    const clean = detailOf(e, 'clean') === true;
    setState('closed', `Closed: ${closeReason ?? (clean ? 'the session ended.' : 'the connection was lost.')}`);
  }));
}

function detailOf(e: Event, key: string): unknown {
  const detail = (e as CustomEvent<unknown>).detail;
  return typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>)[key] : undefined;
}

view.ctrlAltDel.addEventListener('click', () => {
  rfb?.sendCtrlAltDel();
  rfb?.focus();
});
view.scale.addEventListener('change', () => {
  if (rfb) rfb.scaleViewport = view.scale.checked;
});
view.reconnect.addEventListener('click', () => {
  rfb?.disconnect();
  setState('requesting', 'Requesting a new console…');
  bridge.post({ type: 'reconnect' });
});
view.paste.addEventListener('click', () => {
  view.pasteForm.hidden = false;
  view.pasteText.focus();
});
view.pasteCancel.addEventListener('click', () => closePaste());
view.pasteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const result = keystrokes(view.pasteText.value);
  if (!result.ok) {
    // The text stays in the field, to be shortened.
    view.pasteNote.textContent = result.message;
    return;
  }
  for (const key of result.keys) {
    if (key.shift) rfb?.sendKey(XK_SHIFT_L, 'ShiftLeft', true);
    rfb?.sendKey(key.keysym, null, true);
    rfb?.sendKey(key.keysym, null, false);
    if (key.shift) rfb?.sendKey(XK_SHIFT_L, 'ShiftLeft', false);
  }
  closePaste();
  rfb?.focus();
});

function closePaste(): void {
  view.pasteText.value = '';
  view.pasteForm.hidden = true;
}
