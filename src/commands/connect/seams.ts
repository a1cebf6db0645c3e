// What Open Folder on Server and SSH When Ready reach outside the extension, behind one object
// built in activate() and passed in the CommandContext: the TCP probe, VS Code's commands, the
// installed extensions, and where the chosen folders are remembered. Integration tests swap
// the probe for one that reaches a local listener and observe the commands (the extension's test
// API hands them this object); nothing here probes an address on its own.
import * as vscode from 'vscode';
import { tcpProbe, type PortProbe } from './waitForPort';

export interface ConnectSeams {
  /** One readiness attempt against host:port. */
  probe: PortProbe;
  /** Time between attempts, and after how long SSH When Ready gives up. */
  intervalMs: number;
  limitMs: number;
  /** `vscode.commands.executeCommand`: `vscode.openFolder` and the Extensions view's commands go through it. */
  executeCommand(command: string, ...args: unknown[]): Thenable<unknown>;
  /** Whether an extension is installed (`vscode.extensions.getExtension`). */
  hasExtension(id: string): boolean;
  /** The folder Open Folder on Server opened last, per project and server (global state: see ARCHITECTURE.md). */
  readonly folders: vscode.Memento;
  /** The waits running now; each is aborted by its progress notification's Cancel. */
  readonly waits: Set<AbortController>;
}

export function defaultConnectSeams(globalState: vscode.Memento): ConnectSeams {
  return {
    probe: tcpProbe(3000),
    intervalMs: 2000,
    limitMs: 5 * 60_000,
    executeCommand: (command, ...args) => vscode.commands.executeCommand(command, ...args),
    hasExtension: (id) => vscode.extensions.getExtension(id) !== undefined,
    folders: globalState,
    waits: new Set(),
  };
}
