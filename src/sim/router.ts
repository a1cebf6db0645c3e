// Route tables: each file under routes/ exports its routes as data ({ method, path, handler });
// the Router matches `:name` segments (digits only, so `/servers/abc` is a 404).

import type { Query, Reply } from './http';
import type { World } from './engine';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteContext {
  world: World;
  /** Path parameters (`:id`, `:action_id`) as numbers. */
  params: Record<string, number>;
  query: Query;
  /** Parsed JSON body (undefined when there was none). */
  body: unknown;
  /** Path after /v1, without the query. */
  path: string;
}

export type Handler = (ctx: RouteContext) => Reply;

export interface Route {
  method: HttpMethod;
  path: string;
  handler: Handler;
}

interface CompiledRoute extends Route {
  segments: string[];
}

export class Router {
  private readonly routes: CompiledRoute[];

  constructor(routes: Route[]) {
    this.routes = routes.map((r) => ({ ...r, segments: split(r.path) }));
  }

  match(method: string, path: string): { route: Route; params: Record<string, number> } | undefined {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params = matchSegments(route.segments, parts);
      if (params) return { route, params };
    }
    return undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((p) => p.length > 0);
}

function matchSegments(pattern: string[], parts: string[]): Record<string, number> | undefined {
  const params: Record<string, number> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i];
    if (p.startsWith(':')) {
      if (!/^\d{1,15}$/.test(parts[i])) return undefined;
      params[p.slice(1)] = Number(parts[i]);
    } else if (p !== parts[i]) return undefined;
  }
  return params;
}
