// The one duration format of the extension, in the words users read: `1.5 s`, `1 min 15 s`,
// `6 min`, `3 h 2 min`, `2 d 4 h`. Used by the API client's messages (a rate-limit wait, a
// timeout) and by the action log (how long an action ran). Pure: no vscode, no DOM.

export interface DurationStyle {
  /**
   * Below a second, the milliseconds (`250 ms`): for a wait or a timeout, where the figure matters.
   * Without it, `less than a second`: for how long something ran.
   */
  milliseconds?: boolean;
}

/**
 * Tenths of a second below a minute, whole seconds below ten minutes, whole minutes below an hour,
 * hours and minutes below a day, then days and hours. A negative or non-finite duration is `—`.
 */
export function formatDuration(ms: number, style: DurationStyle = {}): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (Math.round(ms) < 1000) return style.milliseconds ? `${Math.round(ms)} ms` : 'less than a second';
  const tenths = Math.round(ms / 100) / 10;
  if (tenths < 60) return `${tenths} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 600) return seconds % 60 ? `${Math.floor(seconds / 60)} min ${seconds % 60} s` : `${seconds / 60} min`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}
