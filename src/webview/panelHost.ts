// What every webview panel host shares: the page (html.ts) with its CSP and nonce, webview
// options limited to media/dist, the `ready` handshake, validation of every message from the
// webview, and disposal. A panel host subclasses it and implements `onReady` (send the whole
// state) and `onMessage` (an exhaustive switch on the typed message).

import * as vscode from 'vscode';
import { messageType, type Parser } from '../shared/protocol';
import { createNonce, renderWebviewHtml } from './html';

/** Options for createWebviewPanel and for a panel restored by a serializer. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    // Hidden panels are torn down (no memory, no timers); they say `ready` again when shown.
    retainContextWhenHidden: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media', 'dist')],
  };
}

export interface PanelHostOptions<FromWebview> {
  extensionUri: vscode.Uri;
  /** The bundle's name: media/dist/<bundle>.js and media/dist/<bundle>.css. */
  bundle: string;
  /** The page's title (the tab title is the panel's). */
  title: string;
  parse: Parser<FromWebview>;
  log: vscode.LogOutputChannel;
  /** The bundle is an ES module (html.ts `module`). */
  module?: boolean;
  /**
   * The panel was created with `retainContextWhenHidden` (the console): hiding it keeps the page
   * alive, so it stays ready and gets every message while hidden.
   */
  retainedWhenHidden?: boolean;
}

export abstract class WebviewPanelHost<ToWebview, FromWebview> implements vscode.Disposable {
  private isReady = false;
  private disposed = false;
  protected readonly disposables: vscode.Disposable[] = [];
  private readonly posted = new vscode.EventEmitter<ToWebview>();
  private readonly received = new vscode.EventEmitter<FromWebview>();
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  /** Every message posted to the webview (tests watch the conversation through these). */
  readonly onDidPost = this.posted.event;
  /** Every valid message from the webview, after it was handled. */
  readonly onDidReceive = this.received.event;
  readonly onDidDispose = this.disposedEmitter.event;

  protected constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly options: PanelHostOptions<FromWebview>,
  ) {
    const { webview } = panel;
    webview.options = webviewOptions(options.extensionUri);
    const media = vscode.Uri.joinPath(options.extensionUri, 'media', 'dist');
    webview.html = renderWebviewHtml({
      title: options.title,
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, `${options.bundle}.js`)).toString(),
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(media, `${options.bundle}.css`)).toString()],
      module: options.module,
    });
    this.disposables.push(
      this.posted,
      this.received,
      webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidChangeViewState(() => {
        // A hidden webview is torn down: nothing reaches it until it says `ready` again.
        if (!panel.visible && !options.retainedWhenHidden) this.isReady = false;
        this.onVisibilityChanged(panel.visible);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get ready(): boolean {
    return this.isReady && !this.disposed;
  }

  get visible(): boolean {
    return !this.disposed && this.panel.visible;
  }

  /** Posts when the webview is listening; otherwise drops (the whole state goes again on `ready`). */
  protected post(message: ToWebview): void {
    if (!this.ready) return;
    void this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }

  /** The webview (re)loaded: send everything it shows. */
  protected abstract onReady(): void | Promise<void>;

  /** A validated message from the webview. */
  protected abstract onMessage(message: FromWebview): void | Promise<void>;

  protected onVisibilityChanged(_visible: boolean): void {
    // Hosts that poll pause here.
  }

  /**
   * Handles `raw` as if the webview had posted it, validated the same way (integration tests drive
   * panels with it). False when it is not a valid message.
   */
  async receiveForTesting(raw: unknown): Promise<boolean> {
    if (this.options.parse(raw) === undefined) return false;
    await this.receive(raw);
    return true;
  }

  private async receive(raw: unknown): Promise<void> {
    if (this.disposed) return;
    if (messageType(raw) === 'ready') {
      this.isReady = true;
      await this.onReady();
      return;
    }
    const message = this.options.parse(raw);
    if (message === undefined) {
      this.options.log.warn(`${this.options.title}: ignored an invalid message from the webview (type ${JSON.stringify(messageType(raw) ?? typeof raw)}).`);
      return;
    }
    try {
      await this.onMessage(message);
    } finally {
      this.received.fire(message);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.isReady = false;
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
