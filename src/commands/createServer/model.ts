// The pure parts of Create Server (no vscode import): what the catalog offers in a location (from
// the server types' `locations[]` of today's API, or the 2018 datacenters), which images fit a
// type, the step walk with Back, the summary text and the request it becomes. Labels are typed and
// read as Edit Labels does (../labelsText.ts).

import type { ApiEra, Architecture, Datacenter, Deprecation, Image, Labels, Location, Money, ServerCreateParams, ServerType, ServerTypePrice, SshKey } from '../../api/types';
import { formatMonthly, formatPriceDetail } from '../../shared/price';
import { formatLabelsText } from '../labelsText';
import { sumMonthly, todayCreateParams, todayMonthly, todaySummaryLines, type TodayAnswers, type TodayCatalog } from './todayModel';

/** Everything the wizard offers, loaded once per run. */
export interface Catalog {
  serverNames: string[];
  locations: Location[];
  /** Only from the 2018 contract (its server types lack `locations`); empty against today's API. */
  datacenters: Datacenter[];
  types: ServerType[];
  /** System images, the project's snapshots and backups. */
  images: Image[];
  sshKeys: SshKey[];
  /** Whether the API has labels (today's API): the wizard then has a labels step. */
  labels: boolean;
  /** Today's API: volumes, networks, placement groups, Primary IPs and prices for the options step. */
  today?: TodayCatalog;
}

/** The API refuses user data above 32 KiB. */
export const USER_DATA_LIMIT = 32 * 1024;

/** Why a user-data file of `bytes` cannot be sent, or undefined when it can. */
export function userDataProblem(fileName: string, bytes: number): string | undefined {
  if (bytes > USER_DATA_LIMIT) {
    return `"${fileName}" is ${formatBytes(bytes)} (${bytes} bytes); cloud-init user data may be at most 32 KiB (${USER_DATA_LIMIT} bytes). Choose a smaller file or skip user data.`;
  }
  return undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** The type's price entry in a location (by location name), if the API lists one. */
export function priceIn(type: ServerType, location: string): ServerTypePrice | undefined {
  return type.prices.find((p) => p.location === location);
}

/** The type's monthly price in a location (by location name), if the API lists one. */
export function monthlyPrice(type: ServerType, location: string): Money | undefined {
  return priceIn(type, location)?.monthly;
}

/**
 * Whether a type can be created in a location now: `available`; `noCapacity` (2018 contract: a
 * datacenter there supports it but has no capacity); `unsupported` (not offered there at all).
 */
export type Availability = 'available' | 'noCapacity' | 'unsupported';

export interface TypeStanding {
  availability: Availability;
  /** Set when the type is deprecated there but can still be created until `unavailableAfter`. */
  deprecation?: Deprecation;
}

const passed = (d: Deprecation | undefined, now: Date): boolean => d !== undefined && d.unavailableAfter.getTime() <= now.getTime();

/**
 * How a type stands in a location at `now`. Today's API says it in `type.locations[]` (offered
 * only where listed with `available: true`, and not after its `unavailable_after`); the 2018
 * contract says it in the datacenters (some datacenter there has capacity, or only supports it).
 */
export function standing(type: ServerType, location: Location, datacenters: readonly Datacenter[], now: Date): TypeStanding {
  if (passed(type.deprecation, now)) return { availability: 'unsupported' };
  if (type.locations) {
    const here = type.locations.find((l) => l.name === location.name);
    if (!here || !here.available || passed(here.deprecation, now)) return { availability: 'unsupported' };
    return { availability: 'available', deprecation: here.deprecation ?? type.deprecation };
  }
  return { availability: availability(type, location, datacenters), deprecation: type.deprecation };
}

/** 2018 contract: whether some datacenter of the location has capacity for the type, only supports it, or none supports it. */
export function availability(type: ServerType, location: Location, datacenters: readonly Datacenter[]): Availability {
  const here = datacenters.filter((d) => d.location.id === location.id);
  if (here.some((d) => d.serverTypes.available.includes(type.id))) return 'available';
  if (here.some((d) => d.serverTypes.supported.includes(type.id))) return 'noCapacity';
  return 'unsupported';
}

/** Whether availability needs the datacenters: only when the types came without `locations` (the 2018 answer). */
export function needsDatacenters(types: readonly ServerType[]): boolean {
  return types.some((t) => t.locations === undefined);
}

/** Whether the API has labels: today's API (the client saw it, or the types carry `locations`). */
export function labelsSupported(era: ApiEra | undefined, types: readonly ServerType[]): boolean {
  return era === '2026' || types.some((t) => t.locations !== undefined);
}

/** A type's or an image's architecture; the 2018 contract has none, and everything there is x86. */
export function architectureOf(x: { architecture?: Architecture }): Architecture {
  return x.architecture ?? 'x86';
}

/** `2 vCPU · 4 GB RAM · 40 GB disk`, plus `· arm` when the API names the architecture. */
export function specs(type: ServerType): string {
  return [`${type.cores} vCPU`, `${type.memory} GB RAM`, `${type.disk} GB disk`, type.architecture].filter(Boolean).join(' · ');
}

export interface TypeChoice {
  type: ServerType;
  availability: Exclude<Availability, 'unsupported'>;
  price?: Money;
  /** Deprecated in this location, still offered until the date. */
  deprecation?: Deprecation;
}

/** The types a location offers at `now` (the others left out), cheapest first. */
export function typeChoices(types: readonly ServerType[], location: Location, datacenters: readonly Datacenter[], now: Date): TypeChoice[] {
  const choices: TypeChoice[] = [];
  for (const type of types) {
    const s = standing(type, location, datacenters, now);
    if (s.availability !== 'unsupported') choices.push({ type, availability: s.availability, price: monthlyPrice(type, location.name), deprecation: s.deprecation });
  }
  const price = (c: TypeChoice) => c.price?.gross ?? Number.POSITIVE_INFINITY;
  return choices.sort((a, b) => price(a) - price(b) || a.type.name.localeCompare(b.type.name));
}

export function isDeprecated(image: Image, now: Date): boolean {
  return image.deprecated !== undefined && image.deprecated.getTime() <= now.getTime();
}

export interface ImageGroup {
  /** `Ubuntu`, `Debian`, ... for system images; `Snapshots` and `Backups` for the project's own. */
  title: string;
  images: Image[];
}

const FLAVOR_TITLES: Record<string, string> = { ubuntu: 'Ubuntu', debian: 'Debian', centos: 'CentOS', fedora: 'Fedora' };

/**
 * The images a server of this type can start from: available images of the type's architecture
 * that are not deprecated and fit its disk; system images grouped by OS, then the project's
 * snapshots, then its backups (newest first).
 */
export function imageGroups(images: readonly Image[], type: Pick<ServerType, 'disk' | 'architecture'>, now: Date): ImageGroup[] {
  const arch = architectureOf(type);
  const usable = images.filter((i) => i.status === 'available' && !isDeprecated(i, now) && i.diskSize <= type.disk && architectureOf(i) === arch);
  const groups = new Map<string, Image[]>();
  for (const image of usable.filter((i) => i.type === 'system')) {
    const title = FLAVOR_TITLES[image.osFlavor] ?? 'Other';
    groups.set(title, [...(groups.get(title) ?? []), image]);
  }
  const result: ImageGroup[] = [...groups.entries()]
    .sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)))
    .map(([title, list]) => ({ title, images: list.sort((a, b) => (b.osVersion ?? '').localeCompare(a.osVersion ?? '', undefined, { numeric: true })) }));
  const newest = (a: Image, b: Image) => b.created.getTime() - a.created.getTime();
  for (const [kind, title] of [['snapshot', 'Snapshots'], ['backup', 'Backups']] as const) {
    const own = usable.filter((i) => i.type === kind).sort(newest);
    if (own.length) result.push({ title, images: own });
  }
  return result;
}

/** What a user sees for an image: a system image's name, a snapshot's or backup's description. */
export function imageLabel(image: Image): string {
  if (image.type === 'system') return image.name ?? image.description;
  return image.description || `${image.type} ${image.id}`;
}

export interface UserData {
  fileName: string;
  text: string;
  bytes: number;
}

/** The answers of the wizard so far; each step fills one (today's options: see ./todayModel.ts). */
export interface CreateServerAnswers extends TodayAnswers {
  name?: string;
  location?: Location;
  type?: ServerType;
  image?: Image;
  sshKeys?: SshKey[];
  /** null: the user chose no user data. */
  userData?: UserData | null;
  startAfterCreate?: boolean;
  /** Today's API only (the step is left out against the 2018 contract); `{}` when none were given. */
  labels?: Labels;
}

export type Complete = Required<Omit<CreateServerAnswers, 'labels' | keyof TodayAnswers>> & Pick<CreateServerAnswers, 'labels' | keyof TodayAnswers>;

export function isComplete(a: CreateServerAnswers): a is Complete {
  return a.name !== undefined && !!a.location && !!a.type && !!a.image && !!a.sshKeys && a.userData !== undefined && a.startAfterCreate !== undefined;
}

/**
 * The summary shown before anything is sent, one line per answer, the price last; with today's
 * catalog also the options and the monthly total of everything the wizard creates.
 */
export function summaryLines(a: Complete, today?: TodayCatalog): string[] {
  const price = priceIn(a.type, a.location.name);
  const extras = today ? todayMonthly(a, today.pricing, a.location.name) : [];
  const kind = a.image.type === 'system' ? '' : ` (${a.image.type})`;
  return [
    `Name: ${a.name}`,
    `Location: ${a.location.name} (${a.location.city}, ${a.location.country})`,
    `Type: ${a.type.name} (${specs(a.type)})`,
    `Image: ${imageLabel(a.image)}${kind}`,
    a.sshKeys.length
      ? `SSH keys: ${a.sshKeys.map((k) => k.name).join(', ')}`
      : 'SSH keys: none (a root password will be generated and shown once)',
    `User data: ${a.userData ? `${a.userData.fileName} (${formatBytes(a.userData.bytes)})` : 'none'}`,
    `Start after create: ${a.startAfterCreate ? 'yes' : 'no'}`,
    ...(a.labels ? [`Labels: ${formatLabelsText(a.labels) || 'none'}`] : []),
    ...(today ? todaySummaryLines(a, today.pricing, a.location.name) : []),
    `Price: ${formatPriceDetail(price?.monthly, price?.hourly)}, VAT included; backups not included`,
    ...(extras.length ? [`Total with the new volumes and Primary IPs: ${formatMonthly(sumMonthly([price?.monthly, ...extras]))}, VAT included`] : []),
  ];
}

/** The monthly price of everything the wizard creates: the server, and with today's catalog its new volumes and Primary IPs. */
export function totalMonthly(a: Complete, today?: TodayCatalog): Money | undefined {
  const server = priceIn(a.type, a.location.name)?.monthly;
  return today ? sumMonthly([server, ...todayMonthly(a, today.pricing, a.location.name)]) : server;
}

/** The request the answers become: type by name, image by ID, location by name, keys by ID, labels when given. */
export function createParams(a: Complete): ServerCreateParams {
  return {
    name: a.name,
    serverType: a.type.name,
    image: a.image.id,
    location: a.location.name,
    sshKeys: a.sshKeys.map((k) => k.id),
    userData: a.userData?.text,
    startAfterCreate: a.startAfterCreate,
    ...(a.labels && Object.keys(a.labels).length ? { labels: a.labels } : {}),
    ...todayCreateParams(a),
  };
}

/** What a step did: go on, go back, ask the same step again, or stop (cancelled). */
export type StepOutcome = 'next' | 'back' | 'again' | 'cancel';

/**
 * Walks the steps in order: `next` moves on, `back` returns to the previous step (the first
 * step stays), `again` repeats the step, `cancel` stops. True when the last step moved on.
 */
export async function walkSteps(steps: ReadonlyArray<() => Promise<StepOutcome>>): Promise<boolean> {
  let i = 0;
  while (i < steps.length) {
    const outcome = await steps[i]();
    if (outcome === 'cancel') return false;
    if (outcome === 'next') i++;
    else if (outcome === 'back') i = Math.max(0, i - 1);
  }
  return true;
}
