import * as assert from 'node:assert/strict';
import { firstSubnetOf, parseAliasIps, validateAliasIps, validateIpIn, validateLargerRange, validateNetworkRange, validateRouteDestination, validateSubnetRange, validateVswitchId } from '../../../src/commands/networkValidate';

const NET = { ipRange: '10.0.0.0/16', subnets: [{ type: 'cloud', ipRange: '10.0.1.0/24', networkZone: 'eu-central', gateway: '10.0.0.1' }], routes: [{ destination: '10.100.0.0/24', gateway: '10.0.1.5' }] };

describe('network input checks', () => {
  it('network ranges: CIDR, RFC 1918, at least a /24; growing only', () => {
    assert.equal(validateNetworkRange('10.0.0.0/16'), undefined);
    assert.match(validateNetworkRange('10.0.0.1/16') ?? '', /CIDR/);
    assert.match(validateNetworkRange('8.8.0.0/16') ?? '', /RFC 1918/);
    assert.match(validateNetworkRange('10.0.0.0/25') ?? '', /\/24/);
    assert.equal(validateLargerRange('10.0.0.0/15', '10.0.0.0/16'), undefined);
    assert.match(validateLargerRange('10.0.0.0/17', '10.0.0.0/16') ?? '', /can only grow/);
    assert.match(validateLargerRange('10.2.0.0/15', '10.0.0.0/16') ?? '', /can only grow/);
  });

  it('subnets inside the network, no overlap; empty lets the API pick; suggestions', () => {
    assert.equal(validateSubnetRange('', NET), undefined);
    assert.equal(validateSubnetRange('10.0.2.0/24', NET), undefined);
    assert.match(validateSubnetRange('10.1.0.0/24', NET) ?? '', /inside/);
    assert.match(validateSubnetRange('10.0.1.128/25', NET) ?? '', /overlaps 10\.0\.1\.0\/24/);
    assert.match(validateSubnetRange('10.0.2.0/31', NET) ?? '', /\/30/);
    assert.equal(firstSubnetOf('10.0.0.0/16'), '10.0.1.0/24');
    assert.equal(firstSubnetOf('192.168.5.0/24'), '192.168.5.0/24');
  });

  it('routes, IPs, alias IPs and vSwitch ids', () => {
    assert.equal(validateRouteDestination('0.0.0.0/0', { subnets: [], routes: [] }), undefined);
    assert.match(validateRouteDestination('8.8.8.0/24', NET) ?? '', /private/);
    assert.match(validateRouteDestination('10.100.0.0/16', NET) ?? '', /overlaps/);
    assert.equal(validateIpIn('10.0.1.9', '10.0.0.0/16'), undefined);
    assert.match(validateIpIn('10.1.0.1', '10.0.0.0/16') ?? '', /inside 10\.0\.0\.0\/16/);
    assert.match(validateIpIn('10.0.1', '10.0.0.0/16') ?? '', /IPv4/);
    assert.deepEqual(parseAliasIps(' 10.0.1.2, 10.0.1.3 10.0.1.4 '), ['10.0.1.2', '10.0.1.3', '10.0.1.4']);
    assert.equal(validateAliasIps('', '10.0.0.0/16'), undefined);
    assert.match(validateAliasIps('10.0.1.2, 10.0.1.2', '10.0.0.0/16') ?? '', /twice/);
    assert.match(validateAliasIps('10.0.1.2, 192.168.0.1', '10.0.0.0/16') ?? '', /192\.168\.0\.1/);
    assert.equal(validateVswitchId('1000'), undefined);
    assert.match(validateVswitchId('0') ?? '', /positive/);
  });
});
