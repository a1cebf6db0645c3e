// The webview's side of the protocol: the one `acquireVsCodeApi()` call, every incoming message
// validated before use (the extension's messages are data, never code), `ready` sent once the
// listener is in place, and the webview state (kept by VS Code across hiding and reloads).

import { messageType, type Parser } from '../../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Bridge<ToExtension, State> {
  post(message: ToExtension): void;
  /** What `setState` last stored (survives hiding and window reloads), if it passes `parseState`. */
  readonly savedState: State | undefined;
  saveState(state: State): void;
}

export function connect<ToExtension, FromExtension, State>(options: {
  parse: Parser<FromExtension>;
  parseState: Parser<State>;
  onMessage(message: FromExtension): void;
}): Bridge<ToExtension, State> {
  const api = acquireVsCodeApi();
  window.addEventListener('message', (event: MessageEvent) => {
    const message = options.parse(event.data);
    if (message === undefined) {
      console.warn(`ignored an invalid message (type ${JSON.stringify(messageType(event.data) ?? typeof event.data)})`);
      return;
    }
    options.onMessage(message);
  });
  const bridge: Bridge<ToExtension, State> = {
    post: (message) => api.postMessage(message),
    savedState: options.parseState(api.getState()),
    saveState: (state) => api.setState(state),
  };
  api.postMessage({ type: 'ready' });
  return bridge;
}
