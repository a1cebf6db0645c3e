// A Load Balancer's words in the tree: its row (type, location, public IPs or "private only",
// targets' health), its tooltip (algorithm, network, price gross with net, traffic, protection,
// labels), its services' and targets' rows (health per service, certificates by name), the Catalog's
// Load Balancer types; text from the API escaped.
import * as assert from 'node:assert/strict';
import type { LoadBalancer, LoadBalancerService, LoadBalancerTarget, LoadBalancerType } from '../../../src/api/types';
import {
  healthSummary,
  healthText,
  loadBalancerDescription,
  loadBalancerTooltip,
  loadBalancerTypeDescription,
  loadBalancerTypeTooltip,
  overallHealth,
  publicAddressText,
  serviceDescription,
  serviceLabel,
  serviceTooltip,
  targetDescription,
  targetHealth,
  targetLabel,
  targetTooltip,
} from '../../../src/tree/loadBalancerFormat';

const eur = (net: number, gross: number) => ({ net, gross, currency: 'EUR' });
const type: LoadBalancerType = {
  id: 1,
  name: 'lb11',
  description: 'LB11',
  maxConnections: 10000,
  maxServices: 5,
  maxTargets: 25,
  maxAssignedCertificates: 10,
  prices: [
    { location: 'fsn1', monthly: eur(5.39, 6.4141), hourly: eur(0.0086, 0.0102), includedTraffic: 20 * 1024 ** 4 },
    { location: 'hel1', monthly: eur(5.39, 6.4141), hourly: eur(0.0086, 0.0102) },
  ],
};
const https: LoadBalancerService = {
  protocol: 'https',
  listenPort: 443,
  destinationPort: 80,
  proxyprotocol: false,
  healthCheck: { protocol: 'http', port: 80, interval: 15, timeout: 10, retries: 3, http: { path: '/health', statusCodes: ['2??'], tls: false, domain: 'shop.example' } },
  http: { cookieName: 'HCLBSTICKY', cookieLifetime: 300, certificates: [7, 8], redirectHttp: true, stickySessions: true },
};
const tcp: LoadBalancerService = { protocol: 'tcp', listenPort: 22, destinationPort: 22, proxyprotocol: true, healthCheck: { protocol: 'tcp', port: 22, interval: 10, timeout: 5, retries: 2 } };
const web1: LoadBalancerTarget = {
  type: 'server',
  serverId: 44,
  usePrivateIp: false,
  healthStatus: [
    { listenPort: 443, status: 'healthy' },
    { listenPort: 22, status: 'healthy' },
  ],
};
const web2: LoadBalancerTarget = {
  type: 'server',
  serverId: 45,
  usePrivateIp: true,
  healthStatus: [
    { listenPort: 443, status: 'healthy' },
    { listenPort: 22, status: 'unhealthy' },
  ],
};
const selector: LoadBalancerTarget = {
  type: 'label_selector',
  labelSelector: 'env=prod',
  usePrivateIp: false,
  healthStatus: [],
  targets: [
    { serverId: 44, usePrivateIp: false, healthStatus: [{ listenPort: 443, status: 'healthy' }] },
    { serverId: 46, usePrivateIp: false, healthStatus: [{ listenPort: 443, status: 'unknown' }] },
  ],
};
const ip: LoadBalancerTarget = { type: 'ip', ip: '203.0.113.9', usePrivateIp: false, healthStatus: [{ listenPort: 443, status: 'unhealthy' }] };

const lb: LoadBalancer = {
  id: 9,
  name: 'shop*[x](http://evil)',
  created: new Date('2026-02-03T10:00:00Z'),
  publicNet: { enabled: true, ipv4: { ip: '198.51.100.5', dnsPtr: 'lb.example' }, ipv6: { ip: '2001:db8::1' } },
  privateNet: [{ networkId: 3, ip: '10.0.0.5' }],
  location: { id: 1, name: 'fsn1', description: 'Falkenstein DC Park 1', country: 'DE', city: 'Falkenstein', latitude: 0, longitude: 0, networkZone: 'eu-central' },
  loadBalancerType: type,
  algorithm: 'least_connections',
  services: [https, tcp],
  targets: [web1, web2],
  includedTraffic: 20 * 1024 ** 4,
  ingoingTraffic: 1024 ** 3,
  outgoingTraffic: undefined,
  protection: { delete: true },
  labels: { env: 'prod' },
};
const names: Record<number, string> = { 44: 'web-1', 45: 'web-2' };
const lookup = {
  serverName: (id: number) => names[id],
  floatingIp: () => undefined,
  networkName: (id: number) => (id === 3 ? 'backend' : undefined),
  certificateName: (id: number) => (id === 7 ? 'shop-cert' : undefined),
};

describe('tree: Load Balancer rows', () => {
  it('the row: type, location, public IPs, the targets\' health summary, protection', () => {
    assert.equal(loadBalancerDescription(lb), 'lb11 · fsn1 · 198.51.100.5, 2001:db8::1 · 1/2 healthy · 1 unhealthy · protected');
    const allGood = { ...lb, targets: [web1], protection: { delete: false } };
    assert.equal(loadBalancerDescription(allGood), 'lb11 · fsn1 · 198.51.100.5, 2001:db8::1 · 1/1 healthy');
    assert.equal(healthSummary({ ...lb, targets: [] }), 'no targets');
  });

  it('a public interface turned off reads "private only"', () => {
    assert.equal(publicAddressText({ ...lb, publicNet: { enabled: false } }), 'private only');
    assert.match(loadBalancerTooltip({ ...lb, publicNet: { enabled: false } }, lookup), /IPv4: none \(public interface disabled\)/);
  });

  it('a label selector counts each server it matched; a selector that matched none counts nothing', () => {
    assert.equal(healthSummary({ ...lb, targets: [selector, ip] }), '1/3 healthy · 1 unhealthy');
    assert.equal(healthSummary({ ...lb, targets: [{ ...selector, targets: [] }] }), 'no targets');
  });

  it('the tooltip: addresses, algorithm, network by name, price gross with net, traffic, protection, labels; the name escaped', () => {
    const text = loadBalancerTooltip(lb, lookup);
    assert.ok(text.startsWith('**shop\\*\\[x\\]\\(http\\:\\/\\/evil\\)** — Load Balancer lb11'), text);
    assert.match(text, /IPv4: `198\.51\.100\.5` \(lb\\\.example\)/);
    assert.match(text, /Algorithm: least connections/);
    assert.match(text, /Network: backend \(`10\.0\.0\.5`\)/);
    assert.ok(text.includes('Price: €6\\.41\\/mo \\(€5\\.39\\/mo net\\, €0\\.0102\\/h\\)'), text);
    assert.ok(text.includes('Traffic: 1 GiB in\\, unknown out\\, 20 TiB included'), text);
    assert.match(text, /Services: https 443 → 80, tcp 22 → 22/);
    assert.match(text, /Protection: protected against delete/);
    assert.match(text, /Labels: env\\=prod/);
    assert.match(loadBalancerTooltip({ ...lb, privateNet: [{ networkId: 4, ip: '10.1.0.2' }] }), /Network: network 4/);
    assert.match(loadBalancerTooltip({ ...lb, location: { ...lb.location, name: 'ash' } }), /Price: see the Load Balancer Types folder/);
  });
});

describe('tree: Load Balancer services', () => {
  it('`https 443 → 80` with its health check, sticky sessions, certificates by name (ids otherwise), redirect', () => {
    assert.equal(serviceLabel(https), 'https 443 → 80');
    assert.equal(serviceDescription(https, lookup), 'health: http /health every 15s · sticky sessions · certificates: shop-cert, certificate 8 · redirects http');
    assert.equal(serviceDescription(https), 'health: http /health every 15s · sticky sessions · certificates: certificate 7, certificate 8 · redirects http');
    assert.equal(serviceDescription(tcp), 'health: tcp :22 every 10s · proxy protocol');
  });

  it('the tooltip: health check in full, cookie, certificates, redirect; API text escaped', () => {
    const text = serviceTooltip({ ...https, http: { ...https.http!, cookieName: 'a`b' } }, lookup);
    assert.match(text, /Health check: http \\\/health every 15s, timeout 10s, 3 retries, expects 2\\\?\\\?/);
    assert.match(text, /Health check host: `shop\.example`/);
    assert.match(text, /Sticky sessions: on \(cookie ``a`b``, 300s\)/);
    assert.match(text, /Certificates: shop\\-cert, certificate 8/);
    assert.match(text, /Redirect http to https: yes/);
    assert.doesNotMatch(serviceTooltip(tcp), /Certificates|Sticky/);
  });
});

describe('tree: Load Balancer targets', () => {
  it('a server by name (or id) with its health per service', () => {
    assert.equal(targetLabel(web2, lookup), 'web-2');
    assert.equal(targetLabel({ ...web2, serverId: 99 }, lookup), 'server 99');
    assert.equal(targetDescription(web2), 'healthy on 443, unhealthy on 22 · private IP');
    assert.equal(targetHealth(web2), 'unhealthy');
    assert.equal(targetHealth(web1), 'healthy');
  });

  it('a label selector with the servers it matched and how many are healthy', () => {
    assert.equal(targetLabel(selector, lookup), 'label: env=prod');
    assert.equal(targetDescription(selector), '2 servers · 1/2 healthy');
    assert.equal(targetHealth(selector), 'unknown');
    assert.equal(targetDescription({ ...selector, targets: [] }), 'matches no server');
    assert.match(targetTooltip(selector, lookup), /Matched servers: web\\-1 \(healthy on 443\), server 46 \(unknown on 443\)/);
  });

  it('an IP target, and health words', () => {
    assert.equal(targetLabel(ip), '203.0.113.9');
    assert.equal(targetDescription(ip), 'unhealthy on 443');
    assert.match(targetTooltip(ip), /Health: unhealthy on 443/);
    assert.equal(healthText([]), 'no services');
    assert.equal(overallHealth([]), 'unknown');
    assert.equal(overallHealth([{ listenPort: 80, status: 'healthy' }, { listenPort: 443, status: 'unknown' }]), 'unknown');
  });
});

describe('tree: Load Balancer types (Catalog)', () => {
  it("each type's limits and its monthly price", () => {
    assert.equal(loadBalancerTypeDescription(type), '10000 connections · 5 services · 25 targets · 10 certificates · €6.41/mo');
    const dearer = { ...type, prices: [...type.prices, { location: 'ash', monthly: eur(6, 7.14) }] };
    assert.match(loadBalancerTypeDescription(dearer), /from €6\.41\/mo$/);
    const text = loadBalancerTypeTooltip(type);
    assert.match(text, /Targets: up to 25/);
    assert.ok(text.includes('- fsn1\\: €6\\.41\\/mo \\(€5\\.39\\/mo net\\, €0\\.0102\\/h\\) · 20 TiB traffic included'), text);
  });
});
