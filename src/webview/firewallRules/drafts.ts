// The rules editor's drafts: the edits of a firewall's rules not applied yet, kept in the
// workspace's state (keyed by project id and firewall id) so they survive closing the editor and a
// window reload. A draft holds rules (nothing secret), when it was saved, and the rules the firewall
// had then (to say when they changed on the server since). Read back through the protocol's parser.

import { parseFirewallRules } from '../../shared/firewallRulesProtocol';
import type { FirewallRule } from '../../shared/firewallRule';

/** The part of vscode.Memento the drafts use (workspaceState). */
export interface DraftMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export interface RulesDraft {
  rules: FirewallRule[];
  /** ms since the epoch. */
  savedAt: number;
  /** The firewall's rules when the draft was saved. */
  base: FirewallRule[];
}

export function draftKey(projectId: string, firewallId: number): string {
  return `hcloud.firewallRulesDraft/${projectId}/${firewallId}`;
}

export class RulesDrafts {
  constructor(private readonly memento: DraftMemento) {}

  get(projectId: string, firewallId: number): RulesDraft | undefined {
    const raw = this.memento.get<{ rules?: unknown; savedAt?: unknown; base?: unknown }>(draftKey(projectId, firewallId));
    if (!raw || typeof raw !== 'object') return undefined;
    const rules = parseFirewallRules(raw.rules);
    const base = parseFirewallRules(raw.base);
    const savedAt = typeof raw.savedAt === 'number' && Number.isFinite(raw.savedAt) ? raw.savedAt : undefined;
    return rules && base && savedAt !== undefined ? { rules, base, savedAt } : undefined;
  }

  async save(projectId: string, firewallId: number, draft: RulesDraft): Promise<void> {
    await this.memento.update(draftKey(projectId, firewallId), draft);
  }

  async clear(projectId: string, firewallId: number): Promise<void> {
    if (this.memento.get(draftKey(projectId, firewallId)) !== undefined) await this.memento.update(draftKey(projectId, firewallId), undefined);
  }
}
