// What the certificate commands share: picking a certificate (today's API only: from the palette
// against a 2018 project it says the API has none), its name in messages, names and domain lists.
import type { HcloudClient } from '../../api/client';
import { domainNameProblem } from '../../api/certificateRules';
import type { Certificate, Labels } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import { certificateUsers, type CertificateLookup } from '../../tree/certificateFormat';
import { noLookup } from '../../tree/format';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import { labelsTextProblem, parseLabelsText } from '../labelsText';
import type { Target } from '../pick';
import { runCall } from '../runAction';
import { pickTodayProject, pickTodayTarget } from '../todayApi';

export const FAMILY = 'certificates';

export const certificateName = (c: Pick<Certificate, 'name'>): string => `certificate "${c.name}"`;

export function pickCertificate(ctx: CommandContext, node: TreeNode | undefined, title: string, filter?: (c: Certificate) => boolean, none = 'The project has no certificate.'): Promise<Target<Certificate> | undefined> {
  return pickTodayTarget<Certificate>(ctx, node, FAMILY, {
    kind: 'certificate',
    title,
    list: (c: HcloudClient) => c.certificates.listAll(),
    filter,
    item: (c) => ({ label: c.name, description: [c.type, c.status?.issuance === 'failed' ? 'issuance failed' : undefined].filter(Boolean).join(' · '), detail: c.domainNames.join(', ') }),
    none,
  });
}

/** A certificate name: not empty, at most 128 characters, not taken in the project. */
export function certificateNameProblem(value: string, taken: readonly string[]): string | undefined {
  const v = value.trim();
  if (!v) return 'Give a name.';
  if (v.length > 128) return 'At most 128 characters.';
  return taken.includes(v) ? `The project has a certificate "${v}" already.` : undefined;
}

/** `a.example.com, *.example.com` -> the names, without blanks and repeats. */
export function parseDomainList(text: string): string[] {
  return [...new Set(text.split(/[,\s]+/).map((d) => d.trim().toLowerCase()).filter(Boolean))];
}

/** validateInput of the domain list: the first problem, or undefined. */
export function domainListProblem(text: string): string | undefined {
  const names = parseDomainList(text);
  if (!names.length) return 'Give at least one domain name, e.g. example.com, www.example.com or *.example.com.';
  if (names.length > 100) return 'At most 100 domain names.';
  for (const n of names) {
    const problem = domainNameProblem(n);
    if (problem) return `${problem[0].toUpperCase()}${problem.slice(1)}.`;
  }
  return undefined;
}

/** The Load Balancers using a certificate, by name where the tree knows them. */
export function usersOf(ctx: CommandContext, project: Project, c: Certificate): string[] {
  const lookup = (ctx.tree.projectNode(project.id) as CertificateLookup | undefined) ?? noLookup;
  return certificateUsers(c, lookup).map((u) => (u.startsWith('Load Balancer ') ? u : `Load Balancer "${u}"`));
}

/** The start of Upload and Create Managed: the project (today's API) and the names taken in it; undefined when cancelled or failed (said why). */
export async function beginCreate(ctx: CommandContext, node: TreeNode | undefined, title: string): Promise<{ project: Project; taken: string[] } | undefined> {
  const project = await pickTodayProject(ctx, node, title, FAMILY);
  const existing = project && (await runCall(ctx, project, title, (c) => c.certificates.listAll()));
  return project && existing ? { project, taken: existing.map((c) => c.name) } : undefined;
}

/** The name step: trimmed, or undefined when cancelled. */
export async function askCertificateName(ctx: CommandContext, title: string, value: string, taken: readonly string[]): Promise<string | undefined> {
  const name = await ctx.input().inputBox({ title, prompt: 'A name, unique in the project', value, validateInput: (v) => certificateNameProblem(v, taken) });
  return name?.trim();
}

/** The optional labels step: `{ labels }` (undefined labels for none), or undefined when cancelled. */
export async function askLabels(ctx: CommandContext, title: string): Promise<{ labels?: Labels } | undefined> {
  const text = await ctx.input().inputBox({ title, prompt: 'Optional labels: key=value pairs separated by commas (empty for none)', placeHolder: 'env=prod, tier=web', validateInput: labelsTextProblem });
  if (text === undefined) return undefined;
  const parsed = parseLabelsText(text);
  return { labels: 'labels' in parsed && Object.keys(parsed.labels).length ? parsed.labels : undefined };
}
