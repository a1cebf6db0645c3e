import * as vscode from 'vscode';
import { httpEndpointProblem, type EndpointProblem } from '../api/endpointRule';
import { DEFAULT_ENDPOINT, normalizeEndpoint } from './endpoint';
import { isReadOnlyReason, type ReadOnlyReason } from './readOnly';

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
  /** Set when the project is read-only (./readOnly.ts); absent in state saved before there were read-only projects. */
  readOnly?: ReadOnlyReason;
}

/** A project became read-only or writable; `learnt` when an answer `token_readonly` marked it just now. */
export interface ReadOnlyChange {
  readonly projectId: string;
  readonly reason: ReadOnlyReason | undefined;
  readonly learnt: boolean;
}

const PROJECTS_KEY = 'hcloud.projects.v1';
const TOKEN_KEY_PREFIX = 'hcloud.project.token.';
export const ENV_PROJECT_ID = 'env';
/** The environment project's user mark (it has no stored entry to carry it). */
const ENV_READ_ONLY_KEY = 'hcloud.envProject.readOnly';
/** The environment project's name: readable, and saying where it comes from (the project is fixed: it cannot be renamed). */
export const ENV_PROJECT_NAME = 'Environment (HCLOUD_TOKEN)';

export function tokenKey(projectId: string): string {
  return TOKEN_KEY_PREFIX + projectId;
}

/**
 * Projects: names and endpoints in global state, tokens in SecretStorage (one key per project),
 * plus the fixed project from HCLOUD_TOKEN / HCLOUD_ENDPOINT (it cannot be renamed, removed or given
 * another token here), whose token is never stored.
 * A project may also be read-only (./readOnly.ts): marked by the user, kept with the project in global
 * state; or learnt from a `token_readonly` answer, kept there too until the token is updated (for the
 * environment project, whose token is not ours to update, only for the session).
 */
export class ProjectStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when projects or tokens change, in this window or (for tokens) in another one. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  private readonly readOnlyChanged = new vscode.EventEmitter<ReadOnlyChange>();
  /** Fires when a project becomes read-only or writable (the menus and rows change; no client is dropped). */
  readonly onDidChangeReadOnly = this.readOnlyChanged.event;
  /** The environment project's token answered `token_readonly` (this session only). */
  private envTokenReadOnly = false;
  /** Projects a `token_readonly` answer is marking now: a second answer meanwhile marks nothing. */
  private readonly marking = new Set<string>();

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
    this.readOnlyChanged.dispose();
  }

  list(): Project[] {
    const stored = this.stored().map(({ id, name, endpoint }): Project => ({ id, name, endpoint, source: 'stored' }));
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

  /** A new token clears what the old one taught: a token-learnt read-only mark goes (a user mark stays). */
  async updateToken(id: string, token: string): Promise<void> {
    await this.secrets.store(tokenKey(id), token);
    const cleared = this.readOnly(id) === 'token';
    if (cleared) await this.writeReadOnly(id, undefined);
    this.changed.fire();
    if (cleared) this.readOnlyChanged.fire({ projectId: id, reason: undefined, learnt: false });
  }

  /** Why the project is read-only, or undefined when it is writable (or not there). */
  readOnly(id: string): ReadOnlyReason | undefined {
    if (id === ENV_PROJECT_ID) return this.state.get(ENV_READ_ONLY_KEY) === 'user' ? 'user' : this.envTokenReadOnly ? 'token' : undefined;
    const reason = this.stored().find((p) => p.id === id)?.readOnly;
    return isReadOnlyReason(reason) ? reason : undefined;
  }

  /**
   * Mark Project Read-Only (`user`) or Mark Project Writable (undefined). A token-learnt mark is not
   * the user's to lift: false, and nothing changes (Update Token lifts it).
   */
  async setReadOnly(id: string, reason: 'user' | undefined): Promise<boolean> {
    if (this.readOnly(id) === 'token' || !this.get(id)) return false;
    await this.writeReadOnly(id, reason);
    this.readOnlyChanged.fire({ projectId: id, reason, learnt: false });
    return true;
  }

  /**
   * The project's `token` answered `token_readonly`: marks it, unless it is read-only already or the
   * token was replaced since (then the answer is about a token it no longer has). True when it marked it.
   */
  async markTokenReadOnly(id: string, token: string): Promise<boolean> {
    if (this.readOnly(id) || this.marking.has(id)) return false;
    this.marking.add(id);
    try {
      if ((await this.getToken(id)) !== token || this.readOnly(id) || !this.get(id)) return false;
      await this.writeReadOnly(id, 'token');
    } finally {
      this.marking.delete(id);
    }
    this.readOnlyChanged.fire({ projectId: id, reason: 'token', learnt: true });
    return true;
  }

  async remove(id: string): Promise<void> {
    await this.state.update(
      PROJECTS_KEY,
      this.stored().filter((p) => p.id !== id),
    );
    await this.secrets.delete(tokenKey(id));
    this.changed.fire();
  }

  private async writeReadOnly(id: string, reason: ReadOnlyReason | undefined): Promise<void> {
    if (id === ENV_PROJECT_ID) {
      this.envTokenReadOnly = reason === 'token';
      await this.state.update(ENV_READ_ONLY_KEY, reason === 'user' ? 'user' : undefined);
      return;
    }
    await this.state.update(
      PROJECTS_KEY,
      this.stored().map((p) => (p.id !== id ? p : reason ? { ...p, readOnly: reason } : { id: p.id, name: p.name, endpoint: p.endpoint })),
    );
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
