// What the volume commands share: picking a volume, its name in messages, its price, and the
// shell-safe mount command.
import type { HcloudClient } from '../../api/client';
import type { Money, Volume } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import { formatPriceDetail, volumeMonthly } from '../../shared/price';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { pickTarget, type Target } from '../pick';
import type { Protectable } from '../protection';
import { runCall } from '../runAction';

export const MIN_GB = 10;
export const MAX_GB = 10240;

export function volumeName(v: Volume): string {
  return `volume "${v.name}"`;
}

/** Said from the palette against a project that answers as the 2018 API (which has no volumes). */
export const NO_VOLUMES = "This project's API has no volumes (it answers as the 2018 API).";

export function pickVolume(ctx: CommandContext, node: TreeNode | undefined, title: string, filter?: (v: Volume) => boolean, none = 'There is no volume.'): Promise<Target<Volume> | undefined> {
  let old = false;
  return pickTarget<Volume>(ctx, node, {
    kind: 'volume',
    title,
    list: async (c) => {
      old = c.era === '2018';
      return old ? [] : c.volumes.listAll();
    },
    filter,
    item: (v) => ({
      label: v.name,
      description: [`${v.size} GB`, v.location.name, v.serverId === undefined ? 'not attached' : `server ${v.serverId}`].join(' · '),
      detail: v.linuxDevice,
    }),
    get none() {
      return old ? NO_VOLUMES : none;
    },
  });
}

export function protectable(t: Target<Volume>): Protectable {
  return {
    project: t.project,
    kind: 'volume',
    id: t.resource.id,
    what: `Volume "${t.resource.name}"`,
    protected: t.resource.protection.delete,
    changeProtection: (c: HcloudClient, remove: boolean) => c.volumes.changeProtection(t.resource.id, { delete: !remove }),
  };
}

/** Today's `pricing.volume` per GB and month (undefined when the API sent none); undefined `ok` when the request failed (it said why). */
export async function volumePricePerGb(ctx: CommandContext, project: Project, title: string): Promise<{ ok: boolean; perGb?: Money }> {
  const pricing = await runCall(ctx, project, title, (c) => c.pricing.get());
  return { ok: pricing !== undefined, perGb: pricing?.volume?.perGbMonth };
}

/** `€5.24/mo (€4.40/mo net)` for `size` GB, in the one price format. */
export function volumePriceText(perGb: Money | undefined, size: number): string {
  return formatPriceDetail(volumeMonthly(perGb, size));
}

/** A word for a shell: as it is when it holds only safe characters, else single-quoted. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `mkdir -p /mnt/<name> && mount -o discard,defaults <device> /mnt/<name>` */
export function mountCommand(v: Pick<Volume, 'name' | 'linuxDevice'>): string {
  const dir = shellWord(`/mnt/${v.name}`);
  return `mkdir -p ${dir} && mount -o discard,defaults ${shellWord(v.linuxDevice)} ${dir}`;
}

/** The API's rule for a volume name (1 to 64 of letters, digits, `-`, `_`, `.`, starting and ending with a letter or digit). */
export function volumeNameProblem(name: string, taken: readonly string[] = []): string | undefined {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$/.test(name)) return 'Use 1 to 64 letters, digits, "-", "_" or ".", starting and ending with a letter or digit.';
  return taken.includes(name) ? `A volume named "${name}" exists already.` : undefined;
}

/** A size in GB typed by the user: an integer in [min, MAX_GB]. */
export function sizeProblem(text: string, min: number): string | undefined {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) return 'A whole number of GB.';
  if (value < min) return min === MIN_GB ? `At least ${MIN_GB} GB.` : `More than the current size: at least ${min} GB (a volume cannot shrink).`;
  if (value > MAX_GB) return `At most ${MAX_GB} GB (10 TB).`;
  return undefined;
}
