// A project's monthly gross total computed from the simulator's raw JSON alone (/pricing and the
// lists), without the client's converters or the cost model: the reference the cost tests compare
// the extension's total with. Only loopback (the simulator).
import type { Simulator } from '../../src/sim/types';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const gross = (price: Json | undefined) => Number(price?.gross);

async function raw(sim: Simulator, path: string): Promise<Json> {
  const res = await fetch(`${sim.url}${path}`, { headers: { Authorization: `Bearer ${sim.token}` } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as Json;
}

/** The gross total and the number of billed lines (a server with backups counts two). */
export async function independentTotal(sim: Simulator, today: boolean): Promise<{ total: number; items: number }> {
  const { pricing } = await raw(sim, '/pricing');
  const list = async (path: string, key: string) => ((await raw(sim, `${path}${path.includes('?') ? '&' : '?'}per_page=50`))[key] ?? []) as Json[];
  const inLocation = (prices: Json[], location: string) => gross(prices.find((p) => p.location === location)?.price_monthly);
  const ofType = (table: Json[], type: string) => table.find((x) => x.type === type)?.prices as Json[];
  let total = 0;
  let items = 0;
  const add = (amount: number) => {
    total += amount;
    items++;
  };
  for (const s of await list('/servers', 'servers')) {
    const price = inLocation(pricing.server_types.find((t: Json) => t.id === s.server_type.id).prices, s.location?.name ?? s.datacenter.location.name);
    add(price);
    if (s.backup_window) add((price * Number(pricing.server_backup.percentage)) / 100);
  }
  for (const i of await list('/images?type=snapshot', 'images')) add(i.image_size * gross(pricing.image.price_per_gb_month));
  for (const f of await list('/floating_ips', 'floating_ips')) add(today ? inLocation(ofType(pricing.floating_ips, f.type), f.home_location.name) : gross(pricing.floating_ip.price_monthly));
  if (!today) return { total, items };
  for (const v of await list('/volumes', 'volumes')) add(v.size * gross(pricing.volume.price_per_gb_month));
  for (const p of await list('/primary_ips', 'primary_ips')) add(inLocation(ofType(pricing.primary_ips, p.type), p.location?.name ?? p.datacenter.location.name));
  for (const lb of await list('/load_balancers', 'load_balancers')) add(inLocation(pricing.load_balancer_types.find((t: Json) => t.id === lb.load_balancer_type.id).prices, lb.location.name));
  return { total, items };
}
