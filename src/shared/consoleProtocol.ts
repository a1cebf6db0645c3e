// Messages between the extension and the console webview (see protocol.ts for the rules).
//
// The page has no network access: the extension host opens the console's WebSocket and relays its
// bytes (src/webview/console/relay.ts). Bytes cross as base64 strings, tagged with the session they
// belong to, so that what an old connection still delivers after a Reconnect is dropped. The console
// URL never crosses (it carries a one-time token); the VNC password does, once per session, in
// `connect`, and the page never keeps it in its saved state.

import { asId, asNumber, asOneOf, asString, parseByType, type ParserTable, type ReadyMessage } from './messages';

export { CONSOLE_VIEW_TYPE } from './viewTypes';

/** Base64 of one WebSocket message from the server: 32 MiB of bytes (a 4K Raw update is 33 MB; the relay refuses more). */
export const MAX_DATA_BASE64 = Math.ceil((32 * 1024 * 1024) / 3) * 4;
/** Base64 of what the page sends at once (keys, a pasted text): far below 1 MiB. */
export const MAX_SEND_BASE64 = 1024 * 1024;
/** What "Paste as keystrokes" types at most: a root password is far shorter. */
export const MAX_PASTE_CHARS = 256;
const MAX_TEXT = 2000;
const MAX_PASSWORD = 256;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** What the page reports; the status line words it. */
export const CONSOLE_STATES = ['requesting', 'connecting', 'connected', 'closed'] as const;
export type ConsoleState = (typeof CONSOLE_STATES)[number];

// --- extension → webview --------------------------------------------------------------------

/** A new session: the page builds its channel and noVNC's RFB with the password. */
export interface ConsoleConnectMessage {
  type: 'connect';
  session: number;
  serverName: string;
  password: string;
}

/** The WebSocket of `session` is open (`protocol`: the subprotocol the server chose). */
export interface ConsoleOpenMessage {
  type: 'open';
  session: number;
  protocol: string;
}

/** Bytes from the server. */
export interface ConsoleDataMessage {
  type: 'data';
  session: number;
  bytes: string;
}

/** The WebSocket of `session` closed; `reason` is for the status line (never the URL). */
export interface ConsoleClosedMessage {
  type: 'closed';
  session: number;
  code: number;
  reason: string;
}

/** A Reconnect is under way (`requesting`) or failed before any session (`failed`, the API's message). */
export interface ConsoleNoticeMessage {
  type: 'notice';
  kind: 'requesting' | 'failed';
  message: string;
}

export type ConsoleToWebview = ConsoleConnectMessage | ConsoleOpenMessage | ConsoleDataMessage | ConsoleClosedMessage | ConsoleNoticeMessage;

// --- webview → extension --------------------------------------------------------------------

/** Bytes for the server (noVNC's messages). */
export interface ConsoleSendMessage {
  type: 'send';
  session: number;
  bytes: string;
}

/** The page closed its channel (noVNC disconnected): the host closes the WebSocket. */
export interface ConsoleCloseMessage {
  type: 'close';
  session: number;
}

/** The Reconnect button: a new `request_console`, then a new session. */
export interface ConsoleReconnectMessage {
  type: 'reconnect';
}

/** The page's state changed (tests and the log follow it); `detail` is the status line's text. */
export interface ConsoleStateMessage {
  type: 'state';
  state: ConsoleState;
  detail: string;
}

export type ConsoleFromWebview = ReadyMessage | ConsoleSendMessage | ConsoleCloseMessage | ConsoleReconnectMessage | ConsoleStateMessage;

// --- parsers ----------------------------------------------------------------------------------

function asBase64(value: unknown, max: number): string | undefined {
  const s = asString(value, max);
  return s !== undefined && s.length % 4 === 0 && BASE64.test(s) ? s : undefined;
}

/** A `data` or `send` message: a session's bytes, at most `max` characters of base64. */
function sessionBytes<T extends 'data' | 'send'>(type: T, m: Record<string, unknown>, max: number): { type: T; session: number; bytes: string } | undefined {
  const session = asId(m.session);
  const bytes = asBase64(m.bytes, max);
  return session !== undefined && bytes !== undefined ? { type, session, bytes } : undefined;
}

const TO_WEBVIEW: ParserTable<ConsoleToWebview> = {
  connect: (m) => {
    const session = asId(m.session);
    const serverName = asString(m.serverName, 200);
    const password = asString(m.password, MAX_PASSWORD);
    return session !== undefined && serverName !== undefined && password !== undefined ? { type: 'connect', session, serverName, password } : undefined;
  },
  open: (m) => {
    const session = asId(m.session);
    const protocol = asString(m.protocol, 100);
    return session !== undefined && protocol !== undefined ? { type: 'open', session, protocol } : undefined;
  },
  data: (m) => sessionBytes('data', m, MAX_DATA_BASE64),
  closed: (m) => {
    const session = asId(m.session);
    const code = asNumber(m.code, 0, 4999);
    const reason = asString(m.reason, MAX_TEXT);
    return session !== undefined && code !== undefined && reason !== undefined ? { type: 'closed', session, code, reason } : undefined;
  },
  notice: (m) => {
    const kind = asOneOf(m.kind, ['requesting', 'failed'] as const);
    const message = asString(m.message, MAX_TEXT);
    return kind && message !== undefined ? { type: 'notice', kind, message } : undefined;
  },
};

const FROM_WEBVIEW: ParserTable<ConsoleFromWebview> = {
  ready: () => ({ type: 'ready' }),
  send: (m) => sessionBytes('send', m, MAX_SEND_BASE64),
  close: (m) => {
    const session = asId(m.session);
    return session === undefined ? undefined : { type: 'close', session };
  },
  reconnect: () => ({ type: 'reconnect' }),
  state: (m) => {
    const state = asOneOf(m.state, CONSOLE_STATES);
    const detail = asString(m.detail, MAX_TEXT);
    return state && detail !== undefined ? { type: 'state', state, detail } : undefined;
  },
};

/** Messages from the extension, checked in the webview. */
export function parseConsoleToWebview(value: unknown): ConsoleToWebview | undefined {
  return parseByType(value, TO_WEBVIEW);
}

/** Messages from the webview, checked in the extension (the webview is untrusted input). */
export function parseConsoleFromWebview(value: unknown): ConsoleFromWebview | undefined {
  return parseByType(value, FROM_WEBVIEW);
}

/** The console page keeps no state (nothing to restore: a console cannot resume after a reload). */
export function parseNoState(): undefined {
  return undefined;
}
