// The host side of the console's relay: the extension host, not the webview, opens the console's
// WebSocket (package `ws`, subprotocol `binary`), so the page keeps a CSP without network access.
// Bytes cross as base64 in the console protocol's messages (src/shared/consoleProtocol.ts), tagged
// with a session number: what an old socket still delivers after a Reconnect is dropped.
//
// The console URL carries a one-time token: it stays here. It is refused when the WebSocket
// endpoint rule refuses it (wss:, or ws: only to this computer), never logged, never posted, and
// cut out of any error text that might quote it. No vscode import: the webview test runs this
// file from Node.

import WebSocket from 'ws';
import { webSocketEndpointProblem } from '../../api/endpointRule';
import type { ConsoleFromWebview, ConsoleToWebview } from '../../shared/consoleProtocol';

/** What `request_console` answered. */
export interface ConsoleTicket {
  wssUrl: string;
  password: string;
}

export interface ConsoleRelayOptions {
  /** Posts to the page (the panel host's post, or the webview test's bridge). */
  post(message: ConsoleToWebview): void;
  /** A line for the output channel: never the URL, never the password. */
  log?(line: string): void;
  /** How long the WebSocket handshake may take (default 15 s). */
  handshakeTimeoutMs?: number;
}

/** Refuse a single server message above this (a Raw update of a 4K screen is 33 MB). */
const MAX_PAYLOAD = 32 * 1024 * 1024;
/** Close code for a connection that ended without a close frame (RFC 6455 7.4.1). */
const ABNORMAL = 1006;

const HTTP_REFUSALS: Record<number, string> = {
  401: 'The console did not accept the URL (HTTP 401 Unauthorized). Reconnect requests a new one.',
  404: 'The console URL was not found (HTTP 404). Reconnect requests a new one.',
  410: 'The console URL has expired or was used already (HTTP 410 Gone): it is valid once, for about a minute. Reconnect requests a new one.',
};

export class ConsoleRelay {
  private session = 0;
  private socket: WebSocket | undefined;
  /** Sessions whose `closed` was posted (each is posted once). */
  private finished = new Set<number>();

  constructor(private readonly options: ConsoleRelayOptions) {}

  /** The current session's number (0 before the first). */
  get currentSession(): number {
    return this.session;
  }

  /** Whether the current session's WebSocket is open. */
  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /**
   * Starts a new session with `ticket` (closing the one before): posts `connect` with the password,
   * then opens the WebSocket and relays. Returns the session's number.
   */
  connect(ticket: ConsoleTicket, serverName: string): number {
    this.closeSocket();
    const session = ++this.session;
    this.options.post({ type: 'connect', session, serverName, password: ticket.password });
    const problem = webSocketEndpointProblem(ticket.wssUrl);
    if (problem) {
      this.finish(session, ABNORMAL, `The console URL was refused: ${problem.message}`);
      return session;
    }
    let socket: WebSocket;
    try {
      socket = new WebSocket(ticket.wssUrl, ['binary'], {
        handshakeTimeout: this.options.handshakeTimeoutMs ?? 15_000,
        maxPayload: MAX_PAYLOAD,
        perMessageDeflate: false,
        followRedirects: false,
      });
    } catch (e) {
      this.finish(session, ABNORMAL, `The console could not be opened: ${scrub(e, ticket.wssUrl)}`);
      return session;
    }
    this.socket = socket;
    let refusal: string | undefined;
    let failure: string | undefined;
    socket.binaryType = 'nodebuffer';
    socket.on('open', () => {
      if (session === this.session) this.options.post({ type: 'open', session, protocol: socket.protocol });
    });
    socket.on('message', (data: WebSocket.RawData) => {
      if (session === this.session) this.options.post({ type: 'data', session, bytes: toBuffer(data).toString('base64') });
    });
    socket.on('unexpected-response', (_req, res) => {
      const status = res.statusCode ?? 0;
      refusal = HTTP_REFUSALS[status] ?? `The console refused the connection (HTTP ${status}).`;
      res.resume();
      socket.terminate();
    });
    socket.on('error', (e) => {
      failure ??= scrub(e, ticket.wssUrl);
    });
    socket.on('close', (code: number, reason: Buffer) => {
      if (this.socket === socket) this.socket = undefined;
      const said = reason.toString('utf8');
      this.finish(session, code, refusal ?? (said || (failure ? `The connection failed: ${failure}` : closeWords(code))));
    });
    return session;
  }

  /** A message of the page: bytes to send, or its channel closed. Messages of an old session are dropped. */
  handle(message: ConsoleFromWebview): void {
    switch (message.type) {
      case 'send':
        if (message.session === this.session && this.socket?.readyState === WebSocket.OPEN) this.socket.send(Buffer.from(message.bytes, 'base64'));
        return;
      case 'close':
        if (message.session === this.session) this.closeSocket();
        return;
      case 'ready':
      case 'reconnect':
      case 'state':
        return; // the panel host's business
      default: {
        const unknown: never = message;
        void unknown;
      }
    }
  }

  /** Ends the current session (the panel closed). */
  dispose(): void {
    this.closeSocket();
    this.session++;
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return;
    if (socket.readyState === WebSocket.OPEN) socket.close(1000);
    else socket.terminate();
  }

  private finish(session: number, code: number, reason: string): void {
    if (this.finished.has(session)) return;
    this.finished.add(session);
    this.options.log?.(`Console session ${session} closed (${code}): ${reason}`);
    if (session === this.session) this.options.post({ type: 'closed', session, code, reason });
  }
}

function closeWords(code: number): string {
  if (code === 1000) return 'The console closed the connection.';
  if (code === ABNORMAL) return 'The connection ended without a close frame.';
  return `The connection closed (code ${code}).`;
}

/** An error's message with the URL (and its token) cut out. */
function scrub(e: unknown, url: string): string {
  const text = e instanceof Error ? e.message : String(e);
  const token = url.split('/').pop() ?? '';
  let out = text.split(url).join('<console URL>');
  if (token.length >= 8) out = out.split(token).join('<token>');
  return out;
}

function toBuffer(data: WebSocket.RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
