// Create Managed Certificate (domain names; free of charge; its issuance followed as an action),
// Retry Issuance (a failed managed certificate), Rename, Edit Labels and Delete (refused while a
// Load Balancer uses it: says which) of certificates. Today's API only (todayApi.ts).
import type { Certificate } from '../../api/types';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import type { LabelledKind } from '../labels';
import { runAction, runCall } from '../runAction';
import { editTodayLabels } from '../todayApi';
import { askCertificateName, askLabels, beginCreate, certificateName, domainListProblem, FAMILY, parseDomainList, pickCertificate, usersOf } from './common';

const failed = (c: Certificate) => c.type === 'managed' && (c.status?.issuance === 'failed' || c.status?.renewal === 'failed');

export async function createManagedCertificate(ctx: CommandContext, node?: TreeNode): Promise<Certificate | undefined> {
  const TITLE = 'Create Managed Certificate';
  const start = await beginCreate(ctx, node, TITLE);
  if (!start) return undefined;
  const domainsText = await ctx.input().inputBox({
    title: `${TITLE} (1/3): domain names`,
    prompt: 'Domain names, separated by commas (a wildcard like *.example.com is allowed); their DNS zones must be at Hetzner',
    placeHolder: 'example.com, www.example.com',
    ignoreFocusOut: true,
    validateInput: domainListProblem,
  });
  if (domainsText === undefined) return undefined;
  const domains = parseDomainList(domainsText);
  const name = await askCertificateName(ctx, `${TITLE} (2/3): name`, domains[0], start.taken);
  if (name === undefined) return undefined;
  const labels = await askLabels(ctx, `${TITLE} (3/3): labels`);
  if (!labels) return undefined;
  const ok = await ctx.input().confirm(`Request a managed certificate "${name}" for ${domains.join(', ')}?`, {
    detail: "Let's Encrypt issues it after checking the domains through Hetzner DNS, and Hetzner renews it. The certificate is free of charge.",
    confirmLabel: 'Request',
  });
  if (!ok) return undefined;
  return runAction(ctx, {
    project: start.project,
    title: `Issue certificate "${name}" for ${domains.join(', ')}`,
    start: async (c) => {
      const r = await c.certificates.create({ type: 'managed', name, domainNames: domains, ...labels });
      return { actions: r.action ? [r.action] : [], result: r.certificate };
    },
    affects: [{ kind: 'certificate' }],
    success: (cert) => `Certificate "${cert.name}" issued for ${cert.domainNames.join(', ')}.`,
  });
}

export async function retryCertificate(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Retry Certificate Issuance';
  const t = await pickCertificate(ctx, node, TITLE, failed, 'No managed certificate failed.');
  if (!t) return;
  const cert = t.resource;
  if (!failed(cert)) {
    ctx.input().info(`${certificateName(cert)} ${cert.type === 'managed' ? 'has not failed' : 'is uploaded: only a managed certificate is issued by the API'}; there is nothing to retry.`);
    return;
  }
  await runAction(ctx, {
    project: t.project,
    title: `Retry the issuance of ${certificateName(cert)}`,
    start: async (c) => ({ actions: [await c.certificates.retry(cert.id)], result: true }),
    affects: [{ kind: 'certificate', id: cert.id }],
    success: `Certificate "${cert.name}" issued for ${cert.domainNames.join(', ')}.`,
  });
}

export async function renameCertificate(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Rename Certificate';
  const t = await pickCertificate(ctx, node, TITLE);
  if (!t) return;
  const cert = t.resource;
  const others = await runCall(ctx, t.project, TITLE, async (c) => (await c.certificates.listAll()).filter((x) => x.id !== cert.id));
  const name = others && (await askCertificateName(ctx, `Rename ${certificateName(cert)}`, cert.name, others.map((x) => x.name)));
  if (name === undefined || name === cert.name) return;
  const updated = await runCall(ctx, t.project, `Rename ${certificateName(cert)}`, (c) => c.certificates.update(cert.id, { name }));
  ctx.tree.resourceChanged(t.project.id, 'certificate', cert.id);
  if (updated) ctx.input().info(`Certificate "${cert.name}" renamed to "${updated.name}".`);
}

const CERTIFICATE_LABELS: LabelledKind<Certificate> = {
  kind: 'certificate',
  noun: 'certificate',
  list: (c) => c.certificates.listAll(),
  name: (c) => c.name,
  description: (c) => `${c.type} · ${c.domainNames.join(', ')}`,
  update: (c, id, labels) => c.certificates.update(id, { labels }),
  none: 'The project has no certificate.',
};

export const editCertificateLabels = (ctx: CommandContext, node?: TreeNode) => editTodayLabels(ctx, node, CERTIFICATE_LABELS, FAMILY);

export async function deleteCertificate(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const TITLE = 'Delete Certificate';
  const t = await pickCertificate(ctx, node, TITLE);
  if (!t) return;
  const cert = t.resource;
  const users = usersOf(ctx, t.project, cert);
  if (users.length) {
    ctx.input().error(`${certificateName(cert)} cannot be deleted: ${users.join(', ')} ${users.length === 1 ? 'uses' : 'use'} it. Remove it from the https services there first.`);
    return;
  }
  const ok = await ctx.input().confirm(`Delete ${certificateName(cert)} (${cert.domainNames.join(', ') || 'no domain'})?`, {
    detail: cert.type === 'managed' ? 'Hetzner stops renewing it. It cannot be restored: a new one has to be issued.' : 'It cannot be restored: you would have to upload it (with its key) again.',
    confirmLabel: 'Delete',
  });
  if (!ok) return;
  const done = await runCall(ctx, t.project, `Delete ${certificateName(cert)}`, (c) => c.certificates.delete(cert.id).then(() => true));
  ctx.tree.resourceChanged(t.project.id, 'certificate', cert.id);
  if (done) ctx.input().info(`Certificate "${cert.name}" deleted.`);
}
