// The simulated server's screen: a red title band and rows of text (a boot log, then a login prompt that
// echoes typed keys), drawn into a 32 bpp framebuffer in RFB's default pixel format as this server announces
// it (little-endian, red at bit 16, green at 8, blue at 0: bytes B, G, R, 0). Rows that change are marked
// dirty so that an incremental update sends only them.

import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './font';

export const SCREEN_WIDTH = 640;
export const SCREEN_HEIGHT = 400;
const SCALE = 2;
const CELL_W = (GLYPH_WIDTH + 1) * SCALE;
const CELL_H = (GLYPH_HEIGHT + 1) * SCALE;
const COLUMNS = Math.floor(SCREEN_WIDTH / CELL_W);
const ROWS = Math.floor(SCREEN_HEIGHT / CELL_H);
const TITLE_ROWS = 2;

type Rgb = readonly [number, number, number];
const BAND: Rgb = [0xd5, 0x0c, 0x2d];
const BACKGROUND: Rgb = [0x10, 0x14, 0x1c];
const TEXT: Rgb = [0xd8, 0xdc, 0xe0];
const WHITE: Rgb = [0xff, 0xff, 0xff];

export const KEY_RETURN = 0xff0d;
export const KEY_BACKSPACE = 0xff08;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class ConsoleScreen {
  readonly width = SCREEN_WIDTH;
  readonly height = SCREEN_HEIGHT;
  readonly pixels = Buffer.alloc(SCREEN_WIDTH * SCREEN_HEIGHT * 4);
  private readonly lines: string[];
  private readonly prompt: string;
  private dirtyFrom = Infinity;
  private dirtyTo = -Infinity;

  constructor(serverName: string) {
    this.prompt = `${serverName} login: `;
    this.lines = [`Booting ${serverName} ...`, 'Hetzner Cloud simulator console', '', this.prompt];
    this.fill({ x: 0, y: 0, width: SCREEN_WIDTH, height: SCREEN_HEIGHT }, BACKGROUND);
    this.fill({ x: 0, y: 0, width: SCREEN_WIDTH, height: TITLE_ROWS * CELL_H }, BAND);
    this.text(0, `  ${serverName}`.slice(0, COLUMNS), WHITE, BAND, 0.5);
    this.drawLines(0);
  }

  /** A KeyEvent's key going down: printable Latin-1 is typed, Return starts a new prompt, BackSpace erases. */
  key(keysym: number): void {
    const last = this.lines.length - 1;
    if (keysym === KEY_RETURN) this.lines.push(this.prompt);
    else if (keysym === KEY_BACKSPACE && this.lines[last].length > this.prompt.length) this.lines[last] = this.lines[last].slice(0, -1);
    else if (keysym >= 0x20 && keysym <= 0xff && this.lines[last].length < COLUMNS) this.lines[last] += String.fromCharCode(keysym);
    else return;
    const visible = ROWS - TITLE_ROWS - 1;
    if (this.lines.length > visible) {
      this.lines.splice(0, this.lines.length - visible);
      this.drawLines(0);
    } else this.drawLines(last);
  }

  /** The rows changed since the last call, as one band, or undefined when nothing changed. */
  takeDirty(): Rect | undefined {
    if (this.dirtyFrom > this.dirtyTo) return undefined;
    const rect = { x: 0, y: this.dirtyFrom, width: SCREEN_WIDTH, height: this.dirtyTo - this.dirtyFrom };
    this.dirtyFrom = Infinity;
    this.dirtyTo = -Infinity;
    return rect;
  }

  /** The pixels of `rect`, row by row, as a Raw-encoded rectangle carries them. */
  raw(rect: Rect): Buffer {
    const out = Buffer.alloc(rect.width * rect.height * 4);
    for (let row = 0; row < rect.height; row++) {
      const start = ((rect.y + row) * SCREEN_WIDTH + rect.x) * 4;
      this.pixels.copy(out, row * rect.width * 4, start, start + rect.width * 4);
    }
    return out;
  }

  private drawLines(from: number): void {
    const top = TITLE_ROWS + 1;
    for (let i = from; i < ROWS - top; i++) this.text(top + i, this.lines[i] ?? '', TEXT, BACKGROUND);
  }

  private text(row: number, line: string, fg: Rgb, bg: Rgb, offset = 0): void {
    const y = Math.round((row + offset) * CELL_H);
    this.fill({ x: 0, y, width: SCREEN_WIDTH, height: CELL_H }, bg);
    [...line].forEach((char, column) => {
      glyphRows(char).forEach((bits, gy) => {
        for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
          if (bits & (1 << (GLYPH_WIDTH - 1 - gx))) this.fill({ x: column * CELL_W + SCALE + gx * SCALE, y: y + SCALE + gy * SCALE, width: SCALE, height: SCALE }, fg);
        }
      });
    });
  }

  private fill(rect: Rect, [r, g, b]: Rgb): void {
    for (let y = rect.y; y < rect.y + rect.height; y++) {
      for (let x = rect.x; x < rect.x + rect.width; x++) this.pixels.writeUInt32LE((r << 16) | (g << 8) | b, (y * SCREEN_WIDTH + x) * 4);
    }
    this.dirtyFrom = Math.min(this.dirtyFrom, rect.y);
    this.dirtyTo = Math.max(this.dirtyTo, rect.y + rect.height);
  }
}
