// Create Server's options that only today's API has, in one step: a list of the options with
// their current answer (volumes, networks, placement group, public network) and "Continue to the
// summary". Picking an option opens its own prompt (Back returns to the list), so a user who wants
// none of them passes with one Enter. The pure rules are in ./todayModel.ts.
import * as vscode from 'vscode';
import type { Location, PlacementGroup, VolumeFormat } from '../../api/types';
import { formatMonthly } from '../../shared/price';
import { firewallDescription } from '../../tree/firewallFormat';
import { BACK, type Step } from '../../ui/userInput';
import { MIN_GB, sizeProblem, volumeNameProblem } from '../volume/common';
import { outcome, TITLE, type StepFn, type Wizard } from './steps';
import {
  attachableVolumes,
  BOTH_NEW,
  describePublicNet,
  freePrimaryIps,
  joinableNetworks,
  newVolumeMonthly,
  newVolumeName,
  openPlacementGroups,
  PLACEMENT_GROUP_MAX,
  primaryIpMonthly,
  sumMonthly,
  todayProblem,
  type NewVolume,
  type PublicNetChoice,
  type TodayCatalog,
} from './todayModel';

const title = TITLE;
const VOLUME_TITLE = `${TITLE}: new volume`;

type SubStep = (w: Wizard, t: TodayCatalog, st: Step) => Promise<'done' | 'cancel'>;

const here = (w: Wizard): Location => w.a.location as Location;

/** Asks size, name and filesystem of a new volume; undefined when cancelled. */
async function askNewVolume(w: Wizard, t: TodayCatalog): Promise<NewVolume | undefined> {
  const sizeText = await w.input().inputBox({
    title: VOLUME_TITLE,
    prompt: `Size in GB (${MIN_GB} to 10240), made in ${here(w).name}, attached to "${w.a.name}" and mounted once the server exists`,
    value: String(MIN_GB),
    ignoreFocusOut: true,
    validateInput: (v) => sizeProblem(v, MIN_GB),
  });
  if (sizeText === undefined) return undefined;
  const size = Number(sizeText.trim());
  const taken = [...t.volumes.map((v) => v.name), ...(w.a.newVolumes ?? []).map((v) => v.name)];
  const name = await w.input().inputBox({
    title: VOLUME_TITLE,
    prompt: `Name of the new ${size} GB volume (${formatMonthly(newVolumeMonthly(t.pricing, size))})`,
    value: newVolumeName(w.a.name ?? 'server', taken),
    ignoreFocusOut: true,
    validateInput: (v) => volumeNameProblem(v.trim(), taken),
  });
  if (name === undefined) return undefined;
  const formats: Array<vscode.QuickPickItem & { format?: VolumeFormat }> = [
    { label: 'ext4', format: 'ext4' },
    { label: 'xfs', format: 'xfs' },
    { label: 'Not formatted', description: 'make a filesystem yourself' },
  ];
  const format = await w.input().quickPick(formats, { title: VOLUME_TITLE, placeHolder: 'Filesystem of the new volume' });
  return format ? { name: name.trim(), size, format: format.format } : undefined;
}

/** Volumes: the detached ones in the location, the new ones added so far, and "New volume…". */
const volumes: SubStep = async (w, t, st) => {
  for (;;) {
    type Item = vscode.QuickPickItem & { volumeId?: number; fresh?: NewVolume; add?: true };
    const existing = attachableVolumes(t.volumes, here(w));
    const fresh = w.a.newVolumes ?? [];
    const items: Item[] = [
      ...existing.map((v) => ({ label: v.name, description: `${v.size} GB · detached · ${formatMonthly(newVolumeMonthly(t.pricing, v.size))}`, volumeId: v.id })),
      ...fresh.map((v) => ({ label: v.name, description: `${v.size} GB · new · ${v.format ?? 'not formatted'} · ${formatMonthly(newVolumeMonthly(t.pricing, v.size))}`, fresh: v })),
      { label: 'New volume…', description: `${MIN_GB} GB to 10 TB, priced per GB`, add: true },
    ];
    const chosen = new Set((w.a.existingVolumes ?? []).map((v) => v.id));
    const selected = items.filter((i) => (i.volumeId !== undefined && chosen.has(i.volumeId)) || i.fresh);
    const none = existing.length ? '' : ` (no detached volume in ${here(w).name})`;
    const answer = await w.input().stepQuickPickMany(items, { title, placeHolder: `Volumes to attach and mount${none}`, selected }, st);
    if (answer === BACK) return 'done';
    if (answer === undefined) return 'cancel';
    w.a.existingVolumes = existing.filter((v) => answer.some((i) => i.volumeId === v.id));
    w.a.newVolumes = answer.flatMap((i) => (i.fresh ? [i.fresh] : []));
    if (!answer.some((i) => i.add)) return 'done';
    const added = await askNewVolume(w, t);
    if (added) w.a.newVolumes = [...w.a.newVolumes, added];
  }
};

/** Networks with a subnet in the location's network zone. */
const networks: SubStep = async (w, t, st) => {
  const zone = here(w).networkZone ?? here(w).name;
  const items = joinableNetworks(t.networks, here(w)).map((n) => ({
    label: n.name,
    description: `${n.ipRange} · subnets in ${zone}: ${n.subnets.filter((s) => s.networkZone === zone).map((s) => s.ipRange).join(', ')}`,
    network: n,
  }));
  const others = t.networks.length - items.length;
  const note = items.length === 0 ? ` (no network has a subnet in ${zone})` : others > 0 ? ` (${others} without a subnet in ${zone} not shown)` : '';
  const chosen = new Set((w.a.networks ?? []).map((n) => n.id));
  const answer = await w.input().stepQuickPickMany(items, { title, placeHolder: `Private networks to attach${note}`, selected: items.filter((i) => chosen.has(i.network.id)) }, st);
  if (answer === undefined) return 'cancel';
  if (answer !== BACK) w.a.networks = answer.map((i) => i.network);
  return 'done';
};

/** A spread placement group with room, or none. */
const placementGroup: SubStep = async (w, t, st) => {
  const items: Array<vscode.QuickPickItem & { group: PlacementGroup | null }> = [
    { label: 'No placement group', group: null },
    ...openPlacementGroups(t.placementGroups).map((g) => ({ label: g.name, description: `${g.type} · ${g.serverIds.length} of ${PLACEMENT_GROUP_MAX} servers`, group: g })),
  ];
  const active = items.find((i) => (i.group?.id ?? null) === (w.a.placementGroup?.id ?? null));
  const answer = await w.input().stepQuickPick(items, { title, placeHolder: 'Placement group (spread: each server on another host)', active }, st);
  if (answer === undefined) return 'cancel';
  if (answer !== BACK) w.a.placementGroup = answer.group;
  return 'done';
};

/** The public interface: new Primary IPs (priced), one family only, none, or an unassigned Primary IP of the location. */
const publicNet: SubStep = async (w, t, st) => {
  const loc = here(w);
  const primaryIps = await t.primaryIps();
  if (!primaryIps) return 'done';
  const price = (p: PublicNetChoice) => formatMonthly(sumMonthly((['ipv4', 'ipv6'] as const).filter((f) => p[f] === 'new').map((f) => primaryIpMonthly(t.pricing, f, loc.name))));
  const choices: PublicNetChoice[] = [
    BOTH_NEW,
    { ipv4: 'none', ipv6: 'new' },
    { ipv4: 'new', ipv6: 'none' },
    ...freePrimaryIps(primaryIps, 'ipv4', loc).map((ip) => ({ ipv4: ip, ipv6: 'new' as const })),
    ...freePrimaryIps(primaryIps, 'ipv6', loc).map((ip) => ({ ipv4: 'new' as const, ipv6: ip })),
    { ipv4: 'none', ipv6: 'none' },
  ];
  const items = choices.map((c) => ({ label: describePublicNet(c).replace(/^./, (x) => x.toUpperCase()), description: c.ipv4 === 'none' && c.ipv6 === 'none' ? 'needs a private network' : `new Primary IPs ${price(c)}`, choice: c }));
  const same = (c: PublicNetChoice) => describePublicNet(c) === describePublicNet(w.a.publicNet ?? BOTH_NEW);
  for (;;) {
    const answer = await w.input().stepQuickPick(items, { title, placeHolder: `Public network in ${loc.name} (each public address is a Primary IP)`, active: items.find((i) => same(i.choice)) }, st);
    if (answer === undefined) return 'cancel';
    if (answer === BACK) return 'done';
    const problem = todayProblem({ ...w.a, publicNet: answer.choice });
    if (!problem) {
      w.a.publicNet = answer.choice;
      return 'done';
    }
    w.input().warn(problem);
  }
};

/** Firewalls applied to the server when it is made (multi-pick; none is the API's default). */
const firewallsStep: SubStep = async (w, t, st) => {
  const list = await t.firewalls?.();
  if (!list) return 'done';
  const items = list.map((f) => ({ label: f.name, description: firewallDescription(f), firewall: f }));
  const chosen = new Set((w.a.firewalls ?? []).map((f) => f.id));
  const none = items.length ? '' : ' (the project has no firewall: create one in the Firewalls folder)';
  for (;;) {
    const answer = await w.input().stepQuickPickMany(items, { title, placeHolder: `Firewalls to apply to the server${none}`, selected: items.filter((i) => chosen.has(i.firewall.id)) }, st);
    if (answer === undefined) return 'cancel';
    if (answer === BACK) return 'done';
    const picked = answer.map((i) => i.firewall);
    const problem = todayProblem({ ...w.a, firewalls: picked });
    if (!problem) {
      w.a.firewalls = picked;
      return 'done';
    }
    w.input().warn(problem);
  }
};

/**
 * The options step: each option with its current answer; picking one opens it, "Continue to the
 * summary" goes on. Against a 2018 API there is no such step (createServer.ts leaves it out).
 */
export const optionsStep =
  (w: Wizard): StepFn =>
  async (st) => {
    const t = w.catalog.today;
    if (!t) return 'next';
    const a = w.a;
    const volumeNames = [...(a.existingVolumes ?? []).map((v) => v.name), ...(a.newVolumes ?? []).map((v) => `new ${v.name}`)];
    type Item = vscode.QuickPickItem & { open?: SubStep };
    const items: Item[] = [
      { label: 'Continue to the summary' },
      { label: 'Options', kind: vscode.QuickPickItemKind.Separator },
      { label: 'Volumes…', description: volumeNames.join(', ') || 'none', open: volumes },
      { label: 'Networks…', description: a.networks?.map((n) => n.name).join(', ') || 'none', open: networks },
      { label: 'Placement group…', description: a.placementGroup?.name ?? 'none', open: placementGroup },
      { label: 'Public network…', description: describePublicNet(a.publicNet ?? BOTH_NEW), open: publicNet },
      ...(t.firewalls ? [{ label: 'Firewalls…', description: a.firewalls?.map((f) => f.name).join(', ') || 'none', open: firewallsStep }] : []),
    ];
    const answer = await w.input().stepQuickPick(items, { title, placeHolder: 'Volumes, networks, placement group and public network (optional)' }, st);
    if (answer === BACK || answer === undefined) return outcome(answer, () => undefined);
    if (answer.open) return (await answer.open(w, t, st)) === 'cancel' ? 'cancel' : 'again';
    const problem = todayProblem(a);
    if (!problem) return 'next';
    w.input().warn(problem);
    return 'again';
  };
