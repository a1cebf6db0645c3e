// A tiny 5x7 bitmap font for the simulator's console screen: upper case, digits and some punctuation. Each
// glyph is seven rows of five bits (bit 4 is the leftmost pixel), written as 14 hex digits. Lower case
// letters are drawn as upper case; any other character is drawn as an empty box.

export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;

const GLYPHS: Record<string, string> = {
  A: '0e11111f111111', B: '1e11111e11111e', C: '0e11101010110e', D: '1e11111111111e',
  E: '1f10101e10101f', F: '1f10101e101010', G: '0e11101711110f', H: '1111111f111111',
  I: '0e04040404040e', J: '0702020202120c', K: '11121418141211', L: '1010101010101f',
  M: '111b1515111111', N: '11111915131111', O: '0e11111111110e', P: '1e11111e101010',
  Q: '0e11111115120d', R: '1e11111e141211', S: '0f10100e01011e', T: '1f040404040404',
  U: '1111111111110e', V: '11111111110a04', W: '1111111515150a', X: '11110a040a1111',
  Y: '11110a04040404', Z: '1f01020408101f',
  '0': '0e11131519110e', '1': '040c040404040e', '2': '0e11010204081f', '3': '1f02040201110e',
  '4': '02060a121f0202', '5': '1f101e0101110e', '6': '0608101e11110e', '7': '1f010204080808',
  '8': '0e11110e11110e', '9': '0e11110f01020c',
  ' ': '00000000000000', '-': '0000001f000000', '.': '00000000000c0c', ':': '000c0c000c0c00',
  _: '0000000000001f', '/': '00010204081000', '(': '02040808080402', ')': '08040202020408',
  '!': '04040404040004', '?': '0e110102040004', '@': '0e11171517100e', ',': '000000000c0408',
  '=': '00001f001f0000', '+': '0004041f040400', '#': '0a0a1f0a1f0a0a', $: '040f140e051e04',
  '>': '08040201020408', '<': '02040810080402', "'": '04040800000000', '*': '00150e1f0e1500',
};

const BOX = '1f11111111111f';

/** The glyph's seven rows, each a 5-bit mask. */
export function glyphRows(char: string): number[] {
  const hex = (GLYPHS[char.toUpperCase()] ?? BOX);
  const rows: number[] = [];
  for (let i = 0; i < GLYPH_HEIGHT; i++) rows.push(parseInt(hex.slice(i * 2, i * 2 + 2), 16) & 0x1f);
  return rows;
}
