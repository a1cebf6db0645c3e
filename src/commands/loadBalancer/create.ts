// hcloud.loadBalancer.create: a multi-step input with Back (the Create Server pattern: walkSteps,
// outcome): name, location, type with its monthly price there, algorithm, network (optional, of
// the location's network zone), first targets (servers of the location, a label selector, or
// none), first service (http, https with certificates, tcp, or none), then a summary with the
// price; Create sends one POST /load_balancers and follows its action. Rules in ./createModel.ts.
import * as vscode from 'vscode';
import { markLost } from '../../api/lostAnswer';
import type { HcloudClient } from '../../api/client';
import type { LoadBalancer } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import { formatMonthly, formatPriceDetail } from '../../shared/price';
import { serverLocationName } from '../../tree/format';
import { algorithmText } from '../../tree/loadBalancerFormat';
import type { TreeNode } from '../../tree/node';
import { BACK, type Step, type UserInput } from '../../ui/userInput';
import type { CommandContext } from '../context';
import { walkSteps, type StepOutcome } from '../createServer/model';
import { outcome } from '../createServer/steps';
import { joinableNetworks } from '../createServer/todayModel';
import { runAction, runCall } from '../runAction';
import { pickTodayProject } from '../todayApi';
import {
  ALGORITHMS,
  createParams,
  isComplete,
  labelSelectorProblem,
  loadBalancerNameProblem,
  parseTcpPorts,
  serversIn,
  summaryLines,
  typeChoiceText,
  typePriceIn,
  typesIn,
  type CertificateChoice,
  type CreateLoadBalancerAnswers,
  type LoadBalancerCatalog,
} from './createModel';

const TITLE = 'Create Load Balancer';
const FAMILY = 'Load Balancers';

interface Wizard {
  input(): UserInput;
  project: Project;
  catalog: LoadBalancerCatalog;
  a: CreateLoadBalancerAnswers;
}

type StepFn = (step: Step) => Promise<StepOutcome>;

const nameStep = (w: Wizard): StepFn => async (st) =>
  outcome(
    await w.input().stepInputBox(
      {
        title: TITLE,
        prompt: `Name of the new Load Balancer in "${w.project.name}"`,
        placeHolder: 'e.g. lb-web',
        value: w.a.name,
        ignoreFocusOut: true,
        validateInput: (v) => loadBalancerNameProblem(v, w.catalog.names),
      },
      st,
    ),
    (v) => void (w.a.name = v.trim()),
  );

const locationStep = (w: Wizard): StepFn => async (st) => {
  const items = w.catalog.locations.map((l) => ({ label: l.name, description: `${l.city}, ${l.country} · ${l.networkZone}`, location: l }));
  const answer = await w.input().stepQuickPick(items, { title: TITLE, placeHolder: 'Location', matchOnDescription: true, active: items.find((i) => i.location.id === w.a.location?.id) }, st);
  return outcome(answer, (v) => {
    if (v.location.id !== w.a.location?.id) {
      // What depends on the location is asked again.
      w.a.network = undefined;
      w.a.targets = undefined;
    }
    w.a.location = v.location;
  });
};

const typeStep = (w: Wizard): StepFn => async (st) => {
  const here = w.a.location!.name;
  const items = typesIn(w.catalog.types, here).map((t) => ({ label: t.name, description: typeChoiceText(t, here), detail: t.description, type: t }));
  if (!items.length) {
    w.input().warn(`No Load Balancer type is offered in ${here}. Pick another location.`);
    return 'back';
  }
  const answer = await w.input().stepQuickPick(items, { title: TITLE, placeHolder: `Load Balancer type (monthly price in ${here}, incl. VAT)`, matchOnDescription: true, active: items.find((i) => i.type.id === w.a.type?.id) }, st);
  return outcome(answer, (v) => void (w.a.type = v.type));
};

const algorithmStep = (w: Wizard): StepFn => async (st) => {
  const why = { round_robin: 'each new connection to the next target in turn', least_connections: 'each new connection to the target with the fewest' };
  const items = ALGORITHMS.map((a) => ({ label: algorithmText(a), description: why[a], algorithm: a }));
  const answer = await w.input().stepQuickPick(items, { title: TITLE, placeHolder: 'Algorithm', active: items.find((i) => i.algorithm === (w.a.algorithm ?? 'round_robin')) }, st);
  return outcome(answer, (v) => void (w.a.algorithm = v.algorithm));
};

const networkStep = (w: Wizard): StepFn => async (st) => {
  const location = w.a.location!;
  const none = { label: 'No network', description: 'public interface only', network: null };
  const items = [none, ...joinableNetworks(w.catalog.networks, location).map((n) => ({ label: n.name, description: `${n.ipRange} · ${location.networkZone}`, network: n }))];
  const active = items.find((i) => (i.network?.id ?? null) === (w.a.network?.id ?? null));
  const answer = await w.input().stepQuickPick(items, { title: TITLE, placeHolder: `Attach to a Network of ${location.networkZone}? (optional)`, active }, st);
  return outcome(answer, (v) => void (w.a.network = v.network));
};

/** Targets: the servers of the location (several), a label selector, or none; Back in a second prompt returns to the choice. */
const targetsStep = (w: Wizard): StepFn => async (st) => {
  const here = w.a.location!.name;
  const servers = serversIn(w.catalog.servers, here);
  const items = [
    { label: 'Servers', description: servers.length ? `of ${here} (${servers.length})` : `none in ${here}`, choice: 'servers' as const },
    { label: 'Label selector', description: 'every server whose labels match, now and later', choice: 'labelSelector' as const },
    { label: 'No targets', description: 'add them later', choice: 'none' as const },
  ];
  const answer = await w.input().stepQuickPick(items, { title: TITLE, placeHolder: 'First targets', active: items.find((i) => i.choice === w.a.targets?.kind) }, st);
  if (answer === BACK || answer === undefined) return outcome(answer, () => undefined);
  if (answer.choice === 'none') {
    w.a.targets = { kind: 'none' };
    return 'next';
  }
  if (answer.choice === 'labelSelector') {
    const old = w.a.targets?.kind === 'labelSelector' ? w.a.targets.selector : undefined;
    const selector = await w.input().stepInputBox({ title: TITLE, prompt: 'Label selector of the target servers', placeHolder: 'e.g. env=prod,role=web', value: old, ignoreFocusOut: true, validateInput: labelSelectorProblem }, st);
    if (selector === BACK) return 'again';
    return outcome(selector, (v) => void (w.a.targets = { kind: 'labelSelector', selector: v.trim() }));
  }
  if (!servers.length) {
    w.input().warn(`Project "${w.project.name}" has no server in ${here}; choose a label selector or no targets.`);
    return 'again';
  }
  const picks = servers.map((s) => ({ label: s.name, description: [serverLocationName(s), s.status, s.publicNet.ipv4?.ip].filter(Boolean).join(' · '), server: s }));
  const chosen = new Set(w.a.targets?.kind === 'servers' ? w.a.targets.servers.map((s) => s.id) : []);
  const many = await w.input().stepQuickPickMany(picks, { title: TITLE, placeHolder: `Target servers in ${here}`, matchOnDescription: true, selected: picks.filter((p) => chosen.has(p.server.id)) }, st);
  if (many === BACK) return 'again';
  if (many === undefined) return 'cancel';
  if (!many.length) {
    w.input().warn('Pick at least one server, or go back and choose "No targets".');
    return 'again';
  }
  w.a.targets = { kind: 'servers', servers: many.map((p) => p.server) };
  return 'next';
};

async function pickCertificates(w: Wizard, st: Step): Promise<{ certificates: CertificateChoice[]; redirectHttp: boolean } | 'again' | 'cancel'> {
  const certificates = await w.catalog.certificates();
  if (certificates === undefined) return 'again'; // the request failed and said why
  if (!certificates.length) {
    w.input().warn(`Project "${w.project.name}" has no certificate: add one (Certificates), or choose another service.`);
    return 'again';
  }
  const items = certificates.map((c) => ({ label: c.name, description: [(c.domainNames ?? []).join(', '), c.note].filter(Boolean).join(' · '), certificate: c }));
  const many = await w.input().stepQuickPickMany(items, { title: TITLE, placeHolder: 'Certificates of the https service', matchOnDescription: true }, st);
  if (many === BACK) return 'again';
  if (many === undefined) return 'cancel';
  if (!many.length) {
    w.input().warn('An https service needs at least one certificate.');
    return 'again';
  }
  const redirect = await w.input().stepQuickPick(
    [
      { label: 'Redirect http to https', description: 'also listen on 80 and redirect', redirect: true },
      { label: 'Only https', description: 'nothing on port 80', redirect: false },
    ],
    { title: TITLE, placeHolder: 'Redirect plain http?' },
    st,
  );
  if (redirect === BACK) return 'again';
  if (redirect === undefined) return 'cancel';
  return { certificates: many.map((i) => i.certificate), redirectHttp: redirect.redirect };
}

const serviceStep = (w: Wizard): StepFn => async (st) => {
  const items = [
    { label: 'http 80 → 80', description: 'http on port 80 to port 80 of the targets', choice: 'http' as const },
    { label: 'https 443 → 80', description: 'TLS ends at the Load Balancer, with a certificate', choice: 'https' as const },
    { label: 'tcp', description: 'any TCP port, passed through', choice: 'tcp' as const },
    { label: 'No service', description: 'add one later', choice: 'none' as const },
  ];
  const answer = await w.input().stepQuickPick(items, { title: TITLE, placeHolder: 'First service', active: items.find((i) => i.choice === w.a.service?.kind) }, st);
  if (answer === BACK || answer === undefined) return outcome(answer, () => undefined);
  if (answer.choice === 'http' || answer.choice === 'none') {
    w.a.service = { kind: answer.choice };
    return 'next';
  }
  if (answer.choice === 'https') {
    const r = await pickCertificates(w, st);
    if (r === 'again' || r === 'cancel') return r;
    w.a.service = { kind: 'https', ...r };
    return 'next';
  }
  const old = w.a.service?.kind === 'tcp' ? `${w.a.service.listenPort}:${w.a.service.destinationPort}` : undefined;
  const typed = await w.input().stepInputBox(
    { title: TITLE, prompt: 'Port, or listen and destination port (e.g. 5432 or 5432:6432)', value: old, ignoreFocusOut: true, validateInput: (v) => { const p = parseTcpPorts(v); return 'error' in p ? p.error : undefined; } },
    st,
  );
  if (typed === BACK) return 'again';
  return outcome(typed, (v) => {
    const p = parseTcpPorts(v);
    if ('error' in p) return 'again';
    w.a.service = { kind: 'tcp', ...p };
  });
};

const summaryStep = (w: Wizard): StepFn => async (st) => {
  if (!isComplete(w.a)) return 'back';
  const price = typePriceIn(w.a.type, w.a.location.name);
  const items: Array<vscode.QuickPickItem & { go?: boolean }> = [
    { label: 'Create', description: formatPriceDetail(price?.monthly, price?.hourly), go: true },
    { label: 'Back', description: 'change an answer', go: false },
    { label: 'Summary', kind: vscode.QuickPickItemKind.Separator },
    ...summaryLines(w.a).map((line) => ({ label: line })),
  ];
  const answer = await w.input().stepQuickPick(items, { title: TITLE, placeHolder: `Create "${w.a.name}" in ${w.a.location.name} for ${formatMonthly(price?.monthly)}?` }, st);
  return outcome(answer, (v) => (v.go === undefined ? 'again' : v.go ? 'next' : 'back'));
};

/** The https step's certificates, with their type and, for a managed one, the state of its issuance. */
async function listCertificates(client: HcloudClient): Promise<CertificateChoice[]> {
  return (await client.certificates.listAll()).map((c) => ({ id: c.id, name: c.name, domainNames: c.domainNames, note: c.type === 'managed' ? `managed, ${c.status?.issuance ?? 'unknown'}` : 'uploaded' }));
}

async function loadCatalog(ctx: CommandContext, project: Project): Promise<LoadBalancerCatalog | undefined> {
  const lists = await runCall(ctx, project, `${TITLE}: load the lists of "${project.name}"`, (c) =>
    Promise.all([c.loadBalancers.listAll(), c.locations.listAll(), c.loadBalancerTypes.listAll(), c.networks.listAll(), c.servers.listAll()]),
  );
  if (!lists) return undefined;
  const [existing, locations, types, networks, servers] = lists;
  return {
    names: existing.map((lb) => lb.name),
    locations,
    types,
    networks,
    servers,
    certificates: () => runCall(ctx, project, `${TITLE}: load the certificates of "${project.name}"`, listCertificates),
  };
}

/** Asks every answer (with Back); the answers once the user chose Create, undefined when cancelled. */
export async function askCreateLoadBalancer(ctx: CommandContext, project: Project, catalog: LoadBalancerCatalog): Promise<CreateLoadBalancerAnswers | undefined> {
  const w: Wizard = { input: () => ctx.input(), project, catalog, a: {} };
  const order = [nameStep, locationStep, typeStep, algorithmStep, networkStep, targetsStep, serviceStep, summaryStep].map((step) => step(w));
  const steps = order.map((fn, i) => () => fn({ current: i + 1, total: order.length }));
  return (await walkSteps(steps)) ? w.a : undefined;
}

export async function createLoadBalancer(ctx: CommandContext, node?: TreeNode): Promise<LoadBalancer | undefined> {
  const project = await pickTodayProject(ctx, node, TITLE, FAMILY);
  if (!project) return undefined;
  const catalog = await loadCatalog(ctx, project);
  if (!catalog) return undefined;
  const answers = await askCreateLoadBalancer(ctx, project, catalog);
  if (!answers || !isComplete(answers)) return undefined;
  const params = createParams(answers);
  const price = formatMonthly(typePriceIn(answers.type, answers.location.name)?.monthly);
  return runAction(ctx, {
    project,
    title: `Create Load Balancer "${params.name}" in ${params.location}`,
    start: async (c, signal) => {
      const r = await c.loadBalancers.create(params, { signal });
      return { actions: r.action ? [r.action] : [], result: r.answerLost ? markLost(r.loadBalancer, r.answerLost) : r.loadBalancer };
    },
    affects: [{ kind: 'loadBalancer' }],
    success: (lb) => `Load Balancer "${lb.name}" created in ${lb.location.name} (${lb.loadBalancerType.name}, ${price})${lb.publicNet.ipv4?.ip ? `, IPv4 ${lb.publicNet.ipv4.ip}` : ''}.`,
  });
}
