import * as vscode from 'vscode';
import type { AnswerLost } from '../api/lostAnswer';
import type { HcloudClient } from '../api/client';
import type { PrimaryIp, ServerCreateResult } from '../api/types';
import type { Firewall } from '../api/types';
import type { Project } from '../projects/projectStore';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { createParams, isComplete, labelsSupported, needsDatacenters, walkSteps, type Catalog, type CreateServerAnswers } from './createServer/model';
import {
  TITLE,
  imageStep,
  labelsStep,
  locationStep,
  nameStep,
  serverTypeStep,
  sshKeysStep,
  startStep,
  summaryStep,
  userDataStep,
  type Wizard,
} from './createServer/steps';
import { optionsStep } from './createServer/todaySteps';
import type { TodayCatalog } from './createServer/todayModel';
import { createVolumesFor, missedVolumes } from './createServer/newVolumes';
import { pickProject } from './pick';
import { resetRootPassword } from './server/power';
import { runAction, runCall } from './runAction';
import { createdNextSteps } from './connect/created';

export type { Catalog } from './createServer/model';

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
      const labels = labelsSupported(client.era, types);
      // Today's API: what the options step offers (the 2018 contract has none of these families).
      const today = labels ? await loadToday(ctx, project, client) : undefined;
      return { serverNames: servers.map((s) => s.name), locations, datacenters, types, images, sshKeys, labels, today };
    }),
  );
}

/**
 * The lists of the options step. The Primary IPs wait until the user opens Public network…: a
 * project has two per server, and most runs never look at them.
 */
async function loadToday(ctx: CommandContext, project: Project, client: HcloudClient): Promise<TodayCatalog> {
  const [volumes, networks, placementGroups, pricing] = await Promise.all([
    client.volumes.listAll(),
    client.networks.listAll(),
    client.placementGroups.listAll(),
    client.pricing.get(),
  ]);
  let ips: Promise<PrimaryIp[] | undefined> | undefined;
  const primaryIps = () => {
    ips ??= runCall(ctx, project, `${TITLE}: load the Primary IPs of "${project.name}"`, (c) => c.primaryIps.listAll()).then((r) => {
      if (r === undefined) ips = undefined; // failed (and said so): asked again next time
      return r;
    });
    return ips;
  };
  // Firewalls wait until the user opens Firewalls… (one request then; a failure is said and asked again next time).
  let firewallList: Promise<Firewall[] | undefined> | undefined;
  const firewalls = () => {
    firewallList ??= runCall(ctx, project, `${TITLE}: load the firewalls of "${project.name}"`, (c) => c.firewalls.listAll());
    return firewallList.then((r) => (r === undefined ? ((firewallList = undefined), r) : r));
  };
  return { volumes, networks, placementGroups, primaryIps, pricing, firewalls };
}

/**
 * The Create Server wizard: name, location, type, image, SSH keys, user data, start after create,
 * labels (today's API only), and a summary with the price. Returns the answers once the user chose Create.
 */
export async function askCreateServer(ctx: CommandContext, project: Project, catalog: Catalog, now = new Date()): Promise<CreateServerAnswers | undefined> {
  const a: CreateServerAnswers = {};
  const w: Wizard = { input: () => ctx.input(), project, catalog, a, now };
  const order = [
    nameStep,
    locationStep,
    serverTypeStep,
    imageStep,
    sshKeysStep,
    userDataStep,
    startStep,
    ...(catalog.labels ? [labelsStep] : []),
    ...(catalog.today ? [optionsStep] : []),
    summaryStep,
  ].map((step) => step(w));
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
      return { actions: [created.action, ...(created.nextActions ?? [])], result: created };
    },
    affects: [{ kind: 'server' }],
    success: (r) =>
      `Server "${r.server.name}" created${r.server.publicNet.ipv4 ? ` (IPv4 ${r.server.publicNet.ipv4.ip})` : ''}.` +
      (r.answerLost ? ' The API\'s answer to the request was lost on the way; the server was found by its name, and nothing was sent twice.' : ''),
    next: (r) => createdNextSteps(ctx, project, r.server, params.startAfterCreate !== false),
    after: async (r) => (r.answerLost ? offerPasswordReset(ctx, project, r, params.sshKeys ?? [], params.startAfterCreate !== false) : showPassword(r)),
  });
  if (!done && created && !created.answerLost) await showPassword(created);
  const newVolumes = answers.newVolumes ?? [];
  if (newVolumes.length === 0) return;
  // New volumes need the server: made once it exists; when it is not known to, say what was left out.
  if (done) await createVolumesFor(ctx, project, done.server, newVolumes);
  else missedVolumes(ctx, { name: params.name }, newVolumes.map((v) => v.name));
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

