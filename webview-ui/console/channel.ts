// The page's side of the relay: an object noVNC's Websock takes in place of a WebSocket (it needs
// `send`, `close`, `binaryType`, `protocol`, `readyState` and the `on*` handlers; see
// @novnc/novnc's core/websock.js). Bytes go to the extension host as base64 in `send` messages; the
// host's `open`, `data` and `closed` messages drive the handlers. One channel per session.

import type { RfbChannel } from '@novnc/novnc';
import type { ConsoleFromWebview } from '../../src/shared/consoleProtocol';

/** How long `close()` waits for the host's `closed` before it reports the channel closed itself. */
const CLOSE_FALLBACK_MS = 2000;

export class RelayChannel implements RfbChannel {
  binaryType = 'arraybuffer';
  protocol = '';
  readyState: 'connecting' | 'open' | 'closing' | 'closed' = 'connecting';
  onopen: RfbChannel['onopen'] = null;
  onmessage: RfbChannel['onmessage'] = null;
  onerror: RfbChannel['onerror'] = null;
  onclose: RfbChannel['onclose'] = null;

  constructor(
    readonly session: number,
    private readonly post: (message: ConsoleFromWebview) => void,
  ) {}

  send(data: Uint8Array): void {
    if (this.readyState !== 'open') return;
    this.post({ type: 'send', session: this.session, bytes: toBase64(data) });
  }

  close(): void {
    if (this.readyState === 'closing' || this.readyState === 'closed') return;
    this.readyState = 'closing';
    this.post({ type: 'close', session: this.session });
    setTimeout(() => this.closed(1000, ''), CLOSE_FALLBACK_MS);
  }

  /** The host's WebSocket opened. */
  opened(protocol: string): void {
    if (this.readyState !== 'connecting') return;
    this.protocol = protocol;
    this.readyState = 'open';
    this.onopen?.(new Event('open'));
  }

  /** Bytes from the server. */
  received(base64: string): void {
    if (this.readyState !== 'open') return;
    this.onmessage?.({ data: fromBase64(base64).buffer as ArrayBuffer });
  }

  /** The host's WebSocket closed (or the close fallback ran out). */
  closed(code: number, reason: string): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.onclose?.({ code, reason, wasClean: code === 1000 });
  }
}

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
