import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { UserInput } from '../../../src/ui/userInput';

/** One scripted answer: what kind of prompt is expected and how to answer it (undefined = cancel). */
export type Answer =
  | { inputBox: string | undefined }
  | { quickPick: string | undefined } // label (or a prefix of it) to pick
  | { quickPickMany: string[] | undefined }
  | { confirm: boolean };

export interface Prompt {
  kind: 'inputBox' | 'quickPick' | 'quickPickMany' | 'confirm';
  title?: string;
  message?: string;
  /** What validateInput said about the scripted value, if the prompt had a validator. */
  validation?: string;
  items?: string[];
  password?: boolean;
  ignoreFocusOut?: boolean;
}

/**
 * UserInput for integration tests: answers prompts from a script, records every prompt and
 * message, and fails the test when the extension asks something the script did not expect.
 * Validators run on scripted values exactly as the input box would run them; a value the
 * validator refuses is recorded and answered as a cancel (the real box would not accept it).
 */
export class ScriptedInput implements UserInput {
  readonly prompts: Prompt[] = [];
  readonly messages: Array<{ level: 'info' | 'warn' | 'error'; text: string }> = [];
  /** Secrets shown with secret(): what the modal said and the value, so tests can compare. */
  readonly secrets: Array<{ message: string; value: string }> = [];

  constructor(private readonly answers: Answer[]) {}

  get remaining(): number {
    return this.answers.length;
  }

  private next<K extends Answer>(kind: Prompt['kind']): K {
    const answer = this.answers.shift();
    assert.ok(answer, `the extension asked an unexpected ${kind}`);
    assert.ok(kind in answer, `expected the script's ${Object.keys(answer)[0]}, but the extension asked a ${kind}`);
    return answer as K;
  }

  async inputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const { inputBox: value } = this.next<{ inputBox: string | undefined }>('inputBox');
    const prompt: Prompt = { kind: 'inputBox', title: options.title, password: options.password, ignoreFocusOut: options.ignoreFocusOut };
    this.prompts.push(prompt);
    if (value !== undefined && options.validateInput) {
      const verdict = await options.validateInput(value);
      const text = typeof verdict === 'string' ? verdict : verdict?.message;
      if (text) {
        prompt.validation = text;
        return undefined;
      }
    }
    return value;
  }

  async quickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    const { quickPick: label } = this.next<{ quickPick: string | undefined }>('quickPick');
    this.prompts.push({ kind: 'quickPick', title: options.title, items: items.map((i) => i.label) });
    if (label === undefined) return undefined;
    const item = items.find((i) => i.label === label) ?? items.find((i) => i.label.startsWith(label));
    assert.ok(item, `no quick pick item "${label}" among: ${items.map((i) => i.label).join(', ')}`);
    return item;
  }

  async quickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[] | undefined> {
    const { quickPickMany: labels } = this.next<{ quickPickMany: string[] | undefined }>('quickPickMany');
    this.prompts.push({ kind: 'quickPickMany', title: options.title, items: items.map((i) => i.label) });
    if (labels === undefined) return undefined;
    return labels.map((label) => {
      const item = items.find((i) => i.label === label);
      assert.ok(item, `no quick pick item "${label}"`);
      return item;
    });
  }

  async confirm(message: string, _options: { detail?: string; confirmLabel: string }): Promise<boolean> {
    const { confirm } = this.next<{ confirm: boolean }>('confirm');
    this.prompts.push({ kind: 'confirm', message });
    return confirm;
  }

  async secret(message: string, value: string, _copyLabel: string): Promise<void> {
    this.secrets.push({ message, value });
  }

  info(text: string): void {
    this.messages.push({ level: 'info', text });
  }

  warn(text: string): void {
    this.messages.push({ level: 'warn', text });
  }

  error(text: string): void {
    this.messages.push({ level: 'error', text });
  }
}
