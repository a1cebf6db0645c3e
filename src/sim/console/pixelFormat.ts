// RFB pixel formats (RFC 6143 7.4): the server's own (what screen.ts draws: 32 bpp little-endian, red at 16,
// green at 8, blue at 0) and the 32 bpp true-colour formats a client may ask for with SetPixelFormat (noVNC asks
// for red at 0 and blue at 16). Other depths and colour maps are refused (see rfb.ts).

export interface PixelFormat {
  bitsPerPixel: number;
  depth: number;
  bigEndian: boolean;
  trueColour: boolean;
  redMax: number;
  greenMax: number;
  blueMax: number;
  redShift: number;
  greenShift: number;
  blueShift: number;
}

export const SERVER_FORMAT: PixelFormat = {
  bitsPerPixel: 32, depth: 24, bigEndian: false, trueColour: true,
  redMax: 255, greenMax: 255, blueMax: 255, redShift: 16, greenShift: 8, blueShift: 0,
};

/** The 16 bytes of PIXEL_FORMAT. */
export function encodePixelFormat(f: PixelFormat): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt8(f.bitsPerPixel, 0);
  b.writeUInt8(f.depth, 1);
  b.writeUInt8(f.bigEndian ? 1 : 0, 2);
  b.writeUInt8(f.trueColour ? 1 : 0, 3);
  b.writeUInt16BE(f.redMax, 4);
  b.writeUInt16BE(f.greenMax, 6);
  b.writeUInt16BE(f.blueMax, 8);
  b.writeUInt8(f.redShift, 10);
  b.writeUInt8(f.greenShift, 11);
  b.writeUInt8(f.blueShift, 12);
  return b;
}

export function decodePixelFormat(b: Buffer): PixelFormat {
  return {
    bitsPerPixel: b[0], depth: b[1], bigEndian: b[2] !== 0, trueColour: b[3] !== 0,
    redMax: b.readUInt16BE(4), greenMax: b.readUInt16BE(6), blueMax: b.readUInt16BE(8),
    redShift: b[10], greenShift: b[11], blueShift: b[12],
  };
}

/** Why this server cannot send `f`, or undefined when it can. */
export function unsupported(f: PixelFormat): string | undefined {
  if (f.bitsPerPixel !== 32 || !f.trueColour) return `only 32 bpp true colour is served (asked: ${f.bitsPerPixel} bpp, true colour ${f.trueColour})`;
  return undefined;
}

/** Rewrites pixels drawn in SERVER_FORMAT into `to` (both 32 bpp true colour). */
export function convertPixels(pixels: Buffer, to: PixelFormat): Buffer {
  const same = (Object.keys(SERVER_FORMAT) as Array<keyof PixelFormat>).every((k) => SERVER_FORMAT[k] === to[k]);
  if (same) return pixels;
  const out = Buffer.alloc(pixels.length);
  const scale = (value: number, max: number) => Math.round((value * max) / 255);
  for (let i = 0; i < pixels.length; i += 4) {
    const v = pixels.readUInt32LE(i);
    const rgb = scale((v >> 16) & 255, to.redMax) * 2 ** to.redShift + scale((v >> 8) & 255, to.greenMax) * 2 ** to.greenShift + scale(v & 255, to.blueMax) * 2 ** to.blueShift;
    if (to.bigEndian) out.writeUInt32BE(rgb % 2 ** 32, i);
    else out.writeUInt32LE(rgb % 2 ** 32, i);
  }
  return out;
}
