// The steps of the Create Server wizard, one function each: a step reads and fills the answers of
// its Wizard and says where the walk goes next (model.ts's walkSteps). createServer.ts puts them
// in order; steps that need more than the catalog of 2018 come from ./todaySteps.ts.
import * as vscode from 'vscode';
import type { Image, Location, ServerType } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import { formatMonthly, formatPriceDetail } from '../../shared/price';
import { deprecationNote } from '../../tree/format';
import { BACK, type Step, type UserInput } from '../../ui/userInput';
import { formatLabelsText, labelsTextProblem, parseLabelsText } from '../labelsText';
import { validateServerName } from '../validate';
import {
  formatBytes,
  imageGroups,
  imageLabel,
  isComplete,
  priceIn,
  specs,
  summaryLines,
  totalMonthly,
  typeChoices,
  userDataProblem,
  type Catalog,
  type CreateServerAnswers,
  type StepOutcome,
} from './model';

export const TITLE = 'Create Server';
const title = TITLE;

/** One run of the wizard: where it asks, for which project, from which catalog, and the answers so far. */
export interface Wizard {
  input(): UserInput;
  project: Project;
  catalog: Catalog;
  a: CreateServerAnswers;
  now: Date;
}

export type StepFn = (step: Step) => Promise<StepOutcome>;

/** Maps a step prompt's answer to the walk: BACK goes back, undefined cancels, a value is applied. */
export function outcome<T>(answer: T | typeof BACK | undefined, apply: (value: T) => StepOutcome | void): StepOutcome {
  if (answer === BACK) return 'back';
  if (answer === undefined) return 'cancel';
  return apply(answer) ?? 'next';
}

function imageDescription(image: Image): string {
  const deprecation = image.deprecated ? ` · deprecated from ${image.deprecated.toISOString().slice(0, 10)}` : '';
  const description = image.type === 'system' ? image.description : `${image.diskSize} GB${image.createdFrom ? ` · from ${image.createdFrom.name}` : ''}`;
  return description + deprecation;
}


export const nameStep = (w: Wizard): StepFn => async (st) =>
  outcome(
    await w.input().stepInputBox(
      {
        title,
        prompt: `Name of the new server in "${w.project.name}" (a hostname: letters, digits, dashes and dots)`,
        placeHolder: 'e.g. web-3',
        value: w.a.name,
        ignoreFocusOut: true,
        validateInput: (v) => validateServerName(v, w.catalog.serverNames),
      },
      st,
    ),
    (v) => void (w.a.name = v),
  );

export const locationStep = (w: Wizard): StepFn => async (st) => {
  const items = w.catalog.locations.map((l) => ({ label: l.name, description: `${l.city}, ${l.country}`, detail: l.description, location: l }));
  const answer = await w.input().stepQuickPick(items, { title, placeHolder: 'Location', matchOnDescription: true, active: items.find((i) => i.location.id === w.a.location?.id) }, st);
  return outcome(answer, (v) => void (w.a.location = v.location));
};

// The types offered in the chosen location, with their price there; deprecated ones with their date.
export const serverTypeStep = (w: Wizard): StepFn => async (st) => {
  const here = w.a.location as Location;
  const items = typeChoices(w.catalog.types, here, w.catalog.datacenters, w.now).map((c) => ({
    label: c.type.name,
    description: `${specs(c.type)} · ${formatMonthly(c.price)}`,
    detail:
      c.availability === 'noCapacity'
        ? `$(warning) not available in ${here.name} at the moment`
        : c.deprecation
          ? `$(warning) ${deprecationNote(c.deprecation)}`
          : undefined,
    choice: c,
  }));
  const answer = await w.input().stepQuickPick(
    items,
    { title, placeHolder: `Server type (monthly price in ${here.name}, incl. VAT)`, matchOnDescription: true, active: items.find((i) => i.choice.type.id === w.a.type?.id) },
    st,
  );
  return outcome(answer, (v) => {
    if (v.choice.availability !== 'available') {
      w.input().warn(`${v.choice.type.name} is not available in ${here.name} at the moment. Pick another type or go back to pick another location.`);
      return 'again';
    }
    w.a.type = v.choice.type;
  });
};

// Images of the type's architecture that fit its disk: system images by OS, snapshots, backups.
export const imageStep = (w: Wizard): StepFn => async (st) => {
  const type = w.a.type as ServerType;
  const items: Array<vscode.QuickPickItem & { image?: Image }> = [];
  for (const group of imageGroups(w.catalog.images, type, w.now)) {
    items.push({ label: group.title, kind: vscode.QuickPickItemKind.Separator });
    for (const i of group.images) items.push({ label: imageLabel(i), description: imageDescription(i), image: i });
  }
  const arch = type.architecture ? ` (${type.architecture})` : '';
  const answer = await w.input().stepQuickPick(items, { title, placeHolder: `Image${arch}`, matchOnDescription: true, active: items.find((i) => i.image && i.image.id === w.a.image?.id) }, st);
  return outcome(answer, (v) => (v.image ? void (w.a.image = v.image) : 'again'));
};

export const sshKeysStep = (w: Wizard): StepFn => async (st) => {
  const placeHolder = 'SSH keys for root (none selected: a root password will be generated and shown once)';
  if (w.catalog.sshKeys.length === 0) {
    const only = { label: 'Continue without SSH keys', description: 'the project has none; a root password will be generated and shown once' };
    return outcome(await w.input().stepQuickPick([only], { title, placeHolder }, st), () => void (w.a.sshKeys = []));
  }
  const items = w.catalog.sshKeys.map((k) => ({ label: k.name, description: k.fingerprint, key: k }));
  const chosen = new Set((w.a.sshKeys ?? []).map((k) => k.id));
  const answer = await w.input().stepQuickPickMany(items, { title, placeHolder, matchOnDescription: true, selected: items.filter((i) => chosen.has(i.key.id)) }, st);
  return outcome(answer, (v) => void (w.a.sshKeys = v.map((i) => i.key)));
};

// cloud-init user data from a file (optional)
export const userDataStep = (w: Wizard): StepFn => async (st) => {
  type Choice = vscode.QuickPickItem & { choice: 'keep' | 'none' | 'file' };
  const items: Choice[] = [];
  if (w.a.userData) items.push({ label: `Keep ${w.a.userData.fileName}`, description: formatBytes(w.a.userData.bytes), choice: 'keep' });
  items.push({ label: 'No user data', choice: 'none' }, { label: 'Choose a cloud-init file…', description: 'at most 32 KiB', choice: 'file' });
  const active = w.a.userData ? items[0] : w.a.userData === null ? items.find((i) => i.choice === 'none') : undefined;
  const answer = await w.input().stepQuickPick(items, { title, placeHolder: 'Cloud-init user data (optional)', active }, st);
  if (answer === BACK || answer === undefined) return outcome(answer, () => undefined);
  if (answer.choice === 'keep') return 'next';
  if (answer.choice === 'none') {
    w.a.userData = null;
    return 'next';
  }
  const uri = await w.input().pickFile({ title: `${TITLE}: cloud-init user data`, openLabel: 'Use as User Data', filters: { 'Cloud-init': ['yaml', 'yml', 'cfg', 'sh', 'txt'], 'All files': ['*'] } });
  if (!uri) return 'again';
  const fileName = uri.path.split('/').pop() ?? uri.path;
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    const tooBig = userDataProblem(fileName, size);
    if (tooBig) {
      w.input().error(tooBig);
      return 'again';
    }
    const bytes = await vscode.workspace.fs.readFile(uri);
    const problem = userDataProblem(fileName, bytes.byteLength);
    if (problem) {
      w.input().error(problem);
      return 'again';
    }
    w.a.userData = { fileName, text: new TextDecoder().decode(bytes), bytes: bytes.byteLength };
    return 'next';
  } catch (e) {
    w.input().error(`Could not read "${fileName}": ${e instanceof Error ? e.message : String(e)}`);
    return 'again';
  }
};

export const startStep = (w: Wizard): StepFn => async (st) => {
  const items = [
    { label: 'Start after create', description: 'the server boots once it is created', start: true },
    { label: 'Leave it off', description: 'power it on later', start: false },
  ];
  const answer = await w.input().stepQuickPick(items, { title, placeHolder: 'Start the server after creating it?', active: items.find((i) => i.start === w.a.startAfterCreate) }, st);
  return outcome(answer, (v) => void (w.a.startAfterCreate = v.start));
};

// Labels (today's API only): key=value pairs, checked with the API's rules before anything is sent.
export const labelsStep = (w: Wizard): StepFn => async (st) => {
  const answer = await w.input().stepInputBox(
    {
      title,
      prompt: 'Labels (optional): key=value pairs separated by commas (a key alone has the empty value); empty for none',
      placeHolder: 'e.g. env=prod, tier=web',
      value: w.a.labels ? formatLabelsText(w.a.labels) : undefined,
      ignoreFocusOut: true,
      validateInput: (v) => labelsTextProblem(v),
    },
    st,
  );
  return outcome(answer, (v) => {
    const parsed = parseLabelsText(v);
    if ('error' in parsed) {
      w.input().error(parsed.error);
      return 'again';
    }
    w.a.labels = parsed.labels;
  });
};

// summary: Create / Back, then every answer and the price
export const summaryStep = (w: Wizard): StepFn => async (st) => {
  if (!isComplete(w.a)) return 'back';
  const lines = summaryLines(w.a, w.catalog.today);
  const price = priceIn(w.a.type, w.a.location.name);
  // With today's options the total (server, new volumes and Primary IPs); otherwise the server's price.
  const total = w.catalog.today ? totalMonthly(w.a, w.catalog.today) : price?.monthly;
  const items: Array<vscode.QuickPickItem & { go?: boolean }> = [
    { label: 'Create', description: w.catalog.today ? formatPriceDetail(total) : formatPriceDetail(price?.monthly, price?.hourly), go: true },
    { label: 'Back', description: 'change an answer', go: false },
    { label: 'Summary', kind: vscode.QuickPickItemKind.Separator },
    ...lines.map((line) => ({ label: line })),
  ];
  const answer = await w.input().stepQuickPick(items, { title, placeHolder: `Create "${w.a.name}" in ${w.a.location.name} for ${formatMonthly(total)}?` }, st);
  return outcome(answer, (v) => (v.go === undefined ? 'again' : v.go ? 'next' : 'back'));
};
