// Edit Labels on a multi-selection of servers: add (or change) one label on every selected server,
// or remove one label from every server that has it. The label is checked with the API's rules as
// typed (labelsText.ts, as Edit Labels of one server does); each server gets one PUT with its
// labels as the tree knows them plus (or minus) this one, so its other labels stay.
import type { Labels, Server } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { labelsTextProblem, parseLabelsText } from '../labelsText';
import { runBatch } from './runBatch';
import { selectedServers } from './selection';
import { anythingToDo, confirmPlan, plan } from './plan';
import { servers } from './words';

const NO_LABELS = 'its API has no labels';

/** validateInput of the one-label box: `key=value` (or a key alone), exactly one. */
export function oneLabelProblem(text: string): string | undefined {
  if (text.trim() === '') return 'Type one label: key=value.';
  const problem = labelsTextProblem(text);
  if (problem) return problem;
  const parsed = parseLabelsText(text);
  return 'labels' in parsed && Object.keys(parsed.labels).length !== 1 ? 'One label only: key=value.' : undefined;
}

export async function bulkLabels(ctx: CommandContext, selection: readonly TreeNode[]): Promise<void> {
  const { targets } = selectedServers(selection);
  const n = servers(targets.length);
  if (targets.length > 0 && targets.every((t) => t.server.labels === undefined)) {
    ctx.input().info(`Edit Labels of ${n}: their API has no labels (it answers as the 2018 API).`);
    return;
  }
  const picked = await ctx.input().quickPick(
    [
      { label: 'Add or Change a Label', detail: 'key=value on every selected server; their other labels stay', add: true },
      { label: 'Remove a Label', detail: 'from every selected server that has it', add: false },
    ],
    { title: `Edit Labels of ${n}`, placeHolder: 'What to do with the labels' },
  );
  if (!picked) return;
  let key: string;
  let value: string | undefined;
  if (picked.add) {
    const typed = await ctx.input().inputBox({
      title: `Add a Label to ${n}`,
      prompt: 'One label: key=value (a key alone has an empty value). A server that has the key gets the new value.',
      placeHolder: 'env=prod',
      ignoreFocusOut: true,
      validateInput: oneLabelProblem,
    });
    if (typed === undefined || oneLabelProblem(typed)) return;
    const parsed = parseLabelsText(typed) as { labels: Labels };
    [[key, value]] = Object.entries(parsed.labels);
  } else {
    // The keys the selected servers carry, with how many of them have each.
    const counts = new Map<string, number>();
    for (const t of targets) for (const k of Object.keys(t.server.labels ?? {})) counts.set(k, (counts.get(k) ?? 0) + 1);
    if (counts.size === 0) {
      ctx.input().info(`Remove a Label: none of the ${n} has a label.`);
      return;
    }
    const keys = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => ({ label: k, description: `on ${c} of ${targets.length}` }));
    const which = await ctx.input().quickPick(keys, { title: `Remove a Label from ${n}`, placeHolder: 'The label (key) to remove' });
    if (!which) return;
    key = which.label;
  }
  const has = (s: Server) => s.labels !== undefined && Object.prototype.hasOwnProperty.call(s.labels, key);
  const text = value === undefined ? key : value === '' ? key : `${key}=${value}`;
  const p = value === undefined
    ? plan('Remove a Label', selection, has, (s) => (s.labels ? `has no label ${key}` : NO_LABELS))
    : plan('Add a Label', selection, (s) => s.labels !== undefined && !(has(s) && s.labels[key] === value), (s) => (s.labels ? `has ${text} already` : NO_LABELS));
  if (!anythingToDo(ctx, p)) return;
  const ok = value === undefined
    ? await confirmPlan(ctx, p, `Remove the label ${key} from ${servers(p.go.length)}?`, 'Their other labels stay.', 'Remove Label')
    : await confirmPlan(ctx, p, `Set the label ${text} on ${servers(p.go.length)}?`, 'Their other labels stay.', 'Set Label');
  if (!ok) return;
  const next = (s: Server): Labels => {
    const others = Object.entries(s.labels ?? {}).filter(([k]) => k !== key);
    return Object.fromEntries(value === undefined ? others : [...others, [key, value]]);
  };
  await runBatch(ctx, {
    action: value === undefined ? `Remove label ${key} from` : `Set label ${text} on`,
    doing: value === undefined ? `Removing the label ${key} from` : `Setting the label ${text} on`,
    done: value === undefined ? `without the label ${key} now` : `labelled ${text}`,
    targets: p.go,
    skipped: p.skipped,
    start: async (c, s, signal) => {
      await c.servers.update(s.id, { labels: next(s) }, { signal });
      return undefined;
    },
  });
}
