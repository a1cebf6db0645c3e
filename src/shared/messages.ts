// What every webview protocol shares: the `ready` handshake and the checks that turn an
// untrusted `unknown` from the other side into a typed value (or `undefined`, never a throw).
// The panel protocols import this file; protocol.ts re-exports them all.

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

/** One parser per message type of a protocol (a table, so that no type is forgotten). */
export type ParserTable<T extends { type: string }> = { [K in T['type']]: (message: Record<string, unknown>) => T | undefined };

/** The message parsed by the parser its `type` names; undefined for anything else (never throws). */
export function parseByType<T extends { type: string }>(value: unknown, parsers: ParserTable<T>): T | undefined {
  const type = messageType(value);
  if (type === undefined || !Object.prototype.hasOwnProperty.call(parsers, type)) return undefined;
  return parsers[type as T['type']](value as Record<string, unknown>);
}
