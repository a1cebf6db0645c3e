import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BACK, type Back, type SaveLocationOptions, type Step, type StepQuickPickManyOptions, type StepQuickPickOptions, type UserInput } from '../../../src/ui/userInput';

/** One scripted answer: what kind of prompt is expected and how to answer it (undefined = cancel). */
export type Answer =
  | { inputBox: string | undefined }
  | { quickPick: string | undefined } // label (or a prefix of it) to pick
  | { quickPickMany: string[] | undefined }
  | { confirm: boolean }
  // multi-step input (stepInputBox / stepQuickPick / stepQuickPickMany)
  | { stepInputBox: string | undefined }
  | { stepQuickPick: string | undefined } // label (or a prefix of it) to pick; separators are never picked
  | { stepQuickPickMany: string[] | undefined } // labels (or prefixes); [] accepts with nothing selected
  | { back: true } // presses the Back button of whichever step is asked (fails on a step without one)
  | { pickFile: string | undefined } // file system path the open dialog returns
  | { pickSaveLocation: string | undefined } // file system path the save dialog returns
  | { offer: string }; // the button to press on the next notification with buttons (one not scripted is left alone)

export interface Prompt {
  kind: 'inputBox' | 'quickPick' | 'quickPickMany' | 'confirm' | 'stepInputBox' | 'stepQuickPick' | 'stepQuickPickMany' | 'pickFile' | 'pickSaveLocation';
  /** For steps: the title as VS Code shows it, e.g. `Create Server (3/8)`. */
  title?: string;
  message?: string;
  /** Confirm: the modal's detail text and its button. */
  detail?: string;
  confirmLabel?: string;
  /** What validateInput said about the scripted value, if the prompt had a validator. */
  validation?: string;
  items?: string[];
  password?: boolean;
  ignoreFocusOut?: boolean;
  /** Steps (and quick picks: their placeholder): the step's own prompt or placeholder, the value it opened with, whether Back was offered, and the answer. */
  placeHolder?: string;
  prompt?: string;
  value?: string;
  back?: boolean;
  /** Step quick picks: the labels of the separators, and the item focused or selected when it opened. */
  separators?: string[];
  active?: string[];
  /** Quick picks (single and step): each item's description and detail, `description | detail`. */
  descriptions?: Array<string | undefined>;
  answer?: 'back' | 'cancel' | 'value';
}

/**
 * UserInput for integration tests: answers prompts from a script, records every prompt and
 * message, and fails the test when the extension asks something the script did not expect.
 * Validators run on scripted values exactly as the input box would run them; a value the
 * validator refuses is recorded and answered as a cancel (the real box would not accept it).
 */
export class ScriptedInput implements UserInput {
  readonly prompts: Prompt[] = [];
  readonly messages: Array<{ level: 'info' | 'warn' | 'error'; text: string; buttons?: string[] }> = [];
  /** Secrets shown with secret(): what the modal said and the value, so tests can compare. */
  readonly secrets: Array<{ message: string; value: string }> = [];
  /** Modals shown with secretSet(): the message and the labels of its secrets. */
  readonly modals: Array<{ message: string; labels: string[] }> = [];

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
    this.prompts.push({ kind: 'quickPick', title: options.title, placeHolder: options.placeHolder, items: items.map((i) => i.label), descriptions: ScriptedInput.descriptions(items) });
    if (label === undefined) return undefined;
    const item = items.find((i) => i.label === label) ?? items.find((i) => i.label.startsWith(label));
    assert.ok(item, `no quick pick item "${label}" among: ${items.map((i) => i.label).join(', ')}`);
    return item;
  }

  async quickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T[] | undefined> {
    const { quickPickMany: labels } = this.next<{ quickPickMany: string[] | undefined }>('quickPickMany');
    this.prompts.push({ kind: 'quickPickMany', title: options.title, placeHolder: options.placeHolder, items: items.map((i) => i.label) });
    if (labels === undefined) return undefined;
    return labels.map((label) => {
      const item = items.find((i) => i.label === label);
      assert.ok(item, `no quick pick item "${label}"`);
      return item;
    });
  }

  /** Stands for pressing Back when the script says `{ back: true }`; otherwise the step's own answer. */
  private nextStep<K extends Answer>(kind: Prompt['kind'], step: Step, prompt: Prompt): K | Back {
    const answer = this.answers.shift();
    assert.ok(answer, `the extension asked an unexpected ${kind} (${prompt.title})`);
    this.prompts.push(prompt);
    prompt.back = step.current > 1;
    if ('back' in answer) {
      assert.ok(prompt.back, `the script pressed Back on ${prompt.title}, which has no Back button`);
      prompt.answer = 'back';
      return BACK;
    }
    assert.ok(kind in answer, `expected the script's ${Object.keys(answer)[0]}, but the extension asked a ${kind} (${prompt.title})`);
    return answer as K;
  }

  private static stepTitle(title: string | undefined, step: Step): string {
    return `${title ?? ''} (${step.current}/${step.total})`;
  }

  private static find<T extends vscode.QuickPickItem>(items: readonly T[], label: string): T {
    const choices = items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    const item = choices.find((i) => i.label === label) ?? choices.find((i) => i.label.startsWith(label));
    assert.ok(item, `no quick pick item "${label}" among: ${choices.map((i) => i.label).join(', ')}`);
    return item;
  }

  /** Each item's description and detail as the picker shows them (`description | detail`). */
  private static descriptions(items: readonly vscode.QuickPickItem[]): Array<string | undefined> {
    return items.map((i) => [i.description, i.detail].filter(Boolean).join(' | ') || undefined);
  }

  private static pickPrompt<T extends vscode.QuickPickItem>(kind: Prompt['kind'], items: readonly T[], options: StepQuickPickManyOptions<T>, step: Step, active: readonly T[]): Prompt {
    const choices = items.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    return {
      kind,
      title: ScriptedInput.stepTitle(options.title, step),
      placeHolder: options.placeHolder,
      ignoreFocusOut: true,
      items: choices.map((i) => i.label),
      descriptions: ScriptedInput.descriptions(choices),
      separators: items.filter((i) => i.kind === vscode.QuickPickItemKind.Separator).map((i) => i.label),
      active: active.map((i) => i.label),
    };
  }

  async stepInputBox(options: vscode.InputBoxOptions, step: Step): Promise<string | Back | undefined> {
    const prompt: Prompt = {
      kind: 'stepInputBox',
      title: ScriptedInput.stepTitle(options.title, step),
      prompt: options.prompt,
      placeHolder: options.placeHolder,
      value: options.value,
      password: options.password,
      ignoreFocusOut: true,
    };
    const answer = this.nextStep<{ stepInputBox: string | undefined }>('stepInputBox', step, prompt);
    if (answer === BACK) return BACK;
    const value = answer.stepInputBox;
    if (value !== undefined && options.validateInput) {
      const verdict = await options.validateInput(value);
      const text = typeof verdict === 'string' ? verdict : verdict?.message;
      if (text) {
        prompt.validation = text;
        prompt.answer = 'cancel';
        return undefined;
      }
    }
    prompt.answer = value === undefined ? 'cancel' : 'value';
    return value;
  }

  async stepQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: StepQuickPickOptions<T>, step: Step): Promise<T | Back | undefined> {
    const prompt = ScriptedInput.pickPrompt('stepQuickPick', items, options, step, options.active ? [options.active] : []);
    const answer = this.nextStep<{ stepQuickPick: string | undefined }>('stepQuickPick', step, prompt);
    if (answer === BACK) return BACK;
    prompt.answer = answer.stepQuickPick === undefined ? 'cancel' : 'value';
    return answer.stepQuickPick === undefined ? undefined : ScriptedInput.find(items, answer.stepQuickPick);
  }

  async stepQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: StepQuickPickManyOptions<T>, step: Step): Promise<T[] | Back | undefined> {
    const prompt = ScriptedInput.pickPrompt('stepQuickPickMany', items, options, step, options.selected ?? []);
    const answer = this.nextStep<{ stepQuickPickMany: string[] | undefined }>('stepQuickPickMany', step, prompt);
    if (answer === BACK) return BACK;
    prompt.answer = answer.stepQuickPickMany === undefined ? 'cancel' : 'value';
    return answer.stepQuickPickMany?.map((label) => ScriptedInput.find(items, label));
  }

  async pickFile(options: { title: string; openLabel: string; filters?: Record<string, string[]> }): Promise<vscode.Uri | undefined> {
    const { pickFile: path } = this.next<{ pickFile: string | undefined }>('pickFile');
    this.prompts.push({ kind: 'pickFile', title: options.title, answer: path === undefined ? 'cancel' : 'value' });
    return path === undefined ? undefined : vscode.Uri.file(path);
  }

  async pickSaveLocation(options: SaveLocationOptions): Promise<vscode.Uri | undefined> {
    const { pickSaveLocation: path } = this.next<{ pickSaveLocation: string | undefined }>('pickSaveLocation');
    this.prompts.push({ kind: 'pickSaveLocation', title: options.title, value: options.defaultUri?.path, answer: path === undefined ? 'cancel' : 'value' });
    return path === undefined ? undefined : vscode.Uri.file(path);
  }

  async confirm(message: string, options: { detail?: string; confirmLabel: string }): Promise<boolean> {
    const { confirm } = this.next<{ confirm: boolean }>('confirm');
    this.prompts.push({ kind: 'confirm', message, detail: options.detail, confirmLabel: options.confirmLabel });
    return confirm;
  }

  async secret(message: string, value: string, _copyLabel: string): Promise<void> {
    this.secrets.push({ message, value });
  }

  /** Records each item as a secret of its own: `<message>: <label>`. */
  async secretSet(message: string, items: ReadonlyArray<{ label: string; value: string }>): Promise<void> {
    this.modals.push({ message, labels: items.map((i) => i.label) });
    for (const i of items) this.secrets.push({ message: `${message}: ${i.label}`, value: i.value });
  }

  info(text: string): void {
    this.messages.push({ level: 'info', text });
  }

  /**
   * A notification with buttons is recorded as an info (or, `error: true`, an error) message with its buttons. It is not a
   * question the user must answer: when the script's next answer is not an `offer`, it is left
   * alone (resolves undefined, as when dismissed) and nothing of the script is used.
   */
  async offer(text: string, buttons: readonly string[], options?: { error?: boolean; warning?: boolean }): Promise<string | undefined> {
    this.messages.push({ level: options?.error ? 'error' : options?.warning ? 'warn' : 'info', text, buttons: [...buttons] });
    const answer = this.answers[0];
    if (!answer || !('offer' in answer)) return undefined;
    this.answers.shift();
    assert.ok(buttons.includes(answer.offer), `no button "${answer.offer}" on "${text}" (buttons: ${buttons.join(', ')})`);
    return answer.offer;
  }

  warn(text: string): void {
    this.messages.push({ level: 'warn', text });
  }

  error(text: string): void {
    this.messages.push({ level: 'error', text });
  }
}
