import * as vscode from 'vscode';

/**
 * Every prompt the extension shows goes through this interface, so integration tests can
 * script the answers (test/integration/support/scriptedInput.ts) while the rest runs for real.
 * `undefined` / `false` means the user cancelled.
 */
export interface UserInput {
  inputBox(options: vscode.InputBoxOptions): Promise<string | undefined>;
  quickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions & { canPickMany?: false }): Promise<T | undefined>;
  quickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[] | undefined>;
  /** A modal question with one confirming button; true only when that button was chosen. */
  confirm(message: string, options: { detail?: string; confirmLabel: string }): Promise<boolean>;
  /**
   * Shows a secret (a root or VNC password) once, in a modal with a button that copies it.
   * The value is never logged.
   */
  secret(message: string, value: string, copyLabel: string): Promise<void>;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export class VscodeUserInput implements UserInput {
  async inputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    return vscode.window.showInputBox(options);
  }

  async quickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    return vscode.window.showQuickPick([...items], { ...options, canPickMany: false });
  }

  async quickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[] | undefined> {
    return vscode.window.showQuickPick([...items], { ...options, canPickMany: true });
  }

  async confirm(message: string, options: { detail?: string; confirmLabel: string }): Promise<boolean> {
    const choice = await vscode.window.showWarningMessage(message, { modal: true, detail: options.detail }, options.confirmLabel);
    return choice === options.confirmLabel;
  }

  async secret(message: string, value: string, copyLabel: string): Promise<void> {
    const choice = await vscode.window.showInformationMessage(message, { modal: true, detail: value }, copyLabel);
    if (choice === copyLabel) await vscode.env.clipboard.writeText(value);
  }

  info(message: string): void {
    void vscode.window.showInformationMessage(message);
  }

  warn(message: string): void {
    void vscode.window.showWarningMessage(message);
  }

  error(message: string): void {
    void vscode.window.showErrorMessage(message);
  }
}
