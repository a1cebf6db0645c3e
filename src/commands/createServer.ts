import * as vscode from 'vscode';
import type { AnswerLost } from '../api/lostAnswer';
import type { Datacenter, Image, Location, ServerCreateResult, ServerType, SshKey } from '../api/types';
import type { Project } from '../projects/projectStore';
import { formatMonthly, formatPriceDetail } from '../shared/price';
import { deprecationNote } from '../tree/format';
import type { TreeNode } from '../tree/node';
import { BACK, type Step } from '../ui/userInput';
import type { CommandContext } from './context';
import {
  createParams,
  formatBytes,
  imageGroups,
  imageLabel,
  isComplete,
  labelsSupported,
  needsDatacenters,
  priceIn,
  specs,
  summaryLines,
  typeChoices,
  userDataProblem,
  walkSteps,
  type CreateServerAnswers,
  type StepOutcome,
} from './createServer/model';
import { formatLabelsText, labelsTextProblem, parseLabelsText } from './labelsText';
import { pickProject } from './pick';
import { resetRootPassword } from './server/power';
import { runAction, runCall } from './runAction';
import { validateServerName } from './validate';

const TITLE = 'Create Server';

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
}

/**
 * Loads the lists in parallel; the datacenters only when the server types came without
 * `locations` (the 2018 answer): today's API answers `/datacenters` with 410 and says
 * everything the wizard needs in the types.
 */
async function loadCatalog(ctx: CommandContext, project: Project): Promise<Catalog | undefined> {
  return runCall(ctx, project, `${TITLE}: load the catalog of "${project.name}"`, async (client) =>
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `${TITLE}: loading…` }, async () => {
      const [servers, locations, types, images, sshKeys] = await Promise.all([
        client.servers.listAll(),
        client.locations.listAll(),
        client.serverTypes.listAll(),
        client.images.listAll({ type: ['system', 'snapshot', 'backup'] }),
        client.sshKeys.listAll(),
      ]);
      const datacenters = needsDatacenters(types) ? await client.datacenters.listAll() : [];
      return { serverNames: servers.map((s) => s.name), locations, datacenters, types, images, sshKeys, labels: labelsSupported(client.era, types) };
    }),
  );
}

const title = TITLE;

/** Maps a step prompt's answer to the walk: BACK goes back, undefined cancels, a value is applied. */
function outcome<T>(answer: T | typeof BACK | undefined, apply: (value: T) => StepOutcome | void): StepOutcome {
  if (answer === BACK) return 'back';
  if (answer === undefined) return 'cancel';
  return apply(answer) ?? 'next';
}

type StepFn = (step: Step) => Promise<StepOutcome>;

function imageDescription(image: Image): string {
  const deprecation = image.deprecated ? ` · deprecated from ${image.deprecated.toISOString().slice(0, 10)}` : '';
  const description = image.type === 'system' ? image.description : `${image.diskSize} GB${image.createdFrom ? ` · from ${image.createdFrom.name}` : ''}`;
  return description + deprecation;
}

/**
 * The Create Server wizard: name, location, type, image, SSH keys, user data, start after create,
 * labels (today's API only), and a summary with the price. Returns the answers once the user chose Create.
 */
export async function askCreateServer(ctx: CommandContext, project: Project, catalog: Catalog, now = new Date()): Promise<CreateServerAnswers | undefined> {
  const a: CreateServerAnswers = {};
  const input = () => ctx.input();

  const name: StepFn = async (st) =>
    outcome(
      await input().stepInputBox(
        {
          title,
          prompt: `Name of the new server in "${project.name}" (a hostname: letters, digits, dashes and dots)`,
          placeHolder: 'e.g. web-3',
          value: a.name,
          ignoreFocusOut: true,
          validateInput: (v) => validateServerName(v, catalog.serverNames),
        },
        st,
      ),
      (v) => void (a.name = v),
    );

  const location: StepFn = async (st) => {
    const items = catalog.locations.map((l) => ({ label: l.name, description: `${l.city}, ${l.country}`, detail: l.description, location: l }));
    const answer = await input().stepQuickPick(items, { title, placeHolder: 'Location', matchOnDescription: true, active: items.find((i) => i.location.id === a.location?.id) }, st);
    return outcome(answer, (v) => void (a.location = v.location));
  };

  // The types offered in the chosen location, with their price there; deprecated ones with their date.
  const serverType: StepFn = async (st) => {
    const here = a.location as Location;
    const items = typeChoices(catalog.types, here, catalog.datacenters, now).map((c) => ({
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
    const answer = await input().stepQuickPick(
      items,
      { title, placeHolder: `Server type (monthly price in ${here.name}, incl. VAT)`, matchOnDescription: true, active: items.find((i) => i.choice.type.id === a.type?.id) },
      st,
    );
    return outcome(answer, (v) => {
      if (v.choice.availability !== 'available') {
        input().warn(`${v.choice.type.name} is not available in ${here.name} at the moment. Pick another type or go back to pick another location.`);
        return 'again';
      }
      a.type = v.choice.type;
    });
  };

  // Images of the type's architecture that fit its disk: system images by OS, snapshots, backups.
  const image: StepFn = async (st) => {
    const type = a.type as ServerType;
    const items: Array<vscode.QuickPickItem & { image?: Image }> = [];
    for (const group of imageGroups(catalog.images, type, now)) {
      items.push({ label: group.title, kind: vscode.QuickPickItemKind.Separator });
      for (const i of group.images) items.push({ label: imageLabel(i), description: imageDescription(i), image: i });
    }
    const arch = type.architecture ? ` (${type.architecture})` : '';
    const answer = await input().stepQuickPick(items, { title, placeHolder: `Image${arch}`, matchOnDescription: true, active: items.find((i) => i.image && i.image.id === a.image?.id) }, st);
    return outcome(answer, (v) => (v.image ? void (a.image = v.image) : 'again'));
  };

  const sshKeys: StepFn = async (st) => {
    const placeHolder = 'SSH keys for root (none selected: a root password will be generated and shown once)';
    if (catalog.sshKeys.length === 0) {
      const only = { label: 'Continue without SSH keys', description: 'the project has none; a root password will be generated and shown once' };
      return outcome(await input().stepQuickPick([only], { title, placeHolder }, st), () => void (a.sshKeys = []));
    }
    const items = catalog.sshKeys.map((k) => ({ label: k.name, description: k.fingerprint, key: k }));
    const chosen = new Set((a.sshKeys ?? []).map((k) => k.id));
    const answer = await input().stepQuickPickMany(items, { title, placeHolder, matchOnDescription: true, selected: items.filter((i) => chosen.has(i.key.id)) }, st);
    return outcome(answer, (v) => void (a.sshKeys = v.map((i) => i.key)));
  };

  // cloud-init user data from a file (optional)
  const userData: StepFn = async (st) => {
    type Choice = vscode.QuickPickItem & { choice: 'keep' | 'none' | 'file' };
    const items: Choice[] = [];
    if (a.userData) items.push({ label: `Keep ${a.userData.fileName}`, description: formatBytes(a.userData.bytes), choice: 'keep' });
    items.push({ label: 'No user data', choice: 'none' }, { label: 'Choose a cloud-init file…', description: 'at most 32 KiB', choice: 'file' });
    const active = a.userData ? items[0] : a.userData === null ? items.find((i) => i.choice === 'none') : undefined;
    const answer = await input().stepQuickPick(items, { title, placeHolder: 'Cloud-init user data (optional)', active }, st);
    if (answer === BACK || answer === undefined) return outcome(answer, () => undefined);
    if (answer.choice === 'keep') return 'next';
    if (answer.choice === 'none') {
      a.userData = null;
      return 'next';
    }
    const uri = await input().pickFile({ title: `${TITLE}: cloud-init user data`, openLabel: 'Use as User Data', filters: { 'Cloud-init': ['yaml', 'yml', 'cfg', 'sh', 'txt'], 'All files': ['*'] } });
    if (!uri) return 'again';
    const fileName = uri.path.split('/').pop() ?? uri.path;
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      const tooBig = userDataProblem(fileName, size);
      if (tooBig) {
        input().error(tooBig);
        return 'again';
      }
      const bytes = await vscode.workspace.fs.readFile(uri);
      const problem = userDataProblem(fileName, bytes.byteLength);
      if (problem) {
        input().error(problem);
        return 'again';
      }
      a.userData = { fileName, text: new TextDecoder().decode(bytes), bytes: bytes.byteLength };
      return 'next';
    } catch (e) {
      input().error(`Could not read "${fileName}": ${e instanceof Error ? e.message : String(e)}`);
      return 'again';
    }
  };

  const start: StepFn = async (st) => {
    const items = [
      { label: 'Start after create', description: 'the server boots once it is created', start: true },
      { label: 'Leave it off', description: 'power it on later', start: false },
    ];
    const answer = await input().stepQuickPick(items, { title, placeHolder: 'Start the server after creating it?', active: items.find((i) => i.start === a.startAfterCreate) }, st);
    return outcome(answer, (v) => void (a.startAfterCreate = v.start));
  };

  // Labels (today's API only): key=value pairs, checked with the API's rules before anything is sent.
  const labels: StepFn = async (st) => {
    const answer = await input().stepInputBox(
      {
        title,
        prompt: 'Labels (optional): key=value pairs separated by commas (a key alone has the empty value); empty for none',
        placeHolder: 'e.g. env=prod, tier=web',
        value: a.labels ? formatLabelsText(a.labels) : undefined,
        ignoreFocusOut: true,
        validateInput: (v) => labelsTextProblem(v),
      },
      st,
    );
    return outcome(answer, (v) => {
      const parsed = parseLabelsText(v);
      if ('error' in parsed) {
        input().error(parsed.error);
        return 'again';
      }
      a.labels = parsed.labels;
    });
  };

  // summary: Create / Back, then every answer and the price
  const summary: StepFn = async (st) => {
    if (!isComplete(a)) return 'back';
    const lines = summaryLines(a);
    const price = priceIn(a.type, a.location.name);
    const items: Array<vscode.QuickPickItem & { go?: boolean }> = [
      { label: 'Create', description: formatPriceDetail(price?.monthly, price?.hourly), go: true },
      { label: 'Back', description: 'change an answer', go: false },
      { label: 'Summary', kind: vscode.QuickPickItemKind.Separator },
      ...lines.map((line) => ({ label: line })),
    ];
    const answer = await input().stepQuickPick(items, { title, placeHolder: `Create "${a.name}" in ${a.location.name} for ${formatMonthly(price?.monthly)}?` }, st);
    return outcome(answer, (v) => (v.go === undefined ? 'again' : v.go ? 'next' : 'back'));
  };

  const order = [name, location, serverType, image, sshKeys, userData, start, ...(catalog.labels ? [labels] : []), summary];
  const steps = order.map((fn, i) => () => fn({ current: i + 1, total: order.length }));
  return (await walkSteps(steps)) ? a : undefined;
}

export async function createServer(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const project = await pickProject(ctx, node, TITLE);
  if (!project) return;
  const catalog = await loadCatalog(ctx, project);
  if (!catalog) return;
  const answers = await askCreateServer(ctx, project, catalog);
  if (!answers || !isComplete(answers)) return;
  const params = createParams(answers);
  // The root password comes only with the POST's answer: it is shown even when the user stops
  // waiting for the action or the action fails afterwards.
  let created: (ServerCreateResult & AnswerLost) | undefined;
  const showPassword = async (r: ServerCreateResult) => {
    if (r.rootPassword) await ctx.input().secret(`Root password of "${r.server.name}" (shown only once)`, r.rootPassword, 'Copy Password');
  };
  const done = await runAction<ServerCreateResult & AnswerLost>(ctx, {
    project,
    title: `Create server "${params.name}"`,
    start: async (client, signal) => {
      created = await client.servers.create(params, { signal });
      return { actions: [created.action], result: created };
    },
    affects: [{ kind: 'server' }],
    success: (r) =>
      `Server "${r.server.name}" created${r.server.publicNet.ipv4 ? ` (IPv4 ${r.server.publicNet.ipv4.ip})` : ''}.` +
      (r.answerLost ? ' The API\'s answer to the request was lost on the way; the server was found by its name, and nothing was sent twice.' : ''),
    after: async (r) => (r.answerLost ? offerPasswordReset(ctx, project, r, params.sshKeys ?? [], params.startAfterCreate !== false) : showPassword(r)),
  });
  if (!done && created && !created.answerLost) await showPassword(created);
}

/**
 * After a lost answer to Create Server: without SSH keys, the root password was in that answer and
 * is gone; offer Reset Root Password (the server must be running for it).
 */
async function offerPasswordReset(ctx: CommandContext, project: Project, r: ServerCreateResult, sshKeys: unknown[], started: boolean): Promise<void> {
  if (sshKeys.length > 0) return;
  const name = `"${r.server.name}"`;
  const why = `Server ${name} was created without SSH keys, so its root password came only in the API's answer, and that answer was lost: the password cannot be shown.`;
  if (!started) {
    ctx.input().warn(`${why} Power it on, then use Reset Root Password to set a new one.`);
    return;
  }
  const ok = await ctx.input().confirm(`Reset the root password of ${name}?`, {
    detail: `${why} Reset Root Password sets a new one and shows it once.`,
    confirmLabel: 'Reset Root Password',
  });
  if (ok) await resetRootPassword(ctx, { project, resource: r.server });
  else ctx.input().info(`Without a root password, log in to ${name} after using Reset Root Password on it (or rebuild it with an SSH key).`);
}

