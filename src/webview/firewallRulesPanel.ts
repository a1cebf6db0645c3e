// The rules editor of one firewall (extension side). It reads the firewall's rules and applies
// them through a narrow source (FirewallRulesSource: load and apply; the command builds it on the
// project's client), so neither this host nor its tests depend on the client. Each `edit` of the
// webview becomes the draft (RulesDrafts, saved after a short pause and when the panel closes);
// opening an editor with a draft offers it; Apply checks the rules again (the webview is untrusted),
// sends them once, and on an API error posts its message and field details (the edits stay).

import * as vscode from 'vscode';
import { isHcloudError } from '../api/errors';
import type { FirewallRule } from '../shared/firewallRule';
import { canonicalFirewallRule, checkRules, normalizeRule } from '../shared/firewallRuleCheck';
import {
  countChanges,
  mapFieldErrors,
  parseFirewallRulesFromWebview,
  sameRules,
  type FirewallRulesFromWebview,
  type FirewallRulesPanelState,
  type FirewallRulesToWebview,
  type RulesFailedMessage,
  type RulesInitMessage,
} from '../shared/firewallRulesProtocol';
import { describeError } from '../ui/describeError';
import type { UserInput } from '../ui/userInput';
import type { RulesDrafts } from './firewallRules/drafts';
import { WebviewPanelHost } from './panelHost';

/** What the editor needs of the API for one firewall. */
export interface FirewallRulesSource {
  /** The firewall's name and rules now; undefined when it no longer exists. Throws the API's error. */
  load(): Promise<{ name: string; rules: FirewallRule[] } | undefined>;
  /** One `set_rules` with exactly these rules, waiting for its actions. Throws the API's error. */
  apply(rules: FirewallRule[]): Promise<void>;
}

export interface FirewallRulesPanelDeps {
  extensionUri: vscode.Uri;
  log: vscode.LogOutputChannel;
  drafts: RulesDrafts;
  /** The source of a firewall's editor; undefined when its project is no longer set up. */
  source(projectId: string, firewallId: number): FirewallRulesSource | undefined;
  /** Asks before Discard drops edits (a modal). */
  input(): UserInput;
  /** ms to wait after an edit before the draft is saved (tests shorten it). */
  draftDelayMs?: number;
  now?(): number;
}

export function firewallRulesTitle(name: string): string {
  return `Rules: ${name}`;
}

export class FirewallRulesPanel extends WebviewPanelHost<FirewallRulesToWebview, FirewallRulesFromWebview> {
  private state: FirewallRulesPanelState;
  /** The firewall's rules as last read (or applied); undefined until loaded. */
  private server: FirewallRule[] | undefined;
  /** The user's edits when they differ from `server`. */
  private edits: FirewallRule[] | undefined;
  /** A draft found when the editor opened, offered until the user acts on it. */
  private offer: RulesInitMessage['draft'];
  private loadError: string | undefined;
  private failure: RulesFailedMessage | undefined;
  private applying = false;
  private loading: Promise<void> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Edits came since the draft was last saved. */
  private dirty = false;
  private readonly appliedEmitter = new vscode.EventEmitter<{ ok: boolean }>();
  /** After each Apply settled (tests wait on it). */
  readonly onDidApply = this.appliedEmitter.event;

  constructor(
    panel: vscode.WebviewPanel,
    private readonly deps: FirewallRulesPanelDeps,
    state: FirewallRulesPanelState,
  ) {
    super(panel, { extensionUri: deps.extensionUri, bundle: 'firewallRules', title: firewallRulesTitle(state.firewallName), parse: parseFirewallRulesFromWebview, log: deps.log });
    this.state = state;
    panel.title = firewallRulesTitle(state.firewallName);
    this.disposables.push(this.appliedEmitter, { dispose: () => this.flushDraft() });
  }

  get projectId(): string {
    return this.state.projectId;
  }

  get firewallId(): number {
    return this.state.firewallId;
  }

  /** The edits not applied yet (undefined when there are none). */
  get unsaved(): FirewallRule[] | undefined {
    return this.edits && [...this.edits];
  }

  protected async onReady(): Promise<void> {
    if (this.server === undefined && this.loadError === undefined) await this.load();
    this.sendAll();
  }

  protected async onMessage(message: FirewallRulesFromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        return;
      case 'edit':
        this.setEdits(message.rules);
        this.offer = undefined;
        this.dirty = true;
        this.scheduleDraft();
        return;
      case 'apply':
        await this.apply(message.rules);
        return;
      case 'discard':
        if (!(await this.confirmDiscard())) return;
        this.edits = undefined;
        this.offer = undefined;
        this.failure = undefined;
        this.dirty = false;
        this.clearTimer();
        await this.deps.drafts.clear(this.state.projectId, this.state.firewallId);
        this.server = undefined;
        await this.load();
        this.sendAll();
        return;
      default: {
        const unknown: never = message;
        void unknown;
      }
    }
  }

  /** True when there is nothing to lose, or the user said to drop it. */
  private async confirmDiscard(): Promise<boolean> {
    const n = this.edits && this.server ? countChanges(this.server, this.edits) : 0;
    if (n === 0) return true;
    return this.deps.input().confirm(`Discard the unsaved changes to the rules of firewall "${this.state.firewallName}"?`, {
      detail: `${n === 1 ? '1 change' : `${n} changes`} will be lost; the firewall keeps the rules it has.`,
      confirmLabel: 'Discard',
    });
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private setEdits(rules: FirewallRule[]): void {
    this.edits = this.server && sameRules(rules, this.server) ? undefined : rules;
  }

  private sendAll(): void {
    if (this.loadError !== undefined || this.server === undefined) {
      this.post({ type: 'error', message: this.loadError ?? `The rules of firewall "${this.state.firewallName}" could not be loaded.` });
      return;
    }
    const init: RulesInitMessage = { type: 'init', panel: { ...this.state }, rules: this.server, applying: this.applying };
    if (this.edits) init.edits = this.edits;
    if (this.offer) init.draft = this.offer;
    this.post(init);
    if (this.failure) this.post(this.failure);
  }

  /** Reads the firewall (once at a time) and, the first time, its draft. */
  private load(): Promise<void> {
    this.loading ??= this.read().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async read(): Promise<void> {
    const { projectId, firewallId, firewallName } = this.state;
    const source = this.deps.source(projectId, firewallId);
    if (!source) {
      this.loadError = `The project of firewall "${firewallName}" is no longer set up in VS Code. Close this editor.`;
      return;
    }
    try {
      const firewall = await source.load();
      if (!firewall) {
        this.loadError = `Firewall "${firewallName}" (ID ${firewallId}) no longer exists.`;
        return;
      }
      this.loadError = undefined;
      this.server = firewall.rules;
      if (firewall.name !== this.state.firewallName) {
        this.state = { ...this.state, firewallName: firewall.name };
        this.panel.title = firewallRulesTitle(firewall.name);
      }
      if (this.edits === undefined) this.takeDraft(firewall.rules);
    } catch (e) {
      this.loadError = describeError(e, { action: `Loading the rules of firewall "${firewallName}"` });
      this.deps.log.warn(this.loadError);
    }
  }

  private takeDraft(rules: FirewallRule[]): void {
    const draft = this.deps.drafts.get(this.state.projectId, this.state.firewallId);
    if (!draft) return;
    if (sameRules(draft.rules, rules)) {
      void this.deps.drafts.clear(this.state.projectId, this.state.firewallId);
      return;
    }
    this.edits = draft.rules;
    this.offer = { savedAt: draft.savedAt, serverChanged: !sameRules(draft.base, rules) };
  }

  private async apply(raw: FirewallRule[]): Promise<void> {
    if (this.applying) return;
    const { projectId, firewallId, firewallName } = this.state;
    this.setEdits(raw);
    this.offer = undefined;
    this.dirty = true;
    this.flushDraft();
    const checked = checkRules(raw);
    // As the API keeps them (IPv6 blocks in their RFC 5952 form), so the rules compare equal to what it answers later.
    const rules = raw.map((r) => canonicalFirewallRule(normalizeRule(r)));
    if (!checked.ok) {
      // The page disables Apply while anything is invalid: this list did not come from it.
      this.failure = { type: 'failed', message: checked.list ?? 'The rules are not valid: fix the rules marked in red first.', fields: [] };
      this.post(this.failure);
      return;
    }
    const source = this.deps.source(projectId, firewallId);
    if (!source) {
      this.failure = { type: 'failed', message: `The project of firewall "${firewallName}" is no longer set up in VS Code.`, fields: [] };
      this.post(this.failure);
      return;
    }
    this.applying = true;
    this.failure = undefined;
    this.post({ type: 'applying' });
    let ok = false;
    try {
      await source.apply(rules);
      ok = true;
      this.server = rules;
      this.edits = undefined;
      this.dirty = false;
      this.clearTimer();
      await this.deps.drafts.clear(projectId, firewallId);
      this.deps.log.info(`Applied ${rules.length} rule(s) to firewall "${firewallName}".`);
    } catch (e) {
      const message = describeError(e, { action: `Apply the rules of firewall "${firewallName}"` });
      this.deps.log.error(message);
      this.failure = { type: 'failed', message, fields: isHcloudError(e) ? mapFieldErrors(e.fields, rules.length) : [] };
    } finally {
      this.applying = false;
      if (ok) this.post({ type: 'applied', rules });
      else if (this.failure) this.post(this.failure);
      this.appliedEmitter.fire({ ok });
    }
  }

  private scheduleDraft(): void {
    this.clearTimer();
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saveDraft();
    }, this.deps.draftDelayMs ?? 500);
  }

  /** Saves (or clears) the draft now: after an edit's pause, before an Apply, when the panel closes. */
  private flushDraft(): void {
    this.clearTimer();
    this.saveDraft();
  }

  private saveDraft(): void {
    // Nothing typed since the last save (or nothing loaded): the stored draft stays as it is.
    if (!this.dirty || !this.server) return;
    this.dirty = false;
    const { projectId, firewallId } = this.state;
    const write = this.edits ? this.deps.drafts.save(projectId, firewallId, { rules: this.edits, savedAt: this.now(), base: this.server }) : this.deps.drafts.clear(projectId, firewallId);
    write.catch((e: unknown) => this.deps.log.warn(`The draft of the rules of firewall "${this.state.firewallName}" could not be saved: ${String(e)}`));
  }

  private clearTimer(): void {
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
  }
}
