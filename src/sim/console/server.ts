// The simulator's console over WebSocket: an `upgrade` handler on the simulator's own http.Server answers
// ws://<host:port>/console/<token> (subprotocol `binary`, as noVNC and Hetzner's console use) with an RFB
// session (rfb.ts) for the ticket's server and password.
// Refusals, answered on the upgrade before any WebSocket exists:
//   401 Unauthorized  the token was never issued
//   410 Gone          the ticket was used already, or is older than the console lifetime
//   404 Not Found     any other path (the API does not upgrade)

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData } from 'ws';
import { RfbSession } from './rfb';
import type { ConsoleTickets } from './tickets';

/** Like the API's console URL: valid for 60 seconds. */
export const DEFAULT_CONSOLE_LIFETIME_MS = 60_000;
const PATH = /^\/console\/([A-Za-z0-9_-]+)$/;

export interface ConsoleOptions {
  tickets: ConsoleTickets;
  now: () => number;
  lifetimeMs?: number;
}

/** Serves the console on `server`; `close()` ends the open sessions (http.Server.close waits for them). */
export function attachConsole(server: Server, options: ConsoleOptions): { close(): void } {
  const lifetime = options.lifetimeMs ?? DEFAULT_CONSOLE_LIFETIME_MS;
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => (offered.has('binary') ? 'binary' : false) });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const token = PATH.exec(new URL(req.url ?? '/', 'http://simulator').pathname)?.[1];
    if (!token) return refuse(socket, 404, 'Not Found');
    const ticket = options.tickets.take(token);
    if (!ticket) return refuse(socket, 401, 'Unauthorized');
    if (ticket.wasUsed || options.now() - ticket.issuedAt > lifetime) return refuse(socket, 410, 'Gone');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new RfbSession({
        serverName: ticket.serverName,
        password: ticket.password,
        send: (bytes) => ws.send(bytes),
        // A close reason is at most 123 bytes: ASCII only, cut short.
        close: (reason) => ws.close(1000, reason?.replace(/[^\x20-\x7e]/g, '?').slice(0, 120)),
      });
      ws.on('error', () => ws.terminate());
      ws.on('message', (data) => session.receive(toBuffer(data)));
    });
  });
  return {
    close: () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
    },
  };
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
