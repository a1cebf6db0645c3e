// The console panels' `request_console` on the project's client: the ticket (URL and password) or
// an Error with describeError's words (the API's own message), for a message or the status line.

import type { ClientPool } from '../../projects/clientPool';
import type { ProjectStore } from '../../projects/projectStore';
import { describeError } from '../../ui/describeError';
import type { ConsoleTarget } from '../consolePanel';
import type { ConsoleTicket } from './relay';

export interface ConsoleEnv {
  projects: ProjectStore;
  clients: ClientPool;
}

export async function requestConsole(env: ConsoleEnv, target: ConsoleTarget, signal: AbortSignal): Promise<ConsoleTicket> {
  const project = env.projects.get(target.projectId);
  if (!project) throw new Error(`The project of server "${target.serverName}" is no longer set up in VS Code.`);
  try {
    const client = await env.clients.get(project);
    const answer = await client.servers.requestConsole(target.serverId, { signal });
    return { wssUrl: answer.wssUrl, password: answer.password };
  } catch (e) {
    throw new Error(describeError(e, { action: `Requesting the console of "${target.serverName}"` }), { cause: e });
  }
}
