// How certificates look in the tree (today's API): one row each, the words in certificateFormat.ts.
// A pending certificate is not polled: the folder's slow listing (or the command that created or
// retried it, which follows its action) shows the change.
import * as vscode from 'vscode';
import type { Certificate } from '../api/types';
import { certificateDescription, certificateIconState, certificateTooltip, type CertificateLookup } from './certificateFormat';
import type { Presenter } from './itemNode';

const COLOR = { error: 'list.errorForeground', warning: 'list.warningForeground' } as const;
/** What the icon's colour says, for the row's accessibility label. */
const STATE_WORDS = { ok: 'valid', warning: 'expiring soon', error: 'failed or expired', pending: 'pending' } as const;

export const certificatePresenter: Presenter<Certificate> = {
  kind: 'certificate',
  label: (c) => c.name,
  description: (c, l) => certificateDescription(c, l as CertificateLookup),
  tooltip: (c, l) => certificateTooltip(c, l as CertificateLookup),
  icon: (c) => {
    const { icon, level } = certificateIconState(c);
    return new vscode.ThemeIcon(icon, level === 'error' || level === 'warning' ? new vscode.ThemeColor(COLOR[level]) : undefined);
  },
  tokens: (c) => [
    c.type === 'managed' ? 'managed' : 'uploaded',
    c.status?.issuance === 'failed' || c.status?.renewal === 'failed' ? 'failed' : undefined,
    c.status?.issuance === 'pending' ? 'pending' : undefined,
    c.usedBy.length ? 'inUse' : 'unused',
  ],
  copyText: (c) => c.fingerprint ?? c.name,
  filterText: (c) => [c.type, c.status?.issuance, ...c.domainNames],
  state: (c) => STATE_WORDS[certificateIconState(c).level],
};
