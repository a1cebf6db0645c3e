// Which API answers (the 2018 contract or today's), learned from answers the client gets anyway:
// a server without `datacenter`, or server types with `locations[]`, come from today's API; a server
// with `datacenter`, or a server type without `locations`, from the 2018 contract. Never probed.

import type { ServerSchema, ServerTypeSchema } from './schema';
import type { ApiEra } from './types';

/** The era a server answer shows: `datacenter` went away from servers on 2026-07-01. */
export function eraOfServer(w: ServerSchema | null | undefined): ApiEra | undefined {
  if (!w || typeof w !== 'object') return undefined;
  return w.datacenter ? '2018' : '2026';
}

/** The era a server type answer shows: `locations[]` arrived on 2025-09-24. */
export function eraOfServerType(w: ServerTypeSchema | null | undefined): ApiEra | undefined {
  if (!w || typeof w !== 'object') return undefined;
  return Array.isArray(w.locations) ? '2026' : '2018';
}

/**
 * One per client, shared by the resources that see servers and server types: they note what each
 * answer shows as they convert it, and the latest answer wins.
 */
export class ApiEraTracker {
  private current: ApiEra | undefined;

  get era(): ApiEra | undefined {
    return this.current;
  }

  note(era: ApiEra | undefined): void {
    if (era !== undefined) this.current = era;
  }
}
