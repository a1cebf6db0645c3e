// Wire (../schema, snake_case JSON) -> domain (../types): the scalars and small parts every
// converter reads. Tolerant of drift: unknown fields are ignored; optional or nullable parts that
// are missing become `undefined` (or an empty list) instead of crashing; prices are parsed from
// the API's decimal strings.

import type { NetGrossPriceSchema } from '../schema';
import type { Architecture, Deprecation, Labels, Money } from '../types';

/** null/undefined -> undefined. */
export function opt<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

/** A decimal as string or number (`"1.1900000000"`) -> number; anything unreadable -> undefined. */
export function parseDecimal(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** ISO-8601 -> Date; missing or unreadable -> undefined. */
export function parseDate(v: unknown): Date | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** For required timestamps: an unreadable one becomes an Invalid Date rather than a crash. */
export function requiredDate(v: unknown): Date {
  return parseDate(v) ?? new Date(Number.NaN);
}

/**
 * A part of an answer without which an item cannot be read (a server without `server_type`, an item
 * without a numeric `id`). The resource clients catch it per item: the item is left out of its list
 * and reported once, instead of failing the whole list.
 */
export class WireShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireShapeError';
  }
}

/** The object at `field`, else a WireShapeError naming the field. */
export function required<T>(v: T | null | undefined, field: string): T {
  if (!isRecord(v)) throw new WireShapeError(`${field} is ${v === null ? 'null' : v === undefined ? 'missing' : 'not an object'}`);
  return v;
}

/** The item's numeric id, else a WireShapeError. */
export function requiredId(w: unknown): number {
  const id = isRecord(w) ? w.id : undefined;
  if (typeof id !== 'number' || !Number.isFinite(id)) throw new WireShapeError(isRecord(w) ? 'id is missing or not a number' : 'the item is not an object');
  return id;
}

/** A string, else `fallback` (a `name: null` must not reach a label or a tooltip as null). */
export function text(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

export function list<T>(v: T[] | null | undefined): T[] {
  return Array.isArray(v) ? v : [];
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A finite number, else undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function oneOf<T extends string>(known: readonly T[], v: unknown): T | undefined {
  return known.find((k) => k === v);
}

// Parts of today's API (absent from 2018 answers: each converts a missing or malformed part to undefined)

/**
 * Labels: an object of string values, else undefined. `{}` stays `{}`: today's API sends it for a
 * resource without labels, and that is how callers tell "labels supported" from a 2018 answer.
 */
export function convertLabels(v: unknown): Labels | undefined {
  if (!isRecord(v)) return undefined;
  const entries = Object.entries(v);
  if (!entries.every(([, value]) => typeof value === 'string')) return undefined;
  // fromEntries defines own properties: a hostile `__proto__` key stays a plain label, never a prototype.
  return Object.fromEntries(entries) as Labels;
}

/** `x86`, `arm` or any other non-empty string the API may add; else undefined. */
export function convertArchitecture(v: unknown): Architecture | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `{ announced, unavailable_after }` with both dates readable, else undefined (null: not deprecated). */
export function convertDeprecation(v: unknown): Deprecation | undefined {
  if (!isRecord(v)) return undefined;
  const announced = parseDate(v.announced);
  const unavailableAfter = parseDate(v.unavailable_after);
  return announced && unavailableAfter ? { announced, unavailableAfter } : undefined;
}

export function convertMoney(w: NetGrossPriceSchema | null | undefined, currency: string): Money | undefined {
  if (!isRecord(w)) return undefined;
  const net = parseDecimal(w?.net);
  const gross = parseDecimal(w?.gross);
  if (net === undefined || gross === undefined) return undefined;
  return { net, gross, currency };
}
