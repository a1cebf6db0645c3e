// The client pool's bookkeeping without vscode (so plain unit tests can check it): one client per
// project, a dropped client disposed, and per project a signal that fires when it is removed.

import type { HcloudClient } from '../api/client';

/** Makes a project's client; every call of it stops when `removed` fires (see ScopedTransport). */
export type MakeClient = (projectName: string, endpoint: string, token: string, removed: AbortSignal, projectId: string) => HcloudClient;

interface Entry {
  client: HcloudClient;
  token: string;
  endpoint: string;
}

export class ClientCache {
  private readonly clients = new Map<string, Entry>();
  /** Per project id: aborted when the project is removed. */
  private readonly lifetimes = new Map<string, AbortController>();

  constructor(private readonly make: MakeClient) {}

  /** The project's client: the cached one while token and endpoint stay the same; a replaced one is disposed. */
  client(project: { id: string; name: string; endpoint: string }, token: string): HcloudClient {
    const cached = this.clients.get(project.id);
    if (cached && cached.token === token && cached.endpoint === project.endpoint) return cached.client;
    cached?.client.dispose();
    const client = this.make(project.name, project.endpoint, token, this.removedSignal(project.id, true), project.id);
    this.clients.set(project.id, { client, token, endpoint: project.endpoint });
    return client;
  }

  /** The project's cached client, if one was made (no token is read, nothing is created). */
  current(projectId: string): HcloudClient | undefined {
    return this.clients.get(projectId)?.client;
  }

  /** Fires when the project is removed; already aborted for one that is not there (`present` false). */
  removedSignal(projectId: string, present: boolean): AbortSignal {
    if (!present) return AbortSignal.abort();
    let lifetime = this.lifetimes.get(projectId);
    if (!lifetime) {
      lifetime = new AbortController();
      this.lifetimes.set(projectId, lifetime);
    }
    return lifetime.signal;
  }

  /**
   * The projects changed (a token or endpoint may have): every cached client is dropped and disposed,
   * and the signal of each project no longer present fires.
   */
  projectsChanged(present: ReadonlySet<string>): void {
    for (const [id, lifetime] of this.lifetimes) {
      if (present.has(id)) continue;
      lifetime.abort();
      this.lifetimes.delete(id);
    }
    this.dropAll();
  }

  dispose(): void {
    for (const lifetime of this.lifetimes.values()) lifetime.abort();
    this.lifetimes.clear();
    this.dropAll();
  }

  private dropAll(): void {
    for (const entry of this.clients.values()) entry.client.dispose();
    this.clients.clear();
  }
}
