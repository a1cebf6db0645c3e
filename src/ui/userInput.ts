import * as vscode from 'vscode';

/**
 * What a step of a multi-step input resolves with when the user pressed Back. A registered
 * symbol, so the extension and a test bundle that scripts the answers agree on it.
 */
export const BACK: unique symbol = Symbol.for('hcloud.userInput.back') as never;
export type Back = typeof BACK;

/** Where a prompt stands in a multi-step input: `Create Server (3/7)`. Back is offered from step 2 on. */
export interface Step {
  current: number;
  total: number;
}

export function isBack(value: unknown): value is Back {
  return value === BACK;
}

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
  /**
   * Shows several secrets of one thing (a console's URL and password) in one modal, with a Copy
   * button for each; after a copy it offers the others, until dismissed. Never logged.
   */
  secretSet(message: string, items: ReadonlyArray<{ label: string; value: string }>): Promise<void>;
  info(message: string): void;
  /**
   * A notification (not modal) with buttons: resolves with the label chosen, undefined when dismissed.
   * `error: true` shows it as an error (a failure's Retry and Show Log), `warning: true` as a warning.
   */
  offer(message: string, buttons: readonly string[], options?: { error?: boolean; warning?: boolean }): Promise<string | undefined>;
  warn(message: string): void;
  error(message: string): void;

  // --- multi-step input: each resolves with the answer, BACK, or undefined (cancelled) ---------
  /** An input box that is one step of several; `validateInput` refuses a value before it is accepted. */
  stepInputBox(options: vscode.InputBoxOptions, step: Step): Promise<string | Back | undefined>;
  /** A quick pick that is one step of several; `active` is the item focused at first (e.g. the earlier answer). */
  stepQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: StepQuickPickOptions<T>, step: Step): Promise<T | Back | undefined>;
  /** A multi-select quick pick that is one step of several; accepting with nothing selected resolves with []. */
  stepQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: StepQuickPickManyOptions<T>, step: Step): Promise<T[] | Back | undefined>;
  /** An open-file dialog for one file; undefined when cancelled. */
  pickFile(options: { title: string; openLabel: string; filters?: Record<string, string[]> }): Promise<vscode.Uri | undefined>;
  /** A save dialog for one file (`defaultUri` proposes folder and name); undefined when cancelled. */
  pickSaveLocation(options: SaveLocationOptions): Promise<vscode.Uri | undefined>;
}

export interface SaveLocationOptions {
  title: string;
  saveLabel: string;
  defaultUri?: vscode.Uri;
  filters?: Record<string, string[]>;
}

export interface StepQuickPickOptions<T> {
  title: string;
  placeHolder?: string;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
  /** The item focused when the step opens (the earlier answer when the user came back). */
  active?: T;
}

export interface StepQuickPickManyOptions<T> extends Omit<StepQuickPickOptions<T>, 'active'> {
  /** Items selected when the step opens. */
  selected?: readonly T[];
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

  async secretSet(message: string, items: ReadonlyArray<{ label: string; value: string }>): Promise<void> {
    const detail = items.map((i) => `${i.label}: ${i.value}`).join('\n\n');
    let left = [...items];
    let copied: string | undefined;
    while (left.length > 0) {
      const title = copied ? `${message} (${copied} copied)` : message;
      const choice = await vscode.window.showInformationMessage(title, { modal: true, detail }, ...left.map((i) => `Copy ${i.label}`));
      const picked = left.find((i) => `Copy ${i.label}` === choice);
      if (!picked) return;
      await vscode.env.clipboard.writeText(picked.value);
      copied = picked.label;
      left = left.filter((i) => i !== picked);
    }
  }

  info(message: string): void {
    void vscode.window.showInformationMessage(message);
  }

  async offer(message: string, buttons: readonly string[], options?: { error?: boolean; warning?: boolean }): Promise<string | undefined> {
    if (options?.warning) return vscode.window.showWarningMessage(message, ...buttons);
    return options?.error ? vscode.window.showErrorMessage(message, ...buttons) : vscode.window.showInformationMessage(message, ...buttons);
  }

  warn(message: string): void {
    void vscode.window.showWarningMessage(message);
  }

  error(message: string): void {
    void vscode.window.showErrorMessage(message);
  }

  stepInputBox(options: vscode.InputBoxOptions, step: Step): Promise<string | Back | undefined> {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.step = step.current;
    box.totalSteps = step.total;
    box.prompt = options.prompt;
    box.placeholder = options.placeHolder;
    box.password = options.password ?? false;
    box.value = options.value ?? '';
    box.ignoreFocusOut = true;
    if (step.current > 1) box.buttons = [vscode.QuickInputButtons.Back];
    const validate = async (value: string): Promise<string | undefined> => {
      const verdict = await options.validateInput?.(value);
      return typeof verdict === 'string' ? verdict || undefined : verdict?.message;
    };
    return runQuickInput<string>(box, (finish) => {
      let checked = 0;
      return [
        box.onDidChangeValue(async (value) => {
          const mine = ++checked;
          const message = await validate(value);
          if (mine === checked) box.validationMessage = message;
        }),
        box.onDidAccept(async () => {
          const value = box.value;
          box.busy = true;
          const message = await validate(value);
          box.busy = false;
          box.validationMessage = message;
          if (!message) finish(value);
        }),
      ];
    });
  }

  stepQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: StepQuickPickOptions<T>, step: Step): Promise<T | Back | undefined> {
    const pick = vscode.window.createQuickPick<T>();
    setUpPick(pick, items, options, step);
    if (options.active) pick.activeItems = [options.active];
    return runQuickInput<T>(pick, (finish) => [
      pick.onDidAccept(() => {
        const [chosen] = pick.selectedItems.length ? pick.selectedItems : pick.activeItems;
        if (chosen) finish(chosen);
      }),
    ]);
  }

  stepQuickPickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: StepQuickPickManyOptions<T>, step: Step): Promise<T[] | Back | undefined> {
    const pick = vscode.window.createQuickPick<T>();
    pick.canSelectMany = true;
    setUpPick(pick, items, options, step);
    if (options.selected) pick.selectedItems = [...options.selected];
    return runQuickInput<T[]>(pick, (finish) => [pick.onDidAccept(() => finish([...pick.selectedItems]))]);
  }

  async pickFile(options: { title: string; openLabel: string; filters?: Record<string, string[]> }): Promise<vscode.Uri | undefined> {
    const uris = await vscode.window.showOpenDialog({
      title: options.title,
      openLabel: options.openLabel,
      filters: options.filters,
      canSelectFiles: true,
      canSelectFolders: false,
      canSelectMany: false,
    });
    return uris?.[0];
  }

  async pickSaveLocation(options: SaveLocationOptions): Promise<vscode.Uri | undefined> {
    return vscode.window.showSaveDialog({ title: options.title, saveLabel: options.saveLabel, defaultUri: options.defaultUri, filters: options.filters });
  }
}

function setUpPick<T extends vscode.QuickPickItem>(pick: vscode.QuickPick<T>, items: readonly T[], options: StepQuickPickManyOptions<T>, step: Step): void {
  pick.title = options.title;
  pick.step = step.current;
  pick.totalSteps = step.total;
  pick.placeholder = options.placeHolder;
  pick.matchOnDescription = options.matchOnDescription ?? false;
  pick.matchOnDetail = options.matchOnDetail ?? false;
  pick.ignoreFocusOut = true;
  pick.items = items;
  if (step.current > 1) pick.buttons = [vscode.QuickInputButtons.Back];
}

/**
 * Shows a QuickInput until it settles: the value `finish` got, BACK when its Back button was
 * pressed, undefined when it was hidden (Escape). The QuickInput and its listeners are disposed.
 */
function runQuickInput<R>(input: vscode.QuickInput & { onDidTriggerButton: vscode.Event<vscode.QuickInputButton> }, listen: (finish: (value: R) => void) => vscode.Disposable[]): Promise<R | Back | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const subscriptions: vscode.Disposable[] = [];
    const settle = (value: R | Back | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      for (const d of subscriptions) d.dispose();
      input.dispose();
    };
    subscriptions.push(
      ...listen((value) => settle(value)),
      input.onDidTriggerButton((button) => {
        if (button === vscode.QuickInputButtons.Back) settle(BACK);
      }),
      input.onDidHide(() => settle(undefined)),
    );
    input.show();
  });
}
