// Create Firewall: from scratch (no rules: edit them in the rules editor) or from a copy of an existing
// firewall's rules; name, labels, and optionally what to apply it to (servers or a label selector).
// Firewalls cost nothing. Cancelling any prompt sends nothing.
import type { Firewall, FirewallRule } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { labelsTextProblem, parseLabelsText } from '../labelsText';
import { runAction, runCall } from '../runAction';
import { pickTodayProject } from '../todayApi';
import { FIREWALLS, firewallNameProblem, pickApplyTargets } from './common';

const TITLE = 'Create Firewall';
const STARTS = [
  { label: 'From scratch', detail: 'No rules yet: without inbound rules it drops all inbound traffic once applied.', copy: false },
  { label: 'From a copy…', detail: 'Start with the rules of an existing firewall.', copy: true },
];

export async function createFirewall(ctx: CommandContext, node?: TreeNode): Promise<Firewall | undefined> {
  const project = await pickTodayProject(ctx, node, TITLE, FIREWALLS);
  if (!project) return undefined;
  const existing = await runCall(ctx, project, TITLE, (c) => c.firewalls.listAll());
  if (!existing) return undefined;
  const start = await ctx.input().quickPick(STARTS, { title: `${TITLE} (1/4): rules`, placeHolder: 'Start from scratch or copy the rules of another firewall' });
  if (!start) return undefined;
  let rules: FirewallRule[] = [];
  let copied: Firewall | undefined;
  if (start.copy) {
    if (!existing.length) {
      ctx.input().info(`Project "${project.name}" has no firewall to copy.`);
      return undefined;
    }
    const picked = await ctx.input().quickPick(
      existing.map((f) => ({ label: f.name, description: f.rules.length === 1 ? '1 rule' : `${f.rules.length} rules`, firewall: f })),
      { title: `${TITLE} (1/4): copy the rules of`, placeHolder: 'Firewall whose rules the new one starts with' },
    );
    if (!picked) return undefined;
    copied = picked.firewall;
    rules = copied.rules;
  }
  const taken = existing.map((f) => f.name);
  const name = await ctx.input().inputBox({
    title: `${TITLE} (2/4): name`,
    prompt: 'Name of the firewall (unique in the project, at most 128 characters)',
    value: copied ? `${copied.name}-copy` : undefined,
    validateInput: (v) => firewallNameProblem(v.trim(), taken),
  });
  if (name === undefined) return undefined;
  const labelsText = await ctx.input().inputBox({
    title: `${TITLE} (3/4): labels`,
    prompt: 'Labels, e.g. env=production, tier=web (empty for none)',
    validateInput: (v) => labelsTextProblem(v),
  });
  if (labelsText === undefined) return undefined;
  const parsed = parseLabelsText(labelsText);
  const labels = 'labels' in parsed && Object.keys(parsed.labels).length ? parsed.labels : undefined;
  const applyTo = await pickApplyTargets(ctx, project, `${TITLE} (4/4): apply to`, [], true);
  if (!applyTo) return undefined;
  const params = { name: name.trim(), labels, rules: rules.length ? rules : undefined, applyTo: applyTo.length ? applyTo : undefined };
  return runAction(ctx, {
    project,
    title: `Create firewall "${params.name}"`,
    start: async (c) => {
      const made = await c.firewalls.create(params);
      return { actions: made.actions, result: made.firewall };
    },
    affects: [{ kind: 'firewall' }, ...applyTo.flatMap((r) => (r.type === 'server' ? [{ kind: 'server' as const, id: r.serverId }] : []))],
    success: (f) => `Firewall "${f.name}" created${f.rules.length ? ` with ${f.rules.length === 1 ? '1 rule' : `${f.rules.length} rules`}` : ''}${applyTo.length ? ' and applied' : ''}.`,
  });
}
