// The placeholder of a palette picker, made from the command's title and the kind it picks:
// `Reboot Server` → `Pick the server to reboot`. No vscode, unit-tested.
import { KIND_NOUN } from '../tree/rowState';
import type { ResourceKind } from '../tree/resourceNode';

/** A word written in capitals and small letters (`Reverse`), not an acronym (`DNS`, `IPv6`): lower-cased in a sentence. */
const TITLE_WORD = /^[A-Z][a-z]+$/;
/** Small words a title's noun leaves dangling at the end once it is cut: `Change Protection of [Network]`. */
const DANGLING = /\s+(of|from|to|for|in|on)$/i;

/** `Pick the server to reboot`, `Pick the Floating IP to change protection`, `Pick the volume to attach to server`. */
export function pickPlaceholder(kind: ResourceKind, title: string): string {
  const noun = KIND_NOUN[kind];
  const escaped = noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const action = title
    .replace(new RegExp(`\\b${escaped}\\b`, 'i'), ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(DANGLING, '')
    .split(' ')
    .map((w) => (TITLE_WORD.test(w) ? w.toLowerCase() : w))
    .join(' ');
  return action ? `Pick the ${noun} to ${action}` : `Pick the ${noun}`;
}
