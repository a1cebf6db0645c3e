// Certificates (today's API only: in the 2018 mode every path here answers as an unknown one): list,
// get, create (uploaded: checked and read from the PEM, the key dropped; managed: issuance through
// create_certificate), update, delete (refused while a Load Balancer uses it), the action retry and
// the action lists. The rules and the fake issuance are in ../certificates.ts.

import { checkCertificatePair, domainNameProblem, isPemProblem } from '../../api/certificateRules';
import type { CertificateSchema } from '../../api/schema';
import { assertCertificateNameFree, assertCertificateUnused, newCertificate, renderCertificate, startIssuance } from '../certificates';
import { invalidState } from '../http';
import { listReply, whereEquals, whereLabels } from '../list';
import type { Route, RouteContext } from '../router';
import { BodyInput, nonEmpty, QueryInput } from '../validate';
import { resourceActionRoutes } from './actions';
import { actionReply, created, find, findUnlocked, noContent, ok, only2026 } from './common';

const TYPES = ['uploaded', 'managed'] as const;
const render = (ctx: RouteContext) => (certificate: CertificateSchema) => renderCertificate(ctx.world.state, certificate);

function list(ctx: RouteContext) {
  const q = new QueryInput(ctx.query);
  const types = q.all('type', { oneOf: TYPES });
  let certificates = whereLabels(ctx, q, whereEquals([...ctx.world.state.certificates.values()], q.one('name'), (c) => c.name));
  if (types.length) certificates = certificates.filter((c) => types.includes(c.type));
  return listReply(ctx, q, certificates, {
    key: 'certificates',
    sort: { id: (c) => c.id, name: (c) => c.name, created: (c) => c.created },
    render: render(ctx),
  });
}

/** `domain_names` of a managed certificate: a non-empty array of DNS names (wildcards allowed). */
function readDomains(input: BodyInput, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return input.fail('domain_names', 'is required for a managed certificate');
  if (!Array.isArray(value) || !value.length || !value.every((d) => typeof d === 'string')) return input.fail('domain_names', 'must be a non-empty array of domain names');
  const problems = (value as string[]).map(domainNameProblem).filter((p) => p !== undefined);
  for (const p of problems) input.fail('domain_names', p as string);
  return problems.length ? undefined : [...new Set(value as string[])];
}

function create(ctx: RouteContext) {
  const { world } = ctx;
  const body = (ctx.body ?? {}) as Record<string, unknown>;
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { required: true, check: nonEmpty });
  const type = (input.string('type', { oneOf: TYPES }) ?? 'uploaded') as (typeof TYPES)[number];
  const labels = input.labels();
  const managed = type === 'managed';
  const pem = managed ? undefined : input.string('certificate', { required: true, check: nonEmpty });
  const key = managed ? undefined : input.string('private_key', { required: true, check: nonEmpty });
  const domains = managed ? readDomains(input, body.domain_names) : undefined;
  for (const field of managed ? ['certificate', 'private_key'] : ['domain_names']) {
    if (input.has(field)) input.fail(field, `is not accepted for a certificate of type ${type}`);
  }
  const read = pem && key ? checkCertificatePair(pem, key) : undefined;
  if (read && isPemProblem(read)) input.fail(read.field, read.message);
  input.done();
  assertCertificateNameFree(world.state, name as string);
  const certificate = newCertificate(world.state, { name: name as string, type, labels, created: world.now(), domainNames: domains ?? [], certificate: pem ?? undefined });
  const action = managed ? startIssuance(world, certificate, 'create_certificate') : null;
  return created({ certificate: render(ctx)(certificate), action });
}

function update(ctx: RouteContext) {
  const certificate = find<CertificateSchema>(ctx, 'certificate');
  const input = BodyInput.of(ctx.body);
  const name = input.string('name', { check: nonEmpty }) ?? undefined;
  const labels = input.labels();
  input.done();
  if (name !== undefined) assertCertificateNameFree(ctx.world.state, name, certificate.id);
  if (name !== undefined) certificate.name = name;
  if (labels !== undefined) certificate.labels = labels;
  return ok({ certificate: render(ctx)(certificate) });
}

function remove(ctx: RouteContext) {
  const certificate = findUnlocked<CertificateSchema>(ctx, 'certificate');
  assertCertificateUnused(ctx.world.state, certificate);
  ctx.world.state.certificates.delete(certificate.id);
  return noContent();
}

/** Only a managed certificate whose issuance (or renewal) failed; anything else is invalid_input. */
function retry(ctx: RouteContext) {
  const certificate = findUnlocked<CertificateSchema>(ctx, 'certificate');
  if (certificate.type !== 'managed') throw invalidState(`certificate ${certificate.id} is an uploaded certificate: only a managed certificate's issuance can be retried`);
  const failed = certificate.status?.issuance === 'failed' || certificate.status?.renewal === 'failed';
  if (!failed) throw invalidState(`certificate ${certificate.id}: neither its issuance nor its renewal failed, there is nothing to retry`);
  return actionReply(startIssuance(ctx.world, certificate, 'issue_certificate'));
}

/** By path: the collection, one certificate, its actions. */
const routes: Route[] = [
  { method: 'GET', path: '/certificates', handler: list },
  { method: 'POST', path: '/certificates', handler: create },
  { method: 'GET', path: '/certificates/:id', handler: (ctx) => ok({ certificate: render(ctx)(find<CertificateSchema>(ctx, 'certificate')) }) },
  { method: 'PUT', path: '/certificates/:id', handler: update },
  { method: 'DELETE', path: '/certificates/:id', handler: remove },
  { method: 'POST', path: '/certificates/:id/actions/retry', handler: retry },
  ...resourceActionRoutes('certificates', 'certificate'),
];

export const certificateRoutes: Route[] = routes.map((r) => ({ ...r, handler: only2026(r.handler) }));
