// The console panel of one server (extension side): a page that runs noVNC (webview-ui/console) and
// the relay (./console/relay.ts) that opens the console's WebSocket here, in the extension host, and
// passes its bytes to the page. The panel starts with the ticket of the `request_console` that
// Open Console made; Reconnect makes a new one (deps.request). Closing the panel closes the WebSocket.
//
// retainContextWhenHidden is on for this panel only (the others tear hidden pages down): the RFB
// session lives in the page (noVNC's decoder state, the framebuffer), and the console URL is valid
// once, so a page torn down on hiding could not resume. Switching tabs must not end the session.
// The cost, one page with a canvas kept while hidden, is paid only while a console is open.

import * as vscode from 'vscode';
import { parseConsoleFromWebview, type ConsoleFromWebview, type ConsoleState, type ConsoleToWebview } from '../shared/consoleProtocol';
import { ConsoleRelay, type ConsoleTicket } from './console/relay';
import { WebviewPanelHost } from './panelHost';

/** Whose console a panel shows. */
export interface ConsoleTarget {
  projectId: string;
  serverId: number;
  serverName: string;
}

export interface ConsolePanelDeps {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  /** One `request_console`; rejects with an Error whose message is what the user reads. */
  request(target: ConsoleTarget, signal: AbortSignal): Promise<ConsoleTicket>;
}

export function consolePanelTitle(name: string): string {
  return `Console: ${name}`;
}

export class ConsolePanel extends WebviewPanelHost<ConsoleToWebview, ConsoleFromWebview> {
  /** The ticket to connect with once the page is ready (used once: the URL is one-time). */
  private ticket: ConsoleTicket | undefined;
  private readonly relay: ConsoleRelay;
  private abort: AbortController | undefined;
  private current: { state: ConsoleState; detail: string } = { state: 'connecting', detail: '' };
  private readonly stateEmitter = new vscode.EventEmitter<{ state: ConsoleState; detail: string }>();
  /** The page's state (connecting, connected, closed with the reason); tests wait on it. */
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: ConsolePanelDeps,
    readonly target: ConsoleTarget,
    ticket: ConsoleTicket,
  ) {
    super(panel, {
      extensionUri: deps.extensionUri,
      bundle: 'console',
      title: consolePanelTitle(target.serverName),
      parse: parseConsoleFromWebview,
      log: deps.log,
      module: true,
      retainedWhenHidden: true,
    });
    panel.title = consolePanelTitle(target.serverName);
    this.ticket = ticket;
    const name = JSON.stringify(target.serverName);
    this.relay = new ConsoleRelay({ post: (m) => this.post(m), log: (line) => deps.log.info(`Console of ${name}: ${line}`) });
    this.disposables.push(this.stateEmitter, {
      dispose: () => {
        this.abort?.abort();
        this.relay.dispose();
      },
    });
  }

  /** Whether the session's WebSocket is open (it closes with the panel). */
  get socketOpen(): boolean {
    return this.relay.isOpen;
  }

  /** What the page last reported. */
  get state(): { state: ConsoleState; detail: string } {
    return { ...this.current };
  }

  protected onReady(): void {
    const ticket = this.ticket;
    this.ticket = undefined;
    if (ticket) {
      this.relay.connect(ticket, this.target.serverName);
      return;
    }
    // The page was loaded again (e.g. Reload Webviews): its RFB session is gone and cannot resume.
    this.relay.dispose();
    this.post({ type: 'notice', kind: 'failed', message: 'The console page was reloaded, which ended its session. Reconnect opens a new one.' });
  }

  protected async onMessage(message: ConsoleFromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return; // the base class answers `ready` with onReady
      case 'send':
      case 'close':
        this.relay.handle(message);
        return;
      case 'reconnect':
        await this.reconnect();
        return;
      case 'state':
        this.current = { state: message.state, detail: message.detail };
        this.stateEmitter.fire(this.state);
        return;
      default: {
        const unknown: never = message;
        void unknown;
      }
    }
  }

  /** Ends the session, makes a new `request_console` and connects with it. */
  async reconnect(): Promise<void> {
    this.relay.dispose();
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.post({ type: 'notice', kind: 'requesting', message: 'Requesting a new console…' });
    try {
      const ticket = await this.deps.request(this.target, abort.signal);
      if (!abort.signal.aborted) this.relay.connect(ticket, this.target.serverName);
    } catch (e) {
      if (abort.signal.aborted) return;
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log.warn(message);
      this.post({ type: 'notice', kind: 'failed', message });
    } finally {
      if (this.abort === abort) this.abort = undefined;
    }
  }
}
