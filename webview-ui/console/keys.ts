// "Paste as keystrokes": a text as the KeyEvents a keyboard would send (X11 keysyms, RFC 6143 7.5.4),
// for a root password at a login prompt, where there is no clipboard. Characters a US keyboard
// types with Shift are sent with Shift held, since a console behind a scancode translation (QEMU's)
// needs it. Control characters other than newline and tab are refused, as is anything past
// MAX_PASTE_CHARS.

import { MAX_PASTE_CHARS } from '../../src/shared/consoleProtocol';

export const XK_SHIFT_L = 0xffe1;
const XK_RETURN = 0xff0d;
const XK_TAB = 0xff09;
const SHIFTED = new Set('~!@#$%^&*()_+{}|:"<>?ABCDEFGHIJKLMNOPQRSTUVWXYZ');

export interface Keystroke {
  keysym: number;
  shift: boolean;
}

/** The keystrokes for `text`, or why it cannot be typed. */
export function keystrokes(text: string): { ok: true; keys: Keystroke[] } | { ok: false; message: string } {
  const chars = [...text.replace(/\r\n?/g, '\n')];
  if (chars.length > MAX_PASTE_CHARS) return { ok: false, message: `At most ${MAX_PASTE_CHARS} characters are typed at once; this text has ${chars.length}.` };
  const keys: Keystroke[] = [];
  for (const char of chars) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n') keys.push({ keysym: XK_RETURN, shift: false });
    else if (char === '\t') keys.push({ keysym: XK_TAB, shift: false });
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return { ok: false, message: `The text holds a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) that cannot be typed.` };
    // Latin-1 keysyms are the code points; others are 0x01000000 + the code point.
    else keys.push({ keysym: code <= 0xff ? code : 0x01000000 + code, shift: SHIFTED.has(char) });
  }
  return { ok: true, keys };
}
