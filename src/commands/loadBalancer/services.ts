// Add Service (http, https or tcp: ports, health check, sticky sessions; for https the certificates
// of the project and the http redirect), Update Service (one setting at a time) and Delete Service.
import type { HealthCheckParams, LoadBalancer, LoadBalancerService, ServiceParams, ServiceUpdateParams } from '../../api/types';
import type { Project } from '../../projects/projectStore';
import { serviceLabel } from '../../tree/loadBalancerFormat';
import type { TreeNode } from '../../tree/node';
import type { CommandContext } from '../context';
import type { Target } from '../pick';
import { runCall } from '../runAction';
import { lbAction, lbName, pickLoadBalancer, pickService } from './common';
import { portProblem } from './createModel';
import {
  defaultHealthCheck,
  defaultListenPort,
  healthCheckSummary,
  healthPathProblem,
  listenPortProblem,
  numberProblem,
  parseStatusCodes,
  statusCodesProblem,
  takenPorts,
  type Protocol,
} from './serviceModel';

const PROTOCOLS: Array<{ label: string; description: string; protocol: Protocol }> = [
  { label: 'http', description: 'HTTP, with sticky sessions and http health checks', protocol: 'http' },
  { label: 'https', description: 'TLS ends at the Load Balancer with certificates of the project', protocol: 'https' },
  { label: 'tcp', description: 'any TCP traffic, passed through (also TLS passthrough)', protocol: 'tcp' },
];

async function askPort(ctx: CommandContext, title: string, prompt: string, value: number | undefined, check: (v: string) => string | undefined): Promise<number | undefined> {
  const text = await ctx.input().inputBox({ title, prompt, value: value === undefined ? '' : String(value), validateInput: (v) => check(v) });
  return text === undefined ? undefined : Number(text.trim());
}

async function askYesNo(ctx: CommandContext, title: string, placeHolder: string, yes: string, no: string, current = false): Promise<boolean | undefined> {
  const picked = await ctx.input().quickPick(
    [
      { label: yes, description: current ? 'current' : undefined, value: true },
      { label: no, description: current ? undefined : 'current', value: false },
    ],
    { title, placeHolder },
  );
  return picked?.value;
}

/** The project's certificates to pick (several); undefined when cancelled, when there are none (said so) or none was picked. */
async function askCertificates(ctx: CommandContext, project: Project, title: string, current: readonly number[] = []): Promise<number[] | undefined> {
  const certificates = await runCall(ctx, project, title, (c) => c.certificates.listAll());
  if (!certificates) return undefined;
  if (!certificates.length) {
    ctx.input().info('The project has no certificate: an https service needs one. Upload one or create a managed one first (Hetzner Cloud: Upload Certificate, Create Managed Certificate).');
    return undefined;
  }
  const picked = await ctx.input().quickPickMany(
    certificates.map((c) => ({ label: c.name, description: c.type, detail: c.domainNames.join(', '), picked: current.includes(c.id), id: c.id })),
    { title, placeHolder: 'Certificates for TLS (one or more)', canPickMany: true },
  );
  if (!picked) return undefined;
  if (!picked.length) {
    ctx.input().info('An https service needs at least one certificate: nothing was changed.');
    return undefined;
  }
  return picked.map((p) => p.id);
}

/** A health check, starting from `base`: protocol, port, interval, timeout, retries; for http the path and status codes. */
async function askHealthCheck(ctx: CommandContext, title: string, base: HealthCheckParams): Promise<HealthCheckParams | undefined> {
  const protocol = await ctx.input().quickPick(
    [
      { label: 'http', description: 'a GET whose status code must match', value: 'http' as const },
      { label: 'tcp', description: 'a TCP connection that must open', value: 'tcp' as const },
    ].map((p) => ({ ...p, description: p.value === base.protocol ? `${p.description} · current` : p.description })),
    { title, placeHolder: 'Health check protocol' },
  );
  if (!protocol) return undefined;
  const port = await askPort(ctx, title, 'Port the health check connects to on each target', base.port, portProblem);
  if (port === undefined) return undefined;
  const ask = async (prompt: string, value: number, min: number, max: number, unit: string) => {
    const text = await ctx.input().inputBox({ title, prompt, value: String(value), validateInput: (v) => numberProblem(v, min, max, unit) });
    return text === undefined ? undefined : Number(text.trim());
  };
  const interval = await ask('Seconds between two checks', base.interval, 3, 60, 'seconds');
  if (interval === undefined) return undefined;
  const timeout = await ask(`Seconds a check may take (at most the interval, ${interval} s)`, Math.min(base.timeout, interval), 1, interval, 'seconds');
  if (timeout === undefined) return undefined;
  const retries = await ask('Failed checks in a row before a target is unhealthy', base.retries, 0, 5, 'retries');
  if (retries === undefined) return undefined;
  const check: HealthCheckParams = { protocol: protocol.value, port, interval, timeout, retries };
  if (protocol.value === 'tcp') return check;
  const path = await ctx.input().inputBox({ title, prompt: 'Path the health check requests', value: base.http?.path ?? '/', validateInput: healthPathProblem });
  if (path === undefined) return undefined;
  const codes = await ctx.input().inputBox({ title, prompt: 'Status codes that count as healthy (? is one digit, * several)', value: (base.http?.statusCodes ?? ['2??', '3??']).join(', '), validateInput: statusCodesProblem });
  if (codes === undefined) return undefined;
  return { ...check, http: { path: path.trim(), statusCodes: parseStatusCodes(codes) } };
}

/** The default health check, or one asked for; undefined when cancelled. */
async function askHealthCheckChoice(ctx: CommandContext, title: string, protocol: Protocol, destinationPort: number): Promise<HealthCheckParams | undefined> {
  const standard = defaultHealthCheck(protocol, destinationPort);
  const choice = await ctx.input().quickPick(
    [
      { label: 'Default health check', description: healthCheckSummary(standard), custom: false },
      { label: 'Custom health check…', description: 'protocol, port, interval, timeout, retries, path and status codes', custom: true },
    ],
    { title, placeHolder: 'Health check' },
  );
  if (!choice) return undefined;
  return choice.custom ? askHealthCheck(ctx, title, standard) : standard;
}

async function askNewService(ctx: CommandContext, project: Project, lb: LoadBalancer, title: string): Promise<ServiceParams | undefined> {
  const protocol = await ctx.input().quickPick(PROTOCOLS, { title, placeHolder: 'Protocol' });
  if (!protocol) return undefined;
  const p = protocol.protocol;
  const taken = takenPorts(lb);
  const listenPort = await askPort(ctx, title, 'Port the Load Balancer listens on', defaultListenPort(p), (v) => listenPortProblem(v, taken));
  if (listenPort === undefined) return undefined;
  const destinationPort = await askPort(ctx, title, 'Port on the targets the traffic goes to', p === 'tcp' ? listenPort : 80, portProblem);
  if (destinationPort === undefined) return undefined;
  const healthCheck = await askHealthCheckChoice(ctx, title, p, destinationPort);
  if (!healthCheck) return undefined;
  const service: ServiceParams = { protocol: p, listenPort, destinationPort, healthCheck };
  if (p === 'tcp') return service;
  const stickySessions = await askYesNo(ctx, title, 'Sticky sessions (a cookie keeps a client on one target)?', 'Sticky sessions', 'No sticky sessions');
  if (stickySessions === undefined) return undefined;
  if (p === 'http') return { ...service, http: { stickySessions } };
  const certificates = await askCertificates(ctx, project, title);
  if (!certificates) return undefined;
  const redirectHttp = taken.includes(80) || listenPort === 80 ? false : await askYesNo(ctx, title, 'Also listen on port 80 and redirect http to https?', 'Redirect http to https', 'No redirect');
  if (redirectHttp === undefined) return undefined;
  return { ...service, http: { stickySessions, certificates, redirectHttp } };
}

export async function addLoadBalancerService(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const t = await pickLoadBalancer(ctx, node, 'Add Service to Load Balancer');
  if (!t) return;
  const lb = t.resource;
  const service = await askNewService(ctx, t.project, lb, `Add Service to ${lb.name}`);
  if (!service) return;
  await lbAction(ctx, t.project, lb, `Add ${service.protocol} service on port ${service.listenPort} to ${lbName(lb)}`, (c) => c.loadBalancers.addService(lb.id, service));
}

type Change = 'destinationPort' | 'healthCheck' | 'stickySessions' | 'certificates' | 'redirectHttp' | 'protocol';

/** The one change asked for, as update_service's body; undefined when cancelled. */
async function askChange(ctx: CommandContext, project: Project, s: LoadBalancerService, title: string, change: Change): Promise<ServiceUpdateParams | undefined> {
  const listenPort = s.listenPort;
  switch (change) {
    case 'destinationPort': {
      const destinationPort = await askPort(ctx, title, 'Port on the targets the traffic goes to', s.destinationPort, portProblem);
      return destinationPort === undefined ? undefined : { listenPort, destinationPort };
    }
    case 'healthCheck': {
      const h = s.healthCheck;
      const base: HealthCheckParams = { protocol: h.protocol === 'http' ? 'http' : 'tcp', port: h.port, interval: h.interval, timeout: h.timeout, retries: h.retries, http: h.http && { path: h.http.path, statusCodes: h.http.statusCodes } };
      const healthCheck = await askHealthCheck(ctx, title, base);
      return healthCheck && { listenPort, healthCheck };
    }
    case 'stickySessions': {
      const stickySessions = await askYesNo(ctx, title, 'Sticky sessions?', 'Sticky sessions', 'No sticky sessions', s.http?.stickySessions);
      return stickySessions === undefined ? undefined : { listenPort, http: { stickySessions } };
    }
    case 'certificates': {
      const certificates = await askCertificates(ctx, project, title, s.http?.certificates);
      return certificates && { listenPort, http: { certificates } };
    }
    case 'redirectHttp': {
      const redirectHttp = await askYesNo(ctx, title, 'Listen on port 80 and redirect http to https?', 'Redirect http to https', 'No redirect', s.http?.redirectHttp);
      return redirectHttp === undefined ? undefined : { listenPort, http: { redirectHttp } };
    }
    case 'protocol': {
      const others = PROTOCOLS.filter((p) => p.protocol !== s.protocol);
      const picked = await ctx.input().quickPick(others, { title, placeHolder: `Protocol instead of ${s.protocol}` });
      if (!picked) return undefined;
      if (picked.protocol !== 'https') return { listenPort, protocol: picked.protocol };
      const certificates = await askCertificates(ctx, project, title);
      return certificates && { listenPort, protocol: 'https', http: { certificates } };
    }
  }
}

/** A service (and its Load Balancer): the node's, else picked from the palette. */
async function pickLbService(ctx: CommandContext, node: TreeNode | undefined, verb: string): Promise<{ t: Target<LoadBalancer>; lb: LoadBalancer; s: LoadBalancerService } | undefined> {
  const t = await pickLoadBalancer(ctx, node, `${verb} of Load Balancer`, (lb) => lb.services.length > 0, 'No Load Balancer of the project has a service.');
  if (!t) return undefined;
  const s = await pickService(ctx, node, t.resource, verb);
  return s && { t, lb: t.resource, s };
}

export async function updateLoadBalancerService(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const target = await pickLbService(ctx, node, 'Update Service');
  if (!target) return;
  const { t, lb, s } = target;
  const title = `Update ${serviceLabel(s)} of ${lb.name}`;
  const web = s.protocol !== 'tcp';
  const options: Array<{ label: string; description?: string; change: Change; show: boolean }> = [
    { label: 'Destination port', description: String(s.destinationPort), change: 'destinationPort', show: true },
    { label: 'Health check', description: healthCheckSummary(s.healthCheck), change: 'healthCheck', show: true },
    { label: 'Sticky sessions', description: s.http?.stickySessions ? 'on' : 'off', change: 'stickySessions', show: web },
    { label: 'Certificates', description: `${s.http?.certificates.length ?? 0}`, change: 'certificates', show: s.protocol === 'https' },
    { label: 'Redirect http to https', description: s.http?.redirectHttp ? 'on' : 'off', change: 'redirectHttp', show: s.protocol === 'https' },
    { label: 'Protocol', description: s.protocol, change: 'protocol', show: true },
  ];
  const picked = await ctx.input().quickPick(options.filter((o) => o.show), { title, placeHolder: 'What to change' });
  if (!picked) return;
  const changes = await askChange(ctx, t.project, s, title, picked.change);
  if (!changes) return;
  await lbAction(ctx, t.project, lb, `Update ${serviceLabel(s)} of ${lbName(lb)}`, (c) => c.loadBalancers.updateService(lb.id, changes));
}

export async function deleteLoadBalancerService(ctx: CommandContext, node?: TreeNode): Promise<void> {
  const picked = await pickLbService(ctx, node, 'Delete Service');
  if (!picked) return;
  const { t, lb, s } = picked;
  const ok = await ctx.input().confirm(`Delete the ${serviceLabel(s)} service of ${lbName(lb)}?`, {
    detail: `The Load Balancer stops listening on port ${s.listenPort}${s.http?.redirectHttp ? ' (and 80)' : ''}: clients connecting there are refused.`,
    confirmLabel: 'Delete Service',
  });
  if (!ok) return;
  await lbAction(ctx, t.project, lb, `Delete ${serviceLabel(s)} of ${lbName(lb)}`, (c) => c.loadBalancers.deleteService(lb.id, s.listenPort));
}
