import assert from 'node:assert/strict';
import type { Firewall, Location, Money, Network, PlacementGroup, Pricing, PrimaryIp, Volume } from '../../../src/api/types';
import {
  attachableVolumes,
  describePublicNet,
  freePrimaryIps,
  joinableNetworks,
  newVolumeName,
  openPlacementGroups,
  sumMonthly,
  todayCreateParams,
  todayMonthly,
  todayProblem,
  todaySummaryLines,
} from '../../../src/commands/createServer/todayModel';

const eur = (net: number, gross: number): Money => ({ net, gross, currency: 'EUR' });
const loc = (name: string, networkZone = 'eu-central'): Location => ({ id: name.length, name, description: name, country: 'DE', city: name, latitude: 0, longitude: 0, networkZone });
const fsn1 = loc('fsn1');
const ash = loc('ash', 'us-east');
const volume = (id: number, location: Location, serverId?: number, status = 'available'): Volume =>
  ({ id, name: `v${id}`, size: 10, location, serverId, status, linuxDevice: `/dev/v${id}`, protection: { delete: false }, labels: {}, created: new Date(0) }) as Volume;
const ip = (id: number, type: 'ipv4' | 'ipv6', location: Location, assigneeId?: number): PrimaryIp =>
  ({ id, name: `ip${id}`, ip: `203.0.113.${id}`, type, location, assigneeId, autoDelete: false, blocked: false, dnsPtr: [], protection: { delete: false }, labels: {} }) as PrimaryIp;
const pricing = { volume: { perGbMonth: eur(0.04, 0.0476) }, primaryIps: [{ type: 'ipv4', prices: [{ location: 'fsn1', monthly: eur(0.5, 0.595) }] }, { type: 'ipv6', prices: [{ location: 'fsn1', monthly: eur(0, 0) }] }] } as unknown as Pricing;

describe("Create Server's options (todayModel)", () => {
  it('offers detached, available volumes of the location only', () => {
    const list = [volume(1, fsn1), volume(2, fsn1, 7), volume(3, ash), volume(4, fsn1, undefined, 'creating')];
    assert.deepEqual(attachableVolumes(list, fsn1).map((v) => v.id), [1]);
  });

  it("offers networks with a subnet in the location's zone, groups with room, unassigned IPs of the family and location", () => {
    const net = (id: number, zone: string) => ({ id, name: `n${id}`, subnets: [{ networkZone: zone }] }) as unknown as Network;
    assert.deepEqual(joinableNetworks([net(1, 'eu-central'), net(2, 'us-east')], fsn1).map((n) => n.id), [1]);
    const group = (id: number, members: number) => ({ id, serverIds: Array.from({ length: members }, (_, i) => i) }) as unknown as PlacementGroup;
    assert.deepEqual(openPlacementGroups([group(1, 9), group(2, 10)]).map((g) => g.id), [1]);
    assert.deepEqual(freePrimaryIps([ip(1, 'ipv4', fsn1), ip(2, 'ipv4', fsn1, 5), ip(3, 'ipv6', fsn1), ip(4, 'ipv4', ash)], 'ipv4', fsn1).map((p) => p.id), [1]);
  });

  it('sends nothing for answers left at the API default, and exactly the chosen fields otherwise', () => {
    assert.deepEqual(todayCreateParams({}), {});
    assert.deepEqual(todayCreateParams({ publicNet: { ipv4: 'new', ipv6: 'new' }, placementGroup: null, networks: [] }), {});
    const spare = ip(9, 'ipv4', fsn1);
    assert.deepEqual(
      todayCreateParams({ existingVolumes: [volume(1, fsn1)], networks: [{ id: 4 } as Network], placementGroup: { id: 3 } as PlacementGroup, publicNet: { ipv4: spare, ipv6: 'none' } }),
      { volumes: [1], automount: true, networks: [4], placementGroup: 3, publicNet: { enableIpv4: true, enableIpv6: false, ipv4: 9 } },
    );
  });

  it('prices new volumes and new Primary IPs; an unknown price makes the sum unknown', () => {
    const prices = todayMonthly({ newVolumes: [{ name: 'a', size: 100 }] }, pricing, 'fsn1');
    assert.deepEqual(sumMonthly(prices), eur(4.5, 5.355));
    assert.deepEqual(sumMonthly(todayMonthly({ publicNet: { ipv4: 'none', ipv6: 'new' } }, pricing, 'fsn1')), eur(0, 0));
    assert.equal(sumMonthly(todayMonthly({}, pricing, 'nbg1')), undefined, 'no Primary IP price listed for nbg1');
    assert.equal(sumMonthly([]), undefined);
  });

  it('says the public network in words and refuses no address without a network', () => {
    assert.equal(describePublicNet({ ipv4: 'new', ipv6: 'new' }), 'a new IPv4 and IPv6');
    assert.equal(describePublicNet({ ipv4: 'none', ipv6: 'new' }), 'a new IPv6 only');
    assert.equal(describePublicNet({ ipv4: ip(1, 'ipv4', fsn1), ipv6: 'none' }), '203.0.113.1 (Primary IP "ip1") only');
    assert.equal(describePublicNet({ ipv4: 'none', ipv6: 'none' }), 'none (private networks only)');
    assert.match(todayProblem({ publicNet: { ipv4: 'none', ipv6: 'none' } }) ?? '', /must be in a private network/);
    assert.equal(todayProblem({ publicNet: { ipv4: 'none', ipv6: 'none' }, networks: [{ id: 1 } as Network] }), undefined);
  });

  it('firewalls: sent by id, named in the summary (no line without them), refused without a public address', () => {
    const fw = (id: number, name: string) => ({ id, name }) as Firewall;
    assert.deepEqual(todayCreateParams({ firewalls: [fw(38, 'web-fw'), fw(39, 'ssh')] }), { firewalls: [38, 39] });
    assert.deepEqual(todayCreateParams({ firewalls: [] }), {});
    const lines = todaySummaryLines({ firewalls: [fw(38, 'web-fw'), fw(39, 'ssh')] }, pricing, 'fsn1');
    assert.equal(lines.at(-1), 'Firewalls: web-fw, ssh');
    assert.ok(!todaySummaryLines({}, pricing, 'fsn1').some((l) => l.startsWith('Firewalls')));
    const privateOnly = { publicNet: { ipv4: 'none', ipv6: 'none' } as const, networks: [{ id: 1 } as Network] };
    assert.match(todayProblem({ ...privateOnly, firewalls: [fw(38, 'web-fw')] }) ?? '', /cannot have firewalls/);
    assert.equal(todayProblem({ ...privateOnly, firewalls: [] }), undefined);
  });

  it('names a new volume after the server, skipping taken names', () => {
    assert.equal(newVolumeName('web', []), 'web-volume-1');
    assert.equal(newVolumeName('web', ['web-volume-1', 'web-volume-2']), 'web-volume-3');
  });
});
