// Small DOM helpers: elements built with createElement and textContent only (never innerHTML with
// data), attributes set one by one (no inline styles or handlers: the CSP forbids them).

export function el(tag: string, attrs: Record<string, string> = {}, text?: string): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export function show(e: HTMLElement, visible: boolean): void {
  e.hidden = !visible;
}

/** `YYYY-MM-DD HH:MM` in local time, as the custom range fields show and take it. */
export function localDateTime(unixSeconds: number): string {
  const d = new Date(unixSeconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Parses `YYYY-MM-DD HH:MM` (or with a `T`) as local time; NaN when it is not such a time. */
export function parseLocalDateTime(text: string): number {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})\s*$/.exec(text);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const date = new Date(y, mo - 1, d, h, mi);
  // Rejects 2026-02-31 and 25:00 (Date would roll them over).
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h || date.getMinutes() !== mi) return Number.NaN;
  return date.getTime();
}

/** `1 min`, `5 min`, `2 h`: an interval in plain words. */
export function formatInterval(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 360) / 10} h`;
}
