// The read-only catalog: server types, locations, datacenters, ISOs and pricing.

import type { IsoSchema } from '../../api/schema';
import { notFound } from '../http';
import { listReply, whereEquals } from '../list';
import type { Route, RouteContext } from '../router';
import type { SimState } from '../state';
import { QueryInput } from '../validate';
import { ok } from './common';

interface Named {
  id: number;
  name: string | null;
}

interface CatalogResource<T extends Named> {
  prefix: string;
  /** Body key of one item, e.g. `server_type` (the list key adds an s). */
  key: string;
  label: string;
  items: (state: SimState) => T[];
  /** What the list shows (GET /{id} shows every item). */
  listed?: (item: T, now: number) => boolean;
  /** Extra check of the name filter (datacenters). */
  checkName?: (q: QueryInput, name: string) => void;
  extra?: (state: SimState) => Record<string, unknown>;
}

const BY_ID_NAME = { id: (i: Named) => i.id, name: (i: Named) => i.name };

function catalogRoutes<T extends Named>(r: CatalogResource<T>): Route[] {
  const list = (ctx: RouteContext) => {
    const q = new QueryInput(ctx.query);
    const name = q.one('name');
    if (name !== undefined) r.checkName?.(q, name);
    const now = ctx.world.now();
    const items = r.items(ctx.world.state).filter((i) => r.listed?.(i, now) ?? true);
    return listReply(ctx, q, whereEquals(items, name, (i) => i.name), {
      key: `${r.key}s`,
      sort: BY_ID_NAME,
      extra: r.extra?.(ctx.world.state),
    });
  };
  const get = (ctx: RouteContext) => {
    const item = r.items(ctx.world.state).find((i) => i.id === ctx.params.id);
    if (!item) throw notFound(r.label, ctx.params.id);
    return ok({ [r.key]: item });
  };
  return [
    { method: 'GET', path: `/${r.prefix}`, handler: list },
    { method: 'GET', path: `/${r.prefix}/:id`, handler: get },
  ];
}

/** Deprecated images and ISOs whose deprecation time has passed are left out of lists. */
export function notDeprecated(item: { deprecated?: string | null }, now: number): boolean {
  return item.deprecated === null || item.deprecated === undefined || Date.parse(item.deprecated) > now;
}

const DATACENTER_NAME = /^[a-z]+\d+-dc\d+$/;

function pricing(ctx: RouteContext) {
  const { state } = ctx.world;
  const serverTypes = state.serverTypes.map((t) => ({ id: t.id, name: t.name, prices: t.prices }));
  return ok({ pricing: { ...state.pricing, server_types: serverTypes } });
}

export const catalogRouteTable: Route[] = [
  ...catalogRoutes({ prefix: 'server_types', key: 'server_type', label: 'server type', items: (s) => s.serverTypes }),
  ...catalogRoutes({ prefix: 'locations', key: 'location', label: 'location', items: (s) => s.locations }),
  ...catalogRoutes({
    prefix: 'datacenters',
    key: 'datacenter',
    label: 'datacenter',
    items: (s) => s.datacenters,
    checkName: (q, name) => {
      if (!DATACENTER_NAME.test(name)) q.fail('name', `'${name}' is not a datacenter name (<location>-dc<number>, e.g. fsn1-dc14)`);
    },
    extra: (s) => ({ recommendation: s.recommendation }),
  }),
  ...catalogRoutes<IsoSchema>({ prefix: 'isos', key: 'iso', label: 'ISO', items: (s) => s.isos, listed: notDeprecated }),
  { method: 'GET', path: '/pricing', handler: pricing },
];
