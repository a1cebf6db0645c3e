// The message protocol between the extension and its webviews, shared by both sides (no vscode,
// no DOM). Each panel's messages are discriminated unions in their own file; messages.ts holds what
// every panel shares: the `ready` handshake and the checks that turn an untrusted `unknown` from
// the other side into a typed message (or `undefined`, never a throw). This file only re-exports
// them; nothing in src/shared imports it, so the protocol files form no cycle.
//
// Rules both sides follow:
// - The webview says `{ type: 'ready' }` once its listener is installed; the extension posts
//   nothing before that (the panel host queues) and re-sends the whole state on each `ready`
//   (a hidden webview is torn down and comes back with a fresh `ready`).
// - Every message is validated on receipt; an invalid one is dropped and logged, never acted on.
// - No token, endpoint or URL ever crosses: the webview gets data, never the means to fetch it.

export * from './messages';
export * from './metricsProtocol';
export * from './actionLogProtocol';
export * from './firewallRulesProtocol';
export * from './costsProtocol';
export * from './consoleProtocol';
