// The message protocol between the extension and its webviews, shared by both sides (no vscode,
// no DOM). Each panel's messages are discriminated unions in their own file, re-exported here;
// this file holds what every panel shares: the `ready` handshake and the checks that turn an
// untrusted `unknown` from the other side into a typed message (or `undefined`, never a throw).
//
// Rules both sides follow:
// - The webview says `{ type: 'ready' }` once its listener is installed; the extension posts
//   nothing before that (the panel host queues) and re-sends the whole state on each `ready`
//   (a hidden webview is torn down and comes back with a fresh `ready`).
// - Every message is validated on receipt; an invalid one is dropped and logged, never acted on.
// - No token, endpoint or URL ever crosses: the webview gets data, never the means to fetch it.

export * from './metricsProtocol';
export * from './actionLogProtocol';

/** The first message of every webview, on every load. */
export interface ReadyMessage {
  type: 'ready';
}

export type Parser<T> = (value: unknown) => T | undefined;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A finite number (optionally within bounds), else undefined. */
export function asNumber(value: unknown, min = -Infinity, max = Infinity): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

/** An integer id (positive, safe), else undefined. */
export function asId(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** A string of at most `maxLength` characters, else undefined. */
export function asString(value: unknown, maxLength = 1000): string | undefined {
  return typeof value === 'string' && value.length <= maxLength ? value : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** One of the listed literals, else undefined. */
export function asOneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The `type` of a message-shaped value, or undefined. */
export function messageType(value: unknown): string | undefined {
  return isRecord(value) && typeof value.type === 'string' ? value.type : undefined;
}
