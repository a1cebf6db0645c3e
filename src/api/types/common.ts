// Domain types every resource family uses: lists and their options, labels, deprecation, the
// API's era. A price (Money) is defined in src/shared/apiTypes.ts, which the webviews share.

import type { PageInfo } from '../transport';

export type { Money } from '../../shared/apiTypes';

/** One page of a list: the items of that page and the pagination meta (when the API sent it). */
export interface ListResult<T> {
  items: T[];
  pagination?: PageInfo;
}

export interface ListOptions {
  /** 1-based page; default 1. */
  page?: number;
  /** Items per page; default 25 (the API's default), at most 50. */
  perPage?: number;
}

/** `field`, `field:asc` or `field:desc`. */
export type SortBy<F extends string> = F | `${F}:asc` | `${F}:desc`;

/**
 * Kinds the API may extend are open unions: the known values for `switch`/autocomplete, and any
 * other string passes through unchanged (today's API has e.g. image type `app`).
 */
export type Open<Known extends string> = Known | (string & Record<never, never>);

/**
 * Which API answered: the 2018 contract or today's (see the API changelog, https://docs.hetzner.cloud/changelog). Learned from answers
 * the client gets anyway (servers without `datacenter`, server types with `locations[]`), never by
 * probing; `undefined` until one such answer came.
 */
export type ApiEra = '2018' | '2026';

/** Labels of today's API: key -> value (the value may be empty). */
export type Labels = Record<string, string>;

/** Today's API marks ISOs, server types and a type in a location as deprecated with these dates. */
export interface Deprecation {
  announced: Date;
  /** From this time on it can no longer be used (a type is no longer offered there). */
  unavailableAfter: Date;
}

export type Architecture = Open<'x86' | 'arm'>;

/** Today's API: every list takes a label selector (`env=prod,tier!=db`). */
export interface LabelListParams extends ListOptions {
  labelSelector?: string;
}

export interface NameListParams extends ListOptions {
  name?: string;
}
