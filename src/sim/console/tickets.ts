// One-time console tickets: request_console issues one (route in routes/serverActions.ts), the console's
// WebSocket upgrade (server.ts) takes it. The ticket only records when it was issued; the upgrade decides
// whether it is still valid against the simulator's console lifetime.

import { randomBytes } from 'node:crypto';

export interface ConsoleTicket {
  serverName: string;
  password: string;
  issuedAt: number;
  used: boolean;
}

export class ConsoleTickets {
  private readonly byToken = new Map<string, ConsoleTicket>();

  /** Issues a ticket and returns its URL: ws://<the simulator's host:port>/console/<token>. */
  issue(baseUrl: string, ticket: Omit<ConsoleTicket, 'used'>): string {
    const token = randomBytes(18).toString('base64url');
    this.byToken.set(token, { ...ticket, used: false });
    const origin = new URL(baseUrl);
    return `ws://${origin.host}/console/${token}`;
  }

  /** The ticket of `token` (undefined when none was issued), marked used from now on. */
  take(token: string): (ConsoleTicket & { wasUsed: boolean }) | undefined {
    const ticket = this.byToken.get(token);
    if (!ticket) return undefined;
    const wasUsed = ticket.used;
    ticket.used = true;
    return { ...ticket, wasUsed };
  }
}
