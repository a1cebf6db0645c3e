import * as vscode from 'vscode';
import { HcloudError } from '../api/errors';
import {
  DEFAULT_ENDPOINT,
  normalizeEndpoint,
  validateEndpoint,
  validateProjectName,
  validateTokenShape,
} from '../projects/endpoint';
import type { Project } from '../projects/projectStore';
import { ProjectNode } from '../tree/projectNode';
import type { TreeNode } from '../tree/node';
import type { CommandContext } from './context';
import { pickProject } from './pick';
import { unsafeCharacterProblem } from './validate';

const TITLE = 'Add Hetzner Cloud Project';

/** Message for a failed token check; never contains the token. */
export function describeTokenCheckFailure(projectName: string, error: unknown): string {
  if (error instanceof HcloudError && (error.status === 401 || error.code === 'unauthorized')) {
    return `The API rejected the token for "${projectName}" (${error.fullMessage}). Nothing was saved.`;
  }
  if (error instanceof HcloudError && error.code === 'invalid_token') {
    return `${error.message} Nothing was saved.`;
  }
  const message = error instanceof HcloudError ? error.fullMessage : error instanceof Error ? error.message : String(error);
  return `Could not check the token for "${projectName}": ${message}. Nothing was saved.`;
}

/** validateInput of a project name: the rules of projects/endpoint.ts (length, unique), and no control or bidi character. */
function projectNameProblem(value: string, taken: readonly string[]): string | undefined {
  return validateProjectName(value, taken) ?? unsafeCharacterProblem(value.trim(), 'A project name');
}

/** Whether the API refused the token itself (not the network, not the endpoint): then it is worth asking again. */
function isRejectedToken(error: unknown): error is HcloudError {
  return error instanceof HcloudError && (error.status === 401 || error.code === 'unauthorized' || error.code === 'invalid_token');
}

const TOKEN_PROMPT = 'API token of the project (Cloud Console → your project → Security → API tokens). It is kept in VS Code Secret Storage.';

async function askToken(ctx: CommandContext, title: string, prompt = TOKEN_PROMPT): Promise<string | undefined> {
  return ctx.input().inputBox({
    title,
    prompt,
    placeHolder: 'API token',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => validateTokenShape(v),
  });
}

/**
 * One cheap request with the token before anything is saved. True when it works; false (and says
 * why) when it fails; with `onRejected`, a token the API refused is handed to it instead of said.
 */
async function checkToken(ctx: CommandContext, name: string, endpoint: string, token: string, onRejected?: (e: HcloudError) => void): Promise<boolean> {
  const client = ctx.clients.create(name, endpoint, token);
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Checking the token for "${name}"…` },
      () => client.servers.list({ perPage: 1 }, { timeoutMs: 15_000 }),
    );
    return true;
  } catch (e) {
    if (onRejected && isRejectedToken(e)) onRejected(e);
    else ctx.input().error(describeTokenCheckFailure(name, e));
    return false;
  } finally {
    client.dispose(); // closes its keep-alive connection; the pool makes the project's own client
  }
}

export async function addProject(ctx: CommandContext): Promise<Project | undefined> {
  const taken = ctx.projects.list().map((p) => p.name);
  const name = await ctx.input().inputBox({
    title: `${TITLE} (1/3)`,
    prompt: 'A name for the project, as you want to see it in the tree',
    placeHolder: 'e.g. production',
    ignoreFocusOut: true,
    validateInput: (v) => projectNameProblem(v, taken),
  });
  if (name === undefined) return undefined;

  const token = await askToken(ctx, `${TITLE} (2/3)`);
  if (token === undefined) return undefined;

  const pick = await ctx.input().quickPick(
    [
      { label: 'Hetzner Cloud', description: DEFAULT_ENDPOINT, endpoint: DEFAULT_ENDPOINT },
      { label: 'Other endpoint…', description: 'advanced', detail: 'A proxy, or the local simulator (http:// only on loopback)', endpoint: undefined },
    ],
    { title: `${TITLE} (3/3): API endpoint`, placeHolder: 'Which API does this token belong to?', ignoreFocusOut: true },
  );
  if (!pick) return undefined;
  let endpoint = pick.endpoint;
  if (!endpoint) {
    endpoint = await ctx.input().inputBox({
      title: `${TITLE} (3/3): API endpoint`,
      prompt: 'Base URL of the API (https://; plain http:// only for 127.0.0.1 / localhost)',
      value: DEFAULT_ENDPOINT,
      ignoreFocusOut: true,
      validateInput: (v) => validateEndpoint(v),
    });
    if (endpoint === undefined) return undefined;
  }
  endpoint = normalizeEndpoint(endpoint);

  // A token the API refuses is asked again, the box empty and the API's words above it: the name
  // and the endpoint stay (only the bad token is lost). Escape there cancels and saves nothing.
  let current = token;
  for (;;) {
    const refused: { error?: HcloudError } = {};
    if (await checkToken(ctx, name.trim(), endpoint, current, (e) => (refused.error = e))) break;
    if (!refused.error) return undefined; // not a refusal (the network, the endpoint): said, nothing saved
    const again = await askToken(ctx, `${TITLE} (2/3): token rejected`, `The API rejected the token for "${name.trim()}" (${refused.error.fullMessage}). Paste a token of this project; the name and the endpoint are kept.`);
    if (again === undefined) return undefined;
    current = again;
  }
  const project = await ctx.projects.add(name, endpoint, current);
  ctx.log.info(`Project "${project.name}" added (${project.endpoint}).`);
  ctx.input().info(`Project "${project.name}" added.`);
  return project;
}

function refuseEnvironment(ctx: CommandContext, project: Project): boolean {
  if (project.source !== 'environment') return false;
  ctx.input().info(`"${project.name}" comes from the HCLOUD_TOKEN environment variable; change the variable to change it.`);
  return true;
}

export async function renameProject(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const project = await pickProject(ctx, node, 'Rename Project', { storedOnly: true });
  if (!project || refuseEnvironment(ctx, project)) return;
  const taken = ctx.projects.list().filter((p) => p.id !== project.id).map((p) => p.name);
  const name = await ctx.input().inputBox({
    title: `Rename Project "${project.name}"`,
    value: project.name,
    ignoreFocusOut: true,
    validateInput: (v) => projectNameProblem(v, taken),
  });
  if (name === undefined || name.trim() === project.name) return;
  await ctx.projects.rename(project.id, name);
}

export async function updateToken(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const project = await pickProject(ctx, node, 'Update Token', { storedOnly: true });
  if (!project || refuseEnvironment(ctx, project)) return;
  const token = await askToken(ctx, `Update Token of "${project.name}"`);
  if (token === undefined) return;
  if (!(await checkToken(ctx, project.name, project.endpoint, token))) return;
  await ctx.projects.updateToken(project.id, token);
  ctx.input().info(`Token of "${project.name}" updated.`);
}

export async function removeProject(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const project = await pickProject(ctx, node, 'Remove Project', { storedOnly: true });
  if (!project || refuseEnvironment(ctx, project)) return;
  const ok = await ctx.input().confirm(`Remove project "${project.name}" from VS Code?`, {
    detail: 'Its API token is deleted from VS Code Secret Storage. Nothing changes in Hetzner Cloud.',
    confirmLabel: 'Remove',
  });
  if (!ok) return;
  // The client pool then stops every request of the project (waits, tree polls, panels) and closes its connections.
  await ctx.projects.remove(project.id);
  ctx.log.info(`Project "${project.name}" removed; its requests were stopped.`);
}

/** Reloads a project's part of the tree (from the palette: every project). */
export function refreshProject(ctx: CommandContext, node?: TreeNode): void {
  ctx.tree.refresh(node instanceof ProjectNode ? node : undefined);
}

export function refreshAll(ctx: CommandContext): void {
  ctx.tree.refresh();
}

/** An error node's retry: reloads the list it stands in for. */
export function retryNode(ctx: CommandContext, node?: TreeNode): void {
  ctx.tree.refresh(node?.parent);
}
