// The pure parts of Create Server (no vscode import): prices, what the catalog offers in a
// location, the step walk with Back, the summary text and the request it becomes.

import type { Datacenter, Image, Location, Money, ServerCreateParams, ServerType, SshKey } from '../../api/types';

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

/** `€5.18` for EUR, `5.18 USD` for other currencies; two decimals. */
export function formatMoney(amount: number, currency: string): string {
  const value = amount.toFixed(2);
  return currency === 'EUR' ? `€${value}` : `${value} ${currency}`;
}

/** The monthly gross price (`€6.16/month`), or `price unknown` when the API sent none. */
export function formatMonthly(price: Money | undefined): string {
  return price ? `${formatMoney(price.gross, price.currency)}/month` : 'price unknown';
}

/** The type's monthly price in a location (by location name), if the API lists one. */
export function monthlyPrice(type: ServerType, location: string): Money | undefined {
  return type.prices.find((p) => p.location === location)?.monthly;
}

export type Availability = 'available' | 'noCapacity' | 'unsupported';

/** Whether a type can be created in a location now: some datacenter there has capacity, only supports it, or none supports it. */
export function availability(type: ServerType, location: Location, datacenters: readonly Datacenter[]): Availability {
  const here = datacenters.filter((d) => d.location.id === location.id);
  if (here.some((d) => d.serverTypes.available.includes(type.id))) return 'available';
  if (here.some((d) => d.serverTypes.supported.includes(type.id))) return 'noCapacity';
  return 'unsupported';
}

/** `2 vCPU · 4 GB RAM · 40 GB disk` */
export function specs(type: ServerType): string {
  return `${type.cores} vCPU · ${type.memory} GB RAM · ${type.disk} GB disk`;
}

export interface TypeChoice {
  type: ServerType;
  availability: Exclude<Availability, 'unsupported'>;
  price?: Money;
}

/** The types a location offers (unsupported ones left out), cheapest first. */
export function typeChoices(types: readonly ServerType[], location: Location, datacenters: readonly Datacenter[]): TypeChoice[] {
  const choices: TypeChoice[] = [];
  for (const type of types) {
    const a = availability(type, location, datacenters);
    if (a !== 'unsupported') choices.push({ type, availability: a, price: monthlyPrice(type, location.name) });
  }
  const price = (c: TypeChoice) => c.price?.gross ?? Number.POSITIVE_INFINITY;
  return choices.sort((a, b) => price(a) - price(b) || a.type.name.localeCompare(b.type.name));
}

export function isDeprecated(image: Image, now: Date): boolean {
  return image.deprecated !== undefined && image.deprecated.getTime() <= now.getTime();
}

export interface ImageGroup {
  /** `Ubuntu`, `Debian`, ... for system images; `Snapshots` for the project's snapshots. */
  title: string;
  images: Image[];
}

const FLAVOR_TITLES: Record<string, string> = { ubuntu: 'Ubuntu', debian: 'Debian', centos: 'CentOS', fedora: 'Fedora' };

/**
 * The images a server of `disk` GB can start from: available system images and snapshots that
 * are not deprecated and fit the disk, system images grouped by OS, then the snapshots.
 */
export function imageGroups(images: readonly Image[], disk: number, now: Date): ImageGroup[] {
  const usable = images.filter((i) => i.status === 'available' && !isDeprecated(i, now) && i.diskSize <= disk);
  const groups = new Map<string, Image[]>();
  for (const image of usable.filter((i) => i.type === 'system')) {
    const title = FLAVOR_TITLES[image.osFlavor] ?? 'Other';
    groups.set(title, [...(groups.get(title) ?? []), image]);
  }
  const result: ImageGroup[] = [...groups.entries()]
    .sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)))
    .map(([title, list]) => ({ title, images: list.sort((a, b) => (b.osVersion ?? '').localeCompare(a.osVersion ?? '', undefined, { numeric: true })) }));
  const snapshots = usable.filter((i) => i.type === 'snapshot').sort((a, b) => b.created.getTime() - a.created.getTime());
  if (snapshots.length) result.push({ title: 'Snapshots', images: snapshots });
  return result;
}

/** What a user sees for an image: a system image's name, a snapshot's description. */
export function imageLabel(image: Image): string {
  if (image.type === 'system') return image.name ?? image.description;
  return image.description || `snapshot ${image.id}`;
}

export interface UserData {
  fileName: string;
  text: string;
  bytes: number;
}

/** The answers of the wizard so far; each step fills one. */
export interface CreateServerAnswers {
  name?: string;
  location?: Location;
  type?: ServerType;
  image?: Image;
  sshKeys?: SshKey[];
  /** null: the user chose no user data. */
  userData?: UserData | null;
  startAfterCreate?: boolean;
}

export type Complete = Required<CreateServerAnswers>;

export function isComplete(a: CreateServerAnswers): a is Complete {
  return a.name !== undefined && !!a.location && !!a.type && !!a.image && !!a.sshKeys && a.userData !== undefined && a.startAfterCreate !== undefined;
}

/** The summary shown before anything is sent, one line per answer. */
export function summaryLines(a: Complete): string[] {
  const price = monthlyPrice(a.type, a.location.name);
  return [
    `Name: ${a.name}`,
    `Location: ${a.location.name} (${a.location.city}, ${a.location.country})`,
    `Type: ${a.type.name} (${specs(a.type)})`,
    `Image: ${imageLabel(a.image)}${a.image.type === 'snapshot' ? ' (snapshot)' : ''}`,
    a.sshKeys.length
      ? `SSH keys: ${a.sshKeys.map((k) => k.name).join(', ')}`
      : 'SSH keys: none (a root password will be generated and shown once)',
    `User data: ${a.userData ? `${a.userData.fileName} (${formatBytes(a.userData.bytes)})` : 'none'}`,
    `Start after create: ${a.startAfterCreate ? 'yes' : 'no'}`,
    `Price: ${formatMonthly(price)}${price ? ` incl. VAT (${formatMoney(price.net, price.currency)} net)` : ''}; backups not included`,
  ];
}

/** The request the answers become: type by name, image by ID, location by name, keys by ID. */
export function createParams(a: Complete): ServerCreateParams {
  return {
    name: a.name,
    serverType: a.type.name,
    image: a.image.id,
    location: a.location.name,
    sshKeys: a.sshKeys.map((k) => k.id),
    userData: a.userData?.text,
    startAfterCreate: a.startAfterCreate,
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
