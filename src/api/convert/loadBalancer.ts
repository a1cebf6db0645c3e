// Wire -> domain for Load Balancers and Load Balancer types.

import type { HealthStatusSchema, ServiceHttpSchema, LoadBalancerSchema, LoadBalancerServiceSchema, LoadBalancerTargetSchema, LoadBalancerTypeSchema } from '../schema';
import type { LoadBalancer, LoadBalancerService, LoadBalancerTarget, LoadBalancerType, TargetHealthStatus } from '../types';
import { convertLocation, convertServerTypePrice, SERVER_TYPE_CURRENCY } from './catalog';
import { convertLabels, isRecord, list, num, opt, parseDate, required, requiredDate, requiredId, text } from './wire';

export function convertLoadBalancerType(w: LoadBalancerTypeSchema): LoadBalancerType {
  return {
    id: requiredId(w),
    name: text(w.name),
    description: text(w.description),
    maxConnections: num(w.max_connections) ?? 0,
    maxServices: num(w.max_services) ?? 0,
    maxTargets: num(w.max_targets) ?? 0,
    maxAssignedCertificates: num(w.max_assigned_certificates) ?? 0,
    prices: list(w.prices).map((p) => convertServerTypePrice(p, SERVER_TYPE_CURRENCY)),
    deprecated: parseDate(w.deprecated),
  };
}

function convertHealth(v: HealthStatusSchema[] | undefined): TargetHealthStatus[] {
  return list(v)
    .filter((x) => isRecord(x))
    .map((h) => ({ listenPort: num(h.listen_port) ?? 0, status: text(h.status, 'unknown') }));
}

function convertService(w: LoadBalancerServiceSchema): LoadBalancerService {
  const hc = w.health_check ?? {};
  const hh = hc.http;
  const http = isRecord(w.http) ? (w.http as ServiceHttpSchema) : undefined;
  return {
    protocol: text(w.protocol, 'tcp'),
    listenPort: num(w.listen_port) ?? 0,
    destinationPort: num(w.destination_port) ?? 0,
    proxyprotocol: w.proxyprotocol === true,
    healthCheck: {
      protocol: text(hc.protocol, 'tcp'),
      port: num(hc.port) ?? 0,
      interval: num(hc.interval) ?? 0,
      timeout: num(hc.timeout) ?? 0,
      retries: num(hc.retries) ?? 0,
      http: isRecord(hh)
        ? { domain: opt(hh.domain) ?? undefined, path: text(hh.path, '/'), response: opt(hh.response), statusCodes: list(hh.status_codes), tls: hh.tls === true }
        : undefined,
    },
    http: http
      ? {
          cookieName: text(http.cookie_name, 'HCLBSTICKY'),
          cookieLifetime: num(http.cookie_lifetime) ?? 300,
          certificates: list(http.certificates).filter((c) => typeof c === 'number'),
          redirectHttp: http.redirect_http === true,
          stickySessions: http.sticky_sessions === true,
        }
      : undefined,
  };
}

function convertTarget(w: LoadBalancerTargetSchema): LoadBalancerTarget {
  return {
    type: text(w.type),
    serverId: num(w.server?.id),
    labelSelector: typeof w.label_selector?.selector === 'string' ? w.label_selector.selector : undefined,
    ip: typeof w.ip?.ip === 'string' ? w.ip.ip : undefined,
    usePrivateIp: w.use_private_ip === true,
    healthStatus: convertHealth(w.health_status),
    targets: Array.isArray(w.targets)
      ? w.targets.filter((x) => isRecord(x)).map((t) => ({ serverId: num(t.server?.id) ?? 0, usePrivateIp: t.use_private_ip === true, healthStatus: convertHealth(t.health_status) }))
      : undefined,
  };
}

function address(v: { ip: string | null; dns_ptr: string | null } | undefined): { ip?: string; dnsPtr?: string } | undefined {
  if (!isRecord(v)) return undefined;
  return { ip: opt(v.ip) ?? undefined, dnsPtr: opt(v.dns_ptr) ?? undefined };
}

export function convertLoadBalancer(w: LoadBalancerSchema): LoadBalancer {
  return {
    id: requiredId(w),
    name: text(w.name),
    created: requiredDate(w.created),
    publicNet: { enabled: w.public_net?.enabled === true, ipv4: address(w.public_net?.ipv4), ipv6: address(w.public_net?.ipv6) },
    privateNet: list(w.private_net)
      .filter((x) => isRecord(x))
      .map((p) => ({ networkId: num(p.network) ?? 0, ip: text(p.ip) })),
    location: convertLocation(required(w.location, 'location')),
    loadBalancerType: convertLoadBalancerType(required(w.load_balancer_type, 'load_balancer_type')),
    algorithm: text(w.algorithm?.type, 'round_robin'),
    services: list(w.services).filter((x) => isRecord(x)).map(convertService),
    targets: list(w.targets).filter((x) => isRecord(x)).map(convertTarget),
    includedTraffic: num(w.included_traffic) ?? 0,
    ingoingTraffic: num(w.ingoing_traffic),
    outgoingTraffic: num(w.outgoing_traffic),
    protection: { delete: w.protection?.delete === true },
    labels: convertLabels(w.labels) ?? {},
  };
}
