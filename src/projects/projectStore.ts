import * as vscode from 'vscode';
import { httpEndpointProblem, type EndpointProblem } from '../api/endpointRule';
import { DEFAULT_ENDPOINT, normalizeEndpoint } from './endpoint';

export type ProjectSource = 'stored' | 'environment';

export interface Project {
  /** Stable id: a random UUID for stored projects, `env` for the HCLOUD_TOKEN project. */
  readonly id: string;
  readonly name: string;
  readonly endpoint: string;
  readonly source: ProjectSource;
  /**
   * Set when the endpoint breaks the endpoint rule (only possible for HCLOUD_ENDPOINT): why, and what
   * to set. No client is made and no request sent for such a project; the tree shows this message.
   */
  readonly endpointProblem?: EndpointProblem;
}

interface StoredProject {
  id: string;
  name: string;
  endpoint: string;
}

const PROJECTS_KEY = 'hcloud.projects.v1';
const TOKEN_KEY_PREFIX = 'hcloud.project.token.';
export const ENV_PROJECT_ID = 'env';
/** The environment project's name: readable, and saying where it comes from (it cannot be renamed). */
export const ENV_PROJECT_NAME = 'Environment (HCLOUD_TOKEN)';

export function tokenKey(projectId: string): string {
  return TOKEN_KEY_PREFIX + projectId;
}

/**
 * Projects: names and endpoints in global state, tokens in SecretStorage (one key per project),
 * plus the read-only project from HCLOUD_TOKEN / HCLOUD_ENDPOINT, whose token is never stored.
 */
export class ProjectStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when projects or tokens change, in this window or (for tokens) in another one. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(TOKEN_KEY_PREFIX)) this.changed.fire();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  list(): Project[] {
    const stored = this.stored().map((p): Project => ({ ...p, source: 'stored' }));
    const envProject = this.environmentProject();
    return envProject ? [envProject, ...stored] : stored;
  }

  get(id: string): Project | undefined {
    return this.list().find((p) => p.id === id);
  }

  async getToken(id: string): Promise<string | undefined> {
    if (id === ENV_PROJECT_ID) return this.env.HCLOUD_TOKEN || undefined;
    return this.secrets.get(tokenKey(id));
  }

  /** Saves the token first: a project never exists without its token. */
  async add(name: string, endpoint: string, token: string): Promise<Project> {
    const project: StoredProject = { id: randomId(), name: name.trim(), endpoint: normalizeEndpoint(endpoint) };
    await this.secrets.store(tokenKey(project.id), token);
    await this.state.update(PROJECTS_KEY, [...this.stored(), project]);
    this.changed.fire();
    return { ...project, source: 'stored' };
  }

  async rename(id: string, name: string): Promise<void> {
    await this.state.update(
      PROJECTS_KEY,
      this.stored().map((p) => (p.id === id ? { ...p, name: name.trim() } : p)),
    );
    this.changed.fire();
  }

  async updateToken(id: string, token: string): Promise<void> {
    await this.secrets.store(tokenKey(id), token);
    this.changed.fire();
  }

  async remove(id: string): Promise<void> {
    await this.state.update(
      PROJECTS_KEY,
      this.stored().filter((p) => p.id !== id),
    );
    await this.secrets.delete(tokenKey(id));
    this.changed.fire();
  }

  private stored(): StoredProject[] {
    const raw = this.state.get<unknown>(PROJECTS_KEY);
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (p): p is StoredProject =>
        !!p && typeof p.id === 'string' && typeof p.name === 'string' && typeof p.endpoint === 'string',
    );
  }

  private environmentProject(): Project | undefined {
    if (!this.env.HCLOUD_TOKEN) return undefined;
    const raw = this.env.HCLOUD_ENDPOINT?.trim() || DEFAULT_ENDPOINT;
    const problem = httpEndpointProblem(raw);
    const project = { id: ENV_PROJECT_ID, name: ENV_PROJECT_NAME, source: 'environment' } as const;
    if (!problem) return { ...project, endpoint: normalizeEndpoint(raw) };
    return {
      ...project,
      endpoint: shownEndpoint(raw),
      endpointProblem: {
        code: problem.code,
        message:
          `HCLOUD_ENDPOINT is refused, no request is sent. ${problem.message} ` +
          `Set HCLOUD_ENDPOINT to an https:// URL (http:// only to 127.0.0.1 or localhost, e.g. a local simulator), ` +
          `or unset it for ${DEFAULT_ENDPOINT}; then restart VS Code.`,
      },
    };
  }
}

/** A refused endpoint as it may be shown: without user name and password, which may hold a secret. */
function shownEndpoint(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    return normalizeEndpoint(url.href);
  } catch {
    return '(HCLOUD_ENDPOINT is not a URL)';
  }
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}
