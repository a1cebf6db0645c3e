// Create Load Balancer's rules: names, the types offered in a location with their price, the
// servers of the location, ports and label selectors typed by the user, the request it sends and
// the summary with the price.
import assert from 'node:assert/strict';
import type { LoadBalancerType, Location, Money, Network, Server } from '../../../src/api/types';
import {
  createParams,
  isComplete,
  labelSelectorProblem,
  loadBalancerNameProblem,
  parseTcpPorts,
  serversIn,
  summaryLines,
  typeChoiceText,
  typesIn,
  type CompleteAnswers,
} from '../../../src/commands/loadBalancer/createModel';

const eur = (net: number, gross: number): Money => ({ net, gross, currency: 'EUR' });
const loc = (name: string, networkZone = 'eu-central'): Location => ({ id: name.length, name, description: name, country: 'DE', city: `${name}-city`, latitude: 0, longitude: 0, networkZone });
const fsn1 = loc('fsn1');
const type = (id: number, name: string, gross: number, where = ['fsn1'], deprecated?: Date): LoadBalancerType => ({
  id,
  name,
  description: name.toUpperCase(),
  maxConnections: 10000 * id,
  maxServices: 5 * id,
  maxTargets: 25 * id,
  maxAssignedCertificates: 10,
  prices: where.map((location) => ({ location, monthly: eur(gross / 1.19, gross), hourly: eur(0.01, 0.0119) })),
  deprecated,
});
const lb11 = type(1, 'lb11', 6.41);
const lb21 = type(2, 'lb21', 19.99);
const server = (id: number, name: string, location: string, networks: number[] = []): Server =>
  ({ id, name, location: loc(location), publicNet: { ipv4: { ip: `203.0.113.${id}` } }, privateNet: networks.map((networkId) => ({ networkId, ip: `10.0.0.${id}`, aliasIps: [] })), status: 'running' }) as unknown as Server;
const net = { id: 3, name: 'backend', ipRange: '10.0.0.0/16', subnets: [{ networkZone: 'eu-central' }] } as unknown as Network;

describe('Create Load Balancer (createModel)', () => {
  it('checks the name: hostname-like and not taken', () => {
    assert.equal(loadBalancerNameProblem('lb-web', ['lb-db']), undefined);
    assert.match(loadBalancerNameProblem('', [])!, /Enter a name/);
    assert.match(loadBalancerNameProblem('-lb', [])!, /starting and ending with a letter or digit/);
    assert.match(loadBalancerNameProblem('lb web', [])!, /letters, digits/);
    assert.equal(loadBalancerNameProblem('lb-db', ['lb-db']), 'A Load Balancer named "lb-db" exists already.');
  });

  it('offers the types priced in the location, cheapest first, none deprecated; each with its monthly price there', () => {
    const old = type(9, 'lb-old', 1, ['fsn1'], new Date('2025-01-01'));
    const elsewhere = type(3, 'lb31', 40, ['ash']);
    assert.deepEqual(typesIn([lb21, old, elsewhere, lb11], 'fsn1').map((t) => t.name), ['lb11', 'lb21']);
    assert.equal(typeChoiceText(lb11, 'fsn1'), '10000 connections · 5 services · 25 targets · €6.41/mo');
    assert.equal(typeChoiceText(lb11, 'ash'), '10000 connections · 5 services · 25 targets · price unknown');
  });

  it("offers the location's servers as targets", () => {
    assert.deepEqual(serversIn([server(1, 'web-1', 'fsn1'), server(2, 'web-2', 'nbg1')], 'fsn1').map((s) => s.name), ['web-1']);
  });

  it('reads tcp ports as `port` or `listen:destination`, each 1..65535', () => {
    assert.deepEqual(parseTcpPorts('5432'), { listenPort: 5432, destinationPort: 5432 });
    assert.deepEqual(parseTcpPorts(' 5432:6432 '), { listenPort: 5432, destinationPort: 6432 });
    for (const bad of ['', '0', '65536', 'ssh', '1:2:3', '80:']) assert.ok('error' in parseTcpPorts(bad), bad);
  });

  it('checks a label selector loosely before sending it', () => {
    assert.equal(labelSelectorProblem('env=prod,role in (web,api)'), undefined);
    assert.match(labelSelectorProblem('  ')!, /Enter a label selector/);
    assert.match(labelSelectorProblem('env=prod,,x')!, /empty expression/);
  });

  const answers: CompleteAnswers = {
    name: ' lb-web ',
    location: fsn1,
    type: lb11,
    algorithm: 'least_connections',
    network: net,
    targets: { kind: 'servers', servers: [server(1, 'web-1', 'fsn1', [3]), server(2, 'web-2', 'fsn1')] },
    service: { kind: 'https', certificates: [{ id: 7, name: 'shop-cert' }], redirectHttp: true },
  };

  it('sends name, type, location, algorithm, network, the servers (private IP where attached to that network) and the https service', () => {
    assert.ok(isComplete(answers));
    assert.ok(!isComplete({ ...answers, network: undefined }), 'the network step (even "No network") must be answered');
    assert.deepEqual(createParams(answers), {
      name: 'lb-web',
      loadBalancerType: 'lb11',
      location: 'fsn1',
      algorithm: 'least_connections',
      network: 3,
      targets: [
        { type: 'server', serverId: 1, usePrivateIp: true },
        { type: 'server', serverId: 2, usePrivateIp: false },
      ],
      services: [{ protocol: 'https', listenPort: 443, destinationPort: 80, http: { certificates: [7], redirectHttp: true } }],
    });
  });

  it('sends nothing for what was left out: no network, no targets, no service; a label selector and tcp as typed', () => {
    const bare = { ...answers, network: null, targets: { kind: 'none' as const }, service: { kind: 'none' as const } };
    assert.deepEqual(createParams(bare), { name: 'lb-web', loadBalancerType: 'lb11', location: 'fsn1', algorithm: 'least_connections' });
    const other = { ...bare, targets: { kind: 'labelSelector' as const, selector: ' env=prod ' }, service: { kind: 'tcp' as const, listenPort: 5432, destinationPort: 6432 } };
    const p = createParams(other);
    assert.deepEqual(p.targets, [{ type: 'label_selector', labelSelector: 'env=prod' }]);
    assert.deepEqual(p.services, [{ protocol: 'tcp', listenPort: 5432, destinationPort: 6432 }]);
    assert.deepEqual(createParams({ ...bare, service: { kind: 'http' } }).services, [{ protocol: 'http', listenPort: 80, destinationPort: 80 }]);
  });

  it('sums the answers up with the price, gross with net and hourly', () => {
    assert.deepEqual(summaryLines(answers), [
      'Name: lb-web',
      'Location: fsn1 (fsn1-city)',
      'Type: lb11 (10000 connections, 5 services, 25 targets)',
      'Price: €6.41/mo (€5.39/mo net, €0.0119/h)',
      'Algorithm: least connections',
      'Network: backend',
      'Targets: "web-1", "web-2"',
      'Service: https 443 → 80 with "shop-cert", redirecting http',
    ]);
  });
});
