// An RFB 3.8 server session (RFC 6143) as a pure state machine: bytes in through `receive()`, bytes out and the
// close through the callbacks, so it is tested without a socket. Security is type 2 (VNC Authentication) only.
// Pixels are 32 bpp true colour in any byte order and shifts the client sets (pixelFormat.ts); any other
// SetPixelFormat closes the session with the reason. SetEncodings is read and ignored: every update is Raw.
// PointerEvent and ClientCutText are ignored.

import { ConsoleScreen, SCREEN_HEIGHT, SCREEN_WIDTH, type Rect } from './screen';
import { convertPixels, decodePixelFormat, encodePixelFormat, SERVER_FORMAT, unsupported, type PixelFormat } from './pixelFormat';
import { CHALLENGE_BYTES, vncChallenge, vncResponseMatches } from './vncAuth';

export const RFB_VERSION = 'RFB 003.008\n';
const SECURITY_VNC_AUTH = 2;
const ENCODING_RAW = 0;

export interface RfbOptions {
  serverName: string;
  password: string;
  send: (bytes: Buffer) => void;
  /** The session is over (a failure's reason, or undefined after a normal end); the transport closes. */
  close: (reason?: string) => void;
  /** Injectable for tests; default 16 random bytes. */
  challenge?: Buffer;
}

type Phase = 'version' | 'security' | 'auth' | 'init' | 'normal' | 'closed';

/** Client message type -> its length given the bytes so far (undefined: not enough bytes to tell yet). */
const CLIENT_MESSAGE_LENGTH: Record<number, (b: Buffer) => number | undefined> = {
  0: () => 20, // SetPixelFormat
  2: (b) => (b.length < 4 ? undefined : 4 + 4 * b.readUInt16BE(2)), // SetEncodings
  3: () => 10, // FramebufferUpdateRequest
  4: () => 8, // KeyEvent
  5: () => 6, // PointerEvent
  6: (b) => (b.length < 8 ? undefined : 8 + b.readUInt32BE(4)), // ClientCutText
};

export class RfbSession {
  readonly screen: ConsoleScreen;
  private phase: Phase = 'version';
  private buffer = Buffer.alloc(0);
  private readonly challenge: Buffer;
  /** A FramebufferUpdateRequest that found nothing new: answered when the screen changes. */
  private waiting = false;
  private format: PixelFormat = SERVER_FORMAT;

  constructor(private readonly options: RfbOptions) {
    this.screen = new ConsoleScreen(options.serverName);
    this.challenge = options.challenge ?? vncChallenge();
    options.send(Buffer.from(RFB_VERSION, 'latin1'));
  }

  receive(bytes: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, bytes]);
    for (;;) {
      const used = this.step();
      if (used === 0 || this.phase === 'closed') return;
      this.buffer = this.buffer.subarray(used);
    }
  }

  /** Handles one complete message at the head of the buffer; returns the bytes it used, 0 when incomplete. */
  private step(): number {
    const b = this.buffer;
    switch (this.phase) {
      case 'version':
        if (b.length < 12) return 0;
        if (b.toString('latin1', 0, 12) !== RFB_VERSION) {
          this.fail(Buffer.from([0]), `unsupported protocol version ${JSON.stringify(b.toString('latin1', 0, 11))}; this server speaks RFB 3.8`);
          return 12;
        }
        this.options.send(Buffer.from([1, SECURITY_VNC_AUTH]));
        this.phase = 'security';
        return 12;
      case 'security':
        if (b.length < 1) return 0;
        if (b[0] !== SECURITY_VNC_AUTH) {
          this.fail(u32(1), `security type ${b[0]} was not offered`);
          return 1;
        }
        this.options.send(this.challenge);
        this.phase = 'auth';
        return 1;
      case 'auth':
        if (b.length < CHALLENGE_BYTES) return 0;
        if (!vncResponseMatches(this.options.password, this.challenge, b.subarray(0, CHALLENGE_BYTES))) {
          this.fail(u32(1), 'Authentication failed: wrong password');
          return CHALLENGE_BYTES;
        }
        this.options.send(u32(0));
        this.phase = 'init';
        return CHALLENGE_BYTES;
      case 'init':
        if (b.length < 1) return 0; // the shared flag: one viewer or many is all the same here
        this.options.send(this.serverInit());
        this.phase = 'normal';
        return 1;
      case 'normal':
        return this.clientMessage(b);
      case 'closed':
        return 0;
    }
  }

  private clientMessage(b: Buffer): number {
    if (b.length < 1) return 0;
    const lengthOf = CLIENT_MESSAGE_LENGTH[b[0]];
    if (!lengthOf) {
      this.phase = 'closed';
      this.options.close(`unknown client message type ${b[0]}`);
      return 0;
    }
    const length = lengthOf(b);
    if (length === undefined || b.length < length) return 0;
    if (b[0] === 0) this.setPixelFormat(decodePixelFormat(b.subarray(4, 20)));
    if (b[0] === 3) this.updateRequest(b[1] !== 0, { x: b.readUInt16BE(2), y: b.readUInt16BE(4), width: b.readUInt16BE(6), height: b.readUInt16BE(8) });
    if (b[0] === 4 && b[1] !== 0) {
      this.screen.key(b.readUInt32BE(4));
      if (this.waiting) this.updateRequest(true);
    }
    return length;
  }

  private setPixelFormat(format: PixelFormat): void {
    const reason = unsupported(format);
    if (!reason) this.format = format;
    else {
      this.phase = 'closed';
      this.options.close(reason);
    }
  }

  private updateRequest(incremental: boolean, requested?: Rect): void {
    const dirty = this.screen.takeDirty();
    const rect = incremental ? dirty : clip(requested);
    this.waiting = !rect;
    if (rect) this.options.send(Buffer.concat([frameHeader(rect), convertPixels(this.screen.raw(rect), this.format)]));
  }

  private serverInit(): Buffer {
    const name = Buffer.from(this.options.serverName, 'utf8');
    const head = Buffer.alloc(24);
    head.writeUInt16BE(this.screen.width, 0);
    head.writeUInt16BE(this.screen.height, 2);
    encodePixelFormat(SERVER_FORMAT).copy(head, 4);
    head.writeUInt32BE(name.length, 20);
    return Buffer.concat([head, name]);
  }

  /** Sends `prefix`, then the reason string (u32 length + bytes), and closes. */
  private fail(prefix: Buffer, reason: string): void {
    const text = Buffer.from(reason, 'utf8');
    this.options.send(Buffer.concat([prefix, u32(text.length), text]));
    this.phase = 'closed';
    this.options.close(reason);
  }
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value);
  return out;
}

function clip(rect: Rect | undefined): Rect | undefined {
  if (!rect) return undefined;
  const x = Math.min(rect.x, SCREEN_WIDTH);
  const y = Math.min(rect.y, SCREEN_HEIGHT);
  const width = Math.min(rect.width, SCREEN_WIDTH - x);
  const height = Math.min(rect.height, SCREEN_HEIGHT - y);
  return width > 0 && height > 0 ? { x, y, width, height } : undefined;
}

function frameHeader(rect: Rect): Buffer {
  const head = Buffer.alloc(16);
  head.writeUInt8(0, 0); // FramebufferUpdate
  head.writeUInt16BE(1, 2); // one rectangle
  head.writeUInt16BE(rect.x, 4);
  head.writeUInt16BE(rect.y, 6);
  head.writeUInt16BE(rect.width, 8);
  head.writeUInt16BE(rect.height, 10);
  head.writeInt32BE(ENCODING_RAW, 12);
  return head;
}
