// The one-line form Edit Labels shows and reads: `env=prod, tier=web` (a key alone has the empty
// value). Pure, no vscode: unit-tested in test/unit/commands/labelsText.test.ts. The rules are the
// API's (src/api/labels.ts), so what passes here is what the API takes.
import { labelsProblems } from '../api/labels';
import type { Labels } from '../api/types';

/** `env=prod, tier=web`; a label with the empty value is written as its key alone. */
export function formatLabelsText(labels: Labels): string {
  return Object.entries(labels)
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`))
    .join(', ');
}

/**
 * Reads `key=value, key2=value2` (spaces around items, keys and values are ignored; an empty text is no
 * labels). A key alone or `key=` has the empty value. Checked with the API's rules: the first problem
 * comes back as `error`.
 */
export function parseLabelsText(text: string): { labels: Labels } | { error: string } {
  if (text.trim() === '') return { labels: {} };
  const items = text.split(',').map((item) => item.trim());
  // A trailing comma is forgiven; an empty item between two others is a typo worth pointing at.
  if (items.length > 1 && items[items.length - 1] === '') items.pop();
  const entries = new Map<string, string>();
  for (const item of items) {
    if (item === '') return { error: 'An empty item between two commas: remove the extra comma.' };
    const eq = item.indexOf('=');
    const key = (eq < 0 ? item : item.slice(0, eq)).trim();
    const value = eq < 0 ? '' : item.slice(eq + 1).trim();
    if (key === '') return { error: `"${item}": the key before "=" is missing.` };
    if (entries.has(key)) return { error: `The key "${key}" is given twice; a resource has one value per key.` };
    entries.set(key, value);
  }
  // fromEntries defines own properties, so a key such as `__proto__` is kept (and refused by the rules), not swallowed.
  const labels: Labels = Object.fromEntries(entries);
  const problems = labelsProblems(labels);
  if (problems.length) return { error: capitalize(problems[0].message) + (problems.length > 1 ? ` (and ${problems.length - 1} more)` : '') };
  return { labels };
}

/** validateInput of the Edit Labels box: the problem, or undefined when the API would take it. */
export function labelsTextProblem(text: string): string | undefined {
  const parsed = parseLabelsText(text);
  return 'error' in parsed ? parsed.error : undefined;
}

/** Same keys with the same values (order does not matter). */
export function sameLabels(a: Labels, b: Labels): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && b[k] === a[k]);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
