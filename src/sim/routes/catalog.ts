// The read-only catalog: server types, locations, datacenters, ISOs and pricing, rendered for
// the mode (render.ts). Today's API answers 410 for /datacenters.

import type { IsoSchema } from '../../api/schema';
import { notFound } from '../http';
import { listReply, whereEquals } from '../list';
import { renderDatacenter, renderIso, renderLocation, renderPricing, renderServerType, type View } from '../render';
import type { Route, RouteContext } from '../router';
import type { SimState } from '../state';
import { QueryInput } from '../validate';
import { deprecatedEndpoint, ok } from './common';

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
  render: (item: T, view: View) => unknown;
  /** What the list shows (GET /{id} shows every item). */
  listed?: (item: T, now: number) => boolean;
  /** More list filters (their own query parameters). */
  filter?: (ctx: RouteContext, q: QueryInput, items: T[]) => T[];
  /** Extra check of the name filter (datacenters). */
  checkName?: (q: QueryInput, name: string) => void;
  extra?: (state: SimState) => Record<string, unknown>;
  /** Called first; throws when the mode has no such endpoint (datacenters in 2026). */
  guard?: (ctx: RouteContext) => void;
}

const BY_ID_NAME = { id: (i: Named) => i.id, name: (i: Named) => i.name };

function catalogRoutes<T extends Named>(r: CatalogResource<T>): Route[] {
  const list = (ctx: RouteContext) => {
    r.guard?.(ctx);
    const q = new QueryInput(ctx.query);
    const name = q.one('name');
    if (name !== undefined) r.checkName?.(q, name);
    const view = ctx.world.view();
    let items = r.items(ctx.world.state).filter((i) => r.listed?.(i, view.now) ?? true);
    items = r.filter ? r.filter(ctx, q, items) : items;
    return listReply(ctx, q, whereEquals(items, name, (i) => i.name), {
      key: `${r.key}s`,
      sort: BY_ID_NAME,
      render: (item) => r.render(item, view),
      extra: r.extra?.(ctx.world.state),
    });
  };
  const get = (ctx: RouteContext) => {
    r.guard?.(ctx);
    const item = r.items(ctx.world.state).find((i) => i.id === ctx.params.id);
    if (!item) throw notFound(r.label, ctx.params.id);
    return ok({ [r.key]: r.render(item, ctx.world.view()) });
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
export const ARCHITECTURES = ['x86', 'arm'] as const;

/** Today's ISO filters: `architecture` (with the ISOs for any architecture when `include_architecture_wildcard=true`). */
function filterIsos(ctx: RouteContext, q: QueryInput, isos: IsoSchema[]): IsoSchema[] {
  if (ctx.world.api === '2018') return isos;
  const [architecture] = q.all('architecture', { oneOf: ARCHITECTURES });
  const wildcard = q.all('include_architecture_wildcard', { oneOf: ['true', 'false'] }).includes('true');
  if (architecture === undefined) return isos;
  return isos.filter((i) => i.architecture === architecture || (wildcard && (i.architecture ?? null) === null));
}

export const catalogRouteTable: Route[] = [
  ...catalogRoutes({ prefix: 'server_types', key: 'server_type', label: 'server type', items: (s) => s.serverTypes, render: renderServerType }),
  ...catalogRoutes({ prefix: 'locations', key: 'location', label: 'location', items: (s) => s.locations, render: renderLocation }),
  ...catalogRoutes({
    prefix: 'datacenters',
    key: 'datacenter',
    label: 'datacenter',
    items: (s) => s.datacenters,
    render: renderDatacenter,
    guard: (ctx) => {
      // Since 2026-10-01 (the API changelog): 410 for the list and for one.
      if (ctx.world.api === '2026') throw deprecatedEndpoint('the datacenters endpoint');
    },
    checkName: (q, name) => {
      if (!DATACENTER_NAME.test(name)) q.fail('name', `'${name}' is not a datacenter name (<location>-dc<number>, e.g. fsn1-dc14)`);
    },
    extra: (s) => ({ recommendation: s.recommendation }),
  }),
  ...catalogRoutes<IsoSchema>({ prefix: 'isos', key: 'iso', label: 'ISO', items: (s) => s.isos, render: renderIso, listed: notDeprecated, filter: filterIsos }),
  { method: 'GET', path: '/pricing', handler: (ctx) => ok({ pricing: renderPricing(ctx.world.view()) }) },
];
