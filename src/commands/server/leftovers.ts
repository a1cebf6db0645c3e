// Delete Server, today's API: what keeps costing money after the server is gone (its attached
// Volumes, and its Primary IPs with auto_delete off) is named before the confirmation, and the user
// may delete those too. They are deleted once the server is (a volume is detached and a Primary IP
// unassigned by then); protected ones are named and stay.
import type { Pricing, PrimaryIp, Server, Volume } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import { formatMonthly, volumeMonthly } from '../../shared/price';
import { primaryIpPrice } from '../../tree/primaryIpFormat';
import { describeError } from '../../ui/describeError';
import type { CommandContext } from '../context';
import { runCall } from '../runAction';

/** A resource that outlives the server and costs money. */
export interface Leftover {
  kind: 'volume' | 'primaryIp';
  id: number;
  /** `volume "db-data" (100 GB, €4.76/mo)`, `Primary IP 203.0.113.9 "db-ipv4" (€0.60/mo)`. */
  text: string;
  protected: boolean;
}

function volumeLeftover(v: Volume, pricing: Pricing): Leftover {
  return { kind: 'volume', id: v.id, text: `volume "${v.name}" (${v.size} GB, ${formatMonthly(volumeMonthly(pricing.volume?.perGbMonth, v.size))})`, protected: v.protection.delete };
}

function primaryIpLeftover(p: PrimaryIp, pricing: Pricing): Leftover {
  return { kind: 'primaryIp', id: p.id, text: `Primary IP ${p.ip} "${p.name}" (${formatMonthly(primaryIpPrice(pricing, p.type, p.location.name))})`, protected: p.protection.delete };
}

/**
 * The server's attached volumes and kept Primary IPs (auto_delete off), priced; [] against the
 * 2018 API (no such fields) and when there are none. Undefined when they could not be read (said).
 */
export async function findLeftovers(ctx: CommandContext, project: Project, s: Server, title: string): Promise<Leftover[] | undefined> {
  const volumeIds = s.volumeIds ?? [];
  const ipIds = [s.publicNet.ipv4?.primaryIpId, s.publicNet.ipv6?.primaryIpId].filter((id): id is number => id !== undefined);
  if (volumeIds.length === 0 && ipIds.length === 0) return [];
  // One GET per resource (a server has few): listing every Primary IP would cost pages that grow
  // with the project's servers. The prices only when something outlives the server.
  return runCall(ctx, project, title, async (c) => {
    const present = <T>(xs: Array<T | undefined>): T[] => xs.filter((x): x is T => x !== undefined);
    const [volumes, ips] = await Promise.all([
      Promise.all(volumeIds.map((id) => c.volumes.get(id))).then(present),
      Promise.all(ipIds.map((id) => c.primaryIps.get(id))).then(present),
    ]);
    const kept = ips.filter((p) => !p.autoDelete);
    if (volumes.length === 0 && kept.length === 0) return [];
    const pricing = await c.pricing.get();
    return [...volumes.map((v) => volumeLeftover(v, pricing)), ...kept.map((p) => primaryIpLeftover(p, pricing))];
  });
}

/**
 * Names the leftovers and asks which to delete with the server: the chosen ones (possibly none),
 * or undefined when the user cancelled. Protected ones are named, never offered.
 */
export async function askLeftovers(ctx: CommandContext, server: Server, leftovers: readonly Leftover[]): Promise<Leftover[] | undefined> {
  const deletable = leftovers.filter((l) => !l.protected);
  const kept = leftovers.filter((l) => l.protected).map((l) => `${l.text}, protected`);
  const keep = { label: 'Keep them', detail: `They stay${deletable.length ? ', detached or unassigned,' : ''} and keep costing money.` };
  const all = { label: 'Delete them too', detail: `Deleted once the server is: ${deletable.map((l) => l.text).join(', ')}.` };
  const items = deletable.length ? [keep, all] : [keep];
  const placeHolder = `After "${server.name}" is deleted, ${leftovers.map((l) => l.text).join(', ')} ${leftovers.length > 1 ? 'remain' : 'remains'}` + (kept.length ? ` (${kept.length} protected: ${kept.join('; ')})` : '');
  const picked = await ctx.input().quickPick(items, { title: `Delete Server "${server.name}": what keeps costing money`, placeHolder });
  if (!picked) return undefined;
  return picked === all ? deletable : [];
}

/** Deletes the chosen leftovers after the server is gone; says what was deleted and what failed, in the API's words. */
export async function deleteLeftovers(ctx: CommandContext, project: Project, leftovers: readonly Leftover[]): Promise<void> {
  const deleted: string[] = [];
  const failed: string[] = [];
  for (const l of leftovers) {
    const action = `Delete ${l.kind === 'volume' ? 'Volume' : 'Primary IP'}`;
    try {
      const client = await ctx.clients.get(project);
      if (l.kind === 'volume') await client.volumes.delete(l.id);
      else await client.primaryIps.delete(l.id);
      deleted.push(l.text);
    } catch (e) {
      failed.push(`${l.text}: ${describeError(e, { action })}`);
    }
  }
  if (deleted.length) ctx.input().info(`Deleted with the server: ${deleted.join(', ')}.`);
  if (failed.length) ctx.input().error(`Not deleted: ${failed.join(' ')}`);
}
