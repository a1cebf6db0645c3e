// A Load Balancer's services in the simulator: reading one (add_service, create) or its changes
// (update_service) with the API's defaults, and the rules across services (one service per listen
// port, port 80 taken by an https service's redirect, certificates that exist).

import type { HealthCheckSchema, LoadBalancerServiceSchema } from '../api/schema';
import { ApiError, invalidField } from './http';
import type { SimLoadBalancer, SimState } from './state';
import type { BodyInput } from './validate';

const PROTOCOLS = ['tcp', 'http', 'https'] as const;
const CHECK_PROTOCOLS = ['tcp', 'http'] as const;
const PORT = { min: 1, max: 65535 };

/** The API's health check for a service that names none: its protocol (http for https), the destination port, 15 s / 10 s / 3 retries. */
export function defaultHealthCheck(protocol: string, destinationPort: number): HealthCheckSchema {
  const check: HealthCheckSchema = { protocol: protocol === 'tcp' ? 'tcp' : 'http', port: destinationPort, interval: 15, timeout: 10, retries: 3 };
  if (check.protocol === 'http') check.http = { domain: null, path: '/', response: '', status_codes: ['2??', '3??'], tls: false };
  return check;
}

const DEFAULT_HTTP = { cookie_name: 'HCLBSTICKY', cookie_lifetime: 300, certificates: [] as number[], redirect_http: false, sticky_sessions: false };

/** Reads `health_check` over `base` (the defaults, or the service's current check for an update). */
function readHealthCheck(input: BodyInput, base: HealthCheckSchema): HealthCheckSchema {
  const hc = input.object('health_check');
  if (!hc) return base;
  const protocol = (hc.string('protocol', { oneOf: CHECK_PROTOCOLS }) ?? base.protocol) as HealthCheckSchema['protocol'];
  const next: HealthCheckSchema = {
    protocol,
    port: hc.integer('port', PORT) ?? base.port,
    interval: hc.integer('interval', { min: 3, max: 60 }) ?? base.interval,
    timeout: hc.integer('timeout', { min: 1, max: 60 }) ?? base.timeout,
    retries: hc.integer('retries', { min: 0, max: 5 }) ?? base.retries,
  };
  const http = hc.object('http');
  if (protocol === 'http') {
    const was = base.http ?? { domain: null, path: '/', response: '', status_codes: ['2??', '3??'], tls: false };
    next.http = {
      domain: http?.has('domain') ? (http.string('domain', { nullable: true, check: noSpaces }) ?? null) : was.domain,
      path: http?.string('path', { check: noSpaces }) ?? was.path,
      response: http?.string('response') ?? was.response,
      status_codes: http?.strings('status_codes') ?? was.status_codes,
      tls: http?.boolean('tls') ?? was.tls,
    };
  } else if (http) {
    hc.fail('http', 'only a health check of protocol http has http settings');
  }
  if (next.timeout > next.interval) hc.fail('timeout', `must not be longer than the interval (${next.interval} s)`);
  return next;
}

function noSpaces(value: string): string | undefined {
  return /[\s%\\]/.test(value) && !/%[0-9A-Fa-f]{2}/.test(value) ? 'must not contain spaces, percent or backslash symbols' : undefined;
}

/**
 * Reads a whole service (add_service, create's `services[]`): `protocol` is required; the ports default
 * to 80 (http) / 443 (https) and 80, tcp needs both; the health check and http settings default as the API
 * documents. Problems are collected in `input` (call its done()).
 */
export function readService(input: BodyInput): LoadBalancerServiceSchema {
  const protocol = (input.string('protocol', { required: true, oneOf: PROTOCOLS }) ?? 'tcp') as LoadBalancerServiceSchema['protocol'];
  const tcp = protocol === 'tcp';
  const listenPort = input.integer('listen_port', { ...PORT, required: tcp }) ?? (protocol === 'https' ? 443 : 80);
  const destinationPort = input.integer('destination_port', { ...PORT, required: tcp }) ?? 80;
  const service: LoadBalancerServiceSchema = {
    protocol,
    listen_port: listenPort,
    destination_port: destinationPort,
    proxyprotocol: input.boolean('proxyprotocol') ?? false,
    health_check: readHealthCheck(input, defaultHealthCheck(protocol, destinationPort)),
  };
  readHttp(input, service, tcp ? undefined : DEFAULT_HTTP);
  return service;
}

/** Reads update_service's changes onto a copy of `current` (the service on `listen_port`). */
export function readServiceUpdate(input: BodyInput, current: LoadBalancerServiceSchema): LoadBalancerServiceSchema {
  const protocol = (input.string('protocol', { oneOf: PROTOCOLS }) ?? current.protocol) as LoadBalancerServiceSchema['protocol'];
  const next: LoadBalancerServiceSchema = {
    ...structuredClone(current),
    protocol,
    destination_port: input.integer('destination_port', PORT) ?? current.destination_port,
    proxyprotocol: input.boolean('proxyprotocol') ?? current.proxyprotocol,
  };
  next.health_check = readHealthCheck(input, current.health_check);
  readHttp(input, next, protocol === 'tcp' ? undefined : { ...DEFAULT_HTTP, ...current.http });
  return next;
}

/** `http` settings over `base` (undefined for tcp: then `http` is refused). */
function readHttp(input: BodyInput, service: LoadBalancerServiceSchema, base: typeof DEFAULT_HTTP | undefined): void {
  const http = input.object('http');
  if (!base) {
    if (http) input.fail('http', 'only http and https services have http settings');
    delete service.http;
    return;
  }
  const certificates = http?.has('certificates') ? ((http.refs('certificates', { idsOnly: true }) as number[] | undefined) ?? []) : undefined;
  const settings = {
    cookie_name: http?.string('cookie_name', { check: (v) => (/^[A-Za-z0-9_-]{1,64}$/.test(v) ? undefined : 'must be 1 to 64 letters, digits, - or _') }) ?? base.cookie_name,
    cookie_lifetime: http?.integer('cookie_lifetime', { min: 1 }) ?? base.cookie_lifetime,
    certificates: certificates ?? base.certificates,
    redirect_http: http?.boolean('redirect_http') ?? base.redirect_http,
    sticky_sessions: http?.boolean('sticky_sessions') ?? base.sticky_sessions,
  };
  service.http = settings;
  if (service.protocol !== 'https') {
    // What an https service had is dropped when it becomes http; asked for explicitly, it is refused.
    if (http?.boolean('redirect_http')) http.fail('redirect_http', 'is only available for https services');
    if (certificates?.length) http?.fail('certificates', 'only https services use certificates');
    settings.redirect_http = false;
    settings.certificates = [];
  } else if (!settings.certificates.length) {
    (http ?? input).fail(http ? 'certificates' : 'http', 'an https service needs at least one certificate');
  }
}

/** The listen ports a service takes: its own, and 80 when it redirects http to https. */
function portsOf(service: LoadBalancerServiceSchema): number[] {
  return service.http?.redirect_http ? [service.listen_port, 80] : [service.listen_port];
}

/**
 * `source_port_already_used` when `service` would listen on a port another service (all of `services`
 * but the one on `except`) takes; invalid_input when a certificate it names does not exist.
 */
export function assertServiceFits(state: SimState, services: LoadBalancerServiceSchema[], service: LoadBalancerServiceSchema, except?: number): void {
  const others = services.filter((s) => s.listen_port !== except);
  const taken = new Set(others.flatMap(portsOf));
  const clash = portsOf(service).find((p) => taken.has(p));
  if (clash !== undefined) throw new ApiError('source_port_already_used', `port ${clash} is already used by another service of this Load Balancer`);
  for (const id of service.http?.certificates ?? []) {
    if (!state.certificates.has(id)) throw invalidField('http.certificates', `certificate ${id} not found`);
  }
}

/** The service on `port` of the Load Balancer, or invalid_input on `listen_port`. */
export function serviceOn(lb: SimLoadBalancer, port: number): LoadBalancerServiceSchema {
  const service = lb.services.find((s) => s.listen_port === port);
  if (!service) throw invalidField('listen_port', `Load Balancer ${lb.id} has no service listening on port ${port}`);
  return service;
}
